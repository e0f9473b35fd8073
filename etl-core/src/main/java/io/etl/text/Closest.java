package io.etl.text;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** The known name a mistyped one most likely meant, for "did you mean …?" in messages. */
public final class Closest {

    private Closest() {
    }

    /** The known name fewest edits away, if it is close enough to be a typo of {@code name}. */
    public static Optional<String> to(String name, Collection<String> known) {
        return known.stream()
                .min(Comparator.comparingInt(k -> editDistance(k, name)))
                .filter(k -> editDistance(k, name) <= Math.max(2, name.length() / 3));
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
