package dev.promptport.rules;

import dev.promptport.ModelFacts;
import dev.promptport.write.ChatDialect;

import java.util.Set;

/**
 * What a reasoning model does with a sampling, penalty or log-probability setting, for PP117:
 * OpenAI's refuse the request, while DeepSeek's reasoner takes some of them and does nothing
 * with them, so a reader should not be told that the request would have failed.
 */
final class ReasoningRefusal {

    /**
     * api-docs.deepseek.com, reasoning model guide: these "will not trigger an error but will also
     * have no effect"; logprobs and top_logprobs do trigger one.
     */
    private static final Set<String> DEEPSEEK_IGNORES = Set.of("temperature", "top_p", "presence_penalty",
            "frequency_penalty");

    private ReasoningRefusal() {
    }

    /** A clause naming the target and what it does with {@code setting} (OpenAI's name for it). */
    static String why(String setting, ModelFacts facts, ChatDialect dialect, String target) {
        if (facts.wire().equals("openai-chat") && dialect == ChatDialect.DEEPSEEK && DEEPSEEK_IGNORES.contains(setting)) {
            return target + " is a reasoning model that accepts this setting but does nothing with it";
        }
        return target + " is a reasoning model and refuses this setting (the request would fail with it)";
    }
}
