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
 *
 * <p>Within a stream, what the text chunks repeat is skipped: the nesting down to the text, the
 * stretch from the text into the usage's counts, and the rest after the last count that changes
 * ({@link Runs}).
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
     * As {@link #read(String)}, with what the stream's earlier text chunks repeated: a chunk that
     * opens with the very same characters up to its text is read from there; one that holds the
     * same characters after its text, into its usage, skips them; one that ends with the same
     * characters after one of its counts is read no further.
     *
     * @param runs the stream's, or null
     */
    static GeminiTextChunk read(String json, Runs runs) {
        try {
            JsonLexer p = QuickEvents.opened(json, DEPTH);
            if (p == null) {
                return null;
            }
            return new Reading(p, json, runs).chunk();
        } catch (PromptPortException | NumberFormatException e) {
            return null;
        }
    }

    /** One chunk being read, and what was read of it. */
    private static final class Reading {

        private final JsonLexer p;
        private final String json;
        private final Runs runs;

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

        /** The chunk opens as the stream's text chunks do, up to its text: the readers start there. */
        private boolean opened;
        /** Where a new opening starts, when the one looked for is not this chunk's. */
        private JsonLexer.Place start;
        /** Each container up to the text was entered by its first key, so that what opens it can be remembered. */
        private boolean straight = true;
        private JsonLexer.Run newOpening;

        /** Just past the text. */
        private int textEnd = -1;
        /** The middle after the text was skipped: the readers in between return at once. */
        private boolean skipped;
        /** Where a new middle starts, when the one looked for is not this chunk's, and the chunk's keys seen by then. */
        private JsonLexer.Place middleFrom;
        private int seenAtMiddle;
        /** Just after each of the usage's count names, and the usage's keys seen by then: where a middle may end. */
        private JsonLexer.Place[] countNames;
        private int[] usageSeenAtName;
        private int names;

        /** Just past each of the usage's counts, and the usage's keys seen by then: where a tail may start. */
        private JsonLexer.Place[] countEnds;
        private int[] usageSeenAt;
        private int ends;
        /** Past the chunk's end, where a tail ends: noted when one may start. */
        private JsonLexer.Place end;
        /** Just past the chunk's closing brace. */
        private int valueEnd;
        /** The chunk from the last count on was the stream's tail, skipped. */
        private boolean ended;

        Reading(JsonLexer p, String json, Runs runs) {
            this.p = p;
            this.json = json;
            this.runs = runs;
        }

        /** At the chunk's START_OBJECT. */
        GeminiTextChunk chunk() {
            opened = runs != null && runs.opening != null && p.skip(runs.opening);
            if (runs != null && !opened && runs.openings.open()) {
                start = p.place();
            }
            for (JsonToken t = opened ? JsonToken.FIELD_NAME : p.next(); ; t = p.next()) {
                if (t != JsonToken.FIELD_NAME) {
                    if (t != JsonToken.END_OBJECT) {
                        return null;
                    }
                    if (ends > 0) {
                        end = p.place();
                    }
                    return done();
                }
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
                        key = v == JsonToken.START_OBJECT && counts(false) ? USAGE : 0;
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
                if (skipped) {
                    // the middle ran from the text into the usage, whose counts go on from there
                    skipped = false;
                    seenBeforeUsage = seen;
                    if (!counts(true)) {
                        return null;
                    }
                    seen |= USAGE;
                }
                if (ended) {
                    // the tail ran to the chunk's end, and was read whole in an earlier chunk
                    return done();
                }
            }
        }

        /** Past the chunk's closing brace. */
        private GeminiTextChunk done() {
            valueEnd = p.tokenEnd();
            p.requireEnd();
            if ((seen & CANDIDATES) == 0) {
                return null;
            }
            if (runs != null) {
                runs.read(this);
            }
            Usage.GeminiCounts c = (seen & USAGE) == 0 ? null
                    : new Usage.GeminiCounts(counts[0] + counts[1], counts[2], counts[3], counts[4], counts[5]);
            return new GeminiTextChunk(responseId, modelVersion, c, serviceTier, text);
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
                        if (skipped) {
                            return text;
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
                    if (skipped) {
                        return text;
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
            } else if (straight && start != null) {
                newOpening = JsonLexer.Run.of(json, start, p.place());
            }
            if (p.next() != JsonToken.VALUE_STRING) {
                return null;
            }
            String text = p.string();
            textEnd = p.tokenEnd();
            if (runs != null) {
                Middle middle = runs.middle;
                // only where no key came before the part, the content or the candidate, which the middle may hold again
                if (middle != null && straight && middle.held.fits(this) && p.skip(middle.run)) {
                    middle.held.giveTo(this);
                    skipped = true;
                    return text;
                }
                if (runs.middles.open()) {
                    middleFrom = p.place();
                    seenAtMiddle = seen;
                }
            }
            return p.next() == JsonToken.END_OBJECT && p.next() == JsonToken.END_ARRAY ? text : null;
        }

        /**
         * At usageMetadata's START_OBJECT, or just after one of its count names when
         * {@code inside}: whether it holds only the counts {@link Usage.GeminiCounts#of} reads, as
         * whole numbers, and its service tier; not the Live API's responseTokenCount, say.
         */
        private boolean counts(boolean inside) {
            JsonToken t = inside ? JsonToken.FIELD_NAME : p.next();
            for (; t == JsonToken.FIELD_NAME; t = p.next()) {
                String name = p.name();
                if (middleFrom != null && name.endsWith("Count")) {
                    middleEndsAt(p.place());
                }
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
                    counts[slot(key)] = Json.count(Long.parseLong(json, p.tokenStart(), p.tokenEnd(), 10));
                    if (runs != null && restIsTail()) {
                        return true;
                    }
                } else if (key == SERVICE_TIER) {
                    serviceTier = p.string();
                }
            }
            return t == JsonToken.END_OBJECT;
        }

        /** Just after a count's name, where a middle from the text may end. */
        private void middleEndsAt(JsonLexer.Place place) {
            if (countNames == null) {
                countNames = new JsonLexer.Place[6];
                usageSeenAtName = new int[6];
            }
            if (names < countNames.length) {
                countNames[names] = place;
                usageSeenAtName[names++] = usageSeen;
            }
        }

        /** Just past a count: whether the rest of the chunk is the stream's tail, which is then skipped. */
        private boolean restIsTail() {
            Tail tail = runs.tail;
            // a stream's chunks come stripped, so a tail runs to the text's end: a cheap first look
            if (tail != null && json.length() - p.tokenEnd() == tail.run.length() && tail.held.fits(this) && p.skip(tail.run)) {
                tail.held.giveTo(this);
                ended = true;
                return true;
            }
            // where a tail may start is noted only while the stream has none that the last chunk held
            if (!runs.tails.open() || tail != null && runs.lastEnded) {
                return false;
            }
            if (countEnds == null) {
                countEnds = new JsonLexer.Place[6];
                usageSeenAt = new int[6];
            }
            if (ends < countEnds.length) {
                countEnds[ends] = p.place();
                usageSeenAt[ends++] = usageSeen;
            }
            return false;
        }
    }

    /** The index in {@link Reading#counts} of a count's key. */
    private static int slot(int key) {
        return Integer.numberOfTrailingZeros(key);
    }

    /**
     * What a stretch of a chunk held: the chunk's keys in it and their values, and the usage's.
     *
     * @param seen the chunk's keys the stretch holds, never the candidates nor the usage
     * @param usageSeen the usage's keys it holds
     */
    private record Held(int seen, String modelVersion, String responseId, int usageSeen, long[] counts, String serviceTier) {

        /** What a stretch of the chunk read in {@code r} held, whose keys are {@code seen} and {@code usageSeen}. */
        static Held of(Reading r, int seen, int usageSeen) {
            return new Held(seen, r.modelVersion, r.responseId, usageSeen, r.counts.clone(), r.serviceTier);
        }

        /**
         * Whether none of its keys was seen already in {@code r}, which would then hold it twice,
         * nor a usage before the one it is in.
         */
        boolean fits(Reading r) {
            return (r.seen & (seen | USAGE)) == 0 && (r.usageSeen & usageSeen) == 0;
        }

        void giveTo(Reading r) {
            r.seen |= seen;
            if ((seen & MODEL_VERSION) != 0) {
                r.modelVersion = modelVersion;
            }
            if ((seen & RESPONSE_ID) != 0) {
                r.responseId = responseId;
            }
            r.usageSeen |= usageSeen;
            for (int key = PROMPT; key <= TOTAL; key <<= 1) {
                if ((usageSeen & key) != 0) {
                    r.counts[slot(key)] = counts[slot(key)];
                }
            }
            if ((usageSeen & SERVICE_TIER) != 0) {
                r.serviceTier = serviceTier;
            }
        }
    }

    /**
     * What a chunk holds from just past its text to just after one of its usage's count names:
     * the end of its part, content and candidate, its usage's start and the counts that do not
     * change from one chunk to the next (the prompt's).
     */
    private record Middle(JsonLexer.Run run, Held held) {
    }

    /**
     * What a chunk holds from just past one of its usage's counts to its end: the prompt's
     * details, the model's version, the response's id.
     */
    private record Tail(JsonLexer.Run run, Held held) {
    }

    /**
     * What a stream's text chunks repeat, one for each stream, kept by its feed: the opening up to
     * the text of the last chunk read from its start, when it holds nothing but its first key at
     * each level (its candidates, the first candidate's content, its parts, the first part's text),
     * as every text chunk of a Gemini stream does; and the longest middle and tail that the last
     * two chunks share; each as long as its {@link RunChanges} allow.
     */
    static final class Runs {

        private JsonLexer.Run opening;
        private Middle middle;
        private Tail tail;
        private final RunChanges openings = new RunChanges();
        private final RunChanges middles = new RunChanges();
        private final RunChanges tails = new RunChanges();
        /** The last chunk read, where its text ended, and just past its closing brace. */
        private String last;
        private int lastTextEnd = -1;
        private int lastValueEnd;
        /** The last chunk ended with the tail, skipped. */
        private boolean lastEnded;

        /** The chunk read in {@code r} was a text chunk. */
        private void read(Reading r) {
            if (r.newOpening != null && openings.take()) {
                opening = r.newOpening;
            }
            if (r.middleFrom != null && lastTextEnd >= 0) {
                newMiddle(r);
            }
            if (r.end != null && last != null) {
                newTail(r);
            }
            last = r.json;
            lastTextEnd = r.textEnd;
            lastValueEnd = r.valueEnd;
            lastEnded = r.ended;
        }

        /** The longest run from the text into the usage that the last chunk held too. */
        private void newMiddle(Reading r) {
            int from = r.middleFrom.pos();
            for (int i = r.names - 1; i >= 0; i--) {
                int n = r.countNames[i].pos() - from;
                if (lastTextEnd + n <= last.length() && last.regionMatches(lastTextEnd, r.json, from, n)) {
                    JsonLexer.Run run = JsonLexer.Run.of(r.json, r.middleFrom, r.countNames[i]);
                    if (run != null && middles.take()) {
                        // the chunk's keys between its candidates and its usage; the usage's up to the count's name
                        int seen = r.seenBeforeUsage & ~r.seenAtMiddle & ~CANDIDATES;
                        middle = new Middle(run, Held.of(r, seen, r.usageSeenAtName[i]));
                    }
                    return;
                }
            }
        }

        /** The longest rest after a count that the last chunk ended with too. */
        private void newTail(Reading r) {
            int seen = r.seen & ~r.seenBeforeUsage & ~USAGE;
            for (int i = 0; i < r.ends && (seen & CANDIDATES) == 0; i++) {
                int from = r.countEnds[i].pos();
                int n = r.valueEnd - from;
                if (n <= lastValueEnd && last.regionMatches(lastValueEnd - n, r.json, from, n)) {
                    JsonLexer.Run run = JsonLexer.Run.of(r.json, r.countEnds[i], r.end);
                    if (run != null && tails.take()) {
                        tail = new Tail(run, Held.of(r, seen, r.usageSeen & ~r.usageSeenAt[i]));
                    }
                    return;
                }
            }
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
