package dev.promptport.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns networknt's flat error set into the leaves a person wants to read, the way validate.py's
 * {@code expand()} does for python-jsonschema's error tree.
 *
 * <p>networknt reports a failed {@code anyOf} as the union of every branch's errors; each error's
 * evaluation path ({@code …/anyOf/2/$ref/properties/role/enum}) tells which branch it came from. The
 * errors are regrouped by (anyOf keyword, instance) and for each group: branches that fail only because
 * they are the wrong variant (type mismatch at the union's instance, wrong/missing {@code type}/{@code role}
 * discriminator) are discarded; of the rest the branch with the fewest errors is reported, recursively;
 * when no branch is left, one "not an allowed 'role'" / "required discriminator" / "matches no allowed
 * variant" message is reported at the union's instance.
 */
final class ErrorExpander {

    static final List<String> DISCRIMINATORS = List.of("type", "role");

    private static final Set<String> NAME_ARG = Set.of("properties", "patternProperties", "dependentSchemas",
            "$defs", "definitions");
    private static final Set<String> INDEX_ARG = Set.of("allOf", "anyOf", "oneOf", "prefixItems");
    /** keywords whose subschema applies to a child of the instance. */
    private static final Set<String> MOVES = Set.of("properties", "patternProperties", "additionalProperties",
            "items", "prefixItems", "contains", "unevaluatedProperties", "unevaluatedItems", "additionalItems");
    private static final Set<String> SHOW_VALUE = Set.of("maximum", "minimum", "exclusiveMaximum",
            "exclusiveMinimum", "maxLength", "minLength", "pattern", "multipleOf", "type", "format");

    record Finding(List<Object> path, String message) {
        String render() {
            return JsonPaths.jpath(path) + ": " + message;
        }
    }

    /** One networknt message with its evaluation path split into keyword tokens. */
    private static final class Err {
        final ValidationMessage msg;
        final List<String> kw = new ArrayList<>();
        final List<Object> arg = new ArrayList<>();
        /** movesBefore[k] = number of instance-moving tokens among tokens[0..k). */
        final int[] movesBefore;
        final List<Object> instance;

        Err(ValidationMessage msg) {
            this.msg = msg;
            JsonNodePath p = msg.getEvaluationPath();
            int n = p.getNameCount();
            for (int i = 0; i < n; ) {
                String k = String.valueOf(p.getElement(i));
                if ((NAME_ARG.contains(k) || INDEX_ARG.contains(k)) && i + 1 < n) {
                    kw.add(k);
                    arg.add(p.getElement(i + 1));
                    i += 2;
                } else {
                    kw.add(k);
                    arg.add(null);
                    i += 1;
                }
            }
            movesBefore = new int[kw.size() + 1];
            for (int t = 0; t < kw.size(); t++) {
                boolean last = t == kw.size() - 1;
                movesBefore[t + 1] = movesBefore[t] + (!last && MOVES.contains(kw.get(t)) ? 1 : 0);
            }
            instance = JsonPaths.elements(msg.getInstanceLocation());
        }

        String keyword() {
            return kw.isEmpty() ? msg.getType() : kw.get(kw.size() - 1);
        }

        int totalMoves() {
            return movesBefore[kw.size()];
        }

        /** instance location of the schema at token index {@code t}. */
        List<Object> instanceAt(int t) {
            int drop = totalMoves() - movesBefore[Math.min(t, kw.size())];
            int end = Math.max(0, instance.size() - drop);
            return instance.subList(0, end);
        }

        /** instance path of this error relative to the schema at token index {@code t}. */
        List<Object> relFrom(int t) {
            return instance.subList(instanceAt(t).size(), instance.size());
        }

        int firstUnion(int from) {
            for (int t = from; t < kw.size() - 1; t++) {
                if (kw.get(t).equals("anyOf") || kw.get(t).equals("oneOf")) {
                    return t;
                }
            }
            return -1;
        }
    }

    /** A failed union: errors grouped by branch index. */
    private static final class Group {
        final int token;
        final List<Object> instance;
        final Map<Integer, List<Err>> branches = new TreeMap<>();

