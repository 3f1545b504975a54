package dev.promptport.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptport.tree.RawJson;
import dev.promptport.tree.TextMemo;

import java.util.List;

/**
 * A schema made ready for OpenAI's strict mode: rewritten where that keeps its meaning
 * ({@link StrictRewrite}), and what still keeps it out ({@link StrictSchema}).
 *
 * @param schema the schema to send in strict mode; the input itself when nothing was rewritten
 * @param rewrites what was rewritten, each with where it was first done
 * @param problems why strict mode cannot take the schema even so; empty when it can
 */
record StrictFit(RawJson schema, List<String> rewrites, List<String> problems) {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The memo key of a schema's fit. */
    private static final Object FIT = new Object();

    StrictFit {
        rewrites = List.copyOf(rewrites);
        problems = List.copyOf(problems);
    }

    boolean strict() {
        return problems.isEmpty();
    }

    /** As {@link #of(RawJson)}, remembered by {@code memo} (when not null): traffic repeats its schemas. */
    static StrictFit of(RawJson schema, TextMemo memo) {
        return memo == null ? of(schema) : memo.get(schema.json(), FIT, () -> of(schema));
    }

    static StrictFit of(RawJson schema) {
        JsonNode root;
        try {
            root = MAPPER.readTree(schema.json());
        } catch (JsonProcessingException e) {
            return new StrictFit(schema, List.of(), List.of("a schema that is not JSON"));
        }
        StrictRewrite.Result r = StrictRewrite.of(root);
        List<String> problems = StrictSchema.problems(r.schema());
        if (!problems.isEmpty() || r.changes().isEmpty()) {
            // sent without strict mode, the schema goes as it was written
            return new StrictFit(schema, List.of(), problems);
        }
        return new StrictFit(new RawJson(r.schema().toString()), r.changes(), problems);
    }
}
