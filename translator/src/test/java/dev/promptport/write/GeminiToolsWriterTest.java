package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.Finding;
import dev.promptport.PromptPort;
import dev.promptport.Target;
import dev.promptport.Translation;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Loc;
import dev.promptport.tree.Part;
import dev.promptport.tree.Role;
import dev.promptport.tree.Turn;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.promptport.write.GeminiWrites.FLASH_20;
import static dev.promptport.write.GeminiWrites.OPEN_OBJECTS;
import static dev.promptport.write.GeminiWrites.PRO;
import static dev.promptport.write.GeminiWrites.body;
import static dev.promptport.write.GeminiWrites.conversation;
import static dev.promptport.write.GeminiWrites.corpus;
import static dev.promptport.write.GeminiWrites.corpusInput;
import static dev.promptport.write.GeminiWrites.find;
import static dev.promptport.write.GeminiWrites.request;
import static dev.promptport.write.GeminiWrites.text;
import static dev.promptport.write.GeminiWrites.translate;
import static dev.promptport.write.GeminiWrites.tree;
import static org.assertj.core.api.Assertions.assertThat;

/** Tools, tool calls and their results as the Gemini writer sends them. */
class GeminiToolsWriterTest {

    @Test
    void toolCallBecomesFunctionCallWithItsIdNameAndArguments() {
        JsonNode b = body(corpusInput("13-tool-error-named-choice"), PRO);
        JsonNode call = find(b, "functionCall").get(0);
        assertThat(call.path("id").asText()).isEqualTo("toolu_01PqR5sT6uV7wX8yZ9aB0cDd");
        assertThat(call.path("name").asText()).isEqualTo("run_sql");
        assertThat(call.path("args").path("timeout_seconds").asInt()).isEqualTo(30);
        assertThat(b.at("/contents/1/role").asText()).isEqualTo("model");
    }

    @Test
    void toolResultNamesTheFunctionOfTheCallWithItsId() {
        JsonNode b = body(corpusInput("12-parallel-tool-use-results"), PRO);
        List<JsonNode> calls = find(b, "functionCall");
        List<JsonNode> responses = find(b, "functionResponse");
        assertThat(responses).hasSameSizeAs(calls).isNotEmpty();
        Map<String, String> nameById = new LinkedHashMap<>();
        calls.forEach(c -> nameById.put(c.path("id").asText(), c.path("name").asText()));
        for (JsonNode r : responses) {
            assertThat(r.path("name").asText()).isEqualTo(nameById.get(r.path("id").asText()));
            assertThat(r.path("response").has("result")).isTrue();
        }
    }

    @Test
    void errorToolResultKeepsItsTextUnderError() {
        JsonNode b = body(corpusInput("13-tool-error-named-choice"), PRO);
        JsonNode response = find(b, "functionResponse").get(0).path("response");
        assertThat(response.has("result")).isFalse();
        assertThat(response.path("error").asText()).startsWith("ERROR:  column \"created\" does not exist");
    }

    @Test
    void imagesInsideToolResultsFollowTheFunctionResponsesInTheSameUserTurn() {
        JsonNode b = body(corpusInput("14-tool-result-image"), PRO);
        JsonNode last = b.path("contents").get(2);
        assertThat(last.path("role").asText()).isEqualTo("user");
        assertThat(last.at("/parts/0/functionResponse/response/result").asText()).startsWith("Rendered chart");
        assertThat(last.at("/parts/1/inlineData/mimeType").asText()).isEqualTo("image/png");
        assertThat(last.path("parts")).hasSize(2);
    }

    /** Vertex AI refuses a content mixing function responses with text: a returned PDF's title goes into its response. */
    @Test
    void aReturnedDocumentsTitleGoesIntoItsResponseNotATextPartBesideIt() {
        JsonNode b = body(request("[{\"role\":\"user\",\"content\":\"get report\"},{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"fetch_report\",\"input\":{}}]},{\"role\":\"user\",\"content\":["
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":[{\"type\":\"text\",\"text\":\"metadata\"},"
                + "{\"type\":\"document\",\"source\":{\"type\":\"base64\",\"media_type\":\"application/pdf\",\"data\":\"JVBERi0x\"},"
                + "\"title\":\"report.pdf\"}]}]}]", ""), PRO);
        JsonNode last = b.path("contents").get(2);
        List<String> kinds = new ArrayList<>();
        last.path("parts").forEach(p -> kinds.add(p.fieldNames().next()));
        assertThat(kinds).containsExactly("functionResponse", "inlineData");
        assertThat(last.at("/parts/0/functionResponse/response/result").asText()).isEqualTo("metadata\n\nDocument \"report.pdf\":");
    }

