package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.Translations.ids;
import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Reply schemas and strict tool schemas fitted to what each target can hold. */
class StructuredOutputTranslateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Target GPT_4O = Target.of("openai:gpt-4o");

    private static final String SCHEMA = """
            {"type":"object","properties":{"city":{"type":"string"},"tags":{"type":"array","items":{"type":"string"}}},
             "required":["city","tags"],"additionalProperties":false}""";

    @Test
    void claudeStructuredOutputBecomesEachTargetsOwn() throws Exception {
        String req = """
                {"model":"claude-sonnet-4-5","max_tokens":300,"output_config":{"format":{"type":"json_schema","schema":%s}},
                 "messages":[{"role":"user","content":"Where is the Rijksmuseum?"}]}""".formatted(SCHEMA);
        Translation gpt = PromptPort.translate(req, GPT_4O);
        JsonNode chat = json(gpt);
        assertThat(chat.at("/response_format/type").asText()).isEqualTo("json_schema");
        assertThat(chat.at("/response_format/json_schema/name").asText()).isEqualTo("response");
        assertThat(chat.at("/response_format/json_schema/strict").asBoolean()).isTrue();
        assertThat(chat.at("/response_format/json_schema/schema")).isEqualTo(JSON.readTree(SCHEMA));
        assertThat(ids(gpt)).doesNotContain("PP115", "PP161");
        dev.promptport.spec.OpenAiSpec.require().assertCleanChatRequest(gpt.json());

        Translation toResponses = PromptPort.translate(req, Target.of("openai-responses:gpt-5"));
        dev.promptport.spec.OpenAiSpec.require().assertCleanResponsesRequest(toResponses.json());
        JsonNode responses = json(toResponses);
        assertThat(responses.at("/text/format/type").asText()).isEqualTo("json_schema");
        assertThat(responses.at("/text/format/strict").asBoolean()).isTrue();
        assertThat(responses.at("/text/format/schema/required")).hasSize(2);

        JsonNode gemini = json(PromptPort.translate(req, Target.of("gemini:gemini-2.5-pro")));
        assertThat(gemini.at("/generationConfig/responseMimeType").asText()).isEqualTo("application/json");
        // closed to other keys, which Gemini 2.5 keeps only in plain JSON Schema
        assertThat(gemini.at("/generationConfig/responseJsonSchema/properties/tags/type").asText()).isEqualTo("array");
        assertThat(gemini.at("/generationConfig/responseJsonSchema/additionalProperties").asBoolean(true)).isFalse();

        Translation deepseek = PromptPort.translate(req, Target.of("deepseek:deepseek-chat"));
        assertThat(json(deepseek).at("/response_format/type").asText()).isEqualTo("json_object");
        assertThat(ids(deepseek)).contains("PP162");

        JsonNode claude = json(PromptPort.translate(req, Target.of("anthropic:claude-sonnet-4-5")));
        assertThat(claude.at("/output_config/format/schema")).isEqualTo(JSON.readTree(SCHEMA));
    }

    @Test
    void schemaStrictModeCannotHoldIsSentNonStrictWithAFinding() throws Exception {
        String req = """
                {"max_tokens":300,"output_format":{"type":"json_schema","schema":
                  {"type":"object","properties":{"city":{"type":"string"},"note":{"type":"string"}},"required":["city"],
                   "additionalProperties":false}},
                 "messages":[{"role":"user","content":"Where is the Rijksmuseum?"}]}""";
        Translation t = PromptPort.translate(req, GPT_4O);
        assertThat(json(t).at("/response_format/json_schema/strict").asBoolean(true)).isFalse();
        assertThat(t.findings().stream().filter(f -> f.id().equals("PP161")).map(Finding::message)).singleElement()
                .asString().contains("optional properties at /properties/note");
        assertThat(t.findings().stream().filter(f -> f.id().equals("PP161")).findFirst().orElseThrow()
                .location().pointer()).isEqualTo("/output_format");
    }

    @Test
    void openAiResponseFormatsReachClaudeAndGemini() throws Exception {
        String schema = """
                {"model":"gpt-4o","response_format":{"type":"json_schema","json_schema":{"name":"place","strict":true,
                 "schema":%s}},"messages":[{"role":"user","content":"Where is the Rijksmuseum?"}]}""".formatted(SCHEMA);
        Target claude = Target.of("anthropic:claude-sonnet-4-5");
        assertThat(json(PromptPort.translate(schema, InputFormat.OPENAI_CHAT, claude, Options.DEFAULT))
                .at("/output_config/format/type").asText()).isEqualTo("json_schema");
        JsonNode back = json(PromptPort.translate(schema, InputFormat.OPENAI_CHAT, GPT_4O, Options.DEFAULT));
        assertThat(back.at("/response_format/json_schema/name").asText()).isEqualTo("place");

        String jsonMode = """
                {"model":"gpt-4o","response_format":{"type":"json_object"},"messages":[{"role":"user","content":"JSON please"}]}""";
        Translation toClaude = PromptPort.translate(jsonMode, InputFormat.OPENAI_CHAT, claude, Options.DEFAULT);
        assertThat(json(toClaude).has("output_config")).isFalse();
        assertThat(ids(toClaude)).contains("PP163");
        assertThat(json(PromptPort.translate(jsonMode, InputFormat.OPENAI_CHAT, Target.of("gemini:gemini-2.5-pro"),
                Options.DEFAULT)).at("/generationConfig/responseMimeType").asText()).isEqualTo("application/json");
    }

    @Test
    void geminiResponseSchemaArrivesAsJsonSchema() throws Exception {
        String req = """
                {"contents":[{"role":"user","parts":[{"text":"Where?"}]}],"generationConfig":{"responseMimeType":"application/json",
                 "responseSchema":{"type":"OBJECT","properties":{"city":{"type":"STRING"}},"required":["city"]}}}""";
        Translation t = PromptPort.translate(req, InputFormat.GEMINI, GPT_4O, Options.DEFAULT);
        assertThat(json(t).at("/response_format/json_schema/schema/properties/city/type").asText()).isEqualTo("string");
        assertThat(ids(t)).doesNotContain("PP115");
    }

    @Test
    void strictToolStaysStrictWhereTheTargetCanHoldItAndIsNamedWhereNot() throws Exception {
        String req = """
                {"max_tokens":300,"tools":[{"name":"weather","strict":true,"input_schema":%s}],
                 "messages":[{"role":"user","content":"Weather in Paris?"}]}""";
        String strictSchema = SCHEMA;
        String loose = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}";

        Translation gpt = PromptPort.translate(req.formatted(strictSchema), GPT_4O);
        assertThat(json(gpt).at("/tools/0/function/strict").asBoolean()).isTrue();
        assertThat(ids(gpt)).doesNotContain("PP115", "PP165");
        dev.promptport.spec.OpenAiSpec.require().assertCleanChatRequest(gpt.json());

        Translation looseGpt = PromptPort.translate(req.formatted(loose), GPT_4O);
        assertThat(json(looseGpt).at("/tools/0/function/strict").asBoolean(true)).isFalse();
        assertThat(looseGpt.findings().stream().filter(f -> f.id().equals("PP165")).map(Finding::message)).singleElement()
                .asString().contains("strict mode cannot take").contains("optional properties");

        Translation responses = PromptPort.translate(req.formatted(strictSchema), Target.of("openai-responses:gpt-5"));
        assertThat(json(responses).at("/tools/0/strict").asBoolean()).isTrue();

        Translation gemini = PromptPort.translate(req.formatted(strictSchema), Target.of("gemini:gemini-2.5-pro"));
        assertThat(ids(gemini)).contains("PP165");

        JsonNode claude = json(PromptPort.translate(req.formatted(strictSchema), Target.of("anthropic:claude-sonnet-4-5")));
        assertThat(claude.at("/tools/0/strict").asBoolean()).isTrue();

        String openAi = """
                {"model":"gpt-4o","tools":[{"type":"function","function":{"name":"weather","strict":true,"parameters":%s}}],
                 "messages":[{"role":"user","content":"Weather?"}]}""".formatted(strictSchema);
        assertThat(json(PromptPort.translate(openAi, InputFormat.OPENAI_CHAT, Target.of("anthropic:claude-sonnet-4-5"),
                Options.DEFAULT)).at("/tools/0/strict").asBoolean()).isTrue();
    }

    @Test
    void strictSchemasKeepStrictModeOnOpenAiWhereRewritingKeepsWhatTheyAccept() throws Exception {
        String req = """
                {"max_tokens":300,"tools":[{"name":"set_status","description":"Set ticket status","strict":true,
                  "input_schema":{"type":"object","properties":{"status":{"type":"string","enum":["open","closed"],
                   "default":"open"},"id":{"oneOf":[{"type":"string"},{"type":"integer"}]}},"required":["status","id"],
                   "additionalProperties":false}}],
                 "output_config":{"format":{"type":"json_schema","schema":{"type":"object","properties":{"priority":
                   {"type":"string","enum":["low","high"],"default":"low"}},"required":["priority"],"additionalProperties":false}}},
                 "messages":[{"role":"user","content":"Close ticket 7"}]}""";
        Translation chat = PromptPort.translate(req, GPT_4O);
        JsonNode c = json(chat);
        assertThat(c.at("/tools/0/function/strict").asBoolean()).isTrue();
        assertThat(c.at("/tools/0/function/parameters/properties/status").toString())
                .isEqualTo("{\"type\":\"string\",\"enum\":[\"open\",\"closed\"],\"description\":\"Default: \\\"open\\\".\"}");
        assertThat(c.at("/tools/0/function/parameters/properties/id").has("anyOf")).isTrue();
        assertThat(c.at("/response_format/json_schema/strict").asBoolean()).isTrue();
        assertThat(c.at("/response_format/json_schema/schema/properties/priority").has("default")).isFalse();
        assertThat(chat.findings()).extracting(f -> f.id() + " " + f.location().pointer())
                .contains("PP188 /tools/0/input_schema", "PP188 /output_config/format")
                .noneMatch(f -> f.startsWith("PP165") || f.startsWith("PP161"));
        dev.promptport.spec.OpenAiSpec.require().assertCleanChatRequest(chat.json());

        Translation responses = PromptPort.translate(req, Target.of("openai-responses:gpt-5"));
        JsonNode r = json(responses);
        assertThat(r.at("/tools/0/strict").asBoolean()).isTrue();
        assertThat(r.at("/tools/0/parameters/properties/status").has("default")).isFalse();
        assertThat(r.at("/text/format/strict").asBoolean()).isTrue();
        assertThat(r.at("/text/format/schema/properties/priority").has("default")).isFalse();
        dev.promptport.spec.OpenAiSpec.require().assertCleanResponsesRequest(responses.json());

        // Claude takes the schema as written
        JsonNode claude = json(PromptPort.translate(req, Target.of("anthropic:claude-sonnet-4-5")));
        assertThat(claude.at("/tools/0/input_schema/properties/status/default").asText()).isEqualTo("open");
    }

    @Test
    void strictSchemasWithConstraintsStrictModeLacksGoWithoutStrictModeNamingWhy() throws Exception {
        StringBuilder deep = new StringBuilder("{\"type\":\"string\"}");
        for (int i = 0; i < 11; i++) {
            deep.insert(0, "{\"type\":\"object\",\"properties\":{\"n\":").append("},\"required\":[\"n\"],"
                    + "\"additionalProperties\":false}");
        }
        String req = """
                {"max_tokens":300,"tools":[
                  {"name":"code","description":"C","strict":true,"input_schema":{"type":"object","properties":{"s":{"type":"string",
                   "minLength":2,"default":"ab"}},"required":["s"],"additionalProperties":false}},
                  {"name":"deep","description":"D","strict":true,"input_schema":%s}],
                 "output_config":{"format":{"type":"json_schema","schema":{"type":"object","properties":{"v":{"oneOf":[
                   {"type":"string"},{"type":"string","maxLength":3}]}},"required":["v"],"additionalProperties":false}}},
                 "messages":[{"role":"user","content":"Go"}]}""".formatted(deep);
        for (Target target : List.of(GPT_4O, Target.of("openai-responses:gpt-5"))) {
            Translation t = PromptPort.translate(req, target);
            JsonNode out = json(t);
            boolean chat = out.has("messages");
            assertThat(out.at(chat ? "/tools/0/function/strict" : "/tools/0/strict").asBoolean(true)).isFalse();
            assertThat(out.at(chat ? "/tools/1/function/strict" : "/tools/1/strict").asBoolean(true)).isFalse();
            // sent without strict mode, the schema goes as written
            assertThat(out.at(chat ? "/tools/0/function/parameters/properties/s/default" : "/tools/0/parameters/properties/s/default")
                    .asText()).isEqualTo("ab");
            assertThat(out.at(chat ? "/response_format/json_schema/strict" : "/text/format/strict").asBoolean(true)).isFalse();
            List<String> messages = t.findings().stream().map(f -> f.id() + " " + f.message()).toList();
            assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("PP165").contains("\"code\"")
                    .contains("the keyword minLength at /properties/s"));
            assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("PP165").contains("\"deep\"")
                    .contains("more than 10 levels of nesting"));
            assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("PP161")
                    .contains("oneOf whose variants can match the same value"));
            assertThat(messages).noneMatch(m -> m.startsWith("PP188"));
        }
    }
}
