package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.InputFormat;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LangChain's cases for writing requests (langchain-ai/langchain
 * {@code libs/partners/anthropic/tests/unit_tests/test_chat_models.py}, here ANTHROPIC, whose
 * {@code _format_messages} and {@code _merge_messages} turn OpenAI-style messages into Claude's;
 * and {@code libs/partners/openai/tests/unit_tests/chat_models/test_responses_stream.py}, here
 * RESPONSES, whose reply goes back as Responses input). LangChain's messages are read here as
 * promptport's OpenAI Chat input (or the Claude request that says the same) and translated for
 * Claude or Responses, each checked against the vendor's spec.
 */
class LangChainRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String CLAUDE = "anthropic:claude-sonnet-4-5";

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static Translation chat(String name, String messages, String tools) {
        return PEER.translate(name, "{\"model\":\"gpt-4o\",\"messages\":" + messages + (tools.isEmpty() ? "" : ",\"tools\":[" + tools + "]") + "}",
                InputFormat.OPENAI_CHAT, CLAUDE);
    }

    private static String function(String name) {
        return "{\"type\":\"function\",\"function\":{\"name\":\"" + name + "\",\"parameters\":{\"type\":\"object\"}}}";
    }

    private static String call(String id, String name, String args) {
        return "{\"id\":\"" + id + "\",\"type\":\"function\",\"function\":{\"name\":\"" + name + "\",\"arguments\":\"" + args.replace("\"", "\\\"") + "\"}}";
    }

    /**
     * ANTHROPIC "test__format_messages_normalizes_cross_provider_tool_call_ids" and
     * "..._normalizes_distinct_ids_independently": Kimi's ids ("functions.write_todos:0")
     * hold characters Claude refuses; each becomes one Claude takes, the same on the call and its
     * result, and two ids stay two.
     */
    @Test
    void foreignCallIdsAreRewrittenAlikeOnCallAndResultAndStayDistinct() {
        Translation t = chat("foreign-ids", "[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":["
                + call("functions.write_todos:0", "write_todos", "{\"todos\":[]}") + "," + call("functions.read_file:1", "read_file", "{}") + "]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"functions.write_todos:0\",\"content\":\"a\"},{\"role\":\"tool\",\"tool_call_id\":"
                + "\"functions.read_file:1\",\"content\":\"b\"}]", function("write_todos") + "," + function("read_file"));
        JsonNode messages = json(t).path("messages");
        String a = messages.at("/1/content/0/id").asText();
        String b = messages.at("/1/content/1/id").asText();
        assertThat(a).matches("[a-zA-Z0-9_-]+");
        assertThat(b).matches("[a-zA-Z0-9_-]+").isNotEqualTo(a);
        assertThat(messages.at("/2/content/0/tool_use_id").asText()).isEqualTo(a);
        assertThat(messages.at("/2/content/1/tool_use_id").asText()).isEqualTo(b);
        assertThat(messages.at("/1/content")).hasSize(2);
    }

    /**
     * ANTHROPIC "test__format_messages_with_tool_calls": the system message is Claude's system;
     * an assistant turn of "" or [] with a call is the tool_use alone; a tool message's image
     * (image_url data URL) is an image block inside the tool_result.
     */
    @Test
    void callsWithEmptyContentAreToolUsesAloneAndAResultImageIsAnImageBlock() {
        Translation t = chat("format-tool-calls", "[{\"role\":\"system\",\"content\":\"fuzz\"},{\"role\":\"user\",\"content\":\"foo\"},"
                + "{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[" + call("1", "bar", "{\"baz\":\"buzz\"}") + "]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"1\",\"content\":\"blurb\"},{\"role\":\"assistant\",\"content\":[],\"tool_calls\":["
                + call("2", "bar", "{\"baz\":\"buzz\"}") + "]},{\"role\":\"tool\",\"tool_call_id\":\"2\",\"content\":[{\"type\":\"image_url\","
                + "\"image_url\":{\"url\":\"data:image/jpeg;base64,/9j/4AAQ\"}}]}]", function("bar"));
        JsonNode body = json(t);
        assertThat(body.path("system").toString()).contains("fuzz");
        JsonNode messages = body.path("messages");
        assertThat(messages).hasSize(5);
        assertThat(messages.at("/1/content").toString()).isEqualTo("[{\"type\":\"tool_use\",\"id\":\"1\",\"name\":\"bar\",\"input\":{\"baz\":\"buzz\"}}]");
        assertThat(messages.at("/2/content/0/tool_use_id").asText()).isEqualTo("1");
        assertThat(messages.at("/3/content").toString()).isEqualTo("[{\"type\":\"tool_use\",\"id\":\"2\",\"name\":\"bar\",\"input\":{\"baz\":\"buzz\"}}]");
        assertThat(messages.at("/4/content/0/content/0").toString())
                .isEqualTo("{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/jpeg\",\"data\":\"/9j/4AAQ\"}}");
    }

    /**
     * ANTHROPIC "test__format_messages_with_tool_calls", empty AIMessage: an empty assistant turn
     * between two user turns is removed, and the user turns become one, as Claude wants turns to
     * alternate. LangChain keeps an empty assistant turn at the end; promptport drops that too
     * (named, PP133), as Claude refuses an empty text block and the request must end on the
     * user's turn to be answered.
     */
    @Test
    void anEmptyAssistantTurnIsRemoved() {
        Translation between = chat("empty-between", "[{\"role\":\"user\",\"content\":\"foo\"},{\"role\":\"assistant\",\"content\":\"\"},"
                + "{\"role\":\"user\",\"content\":\"foo\"}]", "");
        JsonNode messages = json(between).path("messages");
        assertThat(messages).hasSize(1);
        assertThat(messages.at("/0/role").asText()).isEqualTo("user");
        assertThat(messages.at("/0/content")).hasSize(2);
        Translation last = chat("empty-last", "[{\"role\":\"user\",\"content\":\"foo\"},{\"role\":\"assistant\",\"content\":\"\"}]", "");
        assertThat(json(last).path("messages")).hasSize(1);
        assertThat(ids(last)).contains("PP133");
    }

    /**
     * ANTHROPIC "test__merge_messages": three tool messages (text, an image, nothing) and the
     * user's next words are one user turn: the three results in order, then the text.
     */
    @Test
    void toolMessagesAndTheNextUserTextAreOneUserTurn() {
        Translation t = chat("merge-messages", "[{\"role\":\"system\",\"content\":\"foo\"},{\"role\":\"user\",\"content\":\"bar\"},{\"role\":\"assistant\","
                + "\"content\":\"baz\",\"tool_calls\":[" + call("1", "buz", "{\"a\":\"b\"}") + "," + call("2", "blah", "{\"a\":\"c\"}") + ","
                + call("3", "blah", "{\"a\":\"c\"}") + "]},{\"role\":\"tool\",\"tool_call_id\":\"1\",\"content\":\"buz output\"},{\"role\":\"tool\","
                + "\"tool_call_id\":\"2\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/jpeg;base64,/9j/4AAQ\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"3\",\"content\":[]},{\"role\":\"user\",\"content\":\"next thing\"}]", function("buz") + "," + function("blah"));
        JsonNode messages = json(t).path("messages");
        assertThat(messages).hasSize(3);
        JsonNode assistant = messages.at("/1/content");
        assertThat(assistant.at("/0/text").asText()).isEqualTo("baz");
        assertThat(assistant.findValuesAsText("id")).containsExactly("1", "2", "3");
        JsonNode user = messages.at("/2/content");
        assertThat(user).hasSize(4);
        assertThat(user.findValuesAsText("tool_use_id")).containsExactly("1", "2", "3");
        assertThat(user.at("/0/content").toString()).contains("buz output");
        assertThat(user.at("/1/content/0/type").asText()).isEqualTo("image");
        assertThat(user.at("/3").toString()).isEqualTo("{\"type\":\"text\",\"text\":\"next thing\"}");
    }

    /** ANTHROPIC "test_convert_to_anthropic_tool" (openai_function): an OpenAI function is Claude's tool with the same name, description and schema. */
    @Test
    void anOpenAiFunctionIsClaudesToolAsWritten() {
        String schema = "{\"type\":\"object\",\"properties\":{\"arg1\":{\"description\":\"foo\",\"type\":\"integer\"},\"arg2\":{\"description\":"
                + "\"one of 'bar', 'baz'\",\"enum\":[\"bar\",\"baz\"],\"type\":\"string\"}},\"required\":[\"arg1\",\"arg2\"]}";
        Translation t = chat("convert-tool", "[{\"role\":\"user\",\"content\":\"hi\"}]", "{\"type\":\"function\",\"function\":{\"name\":\"dummy_function\","
                + "\"description\":\"Dummy function.\",\"parameters\":" + schema + "}}");
        assertThat(json(t).path("tools").toString())
                .isEqualTo("[{\"name\":\"dummy_function\",\"description\":\"Dummy function.\",\"input_schema\":" + schema + "}]");
    }

    /**
     * RESPONSES test_responses_stream, its reconstruction half: the reply (two reasoning items,
     * each before a message of two text parts; promptport's reply side keeps each item's
     * encrypted reasoning in the thinking block's signature) goes back as Responses input in
     * the same order, each reasoning item with its id and encrypted content. The text parts of
     * one turn go as one assistant message each time.
     */
    @Test
    void reasoningAndMessagesGoBackToResponsesInTheirOrder() {
        Translation t = PEER.translate("responses-reconstruction", "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1000,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"test\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"reasoning block one\\n\\nanother reasoning block\","
                + "\"signature\":\"promptport:openai:rs_123:gAAAAB123\"},{\"type\":\"text\",\"text\":\"text block one\"},{\"type\":\"text\",\"text\":"
                + "\"another text block\"},{\"type\":\"thinking\",\"thinking\":\"more reasoning\\n\\nstill more reasoning\",\"signature\":"
                + "\"promptport:openai:rs_234:gAAAAB234\"},{\"type\":\"text\",\"text\":\"more\"},{\"type\":\"text\",\"text\":\"text\"}]},"
                + "{\"role\":\"user\",\"content\":\"next\"}]}", "openai-responses:o3");
        JsonNode input = json(t).path("input");
        assertThat(input).hasSize(6);
        assertThat(input.at("/1/type").asText()).isEqualTo("reasoning");
        assertThat(input.at("/1/id").asText()).isEqualTo("rs_123");
        assertThat(input.at("/1/encrypted_content").asText()).isEqualTo("gAAAAB123");
        assertThat(input.at("/2/role").asText()).isEqualTo("assistant");
        assertThat(input.at("/2/content").toString()).contains("text block one").contains("another text block");
        assertThat(input.at("/3/type").asText()).isEqualTo("reasoning");
        assertThat(input.at("/3/id").asText()).isEqualTo("rs_234");
        assertThat(input.at("/4/content").toString()).contains("more").contains("text");
        assertThat(input.at("/5/role").asText()).isEqualTo("user");
        assertThat(json(t).path("include").toString()).contains("reasoning.encrypted_content");
    }
}
