package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.Translations.finding;
import static dev.promptport.Translations.ids;
import static dev.promptport.Translations.json;
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

    @Test
    void aBedrockBodysVersionAndBetasAreLeftOutForEveryTargetAndNamedNotMisunderstood() throws Exception {
        // as Claude on Amazon Bedrock takes it (and its invocation logs keep it): no model, the version and betas in the body
        String req = """
                {"anthropic_version":"bedrock-2023-05-31","anthropic_beta":["context-1m-2025-08-07","interleaved-thinking-2025-05-14"],
                 "max_tokens":400,"messages":[{"role":"user","content":"Hi"}]}""";
        for (Target target : List.of(GPT_4O, Target.of("gemini:gemini-2.5-pro"), Target.of("anthropic:claude-sonnet-4-5"))) {
            Translation t = PromptPort.translate(req, target);
            assertThat(ids(t)).as("%s", target).contains("PP228", "PP229").doesNotContain("PP115");
            assertThat(json(t).has("anthropic_version")).isFalse();
            assertThat(json(t).has("anthropic_beta")).isFalse();
            assertThat(finding(t, "PP228").severity()).isEqualTo(Severity.INFO);
            assertThat(finding(t, "PP228").message()).contains("\"bedrock-2023-05-31\"");
            assertThat(finding(t, "PP229").message()).contains("context-1m-2025-08-07", "interleaved-thinking-2025-05-14");
        }
        // Vertex AI's version, the same way
        Translation vertex = PromptPort.translate(req.replace("bedrock-2023-05-31", "vertex-2023-10-16"), GPT_4O);
        assertThat(finding(vertex, "PP228").location().pointer()).isEqualTo("/anthropic_version");
        assertThat(finding(vertex, "PP228").message()).contains("\"vertex-2023-10-16\"");
    }

    @Test
    void onlyTheIncludeEntriesTheResponsesApiDocumentsAreCarriedAndTheRestNamed() throws Exception {
        // found by the request fuzz: an include that was an object reached the Responses API as ["enabled"]
        Target responses = Target.of("openai-responses:gpt-4o");
        Translation object = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":100,"include":{"type":"enabled","budget_tokens":12000},
                 "messages":[{"role":"user","content":"Hi"}]}""", responses);
        assertThat(json(object).has("include")).isFalse();
        assertThat(finding(object, "PP173").location().pointer()).isEqualTo("/include");

        Translation mixed = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":100,"include":["message.output_text.logprobs","everything"],
                 "messages":[{"role":"user","content":"Hi"}]}""", responses);
        assertThat(json(mixed).path("include").toString()).isEqualTo("[\"message.output_text.logprobs\"]");
        assertThat(finding(mixed, "PP173").message()).contains("everything");
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
        // whether the target caches at all depends on the server: the message claims only what holds for each
        assertThat(t.findings().stream().filter(f -> f.id().equals("PP113")).findFirst().orElseThrow().message())
                .endsWith("openai:gpt-4o takes no such marks; where it caches prompts, it finds a repeated start of the"
                        + " prompt on its own.");
    }

    @Test
    void metadataUserIdBecomesSafetyIdentifier() throws Exception {
        Translation t = PromptPort.translate("""
                {"metadata":{"user_id":"user-42"},"messages":[{"role":"user","content":"x"}]}""", GPT_4O);
        assertThat(json(t).at("/safety_identifier").asText()).isEqualTo("user-42");
        assertThat(ids(t)).contains("PP114");
    }

    @Test
    void anOpenAiEndUserIdIsNamedByTheFieldTheRequestUsedAndNotWhenItKeepsItsName() throws Exception {
        String chat = """
                {"model":"gpt-4o","messages":[{"role":"user","content":"x"}],"safety_identifier":"user-42","max_tokens":50}""";
        Translation responses = PromptPort.translate(chat, InputFormat.OPENAI_CHAT, Target.of("openai-responses:gpt-4o"),
                Options.DEFAULT);
        assertThat(json(responses).at("/safety_identifier").asText()).isEqualTo("user-42");
        assertThat(ids(responses)).doesNotContain("PP114");
        Translation gemini = PromptPort.translate(chat, InputFormat.OPENAI_CHAT, Target.of("gemini:gemini-2.5-pro"),
                Options.DEFAULT);
        Finding dropped = finding(gemini, "PP114");
        assertThat(dropped.location().pointer()).isEqualTo("/safety_identifier");
        assertThat(dropped.message()).startsWith("safety_identifier was dropped");
        Translation legacy = PromptPort.translate(chat.replace("safety_identifier", "user"), InputFormat.OPENAI_CHAT,
                GPT_4O, Options.DEFAULT);
        assertThat(finding(legacy, "PP114").message()).startsWith("user became safety_identifier");
        assertThat(finding(legacy, "PP114").location().pointer()).isEqualTo("/user");
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
    void streamAsksForUsageInTheLastChunk() throws Exception {
        JsonNode out = json(PromptPort.translate("""
                {"stream":true,"messages":[{"role":"user","content":"x"}]}""", GPT_4O));
        assertThat(out.at("/stream").asBoolean()).isTrue();
        assertThat(out.at("/stream_options/include_usage").asBoolean()).isTrue();
    }

    @Test
    void anUnlistedModelIsWrittenAsGivenAndEveryTranslationNamesTheFactsItBorrowed() throws Exception {
        String req = """
                {"model":"claude-sonnet-4-5","max_tokens":200000,"temperature":0.2,
                 "messages":[{"role":"user","content":"Hi"}]}""";

        Translation family = PromptPort.translate(req, Target.of("openai:gpt-5.2-pro"));
        assertThat(json(family).path("model").asText()).isEqualTo("gpt-5.2-pro");
        // gpt-5.1's facts, the nearest version: its output limit, and temperature refused as a reasoning model refuses it
        assertThat(json(family).path("max_completion_tokens").asInt()).isEqualTo(128000);
        assertThat(json(family).has("temperature")).isFalse();
        Finding borrowed = finding(family, "PP208");
        assertThat(borrowed.severity()).isEqualTo(Severity.LOW);
        assertThat(borrowed.message()).contains("does not name openai:gpt-5.2-pro", "facts of openai:gpt-5.1",
                "the closest listed model of its family");
        assertThat(borrowed.fix()).contains("models: in .promptport.yaml", "like: \"openai:gpt-5.1\"");

        Translation deployment = PromptPort.translate(req, Target.of("azure:my-gpt4o-deployment"));
        assertThat(json(deployment).path("model").asText()).isEqualTo("my-gpt4o-deployment");
        assertThat(finding(deployment, "PP208").message()).contains("facts of azure:gpt-4o",
                "no listed model of azure matches its name");

        Translation snapshot = PromptPort.translate(req, Target.of("openai:gpt-4o-2024-08-06"));
        assertThat(json(snapshot).path("model").asText()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(ids(snapshot)).doesNotContain("PP208");
    }

    @Test
    void unknownTargetIsABadInputError() {
        assertThatThrownBy(() -> Target.of("acme:gpt-99"))
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
