package io.etl.window;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the windows loaded for an ETL cover, measured from the first window loaded (where the ETL started): the range
 * contiguous from it, and the holes after that range, stretches of time between windows loaded further on (by a
 * backfill) that no load read. Windows wholly before the first one loaded (a backfill of older data) change nothing.
 *
 * @param contiguousUntil where the range contiguous from the first window loaded ends
 * @param holes           in time order, from {@code contiguousUntil} to the last window loaded
 */
public record Coverage(Instant from, Instant contiguousUntil, List<Window> holes) {

    public Coverage {
        holes = List.copyOf(holes);
    }

    /** @param loadedInOrder the windows in the order they were loaded; empty when nothing was */
    public static Optional<Coverage> of(List<Window> loadedInOrder) {
        if (loadedInOrder.isEmpty()) {
            return Optional.empty();
        }
        Window first = loadedInOrder.get(0);
        List<Window> byLower = loadedInOrder.stream().sorted(Comparator.comparing(Window::lower)).toList();
        Instant end = first.upper();
        List<Window> holes = new ArrayList<>();
        for (Window window : byLower) {
            if (!window.upper().isAfter(end)) {
                continue;
            }
            if (window.lower().isAfter(end)) {
                holes.add(Window.of(end, window.lower()));
            }
            end = window.upper();
        }
        return Optional.of(new Coverage(first.lower(), holes.isEmpty() ? end : holes.get(0).lower(), holes));
    }
}
