package dev.promptport.rules;

import dev.promptport.tree.Conversation;
import dev.promptport.tree.Part;

/** Every content part of a given kind, nested tool-result content included. */
final class PartMatch {

    private PartMatch() {
    }

    static void check(RuleInfo rule, Conversation c, StepContext ctx) {
        String kind = rule.match().get("part");
        Parts.forEach(c, p -> {
            if (kind.equals(kindOf(p))) {
                ctx.sink().report(rule.id(), p.loc(), kind, ctx.targetName());
            }
        });
    }

    static String kindOf(Part p) {
        if (p instanceof Part.Image) {
            return "image";
        }
        if (p instanceof Part.Document) {
            return "document";
        }
        if (p instanceof Part.ToolCall) {
            return "tool_call";
        }
        if (p instanceof Part.ToolResult) {
            return "tool_result";
        }
        if (p instanceof Part.Reasoning) {
            return "reasoning";
        }
        if (p instanceof Part.Opaque) {
            return "unknown";
        }
        return "text";
    }
}
