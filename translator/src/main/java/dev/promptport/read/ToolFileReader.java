package dev.promptport.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.Limits;
import dev.promptport.PromptPortException;
import dev.promptport.tree.CacheHint;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Extra;
import dev.promptport.tree.Generation;
import dev.promptport.tree.Loc;
import dev.promptport.tree.RawJson;
import dev.promptport.tree.SourceKind;
import dev.promptport.tree.Tool;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a file of tool definitions, as agents keep them beside their prompts and MCP servers
 * list them: a JSON list of tools, an object with the list under {@code tools}, or an object of
 * definitions by name. A tool may be in Anthropic's shape ({@code input_schema}), OpenAI's
 * ({@code {type: "function", function: {…}}} or flat with {@code parameters}), MCP's
 * ({@code inputSchema}) or Gemini's ({@code parametersJsonSchema}); a typed tool without a
 * schema ({@code bash_20250124}) is one of Claude's built-in tools.
 */
public final class ToolFileReader {

    private static final String WHAT = "a file of tool definitions";

    /** The fields that hold a tool's input schema, in the order they are looked for. */
    private static final String[] SCHEMA_FIELDS = {"input_schema", "parameters", "inputSchema", "parametersJsonSchema",
            "parameters_json_schema"};

    /** A tool's fields read into the tree; any other is named (PP115). */
    private static final Set<String> KNOWN = known();

    private ToolFileReader() {
    }

    private static Set<String> known() {
        Set<String> known = new java.util.HashSet<>(Set.of("name", "description", "type", "function", "strict", "cache_control"));
        known.addAll(List.of(SCHEMA_FIELDS));
        return Set.copyOf(known);
    }

    /** Whether {@code root} has the shape of a tool file rather than of a request. */
    public static boolean looksLikeToolFile(JsonNode root) {
        if (root.isArray()) {
            // a list of chat messages is a prompt, not a list of tools
            return !root.isEmpty() && allObjects(root) && !root.get(0).has("role");
        }
        if (!root.isObject() || root.has("messages") || root.has("contents") || root.has("input")) {
            return false;
        }
        if (root.path("tools").isArray()) {
            return true;
        }
        // an object of definitions by name: every value says what the tool does and takes
        if (root.isEmpty()) {
            return false;
        }
        for (JsonNode v : root) {
            if (!v.isObject() || !v.has("description") && !hasSchema(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @throws PromptPortException when the text is not such a file, or a
     *     {@link dev.promptport.LimitExceededException} when it goes over {@code limits}
     */
    public static Conversation read(String json, Limits limits) {
        JsonNode root = JsonTreeReader.parseAny(json, WHAT, limits);
        List<Tool> tools = new ArrayList<>();
        List<Extra> extras = new ArrayList<>();
        Loc top = Loc.pointer("");
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                tools.add(tool(root.get(i), null, top.child(i), extras));
            }
        } else if (root.isObject() && root.path("tools").isArray()) {
            JsonNode list = root.get("tools");
            for (int i = 0; i < list.size(); i++) {
                tools.add(tool(list.get(i), null, top.child("tools").child(i), extras));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("tools")) {
                    extras.add(new Extra(e.getKey(), JsonTreeReader.raw(e.getValue()), top.child(e.getKey())));
                }
            }
        } else if (root.isObject() && looksLikeToolFile(root)) {
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                tools.add(tool(e.getValue(), e.getKey(), top.child(e.getKey()), extras));
            }
        } else {
            throw new PromptPortException("not " + WHAT + ": expected a list of tools, an object with a \"tools\" list,"
                    + " or an object of tool definitions by name", top);
        }
        // the tools go into requests, where a repeated name is refused: the file is refused as a request would be
        ToolNameClash.requireDistinct(tools);
        return new Conversation(SourceKind.TOOL_FILE, null, List.of(), List.of(), tools, null, Generation.NONE, null, extras);
    }

    private static Tool tool(JsonNode t, String key, Loc at, List<Extra> extras) {
        if (!t.isObject()) {
            throw new PromptPortException("expected a tool definition object", at);
        }
        JsonNode fn = t.path("function").isObject() ? t.get("function") : t;
        Loc fat = fn == t ? at : at.child("function");
        String type = t.path("type").isTextual() ? t.get("type").asText() : null;
        String name = fn.path("name").isTextual() ? fn.get("name").asText() : key;
        String schemaField = schemaField(fn);
        JsonNode schema = schemaField == null ? null : fn.get(schemaField);
        if (type != null && !type.equals("function") && !type.equals("custom") && schema == null) {
            // Claude's built-in and hosted tools are named by their versioned type alone
            return new Tool.Hosted(ToolReader.kind(type), type, name == null ? type : name, JsonTreeReader.raw(t), at);
        }
        if (name == null || name.isEmpty()) {
            throw new PromptPortException("the tool has no \"name\"", fat);
        }
        if (schema != null && !schema.isObject()) {
            throw new PromptPortException("the input schema of the tool \"" + name + "\" is not a JSON object", fat);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = fn.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!KNOWN.contains(e.getKey())) {
                extras.add(new Extra(e.getKey(), JsonTreeReader.raw(e.getValue()), fat.child(e.getKey())));
            }
        }
        JsonNode strict = fn.get("strict");
        JsonNode cache = t.path("cache_control");
        return new Tool.Function(name, fn.path("description").isTextual() ? fn.get("description").asText() : null,
                JsonTreeReader.objectSchema(schema),
                cache.path("type").isTextual() ? new CacheHint(cache.get("type").asText(),
                        cache.path("ttl").isTextual() ? cache.get("ttl").asText() : null) : null,
                fat, strict != null && strict.isBoolean() ? strict.asBoolean() : null)
                .withSchemaField(schemaField == null ? "input_schema" : schemaField);
    }

    /** The field that holds the tool's input schema, or {@code null} when it has none. */
    private static String schemaField(JsonNode fn) {
        for (String f : SCHEMA_FIELDS) {
            JsonNode s = fn.get(f);
            if (s != null && !s.isNull()) {
                return f;
            }
        }
        return null;
    }

    private static boolean hasSchema(JsonNode v) {
        return schemaField(v) != null;
    }

    private static boolean allObjects(JsonNode list) {
        for (JsonNode n : list) {
            if (!n.isObject()) {
                return false;
            }
        }
        return true;
    }
}
