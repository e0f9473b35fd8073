package io.etl.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.bson.BSONObject;

/**
 * Turns a map task's documents into their lines on any of its threads: each thread has its own {@link DocumentRow}
 * (which holds a document's element lines until the next document) and, when the job profiles the fields the ETL does
 * not declare, its own profile; the profiles are merged once every document is converted.
 */
final class Conversion {

    /** One thread's. */
    private record Converter(DocumentRow row, Optional<UnmappedFieldProfile> profile) {

        DocumentLines lines(BSONObject document) {
            String line = row.line(document);
            int children = row.children();
            List<List<String>> elements = children == 0 ? List.of() : new ArrayList<>(children);
            for (int c = 0; c < children; c++) {
                elements.add(row.elementLines(c));
            }
            profile.ifPresent(fields -> fields.add(document));
            return new DocumentLines(line, elements);
        }
    }

    private final boolean profiling;
    private final List<Converter> converters = Collections.synchronizedList(new ArrayList<>());
    private final ThreadLocal<Converter> threadConverter;

    /** @param profiles a new profile of the undeclared fields, or empty when the job does not profile them */
    Conversion(Supplier<DocumentRow> rows, Optional<Supplier<UnmappedFieldProfile>> profiles) {
        this.profiling = profiles.isPresent();
        this.threadConverter = ThreadLocal.withInitial(() -> {
            Converter converter = new Converter(rows.get(), profiles.map(Supplier::get));
            converters.add(converter);
            return converter;
        });
    }

    DocumentLines lines(BSONObject document) {
        return threadConverter.get().lines(document);
    }

    List<DocumentLines> lines(List<BSONObject> documents) {
        Converter converter = threadConverter.get();
        List<DocumentLines> lines = new ArrayList<>(documents.size());
        for (BSONObject document : documents) {
            lines.add(converter.lines(document));
        }
        return lines;
    }

    /** What every thread's profile found, as one; empty when the job does not profile. Once all is converted. */
    Optional<UnmappedFields> profile() {
        if (!profiling) {
            return Optional.empty();
        }
        synchronized (converters) {
            return Optional.of(UnmappedFields.merge(converters.stream().map(c -> c.profile().orElseThrow().result()).toList()));
        }
    }
}
