package dev.promptport.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.PromptPortException;
import dev.promptport.tree.Loc;
import dev.promptport.tree.RawJson;
import dev.promptport.tree.Tool;

import java.util.List;

/**
 * OpenAI's custom tools, which take free-form text (perhaps held to a grammar) instead of JSON
 * arguments, read as function tools with one string field, {@code input}, in Chat Completions
 * and the Responses API alike.
 */
final class CustomTools {

    private CustomTools() {
    }

    /** A custom tool call's text as the input of the function tool the custom tool became. */
    static RawJson input(String text) {
        return new RawJson("{\"input\":" + RawJson.quote(text) + "}");
    }

    /** A custom tool: Chat's {@code custom} object, or the Responses tool itself. */
    static Tool.Function tool(JsonNode custom, Loc at) {
        String name = custom.path("name").asText(null);
        if (name == null) {
            throw new PromptPortException("the custom tool has no name", at);
        }
        JsonNode format = custom.path("format");
        // Chat nests the grammar in format.grammar; the Responses API puts its fields in format
        JsonNode grammar = format.has("grammar") ? format.get("grammar") : format;
        boolean hasGrammar = "grammar".equals(format.path("type").asText()) && grammar.hasNonNull("definition");
        String field = "The whole input of the tool, as free-form text.";
        if (hasGrammar) {
            String syntax = grammar.path("syntax").asText(null);
            field += " It must match this " + (syntax == null ? "" : syntax + " ") + "grammar:\n" + grammar.get("definition").asText();
        }
        String schema = "{\"type\":\"object\",\"properties\":{\"input\":{\"type\":\"string\",\"description\":"
                + RawJson.quote(field) + "}},\"required\":[\"input\"],\"additionalProperties\":false}";
        return new Tool.Function(name, custom.path("description").asText(null), new RawJson(schema), null, at, null,
                List.of(), Tool.Function.CUSTOM_FORMAT, hasGrammar ? responsesGrammar(grammar) : null);
    }

    /** A grammar as the Responses API's custom tool format holds it: its fields beside the type. */
    private static RawJson responsesGrammar(JsonNode grammar) {
        StringBuilder b = new StringBuilder("{\"type\":\"grammar\"");
        JsonNode syntax = grammar.get("syntax");
        if (syntax != null && syntax.isTextual()) {
            b.append(",\"syntax\":").append(syntax);
        }
        return new RawJson(b.append(",\"definition\":").append(grammar.get("definition")).append('}').toString());
    }
}
