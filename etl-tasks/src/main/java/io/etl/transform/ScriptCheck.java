package io.etl.transform;

import io.etl.environment.EtlEnvironment;
import io.etl.extract.ExtractTask;
import io.etl.lake.Lake;
import io.etl.lake.Stage;
import io.etl.spec.EtlSpec;
import io.etl.state.StateDirectory;
import io.etl.task.PermanentFailure;
import io.etl.warehouse.Table;
import io.etl.window.Window;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.hadoop.conf.Configuration;

/**
 * Whether an ETL's Pig script fits its declaration, asked before its extract reads anything: Pig plans the script
 * as the transform will run it ({@link PigRun#plan}), which finds a syntax error or rows that are not the table's
 * columns, naming the script's line or the field. Planning costs Pig's start, so a script once planned is not
 * planned again until it or the declaration changes: the hash of the whole script Pig runs (the prelude and
 * epilogue hold the declaration and the table) and of the ETL's own parameters is remembered in the state directory.
 */
public final class ScriptCheck implements ExtractTask.Precondition {

    /** The state directory's folder of the scripts planned. */
    static final String FOLDER = "scripts-planned";

    private final EtlSpec spec;
    private final Map<String, String> scriptParameters;
    private final Function<String, Table> table;
    private final EtlEnvironment environment;

    /** @param table the warehouse table, given the schema it lives in */
    public ScriptCheck(EtlSpec spec, Map<String, String> scriptParameters, Function<String, Table> table, EtlEnvironment environment) {
        this.spec = spec;
        this.scriptParameters = Map.copyOf(scriptParameters);
        this.table = table;
        this.environment = environment;
    }

    /** @throws PermanentFailure if the script is missing, or Pig rejects it */
    @Override
    public void check(Window window) throws IOException, PermanentFailure, InterruptedException {
        TransformScript script = TransformScript.of(spec, table, environment);
        Path planned = StateDirectory.from(environment.settings()).resolve(FOLDER).resolve(hash(script));
        if (Files.exists(planned)) {
            return;
        }
        Lake lake = environment.lake();
        Map<String, String> parameters = TransformScript.parameters(scriptParameters, spec,
                Stage.EXTRACT.directory(lake, spec.name(), window), Stage.TRANSFORM.directory(lake, spec.name(), window),
                Stage.REJECTS.directory(lake, spec.name(), window), window);
        Configuration conf = environment.hadoop().configuration(lake.hadoopSettings());
        new PigRun(script, parameters).plan(conf);
        Files.createDirectories(planned.getParent());
        Files.writeString(planned, script.script().fileName() + "\n");
    }

    private String hash(TransformScript script) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(script.text().getBytes(StandardCharsets.UTF_8));
            digest.update(new TreeMap<>(scriptParameters).toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
