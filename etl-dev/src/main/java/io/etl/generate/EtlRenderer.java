package io.etl.generate;

import io.etl.transform.PigNames;
import io.etl.warehouse.ChildTable;
import io.etl.warehouse.Column;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a plan into the files of a working ETL: the Java class (spec, table, pipeline) and its task catalog, and
 * the Pig script. The table's DDL is no file of its own: the first load makes it from the class's table.
 */
public final class EtlRenderer {

    private final Templates templates;

    /** @param templateFolder the project's {@code templates/}, read before the packaged copies */
    public EtlRenderer(Path templateFolder) {
        this.templates = new Templates(templateFolder);
    }

    public List<GeneratedFile> render(EtlPlan plan) {
        plan.spec(); // the generated class builds it when loaded: fail here rather than there
        Map<String, Object> context = context(plan);
        String javaFolder = ProjectTree.JAVA_PACKAGES + plan.javaPackage() + "/";
        return List.of(
                new GeneratedFile(javaFolder + plan.javaClass() + ".java", templates.render("etl.java.jinja", context)),
                new GeneratedFile(javaFolder + catalogClass(plan) + ".java", templates.render("catalog.java.jinja", context)),
                new GeneratedFile(ProjectTree.PIG_SCRIPTS + plan.name() + ".pig", templates.render("etl.pig.jinja", context)));
    }

    /** The catalog's fully qualified name, for {@code META-INF/services/io.etl.task.TaskCatalog}. */
    public static String catalog(EtlPlan plan) {
        return "io.etl.generated." + plan.javaPackage() + "." + catalogClass(plan);
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
        context.put("children", plan.children().stream().map(EtlRenderer::child).toList());
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

    /** An unwound array: its declaration, its table, and its relation's fields in the Pig script. */
    private static Map<String, Object> child(PlannedChild child) {
        List<String> relation = new ArrayList<>(List.of(child.parentKey(), ChildTable.POSITION));
        child.fields().forEach(field -> relation.add(field.column()));
        List<String> pigs = PigNames.of(relation);
        List<Map<String, Object>> fields = new ArrayList<>();
        for (int i = 0; i < child.fields().size(); i++) {
            PlannedField field = child.fields().get(i);
            String pig = pigs.get(i + 2);
            Map<String, Object> model = field(field, pig, List.of(pig));
            model.put("type", JavaSource.sqlType(field.columns().get(0).type()));
            fields.add(model);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("name", child.name());
        model.put("array_literal", JavaSource.literal(child.array()));
        model.put("values", child.values());
        model.put("table", child.table());
        model.put("parent_key", child.parentKey());
        model.put("parent_key_pig", pigs.get(0));
        model.put("position_pig", pigs.get(1));
        model.put("elements", child.elements());
        model.put("fields", fields);
        return model;
    }

    private static Map<String, Object> column(PlannedField field, Column column) {
        return Map.of("name", column.name(), "type", JavaSource.sqlType(column.type()), "always_present", field.alwaysPresent());
    }

    private static String catalogClass(EtlPlan plan) {
        return plan.javaClass() + "Catalog";
    }
}
