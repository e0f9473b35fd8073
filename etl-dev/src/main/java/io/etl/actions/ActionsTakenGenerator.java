package io.etl.actions;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Deterministic {@code actions_taken} documents: many users (a few very active), ~15 actions with their own
 * {@code value} arrays of 0 to 5 elements, dates spread over a span in document order (a few late or sharing a
 * millisecond), a few missing fields (one document in {@value #DATELESS_EVERY} has no date at all), and awkward
 * strings (tabs, newlines, quotes, backslashes, the NULL marker as text, non-ASCII).
 *
 * <p>{@link #sample()} makes the committed sample {@code src-test-data/actions_taken.jsonl}; {@code etl add-sample}
 * and the benchmark insert documents of their own span.
 */
public final class ActionsTakenGenerator implements Iterator<Document> {

    public static final int SAMPLE_SIZE = 12_000;
    public static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
    public static final Duration SPAN = Duration.ofDays(30);
    /** A real collection holds a few documents that some writer saved without its date; so does the sample. */
    public static final int DATELESS_EVERY = 2_000;

    private static final long SAMPLE_SEED = 42;
    private static final int USERS = 2_500;
    private static final int JITTER_MILLIS = 1_000;
    private static final List<String> AWKWARD = List.of(
            "say \"hello\"", "tab\there", "two\nlines", "windows\r\nline", "C:\\Users\\me\\", "\\N", "it's",
            "naïve café", "Grüße aus Köln", "日本語のコメント", "emoji 🎉👍", "mixed\t\"all\"\n\\of\\ them", "   ", "");
    private static final List<String> PAGES = List.of("/", "/home", "/search", "/products", "/products/123", "/cart",
            "/checkout", "/account", "/help?q=a&b=c", "/blog/2026/10/ünïcödé");
    private static final List<String> WORDS = List.of("shoes", "red dress", "laptop 16\"", "usb-c cable", "café",
            "gift", "книга", "tent", "phone case", "headphones");

    private final SplittableRandom random;
    private final long count;
    private final Instant from;
    private final long spanMillis;
    /** At most the gap between two documents (and a second), so that the last stays before {@code until}. */
    private final int jitterMillis;
    private long index;
    private Date previous;

    /** {@code count} documents dated in order over {@code [from, until)}; the same seed gives the same documents. */
    public ActionsTakenGenerator(long seed, long count, Instant from, Instant until) {
        this.random = new SplittableRandom(seed);
        this.count = count;
        this.from = from;
        this.spanMillis = Duration.between(from, until).toMillis();
        this.jitterMillis = (int) Math.max(1, Math.min(JITTER_MILLIS, spanMillis / Math.max(count, 1)));
        this.previous = Date.from(from);
    }

    /** The committed sample: {@value #SAMPLE_SIZE} documents over {@link #SPAN} from {@link #START}. */
    public static ActionsTakenGenerator sample() {
        return new ActionsTakenGenerator(SAMPLE_SEED, SAMPLE_SIZE, START, START.plus(SPAN));
    }

    @Override
    public boolean hasNext() {
        return index < count;
    }

    @Override
    public Document next() {
        if (!hasNext()) {
            throw new NoSuchElementException("all " + count + " documents were generated");
        }
        Date date = date();
        Action action = pick(Action.values());
        Document document = new Document("_id", objectId(date))
                .append("user_id", user())
                .append("action", action.name().toLowerCase(Locale.ROOT))
                .append("date", date)
                .append("value", action.values.apply(this));
        index++;
        blemish(document);
        if (index % DATELESS_EVERY == 0) {
            document.remove("date");
        }
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

    /**
     * Evenly over the span in document order, some late by up to an hour (never before the span), some in the same
     * millisecond as the previous.
     */
    private Date date() {
        if (index > 0 && random.nextInt(100) < 2) {
            return previous;
        }
        long offset = spanMillis * index / count;
        if (random.nextInt(100) < 3) {
            offset = Math.max(0, offset - random.nextLong(Duration.ofHours(1).toMillis()));
        }
        previous = Date.from(from.plusMillis(offset + random.nextInt(jitterMillis)));
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
