package io.etl.cli;

import io.etl.audit.AuditResult;
import io.etl.audit.BucketCount;
import io.etl.audit.IdDifference;
import io.etl.extract.UnselectableDocuments.Unselectable;
import io.etl.scheduler.SummaryText;
import io.etl.window.Bucketing;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** An audit as the terminal shows it: a line per bucket that differs, the total, and what no bucket can hold. */
final class AuditText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String ROW = "%-18s %12s %12s %12s %12s%n";

    private AuditText() {
    }

    static String render(AuditResult audit) {
        if (audit.range() == null) {
            return "etl audit " + audit.etl() + ": nothing to audit, neither the source nor the table holds a dated document\n";
        }
        StringBuilder out = new StringBuilder(String.format("etl audit %s by %s, [%s, %s) UTC: %,d bucket(s)%n", audit.etl(),
                audit.by().sqlUnit(), TIME.format(audit.range().lower()), TIME.format(audit.range().upper()), audit.buckets().size()));
        List<BucketCount> differing = audit.differing();
        if (!differing.isEmpty()) {
            out.append(String.format(ROW, "BUCKET (UTC)", "SOURCE", "WAREHOUSE", "REJECTED", "DIFFERENCE"));
            differing.forEach(bucket -> out.append(row(label(audit.by(), bucket), bucket)));
            out.append(row("total", audit.total()));
        }
        out.append(verdict(audit)).append(String.format(" Took %s.%n", SummaryText.duration(audit.took())));
        for (Unselectable kind : audit.unselectable()) {
            if (kind.count() > 0) {
                out.append(kind.sentence("the source, in no bucket")).append('\n');
            }
        }
        if (audit.rejectedWithoutCursor() > 0) {
            out.append(String.format("%,d reject(s) in etl_rejects have no cursor value (written before it was kept, or of a"
                    + " document without a key), so no bucket counts them: reload their windows to place the first kind%n",
                    audit.rejectedWithoutCursor()));
        }
        return out.toString();
    }

    /** One sentence: whether the buckets match, and what the differences add up to. */
    static String verdict(AuditResult audit) {
        BucketCount total = audit.total();
        if (audit.matches()) {
            return String.format("All %,d bucket(s) match: %,d document(s) in the source, %,d row(s) and %,d reject(s) in the warehouse.",
                    audit.buckets().size(), total.source(), total.warehouse(), total.rejected());
        }
        return String.format("%,d of %,d bucket(s) differ: %,d document(s) missing from the warehouse, %,d row(s) more than the source.",
                audit.differing().size(), audit.buckets().size(), audit.missing(), audit.extra());
    }

    static String label(Bucketing by, BucketCount bucket) {
        return by.label(bucket.bucket().lower());
    }

    /** One id the sides disagree on. */
    static String difference(Bucketing by, IdDifference difference) {
        return String.format("%-18s %-24s %s%n", by.label(difference.bucket().lower()),
                difference.side() == IdDifference.Side.MISSING_FROM_WAREHOUSE ? "missing from warehouse" : "not in source",
                difference.id());
    }

    private static String row(String label, BucketCount count) {
        return String.format(ROW, label, String.format("%,d", count.source()), String.format("%,d", count.warehouse()),
                String.format("%,d", count.rejected()), String.format("%+,d", count.difference()));
    }
}
