package dev.promptport;

import dev.promptport.tree.Loc;

import java.util.Locale;

/** The request formats promptport reads, and files of tool definitions. */
public enum InputFormat {
    /** Anthropic Messages API. */
    ANTHROPIC("anthropic"),
    /** OpenAI Chat Completions, and the OpenAI-compatible vendors. */
    OPENAI_CHAT("openai-chat"),
    /** OpenAI Responses. */
    OPENAI_RESPONSES("openai-responses"),
    /** Google Gemini generateContent. */
    GEMINI("gemini"),
    /**
     * A file of tool definitions: a list of tools in Anthropic's, OpenAI's or MCP's shape, an
     * object with such a list under {@code tools}, or an object of definitions by name.
     */
    TOOLS("tools");

    private final String label;

    InputFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * @throws PromptPortException for a name that is not a format
     */
    public static InputFormat parse(String name) {
        String n = name.toLowerCase(Locale.ROOT).trim();
        for (InputFormat f : values()) {
            if (f.label.equals(n) || f.name().equalsIgnoreCase(n)) {
                return f;
            }
        }
        if (n.equals("openai")) {
            return OPENAI_CHAT;
        }
        throw new PromptPortException("unknown input format '" + name + "' (anthropic, openai-chat, openai-responses, gemini or tools)", Loc.NONE);
    }
}
