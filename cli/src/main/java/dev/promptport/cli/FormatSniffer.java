package dev.promptport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptport.InputFormat;
import dev.promptport.read.ToolFileReader;

import java.util.Set;

/**
 * Tells the request format of a JSON file from its shape, so audits of mixed traffic need no
 * flags: {@code contents} is Gemini; {@code input} is OpenAI Responses; developer, tool or
 * function roles, system roles in a request without Claude's marks (a top-level {@code system},
 * a {@code claude-} model with {@code max_tokens}, Claude's block types, {@code input_schema} tools), {@code tool_calls}, {@code image_url} parts, {@code max_completion_tokens} or the
 * deprecated {@code functions} are OpenAI Chat; a list of tools, or
 * an object with a {@code tools} list and no conversation, is a file of tool definitions; the
 * rest is Anthropic. {@code --from} overrides it.
 */
final class FormatSniffer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FormatSniffer() {
    }

    /** Whether {@code text} is a JSON list of objects. */
    static boolean isJsonList(String text) {
        try {
            JsonNode root = JSON.readTree(text);
            return root != null && root.isArray() && root.size() > 0 && root.get(0).isObject();
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * What a JSON text holds, read once: its request format, and whether it could hold
     * something promptport reads at all (a request of any vendor, a list of chat messages, or
     * tool definitions). {@code mayHoldPrompt} is false only for valid JSON of another kind
     * ({@code package.json}, a JSON schema), which a folder walk passes over; text that is not
     * JSON counts as a possible prompt, so its reader names the syntax error.
     */
    record Sniffed(InputFormat format, boolean mayHoldPrompt) {
    }

    static Sniffed sniff(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (Exception e) {
            return new Sniffed(InputFormat.ANTHROPIC, true); // the reader reports the syntax error with its place
        }
        return new Sniffed(detect(root), mayHoldPrompt(root));
    }

    static InputFormat detect(String text) {
        return sniff(text).format();
    }

    private static boolean mayHoldPrompt(JsonNode root) {
        if (root == null || ToolFileReader.looksLikeToolFile(root)) {
            return true;
        }
        if (root.isArray()) {
            return root.size() > 0 && root.get(0).has("role");
        }
        return root.isObject() && (root.has("messages") || root.has("contents") || root.has("input")
                || root.has("functions"));
    }

    private static InputFormat detect(JsonNode root) {
        if (root == null) {
            return InputFormat.ANTHROPIC;
        }
        if (ToolFileReader.looksLikeToolFile(root)) {
            return InputFormat.TOOLS;
        }
        if (root.isArray() && root.size() > 0 && root.get(0).has("role")) {
            // a prompt kept as its list of chat messages
            return InputFormat.OPENAI_CHAT;
        }
        if (!root.isObject()) {
            return InputFormat.ANTHROPIC;
        }
        if (root.has("contents") && !root.has("messages")) {
            return InputFormat.GEMINI;
        }
        if (root.has("input") && !root.has("messages")) {
            return InputFormat.OPENAI_RESPONSES;
        }
        if (root.has("max_completion_tokens") || root.has("reasoning_effort") || root.has("response_format")
                || root.has("functions") || root.has("function_call")) {
            return InputFormat.OPENAI_CHAT;
        }
        // Claude takes system messages too; only in a request without Claude's own marks does one say OpenAI
        boolean systemMessage = false;
        boolean claudeMarks = root.has("system") || root.has("stop_sequences") || root.has("top_k")
                || root.has("thinking") || root.has("max_tokens") && root.path("model").asText().startsWith("claude");
        for (JsonNode m : root.path("messages")) {
            String role = m.path("role").asText();
            if (role.equals("developer") || role.equals("tool") || role.equals("function")
                    || m.has("tool_calls") || m.has("function_call")) {
                return InputFormat.OPENAI_CHAT;
            }
            systemMessage |= role.equals("system");
            for (JsonNode p : m.path("content")) {
                String type = p.path("type").asText();
                if (type.equals("image_url") || type.equals("input_audio") || type.equals("file")) {
                    return InputFormat.OPENAI_CHAT;
                }
                claudeMarks |= CLAUDE_BLOCKS.contains(type);
            }
        }
        for (JsonNode t : root.path("tools")) {
            String type = t.path("type").asText();
            if (t.has("function") && "function".equals(type) || t.has("custom") && "custom".equals(type)) {
                return InputFormat.OPENAI_CHAT;
            }
            claudeMarks |= t.has("input_schema");
        }
        return systemMessage && !claudeMarks ? InputFormat.OPENAI_CHAT : InputFormat.ANTHROPIC;
    }

    /** Content block types only Claude's Messages API has. */
    private static final Set<String> CLAUDE_BLOCKS = Set.of("image", "document", "tool_use", "tool_result",
            "thinking", "redacted_thinking", "search_result", "server_tool_use", "mid_conv_system");
}
