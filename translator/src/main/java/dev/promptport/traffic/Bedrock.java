package dev.promptport.traffic;

import java.util.Locale;

/**
 * Amazon Bedrock's model invocation logs (CloudWatch Logs, or JSON lines in S3) keep each call's
 * request body under {@code input.inputBodyJson}, with the call ({@code operation}) and the model
 * ({@code modelId}) beside it. An InvokeModel call to Claude sends an Anthropic Messages body
 * (with {@code anthropic_version} and no {@code model}); a Converse call to Claude sends Bedrock's
 * own format, which is written as the Messages request it stands for ({@link BedrockConverse});
 * both are audited. Calls to other models are in those models' own formats, and skipped.
 */
final class Bedrock {

    private Bedrock() {
    }

    /**
     * The wire of the body {@code request} that the log line {@code log} holds: Anthropic's for a
     * Claude call, or the reason the line is skipped.
     */
    static UrlKind wire(LineSniffer.Shape log, LineSniffer.Shape request) {
        // an inference profile's or a provisioned model's ARN may not name the model; its body then does
        if (!claude(log.modelId) && !request.anthropicVersion) {
            return UrlKind.BEDROCK_OTHER_MODEL;
        }
        // Claude 2's Text Completions: "\n\nHuman: … \n\nAssistant:" in one prompt string
        return request.promptString && !request.messages ? UrlKind.LEGACY_COMPLETIONS : UrlKind.ANTHROPIC;
    }

    /** A Converse call, whose body is Bedrock's own format ({@link BedrockConverse}). */
    static boolean converse(LineSniffer.Shape log) {
        return log.operation != null && log.operation.startsWith("Converse");
    }

    /** How a message names what said the line holds a Claude request. */
    static String source(LineSniffer.Shape log) {
        return log.modelId != null ? "the Bedrock modelId " + LineSniffer.quote(log.modelId) : "a Bedrock invocation log";
    }

    /** Bedrock's ids for Claude: anthropic.claude-…, us.anthropic.claude-… and ARNs that hold them. */
    private static boolean claude(String modelId) {
        if (modelId == null) {
            return false;
        }
        String id = modelId.toLowerCase(Locale.ROOT);
        return id.contains("anthropic.") || id.contains("claude");
    }
}
