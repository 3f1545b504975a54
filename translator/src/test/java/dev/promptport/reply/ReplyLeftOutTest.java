package dev.promptport.reply;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.promptport.reply.ReplyFixtures.G_USAGE_FINAL;
import static dev.promptport.reply.ReplyFixtures.gchunk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a vendor's reply holds that Anthropic's shape has no place for is named, one line each,
 * so that nothing is dropped without a word; an ordinary reply names nothing.
 */
class ReplyLeftOutTest {

    private static List<String> leftOut(String reply, ReplyFormat format) {
        ReplyTranslation t = Replies.translate(reply, format, ReplyContext.NONE, null);
        AnthropicShape.assertMessage(t.json());
        return t.leftOut();
    }

    @Test
    void ordinaryRepliesLeaveNothingOut() {
        Map<String, ReplyFormat> fixtures = Map.of(
                ReplyFixtures.CHAT_TEXT, ReplyFormat.OPENAI_CHAT, ReplyFixtures.CHAT_TOOLS, ReplyFormat.OPENAI_CHAT,
                ReplyFixtures.DEEPSEEK_REASONER, ReplyFormat.OPENAI_CHAT,
                ReplyFixtures.RESPONSES_REASONING_TEXT, ReplyFormat.OPENAI_RESPONSES,
                ReplyFixtures.RESPONSES_TOOLS, ReplyFormat.OPENAI_RESPONSES,
                ReplyFixtures.GEMINI_TEXT, ReplyFormat.GEMINI, ReplyFixtures.GEMINI_TOOLS, ReplyFormat.GEMINI);
        fixtures.forEach((reply, format) -> assertThat(leftOut(reply, format)).as(reply).isEmpty());
    }

    @Test
    void openAiWebCitationsAndFurtherChoicesAreNamed() {
        List<String> out = leftOut("""
                {"id":"c1","object":"chat.completion","model":"gpt-4o-search-preview","choices":[
                  {"index":0,"message":{"role":"assistant","content":"Sunny [1].","annotations":[
                    {"type":"url_citation","url_citation":{"url":"https://weather.example/paris","title":"Paris","start_index":6,"end_index":9}},
                    {"type":"url_citation","url_citation":{"url":"https://weather.example/lyon","title":"Lyon","start_index":6,"end_index":9}}]},
                   "finish_reason":"stop"},
                  {"index":1,"message":{"role":"assistant","content":"Rainy."},"finish_reason":"stop"}]}""",
                ReplyFormat.OPENAI_CHAT);
        assertThat(out).containsExactly(
                "2 web citations on the reply's text (annotations): https://weather.example/paris, https://weather.example/lyon",
                "1 further choice(s): an Anthropic reply holds one");
    }

    @Test
    void responsesItemsWithoutAnAnthropicBlockAreNamed() {
        List<String> out = leftOut("""
                {"id":"r1","object":"response","status":"completed","model":"gpt-5","output":[
                  {"type":"web_search_call","id":"ws_1","status":"completed","action":{"type":"search","query":"weather"}},
                  {"type":"message","id":"m1","role":"assistant","status":"completed","content":[
                    {"type":"output_text","text":"Sunny.","annotations":[{"type":"url_citation","url":"https://w.example","start_index":0,"end_index":5}]}]}]}""",
                ReplyFormat.OPENAI_RESPONSES);
        assertThat(out).containsExactly("a web_search_call item (no Anthropic block holds it)",
                "1 web citation on the reply's text (annotations): https://w.example");
    }

    @Test
    void geminiMediaAndGroundingAreNamed() {
        List<String> out = leftOut("""
                {"candidates":[{"content":{"role":"model","parts":[{"text":"Here is the chart."},
                    {"inlineData":{"mimeType":"image/png","data":"iVBORw0KGgo="}}]},
                  "finishReason":"STOP",
                  "groundingMetadata":{"groundingChunks":[{"web":{"uri":"https://a.example","title":"A"}}]}}]}""",
                ReplyFormat.GEMINI);
        assertThat(out).containsExactly("an image/png part the model made (inlineData, 9 bytes): an Anthropic reply holds no media",
                "1 web citation on the reply's text (groundingMetadata): https://a.example");
    }

    @Test
    void pagesGeminiFetchedThroughUrlContextAreNamed() {
        List<String> out = leftOut("""
                {"candidates":[{"content":{"role":"model","parts":[{"text":"The post says hello."}]},
                  "finishReason":"STOP",
                  "urlContextMetadata":{"urlMetadata":[
                    {"retrievedUrl":"https://a.example/post","urlRetrievalStatus":"URL_RETRIEVAL_STATUS_SUCCESS"}]}}]}""",
                ReplyFormat.GEMINI);
        assertThat(out).containsExactly("1 page fetched for the reply (urlContextMetadata): https://a.example/post");
    }

    @Test
    void aStreamSaysWhatItLeftOutToo() {
        StreamTranslator t = new StreamTranslator(ReplyFormat.GEMINI, ReplyContext.NONE);
        List<String> events = t.acceptAll(gchunk("[{\"text\":\"A chart:\"}]", null, G_USAGE_FINAL)
                + gchunk("[{\"inlineData\":{\"mimeType\":\"image/png\",\"data\":\"iVBORw0KGgo=\"}}]", "STOP", G_USAGE_FINAL));
        AnthropicShape.assertCompleteStream(events);
        assertThat(t.leftOut()).singleElement().asString().startsWith("an image/png part the model made");
    }

    @Test
    void aChatStreamOfSeveralChoicesNamesTheFurtherOnesOnce() {
        StreamTranslator t = new StreamTranslator(ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        List<String> events = t.acceptAll(ReplyFixtures.chunk("[{\"index\":0,\"delta\":{\"content\":\"Sunny.\"},\"finish_reason\":null},"
                        + "{\"index\":1,\"delta\":{\"content\":\"Rainy\"},\"finish_reason\":null}]", "null")
                + ReplyFixtures.chunk("[{\"index\":1,\"delta\":{\"content\":\".\"},\"finish_reason\":\"stop\"}]", "null")
                + ReplyFixtures.deltaChunk("{}", "stop") + "data: [DONE]\n\n");
        AnthropicShape.assertCompleteStream(events);
        assertThat(AnthropicShape.text(AnthropicShape.replay(events))).isEqualTo("Sunny.");
        assertThat(t.leftOut()).containsExactly("1 further choice(s): an Anthropic reply holds one");
    }
}
