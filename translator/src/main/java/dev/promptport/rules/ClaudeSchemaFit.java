package dev.promptport.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptport.tree.RawJson;
import dev.promptport.tree.TextMemo;

import java.util.List;

/**
 * A schema made ready for Claude's structured outputs: rewritten as Anthropic's SDKs rewrite
 * one ({@link ClaudeSchemaRewrite}), or, where no rewrite helps, why Claude cannot take it
 * ({@link ClaudeSchemaRefs}).
 *
 * @param schema the schema to send; the input itself when nothing was rewritten or it cannot be sent
 * @param rewrites what was rewritten, each with where it was first done
 * @param problem why Claude refuses the schema even so, or {@code null} when it takes it
 */
record ClaudeSchemaFit(RawJson schema, List<String> rewrites, String problem) {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The memo key of a schema's fit. */
    private static final Object FIT = new Object();

    ClaudeSchemaFit {
        rewrites = List.copyOf(rewrites);
    }

    boolean fits() {
        return problem == null;
    }

    /** As {@link #of(RawJson)}, remembered by {@code memo} (when not null): traffic repeats its schemas. */
    static ClaudeSchemaFit of(RawJson schema, TextMemo memo) {
        return memo == null ? of(schema) : memo.get(schema.json(), FIT, () -> of(schema));
    }

    static ClaudeSchemaFit of(RawJson schema) {
        JsonNode root;
        try {
            root = MAPPER.readTree(schema.json());
        } catch (JsonProcessingException e) {
            return new ClaudeSchemaFit(schema, List.of(), "a schema that is not JSON");
        }
        String problem = ClaudeSchemaRefs.problem(root);
        if (problem != null) {
            // sent another way, the schema goes as it was written
            return new ClaudeSchemaFit(schema, List.of(), problem);
        }
        ClaudeSchemaRewrite.Result r = ClaudeSchemaRewrite.of(root);
        if (r.changes().isEmpty()) {
            return new ClaudeSchemaFit(schema, List.of(), null);
        }
        return new ClaudeSchemaFit(new RawJson(r.schema().toString()), r.changes(), null);
    }
}
