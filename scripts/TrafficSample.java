import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a synthetic traffic log for trying and measuring {@code promptport audit --jsonl}:
 * the corpus's Anthropic requests, one per line, half of them wrapped the way gateways log
 * them ({"request": …}), each made unique by its line number, and one line in a hundred broken.
 *
 * <pre>java scripts/TrafficSample.java 200000 corpus &gt; /tmp/traffic.jsonl</pre>
 */
public class TrafficSample {

    public static void main(String[] args) throws IOException {
        int lines = Integer.parseInt(args[0]);
        Path corpus = Path.of(args.length > 1 ? args[1] : "corpus");
        List<String> requests;
        try (Stream<Path> cases = Files.list(corpus)) {
            requests = cases.map(c -> c.resolve("input.json")).filter(Files::isRegularFile).sorted()
                    .map(TrafficSample::oneLine).filter(r -> r.contains("\"messages\"")).toList();
        }
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
            for (int i = 1; i <= lines; i++) {
                String r = requests.get(i % requests.size());
                // a unique id per line, so nothing downstream can cache its way through the log
                r = "{\"metadata\":{\"user_id\":\"u" + i + "\"}," + r.substring(r.indexOf('{') + 1);
                if (i % 100 == 0) {
                    out.write(r.substring(0, r.length() / 2));
                } else if (i % 2 == 0) {
                    out.write("{\"ts\":\"2026-11-01T00:00:00Z\",\"request\":" + r + "}");
                } else {
                    out.write(r);
                }
                out.write('\n');
            }
        }
    }

    /** Pretty JSON has line breaks only between tokens, never inside strings, so dropping them is safe. */
    private static String oneLine(Path file) {
        try {
            return Files.readString(file).replaceAll("\n\\s*", "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
