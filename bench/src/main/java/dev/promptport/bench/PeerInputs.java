package dev.promptport.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
