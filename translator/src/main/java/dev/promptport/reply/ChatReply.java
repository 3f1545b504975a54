package dev.promptport.reply;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.promptport.PromptPortException;
import dev.promptport.read.JsonLexer;

import java.util.ArrayList;
import java.util.List;

/**
 * A whole OpenAI Chat completion as OpenAI writes it, read without a tree: its text, refusal,
 * function calls, finish reason and usage. Building the tree and looking its fields up again
 * took half of a reply's time, as it did for the stream chunks ({@link ChatTextChunk}).
 *
 * <p>Only the shape OpenAI sends is read here, each key at most once: the reply's {@code id},
 * {@code object}, {@code created}, {@code model}, {@code service_tier},
 * {@code system_fingerprint}, {@code usage} (the counts OpenAI gives, as plain whole numbers) and
 * one choice (index 0) with its {@code message}, {@code logprobs: null} and
 * {@code finish_reason}. The message holds its {@code role}, {@code content}, {@code refusal},
 * {@code tool_calls} of type {@code function} with string arguments, and nothing more than an
 * empty {@code annotations} and a null {@code audio} or {@code function_call}. Anything else
 * (reasoning, content parts, a second choice, a key twice, an error, a value of another kind,
 * JSON the lexer refuses) gives {@code null}, and the tree reads the reply as before, so a reply
 * reads the same either way ({@code ChatReplyProperties}).
 */
