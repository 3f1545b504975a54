package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.Translations.json;
import static dev.promptport.Translations.finding;
import static dev.promptport.Translations.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptPortTranslateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Target GPT_4O = Target.of("openai:gpt-4o");
    private static final Target O3 = Target.of("openai:o3");

    @Test
    void systemBecomesSystemMessageForGpt4oAndDeveloperMessageForO3() throws Exception {
        String req = "{\"system\":\"Be brief.\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
        JsonNode a = json(PromptPort.translate(req, GPT_4O));
        JsonNode b = json(PromptPort.translate(req, O3));
        assertThat(a.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(b.at("/messages/0/role").asText()).isEqualTo("developer");
        assertThat(a.at("/messages/1/content").asText()).isEqualTo("Hi");
        assertThat(a.at("/model").asText()).isEqualTo("gpt-4o");
        assertThat(a.at("/max_completion_tokens").asInt()).isEqualTo(50);
        assertThat(a.has("max_tokens")).isFalse();
    }

    @Test
    void prefillBecomesInstructionAndIsRecordedForTheReply() throws Exception {
        Translation t = PromptPort.translate("""
                {"messages":[{"role":"user","content":"List three colours as JSON."},
                             {"role":"assistant","content":"{"}]}""", GPT_4O);
        JsonNode out = json(t);
        assertThat(t.prefill()).isEqualTo("{");
        assertThat(out.at("/messages")).hasSize(1);
        assertThat(out.at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(out.at("/messages/0/content/0/text").asText()).isEqualTo("List three colours as JSON.");
        assertThat(out.at("/messages/0/content/1/text").asText()).endsWith("\n{").contains("Begin your reply with");
        assertThat(ids(t)).contains("PP107");
        assertThat(t.findings().stream().filter(f -> f.id().equals("PP107")).findFirst().orElseThrow()
                .location().pointer()).isEqualTo("/messages/1");
    }

    @Test
    void thinkingBudgetBecomesReasoningEffortOnReasoningModels() throws Exception {
        String req = """
                {"thinking":{"type":"enabled","budget_tokens":%d},"max_tokens":40000,
                 "messages":[{"role":"user","content":"Prove it."}]}""";
        assertThat(json(PromptPort.translate(req.formatted(2048), O3)).at("/reasoning_effort").asText()).isEqualTo("low");
        assertThat(json(PromptPort.translate(req.formatted(10000), O3)).at("/reasoning_effort").asText()).isEqualTo("medium");
        assertThat(json(PromptPort.translate(req.formatted(32000), O3)).at("/reasoning_effort").asText()).isEqualTo("high");
        assertThat(ids(PromptPort.translate(req.formatted(2048), O3))).contains("PP108");
    }

    @Test
    void effortLevelBecomesTheReasoningEffortOrABudgetAndIsReportedWhereNothingTakesIt() throws Exception {
        String req = """
                {"output_config":{"effort":"%s"},"max_tokens":4000,
                 "messages":[{"role":"user","content":"Prove it."}]}""";
        assertThat(json(PromptPort.translate(req.formatted("high"), O3)).at("/reasoning_effort").asText()).isEqualTo("high");
        // o3 has no level above high
        assertThat(json(PromptPort.translate(req.formatted("max"), O3)).at("/reasoning_effort").asText()).isEqualTo("high");
        Translation gemini = PromptPort.translate(req.formatted("low"), Target.of("gemini:gemini-2.5-pro"));
        assertThat(json(gemini).at("/generationConfig/thinkingConfig/thinkingBudget").asInt()).isPositive();
        assertThat(ids(gemini)).contains("PP148");

        Translation gpt = PromptPort.translate(req.formatted("low"), GPT_4O);
        assertThat(json(gpt).has("reasoning_effort")).isFalse();
        assertThat(ids(gpt)).contains("PP157").doesNotContain("PP109", "PP115");
        assertThat(gpt.findings().stream().filter(f -> f.id().equals("PP157")).findFirst().orElseThrow()
                .location().pointer()).isEqualTo("/output_config/effort");

        // Sonnet 4.5 takes no effort level (Opus 4.5 and later do): named, not sent
        Translation claude = PromptPort.translate(req.formatted("low"), Target.of("anthropic:claude-sonnet-4-5"));
        assertThat(json(claude).has("output_config")).isFalse();
        assertThat(json(claude).has("thinking")).isFalse();
        assertThat(ids(claude)).contains("PP157");
    }

    @Test
    void effortAboveWhatTheModelTakesIsSentAtTheNearestLevelAndNamed() throws Exception {
        String req = """
                {"output_config":{"effort":"%s"},"max_tokens":4000,
                 "messages":[{"role":"user","content":"Prove it."}]}""";
        Translation o3 = PromptPort.translate(req.formatted("xhigh"), O3);
        assertThat(json(o3).at("/reasoning_effort").asText()).isEqualTo("high");
        assertThat(finding(o3, "PP217").message()).contains("effort \"xhigh\"", "\"low\", \"medium\" or \"high\"",
                "sent as \"high\"");
        assertThat(finding(o3, "PP217").location().pointer()).isEqualTo("/output_config/effort");
        Translation gpt5 = PromptPort.translate(req.formatted("max"), Target.of("openai-responses:gpt-5"));
        assertThat(json(gpt5).at("/reasoning/effort").asText()).isEqualTo("high");
        assertThat(finding(gpt5, "PP217").message()).contains("effort \"max\"", "sent as \"high\"");
        // a level the model takes goes as it came, and says nothing
        assertThat(ids(PromptPort.translate(req.formatted("high"), O3))).doesNotContain("PP217", "PP218");
        assertThat(ids(PromptPort.translate(req.formatted("minimal"), Target.of("openai:gpt-5")))).doesNotContain("PP217");
    }

    @Test
    void thinkingBudgetAndEffortTogetherNameTheOneTheTargetIgnores() throws Exception {
        String req = """
                {"thinking":{"type":"enabled","budget_tokens":16000},"output_config":{"effort":"low"},"max_tokens":20000,
                 "messages":[{"role":"user","content":"Prove it."}]}""";
        Translation o3 = PromptPort.translate(req, O3);
        assertThat(json(o3).at("/reasoning_effort").asText()).isEqualTo("low");
        assertThat(finding(o3, "PP218").message()).contains("budget of 16000 tokens", "effort \"low\"",
                "reasons at effort \"low\" and the budget was dropped");
        assertThat(ids(o3)).doesNotContain("PP217");
        Translation gemini = PromptPort.translate(req, Target.of("gemini:gemini-2.5-pro"));
        assertThat(json(gemini).at("/generationConfig/thinkingConfig/thinkingBudget").asInt()).isEqualTo(16000);
        assertThat(finding(gemini, "PP218").message()).contains("thinks with the budget and the effort was dropped");
        // Claude takes both
        assertThat(ids(PromptPort.translate(req, Target.of("anthropic:claude-sonnet-4-5")))).doesNotContain("PP218");
        // one setting alone is not named
        assertThat(ids(PromptPort.translate(req.replace(",\"output_config\":{\"effort\":\"low\"}", ""), O3)))
                .doesNotContain("PP218");
    }

    @Test
    void effortBesideDisabledOrOwnThinkingEffortIsKeptForClaudeAndNamedElsewhere() throws Exception {
        String off = """
                {"thinking":{"type":"disabled"},"output_config":{"effort":"high"},"max_tokens":4000,
                 "messages":[{"role":"user","content":"Prove it."}]}""";
        Translation o3 = PromptPort.translate(off, O3);
        assertThat(json(o3).at("/reasoning_effort").asText()).isEqualTo("low");
        Finding named = finding(o3, "PP173");
        assertThat(named.location().pointer()).isEqualTo("/output_config/effort");
        assertThat(named.message()).startsWith("output_config.effort (high) was not sent: the request also turns thinking off");
        assertThat(ids(o3)).doesNotContain("PP115");
        assertThat(finding(PromptPort.translate(off, GPT_4O), "PP173").message()).contains("openai:gpt-4o has no reasoning setting");

        // a Claude model that takes an effort level gets both as written
        ModelFacts sonnet = Target.of("anthropic:claude-sonnet-4-5").facts();
        Target opus = new Target("anthropic", "claude-opus-4-5", new ModelFacts(sonnet.wire(), sonnet.contextWindow(),
                sonnet.maxOutput(), sonnet.systemRole(), sonnet.reasoning(), List.of("low", "medium", "high"),
                sonnet.outputLimitField(), true, true, true, true, sonnet.stopLimit(), sonnet.rejects(), sonnet.structure(),
                sonnet.maxTools(), sonnet.tokenizer(), sonnet.hostedTools(), true, sonnet.budgetMin(), sonnet.budgetMax()));
        Translation claude = PromptPort.translate(off, opus);
        assertThat(json(claude).at("/thinking/type").asText()).isEqualTo("disabled");
        assertThat(json(claude).at("/output_config/effort").asText()).isEqualTo("high");
        assertThat(json(claude).has("output_config/effort")).isFalse();
        assertThat(ids(claude)).doesNotContain("PP115", "PP173");
        // one that takes none names it
        assertThat(ids(PromptPort.translate(off, Target.of("anthropic:claude-sonnet-4-5")))).contains("PP157");

        Translation own = PromptPort.translate("""
                {"thinking":{"type":"enabled","budget_tokens":2000,"effort":"low"},"output_config":{"effort":"high"},
                 "max_tokens":4000,"messages":[{"role":"user","content":"Prove it."}]}""", O3);
        assertThat(json(own).at("/reasoning_effort").asText()).isEqualTo("low");
        assertThat(finding(own, "PP173").message()).contains("thinking.effort to \"low\"");
    }

    @Test
    void effortBesideEnabledThinkingReachesAClaudeModelThatTakesOneAndIsNamedForOneThatDoesNot() throws Exception {
        String both = """
                {"thinking":{"type":"enabled","budget_tokens":2000},"output_config":{"effort":"low"},"max_tokens":4000,
                 "messages":[{"role":"user","content":"Prove it."}]}""";
        ModelFacts sonnet = Target.of("anthropic:claude-sonnet-4-5").facts();
        Target opus = new Target("anthropic", "claude-opus-4-5", new ModelFacts(sonnet.wire(), sonnet.contextWindow(),
                sonnet.maxOutput(), sonnet.systemRole(), sonnet.reasoning(), List.of("low", "medium", "high"),
                sonnet.outputLimitField(), true, true, true, true, sonnet.stopLimit(), sonnet.rejects(), sonnet.structure(),
                sonnet.maxTools(), sonnet.tokenizer(), sonnet.hostedTools(), true, sonnet.budgetMin(), sonnet.budgetMax()));
        Translation kept = PromptPort.translate(both, opus);
        assertThat(json(kept).at("/thinking/budget_tokens").asInt()).isEqualTo(2000);
        assertThat(json(kept).at("/output_config/effort").asText()).isEqualTo("low");
        assertThat(ids(kept)).doesNotContain("PP157");

        Translation named = PromptPort.translate(both, Target.of("anthropic:claude-sonnet-4-5"));
        assertThat(json(named).at("/thinking/budget_tokens").asInt()).isEqualTo(2000);
        assertThat(json(named).has("output_config")).isFalse();
        assertThat(finding(named, "PP157").message()).contains("\"low\"", "anthropic:claude-sonnet-4-5");

        // an OpenAI effort alone becomes the budget for a model without effort levels, as before
        Translation fromOpenAi = PromptPort.translate("""
                {"model":"o3","reasoning_effort":"low","max_completion_tokens":4000,
                 "messages":[{"role":"user","content":"Prove it."}]}""", InputFormat.OPENAI_CHAT,
                Target.of("anthropic:claude-sonnet-4-5"), Options.DEFAULT);
        assertThat(json(fromOpenAi).has("output_config")).isFalse();
        assertThat(ids(fromOpenAi)).contains("PP148").doesNotContain("PP157");
    }

    @Test
    void aContainerWithSkillsIsNamedByItsIdAndEachSkill() throws Exception {
        String req = """
                {"max_tokens":100,"container":%s,"messages":[{"role":"user","content":"Make the deck."}]}""";
        String skillsOnly = finding(PromptPort.translate(req.formatted("""
                {"id":null,"skills":[{"type":"anthropic","skill_id":"pptx","version":"latest"},
                  {"type":"custom","skill_id":"skill_01ab","version":"3"}]}"""), O3), "PP159").message();
        assertThat(skillsOnly).isEqualTo("The request loads the Agent Skills \"pptx\" (anthropic, version latest), "
                + "\"skill_01ab\" (custom, version 3) into Anthropic's code-execution container; openai:o3 cannot reach "
                + "Anthropic's containers, so the model cannot use them.");
        String reused = finding(PromptPort.translate(req.formatted("""
                {"id":"container_7","skills":[{"type":"anthropic","skill_id":"xlsx"}]}"""), O3), "PP159").message();
        assertThat(reused).startsWith("The request reuses Anthropic's code-execution container \"container_7\" with the "
                + "Agent Skill \"xlsx\" (anthropic);").endsWith("are not available, nor is the skill.");
        assertThat(finding(PromptPort.translate(req.formatted("\"container_7\""), O3), "PP159").message())
                .startsWith("The request reuses Anthropic's code-execution container \"container_7\";")
                .endsWith("so the files and state left in it by earlier turns are not available.");
    }

    @Test
    void effortLevelJoinsAdaptiveThinking() throws Exception {
        Translation t = PromptPort.translate("""
                {"thinking":{"type":"adaptive"},"output_config":{"effort":"low"},"max_tokens":4000,
                 "messages":[{"role":"user","content":"Prove it."}]}""", O3);
        assertThat(json(t).at("/reasoning_effort").asText()).isEqualTo("low");
        assertThat(ids(t)).doesNotContain("PP115", "PP157");
    }

    @Test
    void claudeOnlySettingsAreNamedInFindingsAndKeptForClaude() throws Exception {
        String req = """
                {"model":"claude-sonnet-4-5","max_tokens":400,"inference_geo":"eu","container":"container_1",
                 "cache_control":{"type":"ephemeral"},"thinking":{"type":"adaptive","display":"omitted"},
                 "output_config":{"format":{"type":"json_schema","schema":{"type":"object"}}},
                 "messages":[{"role":"user","content":"Hi"}]}""";
        Translation o3 = PromptPort.translate(req, O3);
        assertThat(ids(o3)).contains("PP113", "PP158", "PP159", "PP160").doesNotContain("PP115");
        assertThat(o3.findings().stream().filter(f -> f.id().equals("PP158")).map(Finding::message))
                .singleElement().asString().contains("\"eu\" region");
        assertThat(json(o3).has("inference_geo")).isFalse();

        JsonNode claude = json(PromptPort.translate(req, Target.of("anthropic:claude-sonnet-4-5")));
        assertThat(claude.at("/inference_geo").asText()).isEqualTo("eu");
        assertThat(claude.at("/container").asText()).isEqualTo("container_1");
        assertThat(claude.at("/cache_control/type").asText()).isEqualTo("ephemeral");
    }

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
        assertThat(gemini.at("/generationConfig/responseSchema/properties/tags/type").asText()).isEqualToIgnoringCase("array");

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
    void searchResultBecomesADocumentAndHostedToolHistoryIsNamed() throws Exception {
        Translation t = PromptPort.translate("""
                {"max_tokens":300,"messages":[
                 {"role":"user","content":[{"type":"search_result","source":"https://kb.example/refunds","title":"Refunds",
                   "content":[{"type":"text","text":"Refunds within 30 days."}],"citations":{"enabled":true}},
                   {"type":"text","text":"Refund window?"}]},
                 {"role":"assistant","content":[{"type":"server_tool_use","id":"s1","name":"web_search","input":{}},
                   {"type":"text","text":"30 days."}]},
                 {"role":"user","content":"Thanks."}]}""", GPT_4O);
        assertThat(json(t).at("/messages/0/content/0/text").asText())
                .isEqualTo("<document title=\"Refunds\" context=\"source: https://kb.example/refunds\">\nRefunds within 30 days.\n</document>");
        assertThat(ids(t)).contains("PP120", "PP122", "PP164").doesNotContain("PP129");
        JsonNode claude = json(PromptPort.translate("""
                {"max_tokens":300,"messages":[{"role":"user","content":[{"type":"search_result","source":"s","title":"T",
                 "content":[{"type":"text","text":"x"}]}]}]}""", Target.of("anthropic:claude-sonnet-4-5")));
        assertThat(claude.at("/messages/0/content/0/type").asText()).isEqualTo("search_result");
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

    @Test
    void anotherVendorsAudioPartNeverReachesClaudeAndMessageNamesAreReported() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"gpt-4o","messages":[{"role":"user","name":"alice","content":[{"type":"text","text":"Hi"},
                 {"type":"input_audio","input_audio":{"data":"AAAA","format":"wav"}}]}]}""",
                InputFormat.OPENAI_CHAT, Target.of("anthropic:claude-sonnet-4-5"), Options.DEFAULT);
        dev.promptport.spec.ClaudeSdk.assertValidRequest(t.json());
        assertThat(t.json()).doesNotContain("input_audio");
        assertThat(t.findings()).extracting(f -> f.id() + " " + f.location().pointer())
                .contains("PP121 /messages/0/content/1", "PP173 /messages/0/name");
    }

    @Test
    void thinkingIsDroppedWithAFindingForModelsWithoutReasoning() throws Exception {
        Translation t = PromptPort.translate("""
                {"thinking":{"type":"enabled","budget_tokens":2048},"max_tokens":4000,
                 "messages":[{"role":"user","content":"Prove it."}]}""", GPT_4O);
        assertThat(json(t).has("reasoning_effort")).isFalse();
        assertThat(ids(t)).contains("PP109");
    }

    @Test
    void topKIsDroppedAndStopSequencesAreCutToFour() throws Exception {
        Translation t = PromptPort.translate("""
                {"top_k":5,"temperature":0.2,"stop_sequences":["a","b","c","d","e","f"],
                 "messages":[{"role":"user","content":"x"}]}""", GPT_4O);
        JsonNode out = json(t);
        assertThat(out.has("top_k")).isFalse();
        assertThat(out.at("/temperature").asDouble()).isEqualTo(0.2);
        assertThat(out.at("/stop")).hasSize(4);
        assertThat(ids(t)).contains("PP111", "PP112");
        Finding cut = t.findings().stream().filter(f -> f.id().equals("PP112")).findFirst().orElseThrow();
        assertThat(cut.message()).contains("\"e\", \"f\"");
    }

    @Test
    void reasoningModelsLoseSamplingParametersAndStopSequences() throws Exception {
        Translation t = PromptPort.translate("""
                {"temperature":0.2,"top_p":0.9,"stop_sequences":["END"],
                 "messages":[{"role":"user","content":"x"}]}""", O3);
        JsonNode out = json(t);
        assertThat(out.has("temperature")).isFalse();
        assertThat(out.has("top_p")).isFalse();
        assertThat(out.has("stop")).isFalse();
        assertThat(ids(t)).contains("PP117", "PP132");
    }

    @Test
    void cacheControlIsDroppedWithOneFinding() throws Exception {
        Translation t = PromptPort.translate("""
                {"system":[{"type":"text","text":"Long rules","cache_control":{"type":"ephemeral"}}],
                 "messages":[{"role":"user","content":[{"type":"text","text":"Hi","cache_control":{"type":"ephemeral"}}]}]}""",
                GPT_4O);
        assertThat(t.json()).doesNotContain("cache_control");
        assertThat(ids(t)).containsOnlyOnce("PP113");
    }

    @Test
    void metadataUserIdBecomesSafetyIdentifier() throws Exception {
        Translation t = PromptPort.translate("""
                {"metadata":{"user_id":"user-42"},"messages":[{"role":"user","content":"x"}]}""", GPT_4O);
        assertThat(json(t).at("/safety_identifier").asText()).isEqualTo("user-42");
        assertThat(ids(t)).contains("PP114");
    }

    @Test
    void toolsToolChoiceAndParallelSettingMap() throws Exception {
        Translation t = PromptPort.translate("""
                {"tools":[{"name":"lookup","description":"Find a record","input_schema":{"type":"object","properties":{"id":{"type":"string"}}}}],
                 "tool_choice":{"type":"tool","name":"lookup","disable_parallel_tool_use":true},
                 "messages":[{"role":"user","content":"Find 7"}]}""", GPT_4O);
        JsonNode out = json(t);
        assertThat(out.at("/tools/0/type").asText()).isEqualTo("function");
        assertThat(out.at("/tools/0/function/name").asText()).isEqualTo("lookup");
        assertThat(out.at("/tools/0/function/parameters/properties/id/type").asText()).isEqualTo("string");
        assertThat(out.at("/tool_choice/function/name").asText()).isEqualTo("lookup");
        assertThat(out.at("/parallel_tool_calls").asBoolean(true)).isFalse();
        assertThat(ids(t)).contains("PP123");
    }

    @Test
    void anyToolChoiceBecomesRequired() throws Exception {
        Translation t = PromptPort.translate("""
                {"tools":[{"name":"a","input_schema":{"type":"object"}}],"tool_choice":{"type":"any"},
                 "messages":[{"role":"user","content":"x"}]}""", GPT_4O);
        assertThat(json(t).at("/tool_choice").asText()).isEqualTo("required");
    }

    @Test
    void toolUseAndResultsKeepTheirOrderAndErrorFlagStaysVisible() throws Exception {
        Translation t = PromptPort.translate("""
                {"tools":[{"name":"get","input_schema":{"type":"object"}}],
                 "messages":[{"role":"user","content":"Check a and b"},
                   {"role":"assistant","content":[{"type":"text","text":"Checking."},
                      {"type":"tool_use","id":"t1","name":"get","input":{"k":"a"}},
                      {"type":"tool_use","id":"t2","name":"get","input":{"k":"b"}}]},
                   {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"A=1"},
                      {"type":"tool_result","tool_use_id":"t2","is_error":true,"content":"not found"},
                      {"type":"text","text":"Go on."}]}]}""", GPT_4O);
        JsonNode m = json(t).at("/messages");
        assertThat(m.get(1).at("/content").asText()).isEqualTo("Checking.");
        assertThat(m.get(1).at("/tool_calls/0/function/arguments").asText()).isEqualTo("{\"k\":\"a\"}");
        assertThat(m.get(1).at("/tool_calls/1/id").asText()).isEqualTo("t2");
        assertThat(m.get(2).at("/role").asText()).isEqualTo("tool");
        assertThat(m.get(2).at("/tool_call_id").asText()).isEqualTo("t1");
        assertThat(m.get(3).at("/content").asText()).isEqualTo("Error: not found");
        assertThat(m.get(4).at("/content").asText()).isEqualTo("Go on.");
        assertThat(ids(t)).contains("PP118");
    }

    @Test
    void aFailedToolsMessageThatAlreadySaysErrorIsNotPrefixedTwice() throws Exception {
        String request = """
                {"tools":[{"name":"get","input_schema":{"type":"object"}}],
                 "messages":[{"role":"user","content":"Check a"},
                   {"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"get","input":{"k":"a"}}]},
                   {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","is_error":true,
                      "content":"Error: service unavailable"}]}]}""";
        assertThat(json(PromptPort.translate(request, GPT_4O)).at("/messages/2/content").asText())
                .isEqualTo("Error: service unavailable");
        assertThat(json(PromptPort.translate(request, Target.of("openai-responses:gpt-4o"))).at("/input/2/output").asText())
                .isEqualTo("Error: service unavailable");
    }

    @Test
    void thinkingHistoryIsDroppedWithFindings() throws Exception {
        Translation t = PromptPort.translate("""
                {"messages":[{"role":"user","content":"Q"},
                  {"role":"assistant","content":[{"type":"thinking","thinking":"secret","signature":"s"},
                     {"type":"redacted_thinking","data":"zz"},{"type":"text","text":"A"}]},
                  {"role":"user","content":"Q2"}]}""", GPT_4O);
        assertThat(t.json()).doesNotContain("secret");
        assertThat(json(t).at("/messages/1/content").asText()).isEqualTo("A");
        assertThat(ids(t)).containsSubsequence("PP110", "PP110");
    }

    @Test
    void hostedToolsAreLeftOutAsBlockers() throws Exception {
        Translation t = PromptPort.translate("""
                {"tools":[{"type":"web_search_20250305","name":"web_search"}],"tool_choice":{"type":"auto"},
                 "messages":[{"role":"user","content":"News?"}]}""", GPT_4O);
        JsonNode out = json(t);
        assertThat(out.has("tools")).isFalse();
        assertThat(out.has("tool_choice")).isFalse();
        assertThat(t.findings()).anySatisfy(f -> {
            assertThat(f.id()).isEqualTo("PP119");
            assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
            assertThat(f.location().pointer()).isEqualTo("/tools/0");
        });
    }

    @Test
    void webSearchSettingsTheResponsesApiKeepsAreNotNamedAndTheOthersAre() throws Exception {
        Translation kept = PromptPort.translate("""
                {"max_tokens":100,"tools":[{"type":"web_search_20250305","name":"web_search","max_uses":3,
                  "allowed_domains":["nytimes.com"],"user_location":{"type":"approximate","city":"Paris","country":"FR"}}],
                 "messages":[{"role":"user","content":"News?"}]}""", Target.of("openai-responses:gpt-5"));
        JsonNode out = json(kept);
        assertThat(out.at("/tools/0/filters/allowed_domains/0").asText()).isEqualTo("nytimes.com");
        assertThat(out.at("/tools/0/user_location/city").asText()).isEqualTo("Paris");
        assertThat(out.at("/max_tool_calls").asInt()).isEqualTo(3);
        assertThat(finding(kept, "PP150").message()).isEqualTo("The hosted tool \"web_search\" became "
                + "openai-responses:gpt-5's own equivalent, whose results look different; its max_uses (3) became the "
                + "request's max_tool_calls, which caps all of the reply's calls to built-in tools together, not web "
                + "searches alone.");

        Translation blocked = PromptPort.translate("""
                {"max_tokens":100,"tools":[{"type":"web_search_20260209","name":"web_search",
                  "blocked_domains":["spam.com","bad.com"],"response_inclusion":"excluded"}],
                 "messages":[{"role":"user","content":"News?"}]}""", Target.of("openai-responses:gpt-5"));
        assertThat(finding(blocked, "PP150").message()).endsWith("; its settings blocked_domains (spam.com, bad.com) and "
                + "response_inclusion (\"excluded\") have no equivalent there and were dropped.");
        assertThat(json(blocked).has("max_tool_calls")).isFalse();

        Translation plain = PromptPort.translate("""
                {"max_tokens":100,"tools":[{"type":"web_search_20250305","name":"web_search"}],
                 "messages":[{"role":"user","content":"News?"}]}""", Target.of("openai-responses:gpt-5"));
        assertThat(finding(plain, "PP150").message()).endsWith("own equivalent, whose results look different.");
    }

    @Test
    void geminiSearchAndUrlContextNameEverySettingAsDropped() throws Exception {
        Translation search = PromptPort.translate("""
                {"max_tokens":100,"tools":[{"type":"web_search_20250305","name":"web_search","max_uses":3,
                  "allowed_domains":["nytimes.com"],"user_location":{"type":"approximate","city":"Paris","country":"FR"}}],
                 "messages":[{"role":"user","content":"News?"}]}""", Target.of("gemini:gemini-2.5-pro"));
        assertThat(json(search).at("/tools/0").toString()).isEqualTo("{\"googleSearch\":{}}");
        assertThat(finding(search, "PP150").message()).endsWith("; its settings max_uses (3), allowed_domains (nytimes.com) "
                + "and user_location (Paris, FR) have no equivalent there and were dropped.");
        Translation fetch = PromptPort.translate("""
                {"max_tokens":100,"tools":[{"type":"web_fetch_20250910","name":"web_fetch","max_uses":2,
                  "allowed_domains":["ex.com"],"max_content_tokens":5000}],
                 "messages":[{"role":"user","content":"Read https://ex.com"}]}""", Target.of("gemini:gemini-2.5-pro"));
        assertThat(finding(fetch, "PP150").message()).contains("max_uses (2)", "allowed_domains (ex.com)",
                "max_content_tokens (5000)", "were dropped");
    }

    @Test
    void aChatModelThatSearchesTheWebGetsWebSearchOptionsWithTheLocationAndTheRestNamed() throws Exception {
        ModelFacts gpt4o = Target.of("openai:gpt-4o").facts();
        Target searchModel = new Target("openai", "gpt-4o-search-preview", new ModelFacts("openai-chat",
                gpt4o.contextWindow(), gpt4o.maxOutput(), "system", "none", List.of(), "max_completion_tokens", false,
                false, false, false, 0, java.util.Set.of("temperature", "top_p"), "markdown", 0, "o200k_base",
                java.util.Set.of("web_search"), false, 0, 0));
        Translation t = PromptPort.translate("""
                {"max_tokens":100,"tools":[{"type":"web_search_20250305","name":"web_search","max_uses":3,
                  "allowed_domains":["nytimes.com"],"user_location":{"type":"approximate","city":"Paris","country":"FR"}}],
                 "messages":[{"role":"user","content":"News?"}]}""", searchModel);
        JsonNode out = json(t);
        assertThat(out.at("/web_search_options").toString())
                .isEqualTo("{\"user_location\":{\"type\":\"approximate\",\"approximate\":{\"city\":\"Paris\",\"country\":\"FR\"}}}");
        assertThat(out.has("tools")).isFalse();
        assertThat(finding(t, "PP150").message()).endsWith("; its settings max_uses (3) and allowed_domains (nytimes.com) "
                + "have no equivalent there and were dropped.");
        dev.promptport.spec.OpenAiSpec.load().ifPresent(spec -> spec.assertCleanChatRequest(t.json()));
    }

    @Test
    void invalidToolNamesAreRenamedConsistentlyAndMappedBack() throws Exception {
        String longName = "a".repeat(70);
        Translation t = PromptPort.translate("""
                {"tools":[{"name":"%s","input_schema":{"type":"object"}},{"name":"files.read","input_schema":{"type":"object"}}],
                 "tool_choice":{"type":"tool","name":"files.read"},
                 "messages":[{"role":"user","content":"x"},
                   {"role":"assistant","content":[{"type":"tool_use","id":"t","name":"files.read","input":{}}]},
                   {"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":"ok"}]}]}"""
                .formatted(longName), GPT_4O);
        JsonNode out = json(t);
        String fitted = out.at("/tools/0/function/name").asText();
        assertThat(fitted).hasSize(64).startsWith("a".repeat(55) + "_");
        assertThat(out.at("/tools/1/function/name").asText()).isEqualTo("files_read");
        assertThat(out.at("/tool_choice/function/name").asText()).isEqualTo("files_read");
        assertThat(out.at("/messages/1/tool_calls/0/function/name").asText()).isEqualTo("files_read");
        assertThat(t.toolNames()).containsEntry("files_read", "files.read").containsEntry(fitted, longName);
    }

    private static final String CITED_REPLY = """
            {"max_tokens":500,"messages":[
             {"role":"user","content":[{"type":"document","source":{"type":"text","media_type":"text/plain",
               "data":"The grass is green. The sky is blue."},"title":"Facts","citations":{"enabled":true}},
               {"type":"text","text":"What colour is the grass?"}]},
             {"role":"assistant","content":[{"type":"text","text":"According to the document, "},
               {"type":"text","text":"the grass is green","citations":[{"type":"char_location","cited_text":"The grass is green.",
                 "document_index":0,"document_title":"Facts","start_char_index":0,"end_char_index":20}]},
               {"type":"text","text":"."},{"type":"text","text":"Anything else?"}]},
             {"role":"user","content":"And the sky?"}]}""";

    @Test
    void piecesOfAnEarlierReplySplitByCitationsJoinAsTheSentenceTheyWere() throws Exception {
        JsonNode chat = json(PromptPort.translate(CITED_REPLY, GPT_4O));
        assertThat(chat.at("/messages/1/content").asText())
                .isEqualTo("According to the document, the grass is green.\n\nAnything else?");
        JsonNode responses = json(PromptPort.translate(CITED_REPLY, Target.of("openai-responses:gpt-4o")));
        assertThat(responses.at("/input/1/content").asText())
                .isEqualTo("According to the document, the grass is green.\n\nAnything else?");
    }

    @Test
    void citationsInAUserTurnAreNamedAsBeingInAUserTurn() throws Exception {
        Translation t = PromptPort.translate("""
                {"max_tokens":100,"messages":[{"role":"user","content":[{"type":"text","text":"quoted",
                  "citations":[{"type":"char_location","cited_text":"q","document_index":0,"start_char_index":0,
                  "end_char_index":1}]}]}]}""", GPT_4O);
        assertThat(finding(t, "PP177").message()).startsWith("A text block of a user turn carries citations")
                .doesNotContain("reply");
        assertThat(finding(PromptPort.translate(CITED_REPLY, GPT_4O), "PP177").message())
                .startsWith("A text block of an earlier reply carries citations");
    }

    @Test
    void citationsOfAnEarlierReplyStayForClaudeAndAreNamedElsewhere() throws Exception {
        Translation gpt = PromptPort.translate(CITED_REPLY, GPT_4O);
        assertThat(gpt.findings()).anySatisfy(f -> {
            assertThat(f.id()).isEqualTo("PP177");
            assertThat(f.location().pointer()).isEqualTo("/messages/1/content/1/citations");
        });
        assertThat(gpt.json()).doesNotContain("char_location");
        assertThat(ids(gpt)).doesNotContain("PP115");

        Translation claude = PromptPort.translate(CITED_REPLY, Target.of("anthropic:claude-sonnet-4-5"));
        assertThat(json(claude).at("/messages/1/content/1/citations/0/cited_text").asText()).isEqualTo("The grass is green.");
        assertThat(ids(claude)).doesNotContain("PP115", "PP177");
        dev.promptport.spec.ClaudeSdk.assertValidRequest(claude.json());
    }

    @Test
    void aHistoryCallToAToolTheRequestDoesNotDefineIsRenamedOnceNamedAndMappedBack() throws Exception {
        Translation t = PromptPort.translate("""
                {"max_tokens":100,"messages":[{"role":"user","content":"Look it up."},
                 {"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"crm.lookup","input":{}},
                                                {"type":"tool_use","id":"t2","name":"crm.lookup","input":{}}]},
                 {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"ok"},
                                           {"type":"tool_result","tool_use_id":"t2","content":"ok"}]}]}""", GPT_4O);
        assertThat(json(t).at("/messages/1/tool_calls/1/function/name").asText()).isEqualTo("crm_lookup");
        assertThat(t.findings().stream().filter(f -> f.id().equals("PP124")).map(f -> f.location().pointer()))
                .containsExactly("/messages/1/content/0/name");
        assertThat(t.toolNames()).containsEntry("crm_lookup", "crm.lookup");
    }

    @Test
    void aRenamedToolIsExplainedWithTheTargetsOwnRuleForNames() throws Exception {
        String req = """
                {"max_tokens":100,"tools":[{"name":"crm.lookup","input_schema":{"type":"object"}}],
                 "messages":[{"role":"user","content":"Look it up."}]}""";
        Translation gpt = PromptPort.translate(req, GPT_4O);
        dev.promptport.spec.OpenAiSpec.require().assertCleanChatRequest(gpt.json());
        assertThat(finding(gpt, "PP124").message())
                .contains("(letters, digits, _ and -, at most 64 characters)").doesNotContain("Gemini");
        Translation gemini = PromptPort.translate(req, Target.of("gemini:gemini-2.5-pro"));
        assertThat(finding(gemini, "PP124").message())
                .contains("(letters, digits, _ and -, at most 64 characters, starting with a letter or _)");
    }

    @Test
    void unknownFieldsAndBlocksAreReportedNotSent() throws Exception {
        Translation t = PromptPort.translate("""
                {"mcp_server":[{"url":"https://x"}],
                 "messages":[{"role":"user","content":[{"type":"voice_note","file_id":"f"},{"type":"text","text":"go"}]}]}""",
                GPT_4O);
        assertThat(t.json()).doesNotContain("mcp_server").doesNotContain("voice_note");
        assertThat(t.findings()).anySatisfy(f -> {
            assertThat(f.id()).isEqualTo("PP115");
            assertThat(f.location().pointer()).isEqualTo("/mcp_server");
        });
        assertThat(ids(t)).contains("PP129");
    }

    @Test
    void maxTokensAboveTheModelsLimitIsLowered() throws Exception {
        Translation t = PromptPort.translate("""
                {"max_tokens":64000,"messages":[{"role":"user","content":"x"}]}""", GPT_4O);
        assertThat(json(t).at("/max_completion_tokens").asInt()).isEqualTo(16384);
        assertThat(ids(t)).contains("PP125");
    }

    @Test
    void streamAsksForUsageInTheLastChunk() throws Exception {
        JsonNode out = json(PromptPort.translate("""
                {"stream":true,"messages":[{"role":"user","content":"x"}]}""", GPT_4O));
        assertThat(out.at("/stream").asBoolean()).isTrue();
        assertThat(out.at("/stream_options/include_usage").asBoolean()).isTrue();
    }

    @Test
    void unknownTargetIsABadInputError() {
        assertThatThrownBy(() -> Target.of("openai:gpt-99"))
                .isInstanceOf(PromptPortException.class)
                .hasMessageContaining("unknown target");
        assertThatThrownBy(() -> Target.of("gpt-4o"))
                .isInstanceOf(PromptPortException.class)
                .hasMessageContaining("vendor:model");
    }

    @Test
    void promptFileSectionsBecomeMarkdown() {
        Translation t = PromptPort.translate(Prompt.system("""
                <instructions>
                Answer briefly.
                </instructions>
                """), GPT_4O);
        assertThat(t.json()).isNull();
        assertThat(t.text()).contains("# Instructions").contains("Answer briefly.").doesNotContain("<instructions>");
        assertThat(ids(t)).contains("PP101");
    }

    @Test
    void xmlStyleKeepsTags() {
        Translation t = PromptPort.translate(Prompt.system("<instructions>\nAnswer briefly.\n</instructions>\n"),
                GPT_4O, Options.DEFAULT.withStyle(dev.promptport.rules.Style.XML));
        assertThat(t.text()).isEqualTo("<instructions>\nAnswer briefly.\n</instructions>\n");
    }

    @Test
    void toolNamesThatFitToTheSameNameStayDistinct() throws Exception {
        Translation t = PromptPort.translate("""
                {"tools":[{"name":"crm.lookup","input_schema":{"type":"object"}},{"name":"crm:lookup","input_schema":{"type":"object"}}],
                 "messages":[{"role":"user","content":"x"}]}""", GPT_4O);
        JsonNode tools = json(t).at("/tools");
        String a = tools.get(0).at("/function/name").asText();
        String b = tools.get(1).at("/function/name").asText();
        assertThat(a).isNotEqualTo(b);
        assertThat(t.toolNames()).containsEntry(a, "crm.lookup").containsEntry(b, "crm:lookup");
    }

    @Test
    void forcedToolThatWasLeftOutBecomesAutoWithAFinding() throws Exception {
        Translation t = PromptPort.translate("""
                {"tools":[{"type":"web_search_20250305","name":"web_search"},{"name":"get","input_schema":{"type":"object"}}],
                 "tool_choice":{"type":"tool","name":"web_search"},
                 "messages":[{"role":"user","content":"x"}]}""", GPT_4O);
        assertThat(json(t).at("/tool_choice").asText()).isEqualTo("auto");
        assertThat(ids(t)).contains("PP119", "PP146");
    }

    @Test
    void emptyUserTextStaysSoTheRequestKeepsItsTurn() throws Exception {
        Translation t = PromptPort.translate("""
                {"messages":[{"role":"user","content":[{"type":"text","text":""}]}]}""", GPT_4O);
        assertThat(json(t).at("/messages")).hasSize(1);
    }

    @Test
    void unknownBlockWithAStringSourceIsKeptAndReportedNotRejected() throws Exception {
        Translation t = PromptPort.translate("""
                {"messages":[{"role":"user","content":[{"type":"future_block","source":"https://kb","title":"t",
                  "content":[{"type":"text","text":"x"}]},{"type":"text","text":"q"}]}]}""", GPT_4O);
        assertThat(ids(t)).contains("PP129");
        assertThat(json(t).at("/messages/0/content").asText()).isEqualTo("q");
    }
}
