package dev.promptport.reply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A prefill restored in a reply that came back on Claude's own wire (another Claude deployment,
 * an Anthropic-compatible endpoint). Such a reply needs it only where the prefill became an
 * instruction ({@code Translation.prefill()} not {@code null}): Claude refuses a prefill beside a
 * reply schema, so the model was asked to begin with it and its text starts with it. Its first
 * text block then goes through the {@link PrefixGate} as another vendor's does. A prefill sent as
 * a real one needs nothing: Claude's reply already holds only what follows it.
 *
 * <p>One instance per stream; events are passed on as they came once the gate has decided, so a
 * long reply's deltas are not parsed.
 */
public final class ClaudePrefill {

    private final PrefixGate gate;
    private int textIndex = -1;
    private boolean passing;

    /** @param ctx the reply context whose {@code prefill} became an instruction */
    public ClaudePrefill(ReplyContext ctx) {
        this.gate = ctx == null || ctx.prefill() == null ? null : new PrefixGate(ctx.prefill(), ctx.prefillMode());
        this.passing = gate == null;
    }

    /** A whole Claude message with the prefill restored in its first text block; as it came when there is none. */
    public static String message(String json, ReplyContext ctx) {
        if (ctx == null || ctx.prefill() == null) {
            return json;
        }
        JsonNode root;
        try {
            root = Json.read(json);
        } catch (JsonProcessingException e) {
            return json;
        }
        for (JsonNode block : root.path("content")) {
            if (block instanceof ObjectNode o && "text".equals(Json.text(o, "type"))) {
                String text = Json.text(o, "text");
                o.put("text", PrefixGate.apply(text == null ? "" : text, ctx.prefill(), ctx.prefillMode()));
                return Json.compact(root);
            }
        }
        return json;
    }

    /**
     * The events to pass on for one event of Claude's stream ({@code "event: NAME\ndata: JSON\n\n"}):
     * the event itself, rewritten while the first text block's start is still decided, none while
     * its text is held back, and the held text before that block's stop.
     */
    public List<String> event(String event) {
        if (passing) {
            return List.of(event);
        }
        JsonNode data = data(event);
        if (!(data instanceof ObjectNode d)) {
            return List.of(event);
        }
        String type = Json.text(d, "type");
        int index = d.path("index").asInt(-1);
        if ("content_block_start".equals(type) && textIndex < 0 && "text".equals(Json.text(d.path("content_block"), "type"))) {
            textIndex = index;
            String text = Json.text(d.path("content_block"), "text");
            if (text == null || text.isEmpty()) {
                return List.of(event);
            }
            ((ObjectNode) d.get("content_block")).put("text", offer(text));
            return List.of(write("content_block_start", d));
        }
        if (index != textIndex || textIndex < 0) {
            return List.of(event);
        }
        if ("content_block_delta".equals(type) && "text_delta".equals(Json.text(d.path("delta"), "type"))) {
            String out = offer(Json.text(d.path("delta"), "text"));
            if (out.isEmpty()) {
                return List.of();
            }
            ((ObjectNode) d.get("delta")).put("text", out);
            return List.of(write("content_block_delta", d));
        }
        if ("content_block_stop".equals(type)) {
            passing = true;
            String held = gate.flush();
            if (!held.isEmpty()) {
                ObjectNode delta = Json.MAPPER.createObjectNode();
                delta.put("type", "content_block_delta").put("index", index);
                delta.putObject("delta").put("type", "text_delta").put("text", held);
                return List.of(write("content_block_delta", delta), event);
            }
        }
        return List.of(event);
    }

    private String offer(String piece) {
        String out = gate.offer(piece == null ? "" : piece);
        passing = gate.decided();
        return out;
    }

    private static JsonNode data(String event) {
        int at = event.indexOf("data:");
        if (at < 0) {
            return null;
        }
        int end = event.indexOf('\n', at);
        try {
            return Json.read(event.substring(at + 5, end < 0 ? event.length() : end).strip());
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String write(String name, JsonNode data) {
        return "event: " + name + "\ndata: " + Json.compact(data) + "\n\n";
    }
}
