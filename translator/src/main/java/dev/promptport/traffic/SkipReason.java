package dev.promptport.traffic;

/**
 * Why a line that is a known record, but holds no prompt to audit, is skipped. A fixed set, so
 * the counts an audit keeps of them stay as small as the set whatever the log.
 */
enum SkipReason {
    EMBEDDINGS("embeddings request: it holds text to embed, not a prompt"),
    LEGACY_COMPLETIONS("legacy completions request (one prompt string), a format promptport does not read"),
    NO_CHAT_PROMPT("request to an endpoint that takes no chat prompt (moderation, images, audio, video or rerank)"),
    ANTHROPIC_BATCH_RESULT("Message Batches result: it holds the reply, not the request (audit the batch's input file)"),
    OPENAI_BATCH_OUTPUT("OpenAI Batch output: it holds the reply, not the request (audit the batch's input file)"),
    GEMINI_BATCH_RESULT("Gemini batch result: it holds the reply, not the request (audit the batch's input file)"),
    LITELLM_NO_REQUEST("LiteLLM spend log without the request (the proxy keeps it only with store_prompts_in_spend_logs)"),
    BEDROCK_OTHER_MODEL("Bedrock call to a model other than Claude (or whose ARN does not say): its request is in that model's own format"),
    BEDROCK_BODY_IN_S3("Bedrock invocation log whose request body was stored apart in S3 (inputBodyS3Path, for large bodies)"),
    BEDROCK_BATCH_OUTPUT("Bedrock batch output: it holds the reply (audit the batch's input file)");

    private final String message;

    SkipReason(String message) {
        this.message = message;
    }

    String message() {
        return message;
    }
}
