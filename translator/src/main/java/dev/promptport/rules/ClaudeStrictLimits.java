package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.tree.Loc;
import dev.promptport.tree.OutputFormat;
import dev.promptport.tree.RawJson;
import dev.promptport.tree.TextMemo;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The complexity limits of Claude's structured outputs, which apply to all strict schemas of one
 * request together (platform.claude.com/docs/en/build-with-claude/structured-outputs, "Schema
 * complexity limits"): at most 20 tools with {@code strict: true}; at most 24 optional parameters
 * (each property not listed in {@code required}) across all strict tool schemas and the reply
 * schema; at most 16 parameters with union types ({@code anyOf} or a list of types). Claude
 * refuses a request over any of them.
 */
final class ClaudeStrictLimits {

    static final int MAX_STRICT_TOOLS = 20;
    static final int MAX_OPTIONAL = 24;
    static final int MAX_UNIONS = 16;

    /** The memo key of a schema's weight. */
    private static final Object WEIGHT = new Object();
    private static final String[] UNIONS = {"anyOf", "allOf", "oneOf"};
    private static final String[] DEFINITIONS = {"$defs", "definitions"};

    private ClaudeStrictLimits() {
    }

    /** What one schema adds toward the limits on optional and union-typed parameters. */
    record Weight(int optional, int unions) {

        static final Weight NONE = new Weight(0, 0);

        /** The limits this schema is over on its own, for people; {@code null} when it is within both. */
        String overAlone() {
            if (optional > MAX_OPTIONAL) {
                return String.format(Locale.ROOT, "%d optional parameters, more than the %d Claude's structured outputs"
                        + " take in one request", optional, MAX_OPTIONAL);
            }
            if (unions > MAX_UNIONS) {
                return String.format(Locale.ROOT, "%d parameters with union types (anyOf or a list of types), more than"
                        + " the %d Claude's structured outputs take in one request", unions, MAX_UNIONS);
            }
            return null;
        }
    }

    /**
     * What the reply schema adds, as {@link FitOutputFormat} will send it: nothing when it does not
     * go as structured output (JSON mode, a model without structured outputs, a schema Claude
     * cannot take or one over a limit on its own, which go into the system prompt instead).
     */
    static Weight reply(OutputFormat f, StepContext ctx) {
        if (f == null || f.jsonMode() || ctx.target().facts().rejectsParameter("structured_output")) {
            return Weight.NONE;
        }
        ClaudeSchemaFit fit = ClaudeSchemaFit.of(f.schema(), ctx.memo());
        if (!fit.fits()) {
            return Weight.NONE;
        }
        Weight w = weight(fit.schema(), ctx.memo());
        return w.overAlone() == null ? w : Weight.NONE;
    }

    /** The weight of a schema as sent, remembered by {@code memo} (when not null). */
    static Weight weight(RawJson schema, TextMemo memo) {
        return memo == null ? weight(schema) : memo.get(schema.json(), WEIGHT, () -> weight(schema));
    }

    static Weight weight(RawJson schema) {
        JsonNode root = RawTrees.parse(schema.json());
        if (root == null) {
            return Weight.NONE;
        }
        int[] counts = new int[2];
        count(root, true, counts);
        return new Weight(counts[0], counts[1]);
    }

    /** Counts the optional and the union-typed parameters of a schema node and all it holds. */
    private static void count(JsonNode n, boolean root, int[] counts) {
        if (!n.isObject()) {
            return;
        }
        if (!root && (n.path("anyOf").isArray() || n.path("type").isArray())) {
            counts[1]++;
        }
        JsonNode properties = n.get("properties");
        if (properties != null && properties.isObject()) {
            JsonNode required = n.path("required");
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                if (!listed(required, p.getKey())) {
                    counts[0]++;
                }
                count(p.getValue(), false, counts);
            }
        }
        JsonNode items = n.get("items");
        if (items != null) {
            if (items.isArray()) {
                items.forEach(i -> count(i, false, counts));
            } else {
                count(items, false, counts);
            }
        }
        JsonNode extra = n.get("additionalProperties");
        if (extra != null) {
            count(extra, false, counts);
        }
        for (String k : UNIONS) {
            JsonNode all = n.get(k);
            if (all != null && all.isArray()) {
                all.forEach(m -> count(m, false, counts));
            }
        }
        for (String k : DEFINITIONS) {
            JsonNode defs = n.get(k);
            if (defs != null && defs.isObject()) {
                defs.forEach(d -> count(d, false, counts));
            }
        }
    }

    private static boolean listed(JsonNode required, String name) {
        for (JsonNode r : required) {
            if (name.equals(r.asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The running total of one request's strict schemas: the reply schema first, then each strict
     * tool in order while it fits; a tool that would go over a limit is sent without strict mode.
     */
    static final class Budget {

        private int tools;
        private int optional;
        private int unions;
        /** The totals had every strict tool stayed strict, for the finding. */
        private int allTools;
        private int allOptional;
        private int allUnions;

        Budget(Weight reply) {
            optional = reply.optional();
            unions = reply.unions();
            allOptional = optional;
            allUnions = unions;
        }

        /** The tools sent without strict mode, and where the first is. */
        private final List<String> demoted = new ArrayList<>();
        private Loc first;

        /** Whether the strict tool {@code name} of this weight still fits; when it does, it is counted. */
        boolean admit(String name, Loc loc, Weight w) {
            allTools++;
            allOptional += w.optional();
            allUnions += w.unions();
            if (tools + 1 > MAX_STRICT_TOOLS || optional + w.optional() > MAX_OPTIONAL
                    || unions + w.unions() > MAX_UNIONS) {
                demoted.add(name);
                first = first == null ? loc : first;
                return false;
            }
            tools++;
            optional += w.optional();
            unions += w.unions();
            return true;
        }

        /** Names the tools sent without strict mode, if any. */
        void report(StepContext ctx) {
            if (!demoted.isEmpty()) {
                ctx.sink().report("PP205", first, ctx.targetName(), over(), demoted.size(), NameList.of(demoted));
            }
        }

        /** The limits the request would be over with every strict tool strict, for people. */
        private String over() {
            StringBuilder b = new StringBuilder();
            if (allTools > MAX_STRICT_TOOLS) {
                b.append(allTools).append(" strict tools (at most ").append(MAX_STRICT_TOOLS).append(')');
            }
            if (allOptional > MAX_OPTIONAL) {
                b.append(b.length() == 0 ? "" : ", ").append(allOptional).append(" optional parameters (at most ")
                        .append(MAX_OPTIONAL).append(')');
            }
            if (allUnions > MAX_UNIONS) {
                b.append(b.length() == 0 ? "" : ", ").append(allUnions)
                        .append(" parameters with union types, anyOf or a list of types (at most ").append(MAX_UNIONS)
                        .append(')');
            }
            return b.toString();
        }
    }
}
