package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptport.Finding;
import dev.promptport.InputFormat;
import dev.promptport.Options;
import dev.promptport.PromptPort;
import dev.promptport.Target;
import dev.promptport.Translation;
import dev.promptport.spec.ClaudeSdk;
import dev.promptport.spec.OpenAiSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Translates other projects' test requests and checks each result against the vendor's own API
 * description: Chat and Responses bodies at once with OpenAI's spec, Claude bodies with
 * Anthropic's SDK (it publishes no current OpenAPI description), Gemini bodies gathered and
 * checked in one run of the reference validator ({@link #validateGemini}), which loads the protos
 * once for all of them.
 */
final class PeerRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> geminiBodies = new LinkedHashMap<>();

    /** {@code request} translated for {@code target}, its body already checked against the target's spec. */
    Translation translate(String name, String request, String target) {
        return translate(name, request, InputFormat.ANTHROPIC, target);
    }

    /** {@code request}, written in {@code from}'s shape, translated and checked as {@link #translate(String, String, String)} does. */
    Translation translate(String name, String request, InputFormat from, String target) {
        Translation t = PromptPort.translate(request, from, Target.of(target), Options.DEFAULT);
        String wire = t.target().facts().wire();
        switch (wire) {
            case "openai-chat" -> assertThat(OpenAiSpec.require().validateChatRequest(t.json())).as(name + " " + t.json()).isEmpty();
            case "openai-responses" -> assertThat(OpenAiSpec.require().validateResponsesRequest(t.json()))
                    .as(name + " " + t.json()).isEmpty();
            case "gemini" -> geminiBodies.put(name + " -> " + target, t.json());
            case "anthropic" -> ClaudeSdk.assertValidRequest(t.json());
            default -> throw new IllegalArgumentException("no spec check for wire " + wire);
        }
        return t;
    }

    /** Every Gemini body {@link #translate} gathered is one Gemini's API description accepts. */
    void validateGemini() {
        if (geminiBodies.isEmpty()) {
            return;
        }
        GeminiValidate.require();
        GeminiValidate.Result r = GeminiValidate.strict(geminiBodies);
        assertThat(r.all()).as(r.output()).isEmpty();
    }

    static JsonNode json(Translation t) {
        try {
            return JSON.readTree(t.json());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> ids(Translation t) {
        return t.findings().stream().map(Finding::id).toList();
    }

    static Finding finding(Translation t, String id) {
        return t.findings().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }
}
