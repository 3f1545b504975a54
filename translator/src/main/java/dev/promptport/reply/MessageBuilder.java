package dev.promptport.reply;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.promptport.PromptPortException;
import dev.promptport.tree.Loc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Collects a whole reply and writes it as one Anthropic {@code Message}. */
final class MessageBuilder extends BlockSink {

    private sealed interface Block permits Text, Thinking, ToolUse, Whole {
    }

    private record Text(String text) implements Block {
    }

    private record Thinking(String thinking, String signature) implements Block {
    }

    /** @param type {@code tool_use}, or {@code server_tool_use} for a call the vendor ran itself */
    private record ToolUse(String type, String id, String name, String inputJson) implements Block {
    }

    private record Whole(String json) implements Block {
    }

    private final List<Block> blocks = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private String signature;
    private String toolId;
    private String toolName;
    private boolean started;
    private String id;
    private String model;
    private String stopReason;
    private Usage usage = Usage.ZERO;
    private final Loc errorAt;

    /** @param errorAt where a vendor error inside the reply is reported */
    MessageBuilder(ReplyContext ctx, Loc errorAt) {
        super(ctx);
        this.errorAt = errorAt;
    }

    @Override
    void start(String vendorId, String vendorModel, Usage u) {
        started = true;
        id = Ids.message(vendorId);
        model = ctx.model() != null ? ctx.model() : vendorModel != null && !vendorModel.isEmpty() ? vendorModel : "unknown";
        usage = u;
    }

    @Override
    boolean started() {
        return started;
    }

    @Override
    boolean usageWritten() {
        // the whole Message is written at the end
        return false;
    }

    @Override
    void finish(String stop, Usage u) {
        endBlock();
        stopReason = stop;
        usage = u;
    }

    @Override
    void fail(String errorType, String message) {
        throw new PromptPortException("the vendor returned an error (" + errorType + "): " + message, errorAt);
    }

    @Override
    void broken(String message, String pointer) {
        throw new PromptPortException(message, Loc.pointer(pointer));
    }

    @Override
    void onStart(Kind kind, String tid, String name) {
        current.setLength(0);
        signature = null;
        toolId = tid;
        toolName = name;
    }

    @Override
    void onText(String text) {
        current.append(text);
    }

    @Override
    void onThinking(String text) {
        current.append(text);
    }

    @Override
    void onSignature(String sig) {
        signature = signature == null ? sig : signature + sig;
    }

    @Override
    void onToolArgs(String json) {
        current.append(json);
    }

    @Override
    void onStop(Kind kind) {
        switch (kind) {
            case TEXT -> blocks.add(new Text(current.toString()));
            case THINKING -> blocks.add(new Thinking(current.toString(), signature == null ? "" : signature));
            case TOOL_USE -> blocks.add(new ToolUse("tool_use", toolId, toolName, current.toString()));
            case SERVER_TOOL_USE -> blocks.add(new ToolUse("server_tool_use", toolId, toolName, current.toString()));
        }
        current.setLength(0);
    }

    @Override
    void onWholeBlock(String json) {
        blocks.add(new Whole(json));
    }

    /** The Anthropic Message JSON. */
    String json() {
        if (!started) {
            start(null, null, Usage.ZERO);
        }
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("id", id);
            g.writeStringField("type", "message");
            g.writeStringField("role", "assistant");
            g.writeStringField("model", model);
            g.writeArrayFieldStart("content");
            for (Block b : blocks) {
                writeBlock(g, b);
            }
            g.writeEndArray();
            g.writeStringField("stop_reason", stopReason == null ? StopReasons.END_TURN : stopReason);
            g.writeNullField("stop_sequence");
            String details = stopDetails(stopReason);
            if (details != null) {
                g.writeFieldName("stop_details");
                g.writeRawValue(details);
            }
            writeUsage(g, "usage", usage, serviceTier());
            g.writeEndObject();
        });
    }

    private static void writeBlock(JsonGenerator g, Block b) throws IOException {
        if (b instanceof Whole w) {
            g.writeRawValue(w.json());
            return;
        }
        g.writeStartObject();
        if (b instanceof Text t) {
            g.writeStringField("type", "text");
            g.writeStringField("text", t.text());
        } else if (b instanceof Thinking t) {
            g.writeStringField("type", "thinking");
            g.writeStringField("thinking", t.thinking());
            g.writeStringField("signature", t.signature());
        } else if (b instanceof ToolUse t) {
            g.writeStringField("type", t.type());
            g.writeStringField("id", t.id());
            g.writeStringField("name", t.name());
            g.writeFieldName("input");
            g.writeRawValue(t.inputJson());
            if (t.type().equals("server_tool_use")) {
                // Claude names who ran the tool; here the model asked for it directly
                g.writeObjectFieldStart("caller");
                g.writeStringField("type", "direct");
                g.writeEndObject();
            }
        }
        g.writeEndObject();
    }

    static void writeUsage(JsonGenerator g, String field, Usage u) throws IOException {
        writeUsage(g, field, u, null);
    }

    /** The usage object, with Anthropic's {@code service_tier} when {@code serviceTier} is not {@code null}. */
    static void writeUsage(JsonGenerator g, String field, Usage u, String serviceTier) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeNumberField("input_tokens", u.input());
        g.writeNumberField("cache_creation_input_tokens", u.cacheCreation());
        g.writeNumberField("cache_read_input_tokens", u.cacheRead());
        g.writeNumberField("output_tokens", u.output());
        if (serviceTier != null) {
            g.writeStringField("service_tier", serviceTier);
        }
        g.writeEndObject();
    }
}
