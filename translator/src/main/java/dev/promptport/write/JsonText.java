package dev.promptport.write;

import dev.promptport.tree.Part;
import dev.promptport.tree.TextMemo;

/** Runs one writer's body against a fresh {@link JsonOut} and returns the text it wrote, or its UTF-8. */
final class JsonText {

    /** What a writer writes. */
    interface Body {
        void write(JsonOut g);
    }

    /** The memo keys of a text's JSON string form, as a String and in UTF-8, and of a JSON value's UTF-8. */
    private static final Object QUOTED = new Object();
    private static final Object QUOTED_UTF8 = new Object();
    private static final Object RAW_UTF8 = new Object();

    private JsonText() {
    }

    /**
     * Writes {@code text} as a JSON string value. A long text that traffic repeats (a system
     * prompt, the history each turn re-sends) is quoted once and copied in after that: escaping
     * it costs more than copying. Quoting apart costs more than writing in place, so a text is
     * quoted for the memo only once it is seen a second time; one seen once is written as usual.
     */
    static void string(JsonOut g, String text, TextMemo memo) {
        if (memo == null || !TextMemo.worthIt(text)) {
            g.writeString(text);
        } else if (g.writesUtf8()) {
            // what goes on the wire is UTF-8: kept as such, it is copied in once, not widened
            // into the writer's characters and encoded back
            byte[] quoted = memo.getOnceSeenBefore(text, QUOTED_UTF8, () -> JsonOut.quotedUtf8(text));
            if (quoted != null) {
                g.writeRawUtf8(quoted);
            } else {
                g.writeString(text);
            }
        } else {
            String quoted = memo.getOnceSeenBefore(text, QUOTED, () -> JsonOut.quoted(text));
            if (quoted != null) {
                g.writeRawValue(quoted);
            } else {
                g.writeString(text);
            }
        }
    }

    /**
     * Writes {@code json}, a value already written as JSON (a tool's schema, a call's arguments),
     * as it is; as {@link #string} does, kept in UTF-8 once seen a second time, when what is
     * written goes on the wire.
     */
    static void raw(JsonOut g, String json, TextMemo memo) {
        byte[] utf8 = memo != null && g.writesUtf8() && TextMemo.worthIt(json)
                ? memo.getOnceSeenBefore(json, RAW_UTF8, () -> writeUtf8(false, o -> o.writeRawValue(json))) : null;
        if (utf8 != null) {
            g.writeRawUtf8(utf8);
        } else {
            g.writeRawValue(json);
        }
    }

    /** Writes {@code t}'s text as a JSON string value, as {@link #string} does; a deferred text straight from its characters. */
    static void text(JsonOut g, Part.Text t, TextMemo memo) {
        if (t.deferred() != null) {
            g.writeDeferred(t.deferred());
        } else {
            string(g, t.text(), memo);
        }
    }

    /** The request {@code body} writes, as UTF-8: see {@link JsonOut#finishUtf8}. */
    static byte[] writeUtf8(boolean pretty, Body body) {
        JsonOut out = new JsonOut(pretty, true);
        try {
            body.write(out);
            return out.finishUtf8();
        } finally {
            out.abandon();
        }
    }

    static String write(boolean pretty, Body body) {
        JsonOut out = new JsonOut(pretty);
        try {
            body.write(out);
            return out.finish();
        } finally {
            out.abandon();
        }
    }
}
