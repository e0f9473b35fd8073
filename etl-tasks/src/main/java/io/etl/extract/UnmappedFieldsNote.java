package io.etl.extract;

import io.etl.lake.LakeDirectory;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The line of an extract's summary that names the fields its documents had and the ETL does not declare:
 * {@code 2 new fields in actions_taken: device.os (string, 1,204 documents), score (int, string, 3 documents); …}.
 * A warning, not a failure: the declared fields loaded, and the new ones wait for someone to declare them.
 */
final class UnmappedFieldsNote {

    /** The fields a line names; the rest are counted, and all are in the lake's file. */
    static final int LISTED = 10;

    private UnmappedFieldsNote() {
    }

    static String of(UnmappedFields unmapped, String collection, LakeDirectory extract) {
        int count = unmapped.fields().size();
        String fields = unmapped.fields().stream().limit(LISTED).map(UnmappedFieldsNote::field).collect(Collectors.joining(", "));
        String more = count > LISTED ? String.format(Locale.ROOT, " and %,d more", count - LISTED) : "";
        String counted = unmapped.capped() ? String.format(Locale.ROOT, "over %,d new fields (counting stopped there)", count)
                : String.format(Locale.ROOT, "%,d new field%s", count, count == 1 ? "" : "s");
        return counted + " in " + collection + ": " + fields + more + "; not loaded: to load them, declare them in the ETL "
                + "(etl generate " + collection + " --update says how); an example _id of each is in "
                + extract.lake().objectUri(extract.file(UnmappedFields.FILE));
    }

    private static String field(UnmappedField field) {
        return String.format(Locale.ROOT, "%s (%s, %,d document%s)", field.path(), String.join(", ", field.types()),
                field.documents(), field.documents() == 1 ? "" : "s");
    }
}
