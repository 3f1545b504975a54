package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;


import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replayed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pydantic AI's cases for reading OpenAI Chat replies and streams (pydantic/pydantic-ai
 * {@code tests/models/test_openai.py}, with the replies its {@code mock_openai.py}
 * {@code completion_message} builds: id "123", model "gpt-4o-123", finish reason "stop"; and the
 * stream chunks its {@code chunk}, {@code text_chunk} and {@code struc_chunk} build, each with
 * usage 2 prompt / 1 completion tokens). Pydantic AI builds them with the OpenAI SDK's types;
 * here they are restated as JSON and read into Claude's shape.
 */
class PydanticAiOpenAiReplyCasesTest {

    private static String reply(String message, String finish, String usage) {
        return "{\"id\":\"123\",\"object\":\"chat.completion\",\"created\":1704067200,\"model\":\"gpt-4o-123\",\"choices\":[{\"index\":0,"
                + "\"finish_reason\":" + finish + ",\"message\":" + message + "}]" + (usage == null ? "" : ",\"usage\":" + usage) + "}";
    }

    private static ReplyTranslation translate(String json) {
        ReplyTranslation t = Replies.translate(json, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE, null);
        assertMessage(t.json());
        return t;
    }

    private static final String USAGE = "{\"completion_tokens\":1,\"prompt_tokens\":2,\"total_tokens\":3}";

    /** One chunk as the mock's {@code chunk} writes it: the given deltas, each its own choice, and usage. */
    private static String chunk(String finish, String... deltas) {
        StringBuilder choices = new StringBuilder("[");
        for (int i = 0; i < deltas.length; i++) {
            choices.append(i == 0 ? "" : ",").append("{\"index\":").append(i).append(",\"delta\":").append(deltas[i])
                    .append(",\"finish_reason\":").append(finish == null ? "null" : "\"" + finish + "\"").append('}');
        }
        return line("[" + choices.substring(1) + "]", "gpt-4o-123");
    }

    private static String line(String choices, String model) {
        return "data: {\"id\":\"123\",\"object\":\"chat.completion.chunk\",\"created\":1704067200,\"model\":\"" + model + "\","
                + "\"choices\":" + choices + ",\"usage\":" + USAGE + "}\n\n";
    }

    private static String text(String text, String finish) {
        return chunk(finish, "{\"role\":\"assistant\",\"content\":\"" + text + "\"}");
    }

    private static String struc(String name, String args) {
        return chunk(null, "{\"tool_calls\":[{\"index\":0,\"function\":{\"name\":" + (name == null ? "null" : "\"" + name + "\"")
                + ",\"arguments\":" + (args == null ? "null" : "\"" + args + "\"") + "}}]}");
    }

    private static JsonNode stream(String sse) {
        return replayed(sse, ReplyFormat.OPENAI_CHAT);
    }

    /**
     * "test_request_simple_usage": 2 prompt tokens, of them 1 read from the cache and 1 written
     * to it. Pydantic AI counts input_tokens as the whole prompt; Claude's input_tokens leave
     * out both cache counts, which stand beside it, so the whole prompt is 0 + 1 + 1.
     */
    @Test
    void cacheReadsAndWritesStandBesideTheInputTokens() {
        JsonNode m = parse(translate(reply("{\"role\":\"assistant\",\"content\":\"world\"}", "\"stop\"",
                "{\"completion_tokens\":1,\"prompt_tokens\":2,\"total_tokens\":3,\"prompt_tokens_details\":{\"cached_tokens\":1,"
                        + "\"cache_write_tokens\":1}}")).json());
        assertThat(m.at("/content/0/text").asText()).isEqualTo("world");
        assertThat(m.at("/usage/input_tokens").asInt()).isZero();
        assertThat(m.at("/usage/cache_read_input_tokens").asInt()).isEqualTo(1);
        assertThat(m.at("/usage/cache_creation_input_tokens").asInt()).isEqualTo(1);
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(1);
    }

