package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.InputFormat;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LibreChat's cases for the settings of a Claude request (danny-avila/LibreChat
 * {@code packages/api/src/endpoints/anthropic/llm.spec.ts}, "getLLMConfig"). LibreChat builds its
 * own client settings; here each is a Gemini request that asks for the same (Gemini's
 * generationConfig has top_k, top_p, a thinking budget and stop sequences), translated for
 * Claude and checked with Anthropic's SDK.
 */
class LibreChatRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static Translation gemini(String name, String generationConfig, String target) {
        return PEER.translate(name, "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}],\"generationConfig\":"
                + generationConfig + "}", InputFormat.GEMINI, target);
    }

    /**
     * "should NOT include topK and topP for Claude-3-7 models with thinking enabled": Claude
     * refuses top_k, and a top_p under 0.95, while it thinks, so both go (named, PP181) and the
     * thinking budget of 2,000 stays.
     */
    @Test
    void topKAndTopPGoWhileClaudeThinks() {
        Translation t = gemini("thinking-top", "{\"topK\":10,\"topP\":0.9,\"thinkingConfig\":{\"thinkingBudget\":2000}}",
                "anthropic:claude-3-7-sonnet");
        JsonNode body = json(t);
        assertThat(body.has("top_k")).isFalse();
        assertThat(body.has("top_p")).isFalse();
        assertThat(body.path("thinking").toString()).isEqualTo("{\"type\":\"enabled\",\"budget_tokens\":2000}");
        assertThat(t.findings()).filteredOn(f -> f.id().equals("PP181")).hasSize(2);
    }

    /** "should include topK and topP for Claude-3.7 models when thinking is not enabled". */
    @Test
    void topKAndTopPStayWithoutThinking() {
        JsonNode body = json(gemini("no-thinking-top", "{\"topK\":10,\"topP\":0.9}", "anthropic:claude-3-7-sonnet"));
        assertThat(body.path("top_k").asInt()).isEqualTo(10);
        assertThat(body.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.has("thinking")).isFalse();
    }

    /**
     * "should handle thinking and thinkingBudget options": a budget of 10,000 over an output
     * limit of 8,192. Claude wants the limit above the budget; LibreChat lowers the budget to 90 %
     * of the limit (7,372); promptport keeps the budget asked for and raises the limit above it
     * (named, PP152), so the answer still has the room the request gave it.
     */
    @Test
    void aBudgetOverTheLimitRaisesTheLimit() {
        Translation t = gemini("budget-over", "{\"maxOutputTokens\":8192,\"thinkingConfig\":{\"thinkingBudget\":10000}}",
                "anthropic:claude-3-7-sonnet");
        JsonNode body = json(t);
        assertThat(body.at("/thinking/budget_tokens").asInt()).isEqualTo(10000);
        assertThat(body.path("max_tokens").asInt()).isGreaterThan(10000);
        assertThat(ids(t)).contains("PP152");
    }

    /**
     * "should handle temperature, stop sequences, and stream settings" and "should handle custom
     * maxOutputTokens": temperature 0.7, the limit 2,048 and the stop sequence "END" stay. The
     * other stop sequence, a blank line, is whitespace only, which Claude refuses: it goes, named
     * (PP183).
     */
    @Test
    void temperatureLimitAndStopSequencesStay() {
        Translation t = gemini("settings", "{\"temperature\":0.7,\"stopSequences\":[\"\\n\\n\",\"END\"],\"maxOutputTokens\":2048}",
                "anthropic:claude-sonnet-4-5");
        JsonNode body = json(t);
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(2048);
        assertThat(body.path("stop_sequences").toString()).isEqualTo("[\"END\"]");
        assertThat(ids(t)).contains("PP183");
    }
}
