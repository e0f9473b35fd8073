package io.etl.cli;

import com.hubspot.jinjava.Jinjava;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The HTML pages the commands write, from the Jinjava templates beside this class. */
final class Pages {

    private Pages() {
    }

    static String render(String template, Map<String, Object> context) {
        try (InputStream in = Pages.class.getResourceAsStream(template)) {
            return new Jinjava().render(new String(in.readAllBytes(), StandardCharsets.UTF_8), context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