    @Test
    void functionResponsesStayTogetherWhenSeveralResultsCarryImages() {
        JsonNode b = body(corpusInput("31-kitchen-sink"), PRO);
        JsonNode results = b.path("contents").get(2).path("parts");
        List<String> kinds = new ArrayList<>();
        results.forEach(p -> kinds.add(p.fieldNames().next()));
        assertThat(kinds).containsExactly("functionResponse", "functionResponse", "functionResponse", "inlineData");
    }

    @Test
    void functionResponsesGoInAContentOfTheirOwnBeforeTheUsersTextWhereverTheTextCame() {
        // the text in a content of its own between the call and the responses, and beside a response
        String gemini = """
                {"contents":[{"role":"user","parts":[{"text":"Weather and time?"}]},
                  {"role":"model","parts":[{"functionCall":{"name":"w","args":{}}},{"functionCall":{"name":"t","args":{}}}]},
                  {"role":"user","parts":[{"text":"Be quick."}]},
                  {"role":"user","parts":[{"functionResponse":{"name":"w","response":{"t":5}}}]},
                  {"role":"user","parts":[{"text":"And short."},{"functionResponse":{"name":"t","response":{"h":9}}}]}],
                 "tools":[{"functionDeclarations":[{"name":"w","description":"W"},{"name":"t","description":"T"}]}]}""";
        // Claude's text beside its results in one message
        String claude = request("[{\"role\":\"user\",\"content\":\"Weather and time?\"},{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"w\",\"input\":{}},"
                + "{\"type\":\"tool_use\",\"id\":\"toolu_2\",\"name\":\"t\",\"input\":{}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":\"5\"},"
                + "{\"type\":\"text\",\"text\":\"Be quick.\"},{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_2\",\"content\":\"9\"},"
                + "{\"type\":\"text\",\"text\":\"And short.\"}]}]",
                "\"tools\":[{\"name\":\"w\",\"input_schema\":{\"type\":\"object\"}},{\"name\":\"t\",\"input_schema\":{\"type\":\"object\"}}]");
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("gemini", PromptPort.translate(gemini, dev.promptport.InputFormat.GEMINI, PRO,
                dev.promptport.Options.DEFAULT).json());
        bodies.put("claude", PromptPort.translate(claude, PRO).json());
        bodies.forEach((from, json) -> {
            JsonNode contents = tree(json).path("contents");
            assertThat(contents).as(from).hasSize(4);
            List<String> results = new ArrayList<>();
            contents.get(2).path("parts").forEach(p -> results.add(p.fieldNames().next()));
            assertThat(results).as(from).containsExactly("functionResponse", "functionResponse");
            assertThat(contents.get(2).at("/parts/0/functionResponse/name").asText()).isEqualTo("w");
            assertThat(contents.get(3).path("role").asText()).isEqualTo("user");
            assertThat(contents.get(3).path("parts").toString()).as(from)
                    .isEqualTo("[{\"text\":\"Be quick.\"},{\"text\":\"And short.\"}]");
        });
        GeminiValidate.require();
        GeminiValidate.Result r = GeminiValidate.strict(bodies);
        assertThat(r.all()).as(r.output()).isEmpty();
    }

    @Test
    void toolResultWithoutAKnownCallIsNamedByItsCallId() {
        Conversation c = conversation(List.of(new Turn(Role.USER, List.of(
                new Part.ToolResult("call_9", List.of(text("42")), false, null, Loc.NONE)), Loc.NONE)), List.of(), null);
        JsonNode r = find(tree(GeminiWriter.write(c, PRO, false)), "functionResponse").get(0);
        assertThat(r.path("name").asText()).isEqualTo("call_9");
        assertThat(r.at("/response/result").asText()).isEqualTo("42");
    }

