package dev.promptport.reply;

import com.fasterxml.jackson.core.JsonToken;
import dev.promptport.PromptPortException;
import dev.promptport.read.JsonLexer;

/**
 * The Gemini stream chunk that carries only a piece of the reply's text, which a stream sends
 * hundreds of times:
 * {@code {"candidates": [{"content": {"parts": [{"text": "…"}], "role": "model"}, "index": 0}],
 * "usageMetadata": {…}, "modelVersion": …, "responseId": …}}, with the usage so far in every
 * chunk. Read with the request lexer, without building a Jackson tree, which took most of a
 * chunk's time and memory (as {@link ChatTextChunk} does for OpenAI).
 *
 * <p>Anything else is not this chunk: another key anywhere, a key twice, a value of another kind,
 * a second candidate or part, a part with a thought or a signature, a finish reason, snake_case
 * names, JSON the lexer refuses, a long event. The tree reads those as before, so a chunk reads
 * the same either way.
 */
record GeminiTextChunk(String responseId, String modelVersion, Usage.GeminiCounts counts, String serviceTier, String text) {

    /** The chunk nests six deep: the chunk, candidates, a candidate, its content, parts, a part. */
    private static final int DEPTH = 6;

    // the chunk's keys, each allowed once
    private static final int CANDIDATES = 1;
    private static final int USAGE = 2;
    private static final int MODEL_VERSION = 4;
    private static final int RESPONSE_ID = 8;
    private static final int CREATE_TIME = 16;

    // usageMetadata's keys, each allowed once
    private static final int PROMPT = 1;
    private static final int TOOL_USE_PROMPT = 2;
    private static final int CACHED = 4;
    private static final int CANDIDATES_COUNT = 8;
    private static final int THOUGHTS = 16;
    private static final int TOTAL = 32;
    private static final int SERVICE_TIER = 64;
    private static final int PROMPT_DETAILS = 128;
    private static final int CANDIDATES_DETAILS = 256;
    private static final int CACHE_DETAILS = 512;
    private static final int TOOL_USE_DETAILS = 1024;
    private static final int TRAFFIC_TYPE = 2048;

    /** The chunk, or null when {@code json} is any other event. */
    static GeminiTextChunk read(String json) {
        try {
            JsonLexer p = QuickEvents.opened(json, DEPTH);
            if (p == null) {
                return null;
            }
            return chunk(p, json);
        } catch (PromptPortException | NumberFormatException e) {
            return null;
        }
    }

    /** At the chunk's START_OBJECT. */
    private static GeminiTextChunk chunk(JsonLexer p, String json) {
        String responseId = null;
        String modelVersion = null;
        String text = null;
        Usage.GeminiCounts counts = null;
        String[] serviceTier = {null};
        int seen = 0;
        JsonToken t;
        while ((t = p.next()) == JsonToken.FIELD_NAME) {
            String name = p.name();
            JsonToken v = p.next();
            int key;
            switch (name) {
                case "candidates" -> {
                    key = CANDIDATES;
                    text = v == JsonToken.START_ARRAY ? onlyCandidateText(p, json) : null;
                }
                case "usageMetadata" -> {
                    key = USAGE;
                    counts = v == JsonToken.START_OBJECT ? counts(p, json, serviceTier) : null;
                }
                case "modelVersion" -> {
                    key = MODEL_VERSION;
                    modelVersion = v == JsonToken.VALUE_STRING ? p.string() : null;
                }
                case "responseId" -> {
                    key = RESPONSE_ID;
                    responseId = v == JsonToken.VALUE_STRING ? p.string() : null;
                }
                case "createTime" -> key = v == JsonToken.VALUE_STRING ? CREATE_TIME : 0;
                default -> key = 0;
            }
            if (key == 0 || (seen & key) != 0 || key == CANDIDATES && text == null || key == USAGE && counts == null
                    || key == MODEL_VERSION && modelVersion == null || key == RESPONSE_ID && responseId == null) {
                return null;
            }
            seen |= key;
        }
        if (t != JsonToken.END_OBJECT || (seen & CANDIDATES) == 0) {
            return null;
        }
        p.requireEnd();
        return new GeminiTextChunk(responseId, modelVersion, counts, serviceTier[0], text);
    }

