package io.etl.generate;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which field windows select on: the one date field that an index starts with, or the field named with
 * {@code --cursor}. Anything else is ambiguous, and the message lists the candidates.
 *
 * @param path    the cursor field
 * @param indexed whether an index serves it (the extract refuses to run otherwise)
 */
record CursorChoice(String path, boolean indexed) {

    static CursorChoice of(List<FieldProfile> fields, Set<String> indexedPaths, Optional<String> wanted) {
        List<String> dates = fields.stream().filter(f -> f.type() == ColumnType.TIMESTAMP).map(FieldProfile::path).toList();
        if (wanted.isPresent()) {
            String path = wanted.get();
            if (!dates.contains(path)) {
                throw new GenerateException("--cursor " + path + " is not a date field of the sampled documents; "
                        + candidates(dates));
            }
            return new CursorChoice(path, indexedPaths.contains(path));
        }
        List<String> indexedDates = dates.stream().filter(indexedPaths::contains).toList();
        if (indexedDates.size() == 1) {
            return new CursorChoice(indexedDates.get(0), true);
        }
        if (indexedDates.size() > 1) {
            throw new GenerateException("several indexed date fields could be the cursor: " + String.join(", ", indexedDates)
                    + "; choose the one that only grows as documents are written with --cursor FIELD");
        }
        throw new GenerateException("no indexed date field to use as the cursor; " + candidates(dates)
                + " (name one with --cursor FIELD, and index it)");
    }

    private static String candidates(List<String> dates) {
        return dates.isEmpty() ? "the sample has no date field at all, and an incremental ETL needs one"
                : "date fields: " + String.join(", ", dates);
    }
}