    @Test
    void functionToolsBecomeDeclarationsWithGeminiSchemas() {
        JsonNode b = body(corpusInput("10-tools-nested-enums-cache"), PRO);
        JsonNode decls = b.at("/tools/0/functionDeclarations");
        assertThat(decls).hasSize(3);
        assertThat(decls.get(0).path("name").asText()).isEqualTo("search_orders");
        assertThat(decls.get(0).at("/parameters/type").asText()).isEqualTo("OBJECT");
        assertThat(decls.get(0).at("/parameters/properties/statuses/items/enum")).hasSize(7);
        assertThat(decls.get(2).at("/parameters/properties/amount/minimum").asInt()).isZero();
        assertThat(decls.get(2).at("/parameters/properties/amount").has("exclusiveMinimum")).isFalse();
    }

    @Test
    void declarationWithoutDescriptionUsesItsNameBecauseGeminiRequiresOne() {
        JsonNode b = body(request("[{\"role\":\"user\",\"content\":\"time?\"}]",
                "\"tools\":[{\"name\":\"get_time\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"tz\":{\"type\":\"string\"}}}}]"), PRO);
        assertThat(b.at("/tools/0/functionDeclarations/0/description").asText()).isEqualTo("get_time");
    }

    @Test
    void declarationWithoutParametersLeavesParametersOut() {
        JsonNode b = body(request("[{\"role\":\"user\",\"content\":\"time?\"}]",
                "\"tools\":[{\"name\":\"now\",\"description\":\"Current time.\",\"input_schema\":{\"type\":\"object\",\"properties\":{}}}]"), PRO);
        JsonNode decl = b.at("/tools/0/functionDeclarations/0");
        assertThat(decl.has("parameters")).isFalse();
        assertThat(decl.path("description").asText()).isEqualTo("Current time.");
    }

    @Test
    void objectsWithoutPropertiesGoAsJsonTextToModelsWithoutJsonSchema() {
        JsonNode b = body(OPEN_OBJECTS, FLASH_20);
        JsonNode decl = b.at("/tools/0/functionDeclarations/0");
        assertThat(decl.has("parametersJsonSchema")).isFalse();
        assertThat(decl.at("/parameters/properties/headers/type").asText()).isEqualTo("STRING");
        assertThat(decl.at("/parameters/properties/headers/description").asText())
                .isEqualTo("A JSON object, written as JSON text. Each value is a string.");
        assertThat(b.at("/generationConfig/responseSchema/properties/items/items/type").asText()).isEqualTo("STRING");
        List<String> findings = PromptPort.translate(OPEN_OBJECTS, FLASH_20).findings().stream()
                .map(Finding::message).toList();
        assertThat(findings).anySatisfy(m -> assertThat(m).contains("\"http_request\"")
                .contains("/properties/body: an object without listed properties became a STRING"));
        assertThat(findings).anySatisfy(m -> assertThat(m).contains("reply must follow")
                .contains("/properties/items/items: an object without listed properties became a STRING"));
    }

    @Test
    void noSchemaInGeminisSubsetHasAnObjectWithoutProperties() throws IOException {
        List<String> requests = new ArrayList<>(List.of(OPEN_OBJECTS));
        try (Stream<Path> dirs = Files.list(corpus())) {
            for (Path dir : dirs.sorted().toList()) {
                if (Files.isRegularFile(dir.resolve("input.json"))) {
                    requests.add(corpusInput(dir.getFileName().toString()));
                }
            }
        }
        for (String req : requests) {
            for (Target t : List.of(PRO, FLASH_20)) {
                JsonNode b = body(req, t);
                for (JsonNode decl : b.at("/tools/0/functionDeclarations")) {
                    assertNoEmptyObject(decl.path("parameters"), decl.path("name").asText(), true);
                }
                assertNoEmptyObject(b.at("/generationConfig/responseSchema"), "responseSchema", true);
            }
        }
    }

    /** Gemini refuses an OBJECT without properties: "should be non-empty for OBJECT type". */
    private static void assertNoEmptyObject(JsonNode s, String where, boolean root) {
        if (!s.isObject()) {
            return;
        }
        if (!root && s.path("type").asText().equals("OBJECT")) {
            assertThat(s.path("properties").isEmpty()).as(where).isFalse();
        }
        assertNoEmptyObject(s.path("items"), where + "/items", false);
        s.path("properties").properties().forEach(p -> assertNoEmptyObject(p.getValue(), where + "/" + p.getKey(), false));
        for (JsonNode v : s.path("anyOf")) {
            assertNoEmptyObject(v, where + "/anyOf", false);
        }
    }

