package dev.promptport.write;

import dev.promptport.PromptPortException;
import dev.promptport.Target;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Loc;

/** The writer for each wire format named in {@code rules/targets.yaml}. */
public final class Writers {

    private Writers() {
    }

    public static String write(Conversation c, Target target, boolean pretty) {
        return switch (target.facts().wire()) {
            case "openai-chat" -> OpenAiChatWriter.write(c, target, pretty);
            case "anthropic" -> AnthropicWriter.write(c, target, pretty);
            case "openai-responses" -> OpenAiResponsesWriter.write(c, target, pretty);
            case "gemini" -> GeminiWriter.write(c, target, pretty);
            default -> throw new PromptPortException("no writer for the wire format '" + target.facts().wire()
                    + "' of " + target.id(), Loc.NONE);
        };
    }
}
