package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reasoning an OpenAI-compatible gateway sends in a shape other than DeepSeek's plain string.
 * Envoy AI Gateway passes Claude's thinking (through Bedrock or Vertex) on as an object:
 * {@code reasoning_content: {"reasoningContent": {"reasoningText": {"text", "signature"},
 * "redactedContent"}}} in a whole reply (Bedrock's own block), and, up to its 1.0 release,
 * {@code {"text", "signature", "redactedContent"}} in a stream's delta. LiteLLM's convention,
 * which Envoy also follows, puts the text in {@code thinking_blocks} beside
 * {@code reasoning_content}; a server that sends the blocks alone leaves them the only place the
 * text is.
 */
final class ReasoningShapes {

    private ReasoningShapes() {
    }

    /** The readable text of a {@code reasoning_content} object, or {@code null} when it has none. */
    static String objectText(JsonNode value) {
        String text = Json.text(value, "text");
        if (text != null) {
            return text;
        }
        JsonNode block = value.get("reasoningContent");
        return Json.isObject(block) ? Json.text(block.get("reasoningText"), "text") : null;
    }

    /** Whether a {@code reasoning_content} object carries a signature or redacted reasoning, which Claude's shape cannot keep. */
    static boolean objectSigned(JsonNode value) {
        JsonNode block = value.get("reasoningContent");
        if (Json.isObject(block)) {
            value = block;
        }
        JsonNode text = value.get("reasoningText");
        return filled(value, "signature") || filled(value, "redactedContent") || Json.isObject(text) && filled(text, "signature");
    }

    /** The text of the {@code thinking} entries of LiteLLM's {@code thinking_blocks}, joined, or {@code null} for none. */
    static String thinkingBlocksText(JsonNode blocks) {
        if (blocks == null || !blocks.isArray()) {
            return null;
        }
        String one = null;
        StringBuilder more = null;
        for (JsonNode b : blocks) {
            String piece = "thinking".equals(Json.text(b, "type")) ? Json.text(b, "thinking") : null;
            if (piece == null || piece.isEmpty()) {
                continue;
            }
            if (one == null) {
                one = piece;
            } else {
                if (more == null) {
                    more = new StringBuilder(one);
                }
                more.append(piece);
            }
        }
        return more != null ? more.toString() : one;
    }

    private static boolean filled(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() && !v.textValue().isEmpty();
    }
}
