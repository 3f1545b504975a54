package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Names the MCP servers of Claude's MCP connector ({@code mcp_servers}) for a finding. */
final class McpServers {

    private McpServers() {
    }

    /** {@code "crm" (https://mcp.crm.example.com/sse)}, one per server, joined; the JSON when it is not a list. */
    static String describe(String json) {
        JsonNode servers = RawTrees.parse(json);
        if (servers == null || !servers.isArray() || servers.isEmpty()) {
            return Snippets.oneLine(json);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode s : servers) {
            String name = s.path("name").asText("");
            String url = s.path("url").asText("");
            names.add(name.isEmpty() ? url : url.isEmpty() ? "\"" + name + "\"" : "\"" + name + "\" (" + url + ")");
        }
        return Snippets.oneLine(NameList.of(names));
    }
}
