package io.etl.transform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names a transform's Pig uses for an ETL's fields and a table's columns: the name itself where Pig takes it,
 * otherwise a safe variant ({@code order} is {@code f_order}). Derived in one place, so the generated prelude and
 * epilogue and the scripts that {@code etl generate} writes agree.
 */
public final class PigNames {

    /**
     * Pig's keywords and built-in type names (matched case-insensitively by Pig), and SQL's commonest words: a
     * renamed Pig field costs nothing, a parse error in a script a lot.
     */
    private static final Set<String> RESERVED = Set.of("all", "and", "any", "as", "asc", "assert", "bag", "bigdecimal",
            "biginteger", "boolean", "by", "bytearray", "cache", "case", "cat", "cd", "chararray", "cogroup", "collected",
            "copyfromlocal", "copytolocal", "cp", "cross", "cube", "datetime", "define", "desc", "describe", "distinct",
            "double", "du", "dump", "else", "end", "eval", "exec", "explain", "false", "filter", "flatten", "float",
            "foreach", "full", "generate", "group", "help", "if", "illustrate", "import", "in", "inner", "input", "int",
            "into", "is", "join", "kill", "left", "limit", "load", "long", "ls", "map", "mapreduce", "matches", "merge",
            "mkdir", "mv", "not", "null", "onschema", "or", "order", "outer", "output", "parallel", "partition", "pwd",
            "quit", "rank", "register", "returns", "right", "rm", "rmf", "rollup", "run", "sample", "set", "ship", "sh",
            "skewed", "split", "stderr", "stdin", "stdout", "store", "stream", "then", "through", "true", "tuple",
            "union", "user", "using", "void", "when", "reason", "select", "from", "where", "having", "table");
    private static final Pattern UNSAFE = Pattern.compile("[^a-z0-9_]");

    private PigNames() {
    }

    /** One name for each of {@code names}, in order, all different. */
    public static List<String> of(List<String> names) {
        Set<String> taken = new HashSet<>();
        List<String> pig = new ArrayList<>();
        for (String name : names) {
            String safe = safe(name);
            String unique = safe;
            for (int n = 2; !taken.add(unique); n++) {
                unique = safe + "_" + n;
            }
            pig.add(unique);
        }
        return pig;
    }

    private static String safe(String name) {
        String lower = UNSAFE.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("_");
        boolean safe = !lower.isEmpty() && Character.isLetter(lower.charAt(0)) && !RESERVED.contains(lower);
        return safe ? lower : "f_" + lower;
    }
}
