package dev.promptport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code promptport reply}: captured vendor replies back to Anthropic's shape. */
class ReplyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String CHAT = """
            {"id":"chatcmpl-CK4pQ9","object":"chat.completion","created":1759218437,"model":"gpt-4o-2024-08-06",
             "choices":[{"index":0,"message":{"role":"assistant","content":"\\"category\\": \\"billing\\"}","refusal":null,
               "tool_calls":[{"id":"call_1","type":"function","function":{"name":"lookup_invoice","arguments":"{\\"id\\":\\"INV-1\\"}"}}]},
               "logprobs":null,"finish_reason":"tool_calls"}],
             "usage":{"prompt_tokens":100,"completion_tokens":20,"total_tokens":120,"prompt_tokens_details":{"cached_tokens":30}}}
            """;

    static final String RESPONSES = """
            {"id":"resp_68d5","object":"response","created_at":1759220000,"status":"incomplete",
             "incomplete_details":{"reason":"max_output_tokens"},"model":"o4-mini-2025-04-16","error":null,
             "output":[{"id":"msg_1","type":"message","status":"incomplete","role":"assistant",
               "content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"The first step"}]}],
             "usage":{"input_tokens":40,"input_tokens_details":{"cached_tokens":0},"output_tokens":16,
                      "output_tokens_details":{"reasoning_tokens":0},"total_tokens":56}}
            """;

    static final String GEMINI = """
            {"candidates":[{"content":{"parts":[{"text":"Hola"}],"role":"model"},"finishReason":"STOP","index":0}],
             "usageMetadata":{"promptTokenCount":12,"candidatesTokenCount":3,"totalTokenCount":25,"thoughtsTokenCount":10},
             "modelVersion":"gemini-2.5-flash","responseId":"qJ3aaK2x"}
            """;

    static final String CHAT_SSE = """
            data: {"id":"chatcmpl-CK6s1","object":"chat.completion.chunk","created":1759219300,"model":"gpt-4o","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}

            data: {"id":"chatcmpl-CK6s1","object":"chat.completion.chunk","created":1759219300,"model":"gpt-4o","choices":[{"index":0,"delta":{"content":"\\"ok\\": true}"},"logprobs":null,"finish_reason":null}]}

            data: {"id":"chatcmpl-CK6s1","object":"chat.completion.chunk","created":1759219300,"model":"gpt-4o","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]}

            data: [DONE]

            """;

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    /** Runs the command itself, configured as {@link Main} configures every subcommand. */
    static Run reply(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ReplyCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("promptport: " + e.getMessage());
            return Main.BAD_INPUT;
        });
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void openAiChatReplyFilePrintsTheAnthropicMessage() throws Exception {
        Path f = write("reply.json", CHAT);
        Run r = reply("", "--from", "openai-chat", f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode m = JSON.readTree(r.out());
        assertThat(m.path("type").asText()).isEqualTo("message");
        assertThat(m.path("id").asText()).isEqualTo("msg_chatcmpl-CK4pQ9");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(m.at("/content/1/input/id").asText()).isEqualTo("INV-1");
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(70);
        assertThat(m.at("/usage/cache_read_input_tokens").asInt()).isEqualTo(30);
        assertThat(r.out()).contains("\n  \"type\" : \"message\"");
    }

    @Test
    void whatTheReplyHeldThatAnthropicHasNoPlaceForIsNamedOnStandardError() throws Exception {
        Path f = write("search.json", """
                {"id":"c1","object":"chat.completion","model":"gpt-4o-search-preview","choices":[{"index":0,
                  "message":{"role":"assistant","content":"Sunny.","annotations":[{"type":"url_citation",
                    "url_citation":{"url":"https://weather.example/paris","title":"Paris","start_index":0,"end_index":5}}]},
                  "finish_reason":"stop"}]}""");
        Run r = reply("", "--from", "openai-chat", f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"text\" : \"Sunny.\"");
        assertThat(r.err().strip()).isEqualTo(f + ": left out: 1 web citation on the reply's text (annotations):"
                + " https://weather.example/paris");
    }

    @Test
    void prefillModelAndToolNameOptionsAreApplied() throws Exception {
        Path f = write("reply.json", CHAT);
        Run r = reply("", "--from", "openai-chat", "--prefill", "{", "--model", "claude-sonnet-4-5",
                "--tool-name", "lookup_invoice=billing/lookup invoice", "--compact", f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out().strip()).doesNotContain("\n");
        JsonNode m = JSON.readTree(r.out());
        assertThat(m.at("/content/0/text").asText()).isEqualTo("{\"category\": \"billing\"}");
        assertThat(m.path("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(m.at("/content/1/name").asText()).isEqualTo("billing/lookup invoice");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "lookup_invoice=       | --tool-name 'lookup_invoice=' leaves the ORIGINAL name empty; give both",
        "=billing              | --tool-name '=billing' leaves the SENT name empty; give both",
        "a=b=c                 | --tool-name 'a=b=c' is not SENT=ORIGINAL with one '='",
        "lookup_invoice        | --tool-name 'lookup_invoice' is not SENT=ORIGINAL with one '='"})
    void aToolNameMappingWithoutBothNamesIsAUsageError(String mapping, String problem) throws Exception {
        Path f = write("reply.json", CHAT);
        MainTest.Run r = MainTest.run("reply", "--from", "openai-chat", "--tool-name", mapping.strip(), f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("promptport reply: " + problem.strip()).doesNotContain("\tat ");
    }

    @Test
    void aSentToolNameMappedTwiceIsAUsageErrorAndTheSameMappingTwiceIsOne() throws Exception {
        Path f = write("reply.json", CHAT);
        MainTest.Run twice = MainTest.run("reply", "--from", "openai-chat", "--tool-name", "lookup_invoice=a",
                "--tool-name", "lookup_invoice=b", f.toString());
        assertThat(twice.code()).isEqualTo(2);
        assertThat(twice.err()).isEqualTo("promptport reply: --tool-name maps 'lookup_invoice' twice, to 'a' and to 'b';"
                + " give one ORIGINAL for each SENT name\n");

        MainTest.Run same = MainTest.run("reply", "--from", "openai-chat", "--tool-name", "lookup_invoice=a",
                "--tool-name", "lookup_invoice=a", f.toString());
        assertThat(same.code()).as(same.err()).isZero();
        assertThat(JSON.readTree(same.out()).at("/content/1/name").asText()).isEqualTo("a");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--status | 99   | '99' is not between 100 and 599",
        "--status | 600  | '600' is not between 100 and 599",
        "--status | ok   | 'ok' is not an HTTP status",
        "--model  | ''   | the model name is empty"})
    void anHttpStatusOutOfRangeOrAnEmptyModelNameIsAUsageError(String option, String value, String problem) throws Exception {
        Path f = write("reply.json", CHAT);
        MainTest.Run r = MainTest.run("reply", "--from", "openai-chat", option.strip(), value == null ? "" : value.strip(),
                f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("promptport: Invalid value for option '" + option.strip() + "': " + problem.strip());
    }

    @Test
    void prefillModeContinueLeavesOnlyWhatFollowsThePrefill() throws Exception {
        Path f = write("reply.json", CHAT.replace("\"content\":\"\\\"category", "\"content\":\"{\\\"category"));
        Run r = reply("", "--from", "openai-chat", "--prefill", "{", "--prefill-mode", "continue", f.toString());
        assertThat(r.code()).isZero();
        assertThat(JSON.readTree(r.out()).at("/content/0/text").asText()).isEqualTo("\"category\": \"billing\"}");
    }

    @Test
    void responsesAndGeminiRepliesAreRead() throws Exception {
        Run r = reply("", "--from", "openai-responses", write("r.json", RESPONSES).toString());
        assertThat(r.code()).isZero();
        assertThat(JSON.readTree(r.out()).path("stop_reason").asText()).isEqualTo("max_tokens");
        r = reply("", "--from", "gemini", write("g.json", GEMINI).toString());
        assertThat(r.code()).isZero();
        JsonNode m = JSON.readTree(r.out());
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Hola");
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(13);
    }

    @Test
    void dashReadsStandardInput() throws Exception {
        Run r = reply(GEMINI, "--from", "gemini", "-");
        assertThat(r.code()).isZero();
        assertThat(JSON.readTree(r.out()).path("model").asText()).isEqualTo("gemini-2.5-flash");
    }

    @Test
    void streamPrintsTheAnthropicEventStream() {
        Run r = reply(CHAT_SSE, "--from", "openai-chat", "--stream", "--prefill", "{", "-");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("event: message_start\ndata: {\"type\":\"message_start\"");
        assertThat(r.out()).contains("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"text_delta\",\"text\":\"{\\\"ok\\\": true}\"}}\n\n");
        assertThat(r.out()).endsWith("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
    }

    @Test
    void aStreamCutMidWayPrintsTheEventsAndExitsTwoWithOneLine() {
        String cut = CHAT_SSE.substring(0, CHAT_SSE.indexOf("data: {\"id\":\"chatcmpl-CK6s1\",\"object\":\"chat.completion.chunk\",\"created\":1759219300,\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{},"));
        Run r = reply(cut, "--from", "openai-chat", "--stream", "-");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("event: error\n");
        assertThat(r.err()).startsWith("promptport: <stdin>: the stream did not translate into a complete reply: api_error:");
        assertThat(r.err().strip()).doesNotContain("\n");
    }

    @Test
    void streamOnInputWithoutServerSentEventsSaysSoAndExitsTwo() {
        Run whole = reply(CHAT, "--from", "openai-chat", "--stream", "-");
        assertThat(whole.code()).isEqualTo(2);
        assertThat(whole.err()).startsWith("promptport: <stdin>: the stream did not translate into a complete reply: api_error:"
                + " the openai-chat input holds no server-sent events (no \"data:\" lines); it looks like a whole reply");
        assertThat(whole.err()).contains("without --stream");
    }

    @Test
    void geminisJsonArrayStreamTranslatesWithAndWithoutStream() {
        Run streamed = reply("[" + GEMINI + "]", "--from", "gemini", "--stream", "-");
        assertThat(streamed.code()).isZero();
        assertThat(streamed.out()).contains("event: message_stop");
        Run whole = reply("[" + GEMINI + "]", "--from", "gemini", "-");
        assertThat(whole.code()).isZero();
        assertThat(whole.out()).contains("\"type\" : \"message\"");
    }

    @Test
    void anErrorBodyPrintsTheAnthropicError() throws Exception {
        Path f = write("err.json", "{\"error\":{\"code\":429,\"message\":\"Quota exceeded\",\"status\":\"RESOURCE_EXHAUSTED\"}}");
        Run r = reply("", "--from", "gemini", f.toString());
        assertThat(r.code()).isZero();
        JsonNode e = JSON.readTree(r.out());
        assertThat(e.path("type").asText()).isEqualTo("error");
        assertThat(e.at("/error/type").asText()).isEqualTo("rate_limit_error");
        r = reply("<html>Bad gateway</html>", "--from", "openai-chat", "--status", "502", "-");
        assertThat(r.code()).isZero();
        assertThat(JSON.readTree(r.out()).at("/error/message").asText()).isEqualTo("openai-chat 502: <html>Bad gateway</html>");
    }

    @Test
    void anErrorStatusWithStreamPrintsTheAnthropicErrorJsonAsWithoutStream() throws Exception {
        Path json = write("gem429.json", "{\n  \"error\": {\n    \"code\": 429,\n    \"message\": \"Resource has been exhausted"
                + " (e.g. check quota).\",\n    \"status\": \"RESOURCE_EXHAUSTED\"\n  }\n}\n");
        Run whole = reply("", "--from=gemini", "--status", "429", json.toString());
        Run streamed = reply("", "--stream", "--status", "429", "--from=gemini", json.toString());
        assertThat(streamed.code()).isZero();
        assertThat(streamed.err()).isEmpty();
        assertThat(streamed.out()).isEqualTo(whole.out());
        JsonNode e = JSON.readTree(streamed.out());
        assertThat(e.at("/error/type").asText()).isEqualTo("rate_limit_error");
        assertThat(e.at("/error/message").asText()).isEqualTo("gemini 429 RESOURCE_EXHAUSTED: Resource has been exhausted (e.g. check quota).");
        Path sse = write("gem429.sse", "data: {\"error\": {\"code\": 429, \"message\": \"Resource exhausted\", \"status\": \"RESOURCE_EXHAUSTED\"}}\n\n");
        Run events = reply("", "--stream", "--status", "429", "--from=gemini", "--compact", sse.toString());
        assertThat(events.code()).isZero();
        assertThat(events.out().strip()).isEqualTo("{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\","
                + "\"message\":\"gemini 429 RESOURCE_EXHAUSTED: Resource exhausted\"}}");
    }

    @Test
    void aGeminiReplyWhoseOnlyToolCallWasDroppedPrintsAnApiErrorQuotingTheFinishMessage() throws Exception {
        Path f = write("mfc.json", "{\"candidates\":[{\"content\":{},\"finishReason\":\"MALFORMED_FUNCTION_CALL\","
                + "\"finishMessage\":\"Malformed function call: print(x)\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":310},"
                + "\"modelVersion\":\"gemini-2.5-flash\",\"responseId\":\"mfc1\"}");
        Run r = reply("", "--from", "gemini", f.toString());
        assertThat(r.code()).isZero();
        JsonNode e = JSON.readTree(r.out());
        assertThat(e.at("/error/type").asText()).isEqualTo("api_error");
        assertThat(e.at("/error/message").asText()).isEqualTo("gemini MALFORMED_FUNCTION_CALL: the model wrote a function call"
                + " Gemini could not parse (finishMessage: \"Malformed function call: print(x)\")");
    }

    @Test
    void invalidJsonIsExitTwoWithFileLineAndColumn() throws Exception {
        Path f = write("bad.json", "{\n  \"choices\": [,]\n}");
        Run r = reply("", "--from", "openai-chat", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("promptport: " + f + ":2:15: invalid JSON");
        assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void jsonThatIsNotAReplyOfThatFormatIsExitTwoWithAPointer() throws Exception {
        Path f = write("req.json", "{\"model\":\"gpt-4o\",\"messages\":[]}");
        Run r = reply("", "--from", "openai-chat", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("promptport: " + f + ":/choices: not an OpenAI Chat Completions reply: no choices array" + System.lineSeparator());
    }

    @Test
    void unknownFormatMissingFileAndBadPrefillModeAreExitTwo() throws Exception {
        Run r = reply("", "--from", "anthropic", "x.json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown reply format 'anthropic'");
        r = reply("", "--from", "gemini", dir.resolve("nope.json").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("nope.json: no such file");
        r = reply("", "--from", "gemini", "--prefill-mode", "sideways", write("g.json", GEMINI).toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown --prefill-mode 'sideways'");
        r = reply("", "x.json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required option: '--from=FORMAT'");
    }

    /** Passes once {@code ReplyCommand} is listed in {@link Main}'s subcommands (and its factory hands it stdin). */
    @Test
    void isASubcommandOfPromptport() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"reply", "--from", "gemini", "-"},
                new ByteArrayInputStream(GEMINI.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
        assertThat(out.toString()).contains("\"type\" : \"message\"");
    }
}