    @Test
    void toolChoiceModesMapToFunctionCallingModes() {
        String tools = "\"tools\":[{\"name\":\"a\",\"description\":\"A\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"string\"}}}},"
                + "{\"name\":\"b\",\"description\":\"B\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"y\":{\"type\":\"string\"}}}}]";
        String msg = "[{\"role\":\"user\",\"content\":\"go\"}]";
        assertThat(body(request(msg, tools + ",\"tool_choice\":{\"type\":\"auto\"}"), PRO)
                .at("/toolConfig/functionCallingConfig/mode").asText()).isEqualTo("AUTO");
        assertThat(body(request(msg, tools + ",\"tool_choice\":{\"type\":\"any\"}"), PRO)
                .at("/toolConfig/functionCallingConfig").toString()).isEqualTo("{\"mode\":\"ANY\"}");
        assertThat(body(request(msg, tools + ",\"tool_choice\":{\"type\":\"none\"}"), PRO)
                .at("/toolConfig/functionCallingConfig/mode").asText()).isEqualTo("NONE");
        JsonNode named = body(request(msg, tools + ",\"tool_choice\":{\"type\":\"tool\",\"name\":\"b\"}"), PRO)
                .at("/toolConfig/functionCallingConfig");
        assertThat(named.path("mode").asText()).isEqualTo("ANY");
        assertThat(named.path("allowedFunctionNames").toString()).isEqualTo("[\"b\"]");
        assertThat(body(request(msg, tools), PRO).has("toolConfig")).isFalse();
    }

    @Test
    void hostedWebSearchAndCodeExecutionBecomeTheirOwnToolEntries() {
        JsonNode b = body(request("[{\"role\":\"user\",\"content\":\"news?\"}]", "\"tools\":["
                + "{\"type\":\"web_search_20250305\",\"name\":\"web_search\",\"max_uses\":3},"
                + "{\"type\":\"code_execution_20250522\",\"name\":\"code_execution\"}]"), PRO);
        // beside function declarations generateContent rejects Google Search (PP156 leaves it out)
        JsonNode tools = b.path("tools");
        assertThat(tools).hasSize(2);
        assertThat(tools.get(0).toString()).isEqualTo("{\"googleSearch\":{}}");
        assertThat(tools.get(1).toString()).isEqualTo("{\"codeExecution\":{}}");
    }

    @Test
    void webFetchBecomesUrlContextAndIsLeftOutBesideFunctionTools() {
        String fetch = "{\"type\":\"web_fetch_20250910\",\"name\":\"web_fetch\",\"max_uses\":3}";
        Translation alone = PromptPort.translate(request("[{\"role\":\"user\",\"content\":\"Read https://a.example\"}]",
                "\"tools\":[" + fetch + "]"), PRO);
        assertThat(tree(alone.json()).path("tools").toString()).isEqualTo("[{\"urlContext\":{}}]");
        assertThat(alone.findings()).extracting(Finding::id).contains("PP150").doesNotContain("PP119", "PP156");

        Translation beside = PromptPort.translate(request("[{\"role\":\"user\",\"content\":\"Read https://a.example\"}]",
                "\"tools\":[" + fetch + ",{\"name\":\"save\",\"input_schema\":{\"type\":\"object\"}}]"), PRO);
        assertThat(beside.json()).doesNotContain("urlContext").contains("functionDeclarations");
        assertThat(beside.findings()).extracting(Finding::id).contains("PP156").doesNotContain("PP150");

        // Gemini 2.0 Flash has no URL context: the tool is a blocker there, as on any target without it
        Translation older = PromptPort.translate(request("[{\"role\":\"user\",\"content\":\"Read https://a.example\"}]",
                "\"tools\":[" + fetch + "]"), FLASH_20);
        assertThat(older.json()).doesNotContain("urlContext");
        assertThat(older.findings()).extracting(Finding::id).contains("PP119");
    }

