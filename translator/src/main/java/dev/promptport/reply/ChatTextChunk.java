package dev.promptport.reply;

import com.fasterxml.jackson.core.JsonToken;
import dev.promptport.PromptPortException;
import dev.promptport.read.JsonLexer;

/**
 * The OpenAI Chat stream chunk that carries only a piece of the reply's text, which a stream
 * sends hundreds of times:
 * {@code {"id":…,"object":"chat.completion.chunk","created":…,"model":…,"choices":[{"index":0,
 * "delta":{"content":"…"},"finish_reason":null}]}}. Read with the request lexer, without building
 * a Jackson tree, which took most of a chunk's time and memory. OpenAI adds {@code service_tier},
 * {@code usage: null} (with {@code include_usage}) and {@code obfuscation} (padding against
 * side channels, on by default) to every such chunk.
 *
 * <p>Anything else is not this chunk: another key, a key twice, a value of another kind, a second
 * choice, JSON the lexer refuses, a long event. The tree reads those as before, so a chunk reads
 * the same either way.
 */
record ChatTextChunk(String id, String model, String serviceTier, String content) {

    /** The chunk nests four deep: the chunk, choices, a choice, the delta. */
    private static final int DEPTH = 4;

    // the chunk's keys, each allowed once
    private static final int ID = 1;
    private static final int OBJECT = 2;
    private static final int CREATED = 4;
    private static final int MODEL = 8;
    private static final int FINGERPRINT = 16;
    private static final int USAGE = 32;
    private static final int CHOICES = 64;
    private static final int SERVICE_TIER = 128;
    private static final int OBFUSCATION = 256;

    /** The chunk, or null when {@code json} is any other event. */
    static ChatTextChunk read(String json) {
        return read(json, null);
    }

    /**
     * As {@link #read(String)}, with what the stream's earlier chunks opened with: a chunk that
     * opens with the same characters up to its {@code choices} is read from there.
     *
     * @param opening the stream's, or null
     */
    static ChatTextChunk read(String json, Opening opening) {
        try {
            JsonLexer p = QuickEvents.opened(json, DEPTH);
            if (p == null) {
                return null;
            }
            String id = null;
            String model = null;
            String serviceTier = null;
            String content = null;
            int seen = 0;
            JsonToken t;
            Opening seenBefore = opening != null && opening.run != null && p.skip(opening.run) ? opening : null;
            // where a new opening starts, when the one looked for is not this chunk's
            JsonLexer.Place start = opening != null && seenBefore == null && opening.changes.open() ? p.place() : null;
            if (seenBefore != null) {
                id = seenBefore.id;
                model = seenBefore.model;
                serviceTier = seenBefore.serviceTier;
                seen = seenBefore.seen;
                t = JsonToken.FIELD_NAME;
            } else {
                t = p.next();
            }
            Opening opened = null;
            for (; t == JsonToken.FIELD_NAME; t = p.next()) {
                String name = p.name();
                if (start != null && opened == null && name.equals("choices")) {
                    JsonLexer.Run run = JsonLexer.Run.of(json, start, p.place());
                    opened = run == null ? null : new Opening(run, id, model, serviceTier, seen);
                }
                JsonToken v = p.next();
                int key;
                switch (name) {
                    case "id" -> {
                        key = ID;
                        id = v == JsonToken.VALUE_STRING ? p.string() : null;
                    }
                    case "model" -> {
                        key = MODEL;
                        model = v == JsonToken.VALUE_STRING ? p.string() : null;
                    }
                    case "object" -> key = v == JsonToken.VALUE_STRING ? OBJECT : 0;
                    case "created" -> key = v == JsonToken.VALUE_NUMBER_INT ? CREATED : 0;
                    case "system_fingerprint" -> key = v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_NULL ? FINGERPRINT : 0;
                    case "usage" -> key = v == JsonToken.VALUE_NULL ? USAGE : 0;
                    case "obfuscation" -> key = v == JsonToken.VALUE_STRING ? OBFUSCATION : 0;
                    case "service_tier" -> {
                        key = v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_NULL ? SERVICE_TIER : 0;
                        serviceTier = v == JsonToken.VALUE_STRING ? p.string() : null;
                    }
                    case "choices" -> {
                        key = CHOICES;
                        content = v == JsonToken.START_ARRAY ? onlyChoiceText(p, json) : null;
                    }
                    default -> key = 0;
                }
                if (key == 0 || (seen & key) != 0 || key == ID && id == null || key == MODEL && model == null
                        || key == CHOICES && content == null) {
                    return null;
                }
                seen |= key;
            }
            if (t != JsonToken.END_OBJECT || (seen & CHOICES) == 0) {
                return null;
            }
            p.requireEnd();
            if (opened != null) {
                opening.remember(opened);
            }
            return new ChatTextChunk(id, model, serviceTier, content);
        } catch (PromptPortException e) {
            return null;
        }
    }

