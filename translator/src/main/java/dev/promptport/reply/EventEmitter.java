package dev.promptport.reply;

import java.util.ArrayList;
import java.util.List;

/** Writes Anthropic stream events ({@code event: NAME\ndata: JSON\n\n}) as the reply arrives. */
final class EventEmitter extends BlockSink {

    private List<String> out = new ArrayList<>();
    private boolean started;
    private boolean terminated;
    private int nextIndex;
    private int openIndex = -1;

    EventEmitter(ReplyContext ctx) {
        super(ctx);
    }

    /** The events produced since the last call. */
    List<String> drain() {
        if (out.isEmpty()) {
            return List.of();
        }
        List<String> events = out;
        out = new ArrayList<>();
        return events;
    }

    /** Whether {@code message_stop} or an {@code error} was written; nothing follows either. */
    boolean terminated() {
        return terminated;
    }

    @Override
    boolean started() {
        return started;
    }

    @Override
    boolean usageWritten() {
        return started;
    }

    @Override
    void start(String vendorId, String vendorModel, Usage usage) {
        start(vendorId, vendorModel, usage, serviceTier());
    }

    /** As {@link #start(String, String, Usage)} with Anthropic's service tier ({@code null}: none) given. */
    void start(String vendorId, String vendorModel, Usage usage, String tier) {
        if (started || terminated) {
            return;
        }
        started = true;
        String id = Ids.message(vendorId);
        String model = ctx.model() != null ? ctx.model() : vendorModel != null && !vendorModel.isEmpty() ? vendorModel : "unknown";
        emit("message_start", Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("type", "message_start");
            g.writeObjectFieldStart("message");
            g.writeStringField("id", id);
            g.writeStringField("type", "message");
            g.writeStringField("role", "assistant");
            g.writeStringField("model", model);
            g.writeArrayFieldStart("content");
            g.writeEndArray();
            g.writeNullField("stop_reason");
            g.writeNullField("stop_sequence");
            MessageBuilder.writeUsage(g, "usage", new Usage(usage.input(), 0, usage.cacheRead(), usage.cacheCreation()), tier);
            g.writeEndObject();
            g.writeEndObject();
        }));
        emit("ping", "{\"type\":\"ping\"}");
    }

    @Override
    void finish(String stopReason, Usage usage) {
        finish(stopReason, null, stopDetails(stopReason), usage);
    }

    /**
     * As {@link #finish(String, Usage)} with the stop sequence and {@code stop_details} (JSON,
     * or {@code null}) given, as a whole Claude message has them.
     */
    void finish(String stopReason, String stopSequence, String details, Usage usage) {
        if (terminated) {
            return;
        }
        if (!started) {
            start(null, null, usage);
        }
        endBlock();
        emit("message_delta", Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("type", "message_delta");
            g.writeObjectFieldStart("delta");
            g.writeStringField("stop_reason", stopReason);
            if (stopSequence == null) {
                g.writeNullField("stop_sequence");
            } else {
                g.writeStringField("stop_sequence", stopSequence);
            }
            if (details != null) {
                g.writeFieldName("stop_details");
                g.writeRawValue(details);
            }
            g.writeEndObject();
            MessageBuilder.writeUsage(g, "usage", usage);
            g.writeEndObject();
        }));
        emit("message_stop", "{\"type\":\"message_stop\"}");
        terminated = true;
    }

    @Override
    void fail(String errorType, String message) {
        if (terminated) {
            return;
        }
        emit("error", AnthropicErrors.of(errorType, message));
        terminated = true;
    }

    @Override
    void broken(String message, String pointer) {
        fail("api_error", message);
    }

    @Override
    void onStart(Kind kind, String toolId, String toolName) {
        openIndex = nextIndex++;
        int index = openIndex;
        emit("content_block_start", Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("type", "content_block_start");
            g.writeNumberField("index", index);
            g.writeObjectFieldStart("content_block");
            switch (kind) {
                case TEXT -> {
                    g.writeStringField("type", "text");
                    g.writeStringField("text", "");
                }
                case THINKING -> {
                    g.writeStringField("type", "thinking");
                    g.writeStringField("thinking", "");
                    g.writeStringField("signature", "");
                }
                case TOOL_USE, SERVER_TOOL_USE -> {
                    g.writeStringField("type", kind == Kind.TOOL_USE ? "tool_use" : "server_tool_use");
                    g.writeStringField("id", toolId);
                    g.writeStringField("name", toolName);
                    g.writeObjectFieldStart("input");
                    g.writeEndObject();
                    if (kind == Kind.SERVER_TOOL_USE) {
                        g.writeObjectFieldStart("caller");
                        g.writeStringField("type", "direct");
                        g.writeEndObject();
                    }
                }
            }
            g.writeEndObject();
            g.writeEndObject();
        }));
    }

    @Override
    void onText(String text) {
        delta("text_delta", "text", text);
    }

    @Override
    void onThinking(String text) {
        delta("thinking_delta", "thinking", text);
    }

    @Override
    void onSignature(String signature) {
        delta("signature_delta", "signature", signature);
    }

    @Override
    void onToolArgs(String json) {
        delta("input_json_delta", "partial_json", json);
    }

    @Override
    void onStop(Kind kind) {
        int index = openIndex;
        emit("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + index + "}");
        openIndex = -1;
    }

    @Override
    void onWholeBlock(String json) {
        int index = nextIndex++;
        emit("content_block_start", "{\"type\":\"content_block_start\",\"index\":" + index + ",\"content_block\":" + json + "}");
        emit("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + index + "}");
    }

    /**
     * Most of a stream is deltas, so they are written straight into one builder rather than
     * through a JSON generator each: a stream chunk has a budget of a microsecond.
     */
    private void delta(String type, String field, String value) {
        if (terminated) {
            return;
        }
        if (Json.plain(value)) {
            // most pieces of text need no escape: the event is then made in one go, at its size
            out.add("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":" + openIndex
                    + ",\"delta\":{\"type\":\"" + type + "\",\"" + field + "\":\"" + value + "\"}}\n\n");
            return;
        }
        // the event's fixed text is about 130 characters; escapes add a few more
        StringBuilder b = new StringBuilder(144 + value.length() + (value.length() >> 3));
        b.append("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":").append(openIndex)
                .append(",\"delta\":{\"type\":\"").append(type).append("\",\"").append(field).append("\":");
        Json.appendQuoted(b, value);
        out.add(b.append("}}\n\n").toString());
    }

    private void emit(String event, String data) {
        if (terminated) {
            return;
        }
        out.add("event: " + event + "\ndata: " + data + "\n\n");
    }
}