        Group(int token, List<Object> instance) {
            this.token = token;
            this.instance = instance;
        }
    }

    private final SchemaTarget target;
    private final JsonNode body;

    ErrorExpander(SchemaTarget target, JsonNode body) {
        this.target = target;
        this.body = body;
    }

    List<Finding> expand(Collection<ValidationMessage> messages) {
        List<Err> errs = new ArrayList<>();
        for (ValidationMessage m : messages) {
            errs.add(new Err(m));
        }
        return expand(errs, 0);
    }

    /** top-level items of a list of errors below token {@code from}: leaves (Err) and unions (Group). */
    private static List<Object> items(List<Err> errs, int from) {
        Map<String, Object> out = new LinkedHashMap<>();
        int leaf = 0;
        for (Err e : errs) {
            int u = e.firstUnion(from);
            if (u < 0) {
                out.put("leaf#" + leaf++, e);
                continue;
            }
            List<Object> inst = e.instanceAt(u);
            StringBuilder key = new StringBuilder("union#");
            for (int t = 0; t < u; t++) {
                key.append('/').append(e.kw.get(t)).append('/').append(e.arg.get(t));
            }
            key.append('/').append(e.kw.get(u)); // not the branch index: all branches form one group
            key.append('@').append(inst);
            Group g = (Group) out.computeIfAbsent(key.toString(), k -> new Group(u, inst));
            Object branch = e.arg.get(u);
            int b = branch instanceof Integer ? (Integer) branch : -1;
            g.branches.computeIfAbsent(b, k -> new ArrayList<>()).add(e);
        }
        return new ArrayList<>(out.values());
    }

    private List<Finding> expand(List<Err> errs, int from) {
        List<Finding> out = new ArrayList<>();
        for (Object item : items(errs, from)) {
            if (item instanceof Err e) {
                out.add(leaf(e));
            } else {
                out.addAll(expandUnion((Group) item));
            }
        }
        return out;
    }

    private List<Finding> expandUnion(Group g) {
        List<Err> best = null;
        int bestSize = Integer.MAX_VALUE;
        for (List<Err> branch : g.branches.values()) {
            if (mismatch(branch, g.token + 1)) {
                continue;
            }
            int size = items(branch, g.token + 1).size();
            if (size < bestSize) {
                best = branch;
                bestSize = size;
            }
        }
        if (best != null) {
            return expand(best, g.token + 1);
        }
        // every branch is the wrong variant: name the discriminator
        Map<String, Set<String>> allowed = discriminatorValues(g);
        JsonNode inst = JsonPaths.at(body, g.instance);
        for (Map.Entry<String, Set<String>> d : allowed.entrySet()) {
            String key = d.getKey();
            if (inst.isObject() && inst.has(key)) {
                List<Object> p = new ArrayList<>(g.instance);
                p.add(key);
                return List.of(new Finding(p, JsonPaths.shortJson(inst.get(key)) + " is not an allowed '" + key
                        + "' here; allowed: " + String.join(", ", new TreeSet<>(d.getValue()))));
            }
            if (inst.isObject() && !d.getValue().isEmpty()) {
                return List.of(new Finding(g.instance, "required discriminator '" + key + "' is missing; one of: "
                        + String.join(", ", new TreeSet<>(d.getValue()))));
            }
        }
        Set<String> types = new TreeSet<>();
        for (List<Err> branch : g.branches.values()) {
            for (Err e : branch) {
                if (e.firstUnion(g.token + 1) < 0 && e.keyword().equals("type") && e.msg.getSchemaNode() != null) {
                    JsonNode t = e.msg.getSchemaNode();
                    types.add(t.isTextual() ? t.asText() : t.toString());
                }
            }
        }
        String msg = JsonPaths.shortJson(inst) + " matches no allowed variant";
        if (!types.isEmpty()) {
            msg += " (expected one of types: " + String.join(", ", types) + ")";
        }
        return List.of(new Finding(g.instance, msg));
    }

