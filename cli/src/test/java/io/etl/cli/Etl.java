package io.etl.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the real command line in this JVM against a state directory of the test's own, and keeps what it printed. */
final class Etl {

    private final Path home;
    private final Map<String, String> environment = new HashMap<>();

    Etl(Path home) {
        this.home = home;
    }

    Etl env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--home=" + home);
        int code = Main.execute(all.toArray(String[]::new), environment, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /** The command line that runs etl in a JVM of its own, on this test's class path, for tests of the real process. */
    List<String> processCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        command.add("--home=" + home);
        return command;
    }

    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
