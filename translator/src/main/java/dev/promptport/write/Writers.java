package dev.promptport.write;

import dev.promptport.PromptPortException;
import dev.promptport.Target;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Loc;
import dev.promptport.tree.SourceKind;
import dev.promptport.tree.TextMemo;

/** The writer for each wire format named in {@code rules/targets.yaml}. */
public final class Writers {

    private Writers() {
    }

    public static String write(Conversation c, Target target, boolean pretty) {
        return write(c, target, pretty, null);
    }

    /**
     * @param memo keeps the JSON form of long texts that traffic repeats, or null
     * @return the request; for a file of tool definitions, {@code {"tools": [...]}} as the
     *     target's request would carry them
     */
    public static String write(Conversation c, Target target, boolean pretty, TextMemo memo) {
        if (c.source() == SourceKind.TOOL_FILE) {
            return ToolsOnly.of(request(c, target, false, memo), pretty);
        }
        return request(c, target, pretty, memo);
    }

    private static String request(Conversation c, Target target, boolean pretty, TextMemo memo) {
        return switch (target.facts().wire()) {
            case "openai-chat" -> OpenAiChatWriter.write(c, target, pretty, memo);
            case "anthropic" -> AnthropicWriter.write(c, target, pretty);
            case "openai-responses" -> OpenAiResponsesWriter.write(c, target, pretty, memo);
            case "gemini" -> GeminiWriter.write(c, target, pretty, memo);
            default -> throw new PromptPortException("no writer for the wire format '" + target.facts().wire()
                    + "' of " + target.id(), Loc.NONE);
        };
    }
}
