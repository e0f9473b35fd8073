package io.etl.cli;

import io.etl.warehouse.EmbeddedWarehouse;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code etl dashboard} over one history of real runs, made once: {@code actions_taken} into a real PostgreSQL, a day,
 * then a later day with a document it rejects (leaving a hole between them); the test ETL {@code events}, two loads and
 * a failure.
 */
class DashboardCommandTest {

    private static final String REJECT = "rejected 6565a1b2c3d4e5f601000009: user_id: expected a whole number, got a boolean (value: true)";
    private static final String FAILURE = "the source did not answer";

    @TempDir
    static Path home;
    private static Path site;
    private static Etl.Result dashboard;
    /** Around the dashboard's run: the lags it shows are between what these two give. */
    private static Instant before;
    private static Instant after;

    @BeforeAll
    static void runsThenDashboard() throws Exception {
        try (TestSource source = TestSource.start(home.resolve("source.mv")).clicksAt("2026-10-01T12:00:00Z", "2026-10-01T13:00:00Z",
                "2026-10-04T12:00:00Z");
             EmbeddedWarehouse warehouse = EmbeddedWarehouse.start(home.resolve("warehouse-of-the-test"))) {
            source.actionsTaken().insertOne(new Document("_id", new ObjectId("6565a1b2c3d4e5f601000009")).append("user_id", true)
                    .append("action", "click").append("date", Date.from(Instant.parse("2026-10-04T13:00:00Z"))).append("value", List.of(1)));
            String[] settings = {"--set", source.setting(), "--set", "warehouse.url=" + warehouse.jdbcUrl(), "--set", "retries=0"};
            expect(ExitCodes.OK, Cli.with(settings, "run", "actions_taken", "--since", "2026-10-01", "--until", "2026-10-02"));
            expect(ExitCodes.REJECTS, Cli.with(settings, "run", "actions_taken", "--since", "2026-10-04", "--until", "2026-10-05"));
            expect(ExitCodes.OK, Cli.with(settings, "run", "events", "--since", "2026-11-01", "--until", "2026-11-02", "--rows", "5"));
            expect(ExitCodes.OK, Cli.with(settings, "run", "events", "--since", "2026-11-02", "--until", "2026-11-03", "--rows", "1200"));
            expect(ExitCodes.TASK_FAILED, Cli.with(settings, "run", "events", "--since", "2026-11-03", "--until", "2026-11-04", "--rows", "-1"));
            site = home.resolve("site");
            before = Instant.now();
            dashboard = new Etl(home).run(Cli.with(settings, "dashboard", "--out", site.toString()));
            after = Instant.now();
        }
    }

    private static void expect(int exitCode, String... args) {
        Etl.Result run = new Etl(home).run(args);
        assertEquals(exitCode, run.exitCode(), run::toString);
    }

    @Test
    void it_says_in_one_line_where_the_index_is_and_how_many_pages_it_wrote() {
        assertEquals(ExitCodes.OK, dashboard.exitCode(), dashboard::toString);
        assertEquals("dashboard: " + site.resolve("index.html") + " (3 pages written: the index and one per ETL)\n", dashboard.out());
        assertEquals("", dashboard.err());
    }

    @Test
    void the_index_lists_every_etl_with_its_lag_its_runs_and_a_link_to_its_page() throws Exception {
        Xml index = Xml.read(site.resolve("index.html"));

        List<Element> rows = index.all("//tr[@data-etl]");
        assertEquals(List.of("actions_taken", "events"), rows.stream().map(row -> row.getAttribute("data-etl")).toList());
        for (Element row : rows) {
            String etl = row.getAttribute("data-etl");
            assertEquals(etl + ".html", index.one("//tr[@data-etl='" + etl + "']//a").getAttribute("href"));
            assertTrue(Files.isRegularFile(site.resolve(etl + ".html")), etl);
        }
        assertLag(index.one("//tr[@data-etl='actions_taken']/td[contains(@class, 'lag')]"), "2026-10-05T00:00:00Z");
        assertLag(index.one("//tr[@data-etl='events']/td[contains(@class, 'lag')]"), "2026-11-03T00:00:00Z");
        assertEquals("1", text(index.one("//tr[@data-etl='events']/td[contains(@class, 'failures')]")));
        assertEquals(3, index.all("//tr[@data-etl='events']//svg[@class='spark']/g[@class='run']").size(), "a bar per run");
        assertEquals("1 (2d 0h)", text(index.one("//tr[@data-etl='actions_taken']/td[contains(@class, 'holes')]")));
    }

    private static void assertLag(Element shown, String loadedUpTo) {
        Instant upper = Instant.parse(loadedUpTo);
        Set<String> expected = Stream.of(before, after).map(now -> DashboardPages.age(Duration.between(upper, now))).collect(Collectors.toSet());
        assertTrue(expected.contains(text(shown)), text(shown) + " is not one of " + expected);
    }