    @Test
    void toolConfigIsLeftOutWhenOnlyHostedToolsRemain() {
        JsonNode b = body(request("[{\"role\":\"user\",\"content\":\"news?\"}]",
                "\"tools\":[{\"type\":\"web_search_20250305\",\"name\":\"web_search\"}],\"tool_choice\":{\"type\":\"auto\"}"), PRO);
        assertThat(b.path("tools").toString()).isEqualTo("[{\"googleSearch\":{}}]");
        assertThat(b.has("toolConfig")).isFalse();
    }

    @Test
    void toolChoiceNoneLeavesGoogleSearchOutAndAnyIsNamedSinceToolConfigGovernsFunctionsOnly() {
        String search = "\"tools\":[{\"type\":\"web_search_20250305\",\"name\":\"web_search\"}]";
        Translation none = PromptPort.translate(request("[{\"role\":\"user\",\"content\":\"No searching, please.\"}]",
                search + ",\"tool_choice\":{\"type\":\"none\"}"), PRO);
        assertThat(tree(none.json()).has("tools")).isFalse();
        assertThat(tree(none.json()).has("toolConfig")).isFalse();
        assertThat(none.findings()).filteredOn(f -> f.id().equals("PP180")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("web_search", "function tools only"));
        assertThat(none.findings()).extracting(Finding::id).doesNotContain("PP150");
        Translation any = PromptPort.translate(request("[{\"role\":\"user\",\"content\":\"Search the news.\"}]",
                search + ",\"tool_choice\":{\"type\":\"any\"}"), PRO);
        assertThat(tree(any.json()).path("tools").toString()).isEqualTo("[{\"googleSearch\":{}}]");
        assertThat(tree(any.json()).has("toolConfig")).isFalse();
        assertThat(any.findings()).filteredOn(f -> f.id().equals("PP146")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("a tool call", "runs itself"));
    }

    @Test
    void aNullableTypeSentAsJsonSchemaIsNotNamedAsRewrittenToNullable() {
        String tool = "\"tools\":[{\"name\":\"lookup\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"q\":"
                + "{\"type\":[\"string\",\"null\"]}},\"required\":[\"q\"],\"additionalProperties\":false}}]";
        Translation t = PromptPort.translate(request("[{\"role\":\"user\",\"content\":\"Find it.\"}]", tool), PRO);
        JsonNode declaration = tree(t.json()).at("/tools/0/functionDeclarations/0");
        assertThat(declaration.has("parametersJsonSchema")).isTrue();
        assertThat(declaration.toString()).contains("null").doesNotContain("nullable");
        assertThat(t.findings()).extracting(Finding::message).noneMatch(m -> m.contains("nullable"));
    }

    @Test
    void aFailedToolResultIsSentUnderTheErrorKeyAndTheFindingSaysSo() {
        String req = request("[{\"role\":\"user\",\"content\":\"read\"},{\"role\":\"assistant\",\"content\":[{\"type\":"
                + "\"tool_use\",\"id\":\"toolu_e\",\"name\":\"readdata\",\"input\":{}}]},{\"role\":\"user\",\"content\":[{\"type\":"
                + "\"tool_result\",\"tool_use_id\":\"toolu_e\",\"is_error\":true,\"content\":\"file not found\"}]}]",
                "\"tools\":[{\"name\":\"readdata\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}}}}]");
        Translation t = PromptPort.translate(req, PRO);
        assertThat(find(tree(t.json()), "functionResponse").get(0).path("response").toString())
                .isEqualTo("{\"error\":\"file not found\"}");
        Finding f = t.findings().stream().filter(x -> x.id().equals("PP118")).findFirst().orElseThrow();
        assertThat(f.message()).contains("sent under the response's \"error\" key").doesNotContain("Error: ");
        GeminiValidate.require();
        GeminiValidate.Result r = GeminiValidate.strict("tool-error", t.json());
        assertThat(r.all()).as(r.output()).isEmpty();

        Translation gpt = PromptPort.translate(req, Target.of("openai:gpt-4o"));
        assertThat(gpt.findings().stream().filter(x -> x.id().equals("PP118")).findFirst().orElseThrow().message())
                .endsWith("so the text now begins with \"Error: \".");
    }
}
