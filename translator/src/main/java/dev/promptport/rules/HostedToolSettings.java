package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptport.tree.Extra;
import dev.promptport.tree.RawJson;
import dev.promptport.tree.Tool;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What becomes of a hosted tool's settings ({@code allowed_domains}, {@code max_uses}, …) when
 * the tool becomes the target's own, as the writers spell it: the Responses API's
 * {@code web_search} keeps the allowed domains ({@code filters.allowed_domains}) and the user's
 * location, and the request's {@code max_tool_calls} takes {@code max_uses}; Chat Completions'
 * {@code web_search_options} keeps the location; both keep OpenAI's {@code search_context_size},
 * the Responses tool also {@code external_web_access}; Gemini's {@code googleSearch} and
 * {@code urlContext} take no settings. PP150 names the rest, setting by setting. A Gemini
 * request's own Google Search settings are described by {@link GeminiHostedTools}.
 */
final class HostedToolSettings {

    /** OpenAI's web search settings (OAS WebSearchTool), read into the tool's definition under these names. */
    private static final String SEARCH_CONTEXT_SIZE = "search_context_size";
    private static final String EXTERNAL_WEB_ACCESS = "external_web_access";

    private HostedToolSettings() {
    }

    /**
     * The end of PP150's sentence: what changed and what was dropped, each setting with its
     * value; empty when the tool had no settings, or all of them carried over.
     */
    static String describe(Tool.Hosted h, String wire, List<Extra> extras) {
        // the definition is Claude's own spelling already, but for OpenAI's own settings
        boolean anthropic = wire.equals("anthropic");
        JsonNode def = h.raw() == null ? null : RawTrees.parse(h.raw().json());
        if (def == null || !def.isObject()) {
            return "";
        }
        boolean responsesSearch = wire.equals("openai-responses") && h.kind() == Tool.HostedKind.WEB_SEARCH;
        boolean chatSearch = wire.equals("openai-chat") && h.kind() == Tool.HostedKind.WEB_SEARCH;
        StringBuilder out = new StringBuilder();
        List<String> dropped = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = def.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = e.getKey();
            JsonNode v = e.getValue();
            if (field.equals("type") || field.equals("name") || unset(field, v)) {
                continue;
            }
            boolean kept = switch (field) {
                case "allowed_domains" -> responsesSearch || anthropic;
                case "user_location" -> responsesSearch || chatSearch || anthropic;
                case SEARCH_CONTEXT_SIZE -> responsesSearch || chatSearch;
                case EXTERNAL_WEB_ACCESS -> responsesSearch;
                default -> anthropic;
            };
            if (kept) {
                continue;
            }
            if (field.equals("max_uses") && responsesSearch && v.canConvertToInt() && v.asInt() > 0
                    && !capsToolCalls(extras)) {
                out.append("; its max_uses (").append(v.asInt()).append(") became the request's max_tool_calls, which caps")
                        .append(" all of the reply's calls to built-in tools together, not web searches alone");
                continue;
            }
            dropped.add(field + " (" + shown(v) + ")");
        }
        return out.append(droppedClause(dropped)).toString();
    }

    /**
     * {@code h} as a Claude target takes it: without OpenAI's own web search settings, which
     * Claude's tool refuses ({@link #describe} names them). The same tool when it has none.
     */
    static Tool.Hosted forClaude(Tool.Hosted h) {
        if (h.kind() != Tool.HostedKind.WEB_SEARCH || h.raw() == null
                || !h.raw().json().contains(SEARCH_CONTEXT_SIZE) && !h.raw().json().contains(EXTERNAL_WEB_ACCESS)) {
            return h;
        }
        JsonNode def = RawTrees.parse(h.raw().json());
        if (!(def instanceof ObjectNode o) || !o.has(SEARCH_CONTEXT_SIZE) && !o.has(EXTERNAL_WEB_ACCESS)) {
            return h;
        }
        ObjectNode claude = o.deepCopy();
        claude.remove(SEARCH_CONTEXT_SIZE);
        claude.remove(EXTERNAL_WEB_ACCESS);
        return new Tool.Hosted(h.kind(), h.type(), h.name(), new RawJson(claude.toString()), h.loc());
    }

    /** {@code "; its settings a (1) and b (2) have no equivalent there and were dropped"}, or empty for none. */
    static String droppedClause(List<String> dropped) {
        if (dropped.isEmpty()) {
            return "";
        }
        return "; " + (dropped.size() == 1 ? "its setting " : "its settings ") + joined(dropped)
                + (dropped.size() == 1 ? " has" : " have") + " no equivalent there and "
                + (dropped.size() == 1 ? "was" : "were") + " dropped";
    }

    /** Whether the request sets max_tool_calls itself (a Responses request's own setting, carried). */
    private static boolean capsToolCalls(List<Extra> extras) {
        for (Extra e : extras) {
            if ("/max_tool_calls".equals(e.loc().pointer())) {
                return true;
            }
        }
        return false;
    }

    /** A setting at its default loses nothing: null, false, an empty list, Claude's {@code ["direct"]} callers. */
    private static boolean unset(String field, JsonNode v) {
        if (field.equals(EXTERNAL_WEB_ACCESS)) {
            // live web access is the default; only false asks for something
            return !v.isBoolean() || v.asBoolean();
        }
        return v.isNull() || v.isBoolean() && !v.asBoolean() || v.isContainerNode() && v.isEmpty()
                || field.equals("allowed_callers") && v.size() == 1 && "direct".equals(v.path(0).asText());
    }

    /** A list of names as the names; a location as its values; anything else as compact JSON. */
    static String shown(JsonNode v) {
        List<String> items = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(x -> items.add(x.isTextual() ? x.asText() : x.toString()));
            return Snippets.abbreviate(Snippets.oneLine(NameList.of(items)), 200);
        }
        if (v.isObject() && v.has("type") && "approximate".equals(v.path("type").asText())) {
            v.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("type") && f.getValue().isTextual()) {
                    items.add(f.getValue().asText());
                }
            });
            return Snippets.abbreviate(Snippets.oneLine(String.join(", ", items)), 200);
        }
        return Snippets.abbreviate(Snippets.oneLine(v.isTextual() ? "\"" + v.asText() + "\"" : v.toString()), 200);
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    private static String joined(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
