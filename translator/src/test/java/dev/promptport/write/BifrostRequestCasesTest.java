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
 * Bifrost's cases for its OpenAI Chat and Responses to Claude request converters
 * (maximhq/bifrost {@code core/providers/anthropic/*_test.go}) and its Claude (Anthropic ingress)
 * to Gemini converters ({@code core/providers/gemini/*_test.go}). Bifrost's tests call its
 * converters on its own structs; here each input is the request a client sends, translated by
 * promptport and checked against the target's spec (for Claude, with Anthropic's SDK).
 */
class BifrostRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String CLAUDE = "anthropic:claude-sonnet-4-5";

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static JsonNode inputSchema(String name, String parameters) {
        String req = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"tools\":[{\"type\":\"function\","
                + "\"function\":{\"name\":\"g\"" + parameters + "}}]}";
        return json(PEER.translate(name, req, InputFormat.OPENAI_CHAT, CLAUDE)).at("/tools/0/input_schema");
    }

    /**
     * typelesstoolschema_test.go TestConvertFunctionToolToAnthropic_TypelessRoot and
     * TestConvertBifrostToolsToAnthropic_InputSchemaObjectRoot: Claude requires the input schema's
     * root to be "type":"object"; a root with no type gets it, every other key kept. Bifrost also
     * adds "properties":{}, which Claude's InputSchema does not require.
     */
    @Test
    void aParametersRootWithNoTypeBecomesAnObjectSchema() {
        assertThat(inputSchema("absent", "").path("type").asText()).isEqualTo("object");
        assertThat(inputSchema("empty", ",\"parameters\":{}").path("type").asText()).isEqualTo("object");
        JsonNode described = inputSchema("description", ",\"parameters\":{\"description\":\"d\"}");
        assertThat(described.path("type").asText()).isEqualTo("object");
        assertThat(described.path("description").asText()).isEqualTo("d");
        JsonNode bare = inputSchema("bare", ",\"parameters\":{\"properties\":{\"a\":{\"type\":\"string\"}},\"required\":[\"a\"]}");
        assertThat(bare.path("type").asText()).isEqualTo("object");
        assertThat(bare.at("/properties/a/type").asText()).isEqualTo("string");
        assertThat(bare.at("/required/0").asText()).isEqualTo("a");
        JsonNode ref = inputSchema("ref", ",\"parameters\":{\"$ref\":\"#/$defs/A\",\"$defs\":{\"A\":{\"type\":\"object\","
                + "\"properties\":{\"a\":{\"type\":\"string\"}}}}}");
        assertThat(ref.path("type").asText()).isEqualTo("object");
        assertThat(ref.path("$ref").asText()).isEqualTo("#/$defs/A");
        JsonNode extra = inputSchema("extra", ",\"parameters\":{\"title\":\"T\",\"additionalProperties\":false,"
                + "\"properties\":{\"a\":{\"type\":\"string\"}},\"description\":\"d\"}");
        assertThat(extra.path("type").asText()).isEqualTo("object");
        assertThat(extra.path("title").asText()).isEqualTo("T");
        assertThat(extra.path("additionalProperties").asBoolean()).isFalse();
        JsonNode typed = inputSchema("typed", ",\"parameters\":{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},\"required\":[\"a\"]}");
        assertThat(typed.toString()).isEqualTo("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},\"required\":[\"a\"]}");
    }

    /**
     * The same file's root_anyOf case. Claude refuses a root anyOf beside the object type ("input_schema
     * does not support oneOf, allOf, or anyOf at the top level"), so promptport, as Bifrost does,
     * merges the branches into one object schema; it accepts inputs no branch did (both fields, or
     * neither), so the branches are named in its description and the loss in PP154.
     */
    @Test
    void aRootAnyOfBecomesOneObjectWhoseDescriptionNamesTheBranches() {
        JsonNode s = inputSchema("any-of", ",\"parameters\":{\"anyOf\":[{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},"
                + "\"required\":[\"a\"]},{\"type\":\"object\",\"properties\":{\"b\":{\"type\":\"integer\"}},\"required\":[\"b\"]}]}");
        assertThat(s.path("type").asText()).isEqualTo("object");
        assertThat(s.has("anyOf")).isFalse();
        assertThat(s.path("properties").path("a").path("type").asText()).isEqualTo("string");
        assertThat(s.path("properties").path("b").path("type").asText()).isEqualTo("integer");
        assertThat(s.has("required")).isFalse();
        assertThat(s.path("description").asText()).isEqualTo("Give at least one of: a; or b.");
    }

    /** The same file's root_type_not_object case: a root of another type is the caller's error, sent as written and named (PP143). */
    @Test
    void aRootOfAnotherTypeIsSentAsWrittenAndNamed() {
        String req = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"tools\":[{\"type\":\"function\","
                + "\"function\":{\"name\":\"g\",\"parameters\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}}]}";
        Translation t = dev.promptport.PromptPort.translate(req, InputFormat.OPENAI_CHAT, dev.promptport.Target.of(CLAUDE),
                dev.promptport.Options.DEFAULT);
        assertThat(json(t).at("/tools/0/input_schema/type").asText()).isEqualTo("array");
        assertThat(ids(t)).contains("PP143");
    }

    /**
     * orphantoolresult_test.go TestConvertBifrostMessages_OrphanToolResultBecomesUserText: a
     * function_call_output with no call before it (previous_response_id) becomes user text, which
     * promptport labels with the call's id and names (PP204); a matched pair stays a tool_use and
     * its tool_result.
     */
    @Test
    void anOrphanedCallOutputBecomesUserTextAndAMatchedOneStaysAResult() {
        String mixed = "{\"model\":\"gpt-4o\",\"input\":[{\"type\":\"message\",\"role\":\"user\",\"content\":\"What's the weather?\"},"
                + "{\"type\":\"function_call\",\"call_id\":\"call_match\",\"name\":\"get_weather\",\"arguments\":\"{\\\"location\\\":\\\"SF\\\"}\"},"
                + "{\"type\":\"function_call_output\",\"call_id\":\"call_match\",\"output\":\"Sunny, 72F\"},"
                + "{\"type\":\"function_call_output\",\"call_id\":\"toolu_orphan\",\"output\":\"Orphaned result\"}],"
                + "\"tools\":[{\"type\":\"function\",\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"}}}}]}";
        Translation t = PEER.translate("orphan-mixed", mixed, InputFormat.OPENAI_RESPONSES, CLAUDE);
        JsonNode messages = json(t).path("messages");
        assertThat(messages.at("/1/content/0/type").asText()).isEqualTo("tool_use");
        assertThat(messages.at("/1/content/0/id").asText()).isEqualTo("call_match");
        assertThat(messages.at("/2/content/0/type").asText()).isEqualTo("tool_result");
        assertThat(messages.at("/2/content/0/tool_use_id").asText()).isEqualTo("call_match");
        assertThat(messages.at("/2").toString()).doesNotContain("\"tool_use_id\":\"toolu_orphan\"").contains("Orphaned result");
        assertThat(ids(t)).contains("PP204");

        String only = "{\"model\":\"gpt-4o\",\"input\":[{\"type\":\"function_call_output\",\"call_id\":\"toolu_orphan\",\"output\":\"Sunny, 72F\"}]}";
        JsonNode alone = json(PEER.translate("orphan-only", only, InputFormat.OPENAI_RESPONSES, CLAUDE)).path("messages");
        assertThat(alone).hasSize(1);
        assertThat(alone.at("/0/role").asText()).isEqualTo("user");
        assertThat(alone.at("/0/content").toString()).contains("Sunny, 72F").doesNotContain("tool_result");
    }

    /**
     * toolinput_test.go TestConvertBifrostFunctionCallToAnthropicToolUse_Input: empty arguments
     * are an empty input. For malformed ones Bifrost sends {}; promptport keeps the text under
     * "_raw" and names it (PP223), so the model sees the call it made.
     */
    @Test
    void anEarlierCallsEmptyArgumentsAreAnEmptyInputAndBrokenOnesAreKept() {
        String req = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"id?\"},{\"role\":\"assistant\",\"tool_calls\":["
                + "{\"id\":\"toolu_a\",\"type\":\"function\",\"function\":{\"name\":\"get_workspace_id\",\"arguments\":\"{\\\"cmd\\\": \\\"not valid json\"}},"
                + "{\"id\":\"toolu_b\",\"type\":\"function\",\"function\":{\"name\":\"get_workspace_id\",\"arguments\":\"\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"toolu_a\",\"content\":\"1\"},{\"role\":\"tool\",\"tool_call_id\":\"toolu_b\",\"content\":\"2\"}],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_workspace_id\"}}]}";
        Translation t = PEER.translate("call-input", req, InputFormat.OPENAI_CHAT, CLAUDE);
        JsonNode calls = json(t).at("/messages/1/content");
        assertThat(calls.at("/0/input/_raw").asText()).isEqualTo("{\"cmd\": \"not valid json");
        assertThat(calls.at("/1/input").toString()).isEqualTo("{}");
        assertThat(ids(t)).contains("PP223");
    }

    /**
     * chat_test.go TestToAnthropicChatRequest_OpenAICompatibleFileIDUsesFileSource. Bifrost sends
     * OpenAI's file id to Claude as a file source; that id names a file in OpenAI's store, which
     * Claude cannot open, so promptport leaves the document out and names it (PP121).
     */
    @Test
    void anOpenAiFileIdIsNotSentToClaude() {
        String req = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Read the attached PDF.\"},"
                + "{\"type\":\"file\",\"file\":{\"file_id\":\"file_abc123\",\"filename\":\"tiny.pdf\",\"format\":\"application/pdf\"}}]}]}";
        Translation t = PEER.translate("file-id", req, InputFormat.OPENAI_CHAT, CLAUDE);
        assertThat(json(t).at("/messages/0/content")).hasSize(1);
        assertThat(json(t).at("/messages/0/content/0/text").asText()).isEqualTo("Read the attached PDF.");
        assertThat(ids(t)).contains("PP121");
    }

    /**
     * chat_test.go TestToAnthropicChatRequest_AssistantPrefillDropsTrailingWhitespaceWhenUsableTextExists:
     * a text part of whitespace alone in the closing assistant turn is dropped, as Claude refuses
     * it (PP133), and the rest of the prefill kept.
     */
    @Test
    void aWhitespaceTextPartOfThePrefillIsDropped() {
        String req = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Summarize this.\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Read this\"},{\"type\":\"text\",\"text\":\"   \"}]}]}";
        Translation t = PEER.translate("prefill-space", req, InputFormat.OPENAI_CHAT, CLAUDE);
        JsonNode last = json(t).at("/messages/1/content");
        assertThat(last).hasSize(1);
        assertThat(last.at("/0/text").asText()).isEqualTo("Read this");
        assertThat(ids(t)).contains("PP133");
    }

    private static final String GEMINI = "gemini:gemini-2.5-pro";

    /**
     * core/providers/gemini/uniontype_test.go: Gemini's type takes one value, so ["integer",
     * "null"] (either order, duplicates too) is INTEGER with nullable, and several types are an
     * anyOf; the plain property is untouched; every change is named (PP155). Bifrost folds null
     * into the anyOf as a NULL branch, promptport into nullable: both are Gemini's schema.
     */
    @Test
    void geminiGetsOneTypePerNodeForAUnionOfTypes() {
        String req = "{\"model\":\"m\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"run\"}],\"tools\":[{"
                + "\"name\":\"run_with_timeout\",\"description\":\"Run something with a timeout\",\"input_schema\":{\"type\":\"object\","
                + "\"properties\":{\"timeout_secs\":{\"type\":[\"integer\",\"null\"],\"description\":\"Timeout in seconds\"},"
                + "\"command\":{\"type\":\"string\",\"description\":\"Command to run\"},\"first_null\":{\"type\":[\"null\",\"string\"]},"
                + "\"twice\":{\"type\":[\"integer\",\"integer\",\"null\"]},\"either\":{\"type\":[\"integer\",\"string\"]},"
                + "\"either_or_null\":{\"type\":[\"integer\",\"string\",\"null\"]}},\"required\":[\"command\"]}}]}";
        Translation t = PEER.translate("union-types", req, GEMINI);
        JsonNode p = json(t).at("/tools/0/functionDeclarations/0/parameters/properties");
        assertThat(p.at("/timeout_secs/type").asText()).isEqualTo("INTEGER");
        assertThat(p.at("/timeout_secs/nullable").asBoolean()).isTrue();
        assertThat(p.at("/command/type").asText()).isEqualTo("STRING");
        assertThat(p.path("command").has("nullable")).isFalse();
        assertThat(p.at("/first_null/type").asText()).isEqualTo("STRING");
        assertThat(p.at("/first_null/nullable").asBoolean()).isTrue();
        assertThat(p.at("/twice/type").asText()).isEqualTo("INTEGER");
        assertThat(p.path("twice").has("anyOf")).isFalse();
        assertThat(p.at("/either/anyOf").findValuesAsText("type")).containsExactly("INTEGER", "STRING");
        assertThat(p.at("/either_or_null/anyOf").findValuesAsText("type")).containsExactly("INTEGER", "STRING");
        assertThat(p.at("/either_or_null/nullable").asBoolean()).isTrue();
        assertThat(ids(t)).contains("PP155");
    }

    /**
     * core/providers/gemini/emptytextparts_test.go: Gemini refuses an empty text part and a
     * content or system instruction with no parts, so empty texts are dropped (PP133), a turn left
     * with nothing goes, an empty system prompt sends no systemInstruction, and a call and its
     * result beside an empty text are kept.
     */
    @Test
    void geminiGetsNoEmptyTextPartsContentsOrSystemInstruction() {
        String empty = "{\"model\":\"m\",\"max_tokens\":1024,\"system\":\"\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},"
                + "{\"role\":\"assistant\",\"content\":\"\"},{\"role\":\"user\",\"content\":\"are you there?\"}]}";
        Translation t = PEER.translate("empty-turn", empty, GEMINI);
        assertThat(json(t).has("systemInstruction")).isFalse();
        assertThat(t.json()).doesNotContain("{}").doesNotContain("\"text\":\"\"");
        assertThat(json(t).path("contents").findValuesAsText("role")).doesNotContain("model");
        assertThat(t.json()).contains("hi").contains("are you there?");
        assertThat(ids(t)).contains("PP133");

        String call = "{\"model\":\"m\",\"max_tokens\":1024,\"system\":[{\"type\":\"text\",\"text\":\"\"},{\"type\":\"text\",\"text\":\"be terse\"}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"list files\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"\"},"
                + "{\"type\":\"tool_use\",\"id\":\"c1\",\"name\":\"bash\",\"input\":{\"command\":\"ls\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"c1\",\"content\":\"a.txt\"}]}],"
                + "\"tools\":[{\"name\":\"bash\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"command\":{\"type\":\"string\"}}}}]}";
        JsonNode body = json(PEER.translate("empty-beside-call", call, GEMINI));
        assertThat(body.at("/systemInstruction/parts")).hasSize(1);
        assertThat(body.at("/systemInstruction/parts/0/text").asText()).isEqualTo("be terse");
        assertThat(body.path("contents").findValuesAsText("role")).containsExactly("user", "model", "user");
        assertThat(body.at("/contents/1/parts/0/functionCall/name").asText()).isEqualTo("bash");
        assertThat(body.at("/contents/2/parts/0/functionResponse/name").asText()).isEqualTo("bash");
    }

    /** core/providers/gemini/stopsequences_test.go: Claude's stop_sequences reach generationConfig.stopSequences. */
    @Test
    void stopSequencesReachGemini() {
        String req = "{\"model\":\"gemini-2.5-pro\",\"max_tokens\":1024,\"stop_sequences\":[\"5\",\"END\"],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Count to ten.\"}]}";
        JsonNode body = json(PEER.translate("stop-sequences", req, GEMINI));
        assertThat(body.at("/generationConfig/stopSequences").toString()).isEqualTo("[\"5\",\"END\"]");
        assertThat(body.has("stop")).isFalse();
    }

    /**
     * core/providers/gemini/toolschemaless_and_responseorder_test.go. A Claude tool with no
     * input_schema is refused, as Claude refuses it (Anthropic's Tool requires input_schema);
     * Bifrost declares it without parameters. The results of parallel calls go in the order of
     * the calls, each with its call's id: the Gemini API pairs them by id, and Vertex AI and
     * Google's Antigravity by place (Bifrost reorders them for Vertex; Genkit always).
     */
    @Test
    void aToolWithNoSchemaIsRefusedAndParallelResultsFollowTheirCallsWithTheirIds() {
        String schemaless = "{\"model\":\"m\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"time?\"}],"
                + "\"tools\":[{\"name\":\"get_time\",\"description\":\"Returns the current time\"}]}";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.promptport.PromptPort.translate(schemaless, dev.promptport.Target.of(GEMINI)))
                .isInstanceOf(dev.promptport.PromptPortException.class).hasMessageContaining("input_schema");
        String req = "{\"model\":\"m\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"read\"},{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"tool_use\",\"id\":\"a\",\"name\":\"read_file\",\"input\":{}},{\"type\":\"tool_use\",\"id\":\"b\",\"name\":\"read_file\",\"input\":{}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"b\",\"content\":\"result b\"},"
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"a\",\"content\":\"result a\"}]}],"
                + "\"tools\":[{\"name\":\"read_file\",\"input_schema\":{\"type\":\"object\",\"properties\":{}}}]}";
        JsonNode results = json(PEER.translate("result-order", req, GEMINI)).at("/contents/2/parts");
        assertThat(results.at("/0/functionResponse/id").asText()).isEqualTo("a");
        assertThat(results.at("/0/functionResponse/response/result").asText()).isEqualTo("result a");
        assertThat(results.at("/1/functionResponse/id").asText()).isEqualTo("b");
    }
}
