package dev.promptport.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.PromptPortException;
import dev.promptport.tree.Loc;
import dev.promptport.tree.OutputFormat;


/** Reads the structured-output settings of the OpenAI and Gemini request formats. */
final class OutputFormats {

    private OutputFormats() {
    }

    /** Chat Completions' {@code response_format}; {@code null} for plain text or when absent. */
    static OutputFormat chat(JsonNode format, Loc at) {
        if (format == null || format.isNull()) {
            return null;
        }
        String type = type(format, at);
        if (!type.equals("json_schema")) {
            return other(type, at);
        }
        JsonNode spec = format.get("json_schema");
        if (spec == null || !spec.isObject()) {
            throw new PromptPortException("a json_schema response format needs a \"json_schema\" object", at);
        }
        return schema(spec, at.child("json_schema"));
    }

    /** The Responses API's {@code text.format}; {@code null} for plain text or when absent. */
    static OutputFormat responses(JsonNode text, Loc at) {
        JsonNode format = text == null ? null : text.get("format");
        if (format == null || format.isNull()) {
            return null;
        }
        Loc fat = at.child("format");
        String type = type(format, fat);
        return type.equals("json_schema") ? schema(format, fat) : other(type, fat);
    }

    /**
     * Gemini's {@code responseMimeType: "application/json"}, with {@code responseJsonSchema} (JSON
     * Schema) or {@code responseSchema} (Gemini's OpenAPI subset, converted).
     */
    static OutputFormat gemini(JsonNode config, Loc at) {
        JsonNode mime = GeminiFields.get(config, "responseMimeType");
        if (mime == null || !"application/json".equals(mime.asText())) {
            return null;
        }
        JsonNode json = GeminiFields.get(config, "responseJsonSchema");
        if (json != null && json.isObject()) {
            return new OutputFormat(JsonTreeReader.raw(json), null, null, at.child(GeminiFields.key(config, "responseJsonSchema")));
        }
        JsonNode own = GeminiFields.get(config, "responseSchema");
        if (own != null && own.isObject()) {
            return new OutputFormat(JsonTreeReader.raw(GeminiOpenApiSchema.toJsonSchema(own)), null, null,
                    at.child(GeminiFields.key(config, "responseSchema")));
        }
        return new OutputFormat(null, null, null, at.child(GeminiFields.key(config, "responseMimeType")));
    }

    private static OutputFormat schema(JsonNode spec, Loc at) {
        JsonNode schema = spec.get("schema");
        if (schema == null || !schema.isObject()) {
            throw new PromptPortException("a json_schema format needs a \"schema\" object", at);
        }
        JsonNode name = spec.get("name");
        JsonNode strict = spec.get("strict");
        JsonNode description = spec.get("description");
        return new OutputFormat(JsonTreeReader.raw(schema), name == null || !name.isTextual() ? null : name.asText(),
                strict == null || !strict.isBoolean() ? null : strict.asBoolean(),
                description == null || !description.isTextual() ? null : description.asText(), at);
    }

    private static OutputFormat other(String type, Loc at) {
        return switch (type) {
            case "text" -> null;
            case "json_object" -> new OutputFormat(null, null, null, at);
            default -> throw new PromptPortException("unknown response format type \"" + type
                    + "\" (expected text, json_object or json_schema)", at.child("type"));
        };
    }

    private static String type(JsonNode format, Loc at) {
        JsonNode type = format.get("type");
        if (type == null || !type.isTextual()) {
            throw new PromptPortException("the response format has no \"type\"", at);
        }
        return type.asText();
    }
}
