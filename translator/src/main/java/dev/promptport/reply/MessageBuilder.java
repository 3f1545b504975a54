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
        /** About how many characters the block's JSON takes, for sizing the builder. */
        int size();

        void appendTo(StringBuilder b);
    }

    private record Text(String text) implements Block {
        @Override
        public int size() {
            return text.length();
        }

        @Override
        public void appendTo(StringBuilder b) {
            b.append("{\"type\":\"text\",\"text\":");
            string(b, text);
            b.append('}');
        }
    }

    private record Thinking(String thinking, String signature) implements Block {
        @Override
        public int size() {
            return thinking.length() + signature.length();
        }

        @Override
        public void appendTo(StringBuilder b) {
            b.append("{\"type\":\"thinking\",\"thinking\":");
            string(b, thinking);
            b.append(",\"signature\":");
            string(b, signature);
            b.append('}');
        }
    }

    /** @param type {@code tool_use}, or {@code server_tool_use} for a call the vendor ran itself */
    private record ToolUse(String type, String id, String name, String inputJson) implements Block {
        @Override
        public int size() {
            return inputJson.length();
        }

        @Override
        public void appendTo(StringBuilder b) {
            b.append("{\"type\":");
            string(b, type);
            b.append(",\"id\":");
            string(b, id);
            b.append(",\"name\":");
            string(b, name);
            b.append(",\"input\":").append(inputJson);
            if (type.equals("server_tool_use")) {
                // Claude names who ran the tool; here the model asked for it directly
                b.append(",\"caller\":{\"type\":\"direct\"}");
            }
            b.append('}');
        }
    }

    private record Whole(String json) implements Block {
        @Override
        public int size() {
            return json.length();
        }

        @Override
        public void appendTo(StringBuilder b) {
            b.append(json);
        }
    }

    private final List<Block> blocks = new ArrayList<>();
    /** The open block's pieces after its first; a block of one piece (most are) is kept as given, not copied. */
    private final StringBuilder current = new StringBuilder();
    private String firstPiece;
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
        firstPiece = null;
        signature = null;
        toolId = tid;
        toolName = name;
    }

    @Override
    void onText(String text) {
        add(text);
    }

    @Override
    void onThinking(String text) {
        add(text);
    }

    @Override
    void onSignature(String sig) {
        signature = signature == null ? sig : signature + sig;
    }

    @Override
    void onToolArgs(String json) {
        add(json);
    }

    @Override
    void onStop(Kind kind) {
        String content = firstPiece != null ? firstPiece : current.toString();
        switch (kind) {
            case TEXT -> blocks.add(new Text(content));
            case THINKING -> blocks.add(new Thinking(content, signature == null ? "" : signature));
            case TOOL_USE -> blocks.add(new ToolUse("tool_use", toolId, toolName, content));
            case SERVER_TOOL_USE -> blocks.add(new ToolUse("server_tool_use", toolId, toolName, content));
        }
        current.setLength(0);
        firstPiece = null;
    }

    private void add(String piece) {
        if (firstPiece == null && current.length() == 0) {
            firstPiece = piece;
            return;
        }
        if (firstPiece != null) {
            current.append(firstPiece);
            firstPiece = null;
        }
        current.append(piece);
    }

    @Override
    void onWholeBlock(String json) {
        blocks.add(new Whole(json));
    }

    /**
     * The Anthropic Message JSON, written straight into one builder: a whole reply has a budget
     * of a few microseconds, and a JSON generator's set-up and copies took more than a quarter of it.
     * Strings are escaped as Jackson's generator escapes them ({@link Json#appendQuoted}).
     */
    String json() {
        if (!started) {
            start(null, null, Usage.ZERO);
        }
        int size = 256;
        for (Block b : blocks) {
            size += 64 + b.size();
        }
        StringBuilder b = new StringBuilder(size + (size >> 4));
        b.append("{\"id\":");
        string(b, id);
        b.append(",\"type\":\"message\",\"role\":\"assistant\",\"model\":");
        string(b, model);
        b.append(",\"content\":[");
        for (int i = 0; i < blocks.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            blocks.get(i).appendTo(b);
        }
        b.append("],\"stop_reason\":");
        string(b, stopReason == null ? StopReasons.END_TURN : stopReason);
        b.append(",\"stop_sequence\":null");
        String details = stopDetails(stopReason);
        if (details != null) {
            b.append(",\"stop_details\":").append(details);
        }
        b.append(",\"usage\":");
        appendUsage(b, usage, serviceTier());
        return b.append('}').toString();
    }

    /** {@code s} as a JSON string, or {@code null}. */
    private static void string(StringBuilder b, String s) {
        if (s == null) {
            b.append("null");
        } else {
            Json.appendQuoted(b, s);
        }
    }

    static void writeUsage(JsonGenerator g, String field, Usage u) throws IOException {
        writeUsage(g, field, u, null);
    }

    /** The usage object, with Anthropic's {@code service_tier} when {@code serviceTier} is not {@code null}. */
    static void writeUsage(JsonGenerator g, String field, Usage u, String serviceTier) throws IOException {
        StringBuilder b = new StringBuilder(128);
        appendUsage(b, u, serviceTier);
        g.writeFieldName(field);
        g.writeRawValue(b.toString());
    }

    private static void appendUsage(StringBuilder b, Usage u, String serviceTier) {
        b.append("{\"input_tokens\":").append(u.input())
                .append(",\"cache_creation_input_tokens\":").append(u.cacheCreation())
                .append(",\"cache_read_input_tokens\":").append(u.cacheRead())
                .append(",\"output_tokens\":").append(u.output());
        if (serviceTier != null) {
            b.append(",\"service_tier\":");
            string(b, serviceTier);
        }
        b.append('}');
    }
}
