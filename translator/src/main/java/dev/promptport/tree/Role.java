package dev.promptport.tree;

/** Who speaks a turn. System content is not a turn; it lives in {@link Conversation#system()}. */
public enum Role {
    USER,
    ASSISTANT
}
