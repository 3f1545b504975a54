package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.tree.MediaSource;
import dev.promptport.tree.Part;

/**
 * Claude's {@code search_result} block (retrieved text with its source, for citations) as the
 * plain-text document it amounts to for a model that has no such block.
 */
final class SearchResults {

    static final String TYPE = "search_result";

    private SearchResults() {
    }

    /** The document, or {@code null} when the block holds anything but text. */
    static Part.Document asDocument(Part.Opaque block) {
        JsonNode n = RawTrees.parse(block.raw().json());
        if (n == null) {
            return null;
        }
        JsonNode content = n.path("content");
        StringBuilder text = new StringBuilder();
        if (content.isTextual()) {
            text.append(content.asText());
        } else {
            for (JsonNode b : content) {
                if (!"text".equals(b.path("type").asText()) || !b.path("text").isTextual()) {
                    return null;
                }
                text.append(text.length() == 0 ? "" : "\n\n").append(b.path("text").asText());
            }
        }
        String title = n.path("title").isTextual() ? n.path("title").asText() : null;
        String source = n.path("source").isTextual() ? n.path("source").asText() : null;
        boolean citations = n.path("citations").path("enabled").asBoolean(false);
        return new Part.Document(new MediaSource.PlainText("text/plain", text.toString()), title,
                source == null ? null : "source: " + source, citations, null, block.loc());
    }
}
