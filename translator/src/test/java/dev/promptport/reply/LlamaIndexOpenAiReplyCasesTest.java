package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static dev.promptport.reply.ReplyFixtures.rev;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LlamaIndex's cases for reading OpenAI replies and streams (run-llama/llama_index
 * {@code llama-index-integrations/llms/llama-index-llms-openai/tests/}: {@code test_openai_utils.py},
 * here UTILS, and {@code test_openai_responses.py}, here RESPONSES). LlamaIndex builds its
 * replies with the OpenAI SDK's types; here they are restated as JSON and read into Claude's shape.
 */
class LlamaIndexOpenAiReplyCasesTest {

    private static String chatReply(String calls) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
                + "\"finish_reason\":\"tool_calls\",\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[" + calls + "]}}]}";
    }

    private static String call(String id, String name, String args) {
        return "{\"id\":\"" + id + "\",\"type\":\"function\",\"function\":{\"name\":\"" + name + "\",\"arguments\":\"" + args + "\"}}";
    }

    /**
     * UTILS "test_from_openai_messages_function_calling_azure" and "..._with_dict_json_input": the
     * arguments Azure's guide shows, spread over lines, are the call's input.
     */
    @Test
    void argumentsSpreadOverLinesAreTheInput() {
        String out = Replies.toAnthropic(chatReply(call("0123", "search_hotels", "{\\n  \\\"location\\\": \\\"San Diego\\\",\\n  \\\"max_price\\\": 300,"
                + "\\n  \\\"features\\\": \\\"beachfront,free breakfast\\\"\\n}")), ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertMessage(out);
        JsonNode m = parse(out);
        assertThat(m.at("/content/0/id").asText()).isEqualTo("0123");
        assertThat(m.at("/content/0/input/location").asText()).isEqualTo("San Diego");
        assertThat(m.at("/content/0/input/max_price").asInt()).isEqualTo(300);
        assertThat(m.at("/content/0/input/features").asText()).isEqualTo("beachfront,free breakfast");
    }

    /**
     * UTILS "..._returns_empty_arguments_with_invalid_json_arguments" and
     * "..._with_non_dict_json_input": LlamaIndex runs the tool with no arguments when they are
     * not JSON ("INVALID JSON") or not an object ("null"). promptport keeps the text under
     * input._raw and names the call (README), so the tool's argument check fails visibly
     * instead of the tool running on arguments the model never gave.
     */
    @Test
    void argumentsThatAreNoObjectAreKeptAsRawAndNamed() {
        ReplyTranslation t = Replies.translate(chatReply(call("0123", "search", "INVALID JSON") + "," + call("0124", "search", "null")),
                ReplyFormat.OPENAI_CHAT, ReplyContext.NONE, null);
        assertMessage(t.json());
        JsonNode m = parse(t.json());
        assertThat(m.at("/content/0/input").toString()).isEqualTo("{\"_raw\":\"INVALID JSON\"}");
        assertThat(m.at("/content/1/input").toString()).isEqualTo("{\"_raw\":\"null\"}");
        assertThat(t.leftOut()).hasSize(2).allSatisfy(l -> assertThat(l).contains("_raw"));
    }

    private static final String REASONING_CONTENT = "{\"id\":\"1\",\"type\":\"reasoning\",\"summary\":[],\"content\":[{\"type\":\"reasoning_text\","
            + "\"text\":\"hello world\"},{\"type\":\"reasoning_text\",\"text\":\"this is a test\"}],\"encrypted_content\":null,\"status\":null}";

    /**
     * RESPONSES "test_process_response_event", reasoning part: a reasoning item with no summary
     * and two reasoning_text parts (as gpt-oss servers send) is a thinking block holding both,
     * apart, as two summary parts are joined (a blank line between; LlamaIndex puts a line
     * break). Before, the two ran together ("hello worldthis is a test").
     */
    @Test
    void twoReasoningTextPartsAreJoinedApart() {
        ReplyTranslation whole = Replies.translate("{\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"completed\",\"model\":\"gpt-oss-120b\","
                + "\"output\":[" + REASONING_CONTENT + ",{\"type\":\"message\",\"id\":\"123\",\"status\":\"completed\",\"role\":\"assistant\","
                + "\"content\":[{\"type\":\"output_text\",\"text\":\"Hello world\",\"annotations\":[]}]}],\"usage\":{\"input_tokens\":5,"
                + "\"output_tokens\":7,\"total_tokens\":12}}", ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE, null);
        assertMessage(whole.json());
        JsonNode m = parse(whole.json());
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("hello world\n\nthis is a test");
        assertThat(m.at("/content/1/text").asText()).isEqualTo("Hello world");

        List<String> out = StreamTranslator.translateAll(rev("response.output_item.done", 1, "\"output_index\":0,\"item\":" + REASONING_CONTENT)
                + rev("response.output_text.delta", 2, "\"item_id\":\"123\",\"output_index\":1,\"content_index\":0,\"delta\":\"Hello\",\"logprobs\":[]")
                + rev("response.completed", 3, "\"response\":{\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"completed\",\"model\":\"gpt-oss\","
                        + "\"output\":[],\"usage\":{\"input_tokens\":1,\"output_tokens\":1,\"total_tokens\":2}}"),
                ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        assertCompleteStream(out);
        assertThat(parse(replay(out)).at("/content/0/thinking").asText()).isEqualTo("hello world\n\nthis is a test");
    }

    /** The same two reasoning_text parts streamed piece by piece: the second part starts after a blank line, as when they come whole. */
    @Test
    void streamedReasoningTextPartsAreJoinedApart() {
        String at = "\"item_id\":\"rs_1\",\"output_index\":0,\"content_index\":";
        List<String> out = StreamTranslator.translateAll(rev("response.output_item.added", 1, "\"output_index\":0,\"item\":{\"id\":\"rs_1\","
                + "\"type\":\"reasoning\",\"summary\":[],\"content\":[]}")
                + rev("response.reasoning_text.delta", 2, at + "0,\"delta\":\"hello \"")
                + rev("response.reasoning_text.delta", 3, at + "0,\"delta\":\"world\"")
                + rev("response.reasoning_text.delta", 4, at + "1,\"delta\":\"this is a test\"")
                + rev("response.output_item.done", 5, "\"output_index\":0,\"item\":{\"id\":\"rs_1\",\"type\":\"reasoning\",\"summary\":[],\"content\":"
                        + "[{\"type\":\"reasoning_text\",\"text\":\"hello world\"},{\"type\":\"reasoning_text\",\"text\":\"this is a test\"}]}")
                + rev("response.output_item.added", 6, "\"output_index\":1,\"item\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[]}")
                + rev("response.output_text.delta", 7, "\"item_id\":\"msg_1\",\"output_index\":1,\"content_index\":0,\"delta\":\"Hi\",\"logprobs\":[]")
                + rev("response.completed", 8, "\"response\":{\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"completed\",\"model\":\"gpt-oss\","
                        + "\"output\":[],\"usage\":{\"input_tokens\":1,\"output_tokens\":1,\"total_tokens\":2}}"),
                ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        assertCompleteStream(out);
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("hello world\n\nthis is a test");
        assertThat(m.at("/content/1/text").asText()).isEqualTo("Hi");
    }

    /**
     * RESPONSES "test_process_response_event", text and function-call parts, and
     * "..._with_text_annotation": a text delta is text; a call whose one argument piece stops
     * short ({"arg": "value") and whose done event holds the finished arguments is one tool_use
     * with the call_id as its id and the done event's arguments, as LlamaIndex takes them (the
     * pieces are held until the call ends, so the finished arguments can still stand for them;
     * before, the short pieces were kept, under _raw); an annotation, which Claude's shape has
     * no place for (LlamaIndex keeps it aside), is named in leftOut().
     */
    @Test
    void textACallAndAnAnnotationFromStreamedEvents() {
        StreamTranslator st = new StreamTranslator(ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        List<String> out = new java.util.ArrayList<>(st.acceptAll(
                rev("response.output_text.delta", 1, "\"item_id\":\"123\",\"output_index\":0,\"content_index\":0,\"delta\":\"Hello\",\"logprobs\":[]")
                + rev("response.output_text.annotation.added", 2, "\"item_id\":\"123\",\"output_index\":0,\"content_index\":0,\"annotation_index\":0,"
                        + "\"annotation\":{\"type\":\"url_citation\",\"url\":\"https://example.com/a\",\"title\":\"A\",\"start_index\":0,\"end_index\":5}")
                + rev("response.output_item.added", 3, "\"output_index\":1,\"item\":{\"id\":\"call_123\",\"call_id\":\"123\",\"type\":\"function_call\","
                        + "\"name\":\"test_function\",\"arguments\":\"\",\"status\":\"in_progress\"}")
                + rev("response.function_call_arguments.delta", 4, "\"item_id\":\"call_123\",\"output_index\":1,\"delta\":\"{\\\"arg\\\": \\\"value\\\"\"")
                + rev("response.function_call_arguments.done", 5, "\"item_id\":\"call_123\",\"output_index\":1,\"name\":\"test_function\","
                        + "\"arguments\":\"{\\\"arg\\\": \\\"value\\\"}\"")
                + rev("response.completed", 6, "\"response\":{\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"completed\",\"model\":\"gpt-4o-mini\","
                        + "\"output\":[],\"usage\":{\"input_tokens\":1,\"output_tokens\":1,\"total_tokens\":2}}")));
        out.addAll(st.finish());
        assertCompleteStream(out);
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Hello");
        assertThat(m.at("/content/1/id").asText()).isEqualTo("123");
        assertThat(m.at("/content/1/name").asText()).isEqualTo("test_function");
        assertThat(m.at("/content/1/input").toString()).isEqualTo("{\"arg\":\"value\"}");
        assertThat(String.join("\n", st.leftOut())).contains("https://example.com/a");
    }
}
