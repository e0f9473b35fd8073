package io.etl.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The source tree a generated ETL is written into: its files, and its catalog's line in
 * {@value #SERVICES}, which is how the command line finds task types ({@code java.util.ServiceLoader}).
 */
public record ProjectTree(Path root) {

    /** The module of the ETLs, where generated ones go. */
    public static final String MODULE = "etls";
    public static final String SERVICES = MODULE + "/src/main/resources/META-INF/services/io.etl.task.TaskCatalog";
    static final String JAVA_PACKAGES = MODULE + "/src/main/java/io/etl/generated/";
    static final String PIG_SCRIPTS = MODULE + "/pig/";

    /** @throws GenerateException if this is not the project's source tree */
    public ProjectTree {
        if (!Files.isRegularFile(root.resolve(SERVICES))) {
            throw new GenerateException(root.toAbsolutePath().normalize() + " is not the etl source tree (no " + SERVICES
                    + "): run etl generate from the project's root");
        }
    }

    /** The files that already exist, which writing would overwrite. */
    public List<String> existing(List<GeneratedFile> files) {
        return files.stream().map(GeneratedFile::path).filter(path -> Files.exists(root.resolve(path))).toList();
    }

    public void write(List<GeneratedFile> files) throws IOException {
        for (GeneratedFile file : files) {
            Path target = root.resolve(file.path());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.text(), StandardCharsets.UTF_8);
        }
    }

    /** Adds the catalog to the services file, unless it is there already; returns whether it added it. */
    public boolean register(String catalogClass) throws IOException {
        Path services = root.resolve(SERVICES);
        List<String> lines = Files.readAllLines(services, StandardCharsets.UTF_8);
        if (lines.stream().map(String::trim).anyMatch(catalogClass::equals)) {
            return false;
        }
        String text = Files.readString(services, StandardCharsets.UTF_8);
        String separator = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
        Files.writeString(services, separator + catalogClass + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return true;
    }

    public Path templates() {
        return root.resolve("templates");
    }
}
