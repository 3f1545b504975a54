package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.InputFormat;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Continue's cases for turning OpenAI Chat requests into other vendors' (continuedev/continue
 * {@code packages/openai-adapters/src/apis/Gemini.test.ts}, here GEMINI;
 * {@code packages/openai-adapters/src/test/anthropic-adapter.vitest.ts} and
 * {@code core/llm/llms/Anthropic.vitest.ts}, here ANTHROPIC; {@code core/llm/openaiTypeConverters.test.ts},
 * here RESPONSES). The OpenAI Chat messages are promptport's input as written; each result is
 * checked against the target's spec.
 */
class ContinueRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String FLASH = "gemini:gemini-2.5-flash";

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static Translation chat(String name, String messages, String more, String target) {
        return PEER.translate(name, "{\"model\":\"gpt-4o\",\"messages\":" + messages + more + "}", InputFormat.OPENAI_CHAT, target);
    }

    private static String call(String id, String name) {
        return "{\"id\":\"" + id + "\",\"type\":\"function\",\"function\":{\"name\":\"" + name + "\",\"arguments\":\"{}\"}}";
    }

    private static String tools(String... names) {
        List<String> t = new ArrayList<>();
        for (String n : names) {
            t.add("{\"type\":\"function\",\"function\":{\"name\":\"" + n + "\",\"parameters\":{\"type\":\"object\",\"properties\":{}}}}");
        }
        return ",\"tools\":[" + String.join(",", t) + "]";
    }

    private static List<String> roles(JsonNode contents) {
        List<String> r = new ArrayList<>();
        contents.forEach(c -> r.add(c.path("role").asText()));
        return r;
    }

    /** GEMINI "merges consecutive tool responses into a single user turn": both responses share one content. */
    @Test
    void twoToolMessagesAreOneContentOfFunctionResponses() {
        JsonNode contents = json(chat("two-responses", "[{\"role\":\"user\",\"content\":\"Use the tools\"},{\"role\":\"assistant\","
                + "\"content\":null,\"tool_calls\":[" + call("call_1", "tool_a") + "," + call("call_2", "tool_b") + "]},"
                + "{\"role\":\"tool\",\"content\":\"result_a\",\"tool_call_id\":\"call_1\"},{\"role\":\"tool\",\"content\":\"result_b\","
                + "\"tool_call_id\":\"call_2\"}]", tools("tool_a", "tool_b"), FLASH)).path("contents");
        assertThat(roles(contents)).containsExactly("user", "model", "user");
        assertThat(contents.at("/2/parts")).hasSize(2);
        assertThat(contents.at("/2/parts/0/functionResponse/name").asText()).isEqualTo("tool_a");
        assertThat(contents.at("/2/parts/1/functionResponse/name").asText()).isEqualTo("tool_b");
    }

    /**
     * GEMINI "merges tool responses with following user message": Continue puts the response and
     * the user's next text in one content. promptport gives the responses a content of their own
     * before the text (README: Gemini reads the content after a call as its responses, and
     * Vertex AI refuses one mixed with text), so there are four contents, not three.
     */
    @Test
    void aToolMessageAndTheNextUserMessageStayTwoContents() {
        JsonNode contents = json(chat("response-then-user", "[{\"role\":\"user\",\"content\":\"Use the tool\"},{\"role\":\"assistant\","
                + "\"content\":null,\"tool_calls\":[" + call("call_1", "tool_a") + "]},{\"role\":\"tool\",\"content\":\"result_a\","
                + "\"tool_call_id\":\"call_1\"},{\"role\":\"user\",\"content\":\"Now do something else\"}]", tools("tool_a"), FLASH)).path("contents");
        assertThat(roles(contents)).containsExactly("user", "model", "user", "user");
        assertThat(contents.at("/2/parts/0/functionResponse/name").asText()).isEqualTo("tool_a");
        assertThat(contents.at("/3/parts/0/text").asText()).isEqualTo("Now do something else");
    }

    /**
     * GEMINI "merges consecutive model messages": Continue makes the two assistant messages one
     * model content of two parts. To promptport a history that ends with an assistant message is
     * a prefill (the reply should go on from it): Gemini cannot continue a turn, so the last
     * message goes into a user turn asking it to start so (PP107), after the first as the model's.
     */
    @Test
    void twoAssistantMessagesAreOneModelContent() {
        Translation t = chat("two-model", "[{\"role\":\"user\",\"content\":\"Hello\"},{\"role\":\"assistant\",\"content\":"
                + "\"First response\"},{\"role\":\"assistant\",\"content\":\"Second response\"}]", "", FLASH);
        JsonNode contents = json(t).path("contents");
        assertThat(roles(contents)).containsExactly("user", "model", "user");
        assertThat(ids(t)).contains("PP107");
        assertThat(contents.at("/1/parts/0/text").asText()).isEqualTo("First response");
        assertThat(contents.at("/2").toString()).contains("Second response");
    }

    /** GEMINI "preserves already-alternating messages unchanged". */
    @Test
    void alternatingMessagesStayAsTheyAre() {
        JsonNode contents = json(chat("alternating", "[{\"role\":\"user\",\"content\":\"Hello\"},{\"role\":\"assistant\",\"content\":"
                + "\"Hi there\"},{\"role\":\"user\",\"content\":\"How are you?\"}]", "", FLASH)).path("contents");
        assertThat(roles(contents)).containsExactly("user", "model", "user");
        assertThat(contents.at("/2/parts/0/text").asText()).isEqualTo("How are you?");
    }

    /**
     * ANTHROPIC "chatCompletionStream with system message should convert correctly" and "should
     * handle system message": the system message is Claude's system prompt, the user's text its
     * only message. Continue adds cache_control to both; promptport adds no cache points the
     * request did not ask for.
     */
    @Test
    void theSystemMessageIsClaudesSystemPrompt() {
        JsonNode body = json(chat("system", "[{\"role\":\"system\",\"content\":\"You are a helpful assistant.\"},{\"role\":\"user\","
                + "\"content\":\"hello\"}],\"stream\":true", "", "anthropic:claude-sonnet-4-5"));
        assertThat(body.path("system").toString()).contains("You are a helpful assistant.");
        assertThat(body.path("messages")).hasSize(1);
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/0/content").toString()).contains("hello");
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.toString()).doesNotContain("cache_control");
    }

    /**
     * ANTHROPIC "should handle tool calls" and "should handle custom max tokens": a function tool
     * is Claude's tool with the parameters as input_schema; max_tokens 1000 stays; without one
     * Claude, which needs it, still gets a limit.
     */
    @Test
    void aFunctionToolIsClaudesToolAndMaxTokensStays() {
        String weather = ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"description\":\"Get the current weather\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"}},\"required\":[\"location\"]}}}]";
        JsonNode body = json(chat("tools", "[{\"role\":\"user\",\"content\":\"What's the weather in New York?\"}]", weather + ",\"max_tokens\":1000",
                "anthropic:claude-sonnet-4-5"));
        assertThat(body.at("/tools/0").toString()).isEqualTo("{\"name\":\"get_weather\",\"description\":\"Get the current weather\","
                + "\"input_schema\":{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"}},\"required\":[\"location\"]}}");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(1000);
        JsonNode plain = json(chat("no-max", "[{\"role\":\"user\",\"content\":\"hello\"}]", "", "anthropic:claude-sonnet-4-5"));
        assertThat(plain.path("max_tokens").asInt()).isPositive();
    }

    /**
     * RESPONSES "should emit text content alongside tool calls": an assistant message with text
     * and a call is an assistant message item and a function_call item with the call's id as
     * call_id.
     */
    @Test
    void textBesideACallIsAMessageAndAFunctionCall() {
        JsonNode input = json(chat("text-and-call", "[{\"role\":\"user\",\"content\":\"help\"},{\"role\":\"assistant\",\"content\":"
                + "\"Let me help you with that.\",\"tool_calls\":[" + call("call_xyz", "some_tool") + "]},{\"role\":\"tool\",\"content\":\"done\","
                + "\"tool_call_id\":\"call_xyz\"}]", tools("some_tool"), "openai-responses:gpt-4.1")).path("input");
        assertThat(input.toString()).contains("Let me help you with that.");
        JsonNode fc = null;
        for (JsonNode item : input) {
            if ("function_call".equals(item.path("type").asText())) {
                fc = item;
            }
        }
        assertThat(fc).isNotNull();
        assertThat(fc.path("call_id").asText()).isEqualTo("call_xyz");
        assertThat(fc.path("name").asText()).isEqualTo("some_tool");
        assertThat(input.toString()).contains("\"type\":\"function_call_output\",\"call_id\":\"call_xyz\"");
    }

    /**
     * RESPONSES "should remove function_call_output with no matching function_call": a tool
     * message whose call was pruned from the history. Continue drops it; promptport sends no
     * function_call_output the API would refuse, but keeps its text as the user's and names it
     * (PP204), so nothing the tool said is lost.
     */
    @Test
    void aToolMessageWithoutItsCallIsNoFunctionCallOutput() {
        Translation t = chat("orphan", "[{\"role\":\"user\",\"content\":\"Hello\"},{\"role\":\"tool\",\"content\":\"result data\","
                + "\"tool_call_id\":\"call_orphan\"},{\"role\":\"assistant\",\"content\":\"Here are the results.\"}]", "", "openai-responses:gpt-4.1");
        JsonNode input = json(t).path("input");
        assertThat(input.toString()).doesNotContain("function_call_output").contains("result data").contains("Here are the results.");
        assertThat(ids(t)).contains("PP204");
    }

    /**
     * RESPONSES "should handle more toolCalls than responsesOutputItemIds": three calls in one
     * assistant message are three function_call items, in order, each with its call_id.
     */
    @Test
    void threeCallsAreThreeFunctionCallsInOrder() {
        JsonNode input = json(chat("three-calls", "[{\"role\":\"user\",\"content\":\"go\"},{\"role\":\"assistant\",\"content\":\"\","
                + "\"tool_calls\":[" + call("call_001", "tool1") + "," + call("call_002", "tool2") + "," + call("call_003", "tool3") + "]},"
                + "{\"role\":\"tool\",\"content\":\"a\",\"tool_call_id\":\"call_001\"},{\"role\":\"tool\",\"content\":\"b\",\"tool_call_id\":\"call_002\"},"
                + "{\"role\":\"tool\",\"content\":\"c\",\"tool_call_id\":\"call_003\"}]", tools("tool1", "tool2", "tool3"), "openai-responses:gpt-4.1"))
                .path("input");
        List<String> calls = new ArrayList<>();
        input.forEach(i -> {
            if ("function_call".equals(i.path("type").asText())) {
                calls.add(i.path("call_id").asText());
            }
        });
        assertThat(calls).containsExactly("call_001", "call_002", "call_003");
    }

    /**
     * RESPONSES "should handle system message (converted to developer role)": Continue sends a
     * developer message; promptport sends the system text as the request's instructions, the
     * Responses API's own field for it.
     */
    @Test
    void theSystemMessageIsTheResponsesInstructions() {
        JsonNode body = json(chat("system-responses", "[{\"role\":\"system\",\"content\":\"You are a helpful assistant\"},{\"role\":\"user\","
                + "\"content\":\"Simple string\"},{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Array content\"}]}]", "",
                "openai-responses:gpt-4.1"));
        assertThat(body.path("instructions").asText()).contains("You are a helpful assistant");
        assertThat(body.path("input").toString()).contains("Simple string").contains("Array content");
    }

    // ------------------------------------------------------------------ openai-responses.vitest.ts

    /**
     * openai-adapters {@code openai-responses.vitest.ts} "maps assistant text content to
     * output_text" and "converts assistant structured content into output_text items": an
     * earlier assistant message, as a string or a list of text parts, is an assistant message
     * with its text. Continue writes output_text parts with made-up msg_ ids; promptport writes
     * the text as the message's content string (the input message form the API documents for
     * any role), which needs no id.
     */
    @Test
    void anAssistantMessageIsOutputText() {
        for (String content : new String[] {"\"Hello there!\"", "[{\"type\":\"text\",\"text\":\"Hello there!\"}]"}) {
            JsonNode input = json(chat("assistant-text", "[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":"
                    + content + "},{\"role\":\"user\",\"content\":\"And?\"}]", "", "openai-responses:gpt-4.1")).path("input");
            assertThat(input.at("/1/role").asText()).isEqualTo("assistant");
            assertThat(input.at("/1/content").asText()).isEqualTo("Hello there!");
        }
    }

    /**
     * The same file, "converts chat messages, multimodal content, and tool interactions": the
     * system text, an image by address with detail "auto", a call and its result. The system
     * text is the instructions (Continue: a developer message), the image an input_image keeping
     * the address, the call a function_call and the result its function_call_output. (Continue's
     * fixture answers call "fc_call_1" with "call_1"; here the result names its call.)
     */
    @Test
    void anImageACallAndItsResultAreResponsesItems() {
        JsonNode body = json(chat("multimodal-responses", "[{\"role\":\"system\",\"content\":\"Stay concise.\"},{\"role\":\"user\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"Look at this image\"},{\"type\":\"image_url\",\"image_url\":{\"url\":"
                + "\"https://example.com/cat.png\",\"detail\":\"auto\"}}]},{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":"
                + "[{\"id\":\"fc_call_1\",\"type\":\"function\",\"function\":{\"name\":\"searchDocs\",\"arguments\":"
                + "\"{\\\"query\\\":\\\"vitest expectations\\\"}\"}}]},{\"role\":\"tool\",\"tool_call_id\":\"fc_call_1\",\"content\":"
                + "\"Found 3 relevant documents.\"}]", tools("searchDocs"), "openai-responses:gpt-4.1"));
        assertThat(body.path("instructions").asText()).isEqualTo("Stay concise.");
        JsonNode input = body.path("input");
        assertThat(input.at("/0/content/1/type").asText()).isEqualTo("input_image");
        assertThat(input.at("/0/content/1/image_url").asText()).isEqualTo("https://example.com/cat.png");
        assertThat(input.at("/1/type").asText()).isEqualTo("function_call");
        assertThat(input.at("/1/call_id").asText()).isEqualTo("fc_call_1");
        assertThat(input.at("/1/arguments").asText()).isEqualTo("{\"query\":\"vitest expectations\"}");
        assertThat(input.at("/2/type").asText()).isEqualTo("function_call_output");
        assertThat(input.at("/2/output").toString()).contains("Found 3 relevant documents.");
    }

    /**
     * The same file, "omits function_call id when tool call id lacks fc_ prefix": a Chat call id
     * ("call_custom") is the call_id; it cannot be the item's id, which the Responses API wants
     * to start with "fc".
     */
    @Test
    void aChatCallIdIsTheCallIdNotTheItemId() {
        JsonNode input = json(chat("call-id", "[{\"role\":\"user\",\"content\":\"look up\"},{\"role\":\"assistant\",\"content\":\"\","
                + "\"tool_calls\":[" + call("call_custom", "lookup") + "]},{\"role\":\"tool\",\"tool_call_id\":\"call_custom\",\"content\":\"x\"}]",
                tools("lookup"), "openai-responses:gpt-4.1")).path("input");
        JsonNode fc = input.get(1);
        assertThat(fc.path("type").asText()).isEqualTo("function_call");
        assertThat(fc.path("call_id").asText()).isEqualTo("call_custom");
        assertThat(!fc.has("id") || fc.path("id").asText().startsWith("fc")).isTrue();
    }
}
