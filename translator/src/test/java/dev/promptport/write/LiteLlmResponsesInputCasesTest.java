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
 * LiteLLM's cases for reading OpenAI Responses input as a conversation (BerriAI/litellm
 * {@code tests/test_litellm/responses/litellm_completion_transformation/}:
 * {@code test_function_call_output_adjacency.py}, {@code test_parallel_tool_call_merging.py},
 * {@code test_responses_mixed_content_function_call.py},
 * {@code test_function_call_output_normalization.py}, {@code test_system_message_hoisting.py},
 * {@code test_strip_empty_text_content_parts.py}, {@code test_tool_output_order_preserved_for_gemini.py}).
 * LiteLLM turns the input into Chat messages; here the same input, read as promptport's
 * Responses input, is translated for Chat, Claude and Gemini, each checked against the vendor's
 * spec.
 */
class LiteLlmResponsesInputCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String CHAT = "openai:gpt-4.1";
    private static final String CLAUDE = "anthropic:claude-sonnet-4-5";
    private static final String GEMINI = "gemini:gemini-2.5-flash";

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static Translation responses(String name, String target, String... items) {
        return PEER.translate(name + " " + target, "{\"model\":\"gpt-5\",\"input\":[" + String.join(",", items) + "],\"tools\":["
                + "{\"type\":\"function\",\"name\":\"exec_command\",\"parameters\":{\"type\":\"object\"}},{\"type\":\"function\",\"name\":\"get_weather\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}]}", InputFormat.OPENAI_RESPONSES, target);
    }

    private static String call(String id, String name, String args) {
        return "{\"type\":\"function_call\",\"call_id\":\"" + id + "\",\"name\":\"" + name + "\",\"arguments\":\"" + args.replace("\"", "\\\"") + "\"}";
    }

    private static String output(String id, String out) {
        return "{\"type\":\"function_call_output\",\"call_id\":\"" + id + "\",\"output\":\"" + out + "\"}";
    }

    private static String message(String role, String text) {
        return "{\"type\":\"message\",\"role\":\"" + role + "\",\"content\":\"" + text + "\"}";
    }

    private static final String WARNING = "Warning: apply_patch was requested via exec_command. Use the apply_patch tool instead of exec_command.";

    /**
     * adjacency "..._moves_output_adjacent_to_call_when_message_is_interleaved" (Codex's
     * apply_patch warning between a call and its output): the output answers the call right
     * after it on every target, and the warning follows it in the same user turn.
     */
    @Test
    void aMessageBetweenACallAndItsOutputComesAfterTheOutput() {
        String[] items = {message("user", "hello"), call("c1", "exec_command", "{}"), message("user", WARNING), output("c1", "ok")};
        JsonNode chat = json(responses("adjacency", CHAT, items)).path("messages");
        assertThat(chat.findValuesAsText("role")).containsExactly("user", "assistant", "tool", "user");
        assertThat(chat.at("/2/tool_call_id").asText()).isEqualTo("c1");
        assertThat(chat.at("/3/content").asText()).isEqualTo(WARNING);
        JsonNode claude = json(responses("adjacency", CLAUDE, items)).at("/messages/2/content");
        assertThat(claude.at("/0/type").asText()).isEqualTo("tool_result");
        assertThat(claude.at("/1/text").asText()).isEqualTo(WARNING);
        JsonNode gemini = json(responses("adjacency", GEMINI, items)).path("contents");
        assertThat(gemini.at("/2/parts/0/functionResponse/id").asText()).isEqualTo("c1");
        assertThat(gemini.at("/3/parts/0/text").asText()).isEqualTo(WARNING);
    }

    /**
     * adjacency "test_reorder_handles_multiple_interleaved_pairs": two calls with assistant text
     * between them and a user interruption before their outputs. The calls and the text are
     * one assistant turn; both outputs answer it at once; the interruption follows.
     */
    @Test
    void interleavedPairsAreOneTurnOfCallsThenTheirOutputsThenTheRest() {
        String[] items = {message("user", "go"), call("a", "exec_command", "{}"), message("assistant", "thinking..."),
            call("b", "exec_command", "{}"), message("user", "interrupt"), output("a", "ok"), output("b", "ok")};
        JsonNode chat = json(responses("interleaved", CHAT, items)).path("messages");
        assertThat(chat.findValuesAsText("role")).containsExactly("user", "assistant", "tool", "tool", "user");
        assertThat(chat.at("/1/content").asText()).isEqualTo("thinking...");
        assertThat(chat.at("/1/tool_calls").findValuesAsText("id")).containsExactly("a", "b");
        assertThat(chat.at("/4/content").asText()).isEqualTo("interrupt");
        JsonNode claude = json(responses("interleaved", CLAUDE, items)).at("/messages/2/content");
        assertThat(claude.findValuesAsText("tool_use_id")).containsExactly("a", "b");
        assertThat(claude.at("/2/text").asText()).isEqualTo("interrupt");
    }

    /**
     * parallel_tool_call_merging "..._merged_into_single_assistant_message" and
     * "..._with_outputs_produce_correct_structure": consecutive calls are one assistant message
     * with both tool_calls, answered by two tool messages; "test_non_consecutive_function_calls_not_merged":
     * calls with a user turn between them stay two assistant messages.
     */
    @Test
    void consecutiveCallsAreOneAssistantMessageAndCallsApartAreTwo() {
        JsonNode merged = json(responses("parallel", CHAT, message("user", "What's the weather in Paris and London?"),
                call("call_1", "get_weather", "{\"city\":\"Paris\"}"), call("call_2", "get_weather", "{\"city\":\"London\"}"),
                output("call_1", "sunny"), output("call_2", "rain"))).path("messages");
        assertThat(merged.findValuesAsText("role")).containsExactly("user", "assistant", "tool", "tool");
        assertThat(merged.at("/1/tool_calls")).hasSize(2);
        assertThat(merged.at("/1/tool_calls/1/function/arguments").asText()).isEqualTo("{\"city\":\"London\"}");
        JsonNode apart = json(responses("not-merged", CHAT, message("user", "hi"), call("call_1", "exec_command", "{}"), output("call_1", "a"),
                message("user", "now do this"), call("call_2", "exec_command", "{}"))).path("messages");
        assertThat(apart.findValuesAsText("role")).containsExactly("user", "assistant", "tool", "user", "assistant");
    }

    /**
     * mixed_content_function_call (LiteLLM #28978): some clients write a call as a part of the
     * assistant message that made it, instead of as an item. It is read as the call it stands
     * for (call_good), so its output still answers it, text kept beside it. Before, the part
     * was named as unknown (PP129) and its output sent as user text (PP204).
     */
    @Test
    void aCallWrittenInsideAnAssistantMessageIsStillTheCall() {
        String[] items = {message("user", "start"), "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"},{\"type\":\"function_call\","
                + "\"id\":\"call_good\",\"name\":\"exec_command\",\"arguments\":\"{}\"}]}", output("call_good", "result"),
            "{\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"continue\"}]}"};
        Translation chat = responses("mixed-content", CHAT, items);
        JsonNode m = json(chat).path("messages");
        assertThat(m.findValuesAsText("role")).containsExactly("user", "assistant", "tool", "user");
        assertThat(m.at("/1/content").asText()).isEqualTo("ok");
        assertThat(m.at("/1/tool_calls/0/id").asText()).isEqualTo("call_good");
        assertThat(m.at("/1/tool_calls/0/function/name").asText()).isEqualTo("exec_command");
        assertThat(m.at("/2/tool_call_id").asText()).isEqualTo("call_good");
        assertThat(ids(chat)).doesNotContain("PP129", "PP204");
        JsonNode claude = json(responses("mixed-content", CLAUDE, items)).path("messages");
        assertThat(claude.at("/1/content/1/id").asText()).isEqualTo("call_good");
        assertThat(claude.at("/2/content/0/tool_use_id").asText()).isEqualTo("call_good");
    }

    /**
     * output_normalization "..._list_input_text_is_converted_to_tool_string_content": an output
     * of two input_text parts is the tool message's text. LiteLLM runs them together ("hello
     * world"); promptport puts a blank line between them, as between any two text blocks it
     * joins, and Claude, which takes a list, keeps them as two blocks.
     */
    @Test
    void anOutputOfTextPartsIsTheToolMessagesText() {
        String[] items = {message("user", "go"), call("call_1", "exec_command", "{}"), "{\"type\":\"function_call_output\",\"call_id\":\"call_1\","
                + "\"output\":[{\"type\":\"input_text\",\"text\":\"hello\"},{\"type\":\"input_text\",\"text\":\" world\"}]}"};
        assertThat(json(responses("output-list", CHAT, items)).at("/messages/2/content").asText()).isEqualTo("hello\n\n world");
        JsonNode claude = json(responses("output-list", CLAUDE, items)).at("/messages/2/content/0/content");
        assertThat(claude.findValuesAsText("text")).containsExactly("hello", " world");
        assertThat(json(responses("output-string", CHAT, message("user", "go"), call("call_1", "exec_command", "{}"),
                output("call_1", "{\\\"ok\\\":true}"))).at("/messages/2/content").asText()).isEqualTo("{\"ok\":true}");
    }

    /**
     * system_message_hoisting "test_system_message_after_user_content_is_hoisted": LiteLLM moves a
     * system message from the middle of the input up into the first. promptport keeps it where
     * it stands for Chat, which takes a system message at any point (an instruction from there
     * on), after the instructions as the first system message.
     */
    @Test
    void aSystemMessageInTheMiddleKeepsItsPlaceForChat() {
        Translation t = PEER.translate("system-middle", "{\"model\":\"gpt-5\",\"instructions\":\"lead\",\"input\":[{\"role\":\"user\",\"content\":"
                + "\"first question\"},{\"role\":\"system\",\"content\":\"mid\"},{\"role\":\"user\",\"content\":\"second question\"}]}",
                InputFormat.OPENAI_RESPONSES, CHAT);
        JsonNode m = json(t).path("messages");
        assertThat(m.findValuesAsText("role")).containsExactly("system", "user", "system", "user");
        assertThat(m.at("/0/content").asText()).isEqualTo("lead");
        assertThat(m.at("/2/content").asText()).isEqualTo("mid");
    }

    /**
     * strip_empty_text_content_parts "test_non_text_parts_preserved": an empty input_text beside
     * an image and a question is dropped (named, PP133); the image and the question stay.
     */
    @Test
    void anEmptyTextPartIsDroppedAndTheRestKept() {
        Translation t = PEER.translate("empty-part", "{\"model\":\"gpt-5\",\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_text\","
                + "\"text\":\"\"},{\"type\":\"input_image\",\"image_url\":\"https://example.com/img.png\"},{\"type\":\"input_text\",\"text\":"
                + "\"What is this?\"}]}]}", InputFormat.OPENAI_RESPONSES, CHAT);
        JsonNode content = json(t).at("/messages/0/content");
        assertThat(content).hasSize(2);
        assertThat(content.at("/0/image_url/url").asText()).isEqualTo("https://example.com/img.png");
        assertThat(content.at("/1/text").asText()).isEqualTo("What is this?");
        assertThat(ids(t)).contains("PP133");
    }

    /**
     * tool_output_order_preserved_for_gemini: a call, its output, the assistant's "Done." and the
     * next question keep their order for Gemini, the output right after the call.
     */
    @Test
    void anOutputStaysRightAfterItsCallForGemini() {
        JsonNode contents = json(responses("output-order", GEMINI, message("user", "Call echo with 'hello'."),
                call("call_123", "exec_command", "{\"text\":\"hello\"}"), output("call_123", "{\\\"text\\\":\\\"hello\\\"}"),
                "{\"role\":\"assistant\",\"type\":\"message\",\"content\":[{\"type\":\"output_text\",\"text\":\"Done.\"}]}",
                message("user", "Now say hi."))).path("contents");
        assertThat(contents.findValuesAsText("role")).containsExactly("user", "model", "user", "model", "user");
        assertThat(contents.at("/1/parts/0/functionCall/id").asText()).isEqualTo("call_123");
        assertThat(contents.at("/2/parts/0/functionResponse/response/result").asText()).isEqualTo("{\"text\":\"hello\"}");
        assertThat(contents.at("/3/parts/0/text").asText()).isEqualTo("Done.");
    }
}
