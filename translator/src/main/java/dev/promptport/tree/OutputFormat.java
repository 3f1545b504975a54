package dev.promptport.tree;

/**
 * The reply must be JSON (structured output): matching {@code schema}, or any JSON object when
 * {@code schema} is {@code null} (JSON mode).
 *
 * @param name the schema's name, which OpenAI requires, or {@code null}
 * @param strict whether the vendor must hold the reply to the schema exactly, or {@code null}
 *        when the request did not say
 * @param description what the format is for, beside the schema (OpenAI's), or {@code null}
 * @param loc where the request asked for it
 */
public record OutputFormat(RawJson schema, String name, Boolean strict, String description, Loc loc) {

    /** A format without a description of its own. */
    public OutputFormat(RawJson schema, String name, Boolean strict, Loc loc) {
        this(schema, name, strict, null, loc);
    }

    public OutputFormat withSchema(RawJson newSchema, String newDescription) {
        return new OutputFormat(newSchema, name, strict, newDescription, loc);
    }

    /** JSON mode: any JSON object, no schema. */
    public boolean jsonMode() {
        return schema == null;
    }
}
