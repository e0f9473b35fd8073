package io.etl.actions;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.ObjectId;

/**
 * Deterministic {@code actions_taken} documents: many users (a few very active), ~15 actions with their own
 * {@code value} arrays of 0 to 5 elements, dates spread over 30 days (a few late or sharing a millisecond), a few
 * missing fields, and awkward strings (tabs, newlines, quotes, backslashes, the NULL marker as text, non-ASCII).
 *
 * <p>{@code main} writes the committed sample {@code src-test-data/actions_taken.jsonl} (extended JSON, one
 * document a line); the benchmark inserts its documents directly.
 */
public final class ActionsTakenGenerator {

    public static final int SAMPLE_SIZE = 12_000;
    /** The sample's path from the project folder; tests run in the module's folder, one below. */
    public static final Path SAMPLE = Path.of("src-test-data", "actions_taken.jsonl");
    public static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
    public static final Duration SPAN = Duration.ofDays(30);

    private static final int USERS = 2_500;
    private static final JsonWriterSettings EXTENDED_JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    private static final List<String> AWKWARD = List.of(
            "say \"hello\"", "tab\there", "two\nlines", "windows\r\nline", "C:\\Users\\me\\", "\\N", "it's",
            "naïve café", "Grüße aus Köln", "日本語のコメント", "emoji 🎉👍", "mixed\t\"all\"\n\\of\\ them", "   ", "");
    private static final List<String> PAGES = List.of("/", "/home", "/search", "/products", "/products/123", "/cart",
            "/checkout", "/account", "/help?q=a&b=c", "/blog/2026/10/ünïcödé");
    private static final List<String> WORDS = List.of("shoes", "red dress", "laptop 16\"", "usb-c cable", "café",
            "gift", "книга", "tent", "phone case", "headphones");

    private final SplittableRandom random;
    private final long count;
    private long index;
    private Date previous = Date.from(START);

    /** A generator of {@code count} documents whose dates cover {@link #SPAN} from {@link #START}. */
    public ActionsTakenGenerator(long seed, long count) {
        this.random = new SplittableRandom(seed);
        this.count = count;
    }

    /** Writes the sample to the path given, else to {@link #SAMPLE} (run it from the project folder). */
    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : SAMPLE;
        ActionsTakenGenerator generator = new ActionsTakenGenerator(42, SAMPLE_SIZE);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < SAMPLE_SIZE; i++) {
                out.write(generator.next().toJson(EXTENDED_JSON));
                out.write('\n');
            }
        }
        System.out.println("wrote " + SAMPLE_SIZE + " documents to " + file.toAbsolutePath());
    }

    public Document next() {
        Date date = date();
        Action action = pick(Action.values());
        Document document = new Document("_id", objectId(date))
                .append("user_id", user())
                .append("action", action.name().toLowerCase(Locale.ROOT))
                .append("date", date)
                .append("value", action.values.apply(this));
        index++;
        blemish(document);
        return document;
    }

    /** A few documents lack a field or hold null, as real collections do. */
    private void blemish(Document document) {
        int roll = random.nextInt(1000);
        if (roll < 5) {
            document.remove("value");
        } else if (roll < 8) {
            document.put("value", null);
        } else if (roll < 11) {
            document.remove("user_id");
        } else if (roll < 13) {
            document.put("action", null);
        }
    }

    /** Evenly over the span in document order, some late by up to an hour, some in the same millisecond as the previous. */
    private Date date() {
        if (index > 0 && random.nextInt(100) < 2) {
            return previous;
        }
        long offset = SPAN.toMillis() * index / count;
        if (random.nextInt(100) < 3) {
            offset = Math.max(0, offset - random.nextLong(Duration.ofHours(1).toMillis()));
        }
        previous = Date.from(START.plusMillis(offset + random.nextInt(1000)));
        return previous;
    }

    private ObjectId objectId(Date date) {
        ByteBuffer bytes = ByteBuffer.allocate(12).putInt((int) (date.getTime() / 1000)).putLong(random.nextLong());
        return new ObjectId(bytes.array());
    }

    /** Skewed: low user ids are far more active. */
    private int user() {
        double u = random.nextDouble();
        return 1 + (int) (u * u * u * USERS);
    }

    private String text() {
        return random.nextInt(100) < 15 ? pick(AWKWARD) : pick(WORDS);
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private <T> T pick(T[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private double amount() {
        return Math.round(random.nextDouble() * 50_000) / 100.0;
    }

    /** The actions, each with the shape of its {@code value} array. */
    private enum Action {
        VIEW_PAGE(g -> List.of(g.pick(PAGES))),
        SEARCH(g -> List.of(g.text(), g.random.nextInt(500))),
        CLICK(g -> List.of("button-" + g.random.nextInt(40), g.random.nextInt(1920), g.random.nextInt(1080))),
        ADD_TO_CART(g -> List.of("SKU-" + g.random.nextInt(10_000), 1 + g.random.nextInt(4), g.amount())),
        REMOVE_FROM_CART(g -> List.of("SKU-" + g.random.nextInt(10_000))),
        PURCHASE(g -> List.of("order-" + g.random.nextInt(1_000_000), g.amount(), g.pick(List.of("USD", "EUR", "JPY")),
                1 + g.random.nextInt(9), g.random.nextBoolean())),
        SHARE(g -> List.of(g.pick(PAGES), g.pick(List.of("twitter", "facebook", "email", "whatsapp")))),
        COMMENT(g -> List.of(g.text(), g.text())),
        RATE(g -> List.of("SKU-" + g.random.nextInt(10_000), 1 + g.random.nextInt(5))),
        LOGIN(g -> g.random.nextBoolean() ? List.of() : List.of(g.pick(List.of("password", "google", "sso")))),
        LOGOUT(g -> List.of()),
        SIGNUP(g -> List.of(g.pick(List.of("organic", "ad", "referral")), g.text())),
        UPDATE_PROFILE(g -> List.of(g.pick(List.of("name", "email", "avatar", "bio")), g.text())),
        UPLOAD(g -> List.of("file-" + g.random.nextInt(100_000) + ".jpg", g.random.nextInt(5_000_000))),
        DOWNLOAD(g -> nullable(g, List.of("report-" + g.random.nextInt(100) + ".pdf", g.random.nextInt(5_000_000))));

        private final Function<ActionsTakenGenerator, List<Object>> values;

        Action(Function<ActionsTakenGenerator, List<?>> values) {
            this.values = g -> new ArrayList<>(values.apply(g));
        }

        /** Now and then an element is null. */
        private static List<Object> nullable(ActionsTakenGenerator g, List<Object> values) {
            List<Object> copy = new ArrayList<>(values);
            if (g.random.nextInt(10) == 0) {
                copy.set(g.random.nextInt(copy.size()), null);
            }
            return copy;
        }
    }
}
