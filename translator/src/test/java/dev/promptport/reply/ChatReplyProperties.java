package dev.promptport.reply;

import dev.promptport.Limits;
import dev.promptport.PromptPortException;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import static dev.promptport.reply.ReplyFixtures.quoted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole OpenAI Chat reply as OpenAI and most compatible servers write it is read without a tree
 * ({@link ChatReply}), and any reply translates the same that way as through the tree: the same
 * Message, the same left-out lines, or the same error at the same place.
 */
class ChatReplyProperties {

    private static final List<String> FINISH = List.of("stop", "length", "tool_calls", "content_filter", "function_call",
            "insufficient_system_resource", "error", "", " ", "null", "STOP", "max_tokens", "eos");
    private static final List<ReplyContext> CONTEXTS = List.of(ReplyContext.NONE,
            new ReplyContext("claude-sonnet-4-5", "{\"answer\":", Map.of()),
            new ReplyContext(null, "Sure", Map.of("lookup_v2", "lookup")).withPrefillMode(ReplyContext.PrefillMode.CONTINUE),
            new ReplyContext(null, null, Map.of("get_weather", "weather.get")));

    private static final Pattern MADE_UP_ID = Pattern.compile("\\b(msg|toolu)_[A-Za-z0-9]{24}\\b");