    /**
     * "test_request_tool_call": the mock answers a tool call with finish reason "stop". The call
     * keeps its id and arguments, and the stop reason is tool_use, on which Claude's clients run
     * tools (Pydantic AI keeps "stop").
     */
    @Test
    void aToolCallEndedWithStopIsStillToolUse() {
        JsonNode m = parse(translate(reply("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"1\",\"type\":\"function\","
                + "\"function\":{\"arguments\":\"{\\\"loc_name\\\": \\\"San Fransisco\\\"}\",\"name\":\"get_location\"}}]}", "\"stop\"",
                "{\"completion_tokens\":1,\"prompt_tokens\":2,\"total_tokens\":3,\"prompt_tokens_details\":{\"cached_tokens\":1}}")).json());
        assertThat(m.at("/content/0/type").asText()).isEqualTo("tool_use");
        assertThat(m.at("/content/0/id").asText()).isEqualTo("1");
        assertThat(m.at("/content/0/name").asText()).isEqualTo("get_location");
        assertThat(m.at("/content/0/input/loc_name").asText()).isEqualTo("San Fransisco");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(1);
        assertThat(m.at("/usage/cache_read_input_tokens").asInt()).isEqualTo(1);
    }

    /** "test_process_response_no_finish_reason": a reply without a finish reason ended normally. */
    @Test
    void noFinishReasonIsEndTurn() {
        JsonNode m = parse(translate(reply("{\"role\":\"assistant\",\"content\":\"world\"}", "null", null)).json());
        assertThat(m.at("/content/0/text").asText()).isEqualTo("world");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
    }

    /**
     * "test_openai_response_filter_error" and "..._with_partial_content": the content filter
     * stopped the reply. Pydantic AI raises for an empty one and keeps a partial one; here both
     * are a refusal (the stop reason Claude gives when its own classifier stops a reply), the
     * partial text kept.
     */
    @Test
    void theContentFilterIsARefusalWithOrWithoutText() {
        JsonNode empty = parse(translate(reply("{\"role\":\"assistant\",\"content\":null}", "\"content_filter\"", null)).json());
        assertThat(empty.path("stop_reason").asText()).isEqualTo("refusal");
        assertThat(empty.path("content")).isEmpty();
        JsonNode partial = parse(translate(reply("{\"role\":\"assistant\",\"content\":\"Partial\"}", "\"content_filter\"", null)).json());
        assertThat(partial.path("stop_reason").asText()).isEqualTo("refusal");
        assertThat(partial.at("/content/0/text").asText()).isEqualTo("Partial");
    }

    /**
     * "test_openai_reasoning_in_thinking_tags": a model that writes its reasoning inline
     * ("&lt;think&gt;reasoning&lt;/think&gt;response"). Pydantic AI splits the tags into a thinking part
     * when told to; promptport leaves the text as the model wrote it (the README lists the
     * reasoning fields it reads, not tags in the text), so nothing is lost or guessed.
     */
    @Test
    void reasoningInThinkTagsStaysInTheText() {
        JsonNode m = parse(translate(reply("{\"role\":\"assistant\",\"content\":\"<think>reasoning</think>response\"}", "\"stop\"",
                null)).json());
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("<think>reasoning</think>response");
    }

    /**
     * "test_openai_non_string_reasoning_content_warns": reasoning_content as Bedrock's object with
     * empty text and a signature. Pydantic AI warns and skips it; here there is no thinking block
     * either (no text to show), and the answer is the reply's text.
     */
    @Test
    void reasoningContentObjectWithoutTextGivesNoThinkingBlock() {
        JsonNode m = parse(translate(reply("{\"role\":\"assistant\",\"content\":\"response\",\"reasoning_content\":"
                + "{\"reasoningContent\":{\"reasoningText\":{\"text\":\"\",\"signature\":\"CoAI...\"}}}}", "\"stop\"", null)).json());
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/type").asText()).isEqualTo("text");
        assertThat(m.at("/content/0/text").asText()).isEqualTo("response");
    }

    /** The stream equivalent, "..._warns_stream": the object comes in a delta of its own. */
    @Test
    void streamedReasoningContentObjectWithoutTextGivesNoThinkingBlock() {
        JsonNode m = stream(chunk(null, "{\"role\":\"assistant\",\"reasoning_content\":{\"reasoningContent\":{\"reasoningText\":"
                + "{\"text\":\"\",\"signature\":\"CoAI...\"}}}}") + chunk(null, "{\"content\":\"response\"}") + chunk("stop", "{}"));
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("response");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
    }

