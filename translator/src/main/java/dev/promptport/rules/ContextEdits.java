package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.tree.Extra;

import java.util.ArrayList;
import java.util.List;

/**
 * Claude's context editing ({@code context_management.edits}), fitted to another vendor:
 * compaction becomes the Responses API's own compaction at the same threshold; every edit
 * the target cannot make is named, since without it a long conversation grows as sent. The
 * Responses API's own context management, a list of entries, is fitted here too.
 */
final class ContextEdits {

    /** Anthropic's documented defaults, used when an edit gives no trigger. */
    private static final int COMPACT_DEFAULT = 150_000;
    private static final int CLEAR_TOOLS_DEFAULT = 100_000;

    /** The Responses API refuses a lower threshold. */
    private static final int RESPONSES_MIN = 1_000;

    private ContextEdits() {
    }

    /**
     * Reports what the target loses of {@code e} and returns the input size at which the
     * target should compact the conversation, or {@code null} when it should not.
     */
    static Integer fit(Extra e, StepContext ctx) {
        JsonNode edits = edits(e.value().json());
        boolean responses = "openai-responses".equals(ctx.target().facts().wire());
        Integer compactAt = null;
        List<String> lost = new ArrayList<>();
        for (JsonNode edit : edits) {
            String type = edit.path("type").asText("");
            if (type.startsWith("compact_")) {
                int at = trigger(edit, COMPACT_DEFAULT);
                if (responses && compactAt == null) {
                    compactAt = Math.max(RESPONSES_MIN, at);
                    JsonNode instructions = edit.path("instructions");
                    ctx.sink().report("PP171", e.loc(), at, ctx.targetName(), instructions.isTextual()
                            ? "; the request's summary instructions were not carried over: \"" + Snippets.oneLine(instructions.asText()) + "\""
                            : ".");
                } else {
                    lost.add("condense the conversation into a summary once the input passes " + at + " tokens"
                            + (edit.path("instructions").isTextual()
                                    ? " (instructions: \"" + Snippets.oneLine(edit.path("instructions").asText()) + "\")" : ""));
                }
            } else if (type.startsWith("clear_tool_uses")) {
                lost.add("clear old tool results " + (edit.path("trigger").path("type").asText("").equals("tool_uses")
                        ? "after " + trigger(edit, 0) + " tool uses"
                        : "once the input passes " + trigger(edit, CLEAR_TOOLS_DEFAULT) + " tokens"));
            } else if (type.startsWith("clear_thinking")) {
                lost.add("drop earlier turns' thinking");
            } else {
                lost.add(type.isEmpty() ? Snippets.oneLine(edit.toString()) : type);
            }
        }
        if (!lost.isEmpty()) {
            ctx.sink().report("PP170", e.loc(), String.join("; ", lost), ctx.targetName() + " does not", "Anthropic");
        }
        return compactAt;
    }

    /**
     * Whether {@code e} is the Responses API's context management, a list of entries
     * ({@code [{"type": "compaction", "compact_threshold": …}]}), not Claude's object of edits.
     */
    static boolean openAi(Extra e) {
        return e.value().json().startsWith("[");
    }

    /**
     * The Responses API's context management fitted to the target: kept as written for the
     * Responses API; named as lost elsewhere. Claude's compaction, the nearest equivalent, is a
     * beta its API turns on only with a request header ({@code compact-2026-01-12}) that a
     * translated body cannot carry, so Claude never gets OpenAI's list, which it would refuse.
     *
     * @param kept where a setting the target takes as written goes
     */
    static void fitOpenAi(Extra e, StepContext ctx, List<Extra> kept) {
        JsonNode entries = RawTrees.parse(e.value().json());
        if ("openai-responses".equals(ctx.target().facts().wire())) {
            keepWellFormed(e, entries, ctx, kept);
            return;
        }
        List<String> lost = new ArrayList<>();
        for (JsonNode entry : entries == null ? RawTrees.list() : entries) {
            String type = entry.path("type").asText("");
            JsonNode threshold = entry.path("compact_threshold");
            lost.add(type.equals("compaction") ? "condense the conversation into a summary "
                    + (threshold.canConvertToInt() ? "once the input passes " + threshold.asInt() + " tokens" : "when it grows long")
                    : type.isEmpty() ? Snippets.oneLine(entry.toString()) : type);
        }
        ctx.sink().report("PP170", e.loc(), lost.isEmpty() ? Snippets.oneLine(e.value().json()) : String.join("; ", lost),
                ctx.targetName() + (ctx.target().facts().anthropicWire()
                        ? " compacts a conversation only when a beta request header (compact-2026-01-12), which a"
                        + " translated request cannot carry, turns it on"
                        : " does not"), "OpenAI");
    }

    /**
     * For the Responses API itself: the entries it takes go as written, and the rest (an empty
     * list, entries that are not objects with a text {@code type}, a threshold it refuses, fields
     * it does not know) are named, since the API refuses the whole request for any one of them.
     */
    private static void keepWellFormed(Extra e, JsonNode entries, StepContext ctx, List<Extra> kept) {
        var good = RawTrees.list();
        List<String> bad = new ArrayList<>();
        for (JsonNode entry : entries == null ? RawTrees.list() : entries) {
            if (wellFormed(entry)) {
                good.add(entry);
            } else {
                bad.add(Snippets.oneLine(entry.toString()));
            }
        }
        if (bad.isEmpty() && !good.isEmpty()) {
            kept.add(e);
            return;
        }
        if (!good.isEmpty()) {
            kept.add(new Extra(e.name(), new dev.promptport.tree.RawJson(good.toString()), e.loc()));
        }
        ctx.sink().report("PP170", e.loc(), bad.isEmpty() ? Snippets.oneLine(e.value().json()) : String.join(", ", bad),
                bad.isEmpty() ? ctx.targetName() + " refuses an empty list, so it was not sent"
                        : "these entries were not sent to " + ctx.targetName() + ", which refuses any that is not an"
                        + " object with a text \"type\" (and, if set, a compact_threshold of at least " + RESPONSES_MIN
                        + ") or that holds other fields", "OpenAI");
    }

    /** An entry as the Responses API's ContextManagementParam takes it. */
    private static boolean wellFormed(JsonNode entry) {
        if (!entry.isObject() || !entry.path("type").isTextual()) {
            return false;
        }
        JsonNode threshold = entry.path("compact_threshold");
        if (!threshold.isMissingNode() && !threshold.isNull()
                && !(threshold.canConvertToInt() && threshold.isIntegralNumber() && threshold.asInt() >= RESPONSES_MIN)) {
            return false;
        }
        for (var names = entry.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("type") && !name.equals("compact_threshold")) {
                return false;
            }
        }
        return true;
    }

    /** The edits as a list; a value of any other shape is one edit the target cannot make. */
    private static JsonNode edits(String json) {
        JsonNode root = RawTrees.parse(json);
        if (root == null) {
            return RawTrees.list().add(json);
        }
        JsonNode edits = root.path("edits");
        return edits.isArray() ? edits : RawTrees.list().add(root);
    }

    private static int trigger(JsonNode edit, int fallback) {
        JsonNode value = edit.path("trigger").path("value");
        return value.canConvertToInt() && value.asInt() > 0 ? value.asInt() : fallback;
    }
}
