package dev.promptport.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.promptport.tree.Tool;


/**
 * Spells the hosted tools that survive for a Responses target as OpenAI's own tools
 * ({@code WebSearchTool}, {@code CodeInterpreterTool} in the {@code CreateResponse} schema).
 * Hosted tools are rare and small, so their definitions are read as a tree here.
 */
final class ResponsesHostedTools {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The fields of Anthropic's {@code user_location} that OpenAI's approximate location shares. */
    static final String[] LOCATION_FIELDS = {"city", "region", "country", "timezone"};

    private ResponsesHostedTools() {
    }

    /** Writes the tool as an array element; kinds this API has no equivalent for write nothing. */
    static void write(JsonOut g, Tool.Hosted h) {
        switch (h.kind()) {
            case WEB_SEARCH -> webSearch(g, definition(h));
            case CODE_EXECUTION -> codeInterpreter(g);
            default -> {
                // the rewrite steps leave only the kinds above for this wire
            }
        }
    }

    /**
     * A {@code tool_choice} that forces the hosted tool. {@code ToolChoiceTypes} names
     * {@code code_interpreter} but not {@code web_search} (only the older
     * {@code web_search_preview}), so web search is forced through {@code allowed_tools}.
     */
    static void writeChoice(JsonOut g, Tool.Hosted h) {
        // only web search and code execution survive the rewrite steps for this wire
        g.writeStartObject();
        if (h.kind() == Tool.HostedKind.CODE_EXECUTION) {
            g.writeStringField("type", "code_interpreter");
        } else {
            g.writeStringField("type", "allowed_tools");
            g.writeStringField("mode", "required");
            g.writeArrayFieldStart("tools");
            g.writeStartObject();
            g.writeStringField("type", "web_search");
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /**
     * {@code {type: "web_search", filters: {allowed_domains}, user_location, search_context_size,
     * external_web_access}}. Anthropic's
     * {@code blocked_domains} has no counterpart on this tool; {@code max_uses} becomes the
     * request's {@code max_tool_calls} ({@link #maxUses}).
     */
    private static void webSearch(JsonOut g, JsonNode def) {
        g.writeStartObject();
        g.writeStringField("type", "web_search");
        JsonNode domains = def.path("allowed_domains");
        if (domains.isArray() && !domains.isEmpty()) {
            g.writeObjectFieldStart("filters");
            g.writeArrayFieldStart("allowed_domains");
            for (JsonNode d : domains) {
                if (d.isTextual()) {
                    g.writeString(d.asText());
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        JsonNode location = def.path("user_location");
        if (location.isObject() && hasAny(location)) {
            g.writeObjectFieldStart("user_location");
            g.writeStringField("type", "approximate");
            for (String f : LOCATION_FIELDS) {
                JsonNode v = location.get(f);
                if (v != null && v.isTextual()) {
                    g.writeStringField(f, v.asText());
                }
            }
            g.writeEndObject();
        }
        // OpenAI's own settings, when the request was OpenAI's (OAS WebSearchTool)
        JsonNode size = def.path("search_context_size");
        if (size.isTextual()) {
            g.writeStringField("search_context_size", size.asText());
        }
        if (def.path("external_web_access").isBoolean()) {
            g.writeBooleanField("external_web_access", def.path("external_web_access").asBoolean());
        }
        g.writeEndObject();
    }

    /**
     * The smallest {@code max_uses} of the request's web searches, which the request's
     * {@code max_tool_calls} carries (it caps all built-in tool calls, not searches alone), or
     * {@code null} when none sets one.
     */
    static Integer maxUses(java.util.List<Tool> tools) {
        Integer least = null;
        for (Tool t : tools) {
            if (t instanceof Tool.Hosted h && h.kind() == Tool.HostedKind.WEB_SEARCH) {
                JsonNode v = definition(h).path("max_uses");
                if (v.canConvertToInt() && v.asInt() > 0 && (least == null || v.asInt() < least)) {
                    least = v.asInt();
                }
            }
        }
        return least;
    }

    static boolean hasAny(JsonNode location) {
        for (String f : LOCATION_FIELDS) {
            JsonNode v = location.get(f);
            if (v != null && v.isTextual()) {
                return true;
            }
        }
        return false;
    }

    /** OpenAI runs the code in a container it creates for the request. */
    private static void codeInterpreter(JsonOut g) {
        g.writeStartObject();
        g.writeStringField("type", "code_interpreter");
        g.writeObjectFieldStart("container");
        g.writeStringField("type", "auto");
        g.writeEndObject();
        g.writeEndObject();
    }

    static JsonNode definition(Tool.Hosted h) {
        if (h.raw() == null) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode n = JSON.readTree(h.raw().json());
            return n == null ? MissingNode.getInstance() : n;
        } catch (JsonProcessingException e) {
            // the raw text was cut from a parsed request; an unreadable one has no options to carry
            return MissingNode.getInstance();
        }
    }
}
