package dev.promptport.rules;

import dev.promptport.ModelFacts;
import dev.promptport.write.ChatDialect;

/**
 * Why a request's top_k cannot reach the target, for PP111. Most of the time the model samples
 * with top-k like any other; what lacks it is the API the request goes to, and a reader who
 * knows the model can be set to top-k on its own server should be told which.
 */
final class TopKAbsence {

    private TopKAbsence() {
    }

    /** A clause that names the target and what refuses or lacks top_k. */
    static String why(ModelFacts facts, ChatDialect dialect, String target) {
        String wire = facts.wire();
        if (wire.equals("openai-responses")) {
            return target + " is sent to OpenAI's Responses API, which has no top_k field";
        }
        if (!wire.equals("openai-chat") || dialect.topK()) {
            // the API has the field, so it is the model's own facts that refuse it
            return target + " refuses top_k";
        }
        return switch (dialect.vendor()) {
            case "openai" -> target + " is sent to OpenAI's Chat Completions API, which has no top_k field";
            case "azure" -> target + " is sent to Azure OpenAI's Chat Completions API, which has no top_k field";
            case "deepseek" -> target + " is sent to DeepSeek's Chat Completions API, which has no top_k field";
            case "mistral" -> target + " is sent to Mistral's chat completion API, which has no top_k field";
            case "groq" -> target + " is sent to Groq's Chat Completions API, which has no top_k field";
            // ollama/ollama openai/openai.go: ChatCompletionRequest has no top_k; api/types.go
            // Options.TopK and a Modelfile's PARAMETER top_k set it on the server's side
            case "ollama" -> target + " is sent to Ollama's OpenAI-compatible endpoint, which has no top_k field"
                    + " (Ollama's own /api/chat takes top_k among its options, and a Modelfile can set it)";
            default -> target + " is sent to an OpenAI-compatible server promptport has no facts for, and OpenAI's"
                    + " Chat Completions format, which such servers copy, has no top_k field";
        };
    }
}
