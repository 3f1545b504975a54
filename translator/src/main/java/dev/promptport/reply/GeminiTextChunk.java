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
        return read(json, null);
    }

    /**
     * As {@link #read(String)}, with the rest the stream's earlier chunks ended with: a chunk
     * that ends with the very same characters after one of its counts is read no further.
     *
     * @param tails the stream's, or null
     */
    static GeminiTextChunk read(String json, Tails tails) {
        try {
            JsonLexer p = QuickEvents.opened(json, DEPTH);
            if (p == null) {
                return null;
            }
            return new Reading(p, json, tails).chunk();
        } catch (PromptPortException | NumberFormatException e) {
            return null;
        }
    }

    /** One chunk being read, and what was read of it. */
    private static final class Reading {

        private final JsonLexer p;
        private final String json;
        private final Tails tails;

        private String responseId;
        private String modelVersion;
        private String text;
        private String serviceTier;
        /** The usage's counts, by key ({@link #slot}): a count not given is 0, or -1 for the cached and thoughts. */
        private final long[] counts = {0, 0, -1, 0, -1, 0};
        private int seen;
        private int usageSeen;
        /** The chunk's keys seen before its usage. */
        private int seenBeforeUsage;
        /** Where each of the usage's counts ended, and the usage's keys seen by then: where a tail may start. */
        private int[] countEnds;
        private int[] usageSeenAt;
        private int ends;
        /** The text from the last count on was the stream's tail, taken read. */
        private boolean ended;
        /** The chunk opens as the stream's text chunks do, up to its text: the readers start there. */
        private boolean opened;
        /** Each container up to the text was entered by its first key, so that what opens it can be remembered. */
        private boolean straight = true;
        /** What this chunk opens with, when it was not the opening looked for. */
        private Opening newOpening;

        Reading(JsonLexer p, String json, Tails tails) {
            this.p = p;
            this.json = json;
            this.tails = tails;
        }

        /** At the chunk's START_OBJECT. */
        GeminiTextChunk chunk() {
            Opening opening = tails == null ? null : tails.opening;
            opened = opening != null && p.holds(0, opening.text);
            if (opened) {
                p.resume(opening.mark);
            }
            JsonToken t = opened ? JsonToken.FIELD_NAME : p.next();
            for (; t == JsonToken.FIELD_NAME; t = p.next()) {
                String name = opened ? "candidates" : p.name();
                JsonToken v = opened ? JsonToken.START_ARRAY : p.next();
                int key;
                switch (name) {
                    case "candidates" -> {
                        key = CANDIDATES;
                        straight &= seen == 0;
                        text = v == JsonToken.START_ARRAY ? onlyCandidateText() : null;
                    }
                    case "usageMetadata" -> {
                        seenBeforeUsage = seen;
                        key = v == JsonToken.START_OBJECT && counts() ? USAGE : 0;
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
                if (key == 0 || (seen & key) != 0 || key == CANDIDATES && text == null
                        || key == MODEL_VERSION && modelVersion == null || key == RESPONSE_ID && responseId == null) {
                    return null;
                }
                seen |= key;
                if (ended) {
                    // the tail ran to the end of the text, and was read whole in an earlier chunk
                    GeminiTextChunk chunk = whole();
                    if (chunk != null) {
                        tails.opening(newOpening);
                    }
                    return chunk;
                }
            }
            if (t != JsonToken.END_OBJECT) {
                return null;
            }
            p.requireEnd();
            GeminiTextChunk chunk = whole();
            if (chunk != null && tails != null) {
                tails.opening(newOpening);
                tails.read(this);
            }
            return chunk;
        }

        /** At the candidates' START_ARRAY: the text of their one candidate, index 0, or null. */
        private String onlyCandidateText() {
            if (!opened && p.next() != JsonToken.START_OBJECT) {
                return null;
            }
            String text = null;
            boolean index = false;
            JsonToken t;
            while ((t = opened ? JsonToken.FIELD_NAME : p.next()) == JsonToken.FIELD_NAME) {
                String name = opened ? "content" : p.name();
                JsonToken v = opened ? JsonToken.START_OBJECT : p.next();
                switch (name) {
                    case "index" -> {
                        if (index || !QuickEvents.zero(p, json, v)) {
                            return null;
                        }
                        index = true;
                    }
                    case "content" -> {
                        straight &= !index;
                        if (text != null || v != JsonToken.START_OBJECT || (text = contentText()) == null) {
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
        private String contentText() {
            String text = null;
            boolean role = false;
            JsonToken t;
            while ((t = opened ? JsonToken.FIELD_NAME : p.next()) == JsonToken.FIELD_NAME) {
                String name = opened ? "parts" : p.name();
                JsonToken v = opened ? JsonToken.START_ARRAY : p.next();
                if (name.equals("parts") && text == null && v == JsonToken.START_ARRAY) {
                    straight &= !role;
                    if ((text = onlyPartText()) == null) {
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
        private String onlyPartText() {
            if (opened) {
                opened = false;
            } else if (p.next() != JsonToken.START_OBJECT || p.next() != JsonToken.FIELD_NAME || !p.name().equals("text")) {
                return null;
            } else if (straight && tails != null) {
                newOpening = Opening.at(json, p.markAfterName());
            }
            if (p.next() != JsonToken.VALUE_STRING) {
                return null;
            }
            String text = p.string();
            return p.next() == JsonToken.END_OBJECT && p.next() == JsonToken.END_ARRAY ? text : null;
        }

        private GeminiTextChunk whole() {
            if ((seen & CANDIDATES) == 0) {
                return null;
            }
            Usage.GeminiCounts c = (seen & USAGE) == 0 ? null
                    : new Usage.GeminiCounts(counts[0] + counts[1], counts[2], counts[3], counts[4], counts[5]);
            return new GeminiTextChunk(responseId, modelVersion, c, serviceTier, text);
        }

        /**
         * At usageMetadata's START_OBJECT: whether it holds only the counts {@link Usage.GeminiCounts#of}
         * reads, as whole numbers, and its service tier; not the Live API's responseTokenCount, say.
         */
        private boolean counts() {
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
                if (key == 0 || (usageSeen & key) != 0) {
                    return false;
                }
                usageSeen |= key;
                if (key <= TOTAL) {
                    if (v != JsonToken.VALUE_NUMBER_INT) {
                        return false;
                    }
                    // as Json.count: a negative count is none
                    counts[slot(key)] = Math.max(0, Long.parseLong(json, p.tokenStart(), p.tokenEnd(), 10));
                    if (tails != null && restIsTail()) {
                        return true;
                    }
                } else if (key == SERVICE_TIER) {
                    serviceTier = p.string();
                }
            }
            return t == JsonToken.END_OBJECT;
        }

        /** Just past a count: whether the rest of the text is the stream's tail, which is then taken as read. */
        private boolean restIsTail() {
            int at = p.resumePoint();
            Tail tail = tails.tail;
            if (tail != null && json.length() - at == tail.text.length && (usageSeen & tail.usageSeen) == 0
                    && (seen & tail.seen) == 0 && p.holds(at, tail.text)) {
                tail.giveTo(this);
                ended = true;
                return true;
            }
            if (countEnds == null) {
                countEnds = new int[6];
                usageSeenAt = new int[6];
            }
            countEnds[ends] = at;
            usageSeenAt[ends++] = usageSeen;
            return false;
        }
    }

    /** The index in {@link Reading#counts} of a count's key. */
    private static int slot(int key) {
        return Integer.numberOfTrailingZeros(key);
    }

    /**
     * The rest of a chunk from just past one of its usage's counts to its end, and what its keys
     * held: Gemini writes the same there in every text chunk of a stream (the prompt's details,
     * the model's version, the response's id), once the thinking is over.
     *
     * @param text one byte per char ({@link QuickEvents#run})
     * @param usageSeen the usage's keys the tail holds
     * @param seen the chunk's keys the tail holds, never the candidates
     */
    private record Tail(byte[] text, int usageSeen, long[] counts, String serviceTier, int seen, String modelVersion,
                        String responseId) {

        /** The tail of the chunk read in {@code r} from its {@code i}th count's end; null when it cannot be one. */
        static Tail of(Reading r, int i) {
            int seen = r.seen & ~r.seenBeforeUsage & ~USAGE;
            byte[] text = (seen & CANDIDATES) != 0 ? null : QuickEvents.run(r.json, r.countEnds[i], r.json.length());
            return text == null ? null : new Tail(text, r.usageSeen & ~r.usageSeenAt[i], r.counts.clone(), r.serviceTier, seen,
                    r.modelVersion, r.responseId);
        }

        void giveTo(Reading r) {
            r.usageSeen |= usageSeen;
            for (int key = PROMPT; key <= TOTAL; key <<= 1) {
                if ((usageSeen & key) != 0) {
                    r.counts[slot(key)] = counts[slot(key)];
                }
            }
            if ((usageSeen & SERVICE_TIER) != 0) {
                r.serviceTier = serviceTier;
            }
            r.seen |= seen;
            if ((seen & MODEL_VERSION) != 0) {
                r.modelVersion = modelVersion;
            }
            if ((seen & RESPONSE_ID) != 0) {
                r.responseId = responseId;
            }
        }
    }

    /**
     * What a chunk opens with up to its text, when it holds nothing but its first key at each
     * level (its candidates, the first candidate's content, its parts, the first part's text), as
     * every text chunk of a Gemini stream does.
     *
     * @param text one byte per char ({@link QuickEvents#run})
     * @param mark where the lexer stood after the text's name
     */
    private record Opening(byte[] text, JsonLexer.Mark mark) {

        /** Null when the opening holds a char the one-byte copy cannot tell apart. */
        static Opening at(String json, JsonLexer.Mark mark) {
            byte[] text = QuickEvents.run(json, 0, mark.pos());
            return text == null ? null : new Opening(text, mark);
        }
    }

    /**
     * What a stream's text chunks open and end with, one for each stream, kept by its feed: the
     * opening of the last chunk that was read whole from its start, and the longest rest after a
     * count that the last two chunks read whole share. A stream whose chunks open or end
     * differently each time stops being looked at for it after {@link #MAX_CHANGES}.
     */
    static final class Tails {

        private static final int MAX_CHANGES = 8;

        private Opening opening;
        private int openingChanges;
        private Tail tail;
        /** The last chunk read whole. */
        private String last;
        private int changes;

        /** A text chunk was read, and opened with {@code read} where the opening looked for was not (null: none). */
        private void opening(Opening read) {
            if (read != null && openingChanges++ < MAX_CHANGES) {
                opening = read;
            }
        }

        /** A chunk was read whole, its tail not the one looked for. */
        private void read(Reading r) {
            if (last != null && changes < MAX_CHANGES) {
                for (int i = 0; i < r.ends; i++) {
                    int from = r.countEnds[i];
                    int n = r.json.length() - from;
                    if (n <= last.length() && last.regionMatches(last.length() - n, r.json, from, n)) {
                        Tail t = Tail.of(r, i);
                        if (t != null) {
                            tail = t;
                            changes++;
                        }
                        break;
                    }
                }
            }
            last = r.json;
        }
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
