package dev.promptport.tree;

import java.util.Objects;

/**
 * A JSON value kept exactly as the input spelled it. Values that pass through a translation
 * unchanged (tool schemas, tool inputs, unknown fields) are copied to the output from here
 * instead of being decoded and re-encoded.
 */
public record RawJson(String json) {
    public RawJson {
        Objects.requireNonNull(json, "json");
    }

    public static final RawJson EMPTY_OBJECT = new RawJson("{}");

    /** {@code text} as a JSON string literal, quotes and all. */
    public static String quote(String text) {
        return '"' + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
    }

    @Override
    public String toString() {
        return json;
    }
}
