package dev.promptport.rules;

import dev.promptport.tree.Extra;

import java.util.Map;
import java.util.Set;

/**
 * Settings of OpenAI's and Gemini's own requests that the vendor-neutral tree has no place for
 * but the target has too: sent on as they came, under the name the target spells them. A
 * request translated for its own vendor keeps its seed, penalties and log-probabilities, and
 * OpenAI's and Gemini's shared sampling settings cross between the two.
 *
 * <p>A carried setting goes to the writer as an {@link Extra} named as the target's field;
 * one that belongs in Gemini's {@code generationConfig} is named {@code generationConfig/<field>}
 * ({@link Extra#GENERATION_CONFIG}), one that belongs in its {@code toolConfig}
 * {@code toolConfig/<field>} ({@link Extra#TOOL_CONFIG}).
 */
final class CarriedSettings {

    /** OpenAI's request fields (Chat Completions, and those the Responses API shares) kept for OpenAI targets. */
    private static final Set<String> CHAT = Set.of("seed", "presence_penalty", "frequency_penalty", "logit_bias",
            "logprobs", "top_logprobs", "n", "prediction", "modalities", "audio", "store", "metadata",
            "prompt_cache_key", "verbosity", "service_tier");
    /**
     * The Responses API's; not {@code store} and {@code include}, which its writer sets itself
     * (nothing stored at OpenAI, encrypted reasoning asked for instead).
     */
    private static final Set<String> RESPONSES = Set.of("top_logprobs", "metadata", "prompt_cache_key", "service_tier",
            "truncation", "background", "max_tool_calls", "previous_response_id", "conversation", "prompt");

    /** OpenAI Chat field → Gemini {@code generationConfig} field, for the settings both have. */
    private static final Map<String, String> CHAT_TO_GEMINI = Map.of("seed", "seed", "presence_penalty", "presencePenalty",
            "frequency_penalty", "frequencyPenalty", "logprobs", "responseLogprobs", "top_logprobs", "logprobs",
            "n", "candidateCount");
    /** Gemini {@code generationConfig} field, in snake case → OpenAI Chat field. */
    private static final Map<String, String> GEMINI_TO_CHAT = Map.of("seed", "seed", "presence_penalty", "presence_penalty",
            "frequency_penalty", "frequency_penalty", "response_logprobs", "logprobs", "logprobs", "top_logprobs",
            "candidate_count", "n");

    private CarriedSettings() {
    }

    /**
     * {@code e} as the target's own setting, or {@code null} when the target has no such setting
     * (then {@link ForeignSettings} names the loss).
     */
    static Extra carry(Extra e, String targetWire) {
        String pointer = e.loc().pointer();
        if (pointer == null || pointer.length() < 2) {
            return null;
        }
        String[] parts = pointer.substring(1).split("/", -1);
        if (parts.length == 2 && targetWire.equals("gemini") && ForeignSettings.snake(parts[0]).equals("tool_config")
                && ForeignSettings.snake(parts[1]).equals("retrieval_config")) {
            // Gemini's user location and language for its searches: back inside toolConfig
            return new Extra(Extra.TOOL_CONFIG + "retrievalConfig", e.value(), e.loc());
        }
        boolean generation = parts.length == 2 && (parts[0].equals("generationConfig") || parts[0].equals("generation_config"));
        if (!generation && parts.length != 1) {
            return null;
        }
        String field = generation ? parts[1] : parts[0];
        String snake = ForeignSettings.snake(field);
        String name = switch (targetWire) {
            case "openai-chat" -> generation ? GEMINI_TO_CHAT.get(snake) : CHAT.contains(field) ? field : null;
            case "openai-responses" -> !generation && RESPONSES.contains(field) ? field : null;
            case "gemini" -> generation ? Extra.GENERATION_CONFIG + field
                    : CHAT_TO_GEMINI.containsKey(field) ? Extra.GENERATION_CONFIG + CHAT_TO_GEMINI.get(field)
                    : geminiTopLevel(snake) ? field : null;
            default -> null;
        };
        return name == null ? null : new Extra(name, e.value(), e.loc());
    }

    /** Gemini's own top-level request settings that its requests carry beside the contents. */
    private static boolean geminiTopLevel(String snake) {
        return snake.equals("safety_settings") || snake.equals("labels") || snake.equals("cached_content");
    }
}
