package io.etl.reject;

import io.etl.lake.LakeDirectory;
import io.etl.spec.EtlSpec;
import io.etl.tsv.Tsv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Gives each reject the document it stands for, as the extract read it: the ETL's fields, path to value, as JSON,
 * and its cursor value. One pass over the window's extract, keeping only the documents of the rejects.
 */
public final class RejectDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RejectDocuments() {
    }

    private record Found(String document, Instant cursor) {
    }

    public static List<Reject> attach(List<Reject> rejects, LakeDirectory extract, EtlSpec spec) throws IOException {
        Set<String> ids = new HashSet<>();
        rejects.stream().map(Reject::documentId).forEach(ids::add);
        ids.remove(null);
        Map<String, Found> documents = new HashMap<>();
        if (!ids.isEmpty()) {
            for (String part : extract.parts()) {
                read(extract, part, spec, ids, documents);
            }
        }
        return rejects.stream().map(reject -> {
            Found found = documents.get(reject.documentId());
            return found == null ? reject : reject.withDocument(found.document(), found.cursor());
        }).toList();
    }

    /** The cursor as the extract writes a date ({@code 2026-10-15T12:00:00.000Z}); a value it rejected has none. */
    private static Instant cursor(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    /** Fills {@code documents} with the document of each id of {@code ids} found. */
    private static void read(LakeDirectory extract, String part, EtlSpec spec, Set<String> ids, Map<String, Found> documents)
            throws IOException {
        int key = spec.keyIndex();
        int cursor = spec.cursorIndex();
        List<String> paths = spec.paths();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(extract.lake().open(extract.file(part)),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                List<String> values = Tsv.values(line);
                String id = values.get(key);
                if (id != null && ids.contains(id) && !documents.containsKey(id)) {
                    ObjectNode document = JSON.createObjectNode();
                    for (int i = 0; i < paths.size(); i++) {
                        document.put(paths.get(i), values.get(i));
                    }
                    documents.put(id, new Found(document.toString(), cursor(values.get(cursor))));
                }
            }
        }
    }
}
