package dev.promptport;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptport.spec.ClaudeSdk;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.Translations.ids;
import static dev.promptport.Translations.finding;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings of OpenAI's and Gemini's requests that another vendor has no counterpart for are named
 * one by one, with what their loss means, instead of "not understood"; settings that ask for
 * nothing the target does not do anyway pass without a word.
 */
class ForeignSettingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Target CLAUDE = Target.of("anthropic:claude-sonnet-4-5");

    private static Translation chat(String fields, Target to) {
        return PromptPort.translate("{\"model\":\"gpt-4o\",\"max_completion_tokens\":300," + fields
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Name a bakery.\"}]}", InputFormat.OPENAI_CHAT, to, Options.DEFAULT);
    }

    @Test
    void aTemperatureAboveClaudesScaleIsSentAsItsTopAndNamed() throws Exception {
        Translation hot = chat("\"temperature\":1.5", CLAUDE);
        ClaudeSdk.assertValidRequest(hot.json());
        assertThat(JSON.readTree(hot.json()).path("temperature").asDouble()).isEqualTo(1.0);
        assertThat(finding(hot, "PP198").message()).startsWith("temperature=1.5 is outside what anthropic:claude-sonnet-4-5 takes, 0 to 1");
        // OpenAI's and Gemini's own scale goes to 2
        Translation gpt = chat("\"temperature\":1.5", Target.of("openai:gpt-4o"));
        assertThat(JSON.readTree(gpt.json()).path("temperature").asDouble()).isEqualTo(1.5);
        assertThat(ids(gpt)).doesNotContain("PP198");
        assertThat(ids(chat("\"temperature\":1", CLAUDE))).doesNotContain("PP198");
    }

    @Test
    void samplingOutsideEveryScaleIsSentAsTheNearestValueTheTargetTakesAndNamed() throws Exception {
        // Anthropic's own range is 0 to 1, but a request that never reached Claude may hold anything;
        // passed on as it was, the fallback would refuse the whole request
        String hot = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"temperature\":3,\"top_p\":1.5,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Name a bakery.\"}]}";
        Translation gpt = PromptPort.translate(hot, Target.of("openai:gpt-4o"));
        assertThat(JSON.readTree(gpt.json()).path("temperature").asDouble()).isEqualTo(2.0);
        assertThat(JSON.readTree(gpt.json()).path("top_p").asDouble()).isEqualTo(1.0);
        assertThat(gpt.findings()).filteredOn(f -> f.id().equals("PP198")).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).startsWith("temperature=3").contains("takes, 0 to 2, so it was sent as 2"))
                .anySatisfy(m -> assertThat(m).startsWith("top_p=1.5").contains("takes, 0 to 1, so it was sent as 1"));
        Translation gemini = PromptPort.translate(hot.replace("\"temperature\":3", "\"temperature\":-0.5"),
                Target.of("gemini:gemini-2.5-flash"));
        assertThat(JSON.readTree(gemini.json()).path("generationConfig").path("temperature").asDouble()).isEqualTo(0.0);
        assertThat(gemini.findings()).filteredOn(f -> f.id().equals("PP198")).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).startsWith("temperature=-0.5").contains("so it was sent as 0,"));
        // a number past a double's range reads as infinite, and is still a value the target refuses
        Translation huge = PromptPort.translate(hot.replace("\"temperature\":3", "\"temperature\":1e400"),
                Target.of("openai:gpt-4o"));
        assertThat(JSON.readTree(huge.json()).path("temperature").asDouble()).isEqualTo(2.0);
        assertThat(huge.findings()).filteredOn(f -> f.id().equals("PP198")).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).startsWith("temperature=Infinity is outside"));
    }

    @Test
    void claudeGetsOnlySamplingItTakesWithThinkingAndNeverTemperatureBesideTopP() throws Exception {
        Translation thinking = chat("\"reasoning_effort\":\"high\",\"temperature\":0.3,\"top_p\":0.5", CLAUDE);
        ClaudeSdk.assertValidRequest(thinking.json());
        assertThat(JSON.readTree(thinking.json()).has("temperature")).isFalse();
        assertThat(JSON.readTree(thinking.json()).has("top_p")).isFalse();
        assertThat(thinking.findings()).filteredOn(f -> f.id().equals("PP181")).extracting(f -> f.location().pointer())
                .containsExactly("/temperature", "/top_p");

        Translation both = chat("\"temperature\":0.3,\"top_p\":0.5", CLAUDE);
        assertThat(JSON.readTree(both.json()).path("temperature").asDouble()).isEqualTo(0.3);
        assertThat(JSON.readTree(both.json()).has("top_p")).isFalse();
        assertThat(finding(both, "PP181").message()).contains("together with temperature");

        // a model that takes both keeps both: the pair is a fact of the model, not of Claude
        Translation gpt = chat("\"temperature\":0.3,\"top_p\":0.5", Target.of("openai:gpt-4o"));
        assertThat(ids(gpt)).doesNotContain("PP181");
    }

    @Test
    void whitespaceStopSequencesNeverReachClaudeAndTheOthersStay() throws Exception {
        Translation t = chat("\"stop\":[\"\\n\",\"\",\"END\",\"  \"]", CLAUDE);
        ClaudeSdk.assertValidRequest(t.json());
        assertThat(JSON.readTree(t.json()).path("stop_sequences").toString()).isEqualTo("[\"END\"]");
        assertThat(finding(t, "PP183").message()).startsWith("The stop sequences \"\\n\", \"\", \"  \" hold only whitespace");

        Translation onlyNewline = chat("\"stop\":\"\\n\"", CLAUDE);
        assertThat(JSON.readTree(onlyNewline.json()).has("stop_sequences")).isFalse();
        assertThat(ids(chat("\"stop\":\"\\n\"", Target.of("openai:gpt-4o")))).doesNotContain("PP183");
    }

    @Test
    void cacheHintsOnOpenAiContentPartsReachClaudeAndAreNamedWhereDropped() throws Exception {
        String req = """
                {"model":"gpt-4o","messages":[{"role":"system","content":[{"type":"text","text":"Long policy.",
                  "cache_control":{"type":"ephemeral"}}]},{"role":"user","content":[{"type":"text","text":"Q?",
                  "cache_control":{"type":"ephemeral","ttl":"1h"}}]}]}""";
        Translation claude = PromptPort.translate(req, InputFormat.OPENAI_CHAT, CLAUDE, Options.DEFAULT);
        ClaudeSdk.assertValidRequest(claude.json());
        assertThat(JSON.readTree(claude.json()).at("/system/0/cache_control/type").asText()).isEqualTo("ephemeral");
        assertThat(JSON.readTree(claude.json()).at("/messages/0/content/0/cache_control/ttl").asText()).isEqualTo("1h");

        Translation gpt = PromptPort.translate(req, InputFormat.OPENAI_CHAT, Target.of("openai:gpt-4o"), Options.DEFAULT);
        assertThat(gpt.json()).doesNotContain("cache_control");
        assertThat(ids(gpt)).contains("PP113");
    }

    @Test
    void aSpeakersNameOnAChatMessageIsNamedWithWhatItsLossMeans() {
        Translation t = PromptPort.translate("""
                {"model":"gpt-4o","messages":[{"role":"user","name":"alice","content":"Hi"}]}""",
                InputFormat.OPENAI_CHAT, CLAUDE, Options.DEFAULT);
        assertThat(ids(t)).contains("PP173").doesNotContain("PP115");
        assertThat(finding(t, "PP173").message()).startsWith("messages[0].name (alice) was not sent:");
        assertThat(finding(t, "PP173").location().pointer()).isEqualTo("/messages/0/name");
    }

    @Test
    void openAiSamplingSettingsAreNamedWithWhatTheirLossMeans() {
        Translation t = chat("\"seed\":7,\"presence_penalty\":0.5,\"logit_bias\":{\"50256\":-100},\"logprobs\":true,"
                + "\"service_tier\":\"flex\",\"verbosity\":\"low\"", CLAUDE);
        assertThat(ids(t)).doesNotContain("PP115").filteredOn("PP173"::equals).hasSize(6);
        assertThat(finding(t, "PP173").message()).isEqualTo(
                "seed (7) was not sent: anthropic:claude-sonnet-4-5 takes no seed, so replies are not reproducible from run to run.");
        assertThat(t.json()).doesNotContain("seed", "presence_penalty", "logit_bias", "logprobs", "flex", "verbosity");
        ClaudeSdk.assertValidRequest(t.json());
    }

    @Test
    void reasoningModelsAreNotSentPenaltiesLogProbabilitiesOrLogitBiasAndEachIsNamed() throws Exception {
        String fields = "\"seed\":7,\"presence_penalty\":0.5,\"frequency_penalty\":0.3,\"logprobs\":true,\"top_logprobs\":3,"
                + "\"logit_bias\":{\"50256\":-100}";
        for (String model : new String[] {"openai:o3", "openai:gpt-5"}) {
            Translation t = chat(fields, Target.of(model));
            var body = JSON.readTree(t.json());
            assertThat(body.path("seed").asInt()).isEqualTo(7);
            assertThat(body.has("presence_penalty") || body.has("frequency_penalty") || body.has("logprobs")
                    || body.has("top_logprobs") || body.has("logit_bias")).isFalse();
            assertThat(t.findings()).filteredOn(f -> f.id().equals("PP117")).extracting(f -> f.location().pointer())
                    .containsExactly("/presence_penalty", "/frequency_penalty", "/logprobs", "/top_logprobs", "/logit_bias");
            assertThat(finding(t, "PP117").message())
                    .isEqualTo("presence_penalty=0.5 was dropped: " + model + " is a reasoning model and refuses this"
                            + " setting (the request would fail with it).");
        }
        // DeepSeek's reasoner takes the penalties without effect and refuses the log-probabilities
        Translation deepseek = chat(fields, Target.of("deepseek:deepseek-reasoner"));
        assertThat(deepseek.findings()).filteredOn(f -> f.id().equals("PP117")).extracting(Finding::message).contains(
                "presence_penalty=0.5 was dropped: deepseek:deepseek-reasoner is a reasoning model that accepts this"
                        + " setting but does nothing with it.",
                "logprobs=true was dropped: deepseek:deepseek-reasoner is a reasoning model and refuses this setting"
                        + " (the request would fail with it).");
        // the Responses API has top_logprobs, which o3 refuses there too
        Translation responses = chat("\"top_logprobs\":3", Target.of("openai-responses:o3"));
        assertThat(JSON.readTree(responses.json()).has("top_logprobs")).isFalse();
        assertThat(finding(responses, "PP117").location().pointer()).isEqualTo("/top_logprobs");

        // from Gemini, named as Gemini spells them
        Translation gemini = PromptPort.translate("""
                {"contents":[{"role":"user","parts":[{"text":"Name a bakery."}]}],
                 "generationConfig":{"presencePenalty":0.1,"frequencyPenalty":0.2,"seed":7}}""",
                InputFormat.GEMINI, Target.of("openai:o3"), Options.DEFAULT);
        assertThat(JSON.readTree(gemini.json()).has("presence_penalty")).isFalse();
        assertThat(finding(gemini, "PP117").message()).startsWith("generationConfig.presencePenalty=0.1 was dropped");

        // a model that takes them keeps them; logprobs: false asks for nothing and goes without a word
        assertThat(ids(chat(fields, Target.of("openai:gpt-4o")))).doesNotContain("PP117");
        assertThat(ids(chat("\"logprobs\":false", Target.of("openai:o3")))).doesNotContain("PP117", "PP115");
    }

    @Test
    void askingForGeminisThoughtsIsNamedWhereTheReplyComesWithoutThem() throws Exception {
        String only = """
                {"contents":[{"role":"user","parts":[{"text":"Name a bakery."}]}],
                 "generationConfig":{"thinkingConfig":{"includeThoughts":true}}}""";
        Translation responses = PromptPort.translate(only, InputFormat.GEMINI, Target.of("openai-responses:gpt-5"), Options.DEFAULT);
        Finding f = finding(responses, "PP222");
        assertThat(f.location().pointer()).isEqualTo("/generationConfig/thinkingConfig/includeThoughts");
        assertThat(f.message()).isEqualTo("generationConfig.thinkingConfig.includeThoughts asks for the model's thoughts with"
                + " the reply, but openai-responses:gpt-5 returns its reasoning as text only in summaries, which were not asked"
                + " for, so the reply comes without them.");
        assertThat(f.fix()).contains("reasoning.summary", "verified");
        // promptport still does not ask for summaries
        assertThat(JSON.readTree(responses.json()).path("reasoning").has("summary")).isFalse();
        assertThat(ids(PromptPort.translate(only, InputFormat.GEMINI, Target.of("openai:o3"), Options.DEFAULT))).contains("PP222");
        assertThat(ids(PromptPort.translate(only, InputFormat.GEMINI, CLAUDE, Options.DEFAULT))).contains("PP222")
                .doesNotContain("PP115");

        // Claude returns its thinking when thinking is on; Gemini takes the setting as written
        String withBudget = only.replace("{\"includeThoughts\":true}", "{\"includeThoughts\":true,\"thinkingBudget\":2048}");
        assertThat(ids(PromptPort.translate(withBudget, InputFormat.GEMINI, CLAUDE, Options.DEFAULT))).doesNotContain("PP222");
        Translation gemini = PromptPort.translate(only, InputFormat.GEMINI, Target.of("gemini:gemini-2.5-pro"), Options.DEFAULT);
        assertThat(JSON.readTree(gemini.json()).at("/generationConfig/thinkingConfig/includeThoughts").asBoolean()).isTrue();
        assertThat(ids(gemini)).doesNotContain("PP222", "PP115");
        Translation geminiBudget = PromptPort.translate(withBudget, InputFormat.GEMINI, Target.of("gemini:gemini-2.5-pro"),
                Options.DEFAULT);
        assertThat(JSON.readTree(geminiBudget.json()).at("/generationConfig/thinkingConfig").toString())
                .isEqualTo("{\"thinkingBudget\":2048,\"includeThoughts\":true}");
    }

    @Test
    void geminiIsAskedForItsThoughtsOnlyWhereTheRequestAskedForTheReasoningText() throws Exception {
        Target pro = Target.of("gemini:gemini-2.5-pro");
        String thinking = """
                {"model":"claude-sonnet-4-5","max_tokens":4000,"thinking":{"type":"enabled","budget_tokens":2048DISPLAY},
                 "messages":[{"role":"user","content":"Prove it."}]}""";
        // Claude returns its thinking unless display is "omitted"
        for (String display : List.of("", ",\"display\":\"summarized\"")) {
            Translation shown = PromptPort.translate(thinking.replace("DISPLAY", display), pro);
            assertThat(JSON.readTree(shown.json()).at("/generationConfig/thinkingConfig").toString())
                    .isEqualTo("{\"thinkingBudget\":2048,\"includeThoughts\":true}");
            assertThat(ids(shown)).doesNotContain("PP160", "PP115");
        }
        String omitted = thinking.replace("DISPLAY", ",\"display\":\"omitted\"");
        Translation hidden = PromptPort.translate(omitted, pro);
        assertThat(JSON.readTree(hidden.json()).at("/generationConfig/thinkingConfig").toString())
                .isEqualTo("{\"thinkingBudget\":2048}");
        assertThat(ids(hidden)).doesNotContain("PP160", "PP115");
        assertThat(ids(PromptPort.translate(omitted, Target.of("openai:o3")))).contains("PP160");
        // an effort alone turns no thinking on at Claude, so none comes back
        Translation effort = PromptPort.translate("""
                {"model":"claude-opus-4-5","max_tokens":4000,"output_config":{"effort":"high"},
                 "messages":[{"role":"user","content":"Prove it."}]}""", pro);
        assertThat(JSON.readTree(effort.json()).at("/generationConfig/thinkingConfig").has("includeThoughts")).isFalse();

        // Gemini's own setting as written
        Translation geminiOff = PromptPort.translate("""
                {"contents":[{"role":"user","parts":[{"text":"Prove it."}]}],
                 "generationConfig":{"thinkingConfig":{"thinkingBudget":2048,"includeThoughts":false}}}""",
                InputFormat.GEMINI, pro, Options.DEFAULT);
        assertThat(JSON.readTree(geminiOff.json()).at("/generationConfig/thinkingConfig").toString())
                .isEqualTo("{\"thinkingBudget\":2048}");

        // OpenAI: the reasoning's text comes back only as the Responses API's summary
        Translation chat = chat("\"reasoning_effort\":\"high\"", pro);
        assertThat(JSON.readTree(chat.json()).at("/generationConfig/thinkingConfig").has("includeThoughts")).isFalse();
        String responses = """
                {"model":"o3","reasoning":{"effort":"high"SUMMARY},"input":"Prove it."}""";
        Translation unsummarised = PromptPort.translate(responses.replace("SUMMARY", ""), InputFormat.OPENAI_RESPONSES, pro,
                Options.DEFAULT);
        assertThat(JSON.readTree(unsummarised.json()).at("/generationConfig/thinkingConfig").has("includeThoughts")).isFalse();
        String summarised = responses.replace("SUMMARY", ",\"summary\":\"auto\"");
        Translation gemini = PromptPort.translate(summarised, InputFormat.OPENAI_RESPONSES, pro, Options.DEFAULT);
        assertThat(JSON.readTree(gemini.json()).at("/generationConfig/thinkingConfig/includeThoughts").asBoolean()).isTrue();
        assertThat(ids(gemini)).doesNotContain("PP222", "PP115");
        // the summary stays for OpenAI's Responses API, where the request asked for it already; named elsewhere
        Translation gpt5 = PromptPort.translate(summarised, InputFormat.OPENAI_RESPONSES, Target.of("openai-responses:gpt-5"),
                Options.DEFAULT);
        assertThat(JSON.readTree(gpt5.json()).at("/reasoning").toString()).isEqualTo("{\"effort\":\"high\",\"summary\":\"auto\"}");
        assertThat(ids(gpt5)).doesNotContain("PP222");
        assertThat(finding(PromptPort.translate(summarised, InputFormat.OPENAI_RESPONSES, Target.of("openai:o3"), Options.DEFAULT),
                "PP222").location().pointer()).isEqualTo("/reasoning/summary");
    }

    @Test
    void responsesReasoningSettingsBesideTheEffortAreSentOrNamed() throws Exception {
        Target gpt5 = Target.of("openai-responses:gpt-5");
        // generate_summary, the summary's older name, goes on under the current one
        Translation older = PromptPort.translate("""
                {"model":"o3","reasoning":{"effort":"high","generate_summary":"concise"},"input":"Prove it."}""",
                InputFormat.OPENAI_RESPONSES, gpt5, Options.DEFAULT);
        assertThat(JSON.readTree(older.json()).at("/reasoning").toString())
                .isEqualTo("{\"effort\":\"high\",\"summary\":\"concise\"}");
        assertThat(ids(older)).doesNotContain("PP115", "PP222");
        assertThat(finding(PromptPort.translate("""
                {"model":"o3","reasoning":{"effort":"high","generate_summary":"concise"},"input":"Prove it."}""",
                InputFormat.OPENAI_RESPONSES, Target.of("openai:o3"), Options.DEFAULT), "PP222").location().pointer())
                .isEqualTo("/reasoning/generate_summary");

        // a setting promptport does not know, or the older name beside the current one, is named where it was
        Translation unknown = PromptPort.translate("""
                {"model":"o3","reasoning":{"effort":"high","summary":"auto","generate_summary":"concise","depth":3},
                 "input":"Prove it."}""", InputFormat.OPENAI_RESPONSES, gpt5, Options.DEFAULT);
        assertThat(JSON.readTree(unknown.json()).at("/reasoning/summary").asText()).isEqualTo("auto");
        assertThat(unknown.json()).doesNotContain("depth").doesNotContain("concise");
        assertThat(unknown.findings()).filteredOn(f -> f.id().equals("PP115"))
                .extracting(f -> f.location().pointer())
                .containsExactlyInAnyOrder("/reasoning/generate_summary", "/reasoning/depth");
    }

    @Test
    void severalRepliesAreAHighFinding() {
        Finding f = finding(chat("\"n\":3", CLAUDE), "PP174");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.message()).contains("3 replies (n)");
    }

    @Test
    void settingsThatAskForNothingMorePassWithoutAWord() {
        Translation t = chat("\"n\":1,\"store\":false,\"modalities\":[\"text\"],\"service_tier\":\"auto\",\"seed\":null", CLAUDE);
        assertThat(ids(t)).doesNotContain("PP115", "PP173", "PP174");
    }

    @Test
    void aResponsesRequestThatContinuesStoredStateIsABlocker() {
        Translation t = PromptPort.translate("{\"model\":\"gpt-4o\",\"previous_response_id\":\"resp_1\",\"input\":\"And then?\"}",
                InputFormat.OPENAI_RESPONSES, CLAUDE, Options.DEFAULT);
        Finding f = finding(t, "PP175");
        assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(f.message()).contains("the earlier turns of the conversation", "previous_response_id: resp_1");
    }

    @Test
    void geminiGenerationSettingsAreNamedByTheirPlaceInTheRequest() {
        Translation t = PromptPort.translate("""
                {"contents":[{"role":"user","parts":[{"text":"Name a bakery."}]}],
                 "cachedContent":"cachedContents/abc",
                 "generationConfig":{"candidateCount":2,"presencePenalty":0.4,"maxOutputTokens":100}}""",
                InputFormat.GEMINI, CLAUDE, Options.DEFAULT);
        assertThat(finding(t, "PP174").location().pointer()).isEqualTo("/generationConfig/candidateCount");
        assertThat(finding(t, "PP173").message()).startsWith("generationConfig.presencePenalty (0.4) was not sent");
        assertThat(finding(t, "PP175").message()).contains("the cached content");
        assertThat(ids(t)).doesNotContain("PP115");
    }

    @Test
    void aTargetWithTheSameSettingGetsItAsItCameUnderItsOwnName() throws Exception {
        Translation gpt = chat("\"seed\":7,\"presence_penalty\":0.5,\"logprobs\":true,\"top_logprobs\":3", Target.of("openai:gpt-4o"));
        var body = JSON.readTree(gpt.json());
        assertThat(body.path("seed").asInt()).isEqualTo(7);
        assertThat(body.path("presence_penalty").asDouble()).isEqualTo(0.5);
        assertThat(body.path("top_logprobs").asInt()).isEqualTo(3);
        assertThat(ids(gpt)).doesNotContain("PP115", "PP173");

        // Gemini spells the same settings its own way, inside generationConfig
        Translation gemini = chat("\"seed\":7,\"presence_penalty\":0.5,\"logprobs\":true,\"top_logprobs\":3",
                Target.of("gemini:gemini-2.5-pro"));
        var config = JSON.readTree(gemini.json()).path("generationConfig");
        assertThat(config.path("seed").asInt()).isEqualTo(7);
        assertThat(config.path("presencePenalty").asDouble()).isEqualTo(0.5);
        assertThat(config.path("responseLogprobs").asBoolean()).isTrue();
        assertThat(config.path("logprobs").asInt()).isEqualTo(3);
        assertThat(ids(gemini)).doesNotContain("PP115", "PP173");

        Translation back = PromptPort.translate(gemini.json(), InputFormat.GEMINI, Target.of("openai:gpt-4o"), Options.DEFAULT);
        assertThat(JSON.readTree(back.json()).path("seed").asInt()).isEqualTo(7);
        assertThat(JSON.readTree(back.json()).path("logprobs").asBoolean()).isTrue();

        // a field promptport does not know is still named, never sent blind
        assertThat(ids(chat("\"frobnicate\":1", Target.of("openai:gpt-4o")))).contains("PP115");
    }

    @Test
    void webSearchContextSizeAndOfflineSearchReachTheResponsesToolAndAreNamedElsewhere() throws Exception {
        String tool = "\"tools\":[{\"type\":\"web_search\",\"search_context_size\":\"high\",\"external_web_access\":false}]";
        var sent = JSON.readTree(responses(tool, GPT5_RESPONSES).json()).at("/tools/0");
        assertThat(sent.path("search_context_size").asText()).isEqualTo("high");
        assertThat(sent.path("external_web_access").isBoolean()).isTrue();
        assertThat(sent.path("external_web_access").asBoolean()).isFalse();

        Translation claude = responses(tool, CLAUDE);
        ClaudeSdk.assertValidRequest(claude.json());
        var claudeTool = JSON.readTree(claude.json()).at("/tools/0");
        assertThat(claudeTool.has("search_context_size")).isFalse();
        assertThat(claudeTool.has("external_web_access")).isFalse();
        assertThat(finding(claude, "PP150").message()).contains("search_context_size (\"high\")", "external_web_access (false)");

        Translation gemini = responses(tool, Target.of("gemini:gemini-2.5-pro"));
        assertThat(finding(gemini, "PP150").message()).contains("search_context_size (\"high\")", "external_web_access (false)");

        // Chat's web_search_options: the size is named for Claude, kept for a Responses model
        String options = "\"web_search_options\":{\"search_context_size\":\"low\"}";
        assertThat(finding(chat(options, CLAUDE), "PP150").message()).contains("search_context_size (\"low\")");
        assertThat(JSON.readTree(chat(options, GPT5_RESPONSES).json()).at("/tools/0/search_context_size").asText())
                .isEqualTo("low");
        // live access, the default, asks for nothing
        assertThat(ids(responses("\"tools\":[{\"type\":\"web_search\",\"external_web_access\":true}]", CLAUDE)))
                .doesNotContain("PP150");
    }

    @Test
    void openAiWebSearchBecomesClaudesWebSearchToolWithTheUserLocation() throws Exception {
        Translation t = chat("\"web_search_options\":{\"user_location\":{\"type\":\"approximate\","
                + "\"approximate\":{\"city\":\"Lyon\",\"country\":\"FR\"}}}", CLAUDE);
        var tool = JSON.readTree(t.json()).at("/tools/0");
        assertThat(tool.path("type").asText()).isEqualTo("web_search_20250305");
        assertThat(tool.at("/user_location/city").asText()).isEqualTo("Lyon");
        assertThat(finding(t, "PP150").location().pointer()).isEqualTo("/web_search_options");
        ClaudeSdk.assertValidRequest(t.json());
    }

    @Test
    void reasoningIsLeftOutWhenClaudeMustCallAToolSoTheRequestIsNotRefused() throws Exception {
        Translation t = chat("\"reasoning_effort\":\"high\",\"tool_choice\":\"required\",\"tools\":[{\"type\":\"function\","
                + "\"function\":{\"name\":\"f\",\"parameters\":{\"type\":\"object\",\"properties\":{}}}}]", CLAUDE);
        var out = JSON.readTree(t.json());
        assertThat(out.has("thinking")).isFalse();
        assertThat(out.at("/tool_choice/type").asText()).isEqualTo("any");
        assertThat(ids(t)).contains("PP178").doesNotContain("PP148", "PP152");
        ClaudeSdk.assertValidRequest(t.json());

        Translation free = chat("\"reasoning_effort\":\"high\",\"tool_choice\":\"auto\",\"tools\":[{\"type\":\"function\","
                + "\"function\":{\"name\":\"f\",\"parameters\":{\"type\":\"object\",\"properties\":{}}}}]", CLAUDE);
        assertThat(JSON.readTree(free.json()).has("thinking")).isTrue();
        assertThat(ids(free)).doesNotContain("PP178");
    }

    @Test
    void responsesCompactionNeverReachesClaudeInOpenAisShapeAndIsNamedAsOpenAisElsewhere() throws Exception {
        String request = """
                {"model":"gpt-5","max_output_tokens":300,"input":"Hi there",
                 "context_management":[{"type":"compaction","compact_threshold":100000}]}""";
        Translation claude = PromptPort.translate(request, InputFormat.OPENAI_RESPONSES, CLAUDE, Options.DEFAULT);
        ClaudeSdk.assertValidRequest(claude.json());
        assertThat(claude.json()).doesNotContain("context_management").doesNotContain("compaction");
        assertThat(finding(claude, "PP170").message()).startsWith("The request asks OpenAI to manage the conversation's"
                + " context on its side (context_management: condense the conversation into a summary once the input"
                + " passes 100000 tokens); anthropic:claude-sonnet-4-5 compacts a conversation only when a beta request"
                + " header (compact-2026-01-12), which a translated request cannot carry, turns it on, so a long"
                + " conversation is sent in full");
        assertThat(finding(claude, "PP170").location().pointer()).isEqualTo("/context_management");

        Translation chat = PromptPort.translate(request, InputFormat.OPENAI_RESPONSES, Target.of("openai:gpt-4o"),
                Options.DEFAULT);
        assertThat(finding(chat, "PP170").message()).startsWith("The request asks OpenAI to manage");

        Translation responses = PromptPort.translate(request, InputFormat.OPENAI_RESPONSES,
                Target.of("openai-responses:gpt-5"), Options.DEFAULT);
        assertThat(JSON.readTree(responses.json()).path("context_management").toString())
                .isEqualTo("[{\"type\":\"compaction\",\"compact_threshold\":100000}]");
        assertThat(ids(responses)).doesNotContain("PP170", "PP115");
        dev.promptport.spec.OpenAiSpec.require().assertCleanResponsesRequest(responses.json());

        // Claude's own context editing is still named as Anthropic's
        Translation fromClaude = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":300,"messages":[{"role":"user","content":"Hi"}],
                 "context_management":{"edits":[{"type":"clear_thinking_20251015"}]}}""", Target.of("openai:gpt-4o"));
        assertThat(finding(fromClaude, "PP170").message()).startsWith("The request asks Anthropic to manage");
    }

    @Test
    void responsesContextManagementKeepsOnlyTheEntriesTheResponsesApiTakesAndNamesTheRest() throws Exception {
        Translation mixed = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":300,"messages":[{"role":"user","content":"Hi"}],
                 "context_management":["",-1,{"type":true},{"type":"compaction","compact_threshold":5},
                   {"type":"compaction","compact_threshold":90000}]}""", GPT5_RESPONSES);
        assertThat(JSON.readTree(mixed.json()).path("context_management").toString())
                .isEqualTo("[{\"type\":\"compaction\",\"compact_threshold\":90000}]");
        assertThat(finding(mixed, "PP170").message()).contains("\"\", -1, {\"type\":true}, "
                + "{\"type\":\"compaction\",\"compact_threshold\":5}", "these entries were not sent to openai-responses:gpt-5");
        dev.promptport.spec.OpenAiSpec.require().assertCleanResponsesRequest(mixed.json());

        Translation empty = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":300,"messages":[{"role":"user","content":"Hi"}],
                 "context_management":[]}""", GPT5_RESPONSES);
        assertThat(empty.json()).doesNotContain("context_management");
        assertThat(finding(empty, "PP170").message()).contains("refuses an empty list, so it was not sent");
        dev.promptport.spec.OpenAiSpec.require().assertCleanResponsesRequest(empty.json());
    }

    private static final Target GPT5_RESPONSES = Target.of("openai-responses:gpt-5");
    private static final Target GPT4O = Target.of("openai:gpt-4o");

    private static Translation responses(String fields, Target to) {
        return PromptPort.translate("{\"model\":\"gpt-5\",\"max_output_tokens\":300," + fields
                + ",\"input\":\"Name a bakery.\"}", InputFormat.OPENAI_RESPONSES, to, Options.DEFAULT);
    }

    @Test
    void verbosityReachesTheGpt5FamilyOnEitherApiAndIsNamedForModelsWithoutIt() throws Exception {
        Translation toResponses = chat("\"verbosity\":\"low\"", GPT5_RESPONSES);
        assertThat(JSON.readTree(toResponses.json()).at("/text/verbosity").asText()).isEqualTo("low");
        assertThat(ids(toResponses)).doesNotContain("PP115", "PP173");
        dev.promptport.spec.OpenAiSpec.require().assertCleanResponsesRequest(toResponses.json());

        String verbose = "\"text\":{\"verbosity\":\"high\",\"format\":{\"type\":\"json_object\"}}";
        Translation toChat = responses(verbose, Target.of("openai:gpt-5"));
        assertThat(JSON.readTree(toChat.json()).path("verbosity").asText()).isEqualTo("high");
        assertThat(ids(toChat)).doesNotContain("PP115", "PP173");
        dev.promptport.spec.OpenAiSpec.require().assertCleanChatRequest(toChat.json());

        Translation same = responses(verbose, GPT5_RESPONSES);
        assertThat(JSON.readTree(same.json()).path("text").toString())
                .isEqualTo("{\"format\":{\"type\":\"json_object\"},\"verbosity\":\"high\"}");

        Translation older = responses(verbose, GPT4O);
        assertThat(older.json()).doesNotContain("verbosity");
        assertThat(ids(older)).doesNotContain("PP115");
        assertThat(finding(older, "PP173").message())
                .startsWith("text.verbosity (high) was not sent: openai:gpt-4o has no verbosity setting");
        assertThat(finding(chat("\"verbosity\":\"low\"", Target.of("openai-responses:gpt-4o")), "PP173").message())
                .startsWith("verbosity (low) was not sent: openai-responses:gpt-4o has no verbosity setting");
    }

    @Test
    void storeCrossesBetweenOpenAisApisAsTheRequestSaidIt() throws Exception {
        Translation toResponses = chat("\"store\":true", GPT5_RESPONSES);
        assertThat(JSON.readTree(toResponses.json()).path("store").asBoolean()).isTrue();
        assertThat(ids(toResponses)).doesNotContain("PP173");
        dev.promptport.spec.OpenAiSpec.require().assertCleanResponsesRequest(toResponses.json());

        Translation toChat = responses("\"store\":true", GPT4O);
        assertThat(JSON.readTree(toChat.json()).path("store").asBoolean()).isTrue();
        assertThat(JSON.readTree(responses("\"store\":true", GPT5_RESPONSES).json()).path("store").asBoolean()).isTrue();
        // promptport's own default, a stateless request, where the request did not say
        assertThat(JSON.readTree(responses("\"top_p\":1", GPT5_RESPONSES).json()).path("store").asBoolean(true)).isFalse();
        assertThat(JSON.readTree(chat("\"store\":false", GPT5_RESPONSES).json()).path("store").asBoolean(true)).isFalse();
        // false is both APIs' default, and OpenAI-compatible endpoints need not take the field
        Translation mistral = responses("\"store\":false", Target.of("mistral:mistral-large-latest"));
        assertThat(mistral.json()).doesNotContain("store");
        assertThat(ids(mistral)).doesNotContain("PP115", "PP173");

        assertThat(finding(responses("\"store\":true", CLAUDE), "PP173").message())
                .startsWith("store (true) was not sent: anthropic:claude-sonnet-4-5 keeps no copy");
    }

    @Test
    void geminisLogProbabilitiesBecomeTheResponsesApisIncludeAndCount() throws Exception {
        Translation t = PromptPort.translate("""
                {"contents":[{"role":"user","parts":[{"text":"Is 7 prime?"}]}],"generationConfig":{"responseLogprobs":true,"logprobs":3}}""",
                InputFormat.GEMINI, Target.of("openai-responses:gpt-4.1"), Options.DEFAULT);
        var out = JSON.readTree(t.json());
        assertThat(out.path("top_logprobs").asInt()).isEqualTo(3);
        assertThat(out.path("include").toString()).isEqualTo("[\"message.output_text.logprobs\"]");
        assertThat(ids(t)).doesNotContain("PP173");
        dev.promptport.spec.OpenAiSpec.require().assertCleanResponsesRequest(t.json());
    }

    @Test
    void logProbabilitiesAreAskedForTheWayEachApiTakesThem() throws Exception {
        String asked = "\"top_logprobs\":3,\"include\":[\"message.output_text.logprobs\",\"web_search_call.action.sources\"]";
        Translation gpt = responses(asked, GPT4O);
        var body = JSON.readTree(gpt.json());
        assertThat(body.path("logprobs").asBoolean()).isTrue();
        assertThat(body.path("top_logprobs").asInt()).isEqualTo(3);
        assertThat(finding(gpt, "PP173").message()).startsWith("include ([\"web_search_call.action.sources\"]) was not sent");
        dev.promptport.spec.OpenAiSpec.require().assertCleanChatRequest(gpt.json());

        Translation gemini = responses(asked, Target.of("gemini:gemini-2.5-pro"));
        var config = JSON.readTree(gemini.json()).path("generationConfig");
        assertThat(config.path("responseLogprobs").asBoolean()).isTrue();
        assertThat(config.path("logprobs").asInt()).isEqualTo(3);

        // the count alone is valid only beside the switch on Chat Completions and Gemini
        assertThat(JSON.readTree(responses("\"top_logprobs\":2", GPT4O).json()).path("logprobs").asBoolean()).isTrue();
        assertThat(JSON.readTree(responses("\"top_logprobs\":2", Target.of("gemini:gemini-2.5-pro")).json())
                .at("/generationConfig/responseLogprobs").asBoolean()).isTrue();

        // reasoning models refuse log-probabilities (PP117), so a model without reasoning shows the mapping
        Target gpt41 = Target.of("openai-responses:gpt-4.1");
        Translation toResponses = chat("\"logprobs\":true,\"top_logprobs\":5", gpt41);
        var out = JSON.readTree(toResponses.json());
        assertThat(out.path("top_logprobs").asInt()).isEqualTo(5);
        assertThat(out.path("include").toString()).isEqualTo("[\"message.output_text.logprobs\"]");
        assertThat(ids(toResponses)).doesNotContain("PP173");
        dev.promptport.spec.OpenAiSpec.require().assertCleanResponsesRequest(toResponses.json());

        Translation kept = responses(asked, gpt41);
        assertThat(JSON.readTree(kept.json()).path("include").toString())
                .isEqualTo("[\"message.output_text.logprobs\",\"web_search_call.action.sources\"]");
        assertThat(ids(kept)).doesNotContain("PP173");
    }

    @Test
    void aStreamedRequestForGeminiIsNamedWithTheEndpointThatStreams() {
        Translation t = chat("\"stream\":true", Target.of("gemini:gemini-2.5-pro"));
        Finding f = finding(t, "PP225");
        assertThat(f.severity()).isEqualTo(Severity.LOW);
        assertThat(f.message()).contains(":streamGenerateContent?alt=sse");
        assertThat(f.location().pointer()).isEqualTo("/stream");
        Translation claude = PromptPort.translate("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}", InputFormat.ANTHROPIC,
                Target.of("gemini:gemini-2.5-pro"), Options.DEFAULT);
        assertThat(ids(claude)).contains("PP225");
        assertThat(ids(chat("\"stream\":true", GPT4O))).doesNotContain("PP225");
    }

    @Test
    void streamOptionsGoOnToBothOpenAiApisAndTheFindingsMatchTheRequestSent() throws Exception {
        Translation toChat = responses("\"stream\":true,\"stream_options\":{\"include_obfuscation\":false}", GPT4O);
        assertThat(JSON.readTree(toChat.json()).path("stream_options").toString())
                .isEqualTo("{\"include_usage\":true,\"include_obfuscation\":false}");
        assertThat(ids(toChat)).doesNotContain("PP115", "PP173");
        dev.promptport.spec.OpenAiSpec.require().assertCleanChatRequest(toChat.json());

        Translation toResponses = chat("\"stream\":true,\"stream_options\":{\"include_usage\":true,"
                + "\"include_obfuscation\":false}", GPT5_RESPONSES);
        assertThat(JSON.readTree(toResponses.json()).path("stream_options").toString())
                .isEqualTo("{\"include_obfuscation\":false}");
        assertThat(ids(toResponses)).doesNotContain("PP115", "PP173");
        dev.promptport.spec.OpenAiSpec.require().assertCleanResponsesRequest(toResponses.json());

        assertThat(ids(responses("\"stream\":true,\"stream_options\":{\"include_obfuscation\":false}", CLAUDE)))
                .doesNotContain("PP115", "PP173");
        assertThat(ids(chat("\"stream\":true,\"stream_options\":{\"include_usage\":true}", CLAUDE)))
                .doesNotContain("PP115", "PP173");
        assertThat(ids(chat("\"stream\":true,\"stream_options\":{\"include_usage\":true,\"extra\":1}", GPT4O)))
                .contains("PP115");
        assertThat(finding(responses("\"stream\":true,\"stream_options\":{\"include_obfuscation\":true}", CLAUDE), "PP173")
                .message()).startsWith("stream_options.include_obfuscation (true) was not sent");
    }

    @Test
    void promptCacheAndModerationSettingsReachOpenAisApisAndAreNamedElsewhere() throws Exception {
        String fields = "\"prompt_cache_retention\":\"24h\",\"prompt_cache_options\":{\"mode\":\"explicit\"},"
                + "\"moderation\":{\"model\":\"omni-moderation-latest\"}";
        for (Translation t : List.of(chat(fields, GPT5_RESPONSES), responses(fields, GPT4O), chat(fields, GPT4O))) {
            var body = JSON.readTree(t.json());
            assertThat(body.path("prompt_cache_retention").asText()).isEqualTo("24h");
            assertThat(body.at("/prompt_cache_options/mode").asText()).isEqualTo("explicit");
            assertThat(body.at("/moderation/model").asText()).isEqualTo("omni-moderation-latest");
            assertThat(ids(t)).doesNotContain("PP115", "PP173");
        }
        Translation claude = chat(fields, CLAUDE);
        assertThat(ids(claude)).doesNotContain("PP115").filteredOn("PP173"::equals).hasSize(3);
        assertThat(claude.findings()).filteredOn(f -> f.id().equals("PP173")).extracting(Finding::message)
                .anyMatch(m -> m.startsWith("moderation ({\"model\":\"omni-moderation-latest\"}) was not sent"));
    }

    @Test
    void aSeedReachesMistralAsItsRandomSeed() throws Exception {
        Translation t = chat("\"seed\":42", Target.of("mistral:mistral-large-latest"));
        var sent = JSON.readTree(t.json());
        assertThat(sent.path("random_seed").asInt()).isEqualTo(42);
        assertThat(sent.has("seed")).isFalse();
        assertThat(ids(t)).doesNotContain("PP115", "PP173");
        // a Gemini request's seed too
        Translation gemini = PromptPort.translate("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hi\"}]}],"
                + "\"generationConfig\":{\"seed\":7}}", InputFormat.GEMINI, Target.of("mistral:mistral-large-latest"),
                Options.DEFAULT);
        assertThat(JSON.readTree(gemini.json()).path("random_seed").asInt()).isEqualTo(7);
    }

    @Test
    void openAiOnlySettingsReachOnlyTheCompatibleEndpointsThatTakeThemAndAreNamedElsewhere() throws Exception {
        String fields = "\"store\":true,\"metadata\":{\"team\":\"bakery\"},\"logit_bias\":{\"50256\":-100},"
                + "\"prompt_cache_retention\":\"24h\",\"moderation\":{\"model\":\"omni-moderation-latest\"},"
                + "\"prediction\":{\"type\":\"content\",\"content\":\"Crumb & Co.\"},\"service_tier\":\"flex\"";
        List<String> all = List.of("store", "metadata", "logit_bias", "prompt_cache_retention", "moderation", "prediction",
                "service_tier");
        Translation gpt = chat(fields, GPT4O);
        var body = JSON.readTree(gpt.json());
        assertThat(all).allMatch(body::has);
        assertThat(ids(gpt)).doesNotContain("PP115", "PP173");

        // Mistral answers an undeclared field with 422, Groq logit_bias with 400; DeepSeek documents none of these
        var refused = java.util.Map.of(
                "mistral:mistral-large-latest", List.of("store", "metadata", "logit_bias", "prompt_cache_retention",
                        "moderation", "service_tier"),
                "groq:llama-3.3-70b-versatile", all,
                "deepseek:deepseek-chat", all);
        for (var e : refused.entrySet()) {
            Translation t = chat(fields, Target.of(e.getKey()));
            var sent = JSON.readTree(t.json());
            for (String field : all) {
                assertThat(sent.has(field)).as(e.getKey() + " " + field).isEqualTo(!e.getValue().contains(field));
            }
            assertThat(ids(t)).as(e.getKey()).doesNotContain("PP115");
            assertThat(t.findings()).as(e.getKey()).filteredOn(f -> f.id().equals("PP173"))
                    .extracting(f -> f.location().pointer())
                    .containsAll(e.getValue().stream().map(f -> "/" + f).toList());
            assertThat(t.findings()).filteredOn(f -> f.location().pointer() != null
                            && f.location().pointer().equals("/logit_bias"))
                    .extracting(Finding::message).first().asString()
                    .startsWith("logit_bias ({\"50256\":-100}) was not sent");
        }
        // the Responses API's way of asking for log-probabilities does not become Chat's logprobs on Groq either
        Translation groq = responses("\"include\":[\"message.output_text.logprobs\"]", Target.of("groq:llama-3.3-70b-versatile"));
        assertThat(JSON.readTree(groq.json()).has("logprobs")).isFalse();
        assertThat(finding(groq, "PP173").location().pointer()).isEqualTo("/include");
    }

    @Test
    void openAisPromptCacheBreakpointsBecomeClaudesCacheHints() throws Exception {
        Translation chat = PromptPort.translate("""
                {"model":"gpt-5","messages":[{"role":"system","content":[{"type":"text","text":"Long policy.",
                  "prompt_cache_breakpoint":{"mode":"explicit"}}]},{"role":"user","content":"Q?"}]}""",
                InputFormat.OPENAI_CHAT, CLAUDE, Options.DEFAULT);
        assertThat(JSON.readTree(chat.json()).at("/system/0/cache_control/type").asText()).isEqualTo("ephemeral");
        Translation responses = PromptPort.translate("""
                {"model":"gpt-5","input":[{"role":"user","content":[{"type":"input_text","text":"Long document.",
                  "prompt_cache_breakpoint":{"mode":"explicit"}},{"type":"input_text","text":"Q?"}]}]}""",
                InputFormat.OPENAI_RESPONSES, CLAUDE, Options.DEFAULT);
        assertThat(JSON.readTree(responses.json()).at("/messages/0/content/0/cache_control/type").asText())
                .isEqualTo("ephemeral");
        ClaudeSdk.assertValidRequest(responses.json());
        Translation gemini = PromptPort.translate("""
                {"model":"gpt-5","input":[{"role":"user","content":[{"type":"input_text","text":"Long document.",
                  "prompt_cache_breakpoint":{"mode":"explicit"}}]}]}""",
                InputFormat.OPENAI_RESPONSES, Target.of("gemini:gemini-2.5-pro"), Options.DEFAULT);
        assertThat(ids(gemini)).contains("PP113");
    }
}
