package dev.promptport.tree;

/**
 * Who speaks a turn. The system text at the top of a request is not a turn; it lives in
 * {@link Conversation#system()}. A {@link #SYSTEM} turn is an instruction given at its place in
 * the conversation (Claude's {@code role: "system"} message), which holds text only.
 */
public enum Role {
    USER,
    ASSISTANT,
    SYSTEM
}
