package dev.promptport.traffic;

import dev.promptport.InputFormat;

/**
 * What a line's envelope says the request is: the {@code url} of an OpenAI Batch line or a
 * gateway's log, or the {@code call_type} of a LiteLLM log. Either a format to read the request
 * in, or a reason to skip the line. Only endings the vendors document are known; any other url
 * says nothing, and the request's shape decides as for a bare request.
 */
enum UrlKind {
    ANTHROPIC(InputFormat.ANTHROPIC, null),
    OPENAI_CHAT(InputFormat.OPENAI_CHAT, null),
    OPENAI_RESPONSES(InputFormat.OPENAI_RESPONSES, null),
    GEMINI(InputFormat.GEMINI, null),
    EMBEDDINGS(null, SkipReason.EMBEDDINGS),
    LEGACY_COMPLETIONS(null, SkipReason.LEGACY_COMPLETIONS),
    NO_CHAT_PROMPT(null, SkipReason.NO_CHAT_PROMPT),
    BEDROCK_OTHER_MODEL(null, SkipReason.BEDROCK_OTHER_MODEL);

    private final InputFormat format;
    private final SkipReason skip;

    UrlKind(InputFormat format, SkipReason skip) {
        this.format = format;
        this.skip = skip;
    }

    /** The format to read the request in, or null when the line is skipped. */
    InputFormat format() {
        return format;
    }

    /** Why the line is skipped, or null when it holds a request. */
    SkipReason skip() {
        return skip;
    }

    /**
     * By the url's path, with or without host and query: {@code /v1/messages},
     * {@code /v1/chat/completions} (Azure's {@code /openai/deployments/d/chat/completions} too),
     * {@code /v1/responses}, {@code /v1beta/models/m:generateContent}, and the endpoints that take
     * no chat prompt.
     *
     * @return null for a url that says nothing known
     */
    static UrlKind ofUrl(String url) {
        int end = url.indexOf('?');
        String path = end < 0 ? url : url.substring(0, end);
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.endsWith(":generateContent") || path.endsWith(":streamGenerateContent")) {
            return GEMINI;
        }
        if (path.endsWith(":embedContent") || path.endsWith(":batchEmbedContents") || path.endsWith("/embeddings")) {
            return EMBEDDINGS;
        }
        if (path.endsWith("/chat/completions")) {
            return OPENAI_CHAT;
        }
        if (path.endsWith("/completions")) {
            return LEGACY_COMPLETIONS;
        }
        if (path.endsWith("/responses")) {
            return OPENAI_RESPONSES;
        }
        if (path.endsWith("/messages") && !path.contains("/threads/")) { // an Assistants thread's messages are not a request
            return ANTHROPIC;
        }
        if (path.endsWith("/moderations") || path.contains("/images/") || path.contains("/audio/")
                || path.endsWith("/videos") || path.endsWith("/rerank")) {
            return NO_CHAT_PROMPT;
        }
        return null;
    }

    /**
     * By a LiteLLM log's {@code call_type} (its {@code CallTypes}, with the {@code a} prefix of the
     * async calls).
     *
     * @return null for a call type that says nothing known
     */
    static UrlKind ofCallType(String callType) {
        String c = callType.startsWith("a") && !callType.startsWith("anthropic") ? callType.substring(1) : callType;
        return switch (c) {
            case "completion" -> OPENAI_CHAT;
            case "anthropic_messages" -> ANTHROPIC;
            case "responses" -> OPENAI_RESPONSES;
            case "generate_content" -> GEMINI;
            case "embedding" -> EMBEDDINGS;
            case "text_completion" -> LEGACY_COMPLETIONS;
            case "image_generation", "image_edit", "moderation", "transcription", "speech", "rerank" -> NO_CHAT_PROMPT;
            default -> null;
        };
    }
}
