package io.etl.model;

import io.etl.text.Closest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The models of a folder ({@code models/*.sql}), each with its inputs resolved to ETLs and other models, and checked
 * together: an input that is neither, a model reading itself, models reading each other in a cycle, a model named like
 * a table that an ETL loads are refused, naming the file and what to fix.
 */
public final class Models {

    /** Tables of the warehouse that etl keeps for itself. */
    private static final Set<String> RESERVED = Set.of("etl_loads", "etl_rejects", "etl_models");

    private Models() {
    }

    /**
     * @param etlOfTable the ETL that loads each table, by table name (an ETL's own name among them)
     * @return the models, each after the models it reads
     * @throws IllegalArgumentException naming the file and what to fix (or that it cannot be read)
     */
    public static List<Model> read(Path folder, Map<String, String> etlOfTable) {
        List<ModelFile> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(file -> file.getFileName().toString().endsWith(".sql") && Files.isRegularFile(file))
                    .sorted().map(ModelFile::read).toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the models in " + folder + ": " + e.getMessage(), e);
        }
        Set<String> names = new TreeSet<>(files.stream().map(ModelFile::name).toList());
        Map<String, Model> models = new LinkedHashMap<>();
        for (ModelFile file : files) {
            models.put(file.name(), resolve(file, etlOfTable, names));
        }
        List<Model> ordered = new ArrayList<>();
        models.values().forEach(model -> after(model, models, new ArrayList<>(), ordered));
        return ordered;
    }

    private static Model resolve(ModelFile file, Map<String, String> etlOfTable, Set<String> models) {
        String etlLoading = etlOfTable.get(file.name());
        if (etlLoading != null || RESERVED.contains(file.name())) {
            throw new IllegalArgumentException(file.file() + " would build the table " + file.name() + ", which "
                    + (etlLoading != null ? "the ETL " + etlLoading + " loads" : "etl keeps its records in") + ": rename the file");
        }
        List<String> named = file.reads().orElseGet(() -> file.references().stream()
                .filter(table -> etlOfTable.containsKey(table) || models.contains(table)).toList());
        if (named.isEmpty()) {
            throw new IllegalArgumentException(file.file() + " reads no table of an ETL or a model: name what it reads in a"
                    + " comment line before its SELECT, such as '-- reads: " + etlOfTable.values().stream().sorted().findFirst()
                    .orElse("actions_taken") + "'");
        }
        List<String> etls = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        for (String input : named) {
            if (input.equals(file.name())) {
                throw new IllegalArgumentException(file.file() + " reads its own table " + input + ": a model is built from"
                        + " other tables; remove " + input + " from what it reads");
            }
            if (models.contains(input)) {
                inputs.add(input);
            } else if (etlOfTable.containsKey(input)) {
                etls.add(etlOfTable.get(input));
            } else {
                List<String> known = Stream.concat(etlOfTable.keySet().stream(), models.stream()).toList();
                throw new IllegalArgumentException(file.file() + " reads " + input + ", which is neither the table of an ETL"
                        + " nor a model" + Closest.to(input, known).map(closest -> ": did you mean " + closest + "?")
                        .orElse(": name one that 'etl list' shows"));
            }
        }
        return new Model(file.name(), file.file(), file.select(), etls.stream().distinct().toList(), inputs.stream().distinct().toList());
    }

    /** Adds {@code model} to {@code ordered} after the models it reads, refusing a cycle among them. */
    private static void after(Model model, Map<String, Model> models, List<String> reading, List<Model> ordered) {
        if (ordered.contains(model)) {
            return;
        }
        if (reading.contains(model.name())) {
            List<String> cycle = new ArrayList<>(reading.subList(reading.indexOf(model.name()), reading.size()));
            cycle.add(model.name());
            throw new IllegalArgumentException(model.file() + " is built from itself through the models it reads ("
                    + String.join(" reads ", cycle) + "): remove one of these reads");
        }
        reading.add(model.name());
        model.models().forEach(input -> after(models.get(input), models, reading, ordered));
        reading.remove(reading.size() - 1);
        ordered.add(model);
    }
}
