package io.etl.generate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Hands out names that differ from every name handed out before, each short enough for both warehouses
 * ({@link Names#MAX_NAME_BYTES}): two fields that normalise alike ({@code Order Date} and {@code order_date}) become
 * {@code order_date} and {@code order_date_2}; a longer name keeps its start and a hash of the whole.
 */
final class UniqueNames {

    private final Set<String> taken = new HashSet<>();

    /** {@code wanted}, or the first of {@code wanted_2, wanted_3, …} not taken. */
    String take(String wanted) {
        return takeGroup(wanted, 0).get(0);
    }

    /**
     * A base name and its numbered columns {@code base_1 … base_n}, none of them taken: the base comes first in the
     * list (an array's field in the lake, then its columns in the warehouse).
     */
    List<String> takeGroup(String wanted, int columns) {
        String longestColumn = columns == 0 ? "" : "_" + columns;
        for (int suffix = 1; ; suffix++) {
            String uniqueness = suffix == 1 ? "" : "_" + suffix;
            String base = Names.shortened(wanted, Names.MAX_NAME_BYTES - uniqueness.length() - longestColumn.length()) + uniqueness;
            List<String> names = IntStream.rangeClosed(0, columns).mapToObj(i -> i == 0 ? base : base + "_" + i).toList();
            if (names.stream().noneMatch(taken::contains)) {
                taken.addAll(names);
                return names;
            }
        }
    }

    boolean isTaken(String name) {
        return taken.contains(name);
    }
}
