package dev.promptport.reply;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptport.fuzz.FuzzGen;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reply fuzz campaign's mutations of a whole reply or an SSE body: the request campaign's
 * byte-level ones ({@link FuzzGen}) and those particular to replies and streams (fields of the
 * wrong type, missing or repeated, SSE lines split, merged, reordered or repeated, {@code [DONE]}
 * early or twice, tool arguments that never close, finish reasons of every kind). Pure
 * functions of their random source.
 */
final class ReplyMutator {

    /** How an input was made; the summary counts each. */
    enum Kind {
        SEED, GENERATED, CROSS_FORMAT, TRUNCATE, BYTE_FLIP, DEEP_NESTING, HUGE_STRING, INVALID_UTF8, LONE_SURROGATE,
        NUL_BYTES, WRONG_TYPE, MISSING_FIELD, EXTRA_FIELD, DUPLICATE_KEY, SSE_SPLIT, SSE_MERGE, SSE_REORDER, SSE_DUPLICATE,
        DONE_EARLY, DONE_TWICE, UNCLOSED_ARGS, FINISH_REASON, STACKED
    }

    static final Kind[] MUTATIONS = {Kind.TRUNCATE, Kind.BYTE_FLIP, Kind.DEEP_NESTING, Kind.HUGE_STRING, Kind.INVALID_UTF8,
        Kind.LONE_SURROGATE, Kind.NUL_BYTES, Kind.WRONG_TYPE, Kind.MISSING_FIELD, Kind.EXTRA_FIELD, Kind.DUPLICATE_KEY,
        Kind.SSE_SPLIT, Kind.SSE_MERGE, Kind.SSE_REORDER, Kind.SSE_DUPLICATE, Kind.DONE_EARLY, Kind.DONE_TWICE,
        Kind.UNCLOSED_ARGS, Kind.FINISH_REASON};

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    /** Fields the translators read; a mutation of one of these is likelier to matter than of any other. */
    static final Set<String> KNOWN = Set.of("id", "object", "model", "choices", "index", "message", "delta", "role",
            "content", "text", "refusal", "reasoning_content", "reasoning", "tool_calls", "function", "name", "arguments",
            "finish_reason", "usage", "prompt_tokens", "completion_tokens", "total_tokens", "type", "status", "output",
            "summary", "call_id", "item", "item_id", "output_index", "content_index", "sequence_number", "response",
            "incomplete_details", "reason", "error", "code", "part", "candidates", "parts", "functionCall", "args",
            "thought", "thoughtSignature", "finishReason", "usageMetadata", "promptTokenCount", "candidatesTokenCount",
            "input_tokens", "output_tokens", "annotations", "logprobs", "promptFeedback", "blockReason", "safetyRatings",
            "groundingMetadata", "encrypted_content", "partialArgs", "willContinue", "executableCode", "inlineData");
    private static final String[] VALUES = {"null", "0", "-1", "1.5", "true", "false", "\"\"", "\"x\"", "[]", "{}",
        "[{}]", "[null]", "1e400", "\"stop\"", "{\"text\":\"nested\"}", "[\"a\",\"b\"]", "2147483648", "\"\\u0000\""};
    static final List<String> FINISH = List.of("stop", "length", "tool_calls", "content_filter", "function_call", "eos",
            "insufficient_system_resource", "", "null", "STOP", "MAX_TOKENS", "SAFETY", "RECITATION", "LANGUAGE", "OTHER",
            "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "MALFORMED_FUNCTION_CALL", "IMAGE_SAFETY", "UNEXPECTED_TOOL_CALL",
            "TOO_MANY_TOOL_CALLS", "FINISH_REASON_UNSPECIFIED", "completed", "incomplete", "failed", "in_progress",
            "cancelled", "queued", "max_output_tokens", "end_turn", "tool_use", "refusal", "pause_turn", "weird_reason");
    private static final Pattern KEY = Pattern.compile("\"(text|content|arguments|delta|reasoning_content|refusal|finish_reason"
            + "|finishReason|type|name|id|role|status|index|args|functionCall|parts|choices|candidates|output|item|response)\"\\s*:");
    private static final Pattern FINISH_FIELD = Pattern.compile("\"(finish_reason|finishReason|status|reason)\"\\s*:\\s*(null|\"[^\"]*\")");

    private ReplyMutator() {
    }

