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
 * A whole OpenAI Chat reply in the shape OpenAI writes is read without a tree ({@link ChatReply}),
 * and any reply translates the same that way as through the tree: the same Message, the same
 * left-out lines, or the same error at the same place. The tree path is forced by a key the
 * feed ignores, which the quick reader refuses.
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
                "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT", "gpt-4.1-2025-04-14", "default", "The parcel is in Zagreb.", null,
                List.of(new ChatReply.Call("call_1", "file_claim", "{\"pallets\":[3,5]}")), "tool_calls",
                new Usage(816, 96, 1024, 0)));
        assertThat(translate(reply, ReplyContext.NONE)).isEqualTo(translate(treeOnly(reply), ReplyContext.NONE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a key twice, which the tree refuses with the key's place
        "{\"id\":\"a\",\"id\":\"b\",\"choices\":[{\"message\":{\"content\":\"x\"}}]}",
        "{\"choices\":[{\"message\":{\"content\":\"x\",\"content\":\"y\"}}]}",
        "{\"choices\":[{\"message\":{\"tool_calls\":[{\"function\":{\"name\":\"f\",\"name\":\"g\"}}]}}]}",
        "{\"choices\":[{\"message\":{}}],\"usage\":{\"prompt_tokens\":1,\"prompt_tokens\":2}}",
        // more than the shape: reasoning, content parts, annotations, a second choice, an error
        "{\"choices\":[{\"message\":{\"content\":\"x\",\"reasoning_content\":\"r\"}}]}",
        "{\"choices\":[{\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"x\"}]}}]}",
        "{\"choices\":[{\"message\":{\"content\":\"x\",\"annotations\":[{\"type\":\"url_citation\"}]}}]}",
        "{\"choices\":[{\"message\":{\"content\":\"x\"}},{\"message\":{\"content\":\"y\"}}]}",
        "{\"choices\":[{\"index\":1,\"message\":{\"content\":\"x\"}}]}",
        "{\"choices\":[{\"message\":{\"content\":\"x\"},\"logprobs\":{\"content\":[]}}]}",
        "{\"error\":{\"message\":\"overloaded\"},\"choices\":[]}",
        "{\"choices\":[{\"message\":{\"tool_calls\":[{\"type\":\"custom\",\"custom\":{\"name\":\"f\",\"input\":\"x\"}}]}}]}",
        "{\"choices\":[{\"message\":{\"tool_calls\":[{\"function\":{\"name\":\"f\",\"arguments\":{\"a\":1}}}]}}]}",
        // counts the tree reads its own way: a sign, a fraction, past a long, another name
        "{\"choices\":[{\"message\":{}}],\"usage\":{\"prompt_tokens\":-1}}",
        "{\"choices\":[{\"message\":{}}],\"usage\":{\"prompt_tokens\":2.0}}",
        "{\"choices\":[{\"message\":{}}],\"usage\":{\"prompt_tokens\":1234567890123456789}}",
        "{\"choices\":[{\"message\":{}}],\"usage\":{\"prompt_cache_hit_tokens\":3}}",
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
        assertThat(translate(json, ctx)).as(json).isEqualTo(translate(treeOnly(json), ctx));
    }

    /** The tree's reading: a key the feed ignores, which the quick reader refuses. */
    private static String treeOnly(String reply) {
        int open = reply.indexOf('{');
        return reply.substring(0, open + 1) + "\"x_ignored\":null," + reply.substring(open + 1);
    }

    private static String translate(String reply, ReplyContext ctx) {
        return outcome(() -> Replies.translate(reply, ReplyFormat.OPENAI_CHAT, ctx, null));
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
            optional(keys, "object", "\"chat.completion\"");
            optional(keys, "created", "1741569952");
            optional(keys, "model", "\"gpt-4o-2024-08-06\"", "null");
            optional(keys, "service_tier", "\"default\"", "\"flex\"", "null");
            optional(keys, "system_fingerprint", "\"fp_1\"", "null");
            optional(keys, "usage", usage(), "null");
            odd(keys, "\"id\":42", "\"created\":1.5", "\"object\":null", "\"usage\":{\"prompt_tokens\":-4}",
                    "\"usage\":{\"prompt_tokens\":3,\"cached_tokens\":2}", "\"error\":{\"message\":\"busy\"}",
                    "\"error\":null", "\"x_groq\":{\"usage\":{\"prompt_tokens\":9}}", "\"output\":[{\"type\":\"message\"}]",
                    "\"moderation\":{}", "\"id\":\"again\"");
            return object(keys);
        }

        private String choices() {
            List<String> keys = new ArrayList<>();
            keys.add("\"message\":" + message());
            optional(keys, "index", "0");
            optional(keys, "logprobs", "null");
            String finish = FINISH.get(r.nextInt(FINISH.size()));
            optional(keys, "finish_reason", quoted(finish), "null");
            odd(keys, "\"index\":2", "\"logprobs\":{\"content\":[]}", "\"delta\":{\"content\":\"x\"}",
                    "\"content_filter_results\":{\"hate\":{\"filtered\":true,\"severity\":\"high\"}}", "\"usage\":{\"prompt_tokens\":1}");
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
            optional(keys, "refusal", "null", "null", quoted(text()));
            optional(keys, "annotations", "[]");
            optional(keys, "audio", "null");
            optional(keys, "function_call", "null");
            if (r.nextBoolean()) {
                List<String> calls = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    calls.add(call());
                }
                keys.add("\"tool_calls\":[" + String.join(",", calls) + "]");
            } else {
                optional(keys, "tool_calls", "null");
            }
            odd(keys, "\"reasoning_content\":\"thought\"", "\"reasoning_content\":null", "\"content\":[{\"type\":\"text\",\"text\":\"p\"}]",
                    "\"annotations\":[{\"type\":\"url_citation\",\"url_citation\":{\"url\":\"https://a.example\"}}]",
                    "\"audio\":{\"id\":\"au_1\",\"data\":\"AAAA\",\"transcript\":\"spoken\"}",
                    "\"function_call\":{\"name\":\"legacy\",\"arguments\":\"{}\"}", "\"images\":[]", "\"role\":7");
            return object(keys);
        }

        private String call() {
            List<String> fn = new ArrayList<>();
            String[] names = {"get_weather", "lookup_v2", "file_claim", "", "a.b"};
            optional(fn, "name", quoted(names[r.nextInt(names.length)]), "null");
            optional(fn, "arguments", quoted(arguments()), quoted(arguments()), "null");
            odd(fn, "\"arguments\":{\"a\":1}", "\"name\":5", "\"strict\":true");
            List<String> keys = new ArrayList<>();
            keys.add("\"function\":" + object(fn));
            optional(keys, "id", quoted("call_" + r.nextInt(100)), "null");
            optional(keys, "type", "\"function\"");
            odd(keys, "\"type\":\"custom\"", "\"custom\":{\"name\":\"c\",\"input\":\"free text\"}", "\"index\":0");
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
            optional(keys, "completion_tokens", count());
            optional(keys, "total_tokens", count(), "1936");
            List<String> prompt = new ArrayList<>();
            optional(prompt, "cached_tokens", count());
            optional(prompt, "audio_tokens", "0");
            odd(prompt, "\"cache_write_tokens\":5", "\"cached_tokens\":null");
            optional(keys, "prompt_tokens_details", object(prompt));
            List<String> completion = new ArrayList<>();
            optional(completion, "reasoning_tokens", count(), "0");
            optional(completion, "audio_tokens", "0");
            optional(completion, "accepted_prediction_tokens", "0");
            optional(completion, "rejected_prediction_tokens", "0");
            odd(completion, "\"reasoning_tokens\":1e2", "\"cached_tokens\":3");
            optional(keys, "completion_tokens_details", object(completion));
            odd(keys, "\"prompt_tokens\":99999999999999999999", "\"completion_tokens\":\"12\"",
                    "\"prompt_cache_hit_tokens\":4", "\"cache_read_input_tokens\":8", "\"prompt_tokens_details\":null");
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
