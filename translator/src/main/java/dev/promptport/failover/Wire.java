package dev.promptport.failover;

import dev.promptport.reply.ReplyFormat;

import java.net.URI;
import java.net.http.HttpRequest;

/** The wire formats an endpoint can speak: where to POST and how to authenticate. */
enum Wire {
    ANTHROPIC("anthropic", null),
    OPENAI_CHAT("openai-chat", ReplyFormat.OPENAI_CHAT),
    OPENAI_RESPONSES("openai-responses", ReplyFormat.OPENAI_RESPONSES),
    GEMINI("gemini", ReplyFormat.GEMINI);

    static final String ANTHROPIC_VERSION = "2023-06-01";

    private final String id;
    private final ReplyFormat format;

    Wire(String id, ReplyFormat format) {
        this.id = id;
        this.format = format;
    }

    String id() {
        return id;
    }

    /** The reply format to translate back from, or {@code null} for Anthropic (used as is). */
    ReplyFormat format() {
        return format;
    }

    static Wire of(String id) {
        for (Wire w : values()) {
            if (w.id.equals(id)) {
                return w;
            }
        }
        throw new IllegalArgumentException("no failover support for the wire format '" + id
                + "' (supported: anthropic, openai-chat, openai-responses, gemini)");
    }

    /** The URL to POST to. {@code model} matters only for Gemini, whose URL names it. */
    URI uri(URI base, String model, boolean stream) {
        String root = base.toString();
        while (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        String path = switch (this) {
            case ANTHROPIC -> "/v1/messages";
            case OPENAI_CHAT -> "/v1/chat/completions";
            case OPENAI_RESPONSES -> "/v1/responses";
            case GEMINI -> "/v1beta/models/" + pathSegment(model) + (stream ? ":streamGenerateContent?alt=sse" : ":generateContent");
        };
        return URI.create(root + path);
    }

    /**
     * The model id as one segment of the URL's path: every character but letters, digits and
     * {@code - _ .} percent-encoded, and a segment of dots alone too, so no model id can leave
     * the path ({@code ../}), end it ({@code #}, {@code ?}) or name another method ({@code :}).
     */
    static String pathSegment(String model) {
        boolean dots = !model.isEmpty() && model.chars().allMatch(c -> c == '.');
        StringBuilder b = new StringBuilder(model.length());
        for (byte x : model.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if (!dots && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.')) {
                b.append(c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }

    /** Adds the authentication headers; nothing when there is no key (a local server). */
    void authenticate(HttpRequest.Builder b, String apiKey) {
        switch (this) {
            case ANTHROPIC -> {
                if (apiKey != null) {
                    b.header("x-api-key", apiKey);
                }
                b.header("anthropic-version", ANTHROPIC_VERSION);
            }
            case OPENAI_CHAT, OPENAI_RESPONSES -> {
                if (apiKey != null) {
                    b.header("Authorization", "Bearer " + apiKey);
                }
            }
            case GEMINI -> {
                if (apiKey != null) {
                    b.header("x-goog-api-key", apiKey);
                }
            }
        }
    }
}
