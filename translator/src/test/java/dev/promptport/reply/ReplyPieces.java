package dev.promptport.reply;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the reply fuzz campaign holds the translator to: the text, reasoning and tool-argument
 * pieces a vendor reply carries, found by where each format puts them, and whether each reached
 * the Anthropic reply. Pieces are read with a streaming parser, so a value a repeated key hides
 * from a tree is still a piece. A piece reached the reply when every word and number in it
 * (runs of letters and digits) appears in the reply's text, tool inputs or left-out lines: a
 * stream cuts words anywhere, and tool arguments come back re-encoded.
 */
final class ReplyPieces {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();
    private static final ObjectMapper EXACT = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final Pattern ATOM = Pattern.compile("[\\p{L}\\p{N}]+");
    /**
     * The places of text, reasoning and tool arguments, as paths from the document's root
     * ({@code #}: any array index; a Gemini stream sent as one JSON array adds one in front).
     */
    private static final List<String> CHAT = List.of("content", "content/#/text", "reasoning_content", "reasoning", "refusal",
            "tool_calls/#/function/arguments", "function_call/arguments");
    /** Responses stream events whose top-level {@code delta} is a piece. */
    private static final Pattern DELTA_EVENT = Pattern.compile("response\\.(output_text|refusal|reasoning_summary_text|reasoning_text"
            + "|function_call_arguments)\\.delta");

    /** Responses stream events that give an item's text or arguments whole, before the item is done. */
    private static final Pattern STREAMED_WHOLE = Pattern.compile("response\\.(output_text|refusal|reasoning_summary_text"
            + "|reasoning_text|function_call_arguments)\\.done");

    private ReplyPieces() {
    }

    /** One piece and where it was: its path, indexes as {@code #}. */
    record Piece(String place, String text) {
    }

    /** Pieces found, and those a later value of the same key hides from a parser that keeps the last. */
    record Found(List<Piece> pieces, List<Piece> shadowed) {
        Found() {
            this(new ArrayList<>(), new ArrayList<>());
        }
    }

    /** The pieces of one JSON document (a whole reply, or one event's data); whether it was a Responses delta event. */
    static boolean pieces(String json, Found out, boolean stream) {
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        if (tree == null) {
            return false;
        }
        try (JsonParser p = FACTORY.createParser(json)) {
            List<String> path = new ArrayList<>();
            out.pieces().addAll(walk(p, p.nextToken(), path, tree, out.shadowed(), stream));
        } catch (IOException | RuntimeException e) {
            // a document the translator could not read either
        }
        String type = tree.path("type").asText("");
        return DELTA_EVENT.matcher(type).matches() || STREAMED_WHOLE.matcher(type).matches();
    }

