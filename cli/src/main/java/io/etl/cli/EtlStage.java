package io.etl.cli;

import io.etl.history.AttemptRecord;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The three stages of an ETL, told apart by the family of their tasks ({@code <etl>_extract} …), each with its colour in the charts. */
enum EtlStage {
    EXTRACT("#42a5f5"),
    TRANSFORM("#ab47bc"),
    LOAD("#26a69a");

    private final String colour;

    EtlStage(String colour) {
        this.colour = colour;
    }

    String colour() {
        return colour;
    }

    String label() {
        return name().toLowerCase();
    }

    /**
     * The time each stage of an ETL's run took, every attempt counted (a retry is time spent too); a chunked run's
     * chunks add up. Stages the run did not reach are zero.
     */
    static Map<EtlStage, Duration> durations(String etl, List<AttemptRecord> attempts) {
        Map<EtlStage, Duration> durations = new EnumMap<>(EtlStage.class);
        for (EtlStage stage : values()) {
            durations.put(stage, Duration.ZERO);
        }
        for (AttemptRecord attempt : attempts) {
            of(etl, attempt.family()).filter(stage -> attempt.duration() != null)
                    .ifPresent(stage -> durations.merge(stage, attempt.duration(), Duration::plus));
        }
        return durations;
    }

    private static Optional<EtlStage> of(String etl, String family) {
        for (EtlStage stage : values()) {
            if (family.equals(etl + "_" + stage.label())) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }
}
