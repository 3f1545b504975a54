package dev.promptport.fuzz;

import dev.promptport.Translation;
import dev.promptport.spec.ClaudeSdk;
import dev.promptport.spec.OpenAiSpec;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * The fuzz campaign's check of a translated request against its target's own rules: Claude's
 * SDK for Claude, OpenAI's published spec for OpenAI Chat and Responses. Thread-safe.
 */
final class TargetChecks {

    private final Optional<OpenAiSpec> openAiSpec = OpenAiSpec.load();
    private final LongAdder specChecked = new LongAdder();

    /** The request as translated passes the target's own check: Claude's SDK, or OpenAI's published spec. */
    FuzzCampaign.Verdict accepts(FuzzCampaign.Input in, Translation t) {
        return in.target().startsWith("anthropic:") ? claudeAccepts(in, t) : openAiAccepts(in, t);
    }

    /**
     * A request translated for OpenAI's Chat Completions or Responses API must pass OpenAI's
     * published spec ({@link OpenAiSpec}, its errors and the rules its descriptions state), whatever
     * the input was: promptport reads leniently, so what it writes is its own. Skipped when the
     * spec is absent (a plain clone).
     */
    private FuzzCampaign.Verdict openAiAccepts(FuzzCampaign.Input in, Translation t) {
        boolean chat = in.target().startsWith("openai:");
        if (openAiSpec.isEmpty() || t.json() == null || !chat && !in.target().startsWith("openai-responses:")) {
            return FuzzCampaign.Verdict.OK;
        }
        specChecked.increment();
        return openAiVerdict(openAiSpec.get(), chat, t.json());
    }

    /** {@code json}, a request for OpenAI's Chat Completions API ({@code chat}) or its Responses API, against the spec. */
    static FuzzCampaign.Verdict openAiVerdict(OpenAiSpec spec, boolean chat, String json) {
        List<String> problems = chat ? spec.validateChatRequest(json) : spec.validateResponsesRequest(json);
        if (problems.isEmpty()) {
            return FuzzCampaign.Verdict.OK;
        }
        String first = problems.get(0);
        return FuzzVerdicts.failed("openai-spec/" + (chat ? "chat" : "responses") + "/" + first.replaceAll("[0-9]+", "N"),
                "request OpenAI's spec rejects", first, FuzzCampaign.quote(String.join("\n", problems), 300));
    }

    /**
     * A request that Anthropic's own SDK ({@link ClaudeSdk}) accepts must still pass it once
     * translated for Claude. One it rejects is passed on as faithfully as it came, so it is not
     * held to the SDK.
     */
    private static FuzzCampaign.Verdict claudeAccepts(FuzzCampaign.Input in, Translation t) {
        if (!in.target().startsWith("anthropic:") || t.json() == null || ClaudeSdk.problem(in.text()) != null) {
            return FuzzCampaign.Verdict.OK;
        }
        String problem = ClaudeSdk.problem(t.json());
        if (problem == null) {
            return FuzzCampaign.Verdict.OK;
        }
        String first = problem.split("\n", 2)[0];
        return FuzzVerdicts.failed("claude-sdk/" + first.replaceAll("[0-9]+", "N"), "request Claude's SDK rejects",
                first, FuzzCampaign.quote(problem, 300));
    }

    /** The summary's line on the spec check: how many requests it checked, or that it could not run. */
    String summary() {
        return openAiSpec.isPresent()
                ? String.format(Locale.ROOT, "requests checked against OpenAI's spec: %d%n", specChecked.sum())
                : "OpenAI's spec not present: requests for OpenAI targets not checked against it\n";
    }
}
