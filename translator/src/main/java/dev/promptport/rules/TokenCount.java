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

import java.util.ArrayList;
import java.util.List;

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
    /** Memo key of a long text's {@link Counts}. */
    static final Object COUNTS = new Object();
    private static final int MIN_REMEMBERED = 32;

    private TokenCount() {
    }

    private static final class Registry {
        static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
    }

    /**
     * A coarser bound than {@link Texts#upperBound} that reads only lengths: a UTF-16 char never
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
     * The conversation's texts and tools, to bound and then count their tokens. With a memo, a
     * long text is looked up once for both: its UTF-8 length and its count with each tokenizer
     * are remembered together. An agent's conversation is hundreds of texts, re-sent with every
     * request, and each lookup reads a sample of its text.
     */
    static Texts texts(Conversation c, TextMemo memo) {
        return new Texts(c, memo);
    }

    /** The tokens of {@code c}'s texts and tools with {@code tokenizer}; see {@link #texts}. */
    static long count(Conversation c, String tokenizer, TextMemo memo) {
        return texts(c, memo).count(tokenizer);
    }

    /** One conversation's texts, with the counts the memo holds for the long ones. */
    static final class Texts {

        private final TextMemo memo;
        private final List<String> texts = new ArrayList<>();
        /** Per text, its remembered counts, or null for a text too short to remember them for. */
        private final List<Counts> counts = new ArrayList<>();
        private final List<Tool.Function> functions = new ArrayList<>();
        private long bytes;

        private Texts(Conversation c, TextMemo memo) {
            this.memo = memo;
            Parts.forEach(c, p -> {
                String text = textOf(p);
                Counts k = memo != null && TextMemo.worthIt(text) ? memo.get(text, COUNTS, () -> new Counts(utf8Length(text))) : null;
                texts.add(text);
                counts.add(k);
                bytes += k != null ? k.utf8 : utf8Length(text);
            });
            for (Tool t : c.tools()) {
                if (t instanceof Tool.Function f) {
                    functions.add(f);
                    bytes += utf8Length(f.schema().json()) + utf8Length(f.description()) + f.name().length();
                }
            }
        }

        /** At least as many as any tokenizer counts: the texts' UTF-8 length. */
        long upperBound() {
            return bytes;
        }

        /**
         * The tokens with {@code tokenizer}: exactly with OpenAI's, estimated for the rest. Each
         * long text is counted once while the memo holds it: the tokenizer reads about two
         * megabytes a second.
         */
        long count(String tokenizer) {
            Encoding enc = encoding(tokenizer);
            boolean o200k = O200K.equals(tokenizer);
            Object key = o200k ? O200K_COUNT : CL100K_COUNT;
            long tokens = 0;
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i);
                if (text.isEmpty()) {
                    continue;
                }
                Counts k = counts.get(i);
                tokens += enc == null ? (text.length() + 3) / 4 : k != null ? k.tokens(text, enc, o200k) : tokens(enc, key, text, memo);
            }
            for (Tool.Function f : functions) {
                String s = f.name() + " " + (f.description() == null ? "" : f.description()) + " " + f.schema().json();
                tokens += enc == null ? (s.length() + 3) / 4 : tokens(enc, key, s, memo);
            }
            return tokens;
        }
    }

    /** A long text's UTF-8 length, and its tokens with each tokenizer once counted (-1 before). */
    static final class Counts {
        final long utf8;
        // two threads counting one text at once write the same number
        private volatile long o200k = -1;
        private volatile long cl100k = -1;

        Counts(long utf8) {
            this.utf8 = utf8;
        }

        /** The tokens counted with {@code tokenizer}, or -1 when not yet counted. */
        long counted(String tokenizer) {
            return O200K.equals(tokenizer) ? o200k : cl100k;
        }

        long tokens(String text, Encoding enc, boolean o200kBase) {
            long n = o200kBase ? o200k : cl100k;
            if (n < 0) {
                n = enc.countTokensOrdinary(text);
                if (o200kBase) {
                    o200k = n;
                } else {
                    cl100k = n;
                }
            }
            return n;
        }
    }

    private static long tokens(Encoding enc, Object key, String text, TextMemo memo) {
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
