package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.Translations.finding;
import static dev.promptport.Translations.ids;
import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Tools a vendor runs itself, their settings and records in the history, and the citations they leave. */
class HostedToolsTranslateTest {

    private static final Target GPT_4O = Target.of("openai:gpt-4o");
    private static final Target O3 = Target.of("openai:o3");

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
}
