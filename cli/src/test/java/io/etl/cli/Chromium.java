package io.etl.cli;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Headless Chromium from Debian's package ({@code .ci/run} installs it), for what a browser makes of the pages the
 * commands write: a test that needs it is skipped where it is missing.
 *
 * @param work a folder of the test's own for the browser's profile and log
 */
record Chromium(Path work) {

    private static final Path BINARY = Path.of("/usr/bin/chromium");

    static Chromium in(Path work) {
        assumeTrue(Files.isExecutable(BINARY), "Chromium is not installed (.ci/run installs it)");
        return new Chromium(work);
    }

    /** The page drawn in a window of that size, saved as {@code png}. */
    BufferedImage screenshot(Path page, Path png, int width, int height) throws Exception {
        run(page, "screenshot", "--window-size=" + width + "," + height, "--screenshot=" + png);
        return ImageIO.read(png.toFile());
    }

    /** The page's document once the browser has parsed and laid it out, as HTML. */
    String dom(Path page) throws Exception {
        return Files.readString(run(page, "dom", "--dump-dom"));
    }

    /** How many pixels of the image have exactly that colour ({@code 0xRRGGBB}). */
    static int pixels(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                count += (image.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
            }
        }
        return count;
    }

    /** Runs the browser on the page; returns the file holding what it printed. */
    private Path run(Path page, String name, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + work.resolve("chromium")));
        command.addAll(List.of(options));
        command.add(page.toUri().toString());
        Path printed = work.resolve("chromium-" + name + ".out");
        Process browser = new ProcessBuilder(command).redirectOutput(printed.toFile())
                .redirectError(work.resolve("chromium-" + name + ".log").toFile()).start();
        assertTrue(browser.waitFor(60, TimeUnit.SECONDS), "Chromium did not finish in 60 s");
        return printed;
    }
}