    /** True when a union branch fails only because it is the wrong variant (validate.py {@code _branch_mismatch}). */
    private boolean mismatch(List<Err> branch, int from) {
        for (Object item : items(branch, from)) {
            if (item instanceof Err e) {
                List<Object> rel = e.relFrom(from);
                String k = e.keyword();
                if (k.equals("type") && rel.isEmpty()) {
                    return true;
                }
                if ((k.equals("const") || k.equals("enum")) && rel.size() == 1
                        && DISCRIMINATORS.contains(String.valueOf(rel.get(0)))) {
                    return true;
                }
                if (k.equals("required") && rel.isEmpty() && DISCRIMINATORS.contains(e.msg.getProperty())) {
                    return true;
                }
            } else {
                Group g = (Group) item;
                Err any = g.branches.values().iterator().next().get(0);
                boolean sameInstance = any.movesBefore[g.token] == any.movesBefore[Math.min(from, any.kw.size())];
                if (sameInstance && g.branches.values().stream().allMatch(b -> mismatch(b, g.token + 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private Map<String, Set<String>> discriminatorValues(Group g) {
        Map<String, Set<String>> vals = new LinkedHashMap<>();
        for (List<Err> branch : g.branches.values()) {
            for (Object item : items(branch, g.token + 1)) {
                if (!(item instanceof Err e)) {
                    continue;
                }
                List<Object> rel = e.relFrom(g.token + 1);
                String k = e.keyword();
                if ((k.equals("const") || k.equals("enum")) && rel.size() == 1
                        && DISCRIMINATORS.contains(String.valueOf(rel.get(0)))) {
                    addValues(vals.computeIfAbsent(String.valueOf(rel.get(0)), x -> new LinkedHashSet<>()),
                            e.msg.getSchemaNode());
                }
                if (k.equals("required") && rel.isEmpty() && DISCRIMINATORS.contains(e.msg.getProperty())) {
                    String d = e.msg.getProperty();
                    Set<String> set = vals.computeIfAbsent(d, x -> new LinkedHashSet<>());
                    JsonNodePath loc = e.msg.getSchemaLocation().getFragment();
                    JsonNode parent = loc == null || loc.getParent() == null ? null : target.nodeAt(loc.getParent());
                    if (parent != null && parent.path("properties").has(d)) {
                        SchemaTarget.SchemaPos ps = target.resolve(new SchemaTarget.SchemaPos(
                                parent.get("properties").get(d), SchemaTarget.root()));
                        addValues(set, ps.node.has("enum") ? ps.node.get("enum") : ps.node.get("const"));
                    }
                }
            }
        }
        return vals;
    }

    private static void addValues(Set<String> set, JsonNode v) {
        if (v == null) {
            return;
        }
        if (v.isArray()) {
            v.forEach(x -> {
                if (!x.isNull()) {
                    set.add(x.isTextual() ? x.asText() : x.toString());
                }
            });
        } else if (!v.isNull()) {
            set.add(v.isTextual() ? v.asText() : v.toString());
        }
    }

    private Finding leaf(Err e) {
        ValidationMessage m = e.msg;
        String k = e.keyword();
        JsonNode inst = m.getInstanceNode();
        switch (k) {
            case "additionalProperties": {
                if (m.getProperty() != null) {
                    List<Object> p = new ArrayList<>(e.instance);
                    p.add(m.getProperty());
                    return new Finding(p, "unknown field (schema has additionalProperties: false)");
                }
                break;
            }
            case "required":
                return new Finding(e.instance, "'" + m.getProperty() + "' is a required property");
            case "enum":
                return new Finding(e.instance, JsonPaths.shortJson(inst) + " is not one of "
                        + JsonPaths.shortJson(m.getSchemaNode(), 400));
            case "const":
                return new Finding(e.instance, JsonPaths.shortJson(inst) + " is not the constant "
                        + JsonPaths.shortJson(m.getSchemaNode()));
            default:
                break;
        }
        String text = m.getError();
        if (SHOW_VALUE.contains(k) && inst != null && !inst.isContainerNode()) {
            text += " (got " + JsonPaths.shortJson(inst) + ")";
        }
        return new Finding(e.instance, text);
    }
}
