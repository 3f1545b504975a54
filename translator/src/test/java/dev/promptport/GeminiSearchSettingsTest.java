package dev.promptport;

import dev.promptport.spec.ClaudeSdk;
import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.finding;
import static dev.promptport.Translations.ids;
import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Gemini request's Google Search settings and the location and language it searches for:
 * carried where the target's web search has the same setting, named by Gemini's own names
 * where it has none, and kept as written for Gemini.
 */
class GeminiSearchSettingsTest {

    private static final String FILTERED = """
            {"contents":[{"role":"user","parts":[{"text":"What changed in the tax rules this year?"}]}],
             "tools":[{"googleSearch":{"timeRangeFilter":{"startTime":"2024-01-01T00:00:00Z","endTime":"2024-12-31T00:00:00Z"},
                                       "excludeDomains":["example.com"]}}]}""";

    private static Translation gemini(String req, String target) {
        return PromptPort.translate(req, InputFormat.GEMINI, Target.of(target), Options.DEFAULT);
    }

    @Test
    void excludedDomainsBecomeClaudesBlockedDomainsAndTheTimeRangeIsNamedByItsGeminiName() throws Exception {
        Translation t = gemini(FILTERED, "anthropic:claude-sonnet-4-5");
        ClaudeSdk.assertValidRequest(t.json());
        assertThat(json(t).at("/tools/0/type").asText()).isEqualTo("web_search_20250305");
        assertThat(json(t).at("/tools/0/blocked_domains/0").asText()).isEqualTo("example.com");
        assertThat(finding(t, "PP150").message()).isEqualTo("The hosted tool \"googleSearch\" became"
                + " anthropic:claude-sonnet-4-5's own equivalent, whose results look different; its setting timeRangeFilter"
                + " ({\"startTime\":\"2024-01-01T00:00:00Z\",\"endTime\":\"2024-12-31T00:00:00Z\"}) has no equivalent there"
                + " and was dropped.");
    }

    @Test
    void theResponsesApiBlocksNoDomainsSoBothSettingsAreNamed() throws Exception {
        Translation t = gemini(FILTERED, "openai-responses:gpt-5");
        assertThat(json(t).at("/tools/0/type").asText()).isEqualTo("web_search");
        assertThat(t.json()).doesNotContain("example.com");
        assertThat(finding(t, "PP150").message()).contains("\"googleSearch\"", "excludeDomains (example.com)",
                "timeRangeFilter").doesNotContain("web_search_20250305");
    }

    @Test
    void aSearchTheTargetCannotRunIsNamedAsTheRequestWroteIt() {
        Translation t = gemini(FILTERED, "openai:gpt-4o");
        assertThat(finding(t, "PP119").message()).startsWith("The tool \"googleSearch\" (Google's web search) runs on")
                .doesNotContain("web_search");
    }

    @Test
    void geminiKeepsItsSearchSettingsAsWrittenWithoutAFinding() throws Exception {
        Translation t = gemini(FILTERED, "gemini:gemini-2.5-pro");
        assertThat(json(t).at("/tools/0/googleSearch/excludeDomains/0").asText()).isEqualTo("example.com");
        assertThat(json(t).at("/tools/0/googleSearch/timeRangeFilter/startTime").asText()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(ids(t)).doesNotContain("PP150", "PP115", "PP173");
    }

    @Test
    void theOlderSearchToolBecomesGoogleSearchForGeminiWithItsRetrievalSettingNamed() throws Exception {
        Translation t = gemini("""
                {"contents":[{"role":"user","parts":[{"text":"Who won?"}]}],
                 "tools":[{"googleSearchRetrieval":{"dynamicRetrievalConfig":{"mode":"MODE_DYNAMIC","dynamicThreshold":0.7}}}]}""",
                "gemini:gemini-2.5-pro");
        assertThat(json(t).at("/tools/0").toString()).isEqualTo("{\"googleSearch\":{}}");
        assertThat(finding(t, "PP150").message()).contains("\"googleSearchRetrieval\"", "dynamicRetrievalConfig");
    }

    @Test
    void theRetrievalLocationAndLanguageAreKeptForGeminiAndNamedElsewhere() throws Exception {
        String req = """
                {"contents":[{"role":"user","parts":[{"text":"Find a bakery near me."}]}],
                 "tools":[{"googleSearch":{}}],
                 "toolConfig":{"retrievalConfig":{"latLng":{"latitude":48.85,"longitude":2.35},"languageCode":"fr"}}}""";
        Translation g = gemini(req, "gemini:gemini-2.5-pro");
        assertThat(json(g).at("/toolConfig/retrievalConfig/latLng/latitude").asDouble()).isEqualTo(48.85);
        assertThat(json(g).at("/toolConfig/retrievalConfig/languageCode").asText()).isEqualTo("fr");
        assertThat(json(g).at("/toolConfig").has("functionCallingConfig")).isFalse();
        assertThat(ids(g)).doesNotContain("PP115", "PP173", "PP150");

        for (String target : new String[] {"anthropic:claude-sonnet-4-5", "openai-responses:gpt-5"}) {
            Translation t = gemini(req, target);
            assertThat(t.json()).as(target).doesNotContain("48.85", "latLng");
            assertThat(finding(t, "PP173").location().pointer()).isEqualTo("/toolConfig/retrievalConfig");
            assertThat(finding(t, "PP173").message()).startsWith("toolConfig.retrievalConfig ({\"latLng\":").contains(target
                    + " has no place for the coordinates and language");
            assertThat(ids(t)).doesNotContain("PP115");
        }
    }
}
