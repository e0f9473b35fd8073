package io.etl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a terminal shows of a program's output: the lines on the screen after each character, for the control
 * sequences etl writes (carriage return, line feed, cursor up, erase line, colours). Any other sequence fails the
 * test, as it would show as garbage on some terminal.
 */
final class TerminalScreen {

    private static final Pattern SEQUENCE = Pattern.compile("\033\\[(\\d*)([A-Za-z])");

    private final List<StringBuilder> lines = new ArrayList<>(List.of(new StringBuilder()));
    private int row;
    private int column;

    /** Feeds the output, calling {@code afterEachLine} with the screen each time a line ends or is erased. */
    void feed(String output, Consumer<List<String>> afterEachLine) {
        int i = 0;
        while (i < output.length()) {
            char c = output.charAt(i);
            if (c == '\033') {
                Matcher sequence = SEQUENCE.matcher(output).region(i, output.length());
                if (!sequence.lookingAt()) {
                    throw new AssertionError("a control sequence a terminal may not understand at " + i + ": "
                            + output.substring(i, Math.min(output.length(), i + 12)).replace("\033", "ESC"));
                }
                apply(sequence.group(1), sequence.group(2));
                i = sequence.end();
                afterEachLine.accept(shown());
                continue;
            }
            if (c == '\n') {
                row++;
                column = 0; // the terminal's own newline translation (onlcr) returns the carriage too
                while (lines.size() <= row) {
                    lines.add(new StringBuilder());
                }
                afterEachLine.accept(shown());
            } else if (c == '\r') {
                column = 0;
            } else {
                StringBuilder line = lines.get(row);
                while (line.length() < column) {
                    line.append(' ');
                }
                if (column < line.length()) {
                    line.setCharAt(column, c);
                } else {
                    line.append(c);
                }
                column++;
            }
            i++;
        }
    }

    private void apply(String count, String command) {
        int n = count.isEmpty() ? 1 : Integer.parseInt(count);
        switch (command) {
            case "A" -> row = Math.max(0, row - n);
            case "K" -> {
                if (n != 2) {
                    throw new AssertionError("erase " + n + " of a line: etl erases whole lines");
                }
                lines.get(row).setLength(0);
            }
            case "m" -> { } // a colour: it changes no character
            default -> throw new AssertionError("a control sequence etl does not write: ESC[" + count + command);
        }
    }

    /** The screen's lines, as a person reads them, without the trailing blank ones. */
    List<String> shown() {
        List<String> shown = new ArrayList<>(lines.stream().map(StringBuilder::toString).toList());
        while (!shown.isEmpty() && shown.get(shown.size() - 1).isBlank()) {
            shown.remove(shown.size() - 1);
        }
        return shown;
    }
}
