package io.etl.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ETL written again by {@code etl generate --update --force} over the files {@code etl generate} wrote, keeping a
 * person's edits. In the class, only the lines of the table's fields and columns whose declaration changed are
 * replaced, and the new ones added after the last of their kind; in the Pig script, the new fields' expressions are
 * added at the end of the generated {@code rows} statement, and their DEFINEs before it. Every other line of each
 * file stays as it is.
 *
 * @param plan     the ETL as it is written again
 * @param declared the paths of the fields its declaration has now
 */
public record EtlRewrite(EtlPlan plan, Set<String> declared) {

    private static final Pattern FIELD = Pattern.compile("^\\s*\\.field\\((\"(?:[^\"\\\\]|\\\\.)*\"),");
    private static final Pattern COLUMN = Pattern.compile("^\\s*\\.column\\((\"[^\"]*\"),");
    private static final Pattern FIELDS_END = Pattern.compile("^\\s*\\.(unwind\\(|build\\(\\);)");
    private static final Pattern COLUMNS_END = Pattern.compile("^\\s*\\.(child|key)\\(");
    private static final Pattern ROWS = Pattern.compile("^rows\\s*=\\s*FOREACH\\s+documents\\s+GENERATE\\s*$");
    private static final Pattern DEFINE = Pattern.compile("^DEFINE\\s+(\\S+)\\s");

    /** The rendered files merged into the tree's: the class and the script edited, the others as rendered. */
    public List<GeneratedFile> over(List<GeneratedFile> rendered, ProjectTree tree) throws IOException {
        List<GeneratedFile> merged = new ArrayList<>();
        for (GeneratedFile file : rendered) {
            String onDisk = Files.readString(tree.root().resolve(file.path()), StandardCharsets.UTF_8);
            String text = file.path().endsWith(plan.javaClass() + ".java") ? declaration(file.path(), onDisk, file.text())
                    : file.path().endsWith(".pig") ? script(file.path(), onDisk, file.text()) : onDisk;
            merged.add(new GeneratedFile(file.path(), text));
        }
        return merged;
    }

    /** The class on disk with the rendered lines of the fields and columns that changed or are new. */
    private static String declaration(String path, String onDisk, String rendered) {
        List<String> lines = new ArrayList<>(onDisk.lines().toList());
        List<String> wanted = rendered.lines().toList();
        for (Kind kind : List.of(new Kind(FIELD, FIELDS_END, "EtlSpec.named("), new Kind(COLUMN, COLUMNS_END, "Table.named("))) {
            if (kind.start(lines) < 0) {
                throw new GenerateException(path + " has no " + kind.regionStart() + "…) as etl generate wrote it: edit it by hand");
            }
            for (String line : kind.lines(wanted)) {
                String name = kind.name(line);
                int at = kind.indexOf(lines, name);
                if (at < 0) {
                    lines.add(kind.end(lines), line);
                } else if (!declarationOf(lines.get(at)).equals(declarationOf(line))) {
                    lines.set(at, line);
                }
            }
        }
        return String.join("\n", lines) + "\n";
    }

    /** A line without its comment and outer spaces: what it declares. */
    private static String declarationOf(String line) {
        int comment = line.indexOf("//");
        return (comment < 0 ? line : line.substring(0, comment)).strip();
    }

    /** The script on disk with the new fields' expressions at the end of its rows, and their DEFINEs before it. */
    private String script(String path, String onDisk, String rendered) {
        List<String> lines = new ArrayList<>(onDisk.lines().toList());
        List<String> wanted = rendered.lines().toList();
        int start = rowsStart(lines);
        int wantedStart = rowsStart(wanted);
        List<String> added = new ArrayList<>();
        for (int i = 0; i < plan.fields().size(); i++) {
            if (!declared.contains(plan.fields().get(i).path())) {
                added.add(withoutComma(wanted.get(wantedStart + 1 + i)));
            }
        }
        if (added.isEmpty()) {
            return onDisk;
        }
        if (start < 0 || rowsEnd(lines, start) < 0) {
            throw new GenerateException(path + ": its rows are not the statement etl generate wrote; add to them yourself: "
                    + String.join(", ", added.stream().map(String::strip).toList()));
        }
        int end = rowsEnd(lines, start);
        lines.set(end - 1, withoutComma(lines.get(end - 1)) + ",");
        for (int i = 0; i < added.size(); i++) {
            lines.add(end + i, added.get(i) + (i < added.size() - 1 ? "," : ""));
        }
        List<String> defines = wanted.stream().filter(line -> DEFINE.matcher(line).find())
                .filter(line -> lines.stream().noneMatch(held -> defined(held).equals(defined(line)))).toList();
        lines.addAll(start, defines);
        return String.join("\n", lines) + "\n";
    }

    private static String defined(String line) {
        Matcher define = DEFINE.matcher(line);
        return define.find() ? define.group(1) : "";
    }

    private static int rowsStart(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (ROWS.matcher(lines.get(i)).matches()) {
                return i;
            }
        }
        return -1;
    }

    /** The line {@code ;} that ends the statement, with one expression before it at least. */
    private static int rowsEnd(List<String> lines, int start) {
        for (int i = start + 2; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(";")) {
                return i;
            }
        }
        return -1;
    }

    private static String withoutComma(String line) {
        String stripped = line.stripTrailing();
        return stripped.endsWith(",") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }

    /** The lines of one kind of declaration in the class: {@code .field(…)} of the spec, {@code .column(…)} of the table. */
    private record Kind(Pattern line, Pattern regionEnd, String regionStart) {

        List<String> lines(List<String> lines) {
            int start = start(lines);
            return start < 0 ? List.of() : lines.subList(start, regionEnd(lines, start)).stream()
                    .filter(l -> line.matcher(l).find()).toList();
        }

        String name(String declaration) {
            Matcher name = line.matcher(declaration);
            name.find();
            return name.group(1);
        }

        int indexOf(List<String> lines, String name) {
            int start = start(lines);
            for (int i = Math.max(0, start); start >= 0 && i < regionEnd(lines, start); i++) {
                Matcher held = line.matcher(lines.get(i));
                if (held.find() && held.group(1).equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        /** Where a new one goes: after the last of its kind. */
        int end(List<String> lines) {
            int start = start(lines);
            int after = start;
            for (int i = start; i < regionEnd(lines, start); i++) {
                if (line.matcher(lines.get(i)).find()) {
                    after = i;
                }
            }
            return after + 1;
        }

        private int start(List<String> lines) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(regionStart)) {
                    return i;
                }
            }
            return -1;
        }

        private int regionEnd(List<String> lines, int start) {
            for (int i = start + 1; i < lines.size(); i++) {
                if (regionEnd.matcher(lines.get(i)).find()) {
                    return i;
                }
            }
            return lines.size();
        }
    }
}
