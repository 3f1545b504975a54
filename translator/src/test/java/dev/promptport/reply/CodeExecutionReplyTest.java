package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.spec.ClaudeSdk;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.ReplyFixtures.G_USAGE_FINAL;
import static dev.promptport.reply.ReplyFixtures.gchunk;
import static dev.promptport.reply.ReplyFixtures.rev;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Code the vendor ran itself (Gemini's code execution, OpenAI's code interpreter, which a request
 * with Claude's code execution tool turns on) comes back as Claude's own code execution blocks,
 * whole and streamed, so the code and its output are not lost.
 */
class CodeExecutionReplyTest {

    private static final String GEMINI_RUN = """
            {"candidates":[{"content":{"role":"model","parts":[
               {"text":"I will compute it."},
               {"executableCode":{"language":"PYTHON","code":"print(sum(range(101)))"}},
               {"codeExecutionResult":{"outcome":"OUTCOME_OK","output":"5050\\n"}},
               {"text":"The sum is 5050."}]},
             "finishReason":"STOP","index":0}],
             "usageMetadata":{"promptTokenCount":20,"candidatesTokenCount":30,"totalTokenCount":50},
             "modelVersion":"gemini-2.5-pro","responseId":"r1"}""";

    private static void assertRunAndResult(JsonNode content, int at, String code, String stdout, String stderr, int returnCode) {
        JsonNode run = content.get(at);
        JsonNode result = content.get(at + 1);
        assertThat(run.path("type").asText()).isEqualTo("server_tool_use");
        assertThat(run.path("name").asText()).isEqualTo("code_execution");
        assertThat(run.path("id").asText()).startsWith("srvtoolu_");
        assertThat(run.at("/input/code").asText()).isEqualTo(code);
        assertThat(result.path("type").asText()).isEqualTo("code_execution_tool_result");
        assertThat(result.path("tool_use_id").asText()).isEqualTo(run.path("id").asText());
        assertThat(result.at("/content/type").asText()).isEqualTo("code_execution_result");
        assertThat(result.at("/content/stdout").asText()).isEqualTo(stdout);
        assertThat(result.at("/content/stderr").asText()).isEqualTo(stderr);
        assertThat(result.at("/content/return_code").asInt()).isEqualTo(returnCode);
    }

    @Test
    void geminiCodeExecutionBecomesClaudesCodeExecutionBlocks() {
        String out = Replies.toAnthropic(GEMINI_RUN, ReplyFormat.GEMINI, ReplyContext.NONE);
        assertMessage(out);
        JsonNode m = parse(out);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("I will compute it.");
        assertRunAndResult(m.path("content"), 1, "print(sum(range(101)))", "5050\n", "", 0);
        assertThat(m.at("/content/3/text").asText()).isEqualTo("The sum is 5050.");
        // the vendor ran the code; nothing is left for the caller to run
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
    }

    @Test
    void aFailedGeminiRunReportsItsOutputAsStandardError() {
        String out = Replies.toAnthropic(GEMINI_RUN.replace("OUTCOME_OK", "OUTCOME_FAILED")
                .replace("5050\\n", "ZeroDivisionError"), ReplyFormat.GEMINI, ReplyContext.NONE);
        assertMessage(out);
        assertRunAndResult(parse(out).path("content"), 1, "print(sum(range(101)))", "", "ZeroDivisionError", 1);
    }

    @Test
    void aResultWithoutItsCodeStillPairsWithARun() {
        String out = Replies.toAnthropic("""
                {"candidates":[{"content":{"role":"model","parts":[
                   {"codeExecutionResult":{"outcome":"OUTCOME_DEADLINE_EXCEEDED"}}]},"finishReason":"STOP"}]}""",
                ReplyFormat.GEMINI, ReplyContext.NONE);
        assertMessage(out);
        assertRunAndResult(parse(out).path("content"), 0, "", "", "OUTCOME_DEADLINE_EXCEEDED", 1);
    }

    @Test
    void geminiCodeExecutionStreamsAsTheSameBlocks() {
        String sse = gchunk("[{\"text\":\"I will compute it.\"}]", null, G_USAGE_FINAL)
                + gchunk("[{\"executableCode\":{\"language\":\"PYTHON\",\"code\":\"print(6*7)\"}}]", null, G_USAGE_FINAL)
                + gchunk("[{\"codeExecutionResult\":{\"outcome\":\"OUTCOME_OK\",\"output\":\"42\\n\"}}]", null, G_USAGE_FINAL)
                + gchunk("[{\"text\":\"It is 42.\"}]", "STOP", G_USAGE_FINAL);
        List<String> events = StreamTranslator.translateAll(sse, ReplyFormat.GEMINI, ReplyContext.NONE);
        assertCompleteStream(events);
        JsonNode m = parse(ClaudeSdk.accumulate(events));
        assertRunAndResult(m.path("content"), 1, "print(6*7)", "42\n", "", 0);
        assertThat(m.at("/content/3/text").asText()).isEqualTo("It is 42.");
    }

    @Test
    void responsesCodeInterpreterBecomesClaudesCodeExecutionBlocks() {
        String out = Replies.toAnthropic("""
                {"id":"resp_1","object":"response","status":"completed","model":"gpt-5","output":[
                  {"type":"code_interpreter_call","id":"ci_1","status":"completed","code":"print(6*7)","container_id":"cntr_1",
                   "outputs":[{"type":"logs","logs":"42\\n"},{"type":"image","url":"https://files.example/plot.png"}]},
                  {"type":"message","id":"msg_1","role":"assistant","status":"completed",
                   "content":[{"type":"output_text","text":"It is 42.","annotations":[]}]}],
                 "usage":{"input_tokens":10,"output_tokens":20,"total_tokens":30}}""",
                ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        assertMessage(out);
        JsonNode m = parse(out);
        assertRunAndResult(m.path("content"), 0, "print(6*7)", "42\n", "", 0);
        assertThat(m.at("/content/2/text").asText()).isEqualTo("It is 42.");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
    }

    @Test
    void responsesCodeInterpreterStreamsAsTheSameBlocks() {
        String item = "{\"type\":\"code_interpreter_call\",\"id\":\"ci_1\",\"status\":\"completed\",\"code\":\"print(6*7)\","
                + "\"container_id\":\"cntr_1\",\"outputs\":[{\"type\":\"logs\",\"logs\":\"42\\n\"}]}";
        String sse = rev("response.created", 0, "\"response\":{\"id\":\"resp_1\",\"status\":\"in_progress\",\"model\":\"gpt-5\",\"output\":[]}")
                + rev("response.output_item.added", 1, "\"output_index\":0,\"item\":" + item.replace("\"completed\"", "\"in_progress\""))
                + rev("response.code_interpreter_call_code.delta", 2, "\"output_index\":0,\"item_id\":\"ci_1\",\"delta\":\"print(6*7)\"")
                + rev("response.output_item.done", 3, "\"output_index\":0,\"item\":" + item)
                + rev("response.output_item.added", 4, "\"output_index\":1,\"item\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[]}")
                + rev("response.output_text.delta", 5, "\"item_id\":\"msg_1\",\"output_index\":1,\"content_index\":0,\"delta\":\"It is 42.\"")
                + rev("response.output_item.done", 6, "\"output_index\":1,\"item\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
                        + "\"content\":[{\"type\":\"output_text\",\"text\":\"It is 42.\",\"annotations\":[]}]}")
                + rev("response.completed", 7, "\"response\":{\"id\":\"resp_1\",\"status\":\"completed\",\"model\":\"gpt-5\",\"output\":[],"
                        + "\"usage\":{\"input_tokens\":10,\"output_tokens\":20,\"total_tokens\":30}}");
        List<String> events = StreamTranslator.translateAll(sse, ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        assertCompleteStream(events);
        JsonNode m = parse(ClaudeSdk.accumulate(events));
        assertRunAndResult(m.path("content"), 0, "print(6*7)", "42\n", "", 0);
        assertThat(m.at("/content/2/text").asText()).isEqualTo("It is 42.");
    }

    @Test
    void imagesTheCodeInterpreterMadeAreNamedWithTheirContainer() {
        ReplyTranslation t = Replies.translate("""
                {"id":"resp_1","object":"response","status":"completed","model":"gpt-5","output":[
                  {"type":"code_interpreter_call","id":"ci_1","status":"completed","container_id":"cntr_1","code":"plt.savefig('p.png')",
                   "outputs":[{"type":"image","url":"https://api.openai.com/v1/containers/cntr_1/files/cfile_1/content"}]}]}""",
                ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE, null);
        assertMessage(t.json());
        assertThat(t.leftOut()).containsExactly("1 image the code interpreter made, which an Anthropic reply cannot hold"
                + " (code_interpreter_call outputs, container cntr_1): https://api.openai.com/v1/containers/cntr_1/files/cfile_1/content");
    }
}
