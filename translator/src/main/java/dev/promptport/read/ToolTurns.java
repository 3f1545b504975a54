package dev.promptport.read;

import dev.promptport.PromptPortException;
import dev.promptport.tree.Part;
import dev.promptport.tree.Role;

import java.util.List;

/**
 * A tool call is the model's and its result the caller's: no vendor has a place for a call in a
 * user message or a result in the model's, so a writer could only leave it out. The readers
 * refuse both, each in its own format's words.
 */
final class ToolTurns {

    private ToolTurns() {
    }

    /** @throws PromptPortException at the first call in a user turn or result in an assistant turn */
    static void requireInPlace(Role role, List<Part> parts, String callElsewhere, String resultElsewhere) {
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            if (role == Role.USER && p instanceof Part.ToolCall) {
                throw new PromptPortException(callElsewhere, p.loc());
            }
            if (role == Role.ASSISTANT && p instanceof Part.ToolResult) {
                throw new PromptPortException(resultElsewhere, p.loc());
            }
        }
    }
}
