package dev.promptport.rules;

import dev.promptport.tree.Extra;
import dev.promptport.write.ChatDialect;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Settings of OpenAI's and Gemini's own requests that the vendor-neutral tree has no place for,
 * each named with what its loss means on a target that has no such setting. A target on the
 * setting's own wire does take it; there the loss is promptport's, and the setting stays "not
 * understood" (PP115). An OpenAI-compatible endpoint on the Chat wire takes only the OpenAI
 * settings its dialect lists ({@link ChatDialect#takesSetting}); the rest are named as for any
 * other target.
 */
final class ForeignSettings {

    private static final Set<String> CHAT = Set.of("openai-chat");
    private static final Set<String> RESPONSES = Set.of("openai-responses");
    private static final Set<String> OPENAI = Set.of("openai-chat", "openai-responses");
    private static final Set<String> GEMINI = Set.of("gemini");
    private static final Set<String> CHAT_GEMINI = Set.of("openai-chat", "gemini");
    /** Lost for every target, Gemini's own among them: promptport's Gemini writer does not send it either. */
    private static final Set<String> NONE = Set.of();

    /** What a target without the setting loses; {@code %s} is the target. */
    private record Meaning(Set<String> wires, String rule, String loss) {
    }

    /** By the setting's name in snake case, as OpenAI spells it and Gemini's REST API also takes it. */
    private static final Map<String, Meaning> MEANINGS = Map.ofEntries(
            Map.entry("n", new Meaning(CHAT, "PP174", null)),
            Map.entry("candidate_count", new Meaning(GEMINI, "PP174", null)),
            Map.entry("seed", new Meaning(CHAT_GEMINI, "PP173", "%s takes no seed, so replies are not reproducible from run to run")),
            Map.entry("presence_penalty", new Meaning(CHAT_GEMINI, "PP173",
                    "%s has no repetition penalty; if the model repeats itself, say so in the prompt")),
            Map.entry("frequency_penalty", new Meaning(CHAT_GEMINI, "PP173",
                    "%s has no repetition penalty; if the model repeats itself, say so in the prompt")),
            Map.entry("logit_bias", new Meaning(CHAT, "PP173", "%s cannot raise or lower the odds of single tokens")),
            Map.entry("logprobs", new Meaning(CHAT_GEMINI, "PP173", "%s returns no token log-probabilities")),
            Map.entry("top_logprobs", new Meaning(OPENAI, "PP173", "%s returns no token log-probabilities")),
            Map.entry("response_logprobs", new Meaning(GEMINI, "PP173", "%s returns no token log-probabilities")),
            Map.entry("prediction", new Meaning(CHAT, "PP173",
                    "%s takes no predicted output, so the whole reply is generated, which can take longer")),
            Map.entry("modalities", new Meaning(CHAT, "PP173", "%s replies in text only")),
            Map.entry("response_modalities", new Meaning(GEMINI, "PP173", "%s replies in text only")),
            Map.entry("audio", new Meaning(CHAT, "PP173", "%s replies in text only")),
            Map.entry("speech_config", new Meaning(GEMINI, "PP173", "%s replies in text only")),
            Map.entry("store", new Meaning(OPENAI, "PP173",
                    "%s keeps no copy of the exchange for later retrieval, evaluation or distillation")),
            Map.entry("metadata", new Meaning(OPENAI, "PP173", "%s keeps no tags on stored exchanges")),
            Map.entry("prompt_cache_key", new Meaning(OPENAI, "PP173", "%s caches prompts its own way and takes no cache key")),
            Map.entry("prompt_cache_retention", new Meaning(OPENAI, "PP173",
                    "%s caches prompts its own way and keeps them for its own time")),
            Map.entry("prompt_cache_options", new Meaning(OPENAI, "PP173",
                    "%s caches prompts its own way and takes no prompt-cache options")),
            Map.entry("moderation", new Meaning(OPENAI, "PP173",
                    "%s runs no OpenAI moderation on the input and the reply; if you rely on it, moderate them yourself")),
            // only some models of OpenAI's take it (targets.yaml: takes), so any target may lack it
            Map.entry("verbosity", new Meaning(Set.of(), "PP173",
                    "%s has no verbosity setting; ask for the length you want in the prompt")),
            Map.entry("service_tier", new Meaning(OPENAI, "PP173", "%s has no processing tier of that name")),
            Map.entry("safety_settings", new Meaning(GEMINI, "PP173",
                    "%s applies its own safety filtering, which Gemini's thresholds do not change")),
            Map.entry("retrieval_config", new Meaning(GEMINI, "PP173", "%s has no place for the coordinates and language"
                    + " Google Search and Maps answer for (Claude's and OpenAI's web search take an approximate location"
                    + " as a city, region, country and time zone, which the request does not give)")),
            Map.entry("labels", new Meaning(GEMINI, "PP173", "%s takes no labels, so the request's cost is not broken down by them")),
            // the Responses API takes it, with the entries its writer asks for itself (CarriedSettings)
            Map.entry("include", new Meaning(Set.of(), "PP173", "%s returns none of the extra output the Responses API adds on request")),
            Map.entry("truncation", new Meaning(RESPONSES, "PP173",
                    "%s does not drop old turns to fit its context window; a request that is too long fails instead")),
            Map.entry("background", new Meaning(RESPONSES, "PP173", "%s answers while the request stays open and has no background mode")),
            Map.entry("max_tool_calls", new Meaning(RESPONSES, "PP173", "%s does not cap the number of hosted tool calls")),
            Map.entry("previous_response_id", new Meaning(RESPONSES, "PP175", "the earlier turns of the conversation")),
            Map.entry("conversation", new Meaning(RESPONSES, "PP175", "the earlier turns of the conversation")),
            Map.entry("prompt", new Meaning(RESPONSES, "PP175", "the stored prompt, with its instructions")),
            Map.entry("cached_content", new Meaning(GEMINI, "PP175", "the cached content, part of the prompt")),
            // no target keeps it: promptport writes Gemini's tool choice from the auto it was read as
            Map.entry("function_calling_config.mode", new Meaning(Set.of(), "PP173",
                    "%s gets auto, so the model may answer in text or call a function, but nothing holds its calls"
                            + " to the functions' schemas; check the arguments it sends")),
            Map.entry("message.name", new Meaning(CHAT, "PP173",
                    "%s has no names for who speaks; if the model must tell people apart, say who speaks in the text")),
            // Gemini's hosted tools promptport does not read; for PP119 the meaning is what the tool is
            Map.entry("tools.google_maps", new Meaning(GEMINI, "PP119", "Gemini's Google Maps grounding")),
            Map.entry("tools.computer_use", new Meaning(GEMINI, "PP119", "Gemini's computer use")),
            Map.entry("tools.mcp_servers", new Meaning(GEMINI, "PP119", "remote MCP servers Gemini calls itself")),
            Map.entry("tools.retrieval", new Meaning(GEMINI, "PP119", "Vertex AI retrieval from a data store")),
            Map.entry("tools.enterprise_web_search", new Meaning(GEMINI, "PP119", "Vertex AI's enterprise web search")),
            Map.entry("tools.parallel_ai_search", new Meaning(GEMINI, "PP119", "Vertex AI's Parallel web search")),
            Map.entry("tools.exa_ai_search", new Meaning(GEMINI, "PP119", "Vertex AI's Exa web search")),
            Map.entry("tools.file_search", new Meaning(GEMINI, "PP175", "documents in a File Search store")),
            Map.entry("tool_config.retrieval_config", new Meaning(GEMINI, "PP173",
                    "%s has no setting that gives search or maps grounding the user's location and language")),
            // what a function returns, and Live API scheduling: the translated declaration has its parameters only
            Map.entry("function_declarations.response", new Meaning(NONE, "PP173",
                    "the function declaration sent to %s describes the function's parameters, not what it returns")),
            Map.entry("function_declarations.response_json_schema", new Meaning(NONE, "PP173",
                    "the function declaration sent to %s describes the function's parameters, not what it returns")),
            Map.entry("function_declarations.behavior", new Meaning(NONE, "PP173",
                    "only Gemini's Live API runs a function without blocking; for %s every call waits for its result")),
            // fields of a streamed or Live API exchange: a request's history holds each call and result whole
            Map.entry("function_call.will_continue", new Meaning(NONE, "PP173",
                    "it marks a call whose arguments were still streaming; %s gets the call whole")),
            Map.entry("function_call.partial_args", new Meaning(NONE, "PP173",
                    "they are the call's arguments as they streamed; %s gets them whole, in the call's arguments")),
            Map.entry("function_response.will_continue", new Meaning(NONE, "PP173",
                    "it tells Gemini's Live API that more results of the call follow; %s reads each result as it stands")),
            Map.entry("function_response.scheduling", new Meaning(NONE, "PP173",
                    "it tells Gemini's Live API when to speak about a result; %s reads the result where it is in the conversation")),
            Map.entry("parts.media_resolution", new Meaning(NONE, "PP173",
                    "it sets the resolution Gemini reads this file at; %s gets the file without it, at its default resolution")),
            Map.entry("parts.part_metadata", new Meaning(NONE, "PP173",
                    "it is the caller's own note on the part, which the model does not read; %s gets the part without it")),
            Map.entry("system_instruction.part", new Meaning(NONE, "PP121", "")));

    /** Values that ask for nothing beyond what every target does anyway, by setting. */
    private static final Map<String, Set<String>> NOTHING_ASKED = Map.ofEntries(
            Map.entry("n", Set.of("1")), Map.entry("candidate_count", Set.of("1")),
            Map.entry("store", Set.of("false")), Map.entry("logprobs", Set.of("false")),
            Map.entry("response_logprobs", Set.of("false")), Map.entry("background", Set.of("false")),
            Map.entry("modalities", Set.of("[\"text\"]")), Map.entry("response_modalities", Set.of("[\"text\"]", "[\"TEXT\"]")),
            Map.entry("service_tier", Set.of("\"auto\"", "\"default\"")), Map.entry("truncation", Set.of("\"disabled\"")),
            Map.entry("include", Set.of("[]")), Map.entry("metadata", Set.of("{}")),
            Map.entry("function_declarations.behavior", Set.of("\"BLOCKING\"", "\"UNSPECIFIED\"")),
            Map.entry("function_call.will_continue", Set.of("false")),
            Map.entry("function_response.will_continue", Set.of("false")), Map.entry("parts.part_metadata", Set.of("{}")));

    private ForeignSettings() {
    }

    /** Reports {@code e} when it is a setting of another vendor the target lacks; false when it is not one. */
    static boolean report(Extra e, StepContext ctx) {
        String pointer = e.loc().pointer();
        if (pointer == null) {
            return false;
        }
        String name = settingName(pointer);
        Meaning m = name == null ? null : MEANINGS.get(name);
        if (m == null) {
            return false;
        }
        String value = e.value().json().strip();
        if (value.equals("null") || NOTHING_ASKED.getOrDefault(name, Set.of()).contains(value)) {
            // n: 1, store: false, modalities: ["text"]: the target does that anyway
            return true;
        }
        String wire = ctx.target().facts().wire();
        if (m.wires().contains(wire) && !(wire.equals("openai-chat") && refusedByEndpoint(name, ctx))) {
            return false;
        }
        String shown = Snippets.oneLine(FitOptions.dotted(pointer));
        switch (m.rule()) {
            case "PP119" -> ctx.sink().report("PP119", e.loc(), shown, m.loss(), ctx.targetName());
            case "PP121" -> ctx.sink().report("PP121", e.loc(), "The system instruction's "
                    + GeminiNestedFields.systemPart(e.name(), value) + " (" + shown + ") was left out: promptport carries only"
                    + " the text of a system instruction, so " + ctx.targetName() + " does not get it. Put it in the first"
                    + " user message instead.");
            case "PP174" -> ctx.sink().report("PP174", e.loc(), shown, FitOptions.textOf(value), ctx.targetName());
            case "PP175" -> ctx.sink().report("PP175", e.loc(), shown, Snippets.oneLine(FitOptions.textOf(value)),
                    ctx.targetName(), m.loss());
            default -> ctx.sink().report("PP173", e.loc(), shown,
                    Snippets.abbreviate(Snippets.oneLine(FitOptions.textOf(value)), 200), m.loss().formatted(ctx.targetName()));
        }
        return true;
    }

    /**
     * Whether {@code name} is one of OpenAI's own Chat settings that the target's OpenAI-compatible
     * endpoint does not document ({@link ChatDialect#takesSetting}), so it was left out.
     */
    private static boolean refusedByEndpoint(String name, StepContext ctx) {
        return ChatDialect.OPENAI.takesSetting(name) && !ctx.chatDialect().takesSetting(name);
    }

    /**
     * The setting's name in snake case when {@code pointer} is a top-level field or one of
     * Gemini's generation settings ({@code /generationConfig/presencePenalty} →
     * {@code presence_penalty}); {@code null} for anything deeper.
     */
    private static String settingName(String pointer) {
        String[] parts = pointer.substring(1).split("/", -1);
        if (parts.length == 2 && (parts[0].equals("generationConfig") || parts[0].equals("generation_config"))) {
            return snake(parts[1]);
        }
        // the Responses API's verbosity, inside its text settings
        if (parts.length == 2 && parts[0].equals("text") && parts[1].equals("verbosity")) {
            return "verbosity";
        }
        // Gemini's VALIDATED function-calling mode, the only one the tree has no place for
        if (parts.length == 3 && snake(parts[0]).equals("tool_config") && snake(parts[1]).equals("function_calling_config")
                && parts[2].equals("mode")) {
            return "function_calling_config.mode";
        }
        if (parts.length == 2 && snake(parts[0]).equals("tool_config") && snake(parts[1]).equals("retrieval_config")) {
            return "retrieval_config";
        }
        // a chat message's speaker name, in a request or in a prompt kept as a list of messages
        if (parts[parts.length - 1].equals("name") && (parts.length == 3 && parts[0].equals("messages")
                || parts.length == 2 && !parts[0].isEmpty() && parts[0].chars().allMatch(Character::isDigit))) {
            return "message.name";
        }
        return parts.length == 1 ? snake(parts[0]) : GeminiNestedFields.name(parts);
    }

    static String snake(String name) {
        StringBuilder b = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                b.append('_').append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
