package dev.promptport.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.spec.SchemaTarget.SchemaPos;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WARN level of validate.py ({@code OpenFieldWalker}): walks the body alongside the schema and reports
 * <ul>
 *   <li>keys the schema does not declare where the object is open (it declares properties but has no
 *       {@code additionalProperties}; with {@code additionalProperties: false} the key is an ERROR
 *       instead, with a map schema it is fine), e.g. {@code top_k}, {@code thinking},
 *       {@code cache_control} sent to OpenAI;</li>
 *   <li>properties marked {@code deprecated: true} (e.g. {@code max_tokens}, {@code user} on chat).</li>
 * </ul>
 * Unions: {@code allOf} members are merged; of an {@code anyOf} the first non-null branch the value is
 * valid against is followed.
 */
final class OpenFieldWalker {

    static final String UNKNOWN = "field not in the vendor schema (object is open, so the API may ignore or reject it)";
    static final String DEPRECATED = "deprecated in the vendor spec";

    private final SchemaTarget target;

    OpenFieldWalker(SchemaTarget target) {
        this.target = target;
    }

    private record Props(Map<String, SchemaPos> props, boolean noWarn) {
    }

    List<ErrorExpander.Finding> walk(JsonNode body) {
        List<ErrorExpander.Finding> out = new ArrayList<>();
        if (body.isObject()) {
            walk(target.rootPos(), body, new ArrayList<>(), out);
        }
        return out;
    }

    private Props props(SchemaPos schema, JsonNode inst, int depth) {
        SchemaPos s = target.resolve(schema);
        if (!s.node.isObject() || depth > 30) {
            return new Props(Map.of(), true);
        }
        Map<String, SchemaPos> props = new LinkedHashMap<>();
        JsonNode declared = s.node.get("properties");
        if (declared != null && declared.isObject()) {
            for (Iterator<String> it = declared.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                props.put(k, s.child("properties", k));
            }
        }
        boolean free = !s.node.has("properties") && !s.node.has("allOf") && !s.node.has("anyOf");
        boolean noWarn = s.node.has("additionalProperties") || s.node.has("patternProperties") || free;
        for (SchemaPos sub : s.children("allOf")) {
            Props p = props(sub, inst, depth + 1);
            props.putAll(p.props);
            noWarn |= p.noWarn;
        }
        if (s.node.has("anyOf")) {
            SchemaPos branch = null;
            for (SchemaPos sub : s.children("anyOf")) {
                SchemaPos rs = target.resolve(sub);
                if (rs.node.isObject() && "null".equals(rs.node.path("type").asText(null))) {
                    continue;
                }
                if (target.isValid(sub.pointer, inst)) {
                    branch = sub;
                    break;
                }
            }
            if (branch == null) {
                return new Props(props, true);
            }
            Props p = props(branch, inst, depth + 1);
            props.putAll(p.props);
            noWarn |= p.noWarn;
        }
        return new Props(props, noWarn);
    }

    private void walk(SchemaPos schema, JsonNode inst, List<Object> path, List<ErrorExpander.Finding> out) {
        if (inst.isObject()) {
            Props p = props(schema, inst, 0);
            for (Map.Entry<String, JsonNode> e : inst.properties()) {
                List<Object> sub = append(path, e.getKey());
                SchemaPos ps = p.props.get(e.getKey());
                if (ps == null) {
                    if (!p.noWarn) {
                        out.add(new ErrorExpander.Finding(sub, UNKNOWN));
                    }
                    continue;
                }
                if (ps.node.path("deprecated").asBoolean(false)
                        || target.resolve(ps).node.path("deprecated").asBoolean(false)) {
                    out.add(new ErrorExpander.Finding(sub, DEPRECATED));
                }
                walk(ps, e.getValue(), sub, out);
            }
        } else if (inst.isArray()) {
            SchemaPos s = target.resolve(schema);
            if (!s.node.isObject()) {
                return;
            }
            SchemaPos items = s.node.has("items") ? s.child("items") : null;
            if (items == null) {
                for (SchemaPos sub : s.children("anyOf")) {
                    SchemaPos rs = target.resolve(sub);
                    if (rs.node.isObject() && "array".equals(rs.node.path("type").asText(null))) {
                        items = rs.node.has("items") ? rs.child("items") : null;
                        break;
                    }
                }
            }
            if (items != null) {
                for (int i = 0; i < inst.size(); i++) {
                    walk(items, inst.get(i), append(path, i), out);
                }
            }
        }
    }

    private static List<Object> append(List<Object> path, Object seg) {
        List<Object> p = new ArrayList<>(path.size() + 1);
        p.addAll(path);
        p.add(seg);
        return p;
    }
}