    static String mutate(Kind kind, String text, boolean stream, SplittableRandom r) {
        return switch (kind) {
            case TRUNCATE -> truncate(text, r);
            case BYTE_FLIP -> FuzzGen.byteFlip(text, r);
            case DEEP_NESTING -> deep(text, stream, r);
            case HUGE_STRING -> FuzzGen.hugeString(text, r, true);
            case INVALID_UTF8 -> FuzzGen.invalidUtf8(text, r);
            case LONE_SURROGATE -> FuzzGen.loneSurrogates(text, r, true);
            case NUL_BYTES -> FuzzGen.nulBytes(text, r, true);
            case WRONG_TYPE -> onJson(text, stream, r, ReplyMutator::wrongType);
            case MISSING_FIELD -> onJson(text, stream, r, ReplyMutator::missing);
            case EXTRA_FIELD -> onJson(text, stream, r, ReplyMutator::extra);
            case DUPLICATE_KEY -> duplicateKey(text, r);
            case SSE_SPLIT -> split(text, r);
            case SSE_MERGE -> merge(text, r);
            case SSE_REORDER -> reorder(text, r);
            case SSE_DUPLICATE -> duplicate(text, r);
            case DONE_EARLY -> doneEarly(text, r);
            case DONE_TWICE -> doneTwice(text, r);
            case UNCLOSED_ARGS -> unclosedArgs(text, stream, r);
            case FINISH_REASON -> finishReason(text, r);
            default -> text;
        };
    }

    // ------------------------------------------------------------------ truncation

