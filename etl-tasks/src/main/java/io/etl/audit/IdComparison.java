package io.etl.audit;

import io.etl.audit.IdDifference.Side;
import io.etl.spec.FieldType;
import io.etl.window.Window;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The ids of one bucket that the two sides disagree on, by a merge of both sides' keys, each read in the same sorted
 * order: only the current key of each side is held, whatever the bucket's size. A document the warehouse rejected is
 * accounted for, not missing. A key out of order on either side stops the comparison rather than report false
 * differences. Keys the server sorts apart from the rest (of another BSON type than the declared one, such as a
 * string {@code _id} among ObjectIds) come as a set, matched by membership; they are few.
 */
final class IdComparison {

    private final Window bucket;
    private final Comparator<String> order;
    private final Iterator<String> source;
    private final Set<String> rejected;
    private final Set<String> elsewhere;
    private final Consumer<IdDifference> differences;
    private final long limit;
    private String nextSource;
    private String lastSource;
    private String lastWarehouse;
    private long found;

    /**
     * @param source    the source's keys of the declared type, as text, sorted by MongoDB
     * @param elsewhere the source's keys of other types, as text
     * @param limit     how many differences to tell at most
     */
    IdComparison(Window bucket, FieldType keyType, Iterator<String> source, Set<String> elsewhere, Set<String> rejected,
                 long limit, Consumer<IdDifference> differences) {
        this.bucket = bucket;
        this.order = order(keyType);
        this.source = source;
        this.elsewhere = new TreeSet<>(elsewhere);
        this.rejected = rejected;
        this.limit = limit;
        this.differences = differences;
        advanceSource();
    }

    /** The order both sides sort keys in: by value for a number, by code point (UTF-8 bytes) for a text. */
    static Comparator<String> order(FieldType keyType) {
        if (keyType == FieldType.LONG || keyType == FieldType.DOUBLE || keyType == FieldType.DECIMAL) {
            return Comparator.comparing(BigDecimal::new);
        }
        return (a, b) -> {
            for (int i = 0, j = 0; i < a.length() && j < b.length(); ) {
                int ca = a.codePointAt(i);
                int cb = b.codePointAt(j);
                if (ca != cb) {
                    return Integer.compare(ca, cb);
                }
                i += Character.charCount(ca);
                j += Character.charCount(cb);
            }
            return Integer.compare(a.codePointCount(0, a.length()), b.codePointCount(0, b.length()));
        };
    }

    /** The warehouse's next key; answers whether to go on (fewer than the limit found so far). */
    boolean warehouseKey(String key) {
        if (lastWarehouse != null && order.compare(key, lastWarehouse) < 0) {
            throw outOfOrder("warehouse", lastWarehouse, key);
        }
        lastWarehouse = key;
        while (nextSource != null && order.compare(nextSource, key) < 0 && found < limit) {
            sourceOnly();
        }
        if (nextSource != null && order.compare(nextSource, key) == 0) {
            advanceSource();
        } else if (!elsewhere.remove(key) && found < limit) {
            tell(key, Side.NOT_IN_SOURCE);
        }
        return found < limit;
    }

    /** After the warehouse's last key: the source's keys left are missing. Returns how many differences were told. */
    long finish() {
        while (nextSource != null && found < limit) {
            sourceOnly();
        }
        for (String key : elsewhere) {
            if (found < limit && !rejected.contains(key)) {
                tell(key, Side.MISSING_FROM_WAREHOUSE);
            }
        }
        return found;
    }

    private void sourceOnly() {
        if (!rejected.contains(nextSource)) {
            tell(nextSource, Side.MISSING_FROM_WAREHOUSE);
        }
        advanceSource();
    }

    private void advanceSource() {
        nextSource = source.hasNext() ? source.next() : null;
        if (nextSource != null && lastSource != null && order.compare(nextSource, lastSource) < 0) {
            throw outOfOrder("source", lastSource, nextSource);
        }
        lastSource = nextSource;
    }

    private void tell(String id, Side side) {
        found++;
        differences.accept(new IdDifference(bucket, id, side));
    }

    private IllegalStateException outOfOrder(String side, String before, String after) {
        return new IllegalStateException("the " + side + " gave key " + after + " after " + before
                + ", so the two sides' ids cannot be compared in one pass (keys of mixed types?)");
    }
}
