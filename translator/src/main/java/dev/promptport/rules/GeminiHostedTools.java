package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptport.tree.RawJson;
import dev.promptport.tree.Tool;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The hosted tools of a Gemini request ({@code googleSearch}, {@code urlContext},
 * {@code codeExecution}, named so in {@link Tool.Hosted#type()}) on another vendor's target.
 * Findings name them as the request did. Google Search becomes the target's web search in
 * Claude's spelling, which every writer reads, with the settings that map: its
 * {@code excludeDomains} become Claude's {@code blocked_domains}; the Responses API's web
 * search blocks no domains, and nothing takes {@code timeRangeFilter}, so PP150 names those.
 */
final class GeminiHostedTools {

    private GeminiHostedTools() {
    }

    /** Whether {@code h} came from a Gemini request. */
    static boolean isGemini(Tool.Hosted h) {
        return switch (h.type()) {
            case "googleSearch", "googleSearchRetrieval", "urlContext", "codeExecution" -> true;
            default -> false;
        };
    }

    /** The tool's name as the request wrote it, for findings. */
    static String shown(Tool.Hosted h) {
        return isGemini(h) ? h.type() : h.name();
    }

    /** What a Gemini tool is, for a finding that names it by Gemini's name alone. */
    static String what(Tool.Hosted h) {
        return switch (h.kind()) {
            case WEB_SEARCH -> "Google's web search";
            case WEB_FETCH -> "Google's fetching of the pages the prompt links to";
            case CODE_EXECUTION -> "Google's code execution";
            default -> h.type();
        };
    }

    /** {@code h} as Claude's definition, for a target other than Gemini, with the settings that map to {@code wire}. */
    static Tool.Hosted asClaudes(Tool.Hosted h, String wire) {
        if (!search(h)) {
            return h;
        }
        ObjectNode def = RawTrees.object();
        def.put("type", "web_search_20250305");
        def.put("name", "web_search");
        JsonNode excluded = excludeDomains(settings(h));
        if (wire.equals("anthropic") && excluded != null) {
            def.set("blocked_domains", excluded);
        }
        return new Tool.Hosted(h.kind(), h.type(), h.name(), new RawJson(def.toString()), h.loc());
    }

    /** The end of PP150's sentence: the settings of a Google Search that {@code wire} has no place for. */
    static String describe(Tool.Hosted h, String wire) {
        if (!search(h)) {
            return "";
        }
        List<String> dropped = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = settings(h).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isNull() || v.isContainerNode() && v.isEmpty()
                    || wire.equals("anthropic") && excludeKey(e.getKey()) && excludeDomains(settings(h)) != null) {
                continue;
            }
            dropped.add(e.getKey() + " (" + HostedToolSettings.shown(v) + ")");
        }
        return HostedToolSettings.droppedClause(dropped);
    }

    private static boolean search(Tool.Hosted h) {
        return h.type().equals("googleSearch") || h.type().equals("googleSearchRetrieval");
    }

    private static JsonNode settings(Tool.Hosted h) {
        JsonNode s = h.raw() == null ? null : RawTrees.parse(h.raw().json());
        return s == null || !s.isObject() ? RawTrees.object() : s;
    }

    /** The domains the search leaves out, when it lists any. */
    private static JsonNode excludeDomains(JsonNode settings) {
        JsonNode v = settings.has("excludeDomains") ? settings.get("excludeDomains") : settings.get("exclude_domains");
        return v != null && v.isArray() && !v.isEmpty() ? v : null;
    }

    private static boolean excludeKey(String key) {
        return key.equals("excludeDomains") || key.equals("exclude_domains");
    }
}