    @Test
    void an_etl_page_lists_its_runs_with_the_first_error_of_the_failed_one() throws Exception {
        Xml events = Xml.read(site.resolve("events.html"));

        List<Element> runs = events.all("//table[@class='runs']//tr[@class='run']");
        assertEquals(3, runs.size());
        assertTrue(text(runs.get(0)).contains("FAILED") && text(runs.get(0)).contains(FAILURE), text(runs.get(0)));
        assertTrue(text(runs.get(1)).contains("SUCCESS") && text(runs.get(1)).contains("1,200"), text(runs.get(1)));
        assertTrue(text(events.one("//section[contains(@class, 'problems')]//tbody")).contains(FAILURE));
    }

    @Test
    void the_charts_have_one_bar_per_run_and_a_band_behind_the_failed_one() throws Exception {
        Xml events = Xml.read(site.resolve("events.html"));
        Xml actions = Xml.read(site.resolve("actions_taken.html"));

        for (String chart : List.of("rows", "stages")) {
            assertEquals(3, events.all("//svg[@data-chart='" + chart + "']/g[@class='run']").size(), chart);
            assertEquals(2, actions.all("//svg[@data-chart='" + chart + "']/g[@class='run']").size(), chart);
            assertEquals(1, events.all("//svg[@data-chart='" + chart + "']/g[@class='run'][rect[@class='band']]").size(), chart);
        }
        assertEquals(3, actions.all("//svg[@data-chart='stages']/g[@class='run'][2]/rect").size(), "extract, transform and load");
    }

    @Test
    void a_run_with_rejects_shows_how_many_and_the_first_reason() throws Exception {
        Xml actions = Xml.read(site.resolve("actions_taken.html"));

        assertEquals("1 document(s) rejected; the first: " + REJECT,
                text(actions.one("//section[contains(@class, 'problems')]//td[@class='error']")));
        List<String> withRejects = actions.all("//table[@class='runs']//tr[@class='run'][1]/td").stream().map(DashboardCommandTest::text).toList();
        assertEquals(List.of("SUCCESS", "2026-10-04 00:00 – 2026-10-05 00:00", "1", "1"), withRejects.subList(1, 5));
    }

    @Test
    void the_hole_between_the_windows_loaded_is_listed() throws Exception {
        Xml actions = Xml.read(site.resolve("actions_taken.html"));

        assertEquals(List.of("2026-10-02 00:00", "2026-10-04 00:00", "2d 0h"),
                actions.all("//tr[@class='hole']/td").stream().map(DashboardCommandTest::text).toList());
    }

    @Test
    void the_pages_fetch_nothing() throws Exception {
        try (Stream<Path> pages = Files.list(site)) {
            for (Path page : pages.toList()) {
                String html = Files.readString(page);
                for (String reference : List.of("<script", "<link", "http://", "https://", "url(", "@import")) {
                    assertFalse(html.contains(reference), page.getFileName() + " holds " + reference);
                }
            }
        }
    }

    @Test
    void chromium_draws_the_charts() throws Exception {
        Chromium chromium = Chromium.in(home);
        Path page = site.resolve("actions_taken.html");

        Matcher runs = Pattern.compile("<g class=\"run\"").matcher(chromium.dom(page));
        assertEquals(4, runs.results().count(), "two runs in each of the two charts, once the browser has read the page");
        BufferedImage etl = chromium.screenshot(page, home.resolve("dashboard-etl.png"), 1200, 1300);
        for (int colour : new int[] {0x4caf50, 0xffb74d, 0x42a5f5, 0xab47bc, 0x26a69a}) {
            assertTrue(Chromium.pixels(etl, colour) > 50, String.format("#%06x drawn: %d pixels", colour, Chromium.pixels(etl, colour)));
        }
        BufferedImage index = chromium.screenshot(site.resolve("index.html"), home.resolve("dashboard-index.png"), 1200, 500);
        assertTrue(Chromium.pixels(index, 0xe53935) > 20, "the failed run's red dot");
    }

    @Test
    void an_out_that_cannot_be_a_folder_or_a_period_under_a_day_exits_2_with_one_line() throws Exception {
        Path file = Files.writeString(home.resolve("a-file"), "");

        Etl.Result onFile = new Etl(home).run("dashboard", "--out", file.toString());
        Etl.Result underFile = new Etl(home).run("dashboard", "--out", file.resolve("site").toString());
        Etl.Result noDays = new Etl(home).run("dashboard", "--out", home.resolve("other").toString(), "--days", "0");

        assertEquals(ExitCodes.USAGE, onFile.exitCode(), onFile::toString);
        assertEquals("etl: --out " + file + ": is a file, not a folder\n", onFile.err());
        assertEquals(ExitCodes.USAGE, underFile.exitCode(), underFile::toString);
        assertEquals(1, underFile.err().lines().count(), underFile::toString);
        assertTrue(underFile.err().startsWith("etl: --out " + file.resolve("site") + ": cannot make the folder"), underFile::toString);
        assertEquals(ExitCodes.USAGE, noDays.exitCode(), noDays::toString);
        assertEquals("etl: --days: expected at least 1, got 0\n", noDays.err());
    }

    private static String text(Element element) {
        return element.getTextContent().strip();
    }
}
