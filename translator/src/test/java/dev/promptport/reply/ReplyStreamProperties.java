package dev.promptport.reply;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * However a vendor cuts its reply into chunks, the streamed translation says what the whole
 * reply says.
 */
class ReplyStreamProperties {

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> fragments = Arbitraries.of("{", "}", "<answer>", "<an", "swer>", " ", "\n", "\"", "\\", "é", "中文",
                "🙂", "ok", "billing", ":", ",", "\t", "\u0000", "{\"a\":1}");
        Arbitrary<String> random = Arbitraries.strings().withCharRange(' ', '~').withChars('\n', 'ß', '€').ofMaxLength(40);
        return Arbitraries.oneOf(fragments, random).list().ofMaxSize(30).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> prefills() {
        return Arbitraries.of("", "{", "<answer>", "[", "Sure, here is", " {");
    }

    /** {@code text} cut at the given positions (never inside a surrogate pair), empty pieces kept. */
    static List<String> split(String text, List<Integer> cuts) {
        TreeSet<Integer> at = new TreeSet<>();
        for (int c : cuts) {
            int p = text.isEmpty() ? 0 : c % (text.length() + 1);
            if (p > 0 && p < text.length() && Character.isLowSurrogate(text.charAt(p))) {
                p--;
            }
            at.add(p);
        }
        List<String> pieces = new ArrayList<>();
        int from = 0;
        for (int p : at) {
            pieces.add(text.substring(from, Math.max(from, p)));
            from = Math.max(from, p);
        }
        pieces.add(text.substring(from));
        return pieces;
    }

    private static String json(String s) {
        return AnthropicShape.JSON.valueToTree(s).toString();
    }

    private static ReplyContext ctx(String prefill, boolean continueMode) {
        return new ReplyContext(null, prefill, Map.of(),
                continueMode ? ReplyContext.PrefillMode.CONTINUE : ReplyContext.PrefillMode.PREPEND);
    }

    @Property(tries = 400)
    void openAiTextSplitAnywhereStreamsTheSameTextAsTheWholeReply(@ForAll("texts") String text,
            @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 10_000) Integer> cuts,
            @ForAll("prefills") String prefill, @ForAll boolean continueMode) {
        StringBuilder sse = new StringBuilder(ReplyFixtures.deltaChunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
        for (String piece : split(text, cuts)) {
            sse.append(ReplyFixtures.deltaChunk("{\"content\":" + json(piece) + "}", null));
        }
        sse.append(ReplyFixtures.deltaChunk("{}", "stop")).append("data: [DONE]\n\n");
        List<String> out = StreamTranslator.translateAll(sse.toString(), ReplyFormat.OPENAI_CHAT, ctx(prefill, continueMode));
        assertCompleteStream(out);
        String whole = Replies.toAnthropic(ReplyFixtures.chatReply(json(text), "stop"), ReplyFormat.OPENAI_CHAT, ctx(prefill, continueMode));
        assertThat(AnthropicShape.text(replay(out))).isEqualTo(AnthropicShape.text(whole));
        if (prefill.isEmpty()) {
            assertThat(AnthropicShape.text(whole)).isEqualTo(text.strip().isEmpty() ? "" : text);
        } else if (!text.isEmpty() && !continueMode) {
            assertThat(AnthropicShape.text(whole)).startsWith(prefill);
        }
    }

    @Property(tries = 200)
    void geminiTextSplitAnywhereStreamsTheSameTextAsTheWholeReply(@ForAll("texts") String text,
            @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 10_000) Integer> cuts, @ForAll("prefills") String prefill) {
        StringBuilder sse = new StringBuilder();
        for (String piece : split(text, cuts)) {
            sse.append(ReplyFixtures.gchunk("[{\"text\": " + json(piece) + "}]", null, ReplyFixtures.G_USAGE_EARLY));
        }
        sse.append(ReplyFixtures.gchunk("[]", "STOP", ReplyFixtures.G_USAGE_FINAL));
        List<String> out = StreamTranslator.translateAll(sse.toString(), ReplyFormat.GEMINI, ctx(prefill, false));
        assertCompleteStream(out);
        String whole = Replies.toAnthropic(ReplyFixtures.geminiFinish("STOP", json(text).substring(1, json(text).length() - 1)),
                ReplyFormat.GEMINI, ctx(prefill, false));
        assertThat(AnthropicShape.text(replay(out))).isEqualTo(AnthropicShape.text(whole));
    }

    @Property(tries = 200)
    void toolArgumentsSplitAnywhereReassembleToTheSameInput(@ForAll("texts") String value,
            @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 10_000) Integer> cuts) {
        String args = "{\"value\":" + json(value) + ",\"n\":[1,2.50,-3e2]}";
        StringBuilder sse = new StringBuilder(ReplyFixtures.deltaChunk("{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"call_1\","
                + "\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"\"}}]}", null));
        for (String piece : split(args, cuts)) {
            sse.append(ReplyFixtures.deltaChunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":" + json(piece) + "}}]}", null));
        }
        sse.append(ReplyFixtures.deltaChunk("{}", "tool_calls")).append("data: [DONE]\n\n");
        List<String> out = StreamTranslator.translateAll(sse.toString(), ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertCompleteStream(out);
        assertThat(parse(replay(out)).at("/content/0/input")).isEqualTo(parse(args));
        String whole = Replies.toAnthropic(ReplyFixtures.CHAT_TOOLS.replace(
                "\"{\\\"city\\\":\\\"Lisbon\\\",\\\"unit\\\":\\\"celsius\\\",\\\"days\\\":3}\"", json(args)), ReplyFormat.OPENAI_CHAT, null);
        assertThat(whole).contains("\"input\":" + args);
    }

    @Property(tries = 200)
    void anyLineSequenceGivesAWellFormedStreamAndNeverThrows(@ForAll("lines") List<String> lines, @ForAll("formats") ReplyFormat format) {
        StreamTranslator t = new StreamTranslator(format, ReplyContext.NONE);
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.addAll(t.accept(l));
        }
        out.addAll(t.finish());
        String last = AnthropicShape.names(out).get(out.size() - 1);
        assertThat(last).isIn("message_stop", "error");
        assertThat(AnthropicShape.streamProblems(out, last.equals("message_stop"))).isEmpty();
    }

    @Provide
    Arbitrary<ReplyFormat> formats() {
        return Arbitraries.of(ReplyFormat.class);
    }

    @Provide
    Arbitrary<List<String>> lines() {
        List<String> pool = new ArrayList<>();
        for (String capture : new String[] {ReplyFixtures.CHAT_STREAM_TOOLS, ReplyFixtures.DEEPSEEK_STREAM,
            ReplyFixtures.GEMINI_STREAM_TEXT, ReplyFixtures.GEMINI_STREAM_TOOLS, ReplyFixtures.RESPONSES_STREAM_REASONING_TEXT,
            ReplyFixtures.RESPONSES_STREAM_TOOLS}) {
            for (String l : capture.split("\r?\n")) {
                pool.add(l);
            }
        }
        pool.add("data: {broken");
        pool.add("data: [DONE]");
        pool.add(": comment");
        pool.add("data: {\"error\":{\"message\":\"x\",\"code\":\"server_error\"}}");
        pool.add("data: null");
        pool.add("data: 42");
        return Arbitraries.oneOf(Arbitraries.of(pool), Arbitraries.just("")).list().ofMaxSize(40);
    }
}
