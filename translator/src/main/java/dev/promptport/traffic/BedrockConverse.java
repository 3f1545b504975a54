package dev.promptport.traffic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * A Bedrock Converse request to Claude, as Bedrock's invocation log keeps it, written as the
 * Anthropic Messages request it stands for, so a Converse call is audited as Claude got it.
 * Converse holds the same things in other shapes: a block is an object with one key naming its
 * kind ({@code {"text": …}}, {@code {"toolUse": {…}}}), a cache point is a block of its own after
 * what it caches, the sampling settings sit in {@code inferenceConfig} and Claude's own settings
 * (thinking, {@code top_k}) in {@code additionalModelRequestFields}.
 *
 * <p>Nothing is dropped without a word: a block of a kind not read here makes the line bad,
 * naming it, and top-level fields with no Messages counterpart (a guardrail, prompt variables)
 * are kept as they are, so the audit names them as settings no target takes. Only
 * {@code requestMetadata}, the caller's tags for the log, is left out.
 */
final class BedrockConverse {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BedrockConverse() {
    }

    static String toAnthropic(String converse) throws LineSniffer.BadLineException {
        JsonNode in;
        try {
            in = JSON.readTree(converse);
        } catch (JsonProcessingException e) {
            // the sniffer has read it as JSON already
            throw new LineSniffer.BadLineException("the Converse request is not JSON: " + e.getOriginalMessage());
        }
        ObjectNode out = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode v = field.getValue();
            switch (field.getKey()) {
                case "messages" -> out.set("messages", messages(v));
                case "system" -> out.set("system", blocks(v, "system"));
                case "inferenceConfig" -> inference(v, out);
                case "toolConfig" -> tools(v, out);
                // Claude's own request fields, as Bedrock passes them on
                case "additionalModelRequestFields" -> {
                    if (v.isObject()) {
                        v.fields().forEachRemaining(f -> out.set(f.getKey(), f.getValue()));
                    } else {
                        out.set(field.getKey(), v);
                    }
                }
                case "requestMetadata", "modelId" -> {
                    // tags for the log, and the model the envelope names
                }
                default -> out.set(field.getKey(), v);
            }
        }
        return out.toString();
    }

    private static ArrayNode messages(JsonNode messages) throws LineSniffer.BadLineException {
        if (!messages.isArray()) {
            throw new LineSniffer.BadLineException("the Converse request's \"messages\" is not a list");
        }
        ArrayNode out = NODES.arrayNode();
        int i = 0;
        for (JsonNode m : messages) {
            if (!m.isObject()) {
                throw new LineSniffer.BadLineException("message " + i + " of the Converse request is not an object");
            }
            ObjectNode message = NODES.objectNode();
            message.set("role", at(m, "role"));
            message.set("content", blocks(m.path("content"), "message " + i));
            out.add(message);
            i++;
        }
        return out;
    }

    /** A list of Converse blocks as Anthropic blocks, a cache point marking the block before it. */
    private static ArrayNode blocks(JsonNode blocks, String where) throws LineSniffer.BadLineException {
        if (!blocks.isArray()) {
            throw new LineSniffer.BadLineException("the content of " + where + " of the Converse request is not a list");
        }
        ArrayNode out = NODES.arrayNode();
        for (JsonNode b : blocks) {
            String kind = kind(b, where);
            JsonNode v = b.get(kind);
            if (kind.equals("cachePoint")) {
                if (!out.isEmpty() && out.get(out.size() - 1) instanceof ObjectNode before) {
                    before.set("cache_control", NODES.objectNode().put("type", "ephemeral"));
                }
                continue;
            }
            out.add(block(kind, v, where));
        }
        return out;
    }

    private static String kind(JsonNode block, String where) throws LineSniffer.BadLineException {
        if (!block.isObject() || block.size() != 1) {
            throw new LineSniffer.BadLineException("a block in " + where + " of the Converse request is not an object of one key");
        }
        return block.fieldNames().next();
    }

    private static ObjectNode block(String kind, JsonNode v, String where) throws LineSniffer.BadLineException {
        ObjectNode out = NODES.objectNode();
        switch (kind) {
            case "text" -> out.put("type", "text").set("text", v);
            // text a guardrail checks: it reaches the model as text
            case "guardContent" -> out.put("type", "text").set("text", at(v.path("text"), "text"));
            case "image" -> {
                out.put("type", "image");
                out.set("source", source(v, "image/" + v.path("format").asText("png"), where));
            }
            case "document" -> {
                out.put("type", "document");
                JsonNode text = v.path("source").path("text");
                JsonNode parts = v.path("source").path("content");
                if (text.isTextual()) {
                    out.set("source", NODES.objectNode().put("type", "text").put("media_type", "text/plain").set("data", text));
                } else if (parts.isArray()) {
                    // a document given as text blocks, which Claude's content source takes as they are
                    ArrayNode blocks = NODES.arrayNode();
                    for (JsonNode part : parts) {
                        String partKind = kind(part, "a document in " + where);
                        blocks.add(block(partKind, part.get(partKind), "a document in " + where));
                    }
                    out.set("source", NODES.objectNode().put("type", "content").set("content", blocks));
                } else {
                    out.set("source", source(v, documentType(v.path("format").asText("")), where));
                }
                if (v.hasNonNull("name")) {
                    out.set("title", v.get("name"));
                }
                if (v.hasNonNull("context")) {
                    out.set("context", v.get("context"));
                }
                if (v.path("citations").path("enabled").asBoolean(false)) {
                    out.set("citations", NODES.objectNode().put("enabled", true));
                }
            }
            case "toolUse" -> {
                out.put("type", "tool_use");
                out.set("id", at(v, "toolUseId"));
                out.set("name", at(v, "name"));
                out.set("input", at(v, "input"));
            }
            case "toolResult" -> {
                out.put("type", "tool_result");
                out.set("tool_use_id", at(v, "toolUseId"));
                ArrayNode content = NODES.arrayNode();
                for (JsonNode part : v.path("content")) {
                    String partKind = kind(part, "a tool result in " + where);
                    if (partKind.equals("json")) {
                        // Claude reads a result as text; Converse's JSON result is that text
                        content.add(NODES.objectNode().put("type", "text").put("text", part.get("json").toString()));
                    } else {
                        content.add(block(partKind, part.get(partKind), "a tool result in " + where));
                    }
                }
                out.set("content", content);
                if ("error".equals(v.path("status").asText())) {
                    out.put("is_error", true);
                }
            }
            case "reasoningContent" -> {
                JsonNode reasoning = v.path("reasoningText");
                if (v.has("redactedContent")) {
                    out.put("type", "redacted_thinking").set("data", v.get("redactedContent"));
                } else {
                    out.put("type", "thinking");
                    out.set("thinking", at(reasoning, "text"));
                    if (reasoning.has("signature")) {
                        out.set("signature", reasoning.get("signature"));
                    }
                }
            }
            default -> throw new LineSniffer.BadLineException("a Converse \"" + kind + "\" block in " + where
                    + ", which promptport does not read");
        }
        return out;
    }

    /** The field, or null where it is missing, which the request reader then refuses by its place. */
    private static JsonNode at(JsonNode v, String name) {
        JsonNode n = v.get(name);
        return n == null ? NODES.nullNode() : n;
    }

    /** A file's bytes (base64 in the log) or its place in S3, which stands for it in the audit. */
    private static ObjectNode source(JsonNode file, String mediaType, String where) throws LineSniffer.BadLineException {
        JsonNode source = file.path("source");
        if (source.has("bytes")) {
            return NODES.objectNode().put("type", "base64").put("media_type", mediaType).set("data", source.get("bytes"));
        }
        if (source.path("s3Location").has("uri")) {
            return NODES.objectNode().put("type", "url").set("url", source.get("s3Location").get("uri"));
        }
        throw new LineSniffer.BadLineException("a file in " + where + " of the Converse request with neither bytes nor an S3 location");
    }

    private static String documentType(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "pdf" -> "application/pdf";
            case "txt" -> "text/plain";
            case "md" -> "text/markdown";
            case "html" -> "text/html";
            case "csv" -> "text/csv";
            case "doc" -> "application/msword";
            case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case "xls" -> "application/vnd.ms-excel";
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            default -> "application/octet-stream";
        };
    }

    private static void inference(JsonNode config, ObjectNode out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            String name = switch (f.getKey()) {
                case "maxTokens" -> "max_tokens";
                case "topP" -> "top_p";
                case "stopSequences" -> "stop_sequences";
                default -> f.getKey();
            };
            out.set(name, f.getValue());
        }
    }

    private static void tools(JsonNode config, ObjectNode out) throws LineSniffer.BadLineException {
        if (config.has("tools")) {
            ArrayNode tools = NODES.arrayNode();
            for (JsonNode t : config.get("tools")) {
                String kind = kind(t, "the Converse request's tools");
                if (kind.equals("cachePoint")) {
                    if (!tools.isEmpty() && tools.get(tools.size() - 1) instanceof ObjectNode before) {
                        before.set("cache_control", NODES.objectNode().put("type", "ephemeral"));
                    }
                    continue;
                }
                if (!kind.equals("toolSpec")) {
                    throw new LineSniffer.BadLineException("a Converse \"" + kind + "\" tool, which promptport does not read");
                }
                JsonNode spec = t.get(kind);
                ObjectNode tool = NODES.objectNode();
                tool.set("name", at(spec, "name"));
                if (spec.has("description")) {
                    tool.set("description", spec.get("description"));
                }
                tool.set("input_schema", at(spec.path("inputSchema"), "json"));
                tools.add(tool);
            }
            out.set("tools", tools);
        }
        JsonNode choice = config.path("toolChoice");
        if (choice.isObject() && choice.size() == 1) {
            String kind = choice.fieldNames().next();
            ObjectNode c = NODES.objectNode().put("type", kind);
            if (kind.equals("tool")) {
                c.set("name", at(choice.get(kind), "name"));
            }
            out.set("tool_choice", c);
        }
    }
}
