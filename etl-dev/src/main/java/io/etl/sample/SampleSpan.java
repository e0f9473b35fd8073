package io.etl.sample;

import java.time.Duration;
import java.time.Instant;

/**
 * When the documents {@code etl add-sample} inserts are dated: {@code [from, until)}, a millisecond apart in the
 * moments before {@code until}, at most a second in all. Kept that short so that a later batch never dates a document
 * before the newest one of a batch an incremental run has loaded already: batches are a run apart, and a run takes
 * seconds. Dated a settle time back ({@code window.settle}), a batch is then exactly what the next run loads.
 */
public record SampleSpan(Instant from, Instant until) {

    private static final Duration PER_DOCUMENT = Duration.ofMillis(1);
    private static final Duration LONGEST = Duration.ofSeconds(1);

    /** The span of {@code count} documents dated just before {@code until}. */
    public static SampleSpan before(Instant until, long count) {
        Duration span = PER_DOCUMENT.multipliedBy(Math.max(1, count));
        return new SampleSpan(until.minus(span.compareTo(LONGEST) < 0 ? span : LONGEST), until);
    }
}
