package io.etl.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.etl.state.Json;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** How {@code etl sql} prints its rows. */
enum SqlFormat {

    /** Aligned columns under their names, numbers to the right, and the row count: for a person. */
    TABLE {
        @Override
        String render(QueryResult result) {
            int[] widths = IntStream.range(0, result.columns().size()).map(c -> result.rows().stream()
                    .mapToInt(row -> text(row.get(c)).length()).reduce(result.columns().get(c).length(), Math::max)).toArray();
            StringBuilder out = new StringBuilder(line(result.columns(), widths, c -> false)).append('\n');
            out.append(IntStream.range(0, widths.length).mapToObj(c -> "-".repeat(widths[c])).collect(Collectors.joining("-+-"))).append('\n');
            result.rows().forEach(row -> out.append(line(row, widths, result.numeric()::get)).append('\n'));
            return out.append(String.format(Locale.ROOT, "(%,d row%s)%n", result.rows().size(), result.rows().size() == 1 ? "" : "s")).toString();
        }
    },

    /** A header line, then a line per row, tab-separated, escaped as COPY reads it (NULL is \N): for scripts. */
    TSV {
        @Override
        String render(QueryResult result) {
            StringBuilder out = new StringBuilder(String.join("\t", result.columns())).append('\n');
            result.rows().forEach(row -> out.append(row.stream().map(SqlFormat::escaped).collect(Collectors.joining("\t"))).append('\n'));
            return out.toString();
        }
    },

    /** An array with an object per row, numbers as numbers: for jq and programs. */
    JSON {
        @Override
        String render(QueryResult result) throws IOException {
            ArrayNode rows = Json.MAPPER.createArrayNode();
            for (List<String> row : result.rows()) {
                ObjectNode object = rows.addObject();
                for (int c = 0; c < row.size(); c++) {
                    String value = row.get(c);
                    if (value == null) {
                        object.putNull(result.columns().get(c));
                    } else if (result.numeric().get(c)) {
                        object.put(result.columns().get(c), new BigDecimal(value));
                    } else {
                        object.put(result.columns().get(c), value);
                    }
                }
            }
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(rows) + "\n";
        }
    };

    abstract String render(QueryResult result) throws IOException;

    private static String line(List<String> values, int[] widths, IntPredicate rightAligned) {
        return IntStream.range(0, widths.length)
                .mapToObj(c -> String.format("%" + (rightAligned.test(c) ? "" : "-") + widths[c] + "s", text(values.get(c))))
                .collect(Collectors.joining(" | ")).stripTrailing();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String escaped(String value) {
        return value == null ? "\\N" : value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** As it is typed after {@code --format}, and offered by completion. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