    /**
     * "test_stream_text_finish_reason": the first chunk's model is "" (Azure with its content
     * filter on); the reply's text is every piece in order and it ends with end_turn. Every chunk
     * repeats usage 2/1: OpenAI's usage is the whole reply's, so the last one stands (Pydantic AI
     * adds them up).
     */
    @Test
    void aStreamWhoseFirstChunkHasNoModelStillGivesTheText() {
        String first = line("[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"hello \"},\"finish_reason\":null}]", "");
        JsonNode m = stream(first + text("world", null) + text(".", "stop"));
        assertThat(m.at("/content/0/text").asText()).isEqualTo("hello world.");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(2);
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(1);
    }

    /**
     * "test_no_delta", "test_none_delta" and "test_none_choices": a chunk with no choices, a
     * choice whose delta is null (Azure's async content filter) and a chunk whose choices are
     * null (OpenAI-compatible servers) carry no text; the text is the other chunks'.
     */
    @Test
    void chunksWithoutChoicesOrDeltasAddNothing() {
        assertThat(stream(chunk(null) + text("hello ", null) + text("world", "stop")).at("/content/0/text").asText())
                .isEqualTo("hello world");
        assertThat(stream(line("[{\"index\":0,\"delta\":null,\"finish_reason\":null}]", "gpt-4o-123") + text("hello ", null)
                + text("world", "stop")).at("/content/0/text").asText()).isEqualTo("hello world");
        assertThat(stream(line("null", "gpt-4o-123") + text("hello ", null) + text("world", "stop")).at("/content/0/text").asText())
                .isEqualTo("hello world");
    }

    /**
     * "test_stream_tool_call_with_empty_text": Ollama sends an empty text delta beside the call's
     * first piece (its name, arguments null), then the arguments in three pieces and no id at
     * all. The reply is one tool_use (no empty text block, which Claude would refuse in the
     * history) with an id made up and the whole arguments as input. The mock's stream ends with
     * a chunk without choices; here the last chunk says tool_calls, since a stream that ends with
     * no finish reason and no [DONE] is taken as cut.
     */
    @Test
    void ollamasEmptyTextBesideAToolCallGivesOnlyTheCall() {
        JsonNode m = stream(chunk(null, "{\"content\":\"\",\"tool_calls\":[{\"index\":0,\"function\":{\"name\":\"final_result\","
                + "\"arguments\":null}}]}") + struc(null, "{\\\"first\\\": \\\"One") + struc(null, "\\\", \\\"second\\\": \\\"Two\\\"")
                + struc(null, "}") + chunk("tool_calls", "{}"));
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/type").asText()).isEqualTo("tool_use");
        assertThat(m.at("/content/0/name").asText()).isEqualTo("final_result");
        assertThat(m.at("/content/0/id").asText()).isNotBlank();
        assertThat(m.at("/content/0/input").toString()).isEqualTo("{\"first\":\"One\",\"second\":\"Two\"}");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /**
     * "test_stream_text_empty_think_tag_and_text_before_tool_call": Qwen 3 on Ollama writes an
     * empty "&lt;think&gt;\n&lt;/think&gt;\n\n" before a call. The text stays as written (promptport
     * reads no tags in text), the whitespace after it does not start a block of its own, and
     * the call follows with its whole arguments.
     */
    @Test
    void anEmptyThinkTagBeforeAToolCallStaysTextAndTheCallFollows() {
        JsonNode m = stream(text("<think>", null) + text("\\n", null) + text("</think>", null) + text("\\n\\n", null)
                + struc("final_result", null) + struc(null, "{\\\"first\\\": \\\"One") + struc(null, "\\\", \\\"second\\\": \\\"Two\\\"")
                + struc(null, "}") + chunk("tool_calls", "{}"));
        assertThat(m.path("content")).hasSize(2);
        assertThat(m.at("/content/0/text").asText()).startsWith("<think>\n</think>");
        assertThat(m.at("/content/1/name").asText()).isEqualTo("final_result");
        assertThat(m.at("/content/1/input").toString()).isEqualTo("{\"first\":\"One\",\"second\":\"Two\"}");
    }
}
