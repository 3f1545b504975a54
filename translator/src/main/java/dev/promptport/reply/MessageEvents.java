package dev.promptport.reply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.PromptPortException;
import dev.promptport.tree.Loc;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A whole Anthropic {@code Message} as the stream events Claude would have sent for it, for a
 * server that answered a streaming request with its whole reply: {@code message_start} (the
 * message without content, the usage known at the start), per block
 * {@code content_block_start} / {@code content_block_delta} ({@code text_delta},
 * {@code thinking_delta} and {@code signature_delta}, {@code input_json_delta}) /
 * {@code content_block_stop}, then {@code message_delta} (stop reason, stop sequence, usage)
 * and {@code message_stop}. The events are written by the same emitter as a translated stream.
 * A block of another kind, or one with more than the emitter writes (a text block's
 * citations), comes whole in its {@code content_block_start}.
 *
 * <p>A reply from another vendor is first made a {@code Message} by {@link Replies#translate},
 * so the events hold what the non-streaming call would return.
 *
 * @param events the events, each {@code "event: NAME\ndata: JSON\n\n"}
 * @param leftOut what the message held that these events have no place for (a Claude reply's
 *     {@code container}, its {@code usage.server_tool_use}), one line each; empty for a
 *     message translated from another vendor
 */
public record MessageEvents(List<String> events, List<String> leftOut) {

    private static final Set<String> CARRIED = Set.of("id", "type", "role", "model", "content", "stop_reason",
            "stop_sequence", "stop_details", "usage");
    private static final Set<String> USAGE_CARRIED = Set.of("input_tokens", "output_tokens", "cache_read_input_tokens",
            "cache_creation_input_tokens", "service_tier");
    private static final Set<String> TIERS = Set.of("standard", "priority", "batch");

    public MessageEvents {
        events = List.copyOf(events);
        leftOut = List.copyOf(leftOut);
    }

    /**
     * The events for {@code messageJson}.
     *
     * @throws PromptPortException when the text is not an Anthropic {@code Message}: not JSON, not
     *     an object, of another {@code type}, or without a {@code content} array of blocks
     */
    public static MessageEvents of(String messageJson) {
        JsonNode m = message(messageJson);
        List<String> leftOut = new ArrayList<>();
        EventEmitter e = new EventEmitter(ReplyContext.NONE);
        JsonNode u = m.path("usage");
        Usage usage = new Usage(Json.count(u, "input_tokens"), Json.count(u, "output_tokens"),
                Json.count(u, "cache_read_input_tokens"), Json.count(u, "cache_creation_input_tokens"));
        e.start(Json.text(m, "id"), Json.text(m, "model"), usage, tier(u, leftOut));
        for (JsonNode block : m.get("content")) {
            block(e, block);
        }
        String stop = Json.text(m, "stop_reason");
        JsonNode details = m.get("stop_details");
        e.finish(stop == null ? StopReasons.END_TURN : stop, Json.text(m, "stop_sequence"),
                details == null || details.isNull() ? null : Json.compact(details), usage);
        unplaced(m, CARRIED, "", leftOut);
        unplaced(u, USAGE_CARRIED, "usage.", leftOut);
        return new MessageEvents(e.drain(), leftOut);
    }

    private static JsonNode message(String json) {
        JsonNode m;
        try {
            m = json == null || json.isBlank() ? null : Json.read(json);
        } catch (JsonProcessingException e) {
            throw new PromptPortException("the reply is not JSON: " + e.getOriginalMessage(), Loc.NONE, e);
        }
        if (m == null || !m.isObject()) {
            throw new PromptPortException("the reply is not a JSON object", Loc.NONE);
        }
        String type = Json.text(m, "type");
        if (m.has("type") && !"message".equals(type)) {
            throw new PromptPortException("the reply is not an Anthropic Message: its type is "
                    + (type == null ? m.get("type").toString() : '"' + type + '"') + ", not \"message\"", Loc.pointer("/type"));
        }
        JsonNode content = m.get("content");
        if (content == null || !content.isArray()) {
            throw new PromptPortException("the reply is not an Anthropic Message: it has no \"content\" array", Loc.pointer("/content"));
        }
        for (int i = 0; i < content.size(); i++) {
            if (Json.text(content.get(i), "type") == null) {
                throw new PromptPortException("the reply's content block " + i + " is not an object with a \"type\"",
                        Loc.pointer("/content/" + i));
            }
        }
        return m;
    }

    /**
     * One block, in pieces where the emitter writes every field it has; whole otherwise, so
     * that nothing of it is lost.
     */
    private static void block(EventEmitter e, JsonNode b) {
        String type = Json.text(b, "type");
        switch (type) {
            case "text" -> {
                if (only(b, "type", "text") && b.path("text").isTextual()) {
                    e.onStart(BlockSink.Kind.TEXT, null, null);
                    piece(b, "text", e::onText);
                    e.onStop(BlockSink.Kind.TEXT);
                    return;
                }
            }
            case "thinking" -> {
                if (only(b, "type", "thinking", "signature") && b.path("thinking").isTextual()) {
                    e.onStart(BlockSink.Kind.THINKING, null, null);
                    piece(b, "thinking", e::onThinking);
                    piece(b, "signature", e::onSignature);
                    e.onStop(BlockSink.Kind.THINKING);
                    return;
                }
            }
            case "tool_use", "server_tool_use" -> {
                boolean server = type.equals("server_tool_use");
                // the emitter names the caller of a server tool as the direct one, as Claude does
                boolean shaped = server ? only(b, "type", "id", "name", "input", "caller")
                        && "direct".equals(Json.text(b.path("caller"), "type")) && b.path("caller").size() == 1
                        : only(b, "type", "id", "name", "input");
                if (shaped && Json.text(b, "id") != null && Json.text(b, "name") != null && b.path("input").isObject()) {
                    BlockSink.Kind kind = server ? BlockSink.Kind.SERVER_TOOL_USE : BlockSink.Kind.TOOL_USE;
                    e.onStart(kind, Json.text(b, "id"), Json.text(b, "name"));
                    e.onToolArgs(Json.compact(b.get("input")));
                    e.onStop(kind);
                    return;
                }
            }
            default -> {
            }
        }
        e.onWholeBlock(Json.compact(b));
    }

    /** Writes the text at {@code field}, when there is any: Claude sends no empty delta. */
    private static void piece(JsonNode b, String field, java.util.function.Consumer<String> to) {
        String s = Json.text(b, field);
        if (s != null && !s.isEmpty()) {
            to.accept(s);
        }
    }

    /** Whether every field of {@code b} that is not null is one of {@code fields}; a text's empty citations count as none. */
    private static boolean only(JsonNode b, String... fields) {
        Set<String> allowed = Set.of(fields);
        for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            boolean empty = v.isNull() || f.getKey().equals("citations") && v.isArray() && v.isEmpty();
            if (!allowed.contains(f.getKey()) && !empty) {
                return false;
            }
        }
        return true;
    }

    /** Anthropic's service tier from the usage, or {@code null}; one Anthropic does not name is left out. */
    private static String tier(JsonNode usage, List<String> leftOut) {
        JsonNode t = usage.get("service_tier");
        if (t == null || t.isNull()) {
            return null;
        }
        if (t.isTextual() && TIERS.contains(t.textValue())) {
            return t.textValue();
        }
        leftOut.add("the reply's usage.service_tier " + t + ": Anthropic names only standard, priority and batch");
        return null;
    }

    /** Names each field of {@code n} that is not null and not among {@code carried}. */
    private static void unplaced(JsonNode n, Set<String> carried, String prefix, List<String> leftOut) {
        if (n == null || !n.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!carried.contains(f.getKey()) && !f.getValue().isNull()) {
                leftOut.add("the reply's " + prefix + f.getKey() + " (" + clip(Json.compact(f.getValue()))
                        + "): the stream events made from the whole reply have no place for it");
            }
        }
    }

    private static String clip(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
