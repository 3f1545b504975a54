package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.spec.ClaudeSdk;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.Translations.json;
import static dev.promptport.Translations.ids;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What OpenAI's requests hold that only OpenAI's API has: custom tools (free-form text, perhaps
 * held to a grammar), their calls and outputs in the history, the tools OpenAI runs itself, and
 * files in OpenAI's file store. Each reaches another vendor in a form it takes, or is named.
 */
class OpenAiOnlyToolsTest {

    private static final Target CLAUDE = Target.of("anthropic:claude-sonnet-4-5");

    private static final String CHAT_CUSTOM = """
            {"model":"gpt-5","max_completion_tokens":300,
             "messages":[{"role":"user","content":"How many orders?"},
               {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"custom",
                 "custom":{"name":"run_sql","input":"SELECT count(*) FROM orders"}}]},
               {"role":"tool","tool_call_id":"call_1","content":"42"}],
             "tools":[{"type":"custom","custom":{"name":"run_sql","description":"Run one SQL query.",
               "format":{"type":"grammar","grammar":{"syntax":"lark","definition":"start: /SELECT .+/"}}}}],
             "tool_choice":{"type":"custom","custom":{"name":"run_sql"}}}""";

    @Test
    void chatCustomToolBecomesAFunctionToolWithOneTextFieldAndItsCallsKeepTheirText() throws Exception {
        Translation t = PromptPort.translate(CHAT_CUSTOM, InputFormat.OPENAI_CHAT, CLAUDE, Options.DEFAULT);
        ClaudeSdk.assertValidRequest(t.json());
        JsonNode b = json(t);
        JsonNode tool = b.at("/tools/0");
        assertThat(tool.path("name").asText()).isEqualTo("run_sql");
        assertThat(tool.path("description").asText()).isEqualTo("Run one SQL query.");
        assertThat(tool.at("/input_schema/required").toString()).isEqualTo("[\"input\"]");
        assertThat(tool.at("/input_schema/properties/input/description").asText())
                .endsWith("It must match this lark grammar:\nstart: /SELECT .+/");
        assertThat(b.at("/messages/1/content/0/input").toString()).isEqualTo("{\"input\":\"SELECT count(*) FROM orders\"}");
        assertThat(b.at("/messages/2/content/0/tool_use_id").asText()).isEqualTo("call_1");
        assertThat(b.at("/tool_choice/type").asText()).isEqualTo("tool");
        assertThat(b.at("/tool_choice/name").asText()).isEqualTo("run_sql");
        Finding f = t.findings().stream().filter(x -> x.id().equals("PP179")).findFirst().orElseThrow();
        assertThat(f.location().pointer()).isEqualTo("/tools/0/custom");
    }

