package dev.promptport.rules;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.MediaSource;
import dev.promptport.tree.Part;
import dev.promptport.tree.TextMemo;
import dev.promptport.tree.Tool;

/**
 * Counts a conversation's prompt tokens: exactly with OpenAI's tokenizers (jtokkit), and
 * for vendors that publish none, estimated at four characters a token. Images and files are
 * not counted; their cost depends on the vendor's own sizing.
 */
final class TokenCount {

    private static final String O200K = "o200k_base";
    /** Memo keys of a text's count with each tokenizer. */
    static final Object O200K_COUNT = new Object();
    static final Object CL100K_COUNT = new Object();
    private static final Object UTF8_LENGTH = new Object();
    private static final int MIN_REMEMBERED = 32;

    private TokenCount() {
    }

    private static final class Registry {
        static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
    }

    /**
     * A coarser bound than {@link #upperBound} that reads only lengths: a UTF-16 char never
     * takes more than three UTF-8 bytes.
     */
    static long charBound(Conversation c) {
        long[] chars = {0};
        Parts.forEach(c, p -> chars[0] += textOf(p).length());
        for (Tool t : c.tools()) {
            if (t instanceof Tool.Function f) {
                chars[0] += f.schema().json().length() + (f.description() == null ? 0 : f.description().length())
                        + f.name().length();
            }
        }
        return 3 * chars[0];
    }

    /**
     * At least as many as any tokenizer counts: the text's UTF-8 length, remembered for a long
     * text as its count is, since a long conversation asks again with every request.
     */
    static long upperBound(Conversation c, TextMemo memo) {
        long[] bytes = {0};
        Parts.forEach(c, p -> {
            String text = textOf(p);
            bytes[0] += memo != null && TextMemo.worthIt(text)
                    ? memo.get(text, UTF8_LENGTH, () -> utf8Length(text)) : utf8Length(text);
        });
        for (Tool t : c.tools()) {
            if (t instanceof Tool.Function f) {
                bytes[0] += utf8Length(f.schema().json()) + utf8Length(f.description()) + f.name().length();
            }
        }
        return bytes[0];
    }

    /**
     * @param memo remembers each long text's count: a conversation re-sends its earlier turns with
     *     every request, and a long one (an agent's file reads, tool results) holds hundreds of
     *     thousands of characters that the tokenizer reads at about two megabytes a second
     */
    static long count(Conversation c, String tokenizer, TextMemo memo) {
        Encoding enc = encoding(tokenizer);
        Object key = O200K.equals(tokenizer) ? O200K_COUNT : CL100K_COUNT;
        long[] tokens = {0};
        Parts.forEach(c, p -> {
            String text = textOf(p);
            if (!text.isEmpty()) {
                tokens[0] += enc == null ? (text.length() + 3) / 4 : count(enc, key, text, memo);
            }
        });
        for (Tool t : c.tools()) {
            if (t instanceof Tool.Function f) {
                String s = f.name() + " " + (f.description() == null ? "" : f.description()) + " " + f.schema().json();
                tokens[0] += enc == null ? (s.length() + 3) / 4 : count(enc, key, s, memo);
            }
        }
        return tokens[0];
    }

    private static long count(Encoding enc, Object key, String text, TextMemo memo) {
        // the tokenizer costs more for a short text than a lookup does for a long one: an
        // agent's tool calls, whose inputs are a few dozen characters, are remembered too
        if (memo != null && text.length() >= MIN_REMEMBERED) {
            return memo.get(text, key, () -> (long) enc.countTokensOrdinary(text));
        }
        return enc.countTokensOrdinary(text);
    }

    private static Encoding encoding(String tokenizer) {
        if (O200K.equals(tokenizer)) {
            return Registry.REGISTRY.getEncoding(EncodingType.O200K_BASE);
        }
        if ("cl100k_base".equals(tokenizer)) {
            return Registry.REGISTRY.getEncoding(EncodingType.CL100K_BASE);
        }
        return null;
    }

    private static String textOf(Part p) {
        if (p instanceof Part.Text t) {
            return t.text();
        }
        if (p instanceof Part.Document d && d.source() instanceof MediaSource.PlainText pt) {
            return pt.text();
        }
        if (p instanceof Part.Document d && d.source() instanceof MediaSource.Blocks b) {
            return b.text();
        }
        if (p instanceof Part.ToolCall call) {
            return call.input().json();
        }
        return "";
    }

    private static long utf8Length(String s) {
        if (s == null) {
            return 0;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            n += ch < 0x80 ? 1 : ch < 0x800 ? 2 : Character.isSurrogate(ch) ? 2 : 3;
        }
        return n;
    }
}
