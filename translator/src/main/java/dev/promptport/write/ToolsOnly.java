package dev.promptport.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;

/**
 * The tools of a written request, for a file of tool definitions: the file has no
 * conversation, so of the request only the part a person pastes into their own is wanted.
 */
final class ToolsOnly {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ToolsOnly() {
    }

    static String of(String requestJson, boolean pretty) {
        try {
            JsonNode request = JSON.readTree(requestJson);
            ObjectNode out = JSON.createObjectNode();
            out.set("tools", request.has("tools") ? request.get("tools") : JSON.createArrayNode());
            return pretty ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out) : JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            // the writers only write valid JSON
            throw new UncheckedIOException(e);
        }
    }
}
