package dev.promptport.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The JavaScript gateways' 30 bench requests, as JSON text, in file-name order. */
final class PeerInputs {

    private PeerInputs() {
    }

    /** From {@code -Dpromptport.peers.input}, else {@code ../shared/peers/bench-input}. */
    static List<String> load() throws IOException {
        Path dir = Path.of(System.getProperty("promptport.peers.input", "../shared/peers/bench-input"));
        List<String> requests;
        try (Stream<Path> files = Files.list(dir)) {
            requests = files.filter(f -> f.toString().endsWith(".json")).sorted().map(PeerInputs::read).toList();
        }
        if (requests.size() != 30) {
            throw new IllegalStateException("expected the peers' 30 bench requests in " + dir + ", found " + requests.size());
        }
        return requests;
    }

    /**
     * {@code count} copies of {@code request}, each with its own last question: a marker that
     * no other copy has is added to the text of its last user message (as a text block when
     * that message holds none). An application's requests share their system prompt, tools and
     * earlier turns, and differ in what the user asks now.
     */
    static List<String> withNewQuestions(String request, int count) {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>(count);
        try {
            for (int n = 0; n < count; n++) {
                ObjectNode root = (ObjectNode) json.readTree(request);
                ArrayNode messages = (ArrayNode) root.get("messages");
                ObjectNode last = null;
                for (JsonNode m : messages) {
                    if ("user".equals(m.path("role").asText())) {
                        last = (ObjectNode) m;
                    }
                }
                String marker = " (question " + n + ", asked at " + (1_000_003L * n) % 86_400 + " s)";
                if (last.get("content").isTextual()) {
                    last.put("content", last.get("content").asText() + marker);
                } else {
                    ArrayNode blocks = (ArrayNode) last.get("content");
                    ObjectNode text = null;
                    for (JsonNode b : blocks) {
                        if ("text".equals(b.path("type").asText())) {
                            text = (ObjectNode) b;
                        }
                    }
                    if (text != null) {
                        text.put("text", text.get("text").asText() + marker);
                    } else {
                        blocks.addObject().put("type", "text").put("text", marker.strip());
                    }
                }
                out.add(json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
