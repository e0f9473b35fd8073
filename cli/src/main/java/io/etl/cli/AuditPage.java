package io.etl.cli;

import io.etl.audit.AuditResult;
import io.etl.audit.BucketCount;
import io.etl.config.Settings;
import io.etl.scheduler.SummaryText;
import io.etl.targets.LocalFileTarget;

import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code etl audit --report FILE.html}: one self-contained page (no script, nothing fetched) with a chart of the source
 * against the warehouse per bucket, a mark per bucket and the differing ones in red, and the table of differences.
 * Well-formed XHTML, so that a test can read it back as XML.
 */
record AuditPage(Path file, Settings settings) {

    private static final String TEMPLATE = "audit.html.jinja";
    static final String MATCHING = "#90a4ae";
    static final String DIFFERING = "#e53935";
    private static final int CHART_HEIGHT = 220;
    private static final int CHART_WIDTH = 900;
    private static final int LEFT = 70;
    /** The widest a bucket is drawn, so that a few buckets still look like bars. */
    private static final int MAX_STEP = 40;

    void write(AuditResult audit) throws Exception {
        LocalFileTarget.at(file).writeString(Pages.render(TEMPLATE, context(audit)));
    }

    private Map<String, Object> context(AuditResult audit) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("etl", audit.etl());
        context.put("by", audit.by().sqlUnit());
        context.put("range", audit.range() == null ? "nothing to audit" : audit.range().toString());
        context.put("checked", audit.checkedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        context.put("took", SummaryText.duration(audit.took()));
        context.put("verdict", AuditText.verdict(audit));
        context.put("matches", audit.matches());
        context.put("chart", chart(audit.buckets(), audit));
        context.put("differing", audit.differing().stream().map(b -> row(AuditText.label(audit.by(), b), b)).toList());
        context.put("total", row("total", audit.total()));
        context.put("unselectable", audit.unselectable().stream().filter(k -> k.count() > 0)
                .map(k -> settings.mask(k.sentence("the source, in no bucket"))).toList());
        context.put("colours", Map.of("matching", MATCHING, "differing", DIFFERING));
        return context;
    }

    /** A bar per bucket, its height the source's count, with the warehouse's (rows and rejects) drawn over it. */
    private Map<String, Object> chart(List<BucketCount> buckets, AuditResult audit) {
        long highest = Math.max(1, buckets.stream().mapToLong(b -> Math.max(b.source(), b.warehouse() + b.rejected())).max().orElse(1));
        double step = buckets.isEmpty() ? 1 : Math.min(MAX_STEP, Math.max(2, (double) CHART_WIDTH / buckets.size()));
        List<Map<String, Object>> bars = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            BucketCount bucket = buckets.get(i);
            double x = LEFT + i * step;
            double width = Math.max(1, step * 0.8);
            Map<String, Object> bar = new LinkedHashMap<>();
            bar.put("label", AuditText.label(audit.by(), bucket));
            bar.put("differs", bucket.differs());
            bar.put("colour", bucket.differs() ? DIFFERING : MATCHING);
            bar.put("x", round(x));
            bar.put("width", round(width));
            bar.put("source", height(bucket.source(), highest));
            bar.put("warehouse", height(bucket.warehouse() + bucket.rejected(), highest));
            bar.put("innerX", round(x + width / 4));
            bar.put("innerWidth", round(Math.max(1, width / 2)));
            bar.put("title", String.format("%s: source %,d, warehouse %,d, rejected %,d, difference %+,d",
                    AuditText.label(audit.by(), bucket), bucket.source(), bucket.warehouse(), bucket.rejected(), bucket.difference()));
            bars.add(bar);
        }
        return Map.of("bars", bars, "height", CHART_HEIGHT, "width", round(LEFT + buckets.size() * step + 10),
                "left", LEFT, "highest", String.format("%,d", highest),
                "first", buckets.isEmpty() ? "" : AuditText.label(audit.by(), buckets.get(0)),
                "last", buckets.isEmpty() ? "" : AuditText.label(audit.by(), buckets.get(buckets.size() - 1)));
    }

    private static double height(long count, long highest) {
        return round((double) count * (CHART_HEIGHT - 20) / highest);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static Map<String, String> row(String label, BucketCount count) {
        return Map.of("label", label, "source", String.format("%,d", count.source()),
                "warehouse", String.format("%,d", count.warehouse()), "rejected", String.format("%,d", count.rejected()),
                "difference", String.format("%+,d", count.difference()));
    }
}
