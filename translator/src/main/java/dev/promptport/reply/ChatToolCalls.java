package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The tool calls of an OpenAI Chat stream, collected until the reply ends. Calls are told
 * apart by their {@code index}, or by a new {@code id} at an index already seen (some servers
 * say index 0 for every call), or, with no ids at all, by a new function name after a call whose
 * arguments are already one whole object (Ollama through LiteLLM); a piece without an index, or with only arguments at an index
 * never seen, belongs to the call before it. Some
 * servers open several calls in one chunk and then send the arguments of each in turn, so no
 * call is known to be complete before the finish reason: only then do the calls become
 * blocks, in index order, as Anthropic has one block open at a time. A custom tool's call
 * ({@code custom} instead of {@code function}) streams free-form text, which becomes
 * <code>{"input": "the text"}</code> ({@link ToolInput#custom}).
 */
final class ChatToolCalls {

    /** The legacy {@code function_call} sorts after every indexed call, as in a whole reply. */
    private static final int LEGACY = Integer.MAX_VALUE;

    private static final class Call {
        final int index;
        String id;
        String name;
        /** A custom tool's call: {@link #arguments} holds its free-form text, not JSON. */
        boolean custom;
        final StringBuilder arguments = new StringBuilder();
        /** How far {@link #arguments} is read by {@link #whole()}, and what it was there. */
        private int scanned;
        private int phase = LEADING;
        private int depth;
        private boolean inString;
        private boolean escaped;

        Call(int index, String id) {
            this.index = index;
            this.id = id;
        }

        /**
         * Whether the arguments so far are one JSON object, braces balanced outside strings, and
         * nothing after it but spaces. Read on from where the last call stopped, so a stream that
         * asks after every piece reads its arguments once.
         */
        boolean whole() {
            for (int n = arguments.length(); scanned < n && phase != NOT_AN_OBJECT; scanned++) {
                char ch = arguments.charAt(scanned);
                switch (phase) {
                    case LEADING -> phase = Character.isWhitespace(ch) ? LEADING : ch == '{' ? INSIDE : NOT_AN_OBJECT;
                    case INSIDE -> inside(ch);
                    default -> phase = Character.isWhitespace(ch) ? CLOSED : NOT_AN_OBJECT;
                }
            }
            return phase == CLOSED;
        }

        private void inside(char ch) {
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (ch == '\\') {
                    escaped = true;
                } else if (ch == '"') {
                    inString = false;
                }
            } else if (ch == '"') {
                inString = true;
            } else if (ch == '{' || ch == '[') {
                depth++;
            } else if ((ch == '}' || ch == ']') && --depth < 0) {
                phase = CLOSED;
            }
        }
    }

    private static final int LEADING = 0;
    private static final int INSIDE = 1;
    private static final int CLOSED = 2;
    private static final int NOT_AN_OBJECT = 3;

    private final List<Call> calls = new ArrayList<>();
    private Call last;

    /** The {@code tool_calls} array of one delta. */
    void add(JsonNode toolCalls) {
        int position = 0;
        for (JsonNode c : toolCalls) {
            JsonNode idx = c.get("index");
            int index = idx != null && idx.isInt() ? idx.intValue()
                    : last != null && last.index != LEGACY && toolCalls.size() == 1 ? last.index : position;
            position++;
            String id = Json.text(c, "id");
            if (id != null && id.isEmpty()) {
                // some servers send "" until the real id arrives: not an id, so not a new call
                id = null;
            }
            Call call = latest(index);
            if (call == null && id == null && last != null && last.index != LEGACY && unnamed(c)) {
                // arguments alone at an index never announced (any-llm has seen servers do it):
                // no call starts without its name, so they continue the call before them
                call = last;
            }
            if (call == null || id != null && call.id != null && !id.equals(call.id) || id == null && nextCall(call, c)) {
                call = new Call(index, id);
                calls.add(call);
            }
            JsonNode custom = c.get("custom");
            if (Json.isObject(custom)) {
                call.custom = true;
                take(call, id, custom, "input");
            } else {
                take(call, id, c.path("function"), "arguments");
            }
        }
    }

    /** The legacy {@code function_call} of one delta: a name starts a call, arguments continue it. */
    void addLegacy(JsonNode functionCall) {
        String name = Json.text(functionCall, "name");
        Call call = latest(LEGACY);
        if (call == null || name != null && !name.isEmpty() && call.name != null) {
            call = new Call(LEGACY, null);
            calls.add(call);
        }
        take(call, null, functionCall, "arguments");
    }

    /**
     * Writes every call as a {@code tool_use} block, in index order, and forgets them; false
     * when one has arguments but no function name (the sink has then reported the reply
     * broken). A call with neither is named as left out: nothing of it is lost, and failing
     * the reply for it would lose the calls beside it.
     */
    boolean emit(BlockSink sink) {
        calls.sort(Comparator.comparingInt(c -> c.index));
        try {
            for (Call c : calls) {
                if (c.arguments.isEmpty() && (c.name == null || c.name.isEmpty())) {
                    // only an id (one sent after the finish reason, say): no call to pass on
                    sink.leftOut(LeftOut.emptyToolCall(c.id));
                    continue;
                }
                if (!sink.toolStartNamed(c.id, c.name, null)) {
                    return false;
                }
                sink.toolArgs(c.custom ? ToolInput.custom(c.arguments.toString()) : c.arguments.toString());
                sink.endBlock();
            }
            return true;
        } finally {
            calls.clear();
            last = null;
        }
    }

    /** {@code field}: {@code arguments} of a function call, {@code input} of a custom tool's call. */
    private void take(Call call, String id, JsonNode fn, String field) {
        if (call.id == null && id != null) {
            call.id = id;
        }
        String name = Json.text(fn, "name");
        if ((call.name == null || call.name.isEmpty()) && name != null) {
            call.name = name;
        }
        JsonNode a = fn.get(field);
        if (a != null && !a.isNull()) {
            call.arguments.append(a.isTextual() ? a.textValue() : Json.compact(a));
        }
        last = call;
    }

    /**
     * Whether {@code piece}, at the index of {@code call} and without an id, starts another call:
     * it names a function, {@code call} is named and its arguments are one whole JSON object, and
     * the piece brings arguments or another name (a server that repeats the name in every piece
     * repeats it beside the next piece of the same arguments, which cannot follow a whole object).
     */
    private static boolean nextCall(Call call, JsonNode piece) {
        if (call.custom || call.name == null || call.name.isEmpty() || unnamed(piece) || !call.whole()) {
            return false;
        }
        JsonNode fn = piece.path("function");
        String args = Json.text(fn, "arguments");
        return args != null && !args.isEmpty() || !call.name.equals(Json.text(fn, "name"));
    }

    private static boolean unnamed(JsonNode piece) {
        String name = Json.text(Json.isObject(piece.get("custom")) ? piece.get("custom") : piece.path("function"), "name");
        return name == null || name.isEmpty();
    }

    private Call latest(int index) {
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (calls.get(i).index == index) {
                return calls.get(i);
            }
        }
        return null;
    }
}
