package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptport.tree.RawJson;
import dev.promptport.tree.Tool;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tool schema whose root is a union of objects ({@code anyOf}, {@code oneOf} or
 * {@code allOf} beside the object type) folded into one object for Claude. The Messages API
 * refuses the whole request otherwise, with "input_schema does not support oneOf, allOf, or
 * anyOf at the top level" (a 400 seen by MCP clients: anthropics/claude-code#5319 and #5973,
 * mobile-next/mobile-mcp#344; servers work around it as kenn-io/kata#365 does). Nothing in the
 * published shape says so: Anthropic's InputSchema only requires {@code "type": "object"} and
 * lets any other keyword through (shared/specs/anthropic/hosted_spec.yaml, InputSchema), so
 * {@link ObjectRoot}'s added type alone does not make such a schema acceptable. Zod unions and
 * "one of these two fields" MCP tools produce them.
 *
 * <p>The folded object has every part's properties (a property two parts define differently
 * takes both, under the same keyword), and requires what {@code allOf} parts require, or for
 * {@code anyOf} and {@code oneOf} only what every alternative requires; the alternatives'
 * required fields are named in the description, which the model reads. Only {@code allOf}
 * of plain objects folds without loss.
 */
final class ClaudeRootUnion {

    private static final String[] UNIONS = {"anyOf", "oneOf", "allOf"};
    /** What a part may hold and still fold without losing a check. */
    private static final Set<String> PLAIN = Set.of("type", "properties", "required", "title", "description");

    private ClaudeRootUnion() {
    }

    /** The folded schema; whether a check was lost; what was done, for the finding. */
    record Fold(RawJson schema, boolean lossy, String described) {
    }

    /** Folds {@code f}'s root union, reporting PP154 or PP155; {@code f} itself when it has none. */
    static Tool.Function fit(Tool.Function f, StepContext ctx) {
        String json = f.schema().json();
        // almost no schema names a union anywhere: one search, nothing read as a tree
        if (!json.contains("Of\"")) {
            return f;
        }
        Fold fold = of(json);
        if (fold == null) {
            return f;
        }
        ctx.sink().report(fold.lossy() ? "PP154" : "PP155", f.schemaLoc(), f.name(), ctx.targetName(), fold.described());
        return f.withSchema(fold.schema());
    }

    /** The fold of {@code json}'s root unions, or {@code null} when its root holds none. */
    static Fold of(String json) {
        JsonNode root = RawTrees.parse(json);
        if (root == null || !root.isObject() || !"object".equals(root.path("type").asText("object"))) {
            return null;
        }
        ObjectNode out = ((ObjectNode) root).deepCopy();
        List<String> said = new ArrayList<>();
        boolean lossy = false;
        for (String union : UNIONS) {
            JsonNode parts = out.remove(union);
            if (parts == null) {
                continue;
            }
            if (!parts.isArray() || parts.isEmpty()) {
                said.add(union + " at the root, which held no schema, was left out");
                continue;
            }
            lossy |= fold(root, out, union, (ArrayNode) parts, said);
        }
        if (said.isEmpty()) {
            return null;
        }
        out.put("type", "object");
        // the type leads, as ObjectRoot writes it
        ObjectNode ordered = RawTrees.object();
        ordered.put("type", "object");
        ordered.setAll(out);
        return new Fold(new RawJson(ordered.toString()), lossy, String.join("; ", said));
    }

    /** Folds one union's parts into {@code out}; whether a check was lost. */
    private static boolean fold(JsonNode root, ObjectNode out, String union, ArrayNode parts, List<String> said) {
        boolean all = union.equals("allOf");
        boolean lossy = !all && parts.size() > 1;
        ObjectNode properties = out.has("properties") && out.get("properties").isObject()
                ? (ObjectNode) out.get("properties") : RawTrees.object();
        Set<String> required = new LinkedHashSet<>();
        for (JsonNode r : out.path("required")) {
            required.add(r.asText());
        }
        Set<String> common = null;
        List<String> forms = new ArrayList<>();
        int dropped = 0;
        for (JsonNode part : parts) {
            JsonNode p = resolve(root, part);
            if (p == null || !p.isObject() || p.has("type") && !"object".equals(p.get("type").asText())) {
                // a tool's input is always an object: a part that is none, or cannot be read here, never matched one
                dropped++;
                lossy |= p == null;
                continue;
            }
            for (Iterator<String> it = p.fieldNames(); it.hasNext(); ) {
                lossy |= !PLAIN.contains(it.next());
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = p.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode had = properties.get(e.getKey());
                if (had == null) {
                    properties.set(e.getKey(), e.getValue());
                } else if (!had.equals(e.getValue())) {
                    ArrayNode both = RawTrees.list();
                    both.add(had).add(e.getValue());
                    properties.set(e.getKey(), RawTrees.object().set(all ? "allOf" : "anyOf", both));
                }
            }
            Set<String> own = new LinkedHashSet<>();
            for (JsonNode r : p.path("required")) {
                own.add(r.asText());
            }
            forms.add(own.isEmpty() ? "no field" : String.join(" and ", own));
            if (all) {
                required.addAll(own);
            } else if (common == null) {
                common = own;
            } else {
                common.retainAll(own);
            }
        }
        if (common != null) {
            required.addAll(common);
        }
        if (!properties.isEmpty()) {
            out.set("properties", properties);
        }
        if (!required.isEmpty()) {
            ArrayNode list = RawTrees.list();
            required.forEach(list::add);
            out.set("required", list);
        }
        // an alternative that requires nothing leaves nothing to choose between
        boolean named = !all && new LinkedHashSet<>(forms).size() > 1 && !forms.contains("no field");
        if (named) {
            String note = (union.equals("oneOf") ? "Give exactly one of: " : "Give at least one of: ")
                    + String.join("; or ", forms) + ".";
            String before = out.path("description").asText("");
            out.put("description", before.isBlank() ? note : before.strip() + " " + note);
        }
        said.add(union + " at the root became one object with the properties of "
                + (all ? "all its parts and the fields each requires" : "every alternative, requiring only the fields all of them require"
                + (named ? " (the alternatives are named in the description)" : ""))
                + (dropped > 0 ? ", leaving out " + dropped + " part" + (dropped > 1 ? "s" : "") + " that never matched an object" : ""));
        return lossy;
    }

    /** The part, or the definition a local reference names; {@code null} for one that cannot be followed. */
    private static JsonNode resolve(JsonNode root, JsonNode part) {
        JsonNode ref = part.get("$ref");
        if (ref == null) {
            return part;
        }
        String to = ref.asText();
        if (!to.startsWith("#/") || part.size() > 1) {
            return null;
        }
        JsonNode target = root.at(to.substring(1));
        return target.isMissingNode() || target.has("$ref") ? null : target;
    }
}
