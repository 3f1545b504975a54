package dev.promptport.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * OpenAPI 3.1 schema objects -> JSON Schema draft 2020-12, the same reading as
 * {@code shared/tools/validate/validate.py} ({@code oas_to_jsonschema}):
 * <ul>
 *   <li>{@code nullable: true} (an OpenAPI 3.0 leftover still used by OpenAI's 3.1 document)
 *       becomes {@code anyOf [{type: null}, …]} ({@code deprecated} is kept on the wrapper);</li>
 *   <li>{@code oneOf} becomes {@code anyOf}: OpenAI's unions are discriminated by a
 *       {@code type}/{@code role} value and some variants overlap, so a strict oneOf would
 *       reject valid bodies (when the node also has an {@code anyOf}, the converted oneOf goes
 *       into {@code allOf});</li>
 *   <li>{@code discriminator}, {@code x-*} and pure annotations are dropped,
 *       {@code $recursiveRef} is left out (permissive, as validate.py does);</li>
 *   <li>{@code #/components/schemas/X} references become {@code #/$defs/X}.</li>
 * </ul>
 */
final class OasToJsonSchema {

    static final String COMPONENT_PREFIX = "#/components/schemas/";
    static final String DEFS_PREFIX = "#/$defs/";

    private static final Set<String> DROP = Set.of("description", "example", "examples", "title", "default",
            "discriminator", "externalDocs", "readOnly", "writeOnly", "xml", "$recursiveRef");
    /** keywords whose value is a map name -> schema. */
    private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "$defs",
            "definitions", "dependentSchemas");
    /** keywords whose value is data, not a schema: copied as is. */
    private static final Set<String> DATA = Set.of("enum", "const", "required");

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private OasToJsonSchema() {
    }

    static JsonNode convert(JsonNode node) {
        if (node.isArray()) {
            ArrayNode out = F.arrayNode(node.size());
            node.forEach(x -> out.add(convert(x)));
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = F.objectNode();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String k = e.getKey();
            JsonNode v = e.getValue();
            if (DROP.contains(k) || k.startsWith("x-")) {
                continue;
            }
            if (SCHEMA_MAPS.contains(k) && v.isObject()) {
                ObjectNode m = F.objectNode();
                v.properties().forEach(p -> m.set(p.getKey(), convert(p.getValue())));
                out.set(k, m);
            } else if (DATA.contains(k)) {
                out.set(k, v.deepCopy());
            } else if (k.equals("oneOf")) {
                JsonNode conv = convert(v);
                if (node.has("anyOf")) {
                    allOf(out).add(F.objectNode().set("anyOf", conv));
                } else {
                    out.set("anyOf", conv);
                }
            } else if (k.equals("allOf") && v.isArray()) {
                ArrayNode all = allOf(out);
                v.forEach(x -> all.add(convert(x)));
            } else if (k.equals("$ref") && v.isTextual()) {
                String ref = v.asText();
                out.put(k, ref.startsWith(COMPONENT_PREFIX) ? DEFS_PREFIX + ref.substring(COMPONENT_PREFIX.length()) : ref);
            } else {
                out.set(k, convert(v));
            }
        }
        JsonNode nullable = out.remove("nullable");
        if (nullable != null && nullable.isBoolean() && nullable.booleanValue()) {
            ObjectNode wrapped = F.objectNode();
            ArrayNode any = wrapped.putArray("anyOf");
            any.addObject().put("type", "null");
            any.add(out);
            if (out.path("deprecated").asBoolean(false)) {
                wrapped.put("deprecated", true);
            }
            return wrapped;
        }
        return out;
    }

    private static ArrayNode allOf(ObjectNode out) {
        JsonNode existing = out.get("allOf");
        return existing instanceof ArrayNode ? (ArrayNode) existing : out.putArray("allOf");
    }

    /** Names of {@code #/$defs/X} schemas reachable from {@code root} (including itself), in discovery order. */
    static Set<String> closure(ObjectNode defs, String root) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            String name = todo.poll();
            JsonNode schema = defs.get(name);
            if (schema == null || !seen.add(name)) {
                continue;
            }
            collectRefs(schema, todo);
        }
        return seen;
    }

    private static void collectRefs(JsonNode n, Deque<String> out) {
        if (n.isObject()) {
            n.properties().forEach(e -> {
                if (e.getKey().equals("$ref") && e.getValue().isTextual()) {
                    String ref = e.getValue().asText();
                    if (ref.startsWith(DEFS_PREFIX)) {
                        out.add(unescape(ref.substring(DEFS_PREFIX.length())));
                    }
                } else {
                    collectRefs(e.getValue(), out);
                }
            });
        } else if (n.isArray()) {
            n.forEach(x -> collectRefs(x, out));
        }
    }

    /** JSON-pointer token unescape (schema names in the spec never need it, but be exact). */
    static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