    /** Cut at a boundary of one kind: anywhere, a line, an event, a JSON token, inside a string, inside a surrogate pair. */
    static String truncate(String text, SplittableRandom r) {
        if (text.isEmpty()) {
            return text;
        }
        List<Integer> at = new ArrayList<>();
        int kind = r.nextInt(7);
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            boolean take = switch (kind) {
                case 1 -> c == '\n';
                case 2 -> c == '\n' && k + 1 < text.length() && text.charAt(k + 1) == '\n';
                case 3 -> c == ',' || c == '{' || c == '[' || c == ':';
                case 4 -> c == '"';
                case 5 -> Character.isHighSurrogate(c) || c == '\\';
                case 6 -> c == '}' || c == ']';
                default -> false;
            };
            if (take) {
                at.add(k + 1);
            }
        }
        int cut = at.isEmpty() ? r.nextInt(text.length() + 1) : at.get(r.nextInt(at.size()));
        return text.substring(0, Math.min(cut, text.length()));
    }

    // ------------------------------------------------------------------ JSON tree edits

    /** Applies {@code edit} to the whole reply, or to one {@code data:} line's JSON of a stream. */
    static String onJson(String text, boolean stream, SplittableRandom r, BiFunction<JsonNode, SplittableRandom, JsonNode> edit) {
        if (!stream) {
            JsonNode n = tree(text);
            return n == null ? text : edit.apply(n, r).toString();
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        List<Integer> data = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).startsWith("data:") && lines.get(k).contains("{")) {
                data.add(k);
            }
        }
        if (data.isEmpty()) {
            return text;
        }
        int k = data.get(r.nextInt(data.size()));
        String line = lines.get(k);
        boolean cr = line.endsWith("\r");
        JsonNode n = tree(line.substring(5, line.length() - (cr ? 1 : 0)));
        if (n == null) {
            return text;
        }
        lines.set(k, "data: " + edit.apply(n, r) + (cr ? "\r" : ""));
        return String.join("\n", lines);
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Object slots (object, key) and array slots (array, index), the known fields first in weight. */
    private static List<Object[]> slots(JsonNode root, boolean knownOnly) {
        List<Object[]> out = new ArrayList<>();
        collect(root, out, knownOnly);
        return out;
    }

    private static void collect(JsonNode node, List<Object[]> out, boolean knownOnly) {
        if (node instanceof ObjectNode o) {
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!knownOnly || KNOWN.contains(k)) {
                    out.add(new Object[]{o, k});
                }
                collect(o.get(k), out, knownOnly);
            }
        } else if (node instanceof ArrayNode a) {
            for (int k = 0; k < a.size(); k++) {
                if (!knownOnly) {
                    out.add(new Object[]{a, k});
                }
                collect(a.get(k), out, knownOnly);
            }
        }
    }

    private static JsonNode value(SplittableRandom r) {
        return tree(VALUES[r.nextInt(VALUES.length)]);
    }

    static JsonNode wrongType(JsonNode root, SplittableRandom r) {
        List<Object[]> slots = slots(root, r.nextInt(4) != 0);
        int n = 1 + r.nextInt(2);
        for (int k = 0; k < n && !slots.isEmpty(); k++) {
            Object[] s = slots.get(r.nextInt(slots.size()));
            if (s[0] instanceof ObjectNode o) {
                o.set((String) s[1], value(r));
            } else if (s[0] instanceof ArrayNode a && (Integer) s[1] < a.size()) {
                a.set((Integer) s[1], value(r));
            }
        }
        return root;
    }

    static JsonNode missing(JsonNode root, SplittableRandom r) {
        List<Object[]> slots = slots(root, r.nextInt(4) != 0);
        int n = 1 + r.nextInt(2);
        for (int k = 0; k < n && !slots.isEmpty(); k++) {
            Object[] s = slots.get(r.nextInt(slots.size()));
            if (s[0] instanceof ObjectNode o) {
                o.remove((String) s[1]);
            } else if (s[0] instanceof ArrayNode a && (Integer) s[1] < a.size()) {
                a.remove((Integer) s[1]);
            }
        }
        return root;
    }

    static JsonNode extra(JsonNode root, SplittableRandom r) {
        List<ObjectNode> objects = new ArrayList<>();
        objects(root, objects);
        if (objects.isEmpty()) {
            return root;
        }
        ObjectNode o = objects.get(r.nextInt(objects.size()));
        List<String> keys = new ArrayList<>(KNOWN);
        Collections.sort(keys);
        String key = r.nextBoolean() ? keys.get(r.nextInt(keys.size())) : "x_extra_" + r.nextInt(10);
        if (!o.has(key)) {
            o.set(key, value(r));
        }
        return root;
    }

    private static void objects(JsonNode n, List<ObjectNode> out) {
        if (n instanceof ObjectNode o) {
            out.add(o);
        }
        for (JsonNode c : n) {
            objects(c, out);
        }
    }

    // ------------------------------------------------------------------ text edits

    /** Deep nesting where a value goes: after a known key's colon, or anywhere. */
    static String deep(String text, boolean stream, SplittableRandom r) {
        String nest = FuzzGen.deepBrackets(r, true);
        Matcher m = KEY.matcher(text);
        List<Integer> at = new ArrayList<>();
        while (m.find()) {
            at.add(m.end());
        }
        if (at.isEmpty() || r.nextInt(4) == 0) {
            return FuzzGen.insert(text, r, nest);
        }
        int k = at.get(r.nextInt(at.size()));
        int end = valueEnd(text, k);
        if (end < 0) {
            return text.substring(0, k) + nest + text.substring(k);
        }
        return text.substring(0, k) + nest + text.substring(end);
    }

    /** The end of the JSON value that starts at {@code from}, or -1. */
    static int valueEnd(String text, int from) {
        try (JsonParser p = FACTORY.createParser(text.substring(from))) {
            if (p.nextToken() == null) {
                return -1;
            }
            p.skipChildren();
            return from + (int) p.currentLocation().getCharOffset();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * A known key written twice in one object: before its pair another value for it (a text of
     * its own, which a parser that keeps the last value drops), or after it the same pair again.
     */
    static String duplicateKey(String text, SplittableRandom r) {
        Matcher m = KEY.matcher(text);
        List<int[]> at = new ArrayList<>();
        while (m.find()) {
            at.add(new int[]{m.start(), m.end()});
        }
        if (at.isEmpty()) {
            return text;
        }
        int[] k = at.get(r.nextInt(at.size()));
        int end = valueEnd(text, k[1]);
        if (end < 0) {
            return text;
        }
        String key = text.substring(k[0], k[1]);
        String pair = text.substring(k[0], end);
        if (r.nextBoolean()) {
            return text.substring(0, end) + "," + pair + text.substring(end);
        }
        String other = r.nextBoolean() ? "\"duplicated wording\"" : VALUES[r.nextInt(VALUES.length)];
        return text.substring(0, k[0]) + key + other + "," + text.substring(k[0]);
    }

    /** The body's events: runs of lines ended by a blank line (kept with their blank line). */
    static List<String> events(String text) {
        List<String> out = new ArrayList<>();
        String[] lines = text.split("(?<=\n)");
        StringBuilder cur = new StringBuilder();
        for (String l : lines) {
            cur.append(l);
            if (l.strip().isEmpty()) {
                out.add(cur.toString());
                cur.setLength(0);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur.toString());
        }
        return out;
    }

    /** A {@code data:} line split: into two data lines of one event, two events, or a line without its field name. */
    static String split(String text, SplittableRandom r) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        List<Integer> data = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).startsWith("data:") && lines.get(k).length() > 7) {
                data.add(k);
            }
        }
        if (data.isEmpty()) {
            return FuzzGen.insert(text, r, "\n");
        }
        int k = data.get(r.nextInt(data.size()));
        String l = lines.get(k);
        int cut = 6 + r.nextInt(l.length() - 6);
        String a = l.substring(0, cut);
        String b = l.substring(cut);
        lines.set(k, switch (r.nextInt(3)) {
            case 0 -> a + "\ndata: " + b;
            case 1 -> a + "\n\ndata: " + b;
            default -> a + "\n" + b;
        });
        return String.join("\n", lines);
    }

    /** Two events merged: the blank line between them dropped, or two lines joined into one. */
    static String merge(String text, SplittableRandom r) {
        List<String> ev = events(text);
        if (ev.size() < 2) {
            return text;
        }
        int k = r.nextInt(ev.size() - 1);
        String first = ev.get(k).stripTrailing();
        String second = ev.get(k + 1);
        ev.set(k, r.nextBoolean() ? first + "\n" + second : first + (second.startsWith("data:") ? second.substring(5) : second));
        ev.remove(k + 1);
        return String.join("", ev);
    }

    static String reorder(String text, SplittableRandom r) {
        List<String> ev = events(text);
        if (ev.size() < 2) {
            return text;
        }
        Collections.swap(ev, r.nextInt(ev.size()), r.nextInt(ev.size()));
        return String.join("", ev);
    }

    static String duplicate(String text, SplittableRandom r) {
        List<String> ev = events(text);
        if (ev.isEmpty()) {
            return text;
        }
        int k = r.nextInt(ev.size());
        ev.add(r.nextInt(ev.size() + 1), ev.get(k));
        return String.join("", ev);
    }

    static String doneEarly(String text, SplittableRandom r) {
        List<String> ev = events(text);
        ev.add(r.nextInt(ev.size() + 1), "data: [DONE]\n\n");
        return String.join("", ev);
    }

    static String doneTwice(String text, SplittableRandom r) {
        List<String> ev = events(text);
        String done = r.nextBoolean() ? "data: [DONE]\n\n" : "data:[DONE]\r\n\r\n";
        ev.add(r.nextInt(ev.size() + 1), done);
        ev.add(done);
        return String.join("", ev);
    }

    /**
     * Tool arguments that never close: the last {@code arguments} (or a Responses argument
     * delta) cut in half, and for a stream the events that would end the call whole dropped.
     */
    static String unclosedArgs(String text, boolean stream, SplittableRandom r) {
        Matcher m = Pattern.compile("\"(arguments|delta)\"\\s*:\\s*\"").matcher(text);
        List<Integer> at = new ArrayList<>();
        while (m.find()) {
            at.add(m.end() - 1);
        }
        String out = text;
        if (!at.isEmpty()) {
            int k = at.get(r.nextBoolean() ? at.size() - 1 : r.nextInt(at.size()));
            int end = valueEnd(out, k);
            if (end > 0) {
                JsonNode v = tree(out.substring(k, end));
                if (v != null && v.isTextual()) {
                    String s = v.asText();
                    String half = s.substring(0, s.length() / 2);
                    if (!half.isEmpty() && Character.isHighSurrogate(half.charAt(half.length() - 1))) {
                        half = half.substring(0, half.length() - 1);
                    }
                    out = out.substring(0, k) + ReplyGen.quote(half) + out.substring(end);
                }
            }
        }
        if (stream && r.nextBoolean()) {
            List<String> ev = new ArrayList<>(events(out));
            ev.removeIf(e -> e.contains("function_call_arguments.done") || e.contains("\"finish_reason\":\"tool_calls\"")
                    || e.contains("output_item.done") && e.contains("function_call"));
            out = String.join("", ev);
        }
        return out;
    }

    /** Every finish reason, stop status or incomplete reason replaced by one of every kind vendors send. */
    static String finishReason(String text, SplittableRandom r) {
        Matcher m = FINISH_FIELD.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = FINISH.get(r.nextInt(FINISH.size()));
            m.appendReplacement(b, Matcher.quoteReplacement("\"" + m.group(1) + "\":" + (v.equals("null") ? "null" : "\"" + v + "\"")));
        }
        m.appendTail(b);
        return b.toString();
    }
}
