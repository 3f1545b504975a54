package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a {@code models:} entry of {@code .promptport.yaml} against the keys of
 * {@code rules/targets.yaml} and the values each takes, before it is read: read as it stands, a
 * misspelt key would be left out, {@code "big"} taken for 0 and a negative window kept, each
 * making the model's facts silently wrong.
 */
final class ModelEntries {

    private static final Set<String> WHOLE_NUMBERS = Set.of("context_window", "max_output", "stop_limit", "max_tools",
            "budget_min", "budget_max");
    private static final Set<String> FLAGS = Set.of("vision", "pdf", "tools", "parallel_tool_calls", "prefill");
    private static final Set<String> LISTS = Set.of("efforts", "rejects", "takes", "hosted_tools");
    private static final Set<String> TEXTS = Set.of("id", "like", "output_limit_field", "default_effort");
    /** The values the code reads these as; any other would be taken for one of them, or for none. */
    private static final Map<String, List<String>> CHOICES = Map.of(
            "wire", List.of("openai-chat", "openai-responses", "gemini", "anthropic"),
            "system_role", List.of("system", "developer", "user"),
            "reasoning", List.of("none", "effort", "budget", "always"),
            "structure", List.of("markdown", "xml"),
            "tokenizer", List.of("estimate", "o200k_base", "cl100k_base"));

    private ModelEntries() {
    }

    /** @throws dev.promptport.PromptPortException at the key or value that is wrong */
    static void check(YamlLocations yaml, String at, JsonNode model) {
        if (!model.isObject()) {
            throw yaml.error(at, "each model must be a mapping, e.g. {id: \"openai:my-model\", like: \"openai:gpt-4o\"}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = model.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            String here = at + "/" + key;
            if (!known(key)) {
                throw yaml.error(here, "unknown model key \"" + key + "\" (allowed: " + String.join(", ", allowed()) + ")");
            }
            if (v.isNull()) {
                continue; // written without a value: left as the model it is like has it
            }
            if (WHOLE_NUMBERS.contains(key) && !(v.canConvertToInt() && v.isIntegralNumber() && v.asInt() >= 0)) {
                throw yaml.error(here, key + " must be a whole number, 0 or more, not " + v);
            }
            if (FLAGS.contains(key) && !v.isBoolean()) {
                throw yaml.error(here, key + " must be true or false, not " + v);
            }
            if (TEXTS.contains(key) && !v.isTextual()) {
                throw yaml.error(here, key + " must be text, not " + v);
            }
            if (LISTS.contains(key) && !isListOfTexts(v)) {
                throw yaml.error(here, key + " must be a list of names, not " + v);
            }
            List<String> choices = CHOICES.get(key);
            if (choices != null && !(v.isTextual() && choices.contains(v.asText()))) {
                throw yaml.error(here, key + " must be one of " + String.join(", ", choices) + ", not " + v);
            }
        }
    }

    private static boolean known(String key) {
        return WHOLE_NUMBERS.contains(key) || FLAGS.contains(key) || LISTS.contains(key) || TEXTS.contains(key)
                || CHOICES.containsKey(key);
    }

    private static Set<String> allowed() {
        Set<String> all = new TreeSet<>(WHOLE_NUMBERS);
        all.addAll(FLAGS);
        all.addAll(LISTS);
        all.addAll(TEXTS);
        all.addAll(CHOICES.keySet());
        return all;
    }

    private static boolean isListOfTexts(JsonNode v) {
        if (!v.isArray()) {
            return false;
        }
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }
}
