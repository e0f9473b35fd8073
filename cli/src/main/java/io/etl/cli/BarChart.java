package io.etl.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * A bar chart of the dashboard, laid out here and drawn as inline SVG by {@code dashboard-svg.jinja}: one column per
 * run, oldest on the left, evenly spaced so that a burst of runs stays as readable as an hourly series, with a tick
 * where its label changes (a new day); each column a stack of segments; a column with a band (a failed run) has it
 * drawn behind, across the whole height. The scale starts at 0 and ends at a round number, with a grid line about its
 * half. A panel has room for the scale and the ticks; a sparkline (a row of the index) only for the bars.
 */
final class BarChart {

    /**
     * The chart's box, in SVG units: the plot and the margins around it.
     *
     * @param maxBar the widest a bar is drawn, so that a few runs still look like bars, not walls
     */
    record Frame(int width, int left, int right, int top, int plotHeight, int bottom, double maxBar) {

        static final Frame PANEL = new Frame(960, 72, 16, 12, 160, 28, 36);
        static final Frame SPARKLINE = new Frame(160, 0, 0, 1, 26, 1, 8);

        int baseline() {
            return top + plotHeight;
        }

        /** The slot of each of {@code columns} columns. */
        double step(int columns) {
            return (double) (width - left - right) / Math.max(1, columns);
        }
    }

    /** The least height of a segment that is not zero: a run of 5 rows beside one of 100,000 still shows it loaded. */
    private static final double MIN_HEIGHT = 2;
    /** The least room between two labels under the axis, so that they never overlap. */
    private static final double LABEL_ROOM = 48;

    /** @param value in the chart's unit; zero draws nothing */
    record Segment(long value, String colour) {
    }

    /**
     * @param label a short text under the axis where it changes from the column before (a day), if there is room
     * @param title what a pointer resting on the column shows
     * @param band  the colour of the band behind the column, if it has one
     */
    record Column(String id, String label, String title, List<Segment> segments, Optional<String> band) {
    }

    private BarChart() {
    }

    /** @param scale writes a value of the axis, in the chart's unit */
    static Map<String, Object> layout(Frame frame, List<Column> columns, LongFunction<String> scale) {
        long top = roundUp(columns.stream().mapToLong(c -> c.segments().stream().mapToLong(Segment::value).sum()).max().orElse(0));
        double step = frame.step(columns.size());
        List<Map<String, Object>> drawn = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            drawn.add(column(frame, columns.get(i), frame.left() + i * step, step, top));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("width", frame.width());
        chart.put("height", frame.baseline() + frame.bottom());
        chart.put("left", frame.left());
        chart.put("right", frame.width() - frame.right());
        chart.put("top", frame.top());
        chart.put("baseline", frame.baseline());
        chart.put("plotHeight", frame.plotHeight());
        chart.put("topLabel", scale.apply(top));
        long half = top / 2; // a whole value, so that its label is exact: 2 of 5
        if (half > 0) {
            chart.put("middle", round(frame.baseline() - (double) half * frame.plotHeight() / top));
            chart.put("middleLabel", scale.apply(half));
        }
        chart.put("ticks", ticks(frame, columns, step));
        chart.put("columns", drawn);
        return chart;
    }

    /**
     * A tick under each column whose label differs from the one before (where a day starts), but those too close to
     * the tick before; the first column's, which only says where the chart starts, gives way to a day starting soon after.
     */
    private static List<Map<String, Object>> ticks(Frame frame, List<Column> columns, double step) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (i == 0 || !columns.get(i).label().equals(columns.get(i - 1).label())) {
                starts.add(i);
            }
        }
        List<Map<String, Object>> ticks = new ArrayList<>();
        double last = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < starts.size(); k++) {
            double middle = frame.left() + (starts.get(k) + 0.5) * step;
            boolean crowdsNext = k == 0 && starts.size() > 1 && (starts.get(1) - starts.get(0)) * step < LABEL_ROOM;
            if (!crowdsNext && middle - last >= LABEL_ROOM) {
                ticks.add(Map.of("x", round(middle), "label", columns.get(starts.get(k)).label()));
                last = middle;
            }
        }
        return ticks;
    }

    /** One column in its slot of the plot, {@code step} wide from {@code slot}: its segments stacked from the axis up. */
    private static Map<String, Object> column(Frame frame, Column column, double slot, double step, long top) {
        double barWidth = Math.min(frame.maxBar(), Math.max(1, step * 0.7));
        double x = slot + (step - barWidth) / 2;
        double base = frame.baseline();
        List<Map<String, Object>> rects = new ArrayList<>();
        for (Segment segment : column.segments()) {
            if (segment.value() > 0) {
                double height = Math.max(MIN_HEIGHT, (double) segment.value() * frame.plotHeight() / top);
                base -= height;
                rects.add(Map.of("x", round(x), "y", round(base), "width", round(barWidth), "height", round(height),
                        "colour", segment.colour()));
            }
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("id", column.id());
        shown.put("title", column.title());
        shown.put("rects", rects);
        double band = Math.min(step, 2 * barWidth);
        column.band().ifPresent(colour -> shown.put("band", Map.of("x", round(slot + (step - band) / 2), "width", round(band),
                "colour", colour)));
        return shown;
    }

    /** The least of 1, 2, 5 times a power of ten not below {@code value}: an axis end a person reads at a glance. */
    private static long roundUp(long value) {
        long power = 1;
        while (true) {
            for (long multiple : new long[] {1, 2, 5}) {
                if (multiple * power >= value) {
                    return multiple * power;
                }
            }
            power *= 10;
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
