package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.promptport.ModelFacts;
import dev.promptport.tree.Extra;
import dev.promptport.tree.RawJson;
import dev.promptport.write.ChatDialect;

import java.util.List;
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
            "prompt_cache_key", "service_tier", "prompt_cache_retention", "prompt_cache_options", "moderation");
    /** The Responses API's; its {@code include} is merged with the entries its writer asks for itself. */
    private static final Set<String> RESPONSES = Set.of("top_logprobs", "metadata", "prompt_cache_key", "service_tier",
            "truncation", "background", "max_tool_calls", "previous_response_id", "conversation", "prompt", "store",
            "prompt_cache_retention", "prompt_cache_options", "moderation");
    /** The {@code include} entry that asks the Responses API for the log-probabilities of the reply's tokens. */
    static final String LOGPROBS_INCLUDE = "message.output_text.logprobs";

    /** The extra output a Responses request may ask for, as OpenAI's API description lists it. */
    private static final Set<String> RESPONSES_INCLUDES = Set.of("file_search_call.results", "web_search_call.results",
            "web_search_call.action.sources", "message.input_image.image_url", "computer_call_output.output.image_url",
            "code_interpreter_call.outputs", "reasoning.encrypted_content", LOGPROBS_INCLUDE);
    /** The carried name of the verbosity setting on the Responses API, inside its {@code text} object. */
    static final String TEXT_VERBOSITY = "text/verbosity";

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
     * (then {@link ForeignSettings} names the loss). On the Chat wire the endpoint's
     * {@code dialect} says which of OpenAI's settings it takes: several compatible endpoints
     * refuse a field they do not know.
     */
    static Extra carry(Extra e, ModelFacts facts, ChatDialect dialect) {
        String pointer = e.loc().pointer();
        if (pointer == null || pointer.length() < 2) {
            return null;
        }
        String targetWire = facts.wire();
        if (pointer.equals("/verbosity") || pointer.equals("/text/verbosity")) {
            // the gpt-5 family's: a top-level field on Chat Completions, inside text on the Responses API
            return !facts.takes("verbosity") ? null : switch (targetWire) {
                case "openai-chat" -> new Extra("verbosity", e.value(), e.loc());
                case "openai-responses" -> new Extra(TEXT_VERBOSITY, e.value(), e.loc());
                default -> null;
            };
        }
        if (pointer.equals("/logprobs") && targetWire.equals("openai-responses")) {
            // the Responses API returns log-probabilities when include asks for them
            return logprobsInclude(e);
        }
        if (pointer.equals("/store") && e.value().json().strip().equals("false")) {
            // both APIs' default (promptport's Responses requests say it themselves), and a field
            // OpenAI-compatible endpoints need not take
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
        if (generation && targetWire.equals("openai-responses")) {
            // Gemini's switch for log-probabilities is the Responses API's include entry, its count top_logprobs
            return switch (snake) {
                case "response_logprobs" -> logprobsInclude(e);
                case "logprobs" -> new Extra("top_logprobs", e.value(), e.loc());
                default -> null;
            };
        }
        String name = switch (targetWire) {
            case "openai-chat" -> chatField(generation ? GEMINI_TO_CHAT.get(snake) : CHAT.contains(field) ? field : null, dialect);
            case "openai-responses" -> !generation && RESPONSES.contains(field) ? field : null;
            case "gemini" -> generation ? Extra.GENERATION_CONFIG + field
                    : CHAT_TO_GEMINI.containsKey(field) ? Extra.GENERATION_CONFIG + CHAT_TO_GEMINI.get(field)
                    : geminiTopLevel(snake) ? field : null;
            default -> null;
        };
        return name == null ? null : new Extra(name, e.value(), e.loc());
    }

    /** A switch for log-probabilities ({@code e}, Chat's logprobs or Gemini's responseLogprobs) as the Responses API's include entry, when on. */
    private static Extra logprobsInclude(Extra e) {
        return e.value().json().strip().equals("true")
                ? new Extra("include", new RawJson("[\"" + LOGPROBS_INCLUDE + "\"]"), e.loc()) : null;
    }

    /**
     * The Responses API's {@code include} ({@code e}): its log-probabilities entry as the target's
     * own switch for them, added to {@code kept}; what is left for {@link ForeignSettings} to name,
     * or {@code null} when nothing is.
     */
    static Extra carryInclude(Extra e, String targetWire, ChatDialect dialect, List<Extra> kept) {
        JsonNode entries = RawTrees.parse(e.value().json());
        if (entries == null || !entries.isArray()) {
            return e;
        }
        if (targetWire.equals("openai-responses")) {
            // the entries the API documents go on; any other would have the request refused
            ArrayNode known = RawTrees.list();
            ArrayNode unknown = RawTrees.list();
            for (JsonNode entry : entries) {
                (entry.isTextual() && RESPONSES_INCLUDES.contains(entry.asText()) ? known : unknown).add(entry);
            }
            if (!known.isEmpty()) {
                kept.add(unknown.isEmpty() ? e : new Extra(e.name(), new RawJson(known.toString()), e.loc()));
            }
            return unknown.isEmpty() ? null : known.isEmpty() ? e : new Extra(e.name(), new RawJson(unknown.toString()), e.loc());
        }
        String logprobs = switch (targetWire) {
            case "openai-chat" -> chatField("logprobs", dialect);
            case "gemini" -> Extra.GENERATION_CONFIG + "responseLogprobs";
            default -> null;
        };
        ArrayNode rest = RawTrees.list();
        for (JsonNode entry : entries) {
            if (logprobs != null && LOGPROBS_INCLUDE.equals(entry.asText())) {
                kept.add(new Extra(logprobs, new RawJson("true"), e.loc()));
            } else {
                rest.add(entry);
            }
        }
        return rest.isEmpty() ? null : rest.size() == entries.size() ? e : new Extra(e.name(), new RawJson(rest.toString()), e.loc());
    }

    /**
     * Makes the carried log-probability settings a request the target's API accepts: Chat
     * Completions takes {@code top_logprobs} only beside {@code logprobs: true}, and Gemini its
     * {@code logprobs} count only beside {@code responseLogprobs: true}.
     */
    static void complete(List<Extra> kept, String targetWire) {
        String count = switch (targetWire) {
            case "openai-chat" -> "top_logprobs";
            case "gemini" -> Extra.GENERATION_CONFIG + "logprobs";
            default -> null;
        };
        if (count == null) {
            return;
        }
        String flag = targetWire.equals("gemini") ? Extra.GENERATION_CONFIG + "responseLogprobs" : "logprobs";
        Extra asked = null;
        for (Extra e : kept) {
            // a Gemini request may spell its fields in snake case
            String name = ForeignSettings.snake(e.name());
            if (name.equals(ForeignSettings.snake(flag))) {
                return;
            }
            if (name.equals(ForeignSettings.snake(count))) {
                asked = e;
            }
        }
        if (asked != null) {
            kept.add(new Extra(flag, new RawJson("true"), asked.loc()));
        }
    }

    /** The Chat endpoint's name for {@code field}, or {@code null} when it does not take it. */
    private static String chatField(String field, ChatDialect dialect) {
        return field == null ? null : dialect.settingField(field);
    }

    /** Gemini's own top-level request settings that its requests carry beside the contents. */
    private static boolean geminiTopLevel(String snake) {
        return snake.equals("safety_settings") || snake.equals("labels") || snake.equals("cached_content");
    }
}
