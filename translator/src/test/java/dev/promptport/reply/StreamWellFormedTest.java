package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.events;
import static dev.promptport.reply.AnthropicShape.names;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static dev.promptport.reply.AnthropicShape.streamProblems;
import static dev.promptport.reply.ReplyFixtures.deltaChunk;
import static org.assertj.core.api.Assertions.assertThat;

/** Long and broken streams still give Anthropic's event grammar. */
class StreamWellFormedTest {

    private static String json(String s) {
        return AnthropicShape.JSON.valueToTree(s).toString();
    }

    @Test
    void aThousandChunkOpenAiStreamIsWellFormed() {
        Random r = new Random(1000);
        StringBuilder sse = new StringBuilder(deltaChunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
        StringBuilder thinking = new StringBuilder();
        StringBuilder text = new StringBuilder();
        List<StringBuilder> args = new ArrayList<>();
        int chunks = 1;
        for (; chunks <= 150; chunks++) {
            String piece = "step " + chunks + ", ";
            thinking.append(piece);
            sse.append(deltaChunk("{\"reasoning_content\":" + json(piece) + "}", null));
        }
        for (; chunks <= 600; chunks++) {
            String piece = r.nextInt(10) == 0 ? "\n\n" : "wörd" + chunks + " \"q\" ";
            text.append(piece);
            sse.append(deltaChunk("{\"content\":" + json(piece) + "}", null));
        }
        int call = -1;
        for (; chunks < 1000; chunks++) {
            if (call < 0 || r.nextInt(40) == 0) {
                if (call >= 0) {
                    args.get(call).append("\"}");
                    sse.append(deltaChunk("{\"tool_calls\":[{\"index\":" + call + ",\"function\":{\"arguments\":\"\\\"}\"}}]}", null));
                    chunks++;
                }
                call++;
                args.add(new StringBuilder("{\"q\":\""));
                sse.append(deltaChunk("{\"tool_calls\":[{\"index\":" + call + ",\"id\":\"call_" + call + "\",\"type\":\"function\","
                        + "\"function\":{\"name\":\"search\",\"arguments\":\"{\\\"q\\\":\\\"\"}}]}", null));
                continue;
            }
            String piece = "x" + chunks;
            args.get(call).append(piece);
            sse.append(deltaChunk("{\"tool_calls\":[{\"index\":" + call + ",\"function\":{\"arguments\":" + json(piece) + "}}]}", null));
        }
        args.get(call).append("\"}");
        sse.append(deltaChunk("{\"tool_calls\":[{\"index\":" + call + ",\"function\":{\"arguments\":\"\\\"}\"}}]}", "tool_calls"));
        sse.append(ReplyFixtures.chunk("[]", "{\"prompt_tokens\":5000,\"completion_tokens\":4000,\"total_tokens\":9000}"));
        sse.append("data: [DONE]\n\n");
        assertThat(sse.toString().split("\n\n").length).isGreaterThanOrEqualTo(1000);

        List<String> out = StreamTranslator.translateAll(sse.toString(), ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertCompleteStream(out);
        List<String> names = names(out);
        assertThat(names.stream().filter("message_start"::equals).count()).isEqualTo(1);
        assertThat(names.stream().filter("message_stop"::equals).count()).isEqualTo(1);
        assertThat(names.stream().filter("content_block_start"::equals).count())
                .isEqualTo(names.stream().filter("content_block_stop"::equals).count())
                .isEqualTo(2 + args.size());
        List<Integer> startIndexes = events(out).stream().filter(e -> e.name().equals("content_block_start"))
                .map(e -> e.data().path("index").asInt()).toList();
        for (int i = 0; i < startIndexes.size(); i++) {
            assertThat(startIndexes.get(i)).isEqualTo(i);
        }
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo(thinking.toString());
        assertThat(m.at("/content/1/text").asText()).isEqualTo(text.toString());
        for (int i = 0; i < args.size(); i++) {
            assertThat(m.path("content").get(2 + i).path("input")).isEqualTo(parse(args.get(i).toString()));
        }
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(4000);
    }

    @Test
    void aThousandChunkGeminiStreamIsWellFormed() {
        StringBuilder sse = new StringBuilder();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 999; i++) {
            String piece = "part " + i + ". ";
            text.append(piece);
            sse.append(ReplyFixtures.gchunk("[{\"text\": " + json(piece) + "}]", null, ReplyFixtures.G_USAGE_EARLY));
        }
        sse.append(ReplyFixtures.gchunk("[{\"text\": \"end\"}]", "STOP", ReplyFixtures.G_USAGE_FINAL));
        List<String> out = StreamTranslator.translateAll(sse.toString(), ReplyFormat.GEMINI, ReplyContext.NONE);
        assertCompleteStream(out);
        assertThat(parse(replay(out)).at("/content/0/text").asText()).isEqualTo(text + "end");
        assertThat(out).hasSize(2 + 1 + 1000 + 1 + 2);
    }

    @Test
    void largeToolArgumentsArriveAsOneDeltaWhenTheCallEndsAndNothingOfThemBefore() {
        StringBuilder sse = new StringBuilder(deltaChunk("{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"call_big\","
                + "\"type\":\"function\",\"function\":{\"name\":\"write_file\",\"arguments\":\"{\\\"content\\\":\\\"\"}}]}", null));
        String piece = "y".repeat(1000);
        for (int i = 0; i < 1000; i++) {
            sse.append(deltaChunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"" + piece + "\"}}]}", null));
        }
        sse.append(deltaChunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"}\"}}]}", "tool_calls")).append("data: [DONE]\n\n");
        StreamTranslator t = new StreamTranslator(ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        List<String> deltas = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (String line : sse.toString().split("\n", -1)) {
            for (String e : t.accept(line)) {
                if (e.startsWith("event: content_block_delta")) {
                    deltas.add(e);
                }
                all.add(e);
            }
        }
        all.addAll(t.finish());
        assertThat(deltas).hasSize(1);
        assertThat(deltas.get(0)).contains("\"partial_json\":\"{\\\"content\\\":\\\"" + piece);
        assertCompleteStream(all);
        assertThat(parse(replay(all)).at("/content/0/input/content").asText()).hasSize(1_000_000);
    }

