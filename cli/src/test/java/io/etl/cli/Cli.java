package io.etl.cli;

import java.util.Arrays;
import java.util.stream.Stream;

/** Command lines for the tests. */
final class Cli {

    private Cli() {
    }

    /** A command line with more arguments after it. */
    static String[] with(String[] args, String... more) {
        return Stream.concat(Arrays.stream(args), Arrays.stream(more)).toArray(String[]::new);
    }
}