    @Test
    void responsesCustomToolCallAndOutputBecomeAToolUseAndItsResult() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"gpt-5","input":[{"role":"user","content":"Count rows"},
                  {"type":"custom_tool_call","call_id":"c1","name":"run_sql","input":"SELECT 1"},
                  {"type":"custom_tool_call_output","call_id":"c1","output":"1"}],
                 "tools":[{"type":"custom","name":"run_sql","format":{"type":"text"}}]}""",
                InputFormat.OPENAI_RESPONSES, CLAUDE, Options.DEFAULT);
        ClaudeSdk.assertValidRequest(t.json());
        JsonNode b = json(t);
        assertThat(b.at("/tools/0/input_schema/properties/input/description").asText())
                .isEqualTo("The whole input of the tool, as free-form text.");
        assertThat(b.at("/messages/1/content/0/type").asText()).isEqualTo("tool_use");
        assertThat(b.at("/messages/1/content/0/input/input").asText()).isEqualTo("SELECT 1");
        assertThat(b.at("/messages/2/content/0/type").asText()).isEqualTo("tool_result");
        assertThat(ids(t)).contains("PP179").doesNotContain("PP129");
    }

    @Test
    void customToolsReachEveryTargetAsFunctionTools() throws Exception {
        for (String target : List.of("openai:gpt-4o", "openai-responses:gpt-4o", "gemini:gemini-2.5-pro")) {
            Translation t = PromptPort.translate(CHAT_CUSTOM, InputFormat.OPENAI_CHAT, Target.of(target), Options.DEFAULT);
            assertThat(t.json()).as(target).contains("run_sql").contains("SELECT count(*) FROM orders")
                    .doesNotContain("\"custom\"");
            assertThat(ids(t)).as(target).contains("PP179");
        }
    }

    @Test
    void customToolsStayCustomOnTheResponsesApiWithTheirGrammarCallsOutputsAndChoice() throws Exception {
        Translation t = PromptPort.translate(CHAT_CUSTOM, InputFormat.OPENAI_CHAT, Target.of("openai-responses:gpt-5"),
                Options.DEFAULT);
        JsonNode b = json(t);
        assertThat(b.at("/tools/0").toString()).isEqualTo("{\"type\":\"custom\",\"name\":\"run_sql\","
                + "\"description\":\"Run one SQL query.\",\"format\":{\"type\":\"grammar\",\"syntax\":\"lark\","
                + "\"definition\":\"start: /SELECT .+/\"}}");
        assertThat(b.at("/input/1").toString()).isEqualTo("{\"type\":\"custom_tool_call\",\"call_id\":\"call_1\","
                + "\"name\":\"run_sql\",\"input\":\"SELECT count(*) FROM orders\"}");
        assertThat(b.at("/input/2/type").asText()).isEqualTo("custom_tool_call_output");
        assertThat(b.at("/input/2/output").asText()).isEqualTo("42");
        assertThat(b.at("/tool_choice").toString()).isEqualTo("{\"type\":\"custom\",\"name\":\"run_sql\"}");
        assertThat(ids(t)).doesNotContain("PP179");
        dev.promptport.spec.OpenAiSpec.require().assertCleanResponsesRequest(t.json());

        Translation same = PromptPort.translate("""
                {"model":"gpt-5","input":[{"role":"user","content":"Count rows"},
                  {"type":"custom_tool_call","call_id":"c1","name":"run_sql","input":"SELECT 1"},
                  {"type":"custom_tool_call_output","call_id":"c1","output":"1"}],
                 "tools":[{"type":"custom","name":"run_sql","format":{"type":"text"}},
                   {"type":"function","name":"f","parameters":{"type":"object","properties":{}}}]}""",
                InputFormat.OPENAI_RESPONSES, Target.of("openai-responses:gpt-5"), Options.DEFAULT);
        JsonNode r = json(same);
        assertThat(r.at("/tools/0").toString()).isEqualTo("{\"type\":\"custom\",\"name\":\"run_sql\"}");
        assertThat(r.at("/tools/1/type").asText()).isEqualTo("function");
        assertThat(r.at("/input/1/input").asText()).isEqualTo("SELECT 1");
        assertThat(r.at("/input/2/type").asText()).isEqualTo("custom_tool_call_output");
        assertThat(ids(same)).doesNotContain("PP179");
    }

    @Test
    void aForcedHostedToolIsForcedOnClaudeAndNamedWhereItCannotBe() throws Exception {
        String req = """
                {"model":"gpt-5","input":"News?","tools":[{"type":"web_search"}],"tool_choice":{"type":"web_search"}}""";
        Translation claude = PromptPort.translate(req, InputFormat.OPENAI_RESPONSES, CLAUDE, Options.DEFAULT);
        ClaudeSdk.assertValidRequest(claude.json());
        assertThat(json(claude).at("/tool_choice").toString()).isEqualTo("{\"type\":\"tool\",\"name\":\"web_search\"}");
        assertThat(ids(claude)).doesNotContain("PP146");

        Translation gemini = PromptPort.translate(req, InputFormat.OPENAI_RESPONSES, Target.of("gemini:gemini-2.5-pro"),
                Options.DEFAULT);
        assertThat(gemini.json()).contains("googleSearch").doesNotContain("toolConfig");
        Finding f = gemini.findings().stream().filter(x -> x.id().equals("PP146")).findFirst().orElseThrow();
        assertThat(f.message()).startsWith("tool_choice forces the hosted tool \"web_search\", but gemini:gemini-2.5-pro"
                + " cannot force a call to a tool it runs itself, so the choice became auto");
    }

    private static final String TWO_TOOLS = "{\"type\":\"function\",\"function\":{\"name\":\"get_order\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{}}}},{\"type\":\"function\",\"function\":{"
            + "\"name\":\"refund_order\",\"parameters\":{\"type\":\"object\",\"properties\":{}}}}";

    @Test
    void allowedToolsLeaveOnlyThoseToolsInTheRequestAndARequiredSingleOneIsForced() throws Exception {
        Translation t = PromptPort.translate("{\"model\":\"gpt-5\",\"messages\":[{\"role\":\"user\",\"content\":\"Where is 7?\"}],"
                + "\"tools\":[" + TWO_TOOLS + "],\"tool_choice\":{\"type\":\"allowed_tools\",\"allowed_tools\":{"
                + "\"mode\":\"required\",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_order\"}}]}}}",
                InputFormat.OPENAI_CHAT, CLAUDE, Options.DEFAULT);
        ClaudeSdk.assertValidRequest(t.json());
        JsonNode b = json(t);
        assertThat(b.path("tools")).hasSize(1);
        assertThat(b.at("/tools/0/name").asText()).isEqualTo("get_order");
        assertThat(b.at("/tool_choice").toString()).isEqualTo("{\"type\":\"tool\",\"name\":\"get_order\"}");
        Finding f = t.findings().stream().filter(x -> x.id().equals("PP180")).findFirst().orElseThrow();
        assertThat(f.message()).contains("only 1 of the request's 2 tools").contains("(refund_order)");
    }

    @Test
    void responsesAllowedToolsInAutoModeKeepTheModelFreeAmongThem() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"gpt-5","input":"Where is 7?",
                 "tools":[{"type":"function","name":"get_order","parameters":{"type":"object","properties":{}}},
                   {"type":"function","name":"refund_order","parameters":{"type":"object","properties":{}}},
                   {"type":"web_search"}],
                 "tool_choice":{"type":"allowed_tools","mode":"auto",
                   "tools":[{"type":"function","name":"get_order"},{"type":"web_search"}]}}""",
                InputFormat.OPENAI_RESPONSES, CLAUDE, Options.DEFAULT);
        ClaudeSdk.assertValidRequest(t.json());
        JsonNode b = json(t);
        assertThat(b.path("tools")).hasSize(2);
        assertThat(t.json()).doesNotContain("refund_order");
        assertThat(b.at("/tool_choice/type").asText()).isEqualTo("auto");
    }

    @Test
    void responsesWebSearchKeepsItsAllowedDomainsAndLocationForClaudeAndTheResponsesApi() throws Exception {
        String req = """
                {"model":"gpt-5","input":"News?","tools":[{"type":"web_search","filters":{"allowed_domains":["fda.gov"]},
                  "user_location":{"type":"approximate","city":"Dublin","country":"IE"}}]}""";
        Translation claude = PromptPort.translate(req, InputFormat.OPENAI_RESPONSES, CLAUDE, Options.DEFAULT);
        ClaudeSdk.assertValidRequest(claude.json());
        assertThat(json(claude).at("/tools/0/allowed_domains/0").asText()).isEqualTo("fda.gov");
        assertThat(json(claude).at("/tools/0/user_location/city").asText()).isEqualTo("Dublin");
        JsonNode responses = json(PromptPort.translate(req, InputFormat.OPENAI_RESPONSES, Target.of("openai-responses:gpt-5"),
                Options.DEFAULT));
        assertThat(responses.at("/tools/0/filters/allowed_domains/0").asText()).isEqualTo("fda.gov");
        assertThat(responses.at("/tools/0/user_location/country").asText()).isEqualTo("IE");
        Translation gemini = PromptPort.translate(req, InputFormat.OPENAI_RESPONSES, Target.of("gemini:gemini-2.5-pro"),
                Options.DEFAULT);
        assertThat(gemini.findings()).anySatisfy(f -> assertThat(f.message())
                .contains("allowed_domains (fda.gov) and user_location (Dublin, IE)"));
    }

    @Test
    void geminiAllowedFunctionNamesAreTheToolsSentAndTheCallStaysRequired() throws Exception {
        Translation t = PromptPort.translate("""
                {"contents":[{"role":"user","parts":[{"text":"Where is 7?"}]}],
                 "tools":[{"functionDeclarations":[{"name":"a","description":"A"},{"name":"b","description":"B"},
                   {"name":"c","description":"C"}]}],
                 "toolConfig":{"functionCallingConfig":{"mode":"ANY","allowedFunctionNames":["a","b"]}}}""",
                InputFormat.GEMINI, CLAUDE, Options.DEFAULT);
        ClaudeSdk.assertValidRequest(t.json());
        JsonNode b = json(t);
        assertThat(b.path("tools")).hasSize(2);
        assertThat(b.at("/tool_choice/type").asText()).isEqualTo("any");
        assertThat(ids(t)).contains("PP180");
    }

    @Test
    void deprecatedFunctionsAndFunctionCallsReadAsToolsWithTheirCallsPairedToTheirResults() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"gpt-4o","max_tokens":200,
                 "functions":[{"name":"lookup","description":"Look up","parameters":{"type":"object","properties":{"q":{"type":"string"}}}}],
                 "function_call":{"name":"lookup"},
                 "messages":[{"role":"user","content":"Find cats"},
                   {"role":"assistant","content":null,"function_call":{"name":"lookup","arguments":"{\\"q\\":\\"cats\\"}"}},
                   {"role":"function","name":"lookup","content":"3 cats"},
                   {"role":"assistant","content":null,"refusal":"I can't say more about cats."},
                   {"role":"user","content":"And dogs?"}]}""", InputFormat.OPENAI_CHAT, CLAUDE, Options.DEFAULT);
        ClaudeSdk.assertValidRequest(t.json());
        JsonNode b = json(t);
        assertThat(b.at("/tools/0/name").asText()).isEqualTo("lookup");
        assertThat(b.at("/tool_choice").toString()).isEqualTo("{\"type\":\"tool\",\"name\":\"lookup\"}");
        JsonNode call = b.at("/messages/1/content/0");
        assertThat(call.path("type").asText()).isEqualTo("tool_use");
        assertThat(call.path("input").toString()).isEqualTo("{\"q\":\"cats\"}");
        assertThat(b.at("/messages/2/content/0/tool_use_id").asText()).isEqualTo(call.path("id").asText());
        assertThat(b.at("/messages/3/content/0/text").asText()).isEqualTo("I can't say more about cats.");
        assertThat(b.at("/messages/4/content/0/text").asText()).isEqualTo("And dogs?");
        assertThat(ids(t)).doesNotContain("PP115");
    }

    @Test
    void aFunctionSchemaWithoutTypeIsAnObjectSchemaAsClaudeRequires() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"gpt-4o","messages":[{"role":"user","content":"time?"}],
                 "tools":[{"type":"function","function":{"name":"now","parameters":{}}},
                   {"type":"function","function":{"name":"later","parameters":{"properties":{"x":{"type":"string"}}}}}]}""",
                InputFormat.OPENAI_CHAT, CLAUDE, Options.DEFAULT);
        ClaudeSdk.assertValidRequest(t.json());
        JsonNode b = json(t);
        assertThat(b.at("/tools/0/input_schema").toString()).isEqualTo("{\"type\":\"object\"}");
        assertThat(b.at("/tools/1/input_schema").toString())
                .isEqualTo("{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"string\"}}}");
    }

    @Test
    void toolsOpenAiRunsItselfAreNamedAndNeverWrittenIntoAClaudeRequest() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"gpt-5","input":"What do my files say about refunds?",
                 "tools":[{"type":"file_search","vector_store_ids":["vs_1"]},
                   {"type":"function","name":"f","parameters":{"type":"object","properties":{}}}]}""",
                InputFormat.OPENAI_RESPONSES, CLAUDE, Options.DEFAULT);
        ClaudeSdk.assertValidRequest(t.json());
        assertThat(t.json()).doesNotContain("file_search").doesNotContain("vs_1");
        assertThat(ids(t)).contains("PP119");
    }

    @Test
    void aFileInOpenAisStoreIsNamedForClaudeAndAFileInAnthropicsStoreStaysForClaude() throws Exception {
        Translation fromOpenAi = PromptPort.translate("""
                {"model":"gpt-4o","messages":[{"role":"user","content":[{"type":"text","text":"Read it."},
                  {"type":"file","file":{"file_id":"file-abc"}}]}]}""", InputFormat.OPENAI_CHAT, CLAUDE, Options.DEFAULT);
        assertThat(fromOpenAi.json()).doesNotContain("file-abc");
        assertThat(fromOpenAi.findings()).anySatisfy(f -> {
            assertThat(f.id()).isEqualTo("PP121");
            assertThat(f.message()).contains("OpenAI's file store");
        });

        Translation claudeToClaude = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[{"role":"user","content":[
                  {"type":"image","source":{"type":"file","file_id":"file_011img"}},
                  {"type":"document","source":{"type":"file","file_id":"file_011doc"}},
                  {"type":"text","text":"Describe both."}]}]}""", Target.of("anthropic:claude-haiku-4-5"));
        ClaudeSdk.assertValidRequest(claudeToClaude.json());
        assertThat(claudeToClaude.json()).contains("file_011img").contains("file_011doc");
        assertThat(ids(claudeToClaude)).doesNotContain("PP121");
    }

    @Test
    void toolsOfANamespaceBecomeFunctionToolsNamedWithTheNamespaceAndTheirCallsToo() throws Exception {
        String request = """
                {"model":"gpt-5","input":[{"role":"user","content":"Weather in Oslo?"},
                   {"type":"function_call","call_id":"c1","namespace":"crm","name":"get_weather","arguments":"{\\"city\\":\\"Oslo\\"}"},
                   {"type":"function_call_output","call_id":"c1","output":"5 C"}],
                 "tools":[{"type":"namespace","name":"crm","description":"CRM tools","tools":[
                   {"type":"function","name":"get_weather","description":"Get weather",
                    "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]},"strict":false},
                   {"type":"custom","name":"note","description":"Write a note"}]}]}""";
        for (String target : List.of("anthropic:claude-sonnet-4-5", "openai:gpt-4o", "openai-responses:gpt-5",
                "gemini:gemini-2.5-pro")) {
            Translation t = PromptPort.translate(request, InputFormat.OPENAI_RESPONSES, Target.of(target), Options.DEFAULT);
            assertThat(ids(t)).as(target).doesNotContain("PP119");
            assertThat(t.json()).as(target).contains("\"crm__get_weather\"").contains("\"crm__note\"")
                    .contains("CRM tools\\n\\nGet weather").contains("Oslo");
            assertThat(t.toolNames()).as(target).containsEntry("crm__get_weather", "get_weather")
                    .containsEntry("crm__note", "note");
            assertThat(t.findings()).as(target).filteredOn(f -> f.id().equals("PP224"))
                    .extracting(f -> f.location().pointer()).containsExactly("/tools/0/tools/0", "/tools/0/tools/1");
            if (target.startsWith("anthropic")) {
                ClaudeSdk.assertValidRequest(t.json());
                assertThat(json(t).at("/messages/1/content/0/name").asText()).isEqualTo("crm__get_weather");
            }
            if (target.startsWith("openai-responses")) {
                dev.promptport.spec.OpenAiSpec.require().assertCleanResponsesRequest(t.json());
            }
        }
    }
}
