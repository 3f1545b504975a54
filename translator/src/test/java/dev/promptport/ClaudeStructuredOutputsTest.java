package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.finding;
import static dev.promptport.Translations.ids;
import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claude's structured outputs refuse many JSON Schema keywords with a 400; a reply schema or a
 * strict tool bound for Claude is rewritten so Claude takes it, from every input format, and
 * what cannot be rewritten goes another way. Other targets get the schema as before.
 */
class ClaudeStructuredOutputsTest {

    private static final Target SONNET = Target.of("anthropic:claude-sonnet-4-5");
    private static final String RATING = """
            {"type":"object","properties":{"score":{"type":"integer","minimum":1,"maximum":5},
              "title":{"type":"string","minLength":1,"maxLength":80}},
             "required":["score","title"],"additionalProperties":false}""";
    private static final String TREE = """
            {"type":"object","properties":{"name":{"type":"string"},"children":{"type":"array","items":{"$ref":"#"}}},
             "required":["name"],"additionalProperties":false}""";

    private static Translation chat(String responseFormatSchema, Target to) throws Exception {
        return PromptPort.translate("""
                {"model":"gpt-4o","max_tokens":100,"messages":[{"role":"user","content":"Rate Up"}],
                 "response_format":{"type":"json_schema","json_schema":{"name":"rating","schema":%s}}}"""
                .formatted(responseFormatSchema), InputFormat.OPENAI_CHAT, to, Options.DEFAULT);
    }

    @Test
    void aReplySchemaWithNumberAndLengthLimitsIsSentWithTheLimitsInItsDescriptions() throws Exception {
        Translation t = chat(RATING, SONNET);
        dev.promptport.spec.ClaudeSdk.assertValidRequest(t.json());
        JsonNode schema = json(t).at("/output_config/format/schema");
        assertThat(schema.at("/properties/score").toString())
                .isEqualTo("{\"type\":\"integer\",\"description\":\"{minimum: 1, maximum: 5}\"}");
        assertThat(schema.at("/properties/title").has("maxLength")).isFalse();
        assertThat(finding(t, "PP197").message()).contains("The schema the reply must follow", "anthropic:claude-sonnet-4-5",
                "minimum, maximum, minLength, maxLength moved into the description", "does not enforce");
    }

