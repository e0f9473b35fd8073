package io.etl.stack;

import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;

/** Hadoop local-mode settings that keep every scratch folder inside one directory. */
final class HadoopLocal {
    private HadoopLocal() {}

    static Configuration conf(Path state) {
        Configuration conf = new Configuration();
        conf.set("fs.defaultFS", "file:///");
        conf.set("mapreduce.framework.name", "local");
        conf.set("hadoop.tmp.dir", state.resolve("hadoop-tmp").toString());
        conf.set("mapreduce.cluster.local.dir", state.resolve("mr-local").toString());
        conf.set("mapreduce.jobtracker.staging.root.dir", state.resolve("staging").toString());
        conf.set("yarn.app.mapreduce.am.staging-dir", state.resolve("staging").toString());
        conf.set("fs.s3a.buffer.dir", state.resolve("s3a-buffer").toString());
        conf.setInt("mapreduce.client.completion.pollinterval", 50);
        return conf;
    }
}
