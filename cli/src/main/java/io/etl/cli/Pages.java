package io.etl.cli;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.loader.ClasspathResourceLocator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The HTML pages the commands write, from the Jinjava templates beside this class; a template extends or imports
 * another by its path on the class path ({@code io/etl/cli/dashboard-page.html.jinja}).
 */
final class Pages {

    private Pages() {
    }

    static String render(String template, Map<String, Object> context) {
        try (InputStream in = Pages.class.getResourceAsStream(template)) {
            Jinjava jinjava = new Jinjava();
            jinjava.setResourceLocator(new ClasspathResourceLocator());
            return jinjava.render(new String(in.readAllBytes(), StandardCharsets.UTF_8), context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
