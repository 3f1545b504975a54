package dev.promptport.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.PromptPortException;
import dev.promptport.tree.Loc;

import java.util.Iterator;

/**
 * Gemini's REST API takes every field in its lowerCamelCase JSON name or its proto snake_case
 * name ({@code functionDeclarations}, {@code function_declarations}); a request may mix them.
 */
public final class GeminiFields {

    private GeminiFields() {
    }

    /** The field under its camelCase name, else its snake_case name; null when it has neither. */
    static JsonNode get(JsonNode n, String camel) {
        JsonNode v = n.get(camel);
        return v != null ? v : n.get(snake(camel));
    }

    /** The name the field is spelled with in {@code n}: camelCase unless only the snake_case one is there. */
    static String key(JsonNode n, String camel) {
        return n.has(camel) || !n.has(snake(camel)) ? camel : snake(camel);
    }

    /**
     * Refuses an object holding one field under both its names ({@code inlineData} and
     * {@code inline_data}): Google's own protobuf JSON parsers refuse it as the same field set
     * twice (Java's JsonFormat: "Field ... has already been set"; Python's json_format: "should
     * not have multiple ... fields"), and reading one would drop the other unseen. Only keys
     * with an underscore are looked at, so the usual camelCase request costs a scan of its keys.
     *
     * @throws PromptPortException at the snake_case key
     */
    static void requireOneSpelling(JsonNode n, Loc at) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (k.indexOf('_') > 0) {
                String camel = camel(k);
                if (!camel.equals(k) && n.has(camel)) {
                    throw new PromptPortException("the field \"" + camel + "\" is set twice, as \"" + camel + "\" and as \""
                            + k + "\"; Gemini's JSON takes either name but refuses both in one object: keep one",
                            at.child(k));
                }
            }
        }
    }

    static String snake(String camel) {
        StringBuilder snake = new StringBuilder(camel.length() + 4);
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                snake.append('_').append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
    }

    /** The camelCase spelling of a snake_case name ({@code any_of} → {@code anyOf}); a camelCase name as it is. */
    public static String camel(String key) {
        if (key.indexOf('_') < 0) {
            return key;
        }
        StringBuilder b = new StringBuilder(key.length());
        boolean up = false;
        for (char c : key.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }
}
