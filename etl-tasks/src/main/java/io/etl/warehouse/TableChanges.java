package io.etl.warehouse;

import io.etl.task.PermanentFailure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the table in the warehouse needs to hold what its declaration now says, applied by the load in its
 * transaction (in Redshift just before it: {@link Dialect#altersInTransaction}): each declared column it lacks added
 * (NULL in the rows it has), each string column declared wider widened. Nothing is dropped or narrowed: a column no longer declared keeps its values (and is NULL in new rows),
 * and a string column declared narrower keeps its width.
 *
 * @param statements   one ALTER TABLE each, as Redshift takes them
 * @param descriptions what each does, for the run's summary
 */
public record TableChanges(List<String> statements, List<String> descriptions) {

    static final TableChanges NONE = new TableChanges(List.of(), List.of());

    /** @throws PermanentFailure naming a declared column whose type the table holds as another, which no ALTER makes */
    static TableChanges between(Table declared, List<WarehouseColumn> existing) throws PermanentFailure {
        Map<String, WarehouseColumn> byName = existing.stream().collect(Collectors.toMap(WarehouseColumn::name, Function.identity()));
        List<String> statements = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        for (Column column : declared.columns()) {
            String name = Identifiers.quote(column.name());
            WarehouseColumn held = byName.get(column.name());
            if (held == null) {
                statements.add("ALTER TABLE " + declared.qualified() + " ADD COLUMN " + name + " " + column.type().sql());
                descriptions.add("added column " + column.name() + " " + column.type().sql());
            } else if (widens(column.type(), held)) {
                statements.add("ALTER TABLE " + declared.qualified() + " ALTER COLUMN " + name + " TYPE " + column.type().sql());
                descriptions.add("widened column " + column.name() + " from " + held.describe() + " to " + column.type().sql());
            } else if (!held.type().map(type -> type.kind() == column.type().kind()).orElse(false)) {
                throw new PermanentFailure("column " + column.name() + " of " + declared.qualified() + " is " + held.describe()
                        + " in the warehouse but the ETL declares it " + column.type().sql() + ": declare it as the table"
                        + " has it, or change the table yourself (only new columns and wider strings are applied)");
            }
        }
        return new TableChanges(List.copyOf(statements), List.copyOf(descriptions));
    }

    private static boolean widens(SqlType declared, WarehouseColumn held) {
        return declared.kind() == SqlType.Kind.VARCHAR && held.type().filter(type -> type.kind() == SqlType.Kind.VARCHAR)
                .map(type -> declared.length() > type.length()).orElse(false);
    }
}
