package dev.promptport.tree;

/**
 * The reply must be JSON (structured output): matching {@code schema}, or any JSON object when
 * {@code schema} is {@code null} (JSON mode).
 *
 * @param name the schema's name, which OpenAI requires, or {@code null}
 * @param strict whether the vendor must hold the reply to the schema exactly, or {@code null}
 *        when the request did not say
 * @param loc where the request asked for it
 */
public record OutputFormat(RawJson schema, String name, Boolean strict, Loc loc) {

    /** JSON mode: any JSON object, no schema. */
    public boolean jsonMode() {
        return schema == null;
    }
}
