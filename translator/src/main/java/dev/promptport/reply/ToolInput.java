package dev.promptport.reply;

import dev.promptport.PromptPortException;
import dev.promptport.read.JsonLexer;

import java.io.IOException;

/**
 * Turns the arguments text a vendor produced for a tool call into the JSON object Anthropic's
 * {@code tool_use.input} must be.
 *
 * <ul>
 *   <li>empty or blank (a tool without parameters) → <code>{}</code>;</li>
 *   <li>one JSON object → that object, byte for byte (numbers keep their exact spelling);</li>
 *   <li>a JSON string whose content is one JSON object (arguments encoded twice, which some
 *       models do) → the inner object;</li>
 *   <li>anything else (cut off by the output limit, not JSON, not an object) →
 *       <code>{"_raw": "the text as received"}</code>, and the call is named among what was
 *       left out ({@link #wrappedNote}).</li>
 * </ul>
 *
 * <p>Why {@code _raw} rather than <code>{}</code> (LiteLLM) or dropping the call: an empty input
 * makes the application run the tool with no arguments, as if the model had asked for that,
 * and loses what the model wrote; keeping the text under a key no real schema uses makes the
 * tool's own argument check fail visibly, and leaves the model's output in the logs. Streams
 * and whole replies alike go through here ({@link BlockSink} keeps a call's argument pieces
 * until the call ends), so a stream's one {@code input_json_delta} per call holds the same
 * object as the whole reply's {@code input}.
 */
final class ToolInput {

    static final String RAW_KEY = "_raw";
    /** Jackson's default nesting limit ({@code StreamReadConstraints}), which its parser held arguments to. */
    private static final int JACKSON_DEPTH = 1000;

    private ToolInput() {
    }

    /** The object the arguments text is or holds, or {@code null} when it has none ({@link #wrapped}). */
    static String object(String raw) {
        if (raw == null || raw.isBlank()) {
            return "{}";
        }
        String s = raw.strip();
        if (isOneObject(s)) {
            return s;
        }
        if (s.startsWith("\"")) {
            try {
                String inner = Json.MAPPER.readValue(s, String.class);
                if (inner != null && isOneObject(inner.strip())) {
                    return inner.strip();
                }
            } catch (IOException | RuntimeException e) {
                // not a JSON string: falls through
            }
        }
        return null;
    }

    /**
     * A custom tool call's free-form text as <code>{"input": "the text"}</code>: the request
     * side offers custom tools to Claude as function tools with that one string field
     * ({@code read/CustomTools}), so the call comes back in the same shape.
     */
    static String custom(String text) {
        StringBuilder b = new StringBuilder(12 + (text == null ? 0 : text.length()));
        b.append("{\"input\":");
        Json.appendQuoted(b, text == null ? "" : text);
        return b.append('}').toString();
    }

    /** <code>{"_raw": "the text as received"}</code>. */
    static String wrapped(String raw) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField(RAW_KEY, raw);
            g.writeEndObject();
        });
    }

    /**
     * The left-out line for a call whose arguments were wrapped: the input is still an object,
     * so nothing else tells the caller that the model's arguments did not reach the tool as such.
     */
    static String wrappedNote(String toolName, String toolId) {
        return "tool call " + toolName + " (" + toolId + "): its arguments are not one JSON object;"
                + " its input holds them as text under \"" + RAW_KEY + "\"";
    }

    /**
     * Whether {@code s} is one JSON object and nothing after it but white space. Read with the
     * request lexer rather than a Jackson parser: a reply's arguments are short, and setting up
     * a parser cost more than reading them. The lexer holds names and numbers to Jackson's
     * default limits and nesting to its default depth.
     */
    static boolean isOneObject(String s) {
        if (s.isEmpty() || s.charAt(0) != '{') {
            return false;
        }
        try {
            JsonLexer p = new JsonLexer(s, JACKSON_DEPTH);
            p.next();
            p.skipChildren();
            p.requireEnd();
            return true;
        } catch (PromptPortException e) {
            return false;
        }
    }
}
