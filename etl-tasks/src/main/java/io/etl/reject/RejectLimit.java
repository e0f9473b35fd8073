package io.etl.reject;

import io.etl.config.SettingKey;
import io.etl.config.SettingType;

import java.util.Locale;

/**
 * How many rejects a window may have and still load (setting {@code rejects.max}): a count ({@code 100}), a share of
 * the window's documents ({@code 2%}), or both ({@code 100, 2%}: whichever allows more). Past it, the window loads
 * nothing: so many rejects mean the source changed shape, not that a few documents are odd.
 *
 * @param count the rejects allowed whatever the window's size
 * @param share the fraction of the window's documents allowed, 0 to 1
 */
public record RejectLimit(long count, double share) {

    /**
     * Ten documents, or one in a hundred by default: one odd document never blocks a window, and a field whose type
     * changed for every document stops the first window of more than ten documents.
     */
    public static final SettingKey<RejectLimit> MAX = SettingKey.of("rejects.max",
            SettingType.of("a count (100), a share of the window's documents (2%), or both (100, 2%)", RejectLimit::parse),
            "10, 1%", "How many documents a window may reject and still load; past it, the window loads nothing");

    public RejectLimit {
        if (count < 0 || share < 0 || share > 1) {
            throw new IllegalArgumentException("a reject limit is a count of at least 0 and a share from 0% to 100%");
        }
    }

    /** @throws IllegalArgumentException if the text is not a count, a share or both */
    public static RejectLimit parse(String text) {
        long count = 0;
        double share = 0;
        for (String part : text.split(",")) {
            String limit = part.trim().toLowerCase(Locale.ROOT);
            if (limit.endsWith("%")) {
                share = Double.parseDouble(limit.substring(0, limit.length() - 1).trim()) / 100;
            } else {
                count = Long.parseLong(limit);
            }
        }
        return new RejectLimit(count, share);
    }

    /** The most rejects a window of this many documents may have. */
    public long allowed(long documents) {
        return Math.max(count, (long) Math.floor(share * documents));
    }

    @Override
    public String toString() {
        return count + ", " + (share * 100) + "%";
    }
}
