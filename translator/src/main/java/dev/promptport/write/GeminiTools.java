package dev.promptport.write;

import dev.promptport.ModelFacts;
import dev.promptport.tree.Extra;
import dev.promptport.tree.TextMemo;
import dev.promptport.tree.Tool;
import dev.promptport.tree.ToolChoice;

import java.util.List;

/**
 * A Gemini request's {@code tools} (function declarations, and each hosted tool as an entry of
 * its own) and {@code toolConfig} (the function-calling mode, and the settings a Gemini request
 * carried there).
 */
final class GeminiTools {

    private GeminiTools() {
    }

    /** Writes the tools; true when there are function declarations (toolConfig applies only to them). */
    static boolean write(JsonOut g, List<Tool> tools, ModelFacts facts, TextMemo memo) {
        if (tools.isEmpty()) {
            return false;
        }
        boolean functions = false;
        boolean hosted = false;
        for (Tool t : tools) {
            functions |= t instanceof Tool.Function;
            hosted |= t instanceof Tool.Hosted h && hostedField(h) != null;
        }
        if (!functions && !hosted) {
            return false;
        }
        g.writeArrayFieldStart("tools");
        if (functions) {
            g.writeStartObject();
            g.writeArrayFieldStart("functionDeclarations");
            for (Tool t : tools) {
                if (t instanceof Tool.Function f) {
                    declaration(g, f, facts, memo);
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        for (Tool t : tools) {
            // each hosted tool is its own entry: Gemini's Tool holds one kind
            String field = t instanceof Tool.Hosted h ? hostedField(h) : null;
            if (field != null) {
                g.writeStartObject();
                if (t instanceof Tool.Hosted h && h.type().equals("googleSearch")) {
                    // a Gemini request's own Google Search, with its settings as written
                    g.writeFieldName(field);
                    g.writeRawValue(CompactJson.of(h.raw().json()));
                } else {
                    g.writeObjectFieldStart(field);
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        return functions;
    }

    private static String hostedField(Tool.Hosted h) {
        return switch (h.kind()) {
            case WEB_SEARCH -> "googleSearch";
            case WEB_FETCH -> "urlContext";
            case CODE_EXECUTION -> "codeExecution";
            default -> null;
        };
    }

    private static void declaration(JsonOut g, Tool.Function f, ModelFacts facts, TextMemo memo) {
        g.writeStartObject();
        g.writeStringField("name", f.name());
        // required by Gemini (FunctionDeclaration.description is REQUIRED)
        g.writeFieldName("description");
        // a coding agent's tools say at length how to use them, and come again with every request
        JsonText.string(g, f.description() != null && !f.description().isBlank() ? f.description() : f.name(), memo);
        GeminiWriter.Converted schema = GeminiWriter.convert(f.schema().json(), memo, GeminiWriter.takesJsonSchema(facts));
        if (!schema.noParameters()) {
            g.writeFieldName(schema.jsonSchema() ? "parametersJsonSchema" : "parameters");
            JsonText.raw(g, schema.json(), memo);
        }
        g.writeEndObject();
    }

    /** The function-calling mode, and the settings a Gemini request carried there (its retrievalConfig). */
    static void toolConfig(JsonOut g, ToolChoice choice, List<Extra> extras) {
        String mode = choice == null ? null : switch (choice.mode()) {
            case AUTO -> "AUTO";
            case ANY, TOOL -> "ANY";
            case NONE -> "NONE";
            case UNSPECIFIED -> null;
        };
        boolean carried = false;
        for (Extra e : extras) {
            carried |= e.name().startsWith(Extra.TOOL_CONFIG);
        }
        if (mode == null && !carried) {
            return;
        }
        g.writeObjectFieldStart("toolConfig");
        if (mode != null) {
            g.writeObjectFieldStart("functionCallingConfig");
            g.writeStringField("mode", mode);
            if (choice.mode() == ToolChoice.Mode.TOOL && choice.name() != null) {
                g.writeArrayFieldStart("allowedFunctionNames");
                g.writeString(choice.name());
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        for (Extra e : extras) {
            if (e.name().startsWith(Extra.TOOL_CONFIG)) {
                g.writeFieldName(e.name().substring(Extra.TOOL_CONFIG.length()));
                g.writeRawValue(CompactJson.of(e.value().json()));
            }
        }
        g.writeEndObject();
    }
}
