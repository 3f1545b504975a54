package dev.promptport.bench;

import dev.promptport.reply.Replies;
import dev.promptport.reply.ReplyContext;
import dev.promptport.reply.ReplyFormat;
import dev.promptport.reply.StreamTranslator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The way back on the hot path: an OpenAI Chat completion (text and a tool call, about 1 KB)
 * into an Anthropic Message, and a 1,000-chunk stream (OpenAI Chat, OpenAI Responses, Gemini) into Anthropic events. Run:
 * {@code java -jar bench/target/benchmarks.jar ReplyBench -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReplyBench {

    private String reply;
    private List<String> stream;
    private List<String> geminiStream;
    private List<String> responsesStream;

    @Setup
    public void build() {
        reply = """
                {"id":"chatcmpl-9xQ2","object":"chat.completion","created":1732636800,"model":"gpt-4o-2024-08-06",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"I checked the order. The parcel left the\
                 Göteborg depot yesterday at 16:40 and is due in Zagreb on Thursday; I will also open a claim for the\
                 damaged pallet so the insurer can review the photos.","tool_calls":[{"id":"call_a1","type":"function",\
                "function":{"name":"file_claim","arguments":"{\\"shipment_id\\":\\"KLF-204518\\",\\"pallets\\":[3,5],\\"reason\\":\\"crushed in transit\\"}"}}]},
                 "logprobs":null,"finish_reason":"tool_calls"}],
                 "usage":{"prompt_tokens":1840,"completion_tokens":96,"total_tokens":1936,
                          "prompt_tokens_details":{"cached_tokens":1024}}}""";
        stream = new ArrayList<>();
        stream.add("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}");
        stream.add("");
        for (int i = 0; i < 998; i++) {
            stream.add("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
                    + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"word" + i + " \"},\"finish_reason\":null}]}");
            stream.add("");
        }
        stream.add("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
                + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":998,\"total_tokens\":1010}}");
        stream.add("");
        stream.add("data: [DONE]");
        geminiStream = geminiStream();
        responsesStream = responsesStream();
    }

    /** A Responses stream with 1,000 text deltas, as OpenAI writes them (with its obfuscation padding). */
    private static List<String> responsesStream() {
        List<String> lines = new ArrayList<>();
        sse(lines, "response.created", "{\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\"resp_1\","
                + "\"object\":\"response\",\"created_at\":1,\"status\":\"in_progress\",\"model\":\"gpt-4o\",\"output\":[]}}");
        sse(lines, "response.output_item.added", "{\"type\":\"response.output_item.added\",\"sequence_number\":1,\"output_index\":0,"
                + "\"item\":{\"id\":\"msg_1\",\"type\":\"message\",\"status\":\"in_progress\",\"content\":[],\"role\":\"assistant\"}}");
        for (int i = 0; i < 1000; i++) {
            sse(lines, "response.output_text.delta", "{\"type\":\"response.output_text.delta\",\"sequence_number\":" + (2 + i)
                    + ",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"word" + i + " \",\"logprobs\":[],"
                    + "\"obfuscation\":\"aB3dE\"}");
        }
        sse(lines, "response.completed", "{\"type\":\"response.completed\",\"sequence_number\":1002,\"response\":{\"id\":\"resp_1\","
                + "\"status\":\"completed\",\"model\":\"gpt-4o\",\"output\":[],\"usage\":{\"input_tokens\":12,\"output_tokens\":1000}}}");
        return lines;
    }

    private static void sse(List<String> lines, String event, String data) {
        lines.add("event: " + event);
        lines.add("data: " + data);
        lines.add("");
    }

    /**
     * A 1,000-chunk Gemini stream ({@code streamGenerateContent?alt=sse}) as Gemini 2.5 writes it:
     * a space after each colon and comma, and the usage so far in every chunk.
     */
    private static List<String> geminiStream() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String finish = i == 999 ? ",\"finishReason\": \"STOP\"" : "";
            String candidates = i == 0 ? "" : ", \"candidatesTokenCount\": " + i;
            lines.add("data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"word" + i + " \"}],\"role\": \"model\"}"
                    + finish + ",\"index\": 0}],\"usageMetadata\": {\"promptTokenCount\": 1840" + candidates
                    + ",\"totalTokenCount\": " + (1840 + i) + ",\"promptTokensDetails\": [{\"modality\": \"TEXT\",\"tokenCount\": 1840}]},"
                    + "\"modelVersion\": \"gemini-2.5-flash\",\"responseId\": \"mFoxaPzjMa2xz7IPp6iHiAQ\"}");
            lines.add("");
        }
        return lines;
    }

    @Benchmark
    public String reply() {
        return Replies.toAnthropic(reply, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
    }

    /** The whole stream: divide by 1,000 for a chunk. */
    @Benchmark
    public void stream1000Chunks(Blackhole bh) {
        translate(ReplyFormat.OPENAI_CHAT, stream, bh);
    }

    /** The same for a Responses stream: divide by 1,000 for a text delta. */
    @Benchmark
    public void stream1000ResponsesDeltas(Blackhole bh) {
        translate(ReplyFormat.OPENAI_RESPONSES, responsesStream, bh);
    }

    /** The same for a Gemini stream: divide by 1,000 for a chunk. */
    @Benchmark
    public void stream1000GeminiChunks(Blackhole bh) {
        translate(ReplyFormat.GEMINI, geminiStream, bh);
    }

    private static void translate(ReplyFormat format, List<String> lines, Blackhole bh) {
        StreamTranslator t = new StreamTranslator(format, ReplyContext.NONE);
        for (String line : lines) {
            bh.consume(t.accept(line));
        }
        bh.consume(t.finish());
    }
}
