package io.etl.generate;

import io.etl.transform.PigNames;
import io.etl.warehouse.Column;
import io.etl.warehouse.Dialect;
import io.etl.warehouse.Statements;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a plan into the files of a working ETL: the Java class (spec, table, pipeline) and its task catalog, the
 * Pig script, and the CREATE TABLE of each warehouse, exactly as {@link Statements} makes it at the first load.
 */
public final class EtlRenderer {

    /** The schema the SQL files show; the load creates the table in setting {@code warehouse.schema}. */
    private static final String SCHEMA = "public";

    private final Templates templates;

    /** @param templateFolder the project's {@code templates/}, read before the packaged copies */
    public EtlRenderer(Path templateFolder) {
        this.templates = new Templates(templateFolder);
    }

    public List<GeneratedFile> render(EtlPlan plan) {
        plan.spec(); // the generated class builds it when loaded: fail here rather than there
        Map<String, Object> context = context(plan);
        String javaFolder = "etl-tasks/src/main/java/io/etl/generated/" + plan.javaPackage() + "/";
        return List.of(
                new GeneratedFile(javaFolder + plan.javaClass() + ".java", templates.render("etl.java.jinja", context)),
                new GeneratedFile(javaFolder + catalogClass(plan) + ".java", templates.render("catalog.java.jinja", context)),
                new GeneratedFile("pig/" + plan.name() + ".pig", templates.render("etl.pig.jinja", context)),
                sql(plan, Dialect.REDSHIFT, context),
                sql(plan, Dialect.POSTGRES, context));
    }

    /** The catalog's fully qualified name, for {@code META-INF/services/io.etl.task.TaskCatalog}. */
    public static String catalog(EtlPlan plan) {
        return "io.etl.generated." + plan.javaPackage() + "." + catalogClass(plan);
    }

    private GeneratedFile sql(EtlPlan plan, Dialect dialect, Map<String, Object> context) {
        Map<String, Object> sql = new HashMap<>(context);
        sql.put("dialect", dialect.name().toLowerCase(Locale.ROOT));
        sql.put("create_table", new Statements(dialect, plan.table(SCHEMA)).createTable());
        return new GeneratedFile("sql/" + plan.name() + "." + sql.get("dialect") + ".sql", templates.render("table.sql.jinja", sql));
    }

    private static Map<String, Object> context(EtlPlan plan) {
        Map<String, Object> context = new HashMap<>();
        context.put("name", plan.name());
        context.put("package", "io.etl.generated." + plan.javaPackage());
        context.put("class_name", plan.javaClass());
        context.put("catalog_class", catalogClass(plan));
        context.put("collection_literal", JavaSource.literal(plan.collection()));
        context.put("cursor_literal", JavaSource.literal(plan.cursor().path()));
        context.put("key_literal", JavaSource.literal(plan.key().path()));
        context.put("key_column", plan.key().columns().get(0).name());
        context.put("cursor_column", plan.cursor().columns().get(0).name());
        context.put("sampled", plan.sampled());
        List<String> fieldPigs = PigNames.of(plan.fields().stream().map(PlannedField::column).toList());
        List<String> columnPigs = PigNames.of(plan.columns().stream().map(Column::name).toList());
        List<Map<String, Object>> fields = new ArrayList<>();
        int firstColumn = 0;
        for (int i = 0; i < plan.fields().size(); i++) {
            PlannedField field = plan.fields().get(i);
            int columns = field.columns().size();
            fields.add(field(field, fieldPigs.get(i), columnPigs.subList(firstColumn, firstColumn + columns)));
            firstColumn += columns;
        }
        context.put("fields", fields);
        context.put("columns", plan.fields().stream().flatMap(field -> field.columns().stream().map(column -> column(field, column))).toList());
        context.put("not_null", plan.fields().stream().filter(PlannedField::alwaysPresent)
                .flatMap(field -> field.columns().stream()).map(Column::name).collect(Collectors.joining(", ")));
        return context;
    }

    private static Map<String, Object> field(PlannedField field, String pig, List<String> columnPigs) {
        Map<String, Object> model = new HashMap<>();
        model.put("path_literal", JavaSource.literal(field.path()));
        model.put("column", field.column());
        model.put("field_type", field.fieldType().name());
        model.put("expression", PigField.expression(field, pig, columnPigs));
        model.put("array_columns", field.arrayColumns() ? field.columns().size() - (field.keepsRest() ? 1 : 0) : 0);
        model.put("array_rest", field.keepsRest() ? columnPigs.get(columnPigs.size() - 1) : "");
        model.put("udf", PigField.udf(pig));
        model.put("sampled", field.sampledTypes().isEmpty() ? "only nulls" : field.sampledTypes());
        model.put("always_present", field.alwaysPresent());
        return model;
    }

    private static Map<String, Object> column(PlannedField field, Column column) {
        return Map.of("name", column.name(), "type", JavaSource.sqlType(column.type()), "always_present", field.alwaysPresent());
    }

    private static String catalogClass(EtlPlan plan) {
        return plan.javaClass() + "Catalog";
    }
}
