package dev.promptport.rules;

/** How tagged sections in prose are written for the target. */
public enum Style {
    /** As the target's vendor recommends (Markdown headings for OpenAI). */
    AUTO,
    /** Keep every tag as it is. */
    XML
}
