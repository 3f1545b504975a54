package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.assertFailedStream;
import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.events;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Vercel AI SDK's cases for reading OpenAI Chat replies and streams (vercel/ai
 * {@code packages/openai/src/chat/repro-5658-no-args-tool.test.ts},
 * {@code __fixtures__/azure-model-router.1.chunks.txt}, and the stream error cases of
 * {@code openai-chat-language-model.test.ts}), read here into Claude's shape.
 */
class VercelAiOpenAiChatReplyCasesTest {

    private static String chunk(String delta, String finish) {
        return "data: {\"id\":\"chatcmpl-test\",\"object\":\"chat.completion.chunk\",\"created\":1711357598,\"model\":\"gpt-3.5-turbo-0125\","
                + "\"system_fingerprint\":\"fp_test\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":"
                + finish + "}]}\n\n";
    }

    private static final String USAGE_AND_DONE = "data: {\"id\":\"chatcmpl-test\",\"object\":\"chat.completion.chunk\",\"created\":1711357598,"
            + "\"model\":\"gpt-3.5-turbo-0125\",\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}\n\n"
            + "data: [DONE]\n\n";

    private static String openCall(String args) {
        return chunk("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_getCurrentTime\",\"type\":\"function\","
                + "\"function\":{\"name\":\"getCurrentTime\",\"arguments\":\"" + args + "\"}}]}", "null");
    }

    /**
     * Issue 5658: a tool without parameters called with empty arguments (Ollama sends ""), in one
     * chunk or with an empty or blank piece after it, is a call with input {}.
     */
    @Test
    void aStreamedCallWithEmptyOrBlankArgumentsIsACallWithNoInput() {
        String[][] streams = {{openCall("")}, {openCall(""), chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\"}}]}", "null")},
            {openCall("  ")}};
        for (String[] s : streams) {
            List<String> out = StreamTranslator.translateAll(String.join("", s) + chunk("{}", "\"tool_calls\"") + USAGE_AND_DONE,
                    ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
            assertCompleteStream(out);
            JsonNode m = parse(replay(out));
            assertThat(m.path("content")).hasSize(1);
            assertThat(m.at("/content/0/id").asText()).isEqualTo("call_getCurrentTime");
            assertThat(m.at("/content/0/name").asText()).isEqualTo("getCurrentTime");
            assertThat(m.at("/content/0/input").toString()).isEqualTo("{}");
            assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
        }
    }

    /** The same in a whole reply: "", blanks and "{}" are all input {}. */
    @Test
    void aWholeCallWithEmptyBlankOrEmptyObjectArgumentsHasNoInput() {
        for (String args : new String[] {"", "   ", "\\t\\n\\r  ", "{}"}) {
            String json = "{\"id\":\"chatcmpl-test-gen\",\"object\":\"chat.completion\",\"created\":1711357598,\"model\":\"gpt-3.5-turbo-0125\","
                    + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_gen_test\","
                    + "\"type\":\"function\",\"function\":{\"name\":\"getCurrentTime\",\"arguments\":\"" + args + "\"}}]},\"finish_reason\":\"tool_calls\"}],"
                    + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}";
            String out = Replies.toAnthropic(json, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
            assertMessage(out);
            JsonNode m = parse(out);
            assertThat(m.path("content")).as("[%s]", args).hasSize(1);
            assertThat(m.at("/content/0/input").toString()).as("[%s]", args).isEqualTo("{}");
        }
    }

