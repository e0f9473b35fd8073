package io.etl.model;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A SQL model: a table of the warehouse rebuilt from one SELECT over the tables of ETLs and of other models.
 *
 * @param name   its table's and its task's name: its file's, without {@code .sql}
 * @param file   where it is written, as found ({@code models/daily_actions.sql})
 * @param select the SELECT, as written in the file from its first character (so that a position in it is one in the
 *               file), without a closing semicolon
 * @param etls   the ETLs whose tables it reads
 * @param models the models whose tables it reads
 */
public record Model(String name, Path file, String select, List<String> etls, List<String> models) {

    public Model {
        etls = List.copyOf(etls);
        models = List.copyOf(models);
    }

    /** Of its SQL: a model whose SQL changed is built again. */
    public String sqlHash() {
        return Sha256.of(select);
    }

    /** What it reads, for people: the ETLs then the models, {@code actions_taken, daily_actions}. */
    public String reads() {
        return String.join(", ", Stream.concat(etls.stream(), models.stream()).toList());
    }
}