    @Test
    void aStrictToolIsRewrittenTooAndAToolThatIsNotStrictIsLeftAsWritten() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"gpt-4o","messages":[{"role":"user","content":"Go"}],"tools":[
                 {"type":"function","function":{"name":"loose","parameters":{"type":"object","properties":{"n":{"type":"integer","minimum":0}}}}},
                 {"type":"function","function":{"name":"strict_one","strict":true,"parameters":
                   {"type":"object","properties":{"n":{"type":"integer","minimum":0},"opts":{"type":"object"}},
                    "required":["n","opts"],"additionalProperties":false}}}]}""",
                InputFormat.OPENAI_CHAT, SONNET, Options.DEFAULT);
        dev.promptport.spec.ClaudeSdk.assertValidRequest(t.json());
        assertThat(json(t).at("/tools/0/input_schema/properties/n/minimum").asInt()).isZero();
        JsonNode strict = json(t).at("/tools/1");
        assertThat(strict.at("/strict").asBoolean()).isTrue();
        assertThat(strict.at("/input_schema/properties/n/description").asText()).isEqualTo("{minimum: 0}");
        assertThat(strict.at("/input_schema/properties/opts/additionalProperties").isBoolean()).isTrue();
        assertThat(finding(t, "PP197").message()).contains("The tool \"strict_one\"", "additionalProperties: false");
        assertThat(finding(t, "PP197").location().pointer()).isEqualTo("/tools/1/function/parameters");
    }

    @Test
    void aStrictToolWithASchemaThatRefersToItselfIsSentWithoutStrictMode() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"gpt-4o","messages":[{"role":"user","content":"Go"}],"tools":[
                 {"type":"function","function":{"name":"tree","strict":true,"parameters":%s}}]}""".formatted(TREE),
                InputFormat.OPENAI_CHAT, SONNET, Options.DEFAULT);
        dev.promptport.spec.ClaudeSdk.assertValidRequest(t.json());
        assertThat(json(t).at("/tools/0").has("strict")).isFalse();
        assertThat(json(t).at("/tools/0/input_schema/properties/children/items/$ref").asText()).isEqualTo("#");
        assertThat(finding(t, "PP165").message()).contains("a schema that refers to itself at /properties/children/items");
        assertThat(ids(t)).doesNotContain("PP197");
    }

    @Test
    void aReplySchemaThatRefersToItselfGoesIntoTheSystemPromptInsteadOfStructuredOutput() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"gpt-4o","max_tokens":100,"messages":[{"role":"system","content":"You draw trees."},
                 {"role":"user","content":"Tree"}],
                 "response_format":{"type":"json_schema","json_schema":{"name":"node","strict":false,"schema":%s}}}"""
                .formatted(TREE), InputFormat.OPENAI_CHAT, SONNET, Options.DEFAULT);
        dev.promptport.spec.ClaudeSdk.assertValidRequest(t.json());
        assertThat(json(t).has("output_config")).isFalse();
        String system = json(t).at("/system").toString();
        assertThat(system).contains("You draw trees.", "matches this JSON schema", "\\\"$ref\\\":\\\"#\\\"");
        assertThat(finding(t, "PP161").message()).contains("refers to itself", "system prompt");
    }

    @Test
    void responsesGeminiAndAnthropicRequestsGetTheSameRewrite() throws Exception {
        Translation responses = PromptPort.translate("""
                {"model":"gpt-5","input":"Rate Up","text":{"format":{"type":"json_schema","name":"r","schema":%s}}}"""
                .formatted(RATING), InputFormat.OPENAI_RESPONSES, SONNET, Options.DEFAULT);
        Translation gemini = PromptPort.translate("""
                {"contents":[{"role":"user","parts":[{"text":"Rate Up"}]}],"generationConfig":{
                  "responseMimeType":"application/json","responseSchema":{"type":"OBJECT","properties":{
                    "score":{"type":"INTEGER","minimum":1},"note":{"type":"STRING","nullable":true}},
                   "required":["score"],"propertyOrdering":["score","note"]}}}""",
                InputFormat.GEMINI, SONNET, Options.DEFAULT);
        Translation anthropic = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[{"role":"user","content":"Rate Up"}],
                 "output_config":{"format":{"type":"json_schema","schema":%s}}}""".formatted(RATING), SONNET);
        for (Translation t : new Translation[] {responses, gemini, anthropic}) {
            dev.promptport.spec.ClaudeSdk.assertValidRequest(t.json());
            assertThat(json(t).at("/output_config/format/schema/properties/score/description").asText()).startsWith("{minimum: 1");
            assertThat(json(t).at("/output_config/format/schema/additionalProperties").asBoolean(true)).isFalse();
            assertThat(ids(t)).contains("PP197");
        }
        JsonNode note = json(gemini).at("/output_config/format/schema/properties/note");
        assertThat(note.toString()).isEqualTo("{\"type\":[\"string\",\"null\"]}");
        assertThat(json(gemini).at("/output_config/format/schema").has("propertyOrdering")).isFalse();
    }

    @Test
    void otherTargetsGetTheSchemaAsBefore() throws Exception {
        Translation gpt = chat(RATING, Target.of("openai:gpt-4o"));
        assertThat(json(gpt).at("/response_format/json_schema/schema/properties/score/minimum").asInt()).isEqualTo(1);
        assertThat(ids(gpt)).doesNotContain("PP197");
        Translation gemini = chat(RATING, Target.of("gemini:gemini-2.5-pro"));
        assertThat(ids(gemini)).doesNotContain("PP197");
        assertThat(gemini.json()).contains("\"minimum\"");
    }

    @Test
    void aSchemaClaudeAlreadyTakesIsSentUnchangedWithoutAFinding() throws Exception {
        String ok = """
                {"type":"object","properties":{"score":{"type":"integer","enum":[1,2,3,4,5]}},
                 "required":["score"],"additionalProperties":false}""";
        Translation t = chat(ok, SONNET);
        assertThat(json(t).at("/output_config/format/schema")).isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().readTree(ok));
        assertThat(ids(t)).doesNotContain("PP197", "PP161");
    }

    /** An OpenAI strict tool named {@code name} with {@code required} required and {@code optional} optional string parameters. */
    private static String chatTool(String name, int required, int optional, boolean nullable) {
        StringBuilder props = new StringBuilder();
        StringBuilder req = new StringBuilder();
        for (int i = 0; i < required + optional; i++) {
            props.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":{\"type\":")
                    .append(nullable ? "[\"string\",\"null\"]" : "\"string\"").append('}');
            if (i < required) {
                req.append(i == 0 ? "" : ",").append("\"p").append(i).append('"');
            }
        }
        return """
                {"type":"function","function":{"name":"%s","strict":true,"parameters":{"type":"object",
                 "properties":{%s},"required":[%s],"additionalProperties":false}}}""".formatted(name, props, req);
    }

    private static Translation chatTools(String tools, String responseFormat) {
        return PromptPort.translate("""
                {"model":"gpt-4o","messages":[{"role":"user","content":"Go"}],%s"tools":[%s]}"""
                .formatted(responseFormat, tools), InputFormat.OPENAI_CHAT, SONNET, Options.DEFAULT);
    }

    @Test
    void strictToolsBeyondClaudesTwentyAreSentWithoutStrictModeAndNamedOnce() throws Exception {
        StringBuilder tools = new StringBuilder();
        for (int i = 1; i <= 22; i++) {
            tools.append(i == 1 ? "" : ",").append(chatTool("tool_" + i, 1, 0, false));
        }
        Translation t = chatTools(tools.toString(), "");
        dev.promptport.spec.ClaudeSdk.assertValidRequest(t.json());
        JsonNode sent = json(t).at("/tools");
        assertThat(sent.get(19).at("/strict").asBoolean()).isTrue();
        assertThat(sent.get(20).has("strict")).isFalse();
        assertThat(sent.get(21).has("strict")).isFalse();
        assertThat(t.findings()).filteredOn(f -> f.id().equals("PP205")).hasSize(1);
        assertThat(finding(t, "PP205").message()).contains("22 strict tools (at most 20)", "2 tool(s)", "tool_21",
                "tool_22").doesNotContain("tool_20");
        assertThat(finding(t, "PP205").location().pointer()).isEqualTo("/tools/20/function/strict");
    }

    @Test
    void optionalParametersOverClaudesLimitLeaveTheToolThatWouldPassItWithoutStrictMode() throws Exception {
        // three tools of 7 optional parameters fit in 24; a fourth would make 28; a small fifth still fits
        String tools = String.join(",", chatTool("a", 1, 7, false), chatTool("b", 1, 7, false),
                chatTool("c", 1, 7, false), chatTool("d", 1, 7, false), chatTool("e", 1, 3, false));
        Translation t = chatTools(tools, "");
        dev.promptport.spec.ClaudeSdk.assertValidRequest(t.json());
        JsonNode sent = json(t).at("/tools");
        assertThat(sent.get(2).at("/strict").asBoolean()).isTrue();
        assertThat(sent.get(3).has("strict")).isFalse();
        assertThat(sent.get(4).at("/strict").asBoolean()).isTrue();
        assertThat(finding(t, "PP205").message()).contains("31 optional parameters (at most 24)", "1 tool(s)", "d");
    }

    @Test
    void nullableParametersOfOpenAiStrictToolsCountAsUnionTypes() throws Exception {
        // OpenAI's strict mode spells an optional parameter as a required one that may be null
        String tools = String.join(",", chatTool("a", 6, 0, true), chatTool("b", 6, 0, true), chatTool("c", 6, 0, true));
        Translation t = chatTools(tools, "");
        dev.promptport.spec.ClaudeSdk.assertValidRequest(t.json());
        assertThat(json(t).at("/tools/1/strict").asBoolean()).isTrue();
        assertThat(json(t).at("/tools/2").has("strict")).isFalse();
        assertThat(finding(t, "PP205").message()).contains("18 parameters with union types");
    }

    @Test
    void theReplySchemaCountsFirstAndStaysStructuredOutput() throws Exception {
        String reply = """
                "response_format":{"type":"json_schema","json_schema":{"name":"r","schema":{"type":"object",
                 "properties":{%s},"additionalProperties":false}}},""".formatted(
                java.util.stream.IntStream.range(0, 20).mapToObj(i -> "\"o" + i + "\":{\"type\":\"string\"}")
                        .collect(java.util.stream.Collectors.joining(",")));
        Translation t = chatTools(chatTool("a", 1, 5, false), reply);
        dev.promptport.spec.ClaudeSdk.assertValidRequest(t.json());
        assertThat(json(t).at("/output_config/format/schema/properties").size()).isEqualTo(20);
        assertThat(json(t).at("/tools/0").has("strict")).isFalse();
        assertThat(finding(t, "PP205").message()).contains("25 optional parameters");
    }

    @Test
    void aReplySchemaOverALimitOnItsOwnGoesIntoTheSystemPrompt() throws Exception {
        String reply = """
                "response_format":{"type":"json_schema","json_schema":{"name":"r","schema":{"type":"object",
                 "properties":{%s},"additionalProperties":false}}},""".formatted(
                java.util.stream.IntStream.range(0, 30).mapToObj(i -> "\"o" + i + "\":{\"type\":\"string\"}")
                        .collect(java.util.stream.Collectors.joining(",")));
        Translation t = chatTools(chatTool("a", 1, 5, false), reply);
        dev.promptport.spec.ClaudeSdk.assertValidRequest(t.json());
        assertThat(json(t).has("output_config")).isFalse();
        assertThat(json(t).at("/system").toString()).contains("o29");
        assertThat(finding(t, "PP161").message()).contains("30 optional parameters, more than the 24");
        // the tool keeps strict mode: the reply schema no longer counts
        assertThat(json(t).at("/tools/0/strict").asBoolean()).isTrue();
        assertThat(ids(t)).doesNotContain("PP205");
    }

    @Test
    void strictToolsWithinClaudesLimitsAllStayStrict() throws Exception {
        String tools = String.join(",", chatTool("a", 2, 8, false), chatTool("b", 2, 8, true), chatTool("c", 0, 8, false));
        Translation t = chatTools(tools, "");
        assertThat(json(t).at("/tools/2/strict").asBoolean()).isTrue();
        assertThat(ids(t)).doesNotContain("PP205", "PP165");
    }
}
