package io.etl.generate;

import io.etl.spec.EtlSpec;
import io.etl.spec.Field;
import io.etl.warehouse.Column;
import io.etl.warehouse.SqlType;
import io.etl.warehouse.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How a live collection, as a fresh sample shows it, has drifted from an ETL's declaration: fields the declaration
 * does not map, strings longer than their column, values of another type than their column's, and declared fields no
 * sampled document has. One line each, for {@code etl generate <collection> --update}.
 *
 * @param byHand the changes that generating the ETL again cannot make: a type the table holds otherwise, a field gone
 */
public record DeclarationDrift(String etl, List<String> changes, List<String> byHand) {

    /** @param sampled the ETL {@code etl generate} would write for the collection now */
    public static DeclarationDrift between(EtlSpec spec, Table table, EtlPlan sampled) {
        Map<String, Field> declared = spec.fields().stream().collect(Collectors.toMap(Field::path, Function.identity()));
        Map<String, PlannedField> seen = sampled.fields().stream().collect(Collectors.toMap(PlannedField::path, Function.identity()));
        List<String> changes = new ArrayList<>();
        List<String> byHand = new ArrayList<>();
        for (PlannedField field : sampled.fields()) {
            Field mapped = declared.get(field.path());
            if (mapped == null) {
                changes.add("new field " + field.path() + " (" + field.sampledTypes() + "): declare it as "
                        + field.columns().stream().map(c -> c.name() + " " + c.type().sql()).collect(Collectors.joining(", "))
                        + ", and the next load adds the column");
            } else {
                for (Column column : field.columns()) {
                    held(table, mapped, field, column).ifPresent(existing -> {
                        widening(field, column, existing).ifPresent(changes::add);
                        retyping(field, column, existing).ifPresent(change -> {
                            changes.add(change);
                            byHand.add(change);
                        });
                    });
                }
            }
        }
        spec.fields().stream().filter(field -> !seen.containsKey(field.path())).forEach(field -> {
            String change = "field " + field.path() + " is declared but no sampled document has it";
            changes.add(change);
            byHand.add(change);
        });
        return new DeclarationDrift(spec.name(), List.copyOf(changes), List.copyOf(byHand));
    }

    /** The table's column for a planned one: the same suffix ({@code _1 … _N}) after the column the field is mapped to. */
    private static Optional<Column> held(Table table, Field mapped, PlannedField field, Column planned) {
        String suffix = planned.name().startsWith(field.column()) ? planned.name().substring(field.column().length()) : "";
        String name = mapped.column() + suffix;
        return table.columns().stream().filter(column -> column.name().equals(name)).findFirst();
    }

    private static Optional<String> widening(PlannedField field, Column planned, Column existing) {
        SqlType wanted = planned.type();
        SqlType held = existing.type();
        boolean wider = wanted.kind() == SqlType.Kind.VARCHAR && held.kind() == SqlType.Kind.VARCHAR && wanted.length() > held.length();
        return wider ? Optional.of("column " + existing.name() + " " + held.sql() + " is too narrow for the sample's "
                + field.path() + ": declare it " + wanted.sql() + ", and the next load widens it") : Optional.empty();
    }

    private static Optional<String> retyping(PlannedField field, Column planned, Column existing) {
        return planned.type().kind() == existing.type().kind() ? Optional.empty()
                : Optional.of("field " + field.path() + " is " + field.sampledTypes() + " in the sample, and column "
                + existing.name() + " is " + existing.type().sql() + ": values it cannot hold are rejected");
    }

    public boolean none() {
        return changes.isEmpty();
    }
}
