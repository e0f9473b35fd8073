package io.etl.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;

/**
 * The Jinjava templates of {@code etl generate}: read from the project's {@code templates/} folder when it has the
 * file (so an edit there changes what is generated at once), else from the copy packaged on the class path.
 */
final class Templates {

    private static final String RESOURCE_FOLDER = "templates/";

    private final Path folder;
    private final Jinjava jinjava = new Jinjava(JinjavaConfig.newBuilder().withTrimBlocks(true).withLstripBlocks(true)
            .withFailOnUnknownTokens(true).build());

    Templates(Path folder) {
        this.folder = folder;
    }

    String render(String template, Map<String, ?> context) {
        return jinjava.render(read(template), context);
    }

    private String read(String template) {
        Path file = folder.resolve(template);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            try (InputStream resource = Templates.class.getClassLoader().getResourceAsStream(RESOURCE_FOLDER + template)) {
                if (resource == null) {
                    throw new GenerateException("no template " + template + " in " + folder.toAbsolutePath()
                            + " nor on the class path under " + RESOURCE_FOLDER);
                }
                return new String(resource.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + template, e);
        }
    }
}
