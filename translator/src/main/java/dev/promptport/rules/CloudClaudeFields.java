package dev.promptport.rules;

import dev.promptport.tree.Extra;

/**
 * Fields a Claude request carries in its body only on a cloud's endpoint: Amazon Bedrock and
 * Google Vertex AI read the API version ({@code anthropic_version}), and Bedrock the beta
 * features ({@code anthropic_beta}), from the body, where Anthropic's own API takes both as
 * headers. A request logged on those clouds carries them; no target takes them in the body, so
 * they are left out and named rather than reported as settings promptport does not understand.
 */
final class CloudClaudeFields {

    private CloudClaudeFields() {
    }

    /** @return whether {@code e} was one of them, left out and named */
    static boolean leftOut(Extra e, StepContext ctx) {
        String pointer = e.loc().pointer();
        if ("/anthropic_version".equals(pointer)) {
            ctx.sink().report("PP228", e.loc(), Snippets.oneLine(FitOptions.textOf(e.value().json())), ctx.targetName());
            return true;
        }
        if ("/anthropic_beta".equals(pointer)) {
            ctx.sink().report("PP229", e.loc(), Snippets.oneLine(e.value().json()), ctx.targetName());
            return true;
        }
        return false;
    }
}
