package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.InputFormat;
import dev.promptport.Options;
import dev.promptport.PromptPort;
import dev.promptport.Target;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * llm-gemini's cases for writing Gemini requests (simonw/llm-gemini {@code tests/test_gemini.py}:
 * {@code test_thinking_level_in_request_body}, {@code test_thought_summaries_in_request_by_default},
 * {@code test_thought_summaries_not_in_request_when_reasoning_hidden},
 * {@code test_gemini_25_flash_has_thinking_budget_not_level}, {@code test_build_messages_replays_stateless_history},
 * {@code test_cleanup_schema}, {@code test_cleanup_schema_with_refs}, {@code test_recursive_schema_raises_error},
 * {@code test_server_side_tool_request_specs_and_config}, {@code test_pre_gemini_3_rejects_mixed_function_and_server_side_tools});
 * and the request bodies llm-gemini recorded in {@code tests/cassettes/test_gemini/} ({@code test_tools.yaml},
 * {@code test_tools_with_gemini_3_thought_signatures.yaml}, {@code test_prompt_with_pydantic_schema.yaml},
 * {@code test_nested_model_optional.yaml}), which are real Gemini requests in Google's snake_case
 * spelling, read here as promptport's Gemini input and translated for Claude, OpenAI and Gemini.
 * llm-gemini builds its bodies from its own prompt objects; here each is the Claude request that
 * says the same, every body checked against its vendor's spec.
 *
 * <p>Left out, as promptport gets them wrong (see the report of this branch):
 * {@code test_gemini_3_combines_function_and_server_side_tools} (Gemini 3 takes Google Search
 * beside function declarations; promptport leaves the search out, and the stored Gemini spec
 * has no {@code includeServerSideToolInvocations} to check such a body against).
 */
class LlmGeminiRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String CLAUDE = "anthropic:claude-sonnet-4-5";
    private static final String GPT = "openai:gpt-4o";
    private static final String FLASH_20 = "gemini:gemini-2.0-flash";
    private static final String FLASH_25 = "gemini:gemini-2.5-flash";
    private static final String FLASH_3 = "gemini:gemini-3-flash-preview";

    private static final String SAFETY = "\"safetySettings\":[{\"category\":\"HARM_CATEGORY_DANGEROUS_CONTENT\",\"threshold\":\"BLOCK_NONE\"},"
            + "{\"category\":\"HARM_CATEGORY_SEXUALLY_EXPLICIT\",\"threshold\":\"BLOCK_NONE\"},{\"category\":\"HARM_CATEGORY_HATE_SPEECH\",\"threshold\":\"BLOCK_NONE\"},"
            + "{\"category\":\"HARM_CATEGORY_HARASSMENT\",\"threshold\":\"BLOCK_NONE\"}]";

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    /**
     * test_native_server_tool_parts_replay_verbatim: a Gemini history holding the URL-context call
     * Gemini ran itself and its response goes back to Gemini 3 as it came, the call with its own
     * signature and no empty thought part carrying a second copy; the request's
     * includeServerSideToolInvocations, which the stored spec does not describe, is named (PP115).
     */
    @Test
    void serverRunToolPartsGoBackToGeminiAsTheyCame() {
        String req = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Summarize https://example.com/\"}]},"
                + "{\"role\":\"model\",\"parts\":[{\"thoughtSignature\":\"signature-123\",\"toolCall\":{\"toolType\":\"URL_CONTEXT\","
                + "\"args\":{\"urls\":[\"https://example.com/\"]},\"id\":\"url-123\"}},{\"toolResponse\":{\"toolType\":\"URL_CONTEXT\","
                + "\"response\":{\"url\":\"https://example.com/\",\"status\":\"OK\"},\"id\":\"url-123\"}},{\"text\":\"It is an example page.\"}]},"
                + "{\"role\":\"user\",\"parts\":[{\"text\":\"Thanks. And again?\"}]}],\"tools\":[{\"urlContext\":{}}],"
                + "\"toolConfig\":{\"includeServerSideToolInvocations\":true}}";
        Translation t = PromptPort.translate(req, InputFormat.GEMINI, Target.of(FLASH_3), Options.DEFAULT);
        JsonNode parts = json(t).at("/contents/1/parts");
        assertThat(parts).hasSize(3);
        assertThat(parts.get(0).path("thoughtSignature").asText()).isEqualTo("signature-123");
        assertThat(parts.get(0).at("/toolCall/id").asText()).isEqualTo("url-123");
        assertThat(parts.get(1).at("/toolResponse/id").asText()).isEqualTo("url-123");
        assertThat(parts.get(2).path("text").asText()).isEqualTo("It is an example page.");
        assertThat(t.findings()).extracting(f -> f.id()).contains("PP115");
    }

    private static Translation unchecked(String request, String target) {
        return PromptPort.translate(request, InputFormat.ANTHROPIC, Target.of(target), Options.DEFAULT);
    }

    private static List<JsonNode> blocks(JsonNode messages, String type) {
        return messages.findParents("type").stream().filter(b -> b.path("type").asText().equals(type)).toList();
    }

    /**
     * test_tools.yaml, third request: llm-gemini's history after two calls, in snake_case
     * ({@code function_call}, {@code function_response}), each call answered by its id, and a
     * declaration whose description is null. For Claude both calls and results keep their ids
     * and order, the outputs are in the results, and the tool has no description rather than a
     * null one; the Chat body has the same pairs.
     */
    @Test
    void aRecordedSnakeCaseHistoryKeepsEachCallWithItsResult() {
        String req = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Two names for a pet pelican\"}]},"
                + "{\"role\":\"model\",\"parts\":[{\"function_call\":{\"name\":\"pelican_name_generator\",\"args\":{},\"id\":\"call_27db36357f594e73b557ec8f70da9e87\"},"
                + "\"thoughtSignature\":\"ClgBEU0yD8z3tYzbgjZ1jc6l\"}]},"
                + "{\"role\":\"user\",\"parts\":[{\"function_response\":{\"name\":\"pelican_name_generator\",\"response\":{\"output\":\"Charles\"},"
                + "\"id\":\"call_27db36357f594e73b557ec8f70da9e87\"}}]},"
                + "{\"role\":\"model\",\"parts\":[{\"function_call\":{\"name\":\"pelican_name_generator\",\"args\":{},\"id\":\"call_97666b91d4c14f44b94ab69dded4ab10\"}}]},"
                + "{\"role\":\"user\",\"parts\":[{\"function_response\":{\"name\":\"pelican_name_generator\",\"response\":{\"output\":\"Sammy\"},"
                + "\"id\":\"call_97666b91d4c14f44b94ab69dded4ab10\"}}]}]," + SAFETY + ","
                + "\"tools\":[{\"functionDeclarations\":[{\"name\":\"pelican_name_generator\",\"description\":null,\"parameters\":{\"properties\":{},\"type\":\"object\"}}]}],"
                + "\"generationConfig\":{\"thinkingConfig\":{\"includeThoughts\":true}}}";
        Translation claude = PEER.translate("tools-history-claude", req, InputFormat.GEMINI, CLAUDE);
        JsonNode body = json(claude);
        assertThat(blocks(body.path("messages"), "tool_use").stream().map(b -> b.path("id").asText()))
                .containsExactly("call_27db36357f594e73b557ec8f70da9e87", "call_97666b91d4c14f44b94ab69dded4ab10");
        List<JsonNode> results = blocks(body.path("messages"), "tool_result");
        assertThat(results.stream().map(b -> b.path("tool_use_id").asText()))
                .containsExactly("call_27db36357f594e73b557ec8f70da9e87", "call_97666b91d4c14f44b94ab69dded4ab10");
        assertThat(results.get(0).toString()).contains("Charles");
        assertThat(results.get(1).toString()).contains("Sammy");
        assertThat(body.at("/tools/0/name").asText()).isEqualTo("pelican_name_generator");
        assertThat(body.at("/tools/0").has("description")).isFalse();
        assertThat(ids(claude)).contains("PP110");
        JsonNode chat = json(PEER.translate("tools-history-chat", req, InputFormat.GEMINI, GPT)).path("messages");
        assertThat(chat.findValuesAsText("role")).containsExactly("user", "assistant", "tool", "assistant", "tool");
        assertThat(chat.at("/2/tool_call_id").asText()).isEqualTo("call_27db36357f594e73b557ec8f70da9e87");
        assertThat(chat.at("/2/content").asText()).contains("Charles");
        assertThat(chat.at("/4/content").asText()).contains("Sammy");
    }

    /**
     * test_tools_with_gemini_3_thought_signatures.yaml, second request: the call Gemini 3 made
     * (no id, after an empty text part) goes back to Gemini 3 with its own signature on the
     * functionCall, not the placeholder, and the empty text part is not sent; for Claude the
     * signature is left out and named, the call and result still paired.
     */
    @Test
    void aRecordedGemini3CallGoesBackWithItsOwnSignature() {
        String req = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"What is 5 times 3?\"}]},"
                + "{\"role\":\"model\",\"parts\":[{\"text\":\"\"},{\"function_call\":{\"name\":\"multiply\",\"args\":{\"y\":3,\"x\":5}},"
                + "\"thoughtSignature\":\"Et0BCtoBAXLI2nwMB4mo\"}]},"
                + "{\"role\":\"user\",\"parts\":[{\"function_response\":{\"name\":\"multiply\",\"response\":{\"output\":\"15\"}}}]}]," + SAFETY + ","
                + "\"tools\":[{\"functionDeclarations\":[{\"name\":\"multiply\",\"description\":\"Multiply two numbers.\",\"parameters\":{\"properties\":"
                + "{\"x\":{\"type\":\"integer\"},\"y\":{\"type\":\"integer\"}},\"required\":[\"x\",\"y\"],\"type\":\"object\"}}]}]}";
        JsonNode gemini = json(PEER.translate("g3-signature", req, InputFormat.GEMINI, FLASH_3));
        JsonNode model = gemini.at("/contents/1/parts");
        assertThat(model).hasSize(1);
        assertThat(model.at("/0/thoughtSignature").asText()).isEqualTo("Et0BCtoBAXLI2nwMB4mo");
        assertThat(model.at("/0/functionCall/name").asText()).isEqualTo("multiply");
        assertThat(model.at("/0/functionCall/args/x").asInt()).isEqualTo(5);
        assertThat(gemini.at("/contents/2/parts/0/functionResponse/name").asText()).isEqualTo("multiply");
        assertThat(gemini.at("/contents/2/parts/0/functionResponse/response").toString()).contains("15");
        Translation claude = PEER.translate("g3-signature-claude", req, InputFormat.GEMINI, CLAUDE);
        JsonNode body = json(claude);
        assertThat(body.toString()).doesNotContain("Et0BCtoBAXLI2nwMB4mo");
        JsonNode call = blocks(body.path("messages"), "tool_use").get(0);
        assertThat(blocks(body.path("messages"), "tool_result").get(0).path("tool_use_id").asText()).isEqualTo(call.path("id").asText());
        assertThat(ids(claude)).contains("PP110");
    }

    /**
     * test_prompt_with_pydantic_schema.yaml and test_nested_model_optional.yaml: a reply schema
     * in snake_case ({@code response_mime_type}, {@code response_schema}) is the reply schema for
     * OpenAI and Claude, with its fields, the required list and the optional employer's null
     * alternative.
     */
    @Test
    void aRecordedSnakeCaseReplySchemaIsTheReplySchemaElsewhere() {
        String dog = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Invent a cool dog\"}]}]," + SAFETY + ","
                + "\"generationConfig\":{\"response_mime_type\":\"application/json\",\"response_schema\":{\"properties\":{\"name\":{\"title\":\"Name\",\"type\":\"string\"},"
                + "\"age\":{\"title\":\"Age\",\"type\":\"integer\"},\"bio\":{\"title\":\"Bio\",\"type\":\"string\"}},\"required\":[\"name\",\"age\",\"bio\"],"
                + "\"type\":\"object\"},\"thinkingConfig\":{\"includeThoughts\":true}}}";
        JsonNode chat = json(PEER.translate("dog-chat", dog, InputFormat.GEMINI, GPT));
        assertThat(chat.at("/response_format/type").asText()).isEqualTo("json_schema");
        JsonNode schema = chat.at("/response_format/json_schema/schema");
        assertThat(schema.at("/properties/age/type").asText()).isEqualTo("integer");
        assertThat(schema.path("required").toString()).isEqualTo("[\"name\",\"age\",\"bio\"]");
        JsonNode claude = json(PEER.translate("dog-claude", dog, InputFormat.GEMINI, CLAUDE));
        assertThat(claude.at("/output_config/format/type").asText()).isEqualTo("json_schema");
        assertThat(claude.at("/output_config/format/schema/properties/bio/type").asText()).isEqualTo("string");
        String person = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Create a person named Bob who works at TechCorp\"}]}],"
                + "\"generationConfig\":{\"response_mime_type\":\"application/json\",\"response_schema\":{\"properties\":{\"name\":{\"title\":\"Name\",\"type\":\"string\"},"
                + "\"employer\":{\"anyOf\":[{\"properties\":{\"company_name\":{\"title\":\"Company Name\",\"type\":\"string\"}},\"required\":[\"company_name\"],"
                + "\"title\":\"Company\",\"type\":\"object\"},{\"type\":\"null\"}]}},\"required\":[\"name\",\"employer\"],\"type\":\"object\"}}}";
        JsonNode employer = json(PEER.translate("person-chat", person, InputFormat.GEMINI, GPT)).at("/response_format/json_schema/schema/properties/employer");
        assertThat(employer.toString()).contains("company_name").contains("\"null\"");
    }

    /**
     * test_thinking_level_in_request_body and test_thought_summaries_in_request_by_default: Claude's
     * thinking for Gemini 3 Flash is a thinkingLevel, with includeThoughts so the thoughts come
     * back; test_thought_summaries_not_in_request_when_reasoning_hidden: with the thinking's
     * display omitted, no includeThoughts. The stored Gemini spec predates thinkingLevel (the
     * validator warns that it is documented for the live API only), so these two bodies are
     * translated without the spec check.
     */
    @Test
    void thinkingForGemini3IsALevelWithTheThoughtsAskedForUnlessHidden() {
        JsonNode shown = json(unchecked("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":24000,\"thinking\":{\"type\":\"enabled\","
                + "\"budget_tokens\":20000},\"messages\":[{\"role\":\"user\",\"content\":\"test\"}]}", FLASH_3));
        JsonNode config = shown.at("/generationConfig/thinkingConfig");
        assertThat(config.path("thinkingLevel").asText()).isEqualTo("high");
        assertThat(config.path("includeThoughts").asBoolean()).isTrue();
        assertThat(config.has("thinkingBudget")).isFalse();
        JsonNode hidden = json(unchecked("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":6000,\"thinking\":{\"type\":\"enabled\","
                + "\"budget_tokens\":4000,\"display\":\"omitted\"},\"messages\":[{\"role\":\"user\",\"content\":\"test\"}]}", FLASH_3));
        assertThat(hidden.at("/generationConfig/thinkingConfig").has("includeThoughts")).isFalse();
        assertThat(hidden.at("/generationConfig/thinkingConfig/thinkingLevel").asText()).isNotEmpty();
    }

    /** test_gemini_25_flash_has_thinking_budget_not_level: for Gemini 2.5 Flash the same thinking is a budget, never a level. */
    @Test
    void thinkingForGemini25IsABudgetNotALevel() {
        JsonNode body = json(PEER.translate("g25-thinking", "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":24000,\"thinking\":{\"type\":\"enabled\","
                + "\"budget_tokens\":20000},\"messages\":[{\"role\":\"user\",\"content\":\"test\"}]}", FLASH_25));
        JsonNode config = body.at("/generationConfig/thinkingConfig");
        assertThat(config.path("thinkingBudget").asInt()).isEqualTo(20000);
        assertThat(config.has("thinkingLevel")).isFalse();
        assertThat(config.path("includeThoughts").asBoolean()).isTrue();
    }

    /**
     * test_build_messages_replays_stateless_history: an earlier question, its answer and the next
     * question are three contents, user, model, user, each one text part as written.
     */
    @Test
    void aStatelessHistoryIsUserModelUserTurns() {
        JsonNode contents = json(PEER.translate("history", "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":500,\"messages\":["
                + "{\"role\":\"user\",\"content\":\"How many products in Germany?\"},{\"role\":\"assistant\",\"content\":\"2,100 products.\"},"
                + "{\"role\":\"user\",\"content\":\"What was my first question?\"}]}", FLASH_25)).path("contents");
        assertThat(contents).hasSize(3);
        assertThat(contents.get(0).toString()).isEqualTo("{\"role\":\"user\",\"parts\":[{\"text\":\"How many products in Germany?\"}]}");
        assertThat(contents.get(1).toString()).isEqualTo("{\"role\":\"model\",\"parts\":[{\"text\":\"2,100 products.\"}]}");
        assertThat(contents.get(2).toString()).isEqualTo("{\"role\":\"user\",\"parts\":[{\"text\":\"What was my first question?\"}]}");
    }

    private static final String CUSTOMER = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":2000,\"messages\":[{\"role\":\"user\",\"content\":\"Add a customer\"}],"
            + "\"tools\":[{\"name\":\"add_customer\",\"input_schema\":{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"title\":\"Customer\","
            + "\"additionalProperties\":false,\"type\":\"object\",\"properties\":{\"name\":{\"title\":\"Name\",\"type\":\"string\"},"
            + "\"orders\":{\"items\":{\"$ref\":\"#/$defs/Order\"},\"type\":\"array\"},\"employer\":{\"anyOf\":[{\"$ref\":\"#/$defs/Company\"},{\"type\":\"null\"}]}},"
            + "\"required\":[\"name\",\"orders\"],\"$defs\":{\"Order\":{\"properties\":{\"items\":{\"items\":{\"$ref\":\"#/$defs/Item\"},\"type\":\"array\"}},"
            + "\"required\":[\"items\"],\"type\":\"object\"},\"Item\":{\"properties\":{\"product_name\":{\"type\":\"string\"},\"quantity\":{\"type\":\"integer\"}},"
            + "\"required\":[\"product_name\",\"quantity\"],\"type\":\"object\"},\"Company\":{\"properties\":{\"company_name\":{\"type\":\"string\"}},"
            + "\"required\":[\"company_name\"],\"type\":\"object\"}}}}]}";

    /**
     * test_cleanup_schema (top-level {@code $schema} and {@code additionalProperties} removed) and
     * test_cleanup_schema_with_refs (direct reference, list of models, optional model, nested
     * composition), for Gemini 2.0's OpenAPI subset: no {@code $schema}, {@code $defs} or
     * {@code $ref} is left, each reference is the object it named, down to the order's items, the
     * optional company is a nullable object, and the closed object's loss is named.
     */
    @Test
    void referencesAreInlinedAndJsonSchemaOnlyKeysDroppedForGemini20() {
        Translation t = PEER.translate("refs-20", CUSTOMER, FLASH_20);
        JsonNode params = json(t).at("/tools/0/functionDeclarations/0/parameters");
        assertThat(params.toString()).doesNotContain("$schema").doesNotContain("$defs").doesNotContain("$ref").doesNotContain("additionalProperties");
        assertThat(params.at("/properties/orders/items/properties/items/items/properties/quantity/type").asText()).isEqualTo("INTEGER");
        assertThat(params.at("/properties/orders/items/properties/items/items/required").toString()).isEqualTo("[\"product_name\",\"quantity\"]");
        assertThat(params.at("/properties/employer/nullable").asBoolean()).isTrue();
        assertThat(params.at("/properties/employer/properties/company_name/type").asText()).isEqualTo("STRING");
        assertThat(ids(t)).contains("PP154");
    }

    /**
     * The same tool for Gemini 2.5, which takes JSON Schema: the references are inlined (as
     * llm-gemini does), the optional company stays an anyOf with null, and the root stays closed.
     */
    @Test
    void referencesAreInlinedAndTheObjectStaysClosedForGemini25() {
        Translation t = PEER.translate("refs-25", CUSTOMER, FLASH_25);
        JsonNode params = json(t).at("/tools/0/functionDeclarations/0/parametersJsonSchema");
        assertThat(params.toString()).doesNotContain("$ref").doesNotContain("$schema");
        assertThat(params.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(params.at("/properties/orders/items/properties/items/items/properties/product_name/type").asText()).isEqualTo("string");
        assertThat(params.at("/properties/employer/anyOf/0/properties/company_name/type").asText()).isEqualTo("string");
        assertThat(params.at("/properties/employer/anyOf/1/type").asText()).isEqualTo("null");
    }

    /**
     * test_recursive_schema_raises_error: llm-gemini refuses a schema that refers to itself.
     * promptport sends it, the recursion cut after a few levels, and names what the reply may no
     * longer match, for Gemini 2.0 and 2.5 alike.
     */
    @Test
    void aRecursiveReplySchemaIsCutAndNamed() {
        String req = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":2000,\"messages\":[{\"role\":\"user\",\"content\":\"Make a tree\"}],"
                + "\"output_config\":{\"format\":{\"type\":\"json_schema\",\"schema\":{\"type\":\"object\",\"properties\":{\"value\":{\"type\":\"string\"},"
                + "\"children\":{\"type\":\"array\",\"items\":{\"$ref\":\"#\"}}},\"required\":[\"value\",\"children\"],\"additionalProperties\":false}}}}";
        for (String target : List.of(FLASH_20, FLASH_25)) {
            Translation t = PEER.translate("recursive " + target, req, target);
            assertThat(t.json()).doesNotContain("$ref");
            assertThat(json(t).at("/generationConfig/responseMimeType").asText()).isEqualTo("application/json");
            assertThat(PeerRequests.finding(t, "PP161").message()).contains("recursive");
        }
    }

    /**
     * test_server_side_tool_request_specs_and_config: Claude's web search, web fetch and code
     * execution are Gemini's googleSearch, urlContext and codeExecution, in that order, each
     * named as the target's own.
     */
    @Test
    void hostedToolsAreGeminisSearchUrlContextAndCodeExecution() {
        Translation t = PEER.translate("hosted", "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":2000,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"Research this and check the result with code\"}],\"tools\":[{\"type\":\"web_search_20250305\",\"name\":\"web_search\"},"
                + "{\"type\":\"web_fetch_20250910\",\"name\":\"web_fetch\"},{\"type\":\"code_execution_20250825\",\"name\":\"code_execution\"}]}", FLASH_3);
        assertThat(json(t).path("tools").toString()).isEqualTo("[{\"googleSearch\":{}},{\"urlContext\":{}},{\"codeExecution\":{}}]");
        assertThat(ids(t)).contains("PP150");
    }

    /**
     * test_pre_gemini_3_rejects_mixed_function_and_server_side_tools: Gemini 2.5 refuses Google
     * Search beside function declarations; llm-gemini raises, promptport sends the function tool
     * and names the search as left out.
     */
    @Test
    void searchBesideAFunctionToolIsLeftOutAndNamedForGemini25() {
        Translation t = PEER.translate("mixed-25", "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":2000,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"Use both tools\"}],\"tools\":[{\"name\":\"local_tool\",\"input_schema\":{\"type\":\"object\",\"properties\":{}}},"
                + "{\"type\":\"web_search_20250305\",\"name\":\"web_search\"}]}", FLASH_25);
        JsonNode tools = json(t).path("tools");
        assertThat(tools).hasSize(1);
        assertThat(tools.at("/0/functionDeclarations/0/name").asText()).isEqualTo("local_tool");
        assertThat(ids(t)).contains("PP156");
    }
}
