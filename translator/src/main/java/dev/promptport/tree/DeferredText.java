package dev.promptport.tree;

/**
 * A text written from another only when something reads it. A rewrite of a long prompt is one:
 * the request's writer copies it straight into the JSON it writes, so the rewritten prompt need
 * not also exist as a String of its own (two bytes a character for a prompt with a character
 * past U+00FF, such as an en dash). Any other reader gets it as a String through {@link #text()},
 * made at most once.
 */
public abstract class DeferredText {

    /**
     * The text once made. Set without a lock, as {@link String} caches its hash: a String is
     * immutable, so a thread that sees it sees it whole, and one that does not makes it again.
     */
    private String made;

    /** The text, made now if it was not made before. */
    public final String text() {
        String s = made;
        if (s == null) {
            s = make();
            made = s;
        }
        return s;
    }

    /** Hands the text to {@code sink}: as characters in a buffer if it was never made as a String. */
    public final void writeTo(Sink sink) {
        String s = made;
        if (s != null) {
            sink.text(s);
        } else {
            write(sink);
        }
    }

    /** Whether the text is empty or whitespace alone; a subclass that knows without making the text says so. */
    public boolean isBlank() {
        return text().isBlank();
    }

    /** Makes the text as a String. */
    protected abstract String make();

    /** Writes the text's characters to {@code sink} without making a String. */
    protected abstract void write(Sink sink);

    /** Where a deferred text's characters go. */
    public interface Sink {

        /** The text is {@code chars[0, length)}; the buffer is lent for this call only. */
        void chars(char[] chars, int length);

        /** The text, already a String. */
        void text(String text);
    }
}
