package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small checker of Anthropic's reply shapes: a {@code Message}, an error, and a stream of
 * events (order, block indexes, delta kinds). {@link #replay} accumulates a stream into the
 * {@code Message} a client SDK would build from it.
 */
final class AnthropicShape {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> STOP_REASONS = Set.of("end_turn", "max_tokens", "stop_sequence", "tool_use", "refusal", "pause_turn");
    static final Set<String> ERROR_TYPES = Set.of("invalid_request_error", "authentication_error", "billing_error",
            "permission_error", "not_found_error", "request_too_large", "rate_limit_error", "api_error",
            "timeout_error", "overloaded_error");
    static final Set<String> MESSAGE_KEYS = Set.of("id", "type", "role", "model", "content", "stop_reason", "stop_sequence", "usage");
    static final Set<String> USAGE_KEYS = Set.of("input_tokens", "output_tokens", "cache_read_input_tokens", "cache_creation_input_tokens");
    static final Pattern TOOL_ID = Pattern.compile("^[a-zA-Z0-9_-]+$");
    static final Pattern EVENT = Pattern.compile("event: ([a-z_]+)\ndata: (.+)\n\n", Pattern.DOTALL);

    private AnthropicShape() {
    }

    /** A whole reply in {@code format}, read into Claude's shape, checked as a Message and parsed. */
    static JsonNode message(String reply, ReplyFormat format) {
        String out = Replies.toAnthropic(reply, format, ReplyContext.NONE);
        assertMessage(out);
        return parse(out);
    }

    /** A stream in {@code format}, read into Claude's events, checked whole, and the Message they build. */
    static JsonNode replayed(String sse, ReplyFormat format) {
        List<String> out = StreamTranslator.translateAll(sse, format, ReplyContext.NONE);
        assertCompleteStream(out);
        return parse(replay(out));
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    // ------------------------------------------------------------------ Message

    static List<String> messageProblems(String json) {
        List<String> p = new ArrayList<>();
        JsonNode m = parse(json);
        if (!m.isObject()) {
            return List.of("not an object");
        }
        for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (k.equals("stop_details")) {
                stopDetailsProblems(m.get(k), m.path("stop_reason").asText(), "stop_details", p);
            } else if (!MESSAGE_KEYS.contains(k)) {
                p.add("unexpected key " + k);
            }
        }
        for (String k : MESSAGE_KEYS) {
            if (!m.has(k)) {
                p.add("missing " + k);
            }
        }
        if (!m.path("id").isTextual() || !m.path("id").asText().startsWith("msg_")) {
            p.add("id must be a string starting msg_: " + m.path("id"));
        }
        expect(p, m, "type", "message");
        expect(p, m, "role", "assistant");
        if (!m.path("model").isTextual() || m.path("model").asText().isEmpty()) {
            p.add("model must be a non-empty string");
        }
        if (!m.path("content").isArray()) {
            p.add("content must be an array");
        } else {
            int i = 0;
            for (JsonNode b : m.path("content")) {
                blockProblems(b, "/content/" + i++, p);
            }
        }
        JsonNode sr = m.path("stop_reason");
        if (!(sr.isTextual() && STOP_REASONS.contains(sr.asText()))) {
            p.add("stop_reason not one of " + STOP_REASONS + ": " + sr);
        }
        JsonNode ss = m.path("stop_sequence");
        if (!(ss.isNull() || ss.isTextual() && "stop_sequence".equals(sr.asText()))) {
            p.add("stop_sequence must be null unless stop_reason is stop_sequence");
        }
        usageProblems(m.path("usage"), "/usage", p, true);
        return p;
    }

    /**
     * Anthropic's {@code stop_details} (the SDK's {@code RefusalStopDetails}): only beside stop
     * reason {@code refusal}, type {@code refusal}, a category of Anthropic's or null, an
     * explanation or null.
     */
    static void stopDetailsProblems(JsonNode d, String stopReason, String at, List<String> p) {
        if (d == null || d.isNull()) {
            return;
        }
        if (!"refusal".equals(stopReason)) {
            p.add(at + " beside stop_reason " + stopReason);
        }
        keys(d, at, p, "type", "category", "explanation");
        expect(p, d, "type", "refusal");
        JsonNode c = d.path("category");
        if (!(c.isNull() || c.isMissingNode() || Set.of("cyber", "bio", "frontier_llm", "reasoning_extraction", "general_harms").contains(c.asText()))) {
            p.add(at + ".category not Anthropic's: " + c);
        }
        JsonNode e = d.path("explanation");
        if (!(e.isNull() || e.isMissingNode() || e.isTextual())) {
            p.add(at + ".explanation must be a string or null");
        }
    }

    static void blockProblems(JsonNode b, String at, List<String> p) {
        String type = b.path("type").asText();
        switch (type) {
            case "text" -> {
                keys(b, at, p, "type", "text");
                if (!b.path("text").isTextual()) {
                    p.add(at + ": text must be a string");
                } else if (b.path("text").asText().strip().isEmpty()) {
                    // Anthropic refuses such a block when the history is sent back
                    p.add(at + ": text must hold more than whitespace");
                }
            }
            case "thinking" -> {
                keys(b, at, p, "type", "thinking", "signature");
                if (!b.path("thinking").isTextual() || !b.path("signature").isTextual()) {
                    p.add(at + ": thinking and signature must be strings");
                }
            }
            case "tool_use" -> {
                keys(b, at, p, "type", "id", "name", "input");
                if (!TOOL_ID.matcher(b.path("id").asText()).matches()) {
                    p.add(at + ": tool_use id must match " + TOOL_ID + ": " + b.path("id"));
                }
                if (!b.path("name").isTextual() || b.path("name").asText().isEmpty()) {
                    p.add(at + ": tool_use name must be a non-empty string");
                }
                if (!b.path("input").isObject()) {
                    p.add(at + ": tool_use input must be an object");
                }
            }
            case "server_tool_use" -> {
                keys(b, at, p, "type", "id", "name", "input", "caller");
                if (!b.path("id").asText().startsWith("srvtoolu_") || !"code_execution".equals(b.path("name").asText())
                        || !b.path("input").path("code").isTextual()) {
                    p.add(at + ": server_tool_use must be a code_execution call with a srvtoolu_ id and code");
                }
            }
            case "code_execution_tool_result" -> {
                keys(b, at, p, "type", "tool_use_id", "content");
                JsonNode c = b.path("content");
                if (!"code_execution_result".equals(c.path("type").asText()) || !c.path("stdout").isTextual()
                        || !c.path("stderr").isTextual() || !c.path("return_code").isInt() || !c.path("content").isArray()) {
                    p.add(at + ": code_execution_tool_result content is not a code_execution_result");
                }
            }
            default -> p.add(at + ": unknown block type " + type);
        }
    }

    static void usageProblems(JsonNode u, String at, List<String> p, boolean requireAll) {
        if (!u.isObject()) {
            p.add(at + ": usage must be an object");
            return;
        }
        for (Iterator<String> it = u.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (k.equals("service_tier")) {
                if (!Set.of("standard", "priority", "batch").contains(u.get(k).asText())) {
                    p.add(at + ": service_tier not one of Anthropic's: " + u.get(k));
                }
            } else if (!USAGE_KEYS.contains(k)) {
                p.add(at + ": unexpected usage key " + k);
            }
        }
        for (String k : USAGE_KEYS) {
            JsonNode v = u.get(k);
            if (v == null) {
                if (requireAll || k.equals("output_tokens")) {
                    p.add(at + ": missing " + k);
                }
            } else if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) {
                p.add(at + ": " + k + " must be a whole number ≥ 0: " + v);
            }
        }
    }

    static void assertMessage(String json) {
        assertThat(messageProblems(json)).as("Anthropic Message shape of %s", json).isEmpty();
        dev.promptport.spec.ClaudeSdk.assertValidMessage(json);
    }

    static void assertError(String json, String type) {
        JsonNode e = parse(json);
        assertThat(e.path("type").asText()).isEqualTo("error");
        assertThat(e.path("error").path("type").asText()).isEqualTo(type);
        assertThat(ERROR_TYPES).contains(type);
        assertThat(e.path("error").path("message").isTextual()).isTrue();
        assertThat(e.size()).isEqualTo(2);
        assertThat(e.path("error").size()).isEqualTo(2);
    }

    // ------------------------------------------------------------------ streams

    record Event(String name, JsonNode data) {
    }

    /** Events as name:index (name:type:index for a block start), pings left out. */
    static List<String> outline(List<String> out) {
        List<String> got = new ArrayList<>();
        for (Event e : events(out)) {
            JsonNode d = e.data();
            switch (e.name()) {
                case "content_block_start" -> got.add("start:" + d.at("/content_block/type").asText() + ":" + d.path("index").asInt());
                case "content_block_stop" -> got.add("stop:" + d.path("index").asInt());
                case "content_block_delta" -> got.add("delta:" + d.path("index").asInt());
                case "ping" -> { }
                default -> got.add(e.name());
            }
        }
        return got;
    }

    static List<Event> events(List<String> raw) {
        List<Event> out = new ArrayList<>();
        for (String r : raw) {
            var m = EVENT.matcher(r);
            assertThat(m.matches()).as("SSE event text %s", r).isTrue();
            assertThat(m.group(2)).as("one data line").doesNotContain("\n");
            JsonNode data = parse(m.group(2));
            assertThat(data.path("type").asText()).as("data.type equals the event name").isEqualTo(m.group(1));
            out.add(new Event(m.group(1), data));
        }
        return out;
    }

    /**
     * Problems with the order and content of a stream. {@code complete}: the stream must end with
     * message_stop (else it must end with error).
     */
    static List<String> streamProblems(List<String> raw, boolean complete) {
        List<String> p = new ArrayList<>();
        List<Event> ev = events(raw);
        if (ev.isEmpty()) {
            return List.of("no events");
        }
        int starts = 0;
        int stops = 0;
        int deltas = 0;
        int nextIndex = 0;
        int open = -1;
        String openType = null;
        boolean ended = false;
        for (int i = 0; i < ev.size(); i++) {
            Event e = ev.get(i);
            JsonNode d = e.data();
            if (ended) {
                p.add(i + ": " + e.name() + " after the end");
                continue;
            }
            switch (e.name()) {
                case "message_start" -> {
                    starts++;
                    if (i != 0) {
                        p.add(i + ": message_start is not first");
                    }
                    JsonNode m = d.path("message");
                    if (!m.path("content").isArray() || !m.path("content").isEmpty()) {
                        p.add("message_start content must be []");
                    }
                    if (!m.path("stop_reason").isNull()) {
                        p.add("message_start stop_reason must be null");
                    }
                    if (!m.path("id").asText().startsWith("msg_")) {
                        p.add("message_start id must start msg_");
                    }
                    expect(p, m, "type", "message");
                    expect(p, m, "role", "assistant");
                    usageProblems(m.path("usage"), "message_start.usage", p, true);
                }
                case "ping" -> {
                }
                case "content_block_start" -> {
                    if (open >= 0) {
                        p.add(i + ": block " + d.path("index") + " starts while " + open + " is open");
                    }
                    int idx = d.path("index").asInt(-1);
                    if (idx != nextIndex) {
                        p.add(i + ": block index " + idx + ", expected " + nextIndex);
                    }
                    nextIndex = idx + 1;
                    open = idx;
                    openType = d.path("content_block").path("type").asText();
                    JsonNode cb = d.path("content_block");
                    switch (openType) {
                        case "text" -> {
                            if (!"".equals(cb.path("text").asText("x"))) {
                                p.add(i + ": text block must start empty");
                            }
                        }
                        case "thinking" -> {
                            if (!cb.path("thinking").isTextual()) {
                                p.add(i + ": thinking block without thinking");
                            }
                        }
                        case "tool_use", "server_tool_use" -> {
                            if (!TOOL_ID.matcher(cb.path("id").asText()).matches() || cb.path("name").asText().isEmpty()
                                    || !cb.path("input").isObject() || !cb.path("input").isEmpty()) {
                                p.add(i + ": bad tool_use start " + cb);
                            }
                        }
                        case "code_execution_tool_result" -> {
                            List<String> whole = new ArrayList<>();
                            blockProblems(cb, i + "", whole);
                            p.addAll(whole);
                        }
                        default -> p.add(i + ": unknown block type " + openType);
                    }
                }
                case "content_block_delta" -> {
                    deltas++;
                    int idx = d.path("index").asInt(-1);
                    if (idx != open) {
                        p.add(i + ": delta for block " + idx + " while " + open + " is open");
                    }
                    String dt = d.path("delta").path("type").asText();
                    String want = switch (dt) {
                        case "text_delta" -> "text";
                        case "input_json_delta" -> "server_tool_use".equals(openType) ? openType : "tool_use";
                        case "thinking_delta", "signature_delta" -> "thinking";
                        default -> "?";
                    };
                    if (!want.equals(openType)) {
                        p.add(i + ": " + dt + " in a " + openType + " block");
                    }
                }
                case "content_block_stop" -> {
                    stops++;
                    if (d.path("index").asInt(-1) != open) {
                        p.add(i + ": stop for " + d.path("index") + " while " + open + " is open");
                    }
                    open = -1;
                }
                case "message_delta" -> {
                    if (open >= 0) {
                        p.add(i + ": message_delta while block " + open + " is open");
                    }
                    String sr = d.path("delta").path("stop_reason").asText();
                    if (!STOP_REASONS.contains(sr)) {
                        p.add(i + ": stop_reason " + sr);
                    }
                    if (!d.path("delta").path("stop_sequence").isNull()) {
                        p.add(i + ": stop_sequence must be null");
                    }
                    stopDetailsProblems(d.path("delta").get("stop_details"), sr, i + ": stop_details", p);
                    usageProblems(d.path("usage"), "message_delta.usage", p, false);
                    if (i + 1 >= ev.size() || !ev.get(i + 1).name().equals("message_stop")) {
                        p.add(i + ": message_delta not followed by message_stop");
                    }
                }
                case "message_stop" -> ended = true;
                case "error" -> {
                    ended = true;
                    if (!ERROR_TYPES.contains(d.path("error").path("type").asText())) {
                        p.add(i + ": error type " + d.path("error").path("type"));
                    }
                }
                default -> p.add(i + ": unknown event " + e.name());
            }
        }
        long messageStarts = ev.stream().filter(e -> e.name().equals("message_start")).count();
        long messageStops = ev.stream().filter(e -> e.name().equals("message_stop")).count();
        String last = ev.get(ev.size() - 1).name();
        if (complete) {
            if (messageStarts != 1 || messageStops != 1) {
                p.add("expected exactly one message_start and one message_stop, got " + messageStarts + " and " + messageStops);
            }
            if (!last.equals("message_stop")) {
                p.add("last event is " + last);
            }
            long blockStarts = ev.stream().filter(e -> e.name().equals("content_block_start")).count();
            if (blockStarts != stops) {
                p.add(blockStarts + " content_block_start but " + stops + " content_block_stop");
            }
        } else if (!last.equals("error")) {
            p.add("an unfinished stream must end with error, ends with " + last);
        }
        return p;
    }

    static void assertCompleteStream(List<String> raw) {
        assertThat(streamProblems(raw, true)).as("stream %s", String.join("", raw)).isEmpty();
        assertMessage(replay(raw));
        // the SDK's own accumulator must build the same reply a client of Claude would get
        assertThat(parse(dev.promptport.spec.ClaudeSdk.accumulate(raw)).path("content"))
                .isEqualTo(parse(replay(raw)).path("content"));
    }

    static void assertFailedStream(List<String> raw) {
        assertThat(streamProblems(raw, false)).as("stream %s", String.join("", raw)).isEmpty();
    }

    /** The Message a client builds from a complete stream (as the Anthropic SDKs accumulate it). */
    static String replay(List<String> raw) {
        ObjectNode msg = null;
        List<StringBuilder> partial = new ArrayList<>();
        for (Event e : events(raw)) {
            JsonNode d = e.data();
            switch (e.name()) {
                case "message_start" -> msg = ((ObjectNode) d.path("message")).deepCopy();
                case "content_block_start" -> {
                    ((ArrayNode) msg.get("content")).add(d.path("content_block").deepCopy());
                    partial.add(new StringBuilder());
                }
                case "content_block_delta" -> {
                    int idx = d.path("index").asInt();
                    ObjectNode b = (ObjectNode) msg.get("content").get(idx);
                    JsonNode delta = d.path("delta");
                    switch (delta.path("type").asText()) {
                        case "text_delta" -> b.put("text", b.path("text").asText() + delta.path("text").asText());
                        case "thinking_delta" -> b.put("thinking", b.path("thinking").asText() + delta.path("thinking").asText());
                        case "signature_delta" -> b.put("signature", delta.path("signature").asText());
                        case "input_json_delta" -> partial.get(idx).append(delta.path("partial_json").asText());
                        default -> throw new AssertionError("delta " + delta);
                    }
                }
                case "content_block_stop" -> {
                    int idx = d.path("index").asInt();
                    ObjectNode b = (ObjectNode) msg.get("content").get(idx);
                    if (b.path("type").asText().endsWith("tool_use") && partial.get(idx).length() > 0) {
                        b.set("input", parse(partial.get(idx).toString()));
                    }
                }
                case "message_delta" -> {
                    msg.set("stop_reason", d.path("delta").path("stop_reason"));
                    msg.set("stop_sequence", d.path("delta").path("stop_sequence"));
                    if (d.path("delta").has("stop_details")) {
                        msg.set("stop_details", d.path("delta").get("stop_details"));
                    }
                    ObjectNode u = (ObjectNode) msg.get("usage");
                    d.path("usage").fields().forEachRemaining(f -> u.set(f.getKey(), f.getValue()));
                }
                default -> {
                }
            }
        }
        return msg == null ? "null" : msg.toString();
    }

    /** A Message's content blocks, the made-up parts (ids of tools Gemini did not name) left as they are. */
    static JsonNode content(String messageJson) {
        return parse(messageJson).path("content");
    }

    /** The concatenated text of all text blocks. */
    static String text(String messageJson) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode b : content(messageJson)) {
            if ("text".equals(b.path("type").asText())) {
                sb.append(b.path("text").asText());
            }
        }
        return sb.toString();
    }

    /** The event names in order. */
    static List<String> names(List<String> raw) {
        return events(raw).stream().map(Event::name).toList();
    }

    private static void expect(List<String> p, JsonNode n, String field, String value) {
        if (!value.equals(n.path(field).asText(null))) {
            p.add(field + " must be " + value + ": " + n.path(field));
        }
    }

    private static void keys(JsonNode b, String at, List<String> p, String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!ok.contains(k)) {
                p.add(at + ": unexpected key " + k);
            }
        }
        for (String k : allowed) {
            if (!b.has(k)) {
                p.add(at + ": missing " + k);
            }
        }
    }
}
