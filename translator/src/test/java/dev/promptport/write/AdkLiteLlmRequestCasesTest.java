package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.InputFormat;
import dev.promptport.PromptPortException;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.finding;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Google ADK's cases for sending Gemini-shaped requests to OpenAI-compatible models through
 * LiteLLM (google/adk-python {@code tests/unittests/models/test_litellm.py}:
 * function_declaration_test_cases, {@code _content_to_message_param}, {@code _get_content},
 * the system instruction and tool response cases). ADK converts its own LlmRequest; here each is
 * a Gemini request, translated for OpenAI Chat and checked against OpenAI's spec.
 */
class AdkLiteLlmRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String CHAT = "openai:gpt-4o";
    private static final String PROMPT = "{\"role\":\"user\",\"parts\":[{\"text\":\"Test prompt\"}]}";

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static Translation gemini(String name, String body) {
        return PEER.translate(name, body, InputFormat.GEMINI, CHAT);
    }

    private static JsonNode tool(String name, String declaration) {
        return json(gemini(name, "{\"contents\":[" + PROMPT + "],\"tools\":[{\"functionDeclarations\":[" + declaration + "]}]}")).at("/tools/0");
    }

    /** "simple_function": Gemini's upper-case types become JSON Schema's, nested objects and arrays kept. */
    @Test
    void aSimpleFunctionBecomesAChatTool() {
        JsonNode t = tool("simple", "{\"name\":\"test_function\",\"description\":\"Test function description\",\"parameters\":{\"type\":\"OBJECT\","
                + "\"properties\":{\"test_arg\":{\"type\":\"STRING\"},\"array_arg\":{\"type\":\"ARRAY\",\"items\":{\"type\":\"STRING\"}},\"nested_arg\":"
                + "{\"type\":\"OBJECT\",\"properties\":{\"nested_key1\":{\"type\":\"STRING\"},\"nested_key2\":{\"type\":\"STRING\"}}}}}}");
        assertThat(t.toString()).isEqualTo("{\"type\":\"function\",\"function\":{\"name\":\"test_function\",\"description\":\"Test function description\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{\"test_arg\":{\"type\":\"string\"},\"array_arg\":{\"type\":\"array\",\"items\":"
                + "{\"type\":\"string\"}},\"nested_arg\":{\"type\":\"object\",\"properties\":{\"nested_key1\":{\"type\":\"string\"},\"nested_key2\":"
                + "{\"type\":\"string\"}}}}}}}");
    }

    /** "no_description": ADK writes an empty description; promptport leaves the optional field out. */
    @Test
    void aFunctionWithoutADescriptionHasNone() {
        JsonNode fn = tool("no-description", "{\"name\":\"test_function_no_description\",\"parameters\":{\"type\":\"OBJECT\",\"properties\":"
                + "{\"test_arg\":{\"type\":\"STRING\"}}}}").path("function");
        assertThat(fn.has("description")).isFalse();
        assertThat(fn.path("parameters").toString()).isEqualTo("{\"type\":\"object\",\"properties\":{\"test_arg\":{\"type\":\"string\"}}}");
    }

    /** "empty_parameters": an object with no properties stays one. */
    @Test
    void emptyParametersStayAnEmptyObject() {
        assertThat(tool("empty-params", "{\"name\":\"test_function_empty_params\",\"parameters\":{\"type\":\"OBJECT\",\"properties\":{}}}")
                .at("/function/parameters").toString()).isEqualTo("{\"type\":\"object\",\"properties\":{}}");
    }

    /** "nested_array": an array of objects keeps its item schema. */
    @Test
    void aNestedArrayKeepsItsItemSchema() {
        assertThat(tool("nested-array", "{\"name\":\"test_function_nested_array\",\"parameters\":{\"type\":\"OBJECT\",\"properties\":{\"array_arg\":"
                + "{\"type\":\"ARRAY\",\"items\":{\"type\":\"OBJECT\",\"properties\":{\"nested_key\":{\"type\":\"STRING\"}}}}}}}")
                .at("/function/parameters/properties/array_arg").toString())
                .isEqualTo("{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"nested_key\":{\"type\":\"string\"}}}}");
    }

    /**
     * "test_generate_content_async_with_system_instruction": the instruction comes first. ADK
     * sends it as a developer message; promptport uses the role gpt-4o's table row names (system).
     */
    @Test
    void theSystemInstructionComesFirst() {
        JsonNode m = json(gemini("system", "{\"contents\":[" + PROMPT + "],\"systemInstruction\":{\"parts\":[{\"text\":\"Test system instruction\"}]}}"))
                .path("messages");
        assertThat(m.toString()).isEqualTo("[{\"role\":\"system\",\"content\":\"Test system instruction\"},{\"role\":\"user\",\"content\":\"Test prompt\"}]");
    }

    /**
     * "test_content_to_message_param_multi_part_function_response": two function responses are
     * two tool messages, each with its call's id and its response as JSON. ADK writes the
     * response object whole; promptport sends a lone "result" as its value and anything else as JSON.
     */
    @Test
    void twoFunctionResponsesAreTwoToolMessages() {
        JsonNode m = json(gemini("multi-response", "{\"contents\":[" + PROMPT + ",{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"id\":\"tool_call_1\","
                + "\"name\":\"function_one\",\"args\":{}}},{\"functionCall\":{\"id\":\"tool_call_2\",\"name\":\"function_two\",\"args\":{}}}]},"
                + "{\"role\":\"user\",\"parts\":[{\"functionResponse\":{\"id\":\"tool_call_1\",\"name\":\"function_one\",\"response\":{\"result\":\"result_one\"}}},"
                + "{\"functionResponse\":{\"id\":\"tool_call_2\",\"name\":\"function_two\",\"response\":{\"value\":123}}}]}]}")).path("messages");
        assertThat(m.get(2).toString()).isEqualTo("{\"role\":\"tool\",\"tool_call_id\":\"tool_call_1\",\"content\":\"result_one\"}");
        assertThat(m.get(3).path("tool_call_id").asText()).isEqualTo("tool_call_2");
        assertThat(m.get(3).path("content").asText()).isEqualTo("{\"value\":123}");
    }

    /**
     * "test_generate_content_async_with_tool_response": ADK's own role "tool" is no role the
     * Gemini API takes ("user" or "model"), so promptport refuses it, with the reason, as Gemini would.
     */
    @Test
    void aToolRoleContentIsRefusedAsGeminiRefusesIt() {
        assertThatThrownBy(() -> gemini("tool-role", "{\"contents\":[" + PROMPT + ",{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"name\":\"test_function\","
                + "\"args\":{}}}]},{\"role\":\"tool\",\"parts\":[{\"functionResponse\":{\"name\":\"test_function\",\"response\":{\"result\":\"test_result\"}}}]}]}"))
                .isInstanceOf(PromptPortException.class).hasMessageContaining("\"tool\"");
    }

    /** "test_content_to_message_param_function_call": text and a call are one assistant message; the arguments are JSON text. */
    @Test
    void textAndAFunctionCallAreOneAssistantMessage() {
        JsonNode assistant = json(gemini("function-call", "{\"contents\":[" + PROMPT + ",{\"role\":\"model\",\"parts\":[{\"text\":\"test response\"},"
                + "{\"functionCall\":{\"id\":\"test_tool_call_id\",\"name\":\"test_function\",\"args\":{\"test_arg\":\"test_value\"}}}]},{\"role\":\"user\","
                + "\"parts\":[{\"functionResponse\":{\"id\":\"test_tool_call_id\",\"name\":\"test_function\",\"response\":{\"result\":\"ok\"}}}]}]}"))
                .at("/messages/1");
        assertThat(assistant.path("content").asText()).isEqualTo("test response");
        assertThat(assistant.at("/tool_calls/0").toString()).isEqualTo("{\"id\":\"test_tool_call_id\",\"type\":\"function\",\"function\":"
                + "{\"name\":\"test_function\",\"arguments\":\"{\\\"test_arg\\\":\\\"test_value\\\"}\"}}");
    }

    /** "test_content_to_message_param_assistant_message" and "test_to_litellm_role": model is assistant; no role is user. */
    @Test
    void modelIsTheAssistantAndNoRoleIsTheUser() {
        JsonNode m = json(gemini("roles", "{\"contents\":[{\"parts\":[{\"text\":\"Test prompt\"}]},{\"role\":\"model\",\"parts\":[{\"text\":\"Test response\"}]},"
                + "{\"role\":\"user\",\"parts\":[{\"text\":\"more\"}]}]}")).path("messages");
        assertThat(m.toString()).isEqualTo("[{\"role\":\"user\",\"content\":\"Test prompt\"},{\"role\":\"assistant\",\"content\":\"Test response\"},"
                + "{\"role\":\"user\",\"content\":\"more\"}]");
    }

    /** "test_get_content_image": inline image bytes become a data URL image part. */
    @Test
    void inlineImageBytesAreADataUrl() {
        assertThat(json(gemini("image", "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"inlineData\":{\"mimeType\":\"image/png\",\"data\":"
                + "\"dGVzdF9pbWFnZV9kYXRh\"}},{\"text\":\"what?\"}]}]}")).at("/messages/0/content/0/image_url/url").asText())
                .isEqualTo("data:image/png;base64,dGVzdF9pbWFnZV9kYXRh");
    }

    /**
     * "test_get_content_video": ADK writes a video_url part, which LiteLLM passes on to models
     * that read video; OpenAI's Chat API has no video part, so promptport leaves it out and names it.
     */
    @Test
    void videoBytesAreLeftOutForChatAndNamed() {
        Translation t = gemini("video", "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"inlineData\":{\"mimeType\":\"video/mp4\",\"data\":"
                + "\"dGVzdF92aWRlb19kYXRh\"}},{\"text\":\"what?\"}]}]}");
        assertThat(json(t).at("/messages/0/content").asText()).isEqualTo("what?");
        assertThat(finding(t, "PP121").message()).contains("video/mp4");
    }
}
