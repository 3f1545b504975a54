package dev.promptport.reply;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.promptport.PromptPortException;
import dev.promptport.read.JsonLexer;

import java.util.ArrayList;
import java.util.List;

/**
 * A whole OpenAI Chat completion read without a tree, when it holds only what OpenAI and most
 * OpenAI-compatible servers send: its text, reasoning text ({@code reasoning_content}), refusal,
 * function calls, finish reason and usage counts, in one choice. Building the tree and looking
 * its fields up again took half of a reply's time, as it did for the stream chunks
 * ({@link ChatTextChunk}).
 *
 * <p>What the tree's reader ({@link OpenAiChatFeed}) reads is read here the same way; a key it
 * never looks at (OpenAI's {@code object}, {@code created}, {@code system_fingerprint}, a
 * server's own additions) is skipped, checked for a key twice as the tree's parser checks. What
 * the tree's reader does more with (more reasoning fields, content parts, annotations, audio,
 * images, logprobs, a second choice, an error, a content filter's results, a count with a sign or
 * a fraction) gives {@code null}, as does a key twice or JSON the lexer refuses, and the tree
 * reads the reply as before. {@code ChatReplyProperties} holds the two ways to the same output.
 */
record ChatReply(String id, String model, String serviceTier, String reasoning, String content, String refusal,
                 List<Call> calls, String finish, Usage usage) {

    /** One function call: its id, name and arguments ({@code ""} when null or left out). */
    record Call(String id, String name, String arguments) {
    }

    /** Deeper is left to the tree: a reply's own fields nest seven deep, a server's additions a few more. */
    private static final int DEPTH = 16;

    /** An object of more keys is left to the tree, which finds a key twice without comparing each pair. */
    private static final int MAX_KEYS = 64;

    /** A count of more digits could pass a long: the tree reads it. */
    private static final int MAX_COUNT_DIGITS = 18;

    /**
     * The reply, or null when {@code json} holds more than this reads, or the tree must read it.
     *
     * @param limits the constraints the tree would read it under: they apply here too
     */
    static ChatReply read(String json, StreamReadConstraints limits) {
        if (!ReplyTree.lexerMayRead(json, limits)) {
            return null;
        }
        JsonLexer p = JsonLexer.pooled(json, Math.min(DEPTH, limits.getMaxNestingDepth()));
        try {
            if (p.next() != JsonToken.START_OBJECT) {
                return null;
            }
            ChatReply r = new Reader(p, json).reply();
            p.requireEnd();
            return r;
        } catch (PromptPortException | Refused e) {
            return null;
        } finally {
            // a reply read no further is read again from the start, by the tree, with the pool's copy
            p.release();
        }
    }

    /** Thrown to leave a reply to the tree from deep inside it. */
    private static final class Refused extends RuntimeException {
        Refused() {
            super(null, null, false, false);
        }
    }

    /** Reads one reply, or throws {@link Refused} where the tree must read it. */
    private static final class Reader {

        // the counts of a usage, as Usage.ChatCounts takes them
        private static final int PROMPT = 0;
        private static final int COMPLETION = 1;
        private static final int TOTAL = 2;
        private static final int PROMPT_CACHE_HIT = 3;
        private static final int CACHED = 4;
        private static final int CACHE_READ_INPUT = 5;
        private static final int CACHE_CREATION_INPUT = 6;
        private static final int DETAILS_CACHED = 7;
        private static final int DETAILS_CACHE_WRITE = 8;
        private static final int DETAILS_CACHE_CREATION = 9;
        private static final int DETAILS_CACHE_CREATION_INPUT = 10;
        private static final int DETAILS_CREATED_CACHE = 11;
        private static final int REASONING = 12;

        private final JsonLexer p;
        private final String json;
        /**
         * The keys of the objects open, outermost first: each object's from the mark it opened
         * with ({@link #top} then) to {@code top}.
         */
        private String[] names = new String[32];
        /** Their hashes, compared first: most keys are the lexer's constants, whose hash is kept. */
        private int[] hashes = new int[32];
        private int top;
        private String id;
        private String model;
        private String serviceTier;
        private boolean choices;
        private boolean message;
        private boolean usageObject;
        private boolean groqUsage;
        private String reasoning;
        private String content;
        private String refusal;
        private List<Call> calls = List.of();
        private String finish;
        private Usage usage = Usage.ZERO;
        /** The call being read. */
        private String callId;
        private String fnName;
        private String arguments;
        /** The usage's counts, by the indexes above. */
        private long[] counts;

        Reader(JsonLexer p, String json) {
            this.p = p;
            this.json = json;
        }

        ChatReply reply() {
            fields(this::replyField);
            require(choices && (usageObject || !groqUsage));
            return new ChatReply(id, model, serviceTier, reasoning, content, refusal, calls, finish, usage);
        }

        /** One field's value, which the lexer is on. */
        @FunctionalInterface
        private interface Field {
            void read(String name, JsonToken value);
        }

        /**
         * Reads the object the lexer has just opened, each field by {@code field}, refusing a key
         * twice as the tree's parser does; ends on its END_OBJECT.
         */
        private void fields(Field field) {
            int keys = top;
            JsonToken t;
            while ((t = p.next()) == JsonToken.FIELD_NAME) {
                String name = p.name();
                once(keys, name);
                field.read(name, p.next());
            }
            require(t == JsonToken.END_OBJECT);
            top = keys;
        }

        private void replyField(String name, JsonToken v) {
            switch (name) {
                case "id" -> id = text(v);
                case "model" -> model = text(v);
                case "service_tier" -> serviceTier = text(v);
                case "usage" -> {
                    usageObject = v == JsonToken.START_OBJECT;
                    if (usageObject) {
                        usage();
                    } else {
                        skip(v);
                    }
                }
                case "choices" -> {
                    require(v == JsonToken.START_ARRAY && p.next() == JsonToken.START_OBJECT);
                    fields(this::choiceField);
                    require(message && p.next() == JsonToken.END_ARRAY);
                    choices = true;
                }
                case "x_groq" -> {
                    // Groq's own record: its usage counts when the reply has none of its own
                    if (v == JsonToken.START_OBJECT) {
                        fields((key, u) -> {
                            groqUsage |= key.equals("usage") && u == JsonToken.START_OBJECT;
                            skip(u);
                        });
                    } else {
                        skip(v);
                    }
                }
                // an error, moderation results, another vendor's answer: the tree's
                case "error", "moderation", "output", "candidates" -> throw new Refused();
                default -> skip(v);
            }
        }

        /** A field of the one choice. */
        private void choiceField(String name, JsonToken v) {
            switch (name) {
                case "message" -> {
                    require(v == JsonToken.START_OBJECT);
                    fields(this::messageField);
                    message = true;
                }
                case "finish_reason" -> finish = text(v);
                case "logprobs" -> require(v == JsonToken.VALUE_NULL);
                case "delta", "content_filter_results" -> throw new Refused();
                default -> skip(v);
            }
        }

        private void messageField(String name, JsonToken v) {
            switch (name) {
                case "content" -> {
                    // content parts are the tree's, and so is a value of another kind, an input error there
                    require(v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_NULL);
                    content = text(v);
                }
                case "reasoning_content" -> {
                    // as an object (Envoy AI Gateway), the tree's
                    require(v != JsonToken.START_OBJECT);
                    reasoning = text(v);
                }
                case "refusal" -> refusal = text(v);
                case "tool_calls" -> {
                    if (v == JsonToken.START_ARRAY) {
                        calls();
                    } else {
                        // calls that are not a list are the tree's to refuse
                        require(v == JsonToken.VALUE_NULL);
                    }
                }
                // the tree reads these only as an array with something in it, or an object
                case "annotations", "images" -> {
                    if (v == JsonToken.START_ARRAY) {
                        require(p.next() == JsonToken.END_ARRAY);
                    } else {
                        skip(v);
                    }
                }
                case "audio", "function_call", "reasoning" -> {
                    // and OpenRouter's reasoning text, which the tree weighs against reasoning_content
                    require(v != (name.equals("reasoning") ? JsonToken.VALUE_STRING : JsonToken.START_OBJECT));
                    skip(v);
                }
                case "reasoning_details", "thinking_blocks" -> throw new Refused();
                case "role", "name" -> skip(v);
                default -> {
                    // a field of the vendor's own is the tree's to name as left out, unless it holds nothing
                    require(v == JsonToken.VALUE_NULL || v == JsonToken.VALUE_FALSE);
                    skip(v);
                }
            }
        }

        /** At the tool calls' START_ARRAY: each a function call; ends on the END_ARRAY. */
        private void calls() {
            List<Call> list = new ArrayList<>(2);
            JsonToken t;
            while ((t = p.next()) == JsonToken.START_OBJECT) {
                callId = null;
                fnName = null;
                arguments = "";
                fields(this::callField);
                list.add(new Call(callId, fnName, arguments));
            }
            require(t == JsonToken.END_ARRAY);
            calls = list;
        }

        private void callField(String name, JsonToken v) {
            switch (name) {
                case "id" -> callId = text(v);
                case "function" -> {
                    if (v == JsonToken.START_OBJECT) {
                        fields(this::functionField);
                    } else {
                        skip(v);
                    }
                }
                case "custom" -> {
                    require(v != JsonToken.START_OBJECT);
                    skip(v);
                }
                default -> skip(v);
            }
        }

        private void functionField(String name, JsonToken v) {
            switch (name) {
                case "name" -> fnName = text(v);
                case "arguments" -> {
                    // arguments as JSON rather than a string: the tree writes them back
                    require(v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_NULL);
                    arguments = v == JsonToken.VALUE_STRING ? p.string() : "";
                }
                default -> skip(v);
            }
        }

        /** The counts {@link Usage#openAiChat} reads; any other key skipped. */
        private void usage() {
            counts = new long[REASONING + 1];
            fields(this::usageField);
            long[] n = counts;
            usage = new Usage.ChatCounts(n[PROMPT], n[COMPLETION], n[TOTAL], n[PROMPT_CACHE_HIT], n[CACHED],
                    n[CACHE_READ_INPUT], n[CACHE_CREATION_INPUT], n[DETAILS_CACHED], n[DETAILS_CACHE_WRITE],
                    n[DETAILS_CACHE_CREATION], n[DETAILS_CACHE_CREATION_INPUT], n[DETAILS_CREATED_CACHE],
                    n[REASONING]).usage();
        }

        private void usageField(String name, JsonToken v) {
            int slot = switch (name) {
                case "prompt_tokens" -> PROMPT;
                case "completion_tokens" -> COMPLETION;
                case "total_tokens" -> TOTAL;
                case "prompt_cache_hit_tokens" -> PROMPT_CACHE_HIT;
                case "cached_tokens" -> CACHED;
                case "cache_read_input_tokens" -> CACHE_READ_INPUT;
                case "cache_creation_input_tokens" -> CACHE_CREATION_INPUT;
                default -> -1;
            };
            if (slot >= 0) {
                counts[slot] = count(v);
            } else if (v == JsonToken.START_OBJECT && name.equals("prompt_tokens_details")) {
                fields(this::promptDetail);
            } else if (v == JsonToken.START_OBJECT && name.equals("completion_tokens_details")) {
                fields((key, c) -> count(key.equals("reasoning_tokens") ? REASONING : -1, c));
            } else {
                // another kind of details holds no counts
                skip(v);
            }
        }

        private void promptDetail(String name, JsonToken v) {
            count(switch (name) {
                case "cached_tokens" -> DETAILS_CACHED;
                case "cache_write_tokens" -> DETAILS_CACHE_WRITE;
                case "cache_creation_tokens" -> DETAILS_CACHE_CREATION;
                case "cache_creation_input_tokens" -> DETAILS_CACHE_CREATION_INPUT;
                case "created_cache_tokens" -> DETAILS_CREATED_CACHE;
                default -> -1;
            }, v);
        }

        /** The count the lexer is on into {@code slot}, or skipped when no count is kept there ({@code slot} -1). */
        private void count(int slot, JsonToken v) {
            if (slot < 0) {
                skip(v);
            } else {
                counts[slot] = count(v);
            }
        }

        /**
         * A count as {@link Json#count} reads it: a plain whole number as it is, and 0 for
         * anything that is no number. A sign, a fraction or a long number is left to the tree.
         */
        private long count(JsonToken v) {
            if (v != JsonToken.VALUE_NUMBER_INT) {
                require(v != JsonToken.VALUE_NUMBER_FLOAT);
                skip(v);
                return 0;
            }
            int start = p.tokenStart();
            int end = p.tokenEnd();
            require(end - start <= MAX_COUNT_DIGITS && json.charAt(start) != '-');
            long n = 0;
            for (int i = start; i < end; i++) {
                n = n * 10 + (json.charAt(i) - '0');
            }
            return Json.count(n);
        }

        /** The string the lexer is on, or null for any other value (skipped), as {@link Json#text} reads it. */
        private String text(JsonToken v) {
            if (v == JsonToken.VALUE_STRING) {
                return p.string();
            }
            skip(v);
            return null;
        }

        /** Skips the value the lexer is on, refusing a key twice in any object inside it, as the tree's parser does. */
        private void skip(JsonToken v) {
            if (v == JsonToken.START_OBJECT) {
                fields((name, value) -> skip(value));
            } else if (v == JsonToken.START_ARRAY) {
                JsonToken t;
                while ((t = p.next()) != JsonToken.END_ARRAY) {
                    require(t != null && t != JsonToken.END_OBJECT);
                    skip(t);
                }
            }
        }

        /**
         * Notes {@code name} among the keys of the object that opened at {@code mark}: a key twice
         * leaves the reply to the tree, whose parser refuses it and says where. An object of
         * many keys is left to the tree too, rather than compared key by key.
         */
        private void once(int mark, String name) {
            require(top - mark < MAX_KEYS);
            int hash = name.hashCode();
            for (int i = mark; i < top; i++) {
                require(hashes[i] != hash || !names[i].equals(name));
            }
            if (top == names.length) {
                names = java.util.Arrays.copyOf(names, top * 2);
                hashes = java.util.Arrays.copyOf(hashes, top * 2);
            }
            hashes[top] = hash;
            names[top++] = name;
        }

        private static void require(boolean holds) {
            if (!holds) {
                throw new Refused();
            }
        }
    }
}
