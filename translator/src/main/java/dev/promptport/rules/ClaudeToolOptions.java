package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.tree.Extra;
import dev.promptport.tree.Tool;

import java.util.ArrayList;
import java.util.List;

/**
 * Settings only Claude takes on a tool, fitted to a target that takes none of them: example
 * inputs move into the tool's description, where the model still reads them; every other
 * setting that changes what happens is named.
 */
final class ClaudeToolOptions {

    private ClaudeToolOptions() {
    }

    static Tool.Function fit(Tool.Function f, StepContext ctx) {
        String description = f.description();
        String target = ctx.targetName();
        for (Extra o : f.claudeOptions()) {
            String value = o.value().json().strip();
            switch (o.name()) {
                case "input_examples" -> {
                    List<String> examples = examples(value);
                    if (!examples.isEmpty()) {
                        description = withExamples(description, examples);
                        ctx.sink().report("PP166", o.loc(), f.name(), examples.size(), target);
                    }
                }
                case "defer_loading" -> {
                    // false is what every vendor does anyway: the definition goes with the request
                    if (!value.equals("false")) {
                        ctx.sink().report("PP167", o.loc(), f.name(), target);
                    }
                }
                case "allowed_callers" -> {
                    List<String> callers = callers(value);
                    if (!callers.equals(List.of("direct"))) {
                        ctx.sink().report("PP168", o.loc(), f.name(), Snippets.oneLine(String.join(", ", callers)), target);
                    }
                }
                default -> {
                    if (!value.equals("false")) {
                        ctx.sink().report("PP169", o.loc(), f.name(), target);
                    }
                }
            }
        }
        return f.withDescriptionOnly(description);
    }

    /** Each example input as one line of compact JSON; a value that is not a list is one example. */
    private static List<String> examples(String json) {
        JsonNode node = RawTrees.parse(json);
        List<String> out = new ArrayList<>();
        if (node == null) {
            out.add(json);
        } else if (node.isArray()) {
            node.forEach(n -> out.add(n.toString()));
        } else if (!node.isNull()) {
            out.add(node.toString());
        }
        return out;
    }

    private static String withExamples(String description, List<String> examples) {
        StringBuilder b = new StringBuilder();
        if (description != null && !description.isBlank()) {
            b.append(description.stripTrailing()).append("\n\n");
        }
        b.append(examples.size() == 1 ? "Example input:" : "Example inputs:");
        for (String e : examples) {
            b.append('\n').append(e);
        }
        return b.toString();
    }

    /** The callers as written: strings unquoted, anything else as its JSON. */
    private static List<String> callers(String json) {
        JsonNode node = RawTrees.parse(json);
        if (node == null || !node.isArray()) {
            return List.of(json);
        }
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.isTextual() ? n.asText() : n.toString()));
        return out;
    }
}
