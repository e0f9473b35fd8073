package io.etl.task;

import java.time.Duration;

/**
 * How many times a failing task is attempted and how long to wait between attempts: the wait starts at
 * {@code initialBackoff} and is multiplied by {@code multiplier} after each failure, up to {@code maxBackoff}.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative() || multiplier < 1) {
            throw new IllegalArgumentException("backoff must be positive and never shrink");
        }
    }

    public static RetryPolicy noRetries() {
        return new RetryPolicy(1, Duration.ZERO, 1, Duration.ZERO);
    }

    /** {@code retries} more attempts after the first, waiting 1 s, 2 s, 4 s … at most 5 min. */
    public static RetryPolicy retries(int retries) {
        return new RetryPolicy(retries + 1, Duration.ofSeconds(1), 2, Duration.ofMinutes(5));
    }

    public RetryPolicy withBackoff(Duration initial) {
        return new RetryPolicy(maxAttempts, initial, multiplier, maxBackoff.compareTo(initial) < 0 ? initial : maxBackoff);
    }

    /** The wait before attempt number {@code attempt} (2 for the first retry). */
    public Duration delayBefore(int attempt) {
        double factor = Math.pow(multiplier, Math.max(0, attempt - 2));
        long millis = (long) Math.min(initialBackoff.toMillis() * factor, maxBackoff.toMillis());
        return Duration.ofMillis(millis);
    }

    public boolean allowsAnotherAttempt(int attemptsSoFar) {
        return attemptsSoFar < maxAttempts;
    }
}