    @Test
    void aReplyAsOpenAiWritesItIsReadWithoutATree() {
        String reply = """
                {
                  "id": "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT",
                  "object": "chat.completion",
                  "created": 1741569952,
                  "model": "gpt-4.1-2025-04-14",
                  "choices": [
                    {
                      "index": 0,
                      "message": {
                        "role": "assistant",
                        "content": "The parcel is in Zagreb.",
                        "tool_calls": [{"id": "call_1", "type": "function",
                          "function": {"name": "file_claim", "arguments": "{\\"pallets\\":[3,5]}"}}],
                        "refusal": null,
                        "annotations": []
                      },
                      "logprobs": null,
                      "finish_reason": "tool_calls"
                    }
                  ],
                  "usage": {
                    "prompt_tokens": 1840, "completion_tokens": 96, "total_tokens": 1936,
                    "prompt_tokens_details": {"cached_tokens": 1024, "audio_tokens": 0},
                    "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0,
                      "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}
                  },
                  "service_tier": "default",
                  "system_fingerprint": "fp_b705f0c291"
                }""";
        assertThat(ChatReply.read(reply, Json.FACTORY.streamReadConstraints())).isEqualTo(new ChatReply(
                "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT", "gpt-4.1-2025-04-14", "default", null, "The parcel is in Zagreb.", null,
                List.of(new ChatReply.Call("call_1", "file_claim", "{\"pallets\":[3,5]}")), "tool_calls",
                new Usage(816, 96, 1024, 0)));
        assertThat(translate(reply, ReplyContext.NONE)).isEqualTo(throughTheTree(reply, ReplyContext.NONE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // DeepSeek: reasoning text, its own cache counts
        "{\"id\":\"d1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"deepseek-reasoner\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":\"42\",\"reasoning_content\":\"Six times seven.\"},"
            + "\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":30,"
            + "\"total_tokens\":50,\"prompt_tokens_details\":{\"cached_tokens\":0},\"completion_tokens_details\":"
            + "{\"reasoning_tokens\":25},\"prompt_cache_hit_tokens\":16,\"prompt_cache_miss_tokens\":4},"
            + "\"system_fingerprint\":\"fp_1\"}",
        // Groq: its own record beside the usage, timings as fractions
        "{\"id\":\"g1\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"},"
            + "\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":{\"queue_time\":0.05,\"prompt_tokens\":9,"
            + "\"prompt_time\":0.001,\"completion_tokens\":2,\"total_tokens\":11},\"x_groq\":{\"id\":\"req_1\"}}",
        // OpenRouter and vLLM: a provider, a native finish reason, a stop reason, an empty tool call list
        "{\"id\":\"o1\",\"provider\":\"Fireworks\",\"choices\":[{\"index\":0,\"finish_reason\":\"tool_calls\","
            + "\"native_finish_reason\":\"tool_calls\",\"stop_reason\":null,\"message\":{\"role\":\"assistant\","
            + "\"content\":\"\",\"refusal\":null,\"reasoning\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_1\","
            + "\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{}\"}}]}}],"
            + "\"prompt_filter_results\":[{\"prompt_index\":0,\"content_filter_results\":{}}]}"})
    void aCompatibleServersReplyIsReadWithoutATreeToo(String reply) {
        assertThat(ChatReply.read(reply, Json.FACTORY.streamReadConstraints())).isNotNull();
        assertThat(translate(reply, ReplyContext.NONE)).isEqualTo(throughTheTree(reply, ReplyContext.NONE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a key twice, which the tree refuses with the key's place, in what it reads and what it does not
        "{\"id\":\"a\",\"id\":\"b\",\"choices\":[{\"message\":{\"content\":\"x\"}}]}",
        "{\"choices\":[{\"message\":{\"content\":\"x\",\"content\":\"y\"}}]}",
        "{\"choices\":[{\"message\":{\"tool_calls\":[{\"function\":{\"name\":\"f\",\"name\":\"g\"}}]}}]}",
        "{\"choices\":[{\"message\":{}}],\"usage\":{\"prompt_tokens\":1,\"prompt_tokens\":2}}",
        "{\"choices\":[{\"message\":{}}],\"x\":{\"a\":[{\"b\":1,\"b\":1}]}}",
        "{\"choices\":[{\"message\":{},\"x\":1,\"x\":1}]}",
        // more than it reads: other reasoning fields, content parts, annotations, images, audio, a
        // second choice, logprobs, a delta, a content filter's results, an error, Groq's usage alone
        "{\"choices\":[{\"message\":{\"content\":\"x\",\"reasoning\":\"r\"}}]}",
        "{\"choices\":[{\"message\":{\"content\":\"x\",\"reasoning_content\":{\"text\":\"r\"}}}]}",
        "{\"choices\":[{\"message\":{\"content\":\"x\",\"thinking_blocks\":null}}]}",
        "{\"choices\":[{\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"x\"}]}}]}",
        "{\"choices\":[{\"message\":{\"content\":\"x\",\"annotations\":[{\"type\":\"url_citation\"}]}}]}",
        "{\"choices\":[{\"message\":{\"content\":\"x\",\"images\":[{\"image_url\":{\"url\":\"data:\"}}]}}]}",
        "{\"choices\":[{\"message\":{\"audio\":{\"id\":\"a\",\"transcript\":\"x\"}}}]}",
        "{\"choices\":[{\"message\":{\"content\":\"x\"}},{\"message\":{\"content\":\"y\"}}]}",
        "{\"choices\":[{\"message\":{\"content\":\"x\"},\"logprobs\":{\"content\":[]}}]}",
        "{\"choices\":[{\"message\":{\"content\":\"x\"},\"delta\":{}}]}",
        "{\"choices\":[{\"message\":{\"content\":\"x\"},\"content_filter_results\":{}}]}",
        "{\"error\":{\"message\":\"overloaded\"},\"choices\":[]}",
        "{\"choices\":[{\"message\":{}}],\"x_groq\":{\"usage\":{\"prompt_tokens\":9}}}",
        "{\"choices\":[{\"message\":{\"tool_calls\":[{\"type\":\"custom\",\"custom\":{\"name\":\"f\",\"input\":\"x\"}}]}}]}",
        "{\"choices\":[{\"message\":{\"tool_calls\":[{\"function\":{\"name\":\"f\",\"arguments\":{\"a\":1}}}]}}]}",
        "{\"choices\":[{\"message\":{\"tool_calls\":[\"call_1\"]}}]}",
        // counts the tree reads its own way: a sign, a fraction, past a long
        "{\"choices\":[{\"message\":{}}],\"usage\":{\"prompt_tokens\":-1}}",
        "{\"choices\":[{\"message\":{}}],\"usage\":{\"prompt_tokens\":2.0}}",
        "{\"choices\":[{\"message\":{}}],\"usage\":{\"prompt_tokens\":1234567890123456789}}",
        // no choice, not one JSON object
        "{\"choices\":[]}",
        "{\"id\":\"a\"}",
        "{\"choices\":[{\"message\":{}}]} {}",
        "[{\"choices\":[{\"message\":{}}]}]",
        ""})
    void anyOtherReplyIsLeftToTheTree(String reply) {
        assertThat(ChatReply.read(reply, Json.FACTORY.streamReadConstraints())).isNull();
    }

    @Test
    void aDepthLimitBelowTheShapeLeavesTheReplyToTheTree() {
        String reply = "{\"choices\":[{\"message\":{\"tool_calls\":[{\"function\":{\"name\":\"f\"}}]}}]}";
        Limits shallow = Limits.DEFAULTS.withMaxJsonDepth(6);
        assertThat(ChatReply.read(reply, Json.factory(shallow).streamReadConstraints())).isNull();
        assertThat(outcome(() -> Replies.translate(reply, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE, shallow)))
                .startsWith("error: ");
    }

    @Provide
    Arbitrary<List<String>> texts() {
        return ReplyGen.texts().list().ofMinSize(8).ofMaxSize(8);
    }

    /**
     * Replies of OpenAI's shape, some with a piece the quick reader refuses: each translates the
     * same the quick way (when taken) and through the tree, in every context.
     */
    @Property(tries = 1500)
    void aReplyTranslatesTheSameWithoutATreeAsThroughIt(@ForAll("texts") @Size(8) List<String> texts, @ForAll long seed) {
        Random r = new Random(seed);
        Reply reply = new Reply(r, texts);
        String json = reply.json();
        ReplyContext ctx = CONTEXTS.get(r.nextInt(CONTEXTS.size()));
        if (!reply.offShape) {
            assertThat(ChatReply.read(json, Json.FACTORY.streamReadConstraints())).as(json).isNotNull();
        }
        assertThat(translate(json, ctx)).as(json).isEqualTo(throughTheTree(json, ctx));
    }

    @Test
    void anObjectOfManyKeysIsLeftToTheTree() {
        StringBuilder many = new StringBuilder("{\"choices\":[{\"message\":{\"content\":\"x\"}}],\"x\":{");
        for (int i = 0; i < 65; i++) {
            many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        String reply = many.append("}}").toString();
        assertThat(ChatReply.read(reply, Json.FACTORY.streamReadConstraints())).isNull();
        assertThat(translate(reply, ReplyContext.NONE)).isEqualTo(throughTheTree(reply, ReplyContext.NONE));
    }

    private static String translate(String reply, ReplyContext ctx) {
        return outcome(() -> Replies.translate(reply, ReplyFormat.OPENAI_CHAT, ctx, null));
    }

    private static String throughTheTree(String reply, ReplyContext ctx) {
        return outcome(() -> Replies.translate(reply, ReplyFormat.OPENAI_CHAT, ctx, null, false));
    }

    private static String outcome(java.util.function.Supplier<ReplyTranslation> call) {
        try {
            ReplyTranslation t = call.get();
            // an id made up for a reply or a call that had none is random: the rest must match
            return MADE_UP_ID.matcher(t.json() + "\n" + t.leftOut()).replaceAll("$1_made-up");
        } catch (PromptPortException e) {
            return "error: " + e.getMessage() + " at " + e.location();
        }
    }

    /** One generated reply; {@link #offShape} when it holds a piece outside {@link ChatReply}'s shape. */
    private static final class Reply {

        private final Random r;
        private final List<String> texts;
        private int nextText;
        boolean offShape;

        Reply(Random r, List<String> texts) {
            this.r = r;
            this.texts = texts;
        }

        String json() {
            List<String> keys = new ArrayList<>();
            keys.add("\"choices\":" + choices());
            optional(keys, "id", "\"chatcmpl-" + r.nextInt(1000) + "\"", "null");
            optional(keys, "object", "\"chat.completion\"", "null");
            optional(keys, "created", "1741569952", "1.5");
            optional(keys, "model", "\"gpt-4o-2024-08-06\"", "null");
            optional(keys, "service_tier", "\"default\"", "\"flex\"", "null");
            optional(keys, "system_fingerprint", "\"fp_1\"", "null");
            optional(keys, "usage", usage(), "null");
            extra(keys, "\"created_at\":1.5", "\"x_groq\":{\"id\":\"req_1\"}", "\"provider\":\"Fireworks\"",
                    "\"prompt_filter_results\":[{\"prompt_index\":0,\"content_filter_results\":{}}]", "\"citations\":[]");
            odd(keys, "\"usage\":{\"prompt_tokens\":-4}", "\"error\":{\"message\":\"busy\"}", "\"error\":null",
                    "\"x_groq\":{\"usage\":{\"prompt_tokens\":9}}", "\"output\":[{\"type\":\"message\"}]", "\"moderation\":{}",
                    "\"id\":\"again\"", "\"x\":{\"a\":1,\"a\":2}");
            return object(keys);
        }

        private String choices() {
            List<String> keys = new ArrayList<>();
            keys.add("\"message\":" + message());
            optional(keys, "index", "0", "2");
            optional(keys, "logprobs", "null");
            String finish = FINISH.get(r.nextInt(FINISH.size()));
            optional(keys, "finish_reason", quoted(finish), "null", "7");
            extra(keys, "\"native_finish_reason\":\"stop\"", "\"stop_reason\":null",
                    "\"usage\":{\"prompt_tokens\":1}");
            odd(keys, "\"logprobs\":{\"content\":[]}", "\"delta\":{\"content\":\"x\"}", "\"logprobs\":[]",
                    "\"content_filter_results\":{\"hate\":{\"filtered\":true,\"severity\":\"high\"}}");
            String choice = object(keys);
            if (r.nextInt(30) == 0) {
                offShape = true;
                return "[" + choice + "," + choice + "]";
            }
            return r.nextInt(60) == 0 ? offShape("[]") : "[" + choice + "]";
        }

        private String message() {
            List<String> keys = new ArrayList<>();
            optional(keys, "role", "\"assistant\"");
            optional(keys, "content", quoted(text()), quoted(text()), "null");
            optional(keys, "refusal", "null", "null", quoted(text()), "1");
            if (r.nextInt(4) == 0) {
                keys.add("\"reasoning_content\":" + (r.nextBoolean() ? quoted(text()) : "null"));
            }
            optional(keys, "annotations", "[]", "null");
            optional(keys, "audio", "null", "[]");
            optional(keys, "function_call", "null");
            optional(keys, "images", "[]");
            if (r.nextBoolean()) {
                List<String> calls = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    calls.add(call());
                }
                keys.add("\"tool_calls\":[" + String.join(",", calls) + "]");
            } else {
                optional(keys, "tool_calls", "null");
            }
            extra(keys, "\"name\":\"bot\"", "\"reasoning\":null", "\"tool_call_id\":null");
            odd(keys, "\"reasoning\":\"thought\"", "\"reasoning_content\":{\"text\":\"r\"}", "\"thinking_blocks\":[]",
                    "\"reasoning_details\":[{\"type\":\"reasoning.text\",\"text\":\"r\"}]", "\"content\":[{\"type\":\"text\",\"text\":\"p\"}]",
                    "\"content\":{}",
                    "\"annotations\":[{\"type\":\"url_citation\",\"url_citation\":{\"url\":\"https://a.example\"}}]",
                    "\"audio\":{\"id\":\"au_1\",\"data\":\"AAAA\",\"transcript\":\"spoken\"}",
                    "\"function_call\":{\"name\":\"legacy\",\"arguments\":\"{}\"}", "\"images\":[{\"image_url\":{\"url\":\"x\"}}]");
            return object(keys);
        }

        private String call() {
            List<String> fn = new ArrayList<>();
            String[] names = {"get_weather", "lookup_v2", "file_claim", "", "a.b"};
            optional(fn, "name", quoted(names[r.nextInt(names.length)]), quoted(names[r.nextInt(names.length)]), "null", "5");
            optional(fn, "arguments", quoted(arguments()), quoted(arguments()), "null");
            extra(fn, "\"strict\":true", "\"parameters\":{\"type\":\"object\"}");
            odd(fn, "\"arguments\":{\"a\":1}", "\"arguments\":7");
            List<String> keys = new ArrayList<>();
            keys.add("\"function\":" + (r.nextInt(40) == 0 ? "\"f\"" : object(fn)));
            optional(keys, "id", quoted("call_" + r.nextInt(100)), "null");
            optional(keys, "type", "\"function\"", "\"function\"", "\"custom\"");
            extra(keys, "\"index\":0", "\"custom\":null");
            odd(keys, "\"custom\":{\"name\":\"c\",\"input\":\"free text\"}");
            return object(keys);
        }

        private String arguments() {
            return switch (r.nextInt(8)) {
                case 0 -> "";
                case 1 -> "  ";
                case 2 -> "{\"city\":\"Lisbon\"";
                case 3 -> quoted("{\"q\":1}");
                case 4 -> "not json";
                default -> "{\"q\":" + quoted(text()) + ",\"n\":12345678901234567890,\"x\":-2.50}";
            };
        }

        private String usage() {
            List<String> keys = new ArrayList<>();
            optional(keys, "prompt_tokens", count());
            optional(keys, "completion_tokens", count(), count(), "\"12\"");
            optional(keys, "total_tokens", count(), "1936");
            List<String> prompt = new ArrayList<>();
            optional(prompt, "cached_tokens", count());
            optional(prompt, "audio_tokens", "0");
            extra(prompt, "\"cache_write_tokens\":5", "\"cache_creation_tokens\":3", "\"created_cache_tokens\":2",
                    "\"cache_creation_input_tokens\":4", "\"image_tokens\":0");
            odd(prompt, "\"cached_tokens\":1.0");
            optional(keys, "prompt_tokens_details", object(prompt), object(prompt), "null");
            List<String> completion = new ArrayList<>();
            optional(completion, "reasoning_tokens", count(), "0", "null");
            optional(completion, "audio_tokens", "0");
            optional(completion, "accepted_prediction_tokens", "0");
            optional(completion, "rejected_prediction_tokens", "0");
            extra(completion, "\"cached_tokens\":3");
            odd(completion, "\"reasoning_tokens\":1e2");
            optional(keys, "completion_tokens_details", object(completion), object(completion), "[]");
            extra(keys, "\"prompt_cache_hit_tokens\":4", "\"cache_read_input_tokens\":8",
                    "\"cached_tokens\":5", "\"cache_creation_input_tokens\":6", "\"prompt_cache_miss_tokens\":1",
                    "\"queue_time\":0.05");
            odd(keys, "\"prompt_tokens\":99999999999999999999", "\"total_tokens\":-1");
            return object(keys);
        }

        private String count() {
            String[] counts = {"0", "7", "96", "1024", "1840", "1936", "123456789012345678"};
            return counts[r.nextInt(counts.length)];
        }

        private String text() {
            return texts.get(nextText++ % texts.size());
        }

        /** Adds {@code name} with one of {@code values}, or leaves it out. */
        private void optional(List<String> keys, String name, String... values) {
            if (r.nextInt(4) > 0) {
                keys.add(quoted(name) + ":" + values[r.nextInt(values.length)]);
            }
        }

        /** Now and then, a key the quick reader skips or reads as the tree does. */
        private void extra(List<String> keys, String... pieces) {
            if (r.nextInt(6) == 0) {
                keys.add(pieces[r.nextInt(pieces.length)]);
            }
        }

        /** Now and then, a piece outside the shape. */
        private void odd(List<String> keys, String... pieces) {
            if (r.nextInt(12) == 0) {
                keys.add(offShape(pieces[r.nextInt(pieces.length)]));
            }
        }

        private String offShape(String piece) {
            offShape = true;
            return piece;
        }

        /** The keys in some order, compact or spread over lines as OpenAI prints them. */
        private String object(List<String> keys) {
            Collections.shuffle(keys, r);
            String sep = r.nextInt(3) == 0 ? ",\n  " : r.nextBoolean() ? ", " : ",";
            return "{" + (sep.length() > 2 ? "\n  " : "") + String.join(sep, keys) + "}";
        }
    }
}
