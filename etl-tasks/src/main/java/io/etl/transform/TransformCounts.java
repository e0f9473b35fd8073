package io.etl.transform;

import io.etl.extract.ExtractCounts;
import io.etl.lake.LakeDirectory;
import io.etl.state.Json;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What a transform wrote, kept next to its parts as {@value #FILE} for the load to reconcile: every extracted row
 * is transformed or rejected.
 *
 * @param nulsReplaced         the NUL characters written as U+FFFD, which no warehouse can store
 * @param arrayElementsDropped array elements past the last column an array is spread over
 * @param rejectsByCause       the rejects counted by {@link io.etl.reject.Reject#cause()}, most first
 * @param elementRows          the child table rows written, by the unwound array's name
 * @param elementsDropped      the child rows of documents rejected, stored apart, by the unwound array's name: every
 *                             element extracted is in one or the other
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TransformCounts(long rowsTransformed, long rowsRejected, long nulsReplaced, long arrayElementsDropped,
                              Map<String, Long> rejectsByCause, Map<String, Long> elementRows, Map<String, Long> elementsDropped) {

    public static final String FILE = ExtractCounts.FILE;

    public TransformCounts {
        // null: written before arrays were unwound
        elementRows = elementRows == null ? Map.of() : Map.copyOf(elementRows);
        elementsDropped = elementsDropped == null ? Map.of() : Map.copyOf(elementsDropped);
    }

    /** What a transform of no row wrote, given its unwound arrays' names. */
    static TransformCounts none(List<String> elements) {
        Map<String, Long> zero = elements.stream().collect(Collectors.toMap(name -> name, name -> 0L));
        return new TransformCounts(0, 0, 0, 0, Map.of(), zero, zero);
    }

    public static TransformCounts read(LakeDirectory directory) throws IOException {
        return Json.MAPPER.readValue(directory.read(FILE), TransformCounts.class);
    }

    void writeTo(LakeDirectory directory) throws IOException {
        directory.write(FILE, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this));
    }
}
