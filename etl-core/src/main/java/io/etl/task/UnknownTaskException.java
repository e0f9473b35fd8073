package io.etl.task;

import java.util.Collection;
import java.util.Comparator;

/** No task type has the family asked for; the message suggests the closest one. */
public class UnknownTaskException extends IllegalArgumentException {

    public UnknownTaskException(String family, Collection<String> known) {
        super(message(family, known));
    }

    private static String message(String family, Collection<String> known) {
        String closest = known.stream()
                .min(Comparator.comparingInt(k -> editDistance(k, family)))
                .filter(k -> editDistance(k, family) <= Math.max(2, family.length() / 3))
                .map(k -> "; did you mean '" + k + "'?")
                .orElse("");
        return "unknown task '" + family + "'" + closest + " ('etl list' shows them all)";
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
