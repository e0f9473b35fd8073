package io.etl.testing;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A {@link MiniCluster} for a test class, started before its first test and stopped after its last. */
public final class HadoopCluster implements BeforeAllCallback, AfterAllCallback {

    private MiniCluster cluster;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        // the minicluster's own test folder convention: under the module's target
        cluster = MiniCluster.start(Path.of("target", "minicluster").toAbsolutePath());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** The folder to point setting {@code hadoop.conf.dir} at. */
    public Path confDir() {
        return cluster.confDir();
    }

    /** {@code hdfs://localhost:port/path}. */
    public String hdfsUri(String path) {
        return cluster.hdfsUri(path);
    }
}