record ChatReply(String id, String model, String serviceTier, String content, String refusal, List<Call> calls,
                 String finish, Usage usage) {

    /** One function call: its id, name and arguments ({@code ""} when null or left out). */
    record Call(String id, String name, String arguments) {
    }

    /** Deeper than a call's {@code function} (the seventh level) is not this shape. */
    private static final int DEPTH = 7;

    /** A count of more digits could pass a long: the tree reads it. */
    private static final int MAX_COUNT_DIGITS = 18;

    /**
     * The reply, or null when {@code json} is not this shape or the tree must read it.
     *
     * @param limits the constraints the tree would read it under: they apply here too
     */
    static ChatReply read(String json, StreamReadConstraints limits) {
        if (!ReplyTree.lexerMayRead(json, limits)) {
            return null;
        }
        try {
            JsonLexer p = JsonLexer.pooled(json, Math.min(DEPTH, limits.getMaxNestingDepth()));
            if (p.next() != JsonToken.START_OBJECT) {
                return null;
            }
            ChatReply r = new Reader(p, json).reply();
            if (r != null) {
                p.requireEnd();
            }
            return r;
        } catch (PromptPortException e) {
            return null;
        }
    }

    /** Reads one reply; each method starts just inside its object and ends on its END_OBJECT, or gives up. */
    private static final class Reader {

        // the reply's keys, each allowed once
        private static final int ID = 1;
        private static final int OBJECT = 1 << 1;
        private static final int CREATED = 1 << 2;
        private static final int MODEL = 1 << 3;
        private static final int FINGERPRINT = 1 << 4;
        private static final int SERVICE_TIER = 1 << 5;
        private static final int USAGE = 1 << 6;
        private static final int CHOICES = 1 << 7;

        private final JsonLexer p;
        private final String json;
        private String id;
        private String model;
        private String serviceTier;
        private String content;
        private String refusal;
        private List<Call> calls = List.of();
        private String finish;
        private Usage usage = Usage.ZERO;

        Reader(JsonLexer p, String json) {
            this.p = p;
            this.json = json;
        }

        ChatReply reply() {
            int seen = 0;
            JsonToken t;
            while ((t = p.next()) == JsonToken.FIELD_NAME) {
                String name = p.name();
                JsonToken v = p.next();
                int key;
                boolean ok;
                switch (name) {
                    case "id" -> {
                        key = ID;
                        ok = (id = nullableString(v)) != null || v == JsonToken.VALUE_NULL;
                    }
                    case "model" -> {
                        key = MODEL;
                        ok = (model = nullableString(v)) != null || v == JsonToken.VALUE_NULL;
                    }
                    case "service_tier" -> {
                        key = SERVICE_TIER;
                        ok = (serviceTier = nullableString(v)) != null || v == JsonToken.VALUE_NULL;
                    }
                    case "object" -> {
                        key = OBJECT;
                        ok = v == JsonToken.VALUE_STRING;
                    }
                    case "system_fingerprint" -> {
                        key = FINGERPRINT;
                        ok = v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_NULL;
                    }
                    case "created" -> {
                        key = CREATED;
                        ok = v == JsonToken.VALUE_NUMBER_INT;
                    }
                    case "usage" -> {
                        key = USAGE;
                        ok = v == JsonToken.VALUE_NULL || v == JsonToken.START_OBJECT && usage();
                    }
                    case "choices" -> {
                        key = CHOICES;
                        ok = v == JsonToken.START_ARRAY && p.next() == JsonToken.START_OBJECT && choice()
                                && p.next() == JsonToken.END_ARRAY;
                    }
                    default -> {
                        return null;
                    }
                }
                if (!ok || (seen & key) != 0) {
                    return null;
                }
                seen |= key;
            }
            if (t != JsonToken.END_OBJECT || (seen & CHOICES) == 0) {
                return null;
            }
            return new ChatReply(id, model, serviceTier, content, refusal, calls, finish, usage);
        }

        /** The one choice, index 0 when given. */
        private boolean choice() {
            boolean index = false;
            boolean message = false;
            boolean logprobs = false;
            boolean finishSeen = false;
            JsonToken t;
            while ((t = p.next()) == JsonToken.FIELD_NAME) {
                String name = p.name();
                JsonToken v = p.next();
                switch (name) {
                    case "index" -> {
                        if (index || !QuickEvents.zero(p, json, v)) {
                            return false;
                        }
                        index = true;
                    }
                    case "message" -> {
                        if (message || v != JsonToken.START_OBJECT || !message()) {
                            return false;
                        }
                        message = true;
                    }
                    case "logprobs" -> {
                        if (logprobs || v != JsonToken.VALUE_NULL) {
                            return false;
                        }
                        logprobs = true;
                    }
                    case "finish_reason" -> {
                        if (finishSeen || (finish = nullableString(v)) == null && v != JsonToken.VALUE_NULL) {
                            return false;
                        }
                        finishSeen = true;
                    }
                    default -> {
                        return false;
                    }
                }
            }
            return t == JsonToken.END_OBJECT && message;
        }

        private boolean message() {
            boolean role = false;
            boolean contentSeen = false;
            boolean refusalSeen = false;
            boolean callsSeen = false;
            boolean annotations = false;
            boolean audio = false;
            boolean legacyCall = false;
            JsonToken t;
            while ((t = p.next()) == JsonToken.FIELD_NAME) {
                String name = p.name();
                JsonToken v = p.next();
                boolean ok;
                switch (name) {
                    case "role" -> {
                        ok = !role && v == JsonToken.VALUE_STRING;
                        role = true;
                    }
                    case "content" -> {
                        ok = !contentSeen && ((content = nullableString(v)) != null || v == JsonToken.VALUE_NULL);
                        contentSeen = true;
                    }
                    case "refusal" -> {
                        ok = !refusalSeen && ((refusal = nullableString(v)) != null || v == JsonToken.VALUE_NULL);
                        refusalSeen = true;
                    }
                    case "tool_calls" -> {
                        ok = !callsSeen && (v == JsonToken.VALUE_NULL || v == JsonToken.START_ARRAY && calls());
                        callsSeen = true;
                    }
                    case "annotations" -> {
                        ok = !annotations && v == JsonToken.START_ARRAY && p.next() == JsonToken.END_ARRAY;
                        annotations = true;
                    }
                    case "audio" -> {
                        ok = !audio && v == JsonToken.VALUE_NULL;
                        audio = true;
                    }
                    case "function_call" -> {
                        ok = !legacyCall && v == JsonToken.VALUE_NULL;
                        legacyCall = true;
                    }
                    default -> ok = false;
                }
                if (!ok) {
                    return false;
                }
            }
            return t == JsonToken.END_OBJECT;
        }

        /** At the tool calls' START_ARRAY: each a function call; ends on the END_ARRAY. */
        private boolean calls() {
            List<Call> list = new ArrayList<>(2);
            JsonToken t;
            while ((t = p.next()) == JsonToken.START_OBJECT) {
                Call c = call();
                if (c == null) {
                    return false;
                }
                list.add(c);
            }
            calls = list;
            return t == JsonToken.END_ARRAY;
        }

        private Call call() {
            String callId = null;
            boolean idSeen = false;
            boolean type = false;
            String[] function = null;
            JsonToken t;
            while ((t = p.next()) == JsonToken.FIELD_NAME) {
                String name = p.name();
                JsonToken v = p.next();
                switch (name) {
                    case "id" -> {
                        if (idSeen || (callId = nullableString(v)) == null && v != JsonToken.VALUE_NULL) {
                            return null;
                        }
                        idSeen = true;
                    }
                    case "type" -> {
                        if (type || v != JsonToken.VALUE_STRING || !"function".equals(p.string())) {
                            return null;
                        }
                        type = true;
                    }
                    case "function" -> {
                        if (function != null || v != JsonToken.START_OBJECT || (function = function()) == null) {
                            return null;
                        }
                    }
                    default -> {
                        return null;
                    }
                }
            }
            return t == JsonToken.END_OBJECT && function != null ? new Call(callId, function[0], function[1]) : null;
        }

        /** A call's function: its name (null when null or left out) and arguments ({@code ""} when null or left out). */
        private String[] function() {
            String name = null;
            String arguments = null;
            boolean nameSeen = false;
            JsonToken t;
            while ((t = p.next()) == JsonToken.FIELD_NAME) {
                String key = p.name();
                JsonToken v = p.next();
                if (key.equals("name") && !nameSeen) {
                    nameSeen = true;
                    if ((name = nullableString(v)) == null && v != JsonToken.VALUE_NULL) {
                        return null;
                    }
                } else if (key.equals("arguments") && arguments == null) {
                    arguments = v == JsonToken.VALUE_NULL ? "" : v == JsonToken.VALUE_STRING ? p.string() : null;
                    if (arguments == null) {
                        return null;
                    }
                } else {
                    return null;
                }
            }
            return t == JsonToken.END_OBJECT ? new String[] {name, arguments == null ? "" : arguments} : null;
        }

        /**
         * The counts OpenAI gives (prompt, completion, total; cached and reasoning among their
         * details), as {@link Usage#openAiChat} reads them.
         */
        private boolean usage() {
            long prompt = 0;
            long completion = 0;
            long total = 0;
            long cached = 0;
            long reasoning = 0;
            int seen = 0;
            JsonToken t;
            while ((t = p.next()) == JsonToken.FIELD_NAME) {
                String name = p.name();
                JsonToken v = p.next();
                int key;
                long n = 0;
                switch (name) {
                    case "prompt_tokens" -> key = 1;
                    case "completion_tokens" -> key = 1 << 1;
                    case "total_tokens" -> key = 1 << 2;
                    case "prompt_tokens_details" -> key = 1 << 3;
                    case "completion_tokens_details" -> key = 1 << 4;
                    default -> {
                        return false;
                    }
                }
                if ((seen & key) != 0) {
                    return false;
                }
                seen |= key;
                if (key <= 1 << 2) {
                    if ((n = count(v)) < 0) {
                        return false;
                    }
                } else if (v != JsonToken.START_OBJECT || (n = details(key == 1 << 3)) < 0) {
                    return false;
                }
                switch (key) {
                    case 1 -> prompt = n;
                    case 1 << 1 -> completion = n;
                    case 1 << 2 -> total = n;
                    case 1 << 3 -> cached = n;
                    default -> reasoning = n;
                }
            }
            if (t != JsonToken.END_OBJECT) {
                return false;
            }
            usage = Usage.openAiChat(prompt, cached, 0, completion, reasoning, total);
            return true;
        }

        /**
         * At a details object's START_OBJECT: its cached tokens (the prompt's) or reasoning tokens
         * (the completion's), or -1 when it holds anything OpenAI does not write there.
         */
        private long details(boolean prompt) {
            long wanted = 0;
            int seen = 0;
            JsonToken t;
            while ((t = p.next()) == JsonToken.FIELD_NAME) {
                String name = p.name();
                int key = switch (name) {
                    case "cached_tokens" -> prompt ? 1 : 0;
                    case "reasoning_tokens" -> prompt ? 0 : 1;
                    case "audio_tokens" -> 2;
                    case "accepted_prediction_tokens" -> prompt ? 0 : 4;
                    case "rejected_prediction_tokens" -> prompt ? 0 : 8;
                    default -> 0;
                };
                long n = count(p.next());
                if (key == 0 || (seen & key) != 0 || n < 0) {
                    return -1;
                }
                seen |= key;
                if (key == 1) {
                    wanted = n;
                }
            }
            return t == JsonToken.END_OBJECT ? wanted : -1;
        }

        /** The plain whole number the lexer is on, or -1 when the value is anything else (a sign, a fraction, a null, too long). */
        private long count(JsonToken v) {
            if (v != JsonToken.VALUE_NUMBER_INT) {
                return -1;
            }
            int start = p.tokenStart();
            int end = p.tokenEnd();
            if (end - start > MAX_COUNT_DIGITS || json.charAt(start) == '-') {
                return -1;
            }
            long n = 0;
            for (int i = start; i < end; i++) {
                n = n * 10 + (json.charAt(i) - '0');
            }
            return n;
        }

        /** The string the lexer is on, or null when the value is not a string. */
        private String nullableString(JsonToken v) {
            return v == JsonToken.VALUE_STRING ? p.string() : null;
        }
    }
}
