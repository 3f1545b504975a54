package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.Target;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Loc;
import dev.promptport.tree.MediaSource;
import dev.promptport.tree.Part;
import dev.promptport.tree.RawJson;
import dev.promptport.tree.Role;
import dev.promptport.tree.Tool;
import dev.promptport.tree.ToolChoice;
import dev.promptport.tree.Turn;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.promptport.write.GeminiWrites.FLASH;
import static dev.promptport.write.GeminiWrites.FLASH_20;
import static dev.promptport.write.GeminiWrites.OPEN_OBJECTS;
import static dev.promptport.write.GeminiWrites.PRO;
import static dev.promptport.write.GeminiWrites.body;
import static dev.promptport.write.GeminiWrites.conversation;
import static dev.promptport.write.GeminiWrites.corpus;
import static dev.promptport.write.GeminiWrites.corpusInput;
import static dev.promptport.write.GeminiWrites.find;
import static dev.promptport.write.GeminiWrites.fit;
import static dev.promptport.write.GeminiWrites.request;
import static dev.promptport.write.GeminiWrites.text;
import static dev.promptport.write.GeminiWrites.texts;
import static dev.promptport.write.GeminiWrites.translate;
import static dev.promptport.write.GeminiWrites.tree;
import static org.assertj.core.api.Assertions.assertThat;

class GeminiWriterTest {

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
}
