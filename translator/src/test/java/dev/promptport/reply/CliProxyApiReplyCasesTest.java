package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.assertFailedStream;
import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.events;
import static dev.promptport.reply.AnthropicShape.names;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CLIProxyAPI's cases for reading OpenAI Chat streams and Gemini replies as Claude's
 * (router-for-me/CLIProxyAPI {@code internal/translator/openai/claude/openai_claude_response_test.go}:
 * {@code TestStreaming_*}, {@code TestStreamingTool_*}, {@code TestConvertOpenAIResponseToClaude_StreamIgnoresNullToolNameDelta};
 * {@code internal/translator/gemini/claude/gemini_claude_response_test.go}). CLIProxyAPI makes up
 * a name ("tool_0") for a call the vendor left unnamed; promptport does not invent which tool
 * runs: a call with arguments but no name ends the reply with an error, and a call with
 * neither is named as left out (nothing of it is lost).
 */
class CliProxyApiReplyCasesTest {

    private static String chunk(String delta, String finish) {
        return "data: {\"id\":\"c1\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + (finish == null ? "null" : "\"" + finish + "\"") + "}]}\n\n";
    }


    private static List<String> stream(StreamTranslator t, String... chunks) {
        List<String> out = new java.util.ArrayList<>(t.acceptAll(String.join("", chunks) + "data: [DONE]\n\n"));
        out.addAll(t.finish());
        return out;
    }

    private static List<JsonNode> toolStarts(List<String> out) {
        return events(out).stream().filter(e -> e.name().equals("content_block_start"))
                .map(e -> e.data().path("content_block")).filter(b -> b.path("type").asText().equals("tool_use")).toList();
    }

    private static String stopReason(List<String> out) {
        return events(out).stream().filter(e -> e.name().equals("message_delta")).reduce((a, b) -> b).orElseThrow()
                .data().at("/delta/stop_reason").asText();
    }

    /** Streaming_LateUsageOnlyDoesNotEmitAfterMessageStop: usage repeated after the finish is one message_delta, and message_stop ends the stream. */
    @Test
    void usageRepeatedAfterTheFinishGivesOneMessageDeltaThenTheStop() {
        List<String> out = stream(new StreamTranslator(ReplyFormat.OPENAI_CHAT, ReplyContext.NONE),
                chunk("{\"role\":\"assistant\"}", null), chunk("{\"content\":\"hello\"}", null),
                "data: {\"id\":\"c1\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1}}\n\n",
                "data: {\"id\":\"c1\",\"model\":\"m\",\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1}}\n\n");
        assertCompleteStream(out);
        assertThat(names(out).stream().filter(n -> n.equals("message_delta"))).hasSize(1);
        assertThat(names(out).get(names(out).size() - 1)).isEqualTo("message_stop");
    }

    /**
     * StreamIgnoresNullToolNameDelta and StreamingTool_RepeatedName: a later piece whose name is
     * null, or the name again, neither starts a second block nor changes the name.
     */
    @Test
    void aNullOrRepeatedNameInALaterPieceContinuesTheSameCall() {
        List<String> nullName = stream(new StreamTranslator(ReplyFormat.OPENAI_CHAT, ReplyContext.NONE),
                chunk("{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"read_file\",\"arguments\":\"\"}}]}", null),
                chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"name\":null,\"arguments\":\"{\\\"path\\\":\\\"/tmp/a\\\"}\"}}]}", null),
                chunk("{}", "tool_calls"));
        assertCompleteStream(nullName);
        assertThat(toolStarts(nullName)).extracting(b -> b.path("name").asText()).containsExactly("read_file");
        assertThat(parse(replay(nullName)).at("/content/0/input/path").asText()).isEqualTo("/tmp/a");
        List<String> repeated = stream(new StreamTranslator(ReplyFormat.OPENAI_CHAT, ReplyContext.NONE),
                chunk("{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"function\":{\"name\":\"do_it\",\"arguments\":\"\"}}]}", null),
                chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"name\":\"do_it\",\"arguments\":\"{\\\"x\\\"\"}}]}", null),
                chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"name\":\"do_it\",\"arguments\":\":1}\"}}]}", null),
                chunk("{}", "tool_calls"));
        assertCompleteStream(repeated);
        assertThat(toolStarts(repeated)).extracting(b -> b.path("name").asText()).containsExactly("do_it");
        assertThat(parse(replay(repeated)).at("/content/0/input/x").asInt()).isEqualTo(1);
    }

    /**
     * StreamingTool_EmptyIDDeferStart: the first piece says {@code "id": ""} and the real id
     * comes with the arguments. An empty id is no id: the call keeps the real one, and is one call.
     */
    @Test
    void anEmptyIdIsNoIdAndTheRealOneThatFollowsIsTheCalls() {
        List<String> out = stream(new StreamTranslator(ReplyFormat.OPENAI_CHAT, ReplyContext.NONE),
                chunk("{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"\",\"function\":{\"name\":\"do_it\",\"arguments\":\"\"}}]}", null),
                chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_real\",\"function\":{\"arguments\":\"{}\"}}]}", null),
                chunk("{}", "tool_calls"));
        assertCompleteStream(out);
        assertThat(toolStarts(out)).extracting(b -> b.path("id").asText()).containsExactly("call_real");
        assertThat(stopReason(out)).isEqualTo("tool_use");
    }

    /**
     * StreamingTool_IDInDeltaWithoutFunction and _StopReasonWhenIDNeverArrives: the id may come
     * in a piece of its own, after the name; when it never comes, the block gets an id of
     * Anthropic's form.
     */
    @Test
    void anIdThatComesLateIsTheCallsAndOneThatNeverComesIsMadeUp() {
        List<String> late = stream(new StreamTranslator(ReplyFormat.OPENAI_CHAT, ReplyContext.NONE),
                chunk("{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"function\":{\"name\":\"do_it\"}}]}", null),
                chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_real\"}]}", null),
                chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{}\"}}]}", null),
                chunk("{}", "tool_calls"));
        assertCompleteStream(late);
        assertThat(toolStarts(late)).extracting(b -> b.path("id").asText() + " " + b.path("name").asText()).containsExactly("call_real do_it");
        List<String> never = stream(new StreamTranslator(ReplyFormat.OPENAI_CHAT, ReplyContext.NONE),
                chunk("{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"function\":{\"name\":\"do_it\",\"arguments\":\"\"}}]}", null),
                chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{}\"}}]}", null),
                chunk("{}", "tool_calls"));
        assertCompleteStream(never);
        assertThat(toolStarts(never)).singleElement().satisfies(b -> assertThat(b.path("id").asText()).startsWith("toolu_"));
        assertThat(stopReason(never)).isEqualTo("tool_use");
    }

    /** StreamingTool_BelatedStartsUseOpenAIToolIndexOrder: calls opened out of order become blocks in index order. */
    @Test
    void callsOpenedOutOfOrderBecomeBlocksInIndexOrder() {
        List<String> out = stream(new StreamTranslator(ReplyFormat.OPENAI_CHAT, ReplyContext.NONE),
                chunk("{\"role\":\"assistant\",\"tool_calls\":[{\"index\":2,\"function\":{\"name\":\"third_tool\",\"arguments\":\"{}\"}},"
                        + "{\"index\":0,\"function\":{\"name\":\"first_tool\",\"arguments\":\"{}\"}},"
                        + "{\"index\":1,\"function\":{\"name\":\"second_tool\",\"arguments\":\"{}\"}}]}", null),
                chunk("{}", "tool_calls"));
        assertCompleteStream(out);
        assertThat(toolStarts(out)).extracting(b -> b.path("name").asText()).containsExactly("first_tool", "second_tool", "third_tool");
        assertThat(stopReason(out)).isEqualTo("tool_use");
    }

    /**
     * StreamingTool_LateIDAfterFinalization: an id for call 0 arrives after the finish reason.
     * It carries no name and no arguments: it is named as left out, and the call already sent
     * stands, instead of the whole reply ending with an error.
     */
    @Test
    void anIdAloneAfterTheFinishIsNamedAndTheReplyStands() {
        StreamTranslator t = new StreamTranslator(ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        List<String> out = stream(t,
                chunk("{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"function\":{\"name\":\"do_it\"}}]}", null),
                "data: {\"id\":\"c1\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}],"
                        + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1}}\n\n",
                chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_late\"}]}", null));
        assertCompleteStream(out);
        assertThat(toolStarts(out)).extracting(b -> b.path("name").asText()).containsExactly("do_it");
        assertThat(stopReason(out)).isEqualTo("tool_use");
        assertThat(t.leftOut()).containsExactly(LeftOut.emptyToolCall("call_late"));
    }

    /**
     * StreamingTool_MixedEmptyNameAndValid, _StopReasonMixedEmptyNameAndValid and
     * _EmptyNameWithoutSignalIsSuppressed: an empty call (an id at most) beside a real one no
     * longer fails the reply; the real call is the one block, and a stream whose only call is
     * empty ends the turn, not for tool use.
     */
    @Test
    void anEmptyCallIsNamedAsLeftOutAndTheCallsBesideItStand() {
        StreamTranslator t = new StreamTranslator(ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        List<String> mixed = stream(t,
                chunk("{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"call_empty\",\"function\":{\"name\":\"\",\"arguments\":\"\"}},"
                        + "{\"index\":1,\"id\":\"call_real\",\"function\":{\"name\":\"do_it\",\"arguments\":\"\"}}]}", null),
                chunk("{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"{}\"}}]}", null),
                chunk("{}", "tool_calls"));
        assertCompleteStream(mixed);
        assertThat(toolStarts(mixed)).extracting(b -> b.path("id").asText()).containsExactly("call_real");
        assertThat(stopReason(mixed)).isEqualTo("tool_use");
        assertThat(t.leftOut()).containsExactly(LeftOut.emptyToolCall("call_empty"));
        List<String> alone = stream(new StreamTranslator(ReplyFormat.OPENAI_CHAT, ReplyContext.NONE),
                chunk("{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"function\":{\"name\":\"\",\"arguments\":\"\"}}]}", null),
                chunk("{}", "tool_calls"));
        assertCompleteStream(alone);
        assertThat(toolStarts(alone)).isEmpty();
        assertThat(stopReason(alone)).isEqualTo("end_turn");
    }

    /**
     * StreamingTool_EmptyNameThroughout, _NullName, _NonStringName and _EmptyNameArgsOnlyNoID:
     * CLIProxyAPI calls such a call "tool_0". promptport does not guess which tool the model
     * meant: a call with arguments and no name ends the reply with an error that says so. A
     * whole reply with an empty call beside a real one keeps the real one, as a stream does.
     */
    @Test
    void argumentsWithoutANameEndTheReplyAndAWholeRepliesEmptyCallIsNamed() {
        List<String> out = stream(new StreamTranslator(ReplyFormat.OPENAI_CHAT, ReplyContext.NONE),
                chunk("{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"function\":{\"name\":\"\",\"arguments\":\"\"}}]}", null),
                chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"name\":\"\",\"arguments\":\"{\\\"x\\\":1}\"}}]}", null),
                chunk("{}", "tool_calls"));
        assertFailedStream(out);
        assertThat(out.get(out.size() - 1)).contains("without a function name");
        ReplyTranslation whole = Replies.translate("{\"id\":\"c1\",\"model\":\"m\",\"choices\":[{\"index\":0,\"finish_reason\":\"tool_calls\",\"message\":"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_empty\",\"type\":\"function\",\"function\":{\"name\":\"\",\"arguments\":\"\"}},"
                + "{\"id\":\"call_real\",\"type\":\"function\",\"function\":{\"name\":\"do_it\",\"arguments\":\"{}\"}}]}}]}",
                ReplyFormat.OPENAI_CHAT, ReplyContext.NONE, dev.promptport.Limits.DEFAULTS);
        assertMessage(whole.json());
        assertThat(parse(whole.json()).path("content")).extracting(b -> b.path("id").asText()).containsExactly("call_real");
        assertThat(whole.leftOut()).containsExactly(LeftOut.emptyToolCall("call_empty"));
    }

    /**
     * Gemini: SignatureOnlyPartDoesNotOpenEmptyTextBlock. A thought, then an empty text part
     * carrying only the signature: no text block, the signature closes the thinking block, and
     * the output counts the thoughts though the candidates' count is missing.
     */
    @Test
    void aGeminiSignatureOnlyPartSignsTheThinkingAndOpensNoTextBlock() {
        List<String> out = StreamTranslator.translateAll("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"thinking text\",\"thought\":true}]}}],"
                + "\"modelVersion\":\"gemini-test\",\"responseId\":\"resp-test\"}\n\n"
                + "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"\",\"thoughtSignature\":\"sig-test\"}]},\"finishReason\":\"STOP\"}],"
                + "\"usageMetadata\":{\"promptTokenCount\":10,\"thoughtsTokenCount\":2,\"totalTokenCount\":12},\"modelVersion\":\"gemini-test\","
                + "\"responseId\":\"resp-test\"}\n\n", ReplyFormat.GEMINI, ReplyContext.NONE);
        assertCompleteStream(out);
        JsonNode m = parse(replay(out));
        assertThat(m.path("content")).extracting(b -> b.path("type").asText()).containsExactly("thinking");
        assertThat(m.at("/content/0/signature").asText()).endsWith("sig-test");
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(2);
    }

    /**
     * Gemini NonStream_PreservesThoughtSignature and _TrailingSignatureOnlyPart: thought parts
     * join one thinking block that keeps the signature (marked as Gemini's, for the next
     * request to Gemini), whether it came on a thought or on an empty part after them.
     */
    @Test
    void aWholeGeminiRepliesThoughtsAreOneSignedThinkingBlockBeforeTheText() {
        for (String parts : new String[] {
                "{\"text\":\"thinking step 1\\n\",\"thought\":true},{\"text\":\"thinking step 2\",\"thought\":true,\"thoughtSignature\":\"sig-xyz-123\"}",
                "{\"text\":\"thinking step 1\\nthinking step 2\",\"thought\":true},{\"text\":\"\",\"thoughtSignature\":\"sig-xyz-123\"}"}) {
            String out = Replies.toAnthropic("{\"candidates\":[{\"content\":{\"parts\":[" + parts + ",{\"text\":\"visible answer\"}]},"
                    + "\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":10,\"candidatesTokenCount\":5},"
                    + "\"modelVersion\":\"gemini-2.5-pro\",\"responseId\":\"resp-non-stream\"}", ReplyFormat.GEMINI, ReplyContext.NONE);
            assertMessage(out);
            JsonNode m = parse(out);
            assertThat(m.path("content")).as(parts).hasSize(2);
            assertThat(m.at("/content/0/thinking").asText()).isEqualTo("thinking step 1\nthinking step 2");
            assertThat(m.at("/content/0/signature").asText()).isEqualTo("promptport:gemini:sig-xyz-123");
            assertThat(m.at("/content/1/text").asText()).isEqualTo("visible answer");
        }
    }
}
