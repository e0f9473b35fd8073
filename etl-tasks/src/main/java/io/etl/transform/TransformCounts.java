package io.etl.transform;

import io.etl.extract.ExtractCounts;
import io.etl.lake.LakeDirectory;
import io.etl.state.Json;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What a transform wrote, kept next to its parts as {@value #FILE} for the load to reconcile: every extracted row
 * is transformed or rejected.
 *
 * @param nulsReplaced         the NUL characters written as U+FFFD, which no warehouse can store
 * @param arrayElementsDropped array elements past the last column an array is spread over
 * @param rejectsByCause       the rejects counted by {@link io.etl.reject.Reject#cause()}, most first
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TransformCounts(long rowsTransformed, long rowsRejected, long nulsReplaced, long arrayElementsDropped,
                              Map<String, Long> rejectsByCause) {

    public static final String FILE = ExtractCounts.FILE;
    /** What a transform of no row wrote. */
    static final TransformCounts NONE = new TransformCounts(0, 0, 0, 0, Map.of());

    public static TransformCounts read(LakeDirectory directory) throws IOException {
        return Json.MAPPER.readValue(directory.read(FILE), TransformCounts.class);
    }

    void writeTo(LakeDirectory directory) throws IOException {
        directory.write(FILE, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this));
    }
}
