package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.message;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One API's Gemini reply conversion (songquanpeng/one-api {@code relay/adaptor/gemini/main.go}:
 * {@code responseGeminiChat2OpenAI}, {@code getToolCalls}, {@code streamResponseGeminiChat2OpenAI}).
 * It has no tests; these cases state what it does, here into Claude's shape, and where
 * promptport's answer differs.
 */
class OneApiGeminiReplyCasesTest {

    private static final String USAGE = "\"usageMetadata\":{\"promptTokenCount\":20,\"candidatesTokenCount\":10,\"totalTokenCount\":30}";

    private static JsonNode whole(String json) {
        return message(json, ReplyFormat.GEMINI);
    }

    private static String candidate(String parts, String finish) {
        return "{\"content\":{\"role\":\"model\",\"parts\":[" + parts + "]},\"finishReason\":\"" + finish + "\",\"index\":0}";
    }

    /** getToolCalls reads only the first part's call; each functionCall part is a tool_use here, with an id of Claude's shape. */
    @Test
    void everyFunctionCallPartIsAToolUse() {
        JsonNode m = whole("{\"candidates\":[" + candidate("{\"functionCall\":{\"name\":\"get_weather\",\"args\":{\"city\":\"Paris\"}}},"
                + "{\"functionCall\":{\"name\":\"get_weather\",\"args\":{\"city\":\"London\"}}}", "STOP") + "]," + USAGE + "}");
        assertThat(m.path("content")).extracting(b -> b.path("input").path("city").asText()).containsExactly("Paris", "London");
        assertThat(m.at("/content/0/id").asText()).isNotEqualTo(m.at("/content/1/id").asText()).startsWith("toolu_");
        assertThat(m.at("/stop_reason").asText()).isEqualTo("tool_use");
    }

    /** One API keeps only the text when a call follows it (the first part decides); here both, in order, and the turn stops for the tool. */
    @Test
    void textBeforeACallIsKeptWithTheCall() {
        JsonNode m = whole("{\"candidates\":[" + candidate("{\"text\":\"Let me check.\"},{\"functionCall\":{\"name\":\"get_weather\",\"args\":{}}}", "STOP")
                + "]," + USAGE + "}");
        assertThat(m.path("content")).extracting(b -> b.path("type").asText()).containsExactly("text", "tool_use");
        assertThat(m.at("/content/1/input").toString()).isEqualTo("{}");
        assertThat(m.at("/stop_reason").asText()).isEqualTo("tool_use");
    }

    /**
     * One API puts a line break between text parts (for any candidate after the first); Gemini's
     * text parts are pieces of one text, so here they join as they came.
     */
    @Test
    void textPartsJoinAsOneText() {
        JsonNode m = whole("{\"candidates\":[" + candidate("{\"text\":\"First line.\"},{\"text\":\" Second line.\"}", "STOP") + "]," + USAGE + "}");
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("First line. Second line.");
    }

    /** One API returns every candidate as a choice; a Claude reply holds one, so the others are named as left out. */
    @Test
    void aSecondCandidateIsLeftOutAndNamed() {
        ReplyTranslation t = Replies.translate("{\"candidates\":[" + candidate("{\"text\":\"One take.\"}", "STOP") + ","
                + candidate("{\"text\":\"Another take.\"}", "STOP").replace("\"index\":0", "\"index\":1") + "]," + USAGE + "}",
                ReplyFormat.GEMINI, ReplyContext.NONE, null);
        assertThat(parse(t.json()).at("/content/0/text").asText()).isEqualTo("One take.");
        assertThat(t.leftOut()).singleElement().asString().contains("1 further candidate");
    }

    /** A candidate without parts that stopped at the limit: One API passes the reason on with empty text; here max_tokens with no blocks. */
    @Test
    void aCandidateWithoutPartsAtTheLimitIsAnEmptyMaxTokensReply() {
        JsonNode m = whole("{\"candidates\":[{\"content\":{\"role\":\"model\"},\"finishReason\":\"MAX_TOKENS\",\"index\":0}]," + USAGE + "}");
        assertThat(m.at("/stop_reason").asText()).isEqualTo("max_tokens");
        assertThat(m.path("content")).isEmpty();
    }

    /** streamResponseGeminiChat2OpenAI: each chunk's text is a delta; here the deltas of one text block and the finish's stop reason. */
    @Test
    void geminiStreamChunksAreTextDeltasOfOneBlock() {
        String chunk = "data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"%s\"}]}%s,\"index\":0}]%s}\r\n\r\n";
        List<String> out = StreamTranslator.translateAll(chunk.formatted("Hello", "", "") + chunk.formatted(", world", "", "")
                + chunk.formatted("!", ",\"finishReason\":\"STOP\"", "," + USAGE), ReplyFormat.GEMINI, ReplyContext.NONE);
        assertCompleteStream(out);
        JsonNode m = parse(replay(out));
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Hello, world!");
        assertThat(m.at("/stop_reason").asText()).isEqualTo("end_turn");
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(10);
    }
}
