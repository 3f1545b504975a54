package dev.promptport.reply;

import dev.promptport.PromptPortException;

import java.util.Locale;

/** The wire format of a reply that comes back from another vendor. */
public enum ReplyFormat {
    /** OpenAI Chat Completions ({@code chat.completion} and {@code chat.completion.chunk}), and OpenAI-compatible vendors. */
    OPENAI_CHAT("openai-chat"),
    /** OpenAI Responses API ({@code response} objects and {@code response.*} stream events). */
    OPENAI_RESPONSES("openai-responses"),
    /** Gemini {@code generateContent} / {@code streamGenerateContent?alt=sse}. */
    GEMINI("gemini");

    private final String id;

    ReplyFormat(String id) {
        this.id = id;
    }

    /** The name used on the command line and in settings: {@code openai-chat}, {@code openai-responses}, {@code gemini}. */
    public String id() {
        return id;
    }

    /**
     * Reads {@code openai-chat}, {@code openai-responses} or {@code gemini} (case does not matter;
     * the enum constant names are accepted too).
     *
     * @throws PromptPortException for anything else
     */
    public static ReplyFormat parse(String s) {
        if (s != null) {
            String k = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (ReplyFormat f : values()) {
                if (f.id.equals(k)) {
                    return f;
                }
            }
        }
        throw new PromptPortException("unknown reply format '" + s
                + "' (expected openai-chat, openai-responses or gemini)", null);
    }

    @Override
    public String toString() {
        return id;
    }
}
