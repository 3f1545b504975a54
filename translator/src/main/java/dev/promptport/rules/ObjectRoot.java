package dev.promptport.rules;

import com.fasterxml.jackson.core.JsonToken;
import dev.promptport.PromptPortException;
import dev.promptport.read.JsonLexer;
import dev.promptport.tree.RawJson;
import dev.promptport.tree.TextMemo;
import dev.promptport.tree.Tool;

/**
 * A tool schema whose root names no type gets {@code "type":"object"}. A tool's input is always a
 * JSON object, so the schema accepts the same inputs as before; but Claude refuses an
 * {@code input_schema} without that type (Anthropic's InputSchema requires it) and OpenAI refuses
 * function parameters of any type but object, so without it the whole request fails. MCP servers
 * and Claude Code plugins often send such schemas, led by {@code $schema} alone.
 */
final class ObjectRoot {

    /** The memo key of whether a schema is an object with no root type. */
    private static final Object UNTYPED = new Object();

    private ObjectRoot() {
    }

    static Tool.Function fit(Tool.Function f, TextMemo memo) {
        String json = f.schema().json();
        if (!untyped(json, memo)) {
            return f;
        }
        int open = json.indexOf('{');
        String rest = json.substring(open + 1);
        String sep = rest.isBlank() || rest.strip().startsWith("}") ? "" : ",";
        return f.withSchema(new RawJson(json.substring(0, open + 1) + "\"type\":\"object\"" + sep + rest));
    }

    private static boolean untyped(String json, TextMemo memo) {
        if (json.startsWith("{\"type\"")) {
            // how almost every schema starts: decided without reading it
            return false;
        }
        return memo != null && TextMemo.worthIt(json) ? memo.get(json, UNTYPED, () -> untyped(json)) : untyped(json);
    }

    /** Whether the root is an object with no "type" field, read without building the schema's tree. */
    private static boolean untyped(String json) {
        try {
            // the request was read under its own depth limit already
            JsonLexer p = new JsonLexer(json, Integer.MAX_VALUE);
            if (p.next() != JsonToken.START_OBJECT) {
                return false;
            }
            while (p.next() == JsonToken.FIELD_NAME) {
                if ("type".equals(p.name())) {
                    return false;
                }
                p.next();
                p.skipChildren();
            }
            return true;
        } catch (PromptPortException e) {
            return false;
        }
    }
}
