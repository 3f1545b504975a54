package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptport.Finding;
import dev.promptport.ModelFacts;
import dev.promptport.PromptPort;
import dev.promptport.Target;
import dev.promptport.Translation;
import dev.promptport.read.AnthropicRequestReader;
import dev.promptport.rules.Pipeline;
import dev.promptport.rules.RuleSet;
import dev.promptport.rules.StepContext;
import dev.promptport.rules.Style;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Generation;
import dev.promptport.tree.Loc;
import dev.promptport.tree.MediaSource;
import dev.promptport.tree.Part;
import dev.promptport.tree.RawJson;
import dev.promptport.tree.Role;
import dev.promptport.tree.SourceKind;
import dev.promptport.tree.Tool;
import dev.promptport.tree.ToolChoice;
import dev.promptport.tree.Turn;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class GeminiWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** gemini-2.5-pro as rules/targets.yaml lists it: thinking budget 128..32768, cannot turn it off. */
    static final Target PRO = new Target("gemini", "gemini-2.5-pro", new ModelFacts("gemini", 1048576, 65536,
            "system", "budget", List.of(), "maxOutputTokens", true, true, true, true, 5, Set.of(), "markdown", 128,
            "estimate", Set.of("web_search", "web_fetch", "code_execution"), false, 128, 32768));
    /** gemini-2.5-flash: thinking budget 0..24576 (0 turns thinking off). */
    static final Target FLASH = new Target("gemini", "gemini-2.5-flash", new ModelFacts("gemini", 1048576, 65536,
            "system", "budget", List.of(), "maxOutputTokens", true, true, true, true, 5, Set.of(), "markdown", 128,
            "estimate", Set.of("web_search", "web_fetch", "code_execution"), false, 0, 24576));
    /** gemini-2.0-flash: no thinking, schemas only in the OpenAPI subset. */
    static final Target FLASH_20 = new Target("gemini", "gemini-2.0-flash", new ModelFacts("gemini", 1048576, 8192,
            "system", "none", List.of(), "maxOutputTokens", true, true, true, true, 5, Set.of("json_schema"), "markdown", 128,
            "estimate", Set.of("web_search", "code_execution"), false, 0, 0));

    static Conversation fit(String anthropicJson, Target target) {
        Conversation c = AnthropicRequestReader.read(anthropicJson);
        return Pipeline.run(c, new StepContext(target, RuleSet.builtIn(), Style.AUTO));
    }

    static String translate(String anthropicJson, Target target) {
        return GeminiWriter.write(fit(anthropicJson, target), target, true);
    }

    static JsonNode body(String anthropicJson, Target target) {
        return tree(translate(anthropicJson, target));
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path corpus() {
        return Path.of(System.getProperty("promptport.root", "..")).resolve("corpus");
    }

    static String corpusInput(String name) {
        try {
            return Files.readString(corpus().resolve(name).resolve("input.json"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String request(String messages, String extra) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1000," + (extra.isEmpty() ? "" : extra + ",")
                + "\"messages\":" + messages + "}";
    }

    // ------------------------------------------------------------------ envelope

    @Test
    void systemTextBecomesOneTextPartOfTheSystemInstruction() {
        JsonNode b = body(request("[{\"role\":\"user\",\"content\":\"Hi\"}]",
                "\"system\":[{\"type\":\"text\",\"text\":\"Be brief.\"},{\"type\":\"text\",\"text\":\"Answer in French.\"}]"), PRO);
        assertThat(b.path("systemInstruction").path("parts")).hasSize(1);
        assertThat(b.at("/systemInstruction/parts/0/text").asText()).isEqualTo("Be brief.\n\nAnswer in French.");
        assertThat(b.path("systemInstruction").has("role")).isFalse();
    }

    @Test
    void modelAndStreamAreNotPartOfTheBody() {
        JsonNode b = body(corpusInput("22-thinking-32000-stream"), PRO);
        assertThat(b.has("model")).isFalse();
        assertThat(b.has("stream")).isFalse();
        assertThat(b.toString()).doesNotContain("\"stream\"");
    }

    @Test
    void endpointNamesTheModelAndTheStreamingMethod() {
        assertThat(GeminiWriter.endpoint(PRO, false)).isEqualTo("/v1beta/models/gemini-2.5-pro:generateContent");
        assertThat(GeminiWriter.endpoint(PRO, true))
                .isEqualTo("/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse");
        Target prefixed = new Target("gemini", "models/gemini-2.5-flash", FLASH.facts());
        assertThat(GeminiWriter.endpoint(prefixed, false)).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
    }

    @Test
    void prettyAndCompactOutputsAreTheSameJson() {
        Conversation c = fit(corpusInput("31-kitchen-sink"), PRO);
        String compact = GeminiWriter.write(c, PRO, false);
        assertThat(compact).doesNotContain("\n  ");
        assertThat(tree(compact)).isEqualTo(tree(GeminiWriter.write(c, PRO, true)));
    }

    // ------------------------------------------------------------------ contents

    @Test
    void assistantTurnsSpeakAsModelAndUsersAsUser() {
        JsonNode b = body(corpusInput("03-german-support-multiturn"), PRO);
        List<String> roles = new ArrayList<>();
        b.path("contents").forEach(c -> roles.add(c.path("role").asText()));
        assertThat(roles).containsOnly("user", "model").first().isEqualTo("user");
        for (int i = 1; i < roles.size(); i++) {
            assertThat(roles.get(i)).as("roles alternate").isNotEqualTo(roles.get(i - 1));
        }
    }

    @Test
    void consecutiveTurnsOfOneRoleBecomeOneContentInOrder() {
        JsonNode b = body(request("[{\"role\":\"user\",\"content\":\"first\"},{\"role\":\"user\",\"content\":"
                + "[{\"type\":\"text\",\"text\":\"second\"},{\"type\":\"text\",\"text\":\"third\"}]},"
                + "{\"role\":\"assistant\",\"content\":\"ok\"},{\"role\":\"user\",\"content\":\"fourth\"}]", ""), PRO);
        assertThat(b.path("contents")).hasSize(3);
        assertThat(texts(b.at("/contents/0/parts"))).containsExactly("first", "second", "third");
        assertThat(b.at("/contents/1/role").asText()).isEqualTo("model");
        assertThat(texts(b.at("/contents/2/parts"))).containsExactly("fourth");
    }

    @Test
    void everyPartHoldsExactlyOneKindOfData() {
        for (String name : List.of("31-kitchen-sink", "14-tool-result-image", "12-parallel-tool-use-results",
                "08-pdf-document-citations", "07-two-images-url-and-gif")) {
            JsonNode b = body(corpusInput(name), PRO);
            for (JsonNode content : b.path("contents")) {
                for (JsonNode part : content.path("parts")) {
                    assertThat(part.size()).as(name + ": " + part).isEqualTo(1);
                    assertThat(part.fieldNames().next()).isIn("text", "inlineData", "fileData", "functionCall",
                            "functionResponse");
                }
            }
        }
    }

    @Test
    void thinkingFromEarlierRepliesIsNotSent() {
        String out = translate(corpusInput("21-thinking-history-redacted"), PRO);
        assertThat(out).doesNotContain("\"thought\"").doesNotContain("thoughtSignature");
        assertThat(tree(out).path("contents").size()).isGreaterThan(1);
    }

    @Test
    void prefillBecomesAnInstructionSoTheRequestEndsWithTheUser() {
        JsonNode b = body(corpusInput("25-prefill-json-brace"), PRO);
        JsonNode last = b.path("contents").get(b.path("contents").size() - 1);
        assertThat(last.path("role").asText()).isEqualTo("user");
        assertThat(texts(last.path("parts")).get(texts(last.path("parts")).size() - 1)).endsWith("\n{");
    }

    // ------------------------------------------------------------------ media

    @Test
    void base64ImageBecomesInlineDataWithItsMediaType() {
        JsonNode b = body(corpusInput("07-two-images-url-and-gif").replace("image/gif", "image/webp"), PRO);
        JsonNode inline = find(b, "inlineData").get(0);
        assertThat(inline.path("mimeType").asText()).isEqualTo("image/webp");
        assertThat(inline.path("data").asText()).isEqualTo("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");
    }

    @Test
    void aGifImageWhichGeminiDoesNotReadIsLeftOut() {
        JsonNode b = body(corpusInput("07-two-images-url-and-gif"), PRO);
        assertThat(find(b, "inlineData")).isEmpty();
    }

    @Test
    void urlImageBecomesFileDataWithTheTypeItsExtensionNames() {
        JsonNode b = body(corpusInput("07-two-images-url-and-gif"), PRO);
        JsonNode file = find(b, "fileData").get(0);
        assertThat(file.path("fileUri").asText()).isEqualTo("https://assets.example.com/qa/screens/checkout-4.1-baseline.png");
        assertThat(file.path("mimeType").asText()).isEqualTo("image/png");
    }

    @Test
    void urlImageWithoutAKnownExtensionIsSentAsJpeg() {
        JsonNode b = body(request("[{\"role\":\"user\",\"content\":[{\"type\":\"image\",\"source\":{\"type\":\"url\","
                + "\"url\":\"https://cdn.example.com/render?id=42\"}},{\"type\":\"text\",\"text\":\"What is this?\"}]}]", ""), PRO);
        assertThat(find(b, "fileData").get(0).path("mimeType").asText()).isEqualTo("image/jpeg");
    }

    @Test
    void pdfBecomesInlineDataAfterATextPartThatNamesIt() {
        JsonNode b = body(request("[{\"role\":\"user\",\"content\":[{\"type\":\"document\",\"title\":\"Invoice 7\","
                + "\"source\":{\"type\":\"base64\",\"media_type\":\"application/pdf\",\"data\":\"JVBERi0xLjQK\"}},"
                + "{\"type\":\"text\",\"text\":\"Total?\"}]}]", ""), PRO);
        JsonNode parts = b.at("/contents/0/parts");
        assertThat(parts.get(0).path("text").asText()).isEqualTo("Document \"Invoice 7\":");
        assertThat(parts.get(1).path("inlineData").path("mimeType").asText()).isEqualTo("application/pdf");
        assertThat(parts.get(1).path("inlineData").path("data").asText()).isEqualTo("JVBERi0xLjQK");
        assertThat(parts.get(2).path("text").asText()).isEqualTo("Total?");
    }

    @Test
    void plainTextDocumentBecomesTextInsideDocumentTags() {
        JsonNode b = body(corpusInput("09-rag-text-documents"), PRO);
        String first = b.at("/contents/0/parts/0/text").asText();
        assertThat(first).startsWith("<document title=\"Returns Policy (EU)\"").endsWith("\n</document>");
    }

    @Test
    void urlDocumentBecomesFileDataTypedByItsExtensionOrAsPdf() {
        // FitContent decides whether URL documents reach the writer; the writer spells what it is given
        Conversation c = conversation(List.of(new Turn(Role.USER, List.of(
                new Part.Document(new MediaSource.Url("https://example.com/a/policy.txt"), null, null, false, null, Loc.NONE),
                new Part.Document(new MediaSource.Url("https://example.com/download/123"), "Policy", null, false, null, Loc.NONE),
                text("Summarise both.")), Loc.NONE)), List.of(), null);
        JsonNode b = tree(GeminiWriter.write(c, PRO, false));
        List<JsonNode> files = find(b, "fileData");
        assertThat(files.get(0).path("mimeType").asText()).isEqualTo("text/plain");
        assertThat(files.get(1).path("mimeType").asText()).isEqualTo("application/pdf");
        assertThat(files.get(1).path("fileUri").asText()).isEqualTo("https://example.com/download/123");
    }

    // ------------------------------------------------------------------ tool calls and results

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

    // ------------------------------------------------------------------ tools

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

    /** A tool and a reply schema with objects that list no properties (a map, any object, a list of objects). */
    private static final String OPEN_OBJECTS = request("[{\"role\":\"user\",\"content\":\"GET it\"}]",
            "\"tools\":[{\"name\":\"http_request\",\"description\":\"Send an HTTP request\",\"input_schema\":"
            + "{\"type\":\"object\",\"properties\":{\"url\":{\"type\":\"string\"},"
            + "\"headers\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}},"
            + "\"body\":{\"type\":\"object\"}},\"required\":[\"url\"]}}],"
            + "\"output_config\":{\"format\":{\"type\":\"json_schema\",\"schema\":{\"type\":\"object\","
            + "\"properties\":{\"items\":{\"type\":\"array\",\"items\":{\"type\":\"object\"}}},"
            + "\"required\":[\"items\"],\"additionalProperties\":false}}}");

    @Test
    void objectsWithoutPropertiesGoAsJsonSchemaToModelsThatTakeIt() {
        JsonNode b = body(OPEN_OBJECTS, PRO);
        JsonNode decl = b.at("/tools/0/functionDeclarations/0");
        assertThat(decl.has("parameters")).isFalse();
        assertThat(decl.at("/parametersJsonSchema/properties/headers").toString())
                .isEqualTo("{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}");
        assertThat(decl.at("/parametersJsonSchema/properties/body").toString()).isEqualTo("{\"type\":\"object\"}");
        JsonNode config = b.path("generationConfig");
        assertThat(config.has("responseSchema")).isFalse();
        assertThat(config.at("/responseJsonSchema/properties/items/items").toString()).isEqualTo("{\"type\":\"object\"}");
        assertThat(config.at("/responseJsonSchema/additionalProperties").asBoolean(true)).isFalse();
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

    // ------------------------------------------------------------------ generation config

    @Test
    void generationConfigHoldsOnlyTheFieldsTheRequestSet() {
        JsonNode b = body(request("[{\"role\":\"user\",\"content\":\"hi\"}]", ""), PRO);
        assertThat(b.path("generationConfig").toString()).isEqualTo("{\"maxOutputTokens\":1000}");
    }

    @Test
    void samplingOptionsIncludingTopKAreKept() {
        JsonNode gc = body(request("[{\"role\":\"user\",\"content\":\"hi\"}]",
                "\"temperature\":0.3,\"top_p\":0.9,\"top_k\":40,\"stop_sequences\":[\"END\"]"), PRO).path("generationConfig");
        assertThat(gc.path("temperature").asDouble()).isEqualTo(0.3);
        assertThat(gc.path("topP").asDouble()).isEqualTo(0.9);
        assertThat(gc.path("topK").asInt()).isEqualTo(40);
        assertThat(gc.path("stopSequences").toString()).isEqualTo("[\"END\"]");
    }

    @Test
    void stopSequencesAreCutToFive() {
        JsonNode gc = body(corpusInput("24-stop-six-metadata-service-tier"), PRO).path("generationConfig");
        assertThat(gc.path("stopSequences")).hasSize(5);
    }

    @Test
    void thinkingBudgetBecomesThinkingBudgetAndAsksForThoughts() {
        JsonNode tc = body(corpusInput("20-thinking-budget-2048"), PRO).at("/generationConfig/thinkingConfig");
        assertThat(tc.toString()).isEqualTo("{\"thinkingBudget\":2048,\"includeThoughts\":true}");
    }

    @Test
    void thinkingBudgetAboveTheModelsRangeIsSentClamped() {
        JsonNode tc = body(request("[{\"role\":\"user\",\"content\":\"prove it\"}]",
                "\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":60000}").replace("\"max_tokens\":1000", "\"max_tokens\":64000"),
                FLASH).at("/generationConfig/thinkingConfig");
        assertThat(tc.path("thinkingBudget").asInt()).isEqualTo(24576);
    }

    @Test
    void disabledThinkingSendsBudgetZeroOnlyWhereTheModelCanTurnItOff() {
        String req = request("[{\"role\":\"user\",\"content\":\"hi\"}]", "\"thinking\":{\"type\":\"disabled\"}");
        assertThat(body(req, FLASH).at("/generationConfig/thinkingConfig").toString()).isEqualTo("{\"thinkingBudget\":0}");
        // 2.5 Pro cannot: the rewrite step asks for its smallest budget instead
        assertThat(body(req, PRO).at("/generationConfig/thinkingConfig/thinkingBudget").asInt()).isEqualTo(128);
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

    @Test
    void thinkingTurnedOffDoesNotAskForTheThoughtsWhereTheModelCannotStopThinking() {
        String req = request("[{\"role\":\"user\",\"content\":\"hi\"}]", "\"thinking\":{\"type\":\"disabled\"}");
        String pro = translate(req, PRO);
        assertThat(tree(pro).at("/generationConfig/thinkingConfig").toString()).isEqualTo("{\"thinkingBudget\":128}");
        String three = translate(req, Target.of("gemini:gemini-3-pro-preview"));
        assertThat(tree(three).at("/generationConfig/thinkingConfig").toString()).isEqualTo("{\"thinkingLevel\":\"low\"}");

        GeminiValidate.require();
        GeminiValidate.Result r = GeminiValidate.strict(Map.of("pro-off", pro, "three-off", three));
        assertThat(r.of("pro-off")).as(r.output()).isEmpty();
        // the stored protos predate thinkingLevel, which the validator can only warn about
        assertThat(r.of("three-off")).as(r.output()).allSatisfy(p -> assertThat(p).startsWith("WARN").contains("thinkingLevel"));
    }

    @Test
    void adaptiveThinkingAsksForADynamicBudget() {
        JsonNode tc = body(request("[{\"role\":\"user\",\"content\":\"hi\"}]", "\"thinking\":{\"type\":\"adaptive\"}"), PRO)
                .at("/generationConfig/thinkingConfig");
        assertThat(tc.path("thinkingBudget").asInt()).isEqualTo(-1);
    }

    @Test
    void modelWithoutThinkingGetsNoThinkingConfig() {
        JsonNode b = body(corpusInput("20-thinking-budget-2048"), FLASH_20);
        assertThat(b.path("generationConfig").has("thinkingConfig")).isFalse();
    }

    // ------------------------------------------------------------------ the vendor's own validator

    @Test
    void everyCorpusRequestPassesGooglesProtosStrictly() throws IOException {
        GeminiValidate.require();
        Map<String, String> bodies = new LinkedHashMap<>();
        try (Stream<Path> dirs = Files.list(corpus())) {
            for (Path dir : dirs.sorted().toList()) {
                Path in = dir.resolve("input.json");
                if (!Files.isRegularFile(in)) {
                    continue;
                }
                String json = Files.readString(in, StandardCharsets.UTF_8);
                for (Target t : List.of(PRO, FLASH, FLASH_20)) {
                    bodies.put(dir.getFileName() + "@" + t.model(), translate(json, t));
                }
            }
        }
        assertThat(bodies).hasSize(32 * 3);
        GeminiValidate.Result r = GeminiValidate.strict(bodies);
        assertThat(r.all()).as(r.output()).isEmpty();
        assertThat(r.exitCode()).as(r.output()).isZero();
    }

    @Test
    void handBuiltEdgeCasesPassGooglesProtosStrictly() {
        GeminiValidate.require();
        Map<String, String> bodies = new LinkedHashMap<>();
        Conversation docs = conversation(List.of(new Turn(Role.USER, List.of(
                new Part.Document(new MediaSource.Url("https://example.com/p.pdf"), "P", "ctx", false, null, Loc.NONE),
                new Part.Image(new MediaSource.FileRef("files/abc123"), null, Loc.NONE),
                new Part.ToolResult("orphan", List.of(), true, null, Loc.NONE),
                text("go")), Loc.NONE)), List.of(), null);
        bodies.put("documents", GeminiWriter.write(docs, PRO, false));
        Conversation hostedOnly = conversation(List.of(new Turn(Role.USER, List.of(text("search")), Loc.NONE)),
                List.of(new Tool.Hosted(Tool.HostedKind.WEB_SEARCH, "web_search_20250305", "web_search", RawJson.EMPTY_OBJECT, Loc.NONE)),
                new ToolChoice(ToolChoice.Mode.ANY, null, null, Loc.NONE));
        bodies.put("hosted-only", GeminiWriter.write(hostedOnly, PRO, false));
        Conversation odd = conversation(List.of(
                new Turn(Role.ASSISTANT, List.of(new Part.ToolCall("c1", "f", new RawJson("[1, 2]"), null, Loc.NONE)), Loc.NONE),
                new Turn(Role.USER, List.of(new Part.ToolResult("c1", List.of(text("done")), false, null, Loc.NONE)), Loc.NONE)),
                List.of(new Tool.Function("f", null, new RawJson(GeminiSchemaTest.KITCHEN_SINK_SCHEMA), null, Loc.NONE)),
                new ToolChoice(ToolChoice.Mode.TOOL, "f", null, Loc.NONE));
        bodies.put("odd-tools", GeminiWriter.write(odd, PRO, true));
        bodies.put("open-objects-json-schema", translate(OPEN_OBJECTS, PRO));
        bodies.put("open-objects-subset", translate(OPEN_OBJECTS, FLASH_20));
        String notAString = request("[{\"role\":\"user\",\"content\":\"hi\"}]", "\"tools\":[{\"name\":\"t\","
                + "\"input_schema\":{\"type\":\"object\",\"properties\":{\"x\":{\"not\":{\"type\":\"string\"}}}}}]");
        bodies.put("not-json-schema", translate(notAString, PRO));
        bodies.put("not-subset", translate(notAString, FLASH_20));
        GeminiValidate.Result r = GeminiValidate.strict(bodies);
        assertThat(r.all()).as(r.output()).isEmpty();
    }

    @Test
    void validatorRejectsWhatGeminiRejects() {
        GeminiValidate.Result r = GeminiValidate.strict("openai-shaped", "{\"contents\":[{\"role\":\"assistant\","
                + "\"parts\":[{\"text\":\"x\",\"functionCall\":{\"name\":\"f\"}}]}],\"tools\":[{\"functionDeclarations\":"
                + "[{\"name\":\"f\",\"parameters\":{\"type\":\"object\",\"additionalProperties\":false}}]}]}");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.of("openai-shaped")).hasSize(5)
                .anySatisfy(p -> assertThat(p).startsWith("RULE").contains("contents[0].role"))
                .anySatisfy(p -> assertThat(p).contains("mutually exclusive"))
                .anySatisfy(p -> assertThat(p).contains("'description' is a required property"))
                .anySatisfy(p -> assertThat(p).contains("additionalProperties"))
                .anySatisfy(p -> assertThat(p).startsWith("WARN").contains("\"object\""));
    }

    // ------------------------------------------------------------------ helpers

    private static Part.Text text(String s) {
        return new Part.Text(s, null, null, Loc.NONE);
    }

    private static Conversation conversation(List<Turn> turns, List<Tool> tools, ToolChoice choice) {
        return new Conversation(SourceKind.REQUEST, "m", List.of(), turns, tools, choice, Generation.NONE, null, List.of());
    }

    private static List<String> texts(JsonNode parts) {
        List<String> out = new ArrayList<>();
        parts.forEach(p -> {
            if (p.has("text")) {
                out.add(p.path("text").asText());
            }
        });
        return out;
    }

    /** The values of every part field {@code kind} in the contents, in order. */
    private static List<JsonNode> find(JsonNode body, String kind) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode content : body.path("contents")) {
            for (JsonNode part : content.path("parts")) {
                if (part.has(kind)) {
                    out.add(part.get(kind));
                }
            }
        }
        return out;
    }
}
