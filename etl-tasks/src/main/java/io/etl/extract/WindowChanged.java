package io.etl.extract;

/**
 * The documents of a window changed between its count and its read: a writer added documents dated inside it (later
 * than the settle time allows for) or removed some. Not permanent: another attempt counts and reads it again.
 */
public final class WindowChanged extends Exception {

    public WindowChanged(String message) {
        super(message);
    }
}