    /** At the candidates' START_ARRAY: the text of their one candidate, index 0, or null. */
    private static String onlyCandidateText(JsonLexer p, String json) {
        if (p.next() != JsonToken.START_OBJECT) {
            return null;
        }
        String text = null;
        boolean index = false;
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
                case "content" -> {
                    if (text != null || v != JsonToken.START_OBJECT || (text = contentText(p)) == null) {
                        return null;
                    }
                }
                default -> {
                    return null;
                }
            }
        }
        return t == JsonToken.END_OBJECT && p.next() == JsonToken.END_ARRAY ? text : null;
    }

    /** At the content's START_OBJECT: the text of its one part, beside at most the role; else null. */
    private static String contentText(JsonLexer p) {
        String text = null;
        boolean role = false;
        JsonToken t;
        while ((t = p.next()) == JsonToken.FIELD_NAME) {
            String name = p.name();
            JsonToken v = p.next();
            if (name.equals("parts") && text == null && v == JsonToken.START_ARRAY) {
                if ((text = onlyPartText(p)) == null) {
                    return null;
                }
            } else if (name.equals("role") && !role && v == JsonToken.VALUE_STRING) {
                role = true;
            } else {
                return null;
            }
        }
        return t == JsonToken.END_OBJECT ? text : null;
    }

    /** At the parts' START_ARRAY: the text of their one part, which holds nothing else; else null. */
    private static String onlyPartText(JsonLexer p) {
        if (p.next() != JsonToken.START_OBJECT || p.next() != JsonToken.FIELD_NAME || !p.name().equals("text")
                || p.next() != JsonToken.VALUE_STRING) {
            return null;
        }
        String text = p.string();
        return p.next() == JsonToken.END_OBJECT && p.next() == JsonToken.END_ARRAY ? text : null;
    }

    /**
     * At usageMetadata's START_OBJECT: its counts as {@link Usage.GeminiCounts#of} reads them, and its service tier into {@code serviceTier[0]}; null when it holds
     * anything else (the Live API's responseTokenCount, say), or a count that is not a whole number.
     */
    private static Usage.GeminiCounts counts(JsonLexer p, String json, String[] serviceTier) {
        long prompt = 0;
        long toolUse = 0;
        long cached = -1;
        long candidates = 0;
        long thoughts = -1;
        long total = 0;
        int seen = 0;
        JsonToken t;
        while ((t = p.next()) == JsonToken.FIELD_NAME) {
            String name = p.name();
            JsonToken v = p.next();
            int key = switch (name) {
                case "promptTokenCount" -> PROMPT;
                case "toolUsePromptTokenCount" -> TOOL_USE_PROMPT;
                case "cachedContentTokenCount" -> CACHED;
                case "candidatesTokenCount" -> CANDIDATES_COUNT;
                case "thoughtsTokenCount" -> THOUGHTS;
                case "totalTokenCount" -> TOTAL;
                case "serviceTier" -> v == JsonToken.VALUE_STRING ? SERVICE_TIER : 0;
                case "trafficType" -> v == JsonToken.VALUE_STRING ? TRAFFIC_TYPE : 0;
                case "promptTokensDetails" -> v == JsonToken.START_ARRAY && modalityCounts(p) ? PROMPT_DETAILS : 0;
                case "candidatesTokensDetails" -> v == JsonToken.START_ARRAY && modalityCounts(p) ? CANDIDATES_DETAILS : 0;
                case "cacheTokensDetails" -> v == JsonToken.START_ARRAY && modalityCounts(p) ? CACHE_DETAILS : 0;
                case "toolUsePromptTokensDetails" -> v == JsonToken.START_ARRAY && modalityCounts(p) ? TOOL_USE_DETAILS : 0;
                default -> 0;
            };
            if (key == 0 || (seen & key) != 0) {
                return null;
            }
            seen |= key;
            if (key <= TOTAL) {
                if (v != JsonToken.VALUE_NUMBER_INT) {
                    return null;
                }
                // as Json.count: a negative count is none
                long n = Math.max(0, Long.parseLong(json, p.tokenStart(), p.tokenEnd(), 10));
                switch (key) {
                    case PROMPT -> prompt = n;
                    case TOOL_USE_PROMPT -> toolUse = n;
                    case CACHED -> cached = n;
                    case CANDIDATES_COUNT -> candidates = n;
                    case THOUGHTS -> thoughts = n;
                    default -> total = n;
                }
            } else if (key == SERVICE_TIER) {
                serviceTier[0] = p.string();
            }
        }
        return t == JsonToken.END_OBJECT ? new Usage.GeminiCounts(prompt + toolUse, cached, candidates, thoughts, total) : null;
    }

    /** At a START_ARRAY of {@code {"modality": …, "tokenCount": …}} items, read through its end: whether it is only those. */
    private static boolean modalityCounts(JsonLexer p) {
        JsonToken t;
        while ((t = p.next()) == JsonToken.START_OBJECT) {
            boolean modality = false;
            boolean count = false;
            while ((t = p.next()) == JsonToken.FIELD_NAME) {
                String name = p.name();
                JsonToken v = p.next();
                if (name.equals("modality") && !modality && v == JsonToken.VALUE_STRING) {
                    modality = true;
                } else if (name.equals("tokenCount") && !count && v == JsonToken.VALUE_NUMBER_INT) {
                    count = true;
                } else {
                    return false;
                }
            }
            if (t != JsonToken.END_OBJECT) {
                return false;
            }
        }
        return t == JsonToken.END_ARRAY;
    }
}
