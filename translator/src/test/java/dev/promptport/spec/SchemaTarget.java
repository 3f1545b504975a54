package dev.promptport.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.OutputFormat;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One request schema of the OpenAI spec (e.g. {@code CreateChatCompletionRequest}) compiled once into a
 * networknt {@link JsonSchema}: a single draft 2020-12 document holding every schema it reaches under
 * {@code $defs}, with {@code "$ref": "#/$defs/<name>"} at the root.
 */
final class SchemaTarget {

    static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    final String name;
    /** the converted schemas reachable from {@link #name}, keyed by component name. */
    final ObjectNode defs;
    final ObjectNode document;
    final JsonSchema schema;
    /** time to assemble the document and compile it with networknt. */
    final long compileMillis;
    private final Map<String, JsonSchema> subSchemas = new ConcurrentHashMap<>();

    SchemaTarget(ObjectNode allConverted, String name) {
        if (!allConverted.has(name)) {
            throw new IllegalArgumentException("schema " + name + " not in components/schemas");
        }
        long t0 = System.nanoTime();
        this.name = name;
        JsonNodeFactory f = JsonNodeFactory.instance;
        this.defs = f.objectNode();
        for (String n : OasToJsonSchema.closure(allConverted, name)) {
            defs.set(n, allConverted.get(n));
        }
        this.document = f.objectNode();
        document.put("$schema", DRAFT_2020_12);
        document.set("$defs", defs);
        document.put("$ref", OasToJsonSchema.DEFS_PREFIX + name);

        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_PATH)
                .locale(Locale.ENGLISH)
                .formatAssertionsEnabled(false) // validate.py (python-jsonschema) does not assert formats either
                .build();
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(document, config);
        this.schema.initializeValidators(); // resolve every $ref now, not during the first validation
        this.compileMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    Set<ValidationMessage> validate(JsonNode instance) {
        return schema.validate(instance);
    }

    /** Whether {@code instance} is valid against the subschema at {@code pointer} (a JSON pointer into {@link #document}). */
    boolean isValid(JsonNodePath pointer, JsonNode instance) {
        String key = pointer.toString();
        JsonSchema sub = subSchemas.get(key);
        if (sub == null) {
            synchronized (this) {
                sub = subSchemas.computeIfAbsent(key, k -> schema.getSubSchema(pointer));
            }
        }
        return sub.validate(instance, OutputFormat.BOOLEAN);
    }

    /** Follows {@code $ref}s to {@code #/$defs/X}. */
    SchemaPos resolve(SchemaPos pos) {
        SchemaPos p = pos;
        for (int i = 0; i < 50 && p.node.isObject() && p.node.path("$ref").isTextual(); i++) {
            String ref = p.node.get("$ref").asText();
            if (!ref.startsWith(OasToJsonSchema.DEFS_PREFIX)) {
                break;
            }
            String n = OasToJsonSchema.unescape(ref.substring(OasToJsonSchema.DEFS_PREFIX.length()));
            JsonNode target = defs.get(n);
            if (target == null) {
                break;
            }
            p = new SchemaPos(target, root().append("$defs").append(n));
        }
        return p;
    }

    SchemaPos rootPos() {
        return new SchemaPos(defs.get(name), root().append("$defs").append(name));
    }

    static JsonNodePath root() {
        return new JsonNodePath(PathType.JSON_POINTER);
    }

    /** Schema node at a JSON pointer path of {@link #document} (missing node when absent). */
    JsonNode nodeAt(JsonNodePath pointer) {
        JsonNode n = document;
        for (int i = 0; i < pointer.getNameCount() && n != null; i++) {
            Object seg = pointer.getElement(i);
            n = seg instanceof Integer && n.isArray() ? n.get((Integer) seg) : n.get(String.valueOf(seg));
        }
        return n == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : n;
    }

    /** A schema node together with its JSON pointer in {@link #document}. */
    static final class SchemaPos {
        final JsonNode node;
        final JsonNodePath pointer;

        SchemaPos(JsonNode node, JsonNodePath pointer) {
            this.node = node;
            this.pointer = pointer;
        }

        SchemaPos child(String keyword, String name) {
            return new SchemaPos(node.get(keyword).get(name), pointer.append(keyword).append(name));
        }

        SchemaPos child(String keyword, int index) {
            return new SchemaPos(node.get(keyword).get(index), pointer.append(keyword).append(index));
        }

        SchemaPos child(String keyword) {
            return new SchemaPos(node.get(keyword), pointer.append(keyword));
        }

        List<SchemaPos> children(String keyword) {
            List<SchemaPos> out = new ArrayList<>();
            JsonNode arr = node.get(keyword);
            if (arr != null && arr.isArray()) {
                for (int i = 0; i < arr.size(); i++) {
                    out.add(child(keyword, i));
                }
            }
            return out;
        }
    }
}
