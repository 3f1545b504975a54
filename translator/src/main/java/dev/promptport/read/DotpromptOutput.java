package dev.promptport.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.tree.Loc;
import dev.promptport.tree.OutputFormat;

import java.util.Iterator;

/**
 * A Dotprompt file's {@code output} as the reply format of a request: {@code format: json} is
 * JSON mode, a {@code schema} (Picoschema or JSON Schema) the schema the reply must follow, as
 * Dotprompt hands them to the model. The request's own reply-format path then fits it to each
 * target, so its findings are a request's.
 */
final class DotpromptOutput {

    private DotpromptOutput() {
    }

    /**
     * What a request carries for it: a format, or none for a plain-text reply ({@code format: text}
     * or nothing). {@code null} when it cannot be carried: another format (Genkit's
     * {@code array}, {@code enum}, {@code jsonl}, {@code media}), a schema registered by name in
     * the application, or a key Dotprompt does not define.
     *
     * @param at where the file sets it
     */
    static Reply read(JsonNode output, Loc at) {
        if (output == null || !output.isObject()) {
            return null;
        }
        for (Iterator<String> it = output.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("format") && !key.equals("schema")) {
                return null;
            }
        }
        JsonNode format = output.get("format");
        JsonNode schema = output.get("schema");
        boolean noSchema = schema == null || schema.isNull();
        String kind = format == null || format.isNull() ? null : format.asText();
        if ("text".equals(kind) || kind == null && noSchema) {
            return noSchema ? Reply.TEXT : null;
        }
        // a schema without a format asks for JSON, as Genkit reads it
        if (kind != null && !kind.equals("json")) {
            return null;
        }
        if (noSchema) {
            return new Reply(new OutputFormat(null, null, null, at));
        }
        JsonNode json = Picoschema.toJsonSchema(schema);
        return json == null ? null : new Reply(new OutputFormat(JsonTreeReader.raw(json), null, null, at));
    }

    /** The reply format a request carries for the file's {@code output}; {@code format} is {@code null} for plain text. */
    record Reply(OutputFormat format) {
        static final Reply TEXT = new Reply(null);
    }
}