    @Test
    void aStreamCutAfterAnyLineEndsWithMessageStopOrAnErrorNeverSilently() {
        Map<ReplyFormat, String> captures = Map.of(
                ReplyFormat.OPENAI_CHAT, ReplyFixtures.CHAT_STREAM_TOOLS + "",
                ReplyFormat.GEMINI, ReplyFixtures.GEMINI_STREAM_TEXT,
                ReplyFormat.OPENAI_RESPONSES, ReplyFixtures.RESPONSES_STREAM_REASONING_TEXT);
        for (var c : captures.entrySet()) {
            String[] lines = c.getValue().split("\r?\n", -1);
            for (int cut = 0; cut <= lines.length; cut++) {
                String partial = String.join("\n", java.util.Arrays.copyOf(lines, cut));
                List<String> out = StreamTranslator.translateAll(partial, c.getKey(), new ReplyContext(null, "{", Map.of()));
                assertThat(out).as("%s cut after %d lines", c.getKey(), cut).isNotEmpty();
                String last = names(out).get(out.size() - 1);
                assertThat(last).as("%s cut after %d lines", c.getKey(), cut).isIn("message_stop", "error");
                assertThat(streamProblems(out, last.equals("message_stop"))).as("%s cut after %d lines", c.getKey(), cut).isEmpty();
            }
        }
    }

    @Test
    void linesAfterTheEndAreIgnored() {
        StreamTranslator t = new StreamTranslator(ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        List<String> out = new ArrayList<>();
        for (String l : ReplyFixtures.CHAT_STREAM_TEXT.split("\n", -1)) {
            out.addAll(t.accept(l));
        }
        assertThat(t.done()).isTrue();
        assertThat(t.accept("data: " + "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"late\"}}]}")).isEmpty();
        assertThat(t.accept("")).isEmpty();
        assertThat(t.finish()).isEmpty();
        assertCompleteStream(out);
    }

    @Test
    void severalLinesPassedAtOnceAreSplit() {
        StreamTranslator t = new StreamTranslator(ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        List<String> out = new ArrayList<>(t.accept(ReplyFixtures.CHAT_STREAM_TEXT));
        out.addAll(t.finish());
        assertCompleteStream(out);
    }
}
