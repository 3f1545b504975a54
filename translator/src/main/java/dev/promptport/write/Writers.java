package dev.promptport.write;

import dev.promptport.PromptPortException;
import dev.promptport.Target;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Loc;
import dev.promptport.tree.SourceKind;
import dev.promptport.tree.TextMemo;

import java.nio.charset.StandardCharsets;

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
            return ToolsOnly.of(JsonText.write(false, body(c, target, memo)), pretty);
        }
        return JsonText.write(pretty, body(c, target, memo));
    }

    /**
     * The request as UTF-8, as it goes on the wire: for a text with characters past U+00FF this
     * allocates a third of what the String does (see {@link JsonOut#finishUtf8}), and unpaired
     * surrogates, which have no UTF-8 form, are written as escapes.
     */
    public static byte[] utf8(Conversation c, Target target, boolean pretty, TextMemo memo) {
        if (c.source() == SourceKind.TOOL_FILE) {
            return write(c, target, pretty, memo).getBytes(StandardCharsets.UTF_8);
        }
        return JsonText.writeUtf8(pretty, body(c, target, memo));
    }

    private static JsonText.Body body(Conversation c, Target target, TextMemo memo) {
        return switch (target.facts().wire()) {
            case "openai-chat" -> OpenAiChatWriter.body(c, target, memo);
            case "anthropic" -> AnthropicWriter.body(c, target);
            case "openai-responses" -> OpenAiResponsesWriter.body(c, target, memo);
            case "gemini" -> GeminiWriter.body(c, target, memo);
            default -> throw new PromptPortException("no writer for the wire format '" + target.facts().wire()
                    + "' of " + target.id(), Loc.NONE);
        };
    }
}