    private static List<Piece> walk(JsonParser p, JsonToken t, List<String> path, JsonNode tree, List<Piece> shadowed,
            boolean stream)
            throws IOException {
        List<Piece> found = new ArrayList<>();
        if (t == null) {
            return found;
        }
        switch (t) {
            case START_OBJECT -> {
                java.util.Map<String, List<Piece>> fields = new java.util.LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    path.add(name);
                    List<Piece> sub = walk(p, p.nextToken(), path, tree, shadowed, stream);
                    path.remove(path.size() - 1);
                    List<Piece> before = fields.put(name, sub);
                    if (before != null) {
                        shadowed.addAll(before);
                    }
                }
                fields.values().forEach(found::addAll);
            }
            case START_ARRAY -> {
                int k = 0;
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY && e != null) {
                    path.add(Integer.toString(k++));
                    found.addAll(walk(p, e, path, tree, shadowed, stream));
                    path.remove(path.size() - 1);
                }
            }
            default -> {
                if (t.isScalarValue() && (t == JsonToken.VALUE_STRING && isPlace(path, tree, stream) || inArgs(path, tree))) {
                    String text = t.isNumeric() ? number(p.getText()) : p.getText();
                    found.add(new Piece(String.join("/", path).replaceAll("[0-9]+", "#"), text));
                }
            }
        }
        return found;
    }

    /** A number as its value, not its spelling (1e4 and 10000.0 are both 1E+4): a tool input may be written anew. */
    static String number(String text) {
        try {
            return new java.math.BigDecimal(text).stripTrailingZeros().toString();
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** Whether {@code path} (from the root, indexes as numbers) is where a piece of the reply goes. */
    static boolean isPlace(List<String> path, JsonNode tree, boolean stream) {
        int n = path.size();
        if (n == 0) {
            return false;
        }
        String type = tree.path("type").asText("");
        if (n == 1 && path.get(0).equals("delta") && DELTA_EVENT.matcher(type).matches()) {
            return true;
        }
        // OpenAI Chat: choices/N/message/... in a whole reply, choices/N/delta/... (or message, which chunks of a few
        // servers carry instead) in a stream's chunk
        if (n >= 4 && path.get(0).equals("choices") && isIndex(path.get(1))
                && (path.get(2).equals("message") || stream && path.get(2).equals("delta"))) {
            return matches(path.subList(3, n), CHAT);
        }
        // Gemini: [N/]candidates/N/content/parts/N/text
        int g = isIndex(path.get(0)) ? 1 : 0;
        if (n == g + 6 && path.get(g).equals("candidates") && path.get(g + 2).equals("content") && path.get(g + 3).equals("parts")
                && path.get(g + 5).equals("text")) {
            return true;
        }
        // OpenAI Responses: output items, whole, in a finished response, or in an item event
        if (path.get(0).equals("output") && n >= 3) {
            return responsesItem(tree.path("output").path(path.get(1)), path.subList(2, n));
        }
        if (path.get(0).equals("response") && n >= 4 && path.get(1).equals("output")) {
            return responsesItem(tree.path("response").path("output").path(path.get(2)), path.subList(3, n));
        }
        if (path.get(0).equals("item") && n >= 2 && (type.equals("response.output_item.done") || type.equals("response.output_item.added"))) {
            return responsesItem(tree.path("item"), path.subList(1, n));
        }
        return false;
    }

    private static boolean responsesItem(JsonNode item, List<String> rest) {
        String type = item.path("type").asText("");
        return switch (type) {
            case "message" -> rest.size() == 3 && rest.get(0).equals("content")
                    && (rest.get(2).equals("text") || rest.get(2).equals("refusal"))
                    && Set.of("output_text", "refusal").contains(item.path("content").path(Integer.parseInt(rest.get(1))).path("type").asText());
            case "reasoning" -> rest.size() == 3 && (rest.get(0).equals("summary") || rest.get(0).equals("content"))
                    && rest.get(2).equals("text");
            case "function_call" -> rest.size() == 1 && rest.get(0).equals("arguments");
            default -> false;
        };
    }

    private static boolean matches(List<String> rest, List<String> places) {
        StringBuilder b = new StringBuilder();
        for (String s : rest) {
            b.append(b.isEmpty() ? "" : "/").append(isIndex(s) ? "#" : s);
        }
        return places.contains(b.toString());
    }

    private static boolean isIndex(String s) {
        return !s.isEmpty() && Character.isDigit(s.charAt(0));
    }

    /** Inside the {@code args} of a Gemini call that has a name: every value is a piece of the arguments. */
    private static boolean inArgs(List<String> path, JsonNode tree) {
        int g = !path.isEmpty() && isIndex(path.get(0)) ? 1 : 0;
        if (!(path.size() > g + 7 && path.get(g).equals("candidates") && isIndex(path.get(g + 1))
                && path.get(g + 2).equals("content") && path.get(g + 3).equals("parts") && isIndex(path.get(g + 4))
                && path.get(g + 5).equals("functionCall") && path.get(g + 6).equals("args"))) {
            return false;
        }
        JsonNode root = g == 1 ? tree.path(Integer.parseInt(path.get(0))) : tree;
        JsonNode name = root.path("candidates").path(Integer.parseInt(path.get(g + 1))).path("content").path("parts")
                .path(Integer.parseInt(path.get(g + 4))).path("functionCall").path("name");
        return name.isTextual() && !name.asText().isEmpty();
    }

    /** The pieces of an SSE body: those of each {@code data:} line's JSON, in order ({@code lines}: the lines that were fed). */
    static Found streamPieces(List<String> lines) {
        Found out = new Found();
        boolean deltas = false;
        for (String l : lines) {
            if (l.startsWith("data:")) {
                deltas |= pieces(l.substring(5).strip(), out, true);
            }
        }
        if (deltas) {
            // A finished Responses item repeats what its deltas (or its .done events) said; the translator reads those
            // and takes an item whole only when none came (servers that send whole items). A finished item that
            // disagrees with them (an event corrupted on the way) is not held against it.
            out.pieces().removeIf(p -> p.place().startsWith("item/") || p.place().startsWith("response/output/"));
        }
        return out;
    }

    static Found wholePieces(String json) {
        Found out = new Found();
        pieces(json, out, false);
        return out;
    }

    /**
     * The reply's tree, numbers exact; a number past a decimal's exponent (tool arguments pass on
     * whatever the model wrote, {@code 7E9034567890} say) read as a double instead, its strings the same.
     */
    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) throws IOException {
        try {
            return EXACT.readTree(json);
        } catch (NumberFormatException e) {
            return JSON.readTree(json);
        }
    }

    /** All the text a reply holds: its JSON, every string in it decoded, each tool input's keys, and the left-out lines. */
    static String haystack(String messageJson, List<String> leftOut, String prefill) {
        StringBuilder b = new StringBuilder(messageJson).append('\n');
        try {
            strings(readTree(messageJson), b);
        } catch (IOException e) {
            // not JSON: the shape check reports it
        }
        for (String l : leftOut) {
            b.append(l).append('\n');
        }
        if (prefill != null) {
            b.append(prefill).append('\n');
        }
        // the keys of OpenAI's multi_tool_use.parallel wrapper, which becomes the calls it wraps (ParallelWrapper)
        b.append("tool_uses recipient_name functions parameters multi_tool_use parallel");
        return b.toString();
    }

    private static void strings(JsonNode n, StringBuilder b) {
        if (n.isTextual()) {
            b.append(n.asText()).append('\n');
        } else if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                b.append(e.getKey()).append('\n');
                strings(e.getValue(), b);
            });
        } else if (n.isArray()) {
            for (JsonNode c : n) {
                strings(c, b);
            }
        } else if (n.isNumber()) {
            b.append(n.asText()).append('\n').append(number(n.asText())).append('\n');
        }
    }

    /** The first piece of {@code pieces} with a word or number that {@code haystack} lacks, with that word; or {@code null}. */
    static Piece firstMissing(List<Piece> pieces, String haystack) {
        Set<String> seen = new java.util.HashSet<>();
        for (Piece p : pieces) {
            Matcher m = ATOM.matcher(p.text());
            while (m.find()) {
                String a = m.group();
                if (seen.add(a) && !haystack.contains(a)) {
                    return new Piece(p.place(), a);
                }
            }
        }
        return null;
    }

    /** The total length of {@code pieces}. */
    static long length(List<Piece> pieces) {
        long n = 0;
        for (Piece p : pieces) {
            n += p.text().length();
        }
        return n;
    }
}
