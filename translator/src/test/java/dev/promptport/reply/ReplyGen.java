package dev.promptport.reply;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Well-formed replies of each {@link ReplyFormat}, whole and streamed, for the reply fuzz
 * campaign: text, reasoning and tool calls in any order, tool arguments valid, cut off or not
 * JSON, and every finish reason the vendors document (and some they do not). Built from jqwik
 * arbitraries; {@link #sample(long)} draws one from a seed, so a campaign input is a function of its
 * index alone.
 */
final class ReplyGen {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final List<String> CHAT_FINISH = List.of("stop", "length", "tool_calls", "content_filter", "function_call",
            "eos", "insufficient_system_resource", "", "STOP", "end_turn", "max_tokens", "tool_use", "null", "abort");
    static final List<String> RESPONSES_STATUS = List.of("completed", "incomplete", "failed", "in_progress", "cancelled",
            "queued", "", "done");
    static final List<String> RESPONSES_INCOMPLETE = List.of("max_output_tokens", "content_filter", "", "other");
    static final List<String> GEMINI_FINISH = List.of("STOP", "MAX_TOKENS", "SAFETY", "RECITATION", "LANGUAGE", "OTHER",
            "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "MALFORMED_FUNCTION_CALL", "IMAGE_SAFETY", "UNEXPECTED_TOOL_CALL",
            "TOO_MANY_TOOL_CALLS", "FINISH_REASON_UNSPECIFIED", "IMAGE_PROHIBITED_CONTENT", "NO_IMAGE", "stop", "");

    /** One part of a generated reply. */
    record Part(Kind kind, String text, String name, String args) {
        enum Kind { TEXT, REASONING, TOOL }
    }

    /** A generated reply: what it says, how it ends, and how a stream cuts it ({@code seed}). */
    record Script(ReplyFormat format, boolean stream, List<Part> parts, int finish, boolean usage, long seed) {
    }

    private ReplyGen() {
    }

    static Arbitrary<String> texts() {
        Arbitrary<String> fragments = Arbitraries.of("{", "}", "<answer>", "</answer>", " ", "\n", "\"", "\\", "é", "中文",
                "🙂", "ok", "refund", "Lisbon", ":", ",", "\t", "\u0000", "{\"a\":1}", "data: [DONE]", "\r\n\r\n",
                "event: x", "\u2028", "```json", "</think>", "<think>", "null");
        Arbitrary<String> random = Arbitraries.strings().withCharRange(' ', '~').withChars('\n', 'ß', '€', '日', '\u200b')
                .ofMaxLength(40);
        Arbitrary<String> any = Arbitraries.strings().ofMaxLength(12);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.oneOf(fragments, random).list().ofMaxSize(12).map(l -> String.join("", l))),
                net.jqwik.api.Tuple.of(1, any),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", " ", "\n\n", "   \t")));
    }

    static Arbitrary<String> arguments() {
        Arbitrary<String> key = Arbitraries.of("city", "q", "invoice_id", "n", "", "é", "a b", "_raw");
        Arbitrary<String> value = Arbitraries.oneOf(texts().map(ReplyGen::quote),
                Arbitraries.of("1", "-2.50", "12345678901234567890", "1e400", "true", "null", "[1,2]", "{\"x\":{}}"));
        Arbitrary<String> object = Combinators.combine(key, value).as((k, v) -> quote(k) + ":" + v).list().ofMaxSize(4)
                .map(l -> "{" + String.join(",", l) + "}");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, object),
                net.jqwik.api.Tuple.of(1, object.map(o -> o.substring(0, o.length() / 2))),
                net.jqwik.api.Tuple.of(1, object.map(ReplyGen::quote)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", "null", "[\"x\"]", "\"x\"", "{'q': 'x'}", "not json", "{\"a\":1}{\"b\":2}")));
    }

    static Arbitrary<Part> parts() {
        Arbitrary<Part> text = texts().map(t -> new Part(Part.Kind.TEXT, t, null, null));
        Arbitrary<Part> reasoning = texts().map(t -> new Part(Part.Kind.REASONING, t, null, null));
        Arbitrary<Part> tool = Combinators.combine(Arbitraries.of("get_weather", "mcp__billing__lookup", "f", "a.b", ""),
                arguments()).as((n, a) -> new Part(Part.Kind.TOOL, null, n, a));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, text), net.jqwik.api.Tuple.of(2, reasoning),
                net.jqwik.api.Tuple.of(2, tool));
    }

    static Arbitrary<Script> scripts() {
        return Combinators.combine(Arbitraries.of(ReplyFormat.class), Arbitraries.of(true, false),
                parts().list().ofMaxSize(6), Arbitraries.integers().between(0, 99), Arbitraries.of(true, false),
                Arbitraries.longs()).as(Script::new);
    }

    private static final Arbitrary<Script> SCRIPTS = scripts();

    /**
     * The generated reply for {@code seed}: its format, whether it is a stream, and its text.
     * Drawn through {@link Arbitrary#sample()}, which jqwik allows outside a property and on any
     * thread, from the thread's source of randomness seeded first.
     */
    static ReplyFuzzCampaign.Seed sample(long seed) {
        net.jqwik.engine.SourceOfRandomness.create(Long.toString(seed));
        Script s = SCRIPTS.sample();
        String text = s.stream() ? stream(s) : whole(s);
        return new ReplyFuzzCampaign.Seed("generated " + s.format().id() + (s.stream() ? " stream" : " reply"), s.format(),
                s.stream(), text);
    }

    static String whole(Script s) {
        return switch (s.format()) {
            case OPENAI_CHAT -> chatWhole(s);
            case OPENAI_RESPONSES -> responsesWhole(s);
            case GEMINI -> geminiWhole(s);
        };
    }

    static String stream(Script s) {
        return switch (s.format()) {
            case OPENAI_CHAT -> chatStream(s);
            case OPENAI_RESPONSES -> responsesStream(s);
            case GEMINI -> geminiStream(s);
        };
    }

    // ------------------------------------------------------------------ OpenAI Chat

    private static String chatFinish(Script s) {
        String f = CHAT_FINISH.get(s.finish() % CHAT_FINISH.size());
        return f.equals("null") ? "null" : quote(f);
    }

    private static String chatWhole(Script s) {
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        List<String> calls = new ArrayList<>();
        for (Part p : s.parts()) {
            switch (p.kind()) {
                case TEXT -> text.append(p.text());
                case REASONING -> reasoning.append(p.text());
                case TOOL -> calls.add("{\"id\":\"call_" + calls.size() + "\",\"type\":\"function\",\"function\":{\"name\":"
                        + quote(p.name()) + ",\"arguments\":" + quote(p.args()) + "}}");
            }
        }
        return "{\"id\":\"chatcmpl-gen\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-gen\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":" + (text.isEmpty() && s.seed() % 2 == 0 ? "null" : quote(text.toString()))
                + (reasoning.isEmpty() ? "" : ",\"reasoning_content\":" + quote(reasoning.toString()))
                + (calls.isEmpty() ? "" : ",\"tool_calls\":[" + String.join(",", calls) + "]")
                + "},\"finish_reason\":" + chatFinish(s) + "}]"
                + (s.usage() ? ",\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}" : "") + "}";
    }

    private static String chatChunk(String delta, String finish) {
        return "data: {\"id\":\"chatcmpl-gen\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-gen\",\"choices\":"
                + "[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finish + "}]}\n\n";
    }

    private static String chatStream(Script s) {
        SplittableRandom r = new SplittableRandom(s.seed());
        StringBuilder b = new StringBuilder(chatChunk("{\"role\":\"assistant\",\"content\":\"\"}", "null"));
        int tools = 0;
        for (Part p : s.parts()) {
            switch (p.kind()) {
                case TEXT -> pieces(p.text(), r).forEach(x -> b.append(chatChunk("{\"content\":" + quote(x) + "}", "null")));
                case REASONING -> pieces(p.text(), r).forEach(x -> b.append(chatChunk("{\"reasoning_content\":" + quote(x) + "}", "null")));
                case TOOL -> {
                    int index = tools++;
                    b.append(chatChunk("{\"tool_calls\":[{\"index\":" + index + ",\"id\":\"call_" + index + "\",\"type\":\"function\","
                            + "\"function\":{\"name\":" + quote(p.name()) + ",\"arguments\":\"\"}}]}", "null"));
                    pieces(p.args(), r).forEach(x -> b.append(chatChunk("{\"tool_calls\":[{\"index\":" + index
                            + ",\"function\":{\"arguments\":" + quote(x) + "}}]}", "null")));
                }
            }
        }
        b.append(chatChunk("{}", chatFinish(s)));
        if (s.usage()) {
            b.append("data: {\"id\":\"chatcmpl-gen\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-gen\","
                    + "\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}\n\n");
        }
        return b.append("data: [DONE]\n\n").toString();
    }

    // ------------------------------------------------------------------ OpenAI Responses

    private static String status(Script s) {
        return RESPONSES_STATUS.get(s.finish() % RESPONSES_STATUS.size());
    }

    private static String responseObject(Script s, String output) {
        String st = status(s);
        String incomplete = st.equals("incomplete")
                ? "{\"reason\":" + quote(RESPONSES_INCOMPLETE.get(s.finish() / 10 % RESPONSES_INCOMPLETE.size())) + "}" : "null";
        String error = st.equals("failed") ? "{\"code\":\"server_error\",\"message\":\"The model failed.\"}" : "null";
        return "{\"id\":\"resp_gen\",\"object\":\"response\",\"created_at\":1,\"status\":" + quote(st) + ",\"error\":" + error
                + ",\"incomplete_details\":" + incomplete + ",\"model\":\"gpt-gen\",\"output\":" + output
                + (s.usage() ? ",\"usage\":{\"input_tokens\":10,\"output_tokens\":5,\"total_tokens\":15}" : ",\"usage\":null") + "}";
    }

    private static String item(Part p, int k, boolean done) {
        return switch (p.kind()) {
            case TEXT -> "{\"id\":\"msg_" + k + "\",\"type\":\"message\",\"status\":\"completed\",\"role\":\"assistant\",\"content\":"
                    + (done ? "[{\"type\":\"output_text\",\"annotations\":[],\"text\":" + quote(p.text()) + "}]" : "[]") + "}";
            case REASONING -> "{\"id\":\"rs_" + k + "\",\"type\":\"reasoning\",\"summary\":"
                    + (done ? "[{\"type\":\"summary_text\",\"text\":" + quote(p.text()) + "}]" : "[]") + "}";
            case TOOL -> "{\"id\":\"fc_" + k + "\",\"type\":\"function_call\",\"status\":\"completed\",\"call_id\":\"call_" + k
                    + "\",\"name\":" + quote(p.name()) + ",\"arguments\":" + quote(done ? p.args() : "") + "}";
        };
    }

    private static String responsesWhole(Script s) {
        List<String> items = new ArrayList<>();
        for (int k = 0; k < s.parts().size(); k++) {
            items.add(item(s.parts().get(k), k, true));
        }
        return responseObject(s, "[" + String.join(",", items) + "]");
    }

    private static String rev(String type, int[] seq, String body) {
        return "event: " + type + "\ndata: {\"type\":\"" + type + "\",\"sequence_number\":" + seq[0]++ + (body.isEmpty() ? "" : "," + body)
                + "}\n\n";
    }

    private static String responsesStream(Script s) {
        SplittableRandom r = new SplittableRandom(s.seed());
        int[] seq = {0};
        StringBuilder b = new StringBuilder(rev("response.created", seq, "\"response\":" + responseObject(
                new Script(s.format(), true, s.parts(), 3, false, s.seed()), "[]")));
        for (int k = 0; k < s.parts().size(); k++) {
            Part p = s.parts().get(k);
            String at = "\"output_index\":" + k;
            b.append(rev("response.output_item.added", seq, at + ",\"item\":" + item(p, k, false)));
            switch (p.kind()) {
                case TEXT -> {
                    String id = "\"item_id\":\"msg_" + k + "\"," + at + ",\"content_index\":0";
                    b.append(rev("response.content_part.added", seq, id + ",\"part\":{\"type\":\"output_text\",\"annotations\":[],\"text\":\"\"}"));
                    for (String x : pieces(p.text(), r)) {
                        b.append(rev("response.output_text.delta", seq, id + ",\"delta\":" + quote(x)));
                    }
                    b.append(rev("response.output_text.done", seq, id + ",\"text\":" + quote(p.text())));
                }
                case REASONING -> {
                    String id = "\"item_id\":\"rs_" + k + "\"," + at + ",\"summary_index\":0";
                    for (String x : pieces(p.text(), r)) {
                        b.append(rev("response.reasoning_summary_text.delta", seq, id + ",\"delta\":" + quote(x)));
                    }
                }
                case TOOL -> {
                    String id = "\"item_id\":\"fc_" + k + "\"," + at;
                    for (String x : pieces(p.args(), r)) {
                        b.append(rev("response.function_call_arguments.delta", seq, id + ",\"delta\":" + quote(x)));
                    }
                    b.append(rev("response.function_call_arguments.done", seq, id + ",\"arguments\":" + quote(p.args())));
                }
            }
            b.append(rev("response.output_item.done", seq, at + ",\"item\":" + item(p, k, true)));
        }
        String st = status(s);
        String end = switch (st) {
            case "incomplete" -> "response.incomplete";
            case "failed" -> "response.failed";
            case "completed" -> "response.completed";
            default -> s.finish() % 2 == 0 ? "response.completed" : "response.in_progress";
        };
        return b.append(rev(end, seq, "\"response\":" + responseObject(s, "[]"))).toString();
    }

    // ------------------------------------------------------------------ Gemini

    private static String part(Part p) {
        return switch (p.kind()) {
            case TEXT -> "{\"text\":" + quote(p.text()) + "}";
            case REASONING -> "{\"text\":" + quote(p.text()) + ",\"thought\":true}";
            case TOOL -> "{\"functionCall\":{\"name\":" + quote(p.name()) + ",\"args\":" + (isObject(p.args()) ? p.args() : "{}") + "}}";
        };
    }

    private static String candidate(String parts, String finish) {
        return "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[" + parts + "]}"
                + (finish == null ? "" : ",\"finishReason\":" + quote(finish)) + ",\"index\":0}],\"modelVersion\":\"gemini-gen\"";
    }

    private static String geminiWhole(Script s) {
        List<String> parts = new ArrayList<>();
        for (Part p : s.parts()) {
            parts.add(part(p));
        }
        return candidate(String.join(",", parts), GEMINI_FINISH.get(s.finish() % GEMINI_FINISH.size()))
                + (s.usage() ? ",\"usageMetadata\":{\"promptTokenCount\":10,\"candidatesTokenCount\":5,\"totalTokenCount\":15}" : "") + "}";
    }

    private static String geminiStream(Script s) {
        SplittableRandom r = new SplittableRandom(s.seed());
        StringBuilder b = new StringBuilder();
        for (Part p : s.parts()) {
            if (p.kind() == Part.Kind.TOOL) {
                b.append("data: ").append(candidate(part(p), null)).append("}\r\n\r\n");
            } else {
                for (String x : pieces(p.text(), r)) {
                    b.append("data: ").append(candidate(part(new Part(p.kind(), x, null, null)), null)).append("}\r\n\r\n");
                }
            }
        }
        b.append("data: ").append(candidate("", GEMINI_FINISH.get(s.finish() % GEMINI_FINISH.size())));
        if (s.usage()) {
            b.append(",\"usageMetadata\":{\"promptTokenCount\":10,\"candidatesTokenCount\":5,\"totalTokenCount\":15}");
        }
        return b.append("}\r\n\r\n").toString();
    }

    // ------------------------------------------------------------------ helpers

    /** {@code text} cut at a few random places (never inside a surrogate pair). */
    static List<String> pieces(String text, SplittableRandom r) {
        List<String> out = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int to = Math.min(text.length(), from + 1 + r.nextInt(12));
            if (to < text.length() && Character.isLowSurrogate(text.charAt(to))) {
                to++;
            }
            out.add(text.substring(from, to));
            from = to;
        }
        if (out.isEmpty()) {
            out.add("");
        }
        return out;
    }

    private static boolean isObject(String json) {
        try {
            return JSON.readTree(json).isObject();
        } catch (Exception e) {
            return false;
        }
    }

    static String quote(String s) {
        return JSON.getNodeFactory().textNode(s).toString();
    }
}
