package dev.promptport.reply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI's own wrapper for parallel calls, which some models write as an ordinary function call
 * to a tool the request never had: {@code multi_tool_use.parallel} (or {@code parallel}) with
 * <code>{"tool_uses": [{"recipient_name": "functions.weather", "parameters": {…}}, …]}</code>.
 * Passed on as it is, the caller would be asked to run a tool it does not know; so it becomes
 * one call per entry. Only a call whose every entry names a function ({@code functions.…}) with
 * an object of parameters is unwrapped, and only when the request had no tool of that name.
 */
final class ParallelWrapper {

    private static final String FULL_NAME = "multi_tool_use.parallel";
    private static final String SHORT_NAME = "parallel";
    private static final String FUNCTIONS = "functions.";

    /** One of the wrapped calls: its id (the wrapper's and its place), the caller's tool name, its input. */
    record Call(String id, String name, String input) {
    }

    private ParallelWrapper() {
    }

    /** Whether a call to {@code sentName} may be the wrapper, as the request had no tool of that name that promptport renamed. */
    static boolean mayBe(String sentName, ReplyContext ctx) {
        return (FULL_NAME.equals(sentName) || SHORT_NAME.equals(sentName))
                && !ctx.toolNames().containsKey(sentName) && !ctx.toolNames().containsValue(sentName);
    }

    /**
     * The calls the wrapper holds, or {@code null} when {@code input} (one JSON object) is not
     * the wrapper's: then the call is the model's call to a tool of that name.
     */
    static List<Call> unwrap(String wrapperId, String input, ReplyContext ctx) {
        JsonNode uses;
        try {
            uses = Json.read(input).get("tool_uses");
        } catch (JsonProcessingException e) {
            return null;
        }
        if (uses == null || !uses.isArray() || uses.isEmpty()) {
            return null;
        }
        List<Call> calls = new ArrayList<>(uses.size());
        for (JsonNode use : uses) {
            String recipient = Json.isObject(use) ? Json.text(use, "recipient_name") : null;
            JsonNode parameters = Json.isObject(use) ? use.get("parameters") : null;
            if (recipient == null || !recipient.startsWith(FUNCTIONS) || recipient.length() == FUNCTIONS.length()
                    || !Json.isObject(parameters)) {
                return null;
            }
            // the id must differ from its siblings' yet be the same each time the reply is translated
            calls.add(new Call(wrapperId + "_" + calls.size(), ctx.toolName(recipient.substring(FUNCTIONS.length())),
                    Json.compact(parameters)));
        }
        return calls;
    }
}
