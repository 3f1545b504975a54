package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.function.BiConsumer;

/**
 * Refuses a whole reply whose text or calls come in a shape of no known kind, at its JSON
 * pointer: read as it stands, what they say would be lost unseen. A part or an item of a kind
 * not known is not refused here; the feeds name it where they read it. Streams are not checked
 * (an event under way cannot be refused), and their feeds name such parts instead.
 */
final class ReplyShapes {

    private ReplyShapes() {
    }

    /** An OpenAI Chat reply's message: {@code content} text or parts, {@code tool_calls} a list. */
    static void chatMessage(JsonNode message) {
        String at = "/choices/0/message/content";
        JsonNode content = message.get("content");
        Json.expect(content, n -> n.isTextual() || n.isArray(), "the message's content as a string or a list of parts", at);
        parts(content, at, (part, p) -> { });
        Json.expect(message.get("tool_calls"), JsonNode::isArray, "the message's tool_calls as a list",
                "/choices/0/message/tool_calls");
    }

    /** A Responses reply's output items, their content (a string in the input's short form) and summary. */
    static void responsesOutput(JsonNode output) {
        BiConsumer<JsonNode, String> refusal = (part, p) ->
                Json.expect(part.get("refusal"), JsonNode::isTextual, "the refusal as a string", p + "/refusal");
        for (int i = 0; i < output.size(); i++) {
            JsonNode item = output.get(i);
            String at = "/output/" + i;
            Json.expect(item, JsonNode::isObject, "an output item as an object", at);
            if (item.isObject()) {
                // a message's content may be a string in the input's short form, as some servers echo it
                JsonNode content = item.get("content");
                Json.expect(content, n -> n.isArray() || n.isTextual() && !"reasoning".equals(Json.text(item, "type")),
                        "the item's content as a list of parts", at + "/content");
                parts(content, at + "/content", refusal);
                JsonNode summary = item.get("summary");
                Json.expect(summary, JsonNode::isArray, "the item's summary as a list of parts", at + "/summary");
                parts(summary, at + "/summary", refusal);
            }
        }
    }

    /** A Gemini reply's (or one streamed chunk's) candidates: {@code content} an object, its parts a list. */
    static void geminiCandidates(JsonNode candidates, String at) {
        if (candidates == null || !candidates.isArray()) {
            return;
        }
        for (int i = 0; i < candidates.size(); i++) {
            JsonNode cand = candidates.get(i);
            String here = at + "/candidates/" + i;
            Json.expect(cand, JsonNode::isObject, "a candidate as an object", here);
            JsonNode content = cand.get("content");
            Json.expect(content, JsonNode::isObject, "the candidate's content as an object", here + "/content");
            if (content == null || !content.isObject()) {
                continue;
            }
            JsonNode parts = content.get("parts");
            Json.expect(parts, JsonNode::isArray, "the content's parts as a list", here + "/content/parts");
            parts(parts, here + "/content/parts", (part, p) ->
                    Json.expect(part.get("functionCall"), JsonNode::isObject, "the function call as an object", p + "/functionCall"));
        }
    }

    /** Each part of a list an object whose {@code text}, if any, is a string; {@code more} checks the rest of a part. */
    private static void parts(JsonNode parts, String at, BiConsumer<JsonNode, String> more) {
        if (parts == null || !parts.isArray()) {
            return;
        }
        for (int j = 0; j < parts.size(); j++) {
            JsonNode part = parts.get(j);
            String p = at + "/" + j;
            Json.expect(part, JsonNode::isObject, "a part as an object", p);
            if (part.isObject()) {
                Json.expect(part.get("text"), JsonNode::isTextual, "the part's text as a string", p + "/text");
                more.accept(part, p);
            }
        }
    }
}
