package dev.promptport.tree;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The prompt-file formats that carry model settings: Dotprompt and Prompty, front-matter
 * files that differ in where settings live and how roles are marked, and GitHub Models'
 * all-YAML {@code .prompt.yml}. A prompt file is written back in the format it came in, so
 * the reader and the writer both need to know which.
 */
public enum PromptFileFormat {
    DOTPROMPT, PROMPTY, PROMPT_YAML;

    /**
     * Whether a Prompty file's {@code model} is written in Prompty 2's shape ({@code id},
     * {@code provider}, {@code apiType}, {@code connection}, {@code options}, or the id alone)
     * rather than Prompty 1's ({@code api}, {@code configuration}, {@code parameters}): the
     * reader reads the settings, and the writer writes them back, by the same test.
     */
    public static boolean promptyV2Model(JsonNode m) {
        if (m.isTextual()) {
            return true;
        }
        return m.isObject() && !m.has("api") && !m.has("configuration") && !m.has("parameters")
                && (m.has("id") || m.has("provider") || m.has("apiType") || m.has("connection") || m.has("options"));
    }
}
