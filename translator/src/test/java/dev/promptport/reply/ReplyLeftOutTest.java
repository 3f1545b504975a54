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

    private static List<String> streamLeftOut(String sse, ReplyFormat format) {
        StreamTranslator t = new StreamTranslator(format, ReplyContext.NONE);
        AnthropicShape.assertCompleteStream(t.acceptAll(sse));
        return t.leftOut();
    }

    @Test
    void logProbabilitiesAreNamedInWholeRepliesAndStreamsOnce() {
        String lp = "{\"token\":\"Yes\",\"logprob\":-0.01,\"bytes\":[89,101,115],\"top_logprobs\":[]}";
        assertThat(leftOut("""
                {"id":"c1","object":"chat.completion","model":"gpt-4o","choices":[{"index":0,
                  "message":{"role":"assistant","content":"Yes"},"logprobs":{"content":[%s],"refusal":null},
                  "finish_reason":"stop"}]}""".formatted(lp), ReplyFormat.OPENAI_CHAT))
                .containsExactly("the log-probabilities of the reply's tokens (logprobs): an Anthropic reply has no place for them");
        String chatPiece = "[{\"index\":0,\"delta\":{\"content\":\"Yes\"},\"logprobs\":{\"content\":[" + lp + "]},\"finish_reason\":null}]";
        assertThat(streamLeftOut(ReplyFixtures.chunk(chatPiece, "null") + ReplyFixtures.chunk(chatPiece, "null")
                + ReplyFixtures.deltaChunk("{}", "stop") + "data: [DONE]\n\n", ReplyFormat.OPENAI_CHAT))
                .containsExactly("the log-probabilities of the reply's tokens (logprobs): an Anthropic reply has no place for them");

        assertThat(leftOut("""
                {"id":"r1","object":"response","status":"completed","model":"gpt-5","output":[
                  {"type":"message","id":"m1","role":"assistant","status":"completed","content":[
                    {"type":"output_text","text":"Yes","annotations":[],"logprobs":[%s]}]}]}""".formatted(lp),
                ReplyFormat.OPENAI_RESPONSES))
                .containsExactly("the log-probabilities of the reply's tokens (output_text.logprobs): an Anthropic reply has no place for them");
        assertThat(streamLeftOut(ReplyFixtures.rev("response.created", 0, "\"response\":{\"id\":\"r1\",\"model\":\"gpt-5\"}")
                + ReplyFixtures.rev("response.output_text.delta", 1, "\"item_id\":\"m1\",\"output_index\":0,\"content_index\":0,"
                        + "\"delta\":\"Yes\",\"logprobs\":[" + lp + "]")
                + ReplyFixtures.rev("response.completed", 2, "\"response\":{\"id\":\"r1\",\"status\":\"completed\",\"output\":[]}"),
                ReplyFormat.OPENAI_RESPONSES))
                .containsExactly("the log-probabilities of the reply's tokens (output_text.logprobs): an Anthropic reply has no place for them");

        assertThat(leftOut("""
                {"candidates":[{"content":{"role":"model","parts":[{"text":"Yes"}]},"finishReason":"STOP","index":0,
                  "avgLogprobs":-0.01,"logprobsResult":{"chosenCandidates":[{"token":"Yes","logProbability":-0.01}]}}]}""",
                ReplyFormat.GEMINI))
                .containsExactly("the log-probabilities of the reply's tokens (logprobsResult, avgLogprobs): an Anthropic reply has no place for them");
        String chosen = "\"avgLogprobs\": -0.1,\"logprobsResult\": {\"chosenCandidates\": [{\"token\": \"Y\",\"logProbability\": -0.1}]}";
        assertThat(streamLeftOut(ReplyFixtures.gchunk("[{\"text\":\"Y\"}]", null, G_USAGE_FINAL).replace("\"index\": 0", "\"index\": 0," + chosen)
                + ReplyFixtures.gchunk("[{\"text\":\"es\"}]", "STOP", G_USAGE_FINAL).replace("\"index\": 0", "\"index\": 0," + chosen),
                ReplyFormat.GEMINI))
                .containsExactly("the log-probabilities of the reply's tokens (logprobsResult, avgLogprobs): an Anthropic reply has no place for them");
    }

    @Test
    void fileCitationsAreNamedByFileNotAsWebCitations() {
        List<String> out = leftOut("""
                {"id":"r1","object":"response","status":"completed","model":"gpt-5","output":[
                  {"type":"message","id":"m1","role":"assistant","status":"completed","content":[
                    {"type":"output_text","text":"The fact, and the chart.","annotations":[
                      {"type":"file_citation","file_id":"file_1","filename":"a.pdf","index":9},
                      {"type":"container_file_citation","container_id":"cntr_1","file_id":"cfile_1","filename":"p.png","start_index":0,"end_index":5},
                      {"type":"file_path","file_id":"file_2","index":3}]}]}]}""",
                ReplyFormat.OPENAI_RESPONSES);
        assertThat(out).containsExactly(
                "1 citation of files the vendor searched, on the reply's text (annotations): a.pdf (file_1)",
                "1 citation of files the code interpreter made, on the reply's text (annotations): p.png (container cntr_1, file cfile_1)",
                "1 annotation of type file_path on the reply's text (annotations)");
    }

    @Test
    void groundingWithoutPagesNamesTheSearchesAndSuggestionsNotZeroCitations() {
        List<String> out = leftOut("""
                {"candidates":[{"content":{"role":"model","parts":[{"text":"Paris is sunny."}]},"finishReason":"STOP","index":0,
                  "groundingMetadata":{"webSearchQueries":["paris weather","paris forecast"],
                    "searchEntryPoint":{"renderedContent":"<div>..</div>"}}}]}""", ReplyFormat.GEMINI);
        assertThat(out).containsExactly(
                "2 Google Search queries Gemini ran for the reply (groundingMetadata.webSearchQueries): \"paris weather\", \"paris forecast\"",
                "Google's search suggestions for the reply (groundingMetadata.searchEntryPoint), which Google requires apps to show"
                        + " beside a reply grounded in Google Search");
    }

    @Test
    void citationsAGeminiStreamRepeatsAreNamedOnceWithTheReplysCount() {
        String first = "\"citationMetadata\": {\"citationSources\": [{\"startIndex\": 0,\"endIndex\": 5,\"uri\": \"https://l.example/a\"}]}";
        String both = "\"citationMetadata\": {\"citationSources\": [{\"startIndex\": 0,\"endIndex\": 5,\"uri\": \"https://l.example/a\"},"
                + "{\"startIndex\": 6,\"endIndex\": 9,\"uri\": \"https://l.example/b\"}]}";
        List<String> out = streamLeftOut(gchunk("[{\"text\":\"A lyric\"}]", null, G_USAGE_FINAL).replace("\"index\": 0", "\"index\": 0," + first)
                + gchunk("[{\"text\":\" more\"}]", "STOP", G_USAGE_FINAL).replace("\"index\": 0", "\"index\": 0," + both), ReplyFormat.GEMINI);
        assertThat(out).containsExactly("2 web citations on the reply's text (citationMetadata): https://l.example/a, https://l.example/b");
    }

    @Test
    void whatOpenAisModerationFlaggedIsNamed() {
        List<String> out = leftOut("""
                {"id":"c1","object":"chat.completion","model":"gpt-5","choices":[{"index":0,
                  "message":{"role":"assistant","content":"Some text"},"finish_reason":"stop"}],
                 "moderation":{"input":{"type":"moderation_results","model":"omni-moderation-latest","results":[{"flagged":false}]},
                   "output":{"type":"moderation_results","model":"omni-moderation-latest",
                     "results":[{"flagged":true,"categories":{"violence":true,"hate":false}}]}}}""", ReplyFormat.OPENAI_CHAT);
        assertThat(out).containsExactly("OpenAI's moderation flagged the reply (moderation.output): violence");
    }
}
