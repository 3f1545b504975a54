package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.tree.Part;

/**
 * Claude's newer blocks that another vendor has no block for: what they say reaches the model as
 * text where text can say it, and each is named. Only Claude takes them as they are.
 */
final class ClaudeBlocks {

    /** What {@link #fit} returns for a block that is not one of these. */
    static final Part NOT_MINE = new Part.Text("", null, null, null);

    private ClaudeBlocks() {
    }

    /** The block as text, {@code null} to leave it out, or {@link #NOT_MINE}. */
    static Part fit(Part.Opaque o, StepContext ctx) {
        return switch (o.type()) {
            case "compaction" -> compaction(o, ctx);
            case "container_upload" -> containerUpload(o, ctx);
            case "tool_reference" -> toolReference(o, ctx);
            case "tool_removal", "tool_addition" -> toolChange(o, ctx);
            default -> NOT_MINE;
        };
    }

    /**
     * Claude's summary of the conversation before it: losing it would lose what the model was
     * told there, so it stays as text where it was.
     */
    private static Part compaction(Part.Opaque o, StepContext ctx) {
        JsonNode block = RawTrees.parse(o.raw().json());
        String summary = block == null ? "" : block.path("content").asText("");
        if (summary.isBlank()) {
            // a failed compaction, which Claude too passes over
            return null;
        }
        String text = "[Summary of the earlier conversation:]\n" + summary;
        String encrypted = block.path("encrypted_content").isTextual()
                ? "; its encrypted_content, which only Anthropic can read, was left out" : "";
        ctx.sink().report("PP215", o.loc(), ctx.targetName(), Snippets.abbreviate(summary, 80),
                encrypted);
        return new Part.Text(text, null, null, o.loc());
    }

    private static Part containerUpload(Part.Opaque o, StepContext ctx) {
        JsonNode block = RawTrees.parse(o.raw().json());
        String id = block == null ? "" : block.path("file_id").asText("");
        ctx.sink().report("PP121", o.loc(), "The file " + id + " was put in Claude's code execution container"
                + " (a container_upload block); it exists only in Anthropic's file store, which "
                + ctx.targetName() + " cannot reach, so it was left out.");
        return null;
    }

    /** A tool search result's pointer to a tool, which makes Claude load that tool's definition. */
    private static Part toolReference(Part.Opaque o, StepContext ctx) {
        JsonNode block = RawTrees.parse(o.raw().json());
        String name = block == null ? "" : block.path("tool_name").asText("");
        String text = "[Tool available: " + name + "]";
        ctx.sink().report("PP216", o.loc(), "The tool_reference block names the tool \"" + name
                + "\" for Claude to load; " + ctx.targetName() + " has no such block, so it was sent as the text \""
                + text + "\". The model can call the tool only if it is among the request's tools.");
        return new Part.Text(text, null, null, o.loc());
    }

    /** A directive that offers or withdraws a tool from this point of the conversation on. */
    private static Part toolChange(Part.Opaque o, StepContext ctx) {
        JsonNode block = RawTrees.parse(o.raw().json());
        JsonNode tool = block == null ? RawTrees.object() : block.path("tool");
        String name = tool.path("name").asText(tool.path("server_name").asText(
                block == null ? "" : block.path("tool_name").asText("")));
        boolean removal = o.type().equals("tool_removal");
        String text = removal ? "[The tool " + name + " is no longer available; do not call it.]"
                : "[The tool " + name + " is available from here on.]";
        ctx.sink().report("PP216", o.loc(), "The " + o.type() + " block " + (removal ? "withdraws" : "offers")
                + " the tool \"" + name + "\" from this point of the conversation on; " + ctx.targetName()
                + " cannot change the tools partway through, so it was sent as the text \"" + text + "\""
                + (removal ? ", and the tool is still offered, so the model may still call it." : "."));
        return new Part.Text(text, null, null, o.loc());
    }
}
