package dev.promptport.rules;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.MediaSource;
import dev.promptport.tree.Part;
import dev.promptport.tree.Tool;

/**
 * Counts a conversation's prompt tokens: exactly with OpenAI's tokenizers (jtokkit), and
 * for vendors that publish none, estimated at four characters a token. Images and files are
 * not counted; their cost depends on the vendor's own sizing.
 */
final class TokenCount {

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

    /** At least as many as any tokenizer counts: the text's UTF-8 length. */
    static long upperBound(Conversation c) {
        long[] bytes = {0};
        Parts.forEach(c, p -> bytes[0] += utf8Length(textOf(p)));
        for (Tool t : c.tools()) {
            if (t instanceof Tool.Function f) {
                bytes[0] += utf8Length(f.schema().json()) + utf8Length(f.description()) + f.name().length();
            }
        }
        return bytes[0];
    }

    static long count(Conversation c, String tokenizer) {
        Encoding enc = encoding(tokenizer);
        long[] tokens = {0};
        Parts.forEach(c, p -> {
            String text = textOf(p);
            if (!text.isEmpty()) {
                tokens[0] += enc == null ? (text.length() + 3) / 4 : enc.countTokensOrdinary(text);
            }
        });
        for (Tool t : c.tools()) {
            if (t instanceof Tool.Function f) {
                String s = f.name() + " " + (f.description() == null ? "" : f.description()) + " " + f.schema().json();
                tokens[0] += enc == null ? (s.length() + 3) / 4 : enc.countTokensOrdinary(s);
            }
        }
        return tokens[0];
    }

    private static Encoding encoding(String tokenizer) {
        if ("o200k_base".equals(tokenizer)) {
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
