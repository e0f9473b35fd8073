package io.etl.task;

import io.etl.text.Closest;

import java.util.Collection;

/** No task type has the family asked for; the message suggests the closest one. */
public class UnknownTaskException extends IllegalArgumentException {

    public UnknownTaskException(String family, Collection<String> known) {
        super("unknown task '" + family + "'" + Closest.to(family, known).map(k -> "; did you mean '" + k + "'?").orElse("")
                + " ('etl list' shows them all)");
    }
}
