package dev.promptport.reply;

/**
 * Restores a prefill at the start of the first text block, for whole replies and for streams
 * alike: text is offered piece by piece and held back only until it is clear whether the model
 * began by repeating the prefix (at most the prefix's length, plus leading whitespace).
 *
 * <p>The model "repeated" the prefix when its text, ignoring leading whitespace, starts with
 * it ({@code "\n{\"a\":1}"} repeats <code>{</code>). Then the whitespace is dropped, so the
 * reply starts with the prefix as Claude's would.
 * {@link ReplyContext.PrefillMode#PREPEND}: a repeated prefix stays, otherwise it is added in
 * front. {@link ReplyContext.PrefillMode#CONTINUE}: a repeated prefix is cut off, otherwise the
 * text is left as it is.
 */
final class PrefixGate {

    /** Leading whitespace held back before giving up on finding the prefix after it. */
    static final int MAX_LEADING_SPACE = 256;

    private final String prefix;
    private final ReplyContext.PrefillMode mode;
    private final boolean skipSpace;
    private StringBuilder held = new StringBuilder();
    private boolean decided;

    PrefixGate(String prefix, ReplyContext.PrefillMode mode) {
        this.prefix = prefix;
        this.mode = mode;
        this.skipSpace = !Character.isWhitespace(prefix.charAt(0));
    }

    /** Whole text through the gate. */
    static String apply(String text, String prefix, ReplyContext.PrefillMode mode) {
        PrefixGate g = new PrefixGate(prefix, mode);
        return g.offer(text) + g.flush();
    }

    /** The text to pass on now (possibly empty while still deciding). */
    String offer(String piece) {
        if (decided) {
            return piece;
        }
        held.append(piece);
        int lead = skipSpace ? leadingSpace(held) : 0;
        if (lead > MAX_LEADING_SPACE) {
            return decide(false, lead);
        }
        int restLength = held.length() - lead;
        if (restLength >= prefix.length()) {
            return decide(startsPrefix(held, lead, prefix.length()), lead);
        }
        if (!startsPrefix(held, lead, restLength)) {
            return decide(false, lead);
        }
        return "";
    }

    /** The end of the first text block: whatever is still held back, decided now. */
    String flush() {
        if (decided) {
            return "";
        }
        int lead = skipSpace ? leadingSpace(held) : 0;
        return decide(false, lead);
    }

    boolean decided() {
        return decided;
    }

    private String decide(boolean repeated, int lead) {
        decided = true;
        String text = held.toString();
        held = null;
        if (repeated) {
            String rest = text.substring(lead);
            return mode == ReplyContext.PrefillMode.PREPEND ? rest : rest.substring(prefix.length());
        }
        return mode == ReplyContext.PrefillMode.PREPEND ? prefix + text : text;
    }

    /** Whether {@code s[from, from+n)} equals the first {@code n} characters of the prefix. */
    private boolean startsPrefix(CharSequence s, int from, int n) {
        for (int i = 0; i < n; i++) {
            if (s.charAt(from + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int leadingSpace(CharSequence s) {
        int i = 0;
        while (i < s.length() && i <= MAX_LEADING_SPACE && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
