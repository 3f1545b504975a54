package dev.promptport.rules;

import dev.promptport.tree.Conversation;
import dev.promptport.tree.OutputFormat;
import dev.promptport.tree.Part;
import dev.promptport.tree.Turn;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI's JSON mode ({@code json_object}) is refused unless the word "json" appears somewhere in
 * the messages, and DeepSeek's asks the same; Gemini's JSON mode and a Dotprompt file's
 * {@code format: json} ask nothing of the prompt. Where no text says it, the system prompt says
 * it, so the request is not refused and the model knows what the setting expects.
 */
final class JsonModeWord {

    static final String LINE = "Reply with a JSON object.";

    private JsonModeWord() {
    }

    static Conversation ensure(Conversation c, OutputFormat f, StepContext ctx) {
        if (mentioned(c)) {
            return c;
        }
        ctx.sink().report("PP213", f.loc(), ctx.targetName(), LINE);
        List<Part> system = new ArrayList<>(c.system());
        system.add(new Part.Text(LINE, null, null, f.loc()));
        return c.withSystem(system);
    }

    private static boolean mentioned(Conversation c) {
        if (mentioned(c.system())) {
            return true;
        }
        for (Turn t : c.turns()) {
            if (mentioned(t.parts())) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentioned(List<Part> parts) {
        for (Part p : parts) {
            if (p instanceof Part.Text t && containsJson(t.text())
                    || p instanceof Part.ToolResult r && mentioned(r.content())) {
                return true;
            }
        }
        return false;
    }

    static boolean containsJson(String s) {
        for (int i = 0; i + 4 <= s.length(); i++) {
            if (s.regionMatches(true, i, "json", 0, 4)) {
                return true;
            }
        }
        return false;
    }
}
