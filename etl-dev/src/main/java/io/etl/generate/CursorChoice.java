package io.etl.generate;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which field windows select on: the one date field that an index starts with, or the field named with
 * {@code --cursor}. Of several indexed date fields, the one that says when a document last changed
 * ({@code updated_at}, {@code modifiedAt}…), as an ETL on it loads every change; anything else is ambiguous, and the
 * message lists the candidates.
 *
 * @param path    the cursor field
 * @param indexed whether an index serves it (the extract refuses to run otherwise)
 * @param advice  what a person should know of the choice, if anything
 */
record CursorChoice(String path, boolean indexed, Optional<String> advice) {

    /** Names of a field that is set each time a document changes. */
    private static final Pattern UPDATE_TIME = Pattern.compile("(?i).*(updated|modified|changed|last_?update|last_?modified).*");

    static CursorChoice of(List<FieldProfile> fields, Set<String> indexedPaths, Optional<String> wanted) {
        List<String> dates = fields.stream().filter(f -> f.type() == ColumnType.TIMESTAMP).map(FieldProfile::path).toList();
        if (wanted.isPresent()) {
            String path = wanted.get();
            if (!dates.contains(path)) {
                throw new GenerateException("--cursor " + path + " is not a date field of the sampled documents; "
                        + candidates(dates));
            }
            return new CursorChoice(path, indexedPaths.contains(path), Optional.empty());
        }
        List<String> indexedDates = dates.stream().filter(indexedPaths::contains).toList();
        List<String> updateTimes = dates.stream().filter(path -> UPDATE_TIME.matcher(path).matches()).toList();
        if (indexedDates.size() == 1) {
            String path = indexedDates.get(0);
            Optional<String> advice = updateTimes.stream().filter(update -> !update.equals(path)).findFirst().map(update ->
                    "cursor " + path + ": a document changed later is not loaded again; to follow changes, index " + update
                            + " and generate with --cursor " + update);
            return new CursorChoice(path, true, advice);
        }
        List<String> indexedUpdateTimes = indexedDates.stream().filter(updateTimes::contains).toList();
        if (indexedUpdateTimes.size() == 1) {
            String path = indexedUpdateTimes.get(0);
            return new CursorChoice(path, true, Optional.of("cursor " + path + ", of the indexed date fields "
                    + String.join(", ", indexedDates) + ": a document changed later is loaded again, its row replaced"
                    + " (--cursor FIELD chooses another)"));
        }
        if (indexedDates.size() > 1) {
            throw new GenerateException("several indexed date fields could be the cursor: " + String.join(", ", indexedDates)
                    + "; choose with --cursor FIELD the one set when a document is written (or changed, to load changes)");
        }
        throw new GenerateException("no indexed date field to use as the cursor; " + candidates(dates)
                + " (name one with --cursor FIELD, and index it)");
    }

    private static String candidates(List<String> dates) {
        return dates.isEmpty() ? "the sample has no date field at all, and an incremental ETL needs one"
                : "date fields: " + String.join(", ", dates);
    }
}