    /**
     * azure-model-router.1.chunks.txt: Azure's model router (gpt-5-nano) opens with its prompt
     * filter's chunk (empty id and model, no choices), sends content_filter_results and
     * obfuscation on every chunk, and its usage counts 64 reasoning tokens inside
     * completion_tokens. The message takes the reply's id and model, not the filter chunk's.
     */
    @Test
    void azuresModelRouterStreamIsOneTextBlockWithTheRepliesIdAndModel() {
        String safe = "\"content_filter_results\":{\"hate\":{\"filtered\":false,\"severity\":\"safe\"},\"self_harm\":{\"filtered\":false,"
                + "\"severity\":\"safe\"},\"sexual\":{\"filtered\":false,\"severity\":\"safe\"},\"violence\":{\"filtered\":false,\"severity\":\"safe\"}}";
        String head = "\"created\":1762317021,\"id\":\"chatcmpl-CYPS1lijGoK8gd9lYzY3r9Sx50nbt\",\"model\":\"gpt-5-nano-2025-08-07\","
                + "\"obfuscation\":\"NNpA6Dj2U\",\"object\":\"chat.completion.chunk\",\"system_fingerprint\":null";
        StringBuilder sse = new StringBuilder("data: {\"choices\":[],\"created\":0,\"id\":\"\",\"model\":\"\",\"object\":\"\",\"prompt_filter_results\":"
                + "[{\"prompt_index\":0,\"content_filter_results\":{\"hate\":{\"filtered\":false,\"severity\":\"safe\"},\"jailbreak\":"
                + "{\"filtered\":false,\"detected\":false}}}]}\n\n");
        sse.append("data: {\"choices\":[{\"content_filter_results\":{},\"delta\":{\"content\":\"\",\"refusal\":null,\"role\":\"assistant\"},"
                + "\"finish_reason\":null,\"index\":0,\"logprobs\":null}],").append(head).append(",\"usage\":null}\n\n");
        for (String piece : new String[] {"Capital", " of", " Denmark", "."}) {
            sse.append("data: {\"choices\":[{").append(safe).append(",\"delta\":{\"content\":\"").append(piece)
                    .append("\"},\"finish_reason\":null,\"index\":0,\"logprobs\":null}],").append(head).append(",\"usage\":null}\n\n");
        }
        sse.append("data: {\"choices\":[{\"content_filter_results\":{},\"delta\":{},\"finish_reason\":\"stop\",\"index\":0,\"logprobs\":null}],")
                .append(head).append(",\"usage\":null}\n\n");
        sse.append("data: {\"choices\":[],").append(head).append(",\"usage\":{\"completion_tokens\":78,\"completion_tokens_details\":"
                + "{\"accepted_prediction_tokens\":0,\"audio_tokens\":0,\"reasoning_tokens\":64,\"rejected_prediction_tokens\":0},"
                + "\"prompt_tokens\":15,\"prompt_tokens_details\":{\"audio_tokens\":0,\"cached_tokens\":0},\"total_tokens\":93}}\n\n");
        List<String> out = StreamTranslator.translateAll(sse.toString(), ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertCompleteStream(out);
        JsonNode start = events(out).get(0).data();
        assertThat(start.at("/message/id").asText()).endsWith("chatcmpl-CYPS1lijGoK8gd9lYzY3r9Sx50nbt");
        assertThat(start.at("/message/model").asText()).isEqualTo("gpt-5-nano-2025-08-07");
        JsonNode m = parse(replay(out));
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Capital of Denmark.");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(15);
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(78);
    }

    /** "should handle unparsable stream parts": the stream ends with one error event, which names the line. */
    @Test
    void aChunkThatIsNotJsonEndsTheStreamWithAnError() {
        List<String> out = StreamTranslator.translateAll("data: {unparsable}\n\ndata: [DONE]\n\n", ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertFailedStream(out);
        assertThat(events(out)).hasSize(1);
        assertThat(events(out).get(0).data().at("/error/message").asText()).contains("not JSON").contains("line 1");
    }

    /**
     * "should handle error stream parts": an error object in place of a chunk is an error event
     * whose type follows the vendor's (invalid_request_error; server_error is api_error) and whose
     * message is the vendor's.
     */
    @Test
    void anErrorObjectInTheStreamIsAnErrorEventOfItsType() {
        String[][] cases = {{"{\"message\":\"Incorrect API key provided: as***T7.\",\"type\":\"invalid_request_error\",\"param\":null,"
                + "\"code\":\"Client specified an invalid argument\"}", "invalid_request_error", "Incorrect API key provided: as***T7."},
            {"{\"message\":\"The server had an error processing your request.\",\"type\":\"server_error\",\"param\":null,\"code\":null}",
                "api_error", "The server had an error processing your request."}};
        for (String[] c : cases) {
            List<String> out = StreamTranslator.translateAll("data: {\"error\":" + c[0] + "}\n\ndata: [DONE]\n\n", ReplyFormat.OPENAI_CHAT,
                    ReplyContext.NONE);
            assertFailedStream(out);
            JsonNode e = events(out).get(0).data();
            assertThat(e.at("/error/type").asText()).isEqualTo(c[1]);
            assertThat(e.at("/error/message").asText()).endsWith(c[2]);
        }
    }
}
