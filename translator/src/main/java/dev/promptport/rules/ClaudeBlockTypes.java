package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.tree.Part;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The content block types Claude's Messages API takes (those of Anthropic's SDK, beta ones
 * included). A block of any other type, a client's own bookkeeping say, is refused by Claude
 * with a 400 and read by no other vendor, so it is left out for every target and named.
 */
final class ClaudeBlockTypes {

    private static final Set<String> KNOWN = Set.of("text", "image", "document", "search_result", "thinking",
            "redacted_thinking", "tool_use", "tool_result", "server_tool_use", "web_search_tool_result",
            "web_fetch_tool_result", "advisor_tool_result", "code_execution_tool_result",
            "bash_code_execution_tool_result", "text_editor_code_execution_tool_result", "tool_search_tool_result",
            "tool_reference", "mcp_tool_use", "mcp_tool_result", "mcp_tool_listing", "container_upload", "compaction",
            "tool_addition", "tool_removal", "fallback", "mid_conv_system");

    /** The fields whose strings are prose a person or the model wrote, wherever they sit in a block. */
    private static final Set<String> PROSE = Set.of("text", "content", "thinking", "summary");

    private ClaudeBlockTypes() {
    }

    /** Whether Claude takes a block of {@code type}. */
    static boolean known(String type) {
        return KNOWN.contains(type);
    }

    /** The prose a block holds, in order, joined by line breaks; empty when it holds none. */
    static String prose(Part.Opaque o) {
        JsonNode block = RawTrees.parse(o.raw().json());
        if (block == null) {
            return "";
        }
        List<String> found = new ArrayList<>(2);
        collect(block, false, found);
        return String.join("\n", found);
    }

    private static void collect(JsonNode node, boolean prose, List<String> into) {
        if (node.isTextual()) {
            if (prose && !node.asText().isBlank()) {
                into.add(node.asText());
            }
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, prose, into));
        } else if (node.isObject()) {
            for (var it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                collect(field.getValue(), PROSE.contains(field.getKey()), into);
            }
        }
    }
}
