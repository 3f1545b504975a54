package dev.promptport.read;

import dev.promptport.Limits;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Generation;
import dev.promptport.tree.Loc;
import dev.promptport.tree.Part;
import dev.promptport.tree.Role;
import dev.promptport.tree.SourceKind;
import dev.promptport.tree.Turn;

import java.util.List;

/** Reads a prompt written as a text file: the whole file is one system prompt or one user turn. */
public final class PromptFileReader {

    private PromptFileReader() {
    }

    public static Conversation read(String text, Role role) {
        return read(text, role, Limits.DEFAULTS);
    }

    /**
     * @throws dev.promptport.LimitExceededException when the text's tags go over {@code limits}
     */
    public static Conversation read(String text, Role role, Limits limits) {
        Loc at = Loc.position(1, 1);
        Part.Text part = new Part.Text(text, TagScanner.mayContainTags(text) ? TagScanner.scan(text, limits, at) : null,
                null, at);
        if (role == Role.USER) {
            return new Conversation(SourceKind.PROMPT_FILE, null, List.of(),
                    List.of(new Turn(Role.USER, List.of(part), at)), List.of(), null, Generation.NONE, null, List.of());
        }
        return new Conversation(SourceKind.PROMPT_FILE, null, List.of(part), List.of(), List.of(), null,
                Generation.NONE, null, List.of());
    }
}
