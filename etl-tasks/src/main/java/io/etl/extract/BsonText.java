package io.etl.extract;

import java.time.ZoneOffset;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.bson.BSONObject;
import org.bson.types.Binary;
import org.bson.types.ObjectId;

/**
 * A BSON value as the text of one column: dates as UTC ISO-8601 with milliseconds, ObjectIds as hex, binary as
 * base64, and arrays and sub-documents as JSON (their elements converted alike), which a Pig UDF splits robustly.
 */
public final class BsonText {

    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private BsonText() {
    }

    /** The text of a value; null stays null. */
    public static String of(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof List<?> || value instanceof BSONObject) {
            return json(value);
        }
        return scalar(value);
    }

    private static String scalar(Object value) {
        if (value instanceof Date date) {
            return isoMillis(date);
        }
        if (value instanceof ObjectId id) {
            return id.toHexString();
        }
        if (value instanceof Binary binary) {
            return Base64.getEncoder().encodeToString(binary.getData());
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return value.toString();
    }

    /**
     * {@code 2026-10-01T00:00:00.556Z}, written by hand for the years 1 to 9999 (the ones a window selects): the
     * formatter cost the extract's map task a sixth of its time.
     */
    private static String isoMillis(Date date) {
        long millis = date.getTime();
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), 0, ZoneOffset.UTC);
        if (time.getYear() < 1 || time.getYear() > 9999) {
            return ISO_MILLIS.format(date.toInstant());
        }
        char[] text = "0000-00-00T00:00:00.000Z".toCharArray();
        digits(text, 0, time.getYear(), 4);
        digits(text, 5, time.getMonthValue(), 2);
        digits(text, 8, time.getDayOfMonth(), 2);
        digits(text, 11, time.getHour(), 2);
        digits(text, 14, time.getMinute(), 2);
        digits(text, 17, time.getSecond(), 2);
        digits(text, 20, (int) Math.floorMod(millis, 1000), 3);
        return new String(text);
    }

    /** Writes {@code value} as {@code width} decimal digits ending before {@code at + width}. */
    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--, value /= 10) {
            text[i] = (char) ('0' + value % 10);
        }
    }

    /**
     * Any value as JSON: a string quoted, an array or document with its elements converted alike. Written by hand,
     * as Jackson writes it: a generator made for each value was more than a third of the extract's time in JSON.
     */
    public static String json(Object value) {
        StringBuilder json = new StringBuilder(64);
        write(json, value);
        return json.toString();
    }

    private static void write(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof String s) {
            quoted(json, s);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Double d && Double.isFinite(d)) {
            json.append(value);
        } else if (value instanceof List<?> list) {
            json.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    json.append(',');
                }
                write(json, list.get(i));
            }
            json.append(']');
        } else if (value instanceof BSONObject document) {
            json.append('{');
            boolean first = true;
            for (String key : document.keySet()) {
                if (!first) {
                    json.append(',');
                }
                first = false;
                quoted(json, key);
                json.append(':');
                write(json, document.get(key));
            }
            json.append('}');
        } else {
            quoted(json, scalar(value));
        }
    }

    /** A JSON string: quotes, backslashes and control characters escaped, anything else as it is. */
    private static void quoted(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\t' -> json.append("\\t");
                case '\n' -> json.append("\\n");
                case '\f' -> json.append("\\f");
                case '\r' -> json.append("\\r");
                default -> {
                    if (c < 0x20) {
                        json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