    /**
     * What a stream's text chunks open with before their {@code choices}, and what was read of it:
     * OpenAI writes the same id, object, time, model and fingerprint into every chunk of a
     * stream, about half of the chunk, so a chunk that opens with these very characters is read
     * from its choices on. One for each stream, kept by its feed.
     */
    static final class Opening {

        /** From just past the opening brace to just past {@code "choices":}. */
        private JsonLexer.Run run;
        private String id;
        private String model;
        private String serviceTier;
        private int seen;
        private final RunChanges changes = new RunChanges();

        Opening() {
        }

        private Opening(JsonLexer.Run run, String id, String model, String serviceTier, int seen) {
            this.run = run;
            this.id = id;
            this.model = model;
            this.serviceTier = serviceTier;
            this.seen = seen;
        }

        private void remember(Opening read) {
            if (changes.take()) {
                run = read.run;
                id = read.id;
                model = read.model;
                serviceTier = read.serviceTier;
                seen = read.seen;
            }
        }
    }

    /** At the choices' START_ARRAY: the text of their one choice, index 0, or null. */
    private static String onlyChoiceText(JsonLexer p, String json) {
        if (p.next() != JsonToken.START_OBJECT) {
            return null;
        }
        String content = null;
        boolean index = false;
        boolean logprobs = false;
        boolean finish = false;
        JsonToken t;
        while ((t = p.next()) == JsonToken.FIELD_NAME) {
            String name = p.name();
            JsonToken v = p.next();
            switch (name) {
                case "index" -> {
                    if (index || !QuickEvents.zero(p, json, v)) {
                        return null;
                    }
                    index = true;
                }
                case "delta" -> {
                    if (content != null || v != JsonToken.START_OBJECT || (content = deltaText(p)) == null) {
                        return null;
                    }
                }
                case "logprobs" -> {
                    if (logprobs || v != JsonToken.VALUE_NULL) {
                        return null;
                    }
                    logprobs = true;
                }
                case "finish_reason" -> {
                    if (finish || v != JsonToken.VALUE_NULL) {
                        return null;
                    }
                    finish = true;
                }
                default -> {
                    return null;
                }
            }
        }
        return t == JsonToken.END_OBJECT && p.next() == JsonToken.END_ARRAY ? content : null;
    }

    /** At the delta's START_OBJECT: its text, when it holds that and at most the role; else null. */
    private static String deltaText(JsonLexer p) {
        String content = null;
        boolean role = false;
        JsonToken t;
        while ((t = p.next()) == JsonToken.FIELD_NAME) {
            String name = p.name();
            JsonToken v = p.next();
            if (name.equals("content") && content == null && v == JsonToken.VALUE_STRING) {
                content = p.string();
            } else if (name.equals("role") && !role && v == JsonToken.VALUE_STRING) {
                role = true;
            } else {
                return null;
            }
        }
        return t == JsonToken.END_OBJECT ? content : null;
    }
}
