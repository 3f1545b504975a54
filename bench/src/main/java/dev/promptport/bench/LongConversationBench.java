package dev.promptport.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptport.InputFormat;
import dev.promptport.Options;
import dev.promptport.PromptPort;
import dev.promptport.Target;
import dev.promptport.failover.Failover;
import dev.promptport.Translation;
import dev.promptport.tree.TextMemo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An agent's long conversation failing over: the corpus's 30 KB system prompt, then turns that
 * read files (every corpus input, each returned as a tool result, about 400,000 characters in
 * all) and a new question in each request, as a coding agent re-sends its whole history with
 * every step. Such a request is longer than gpt-4o's context window in bytes, so the
 * context-window check must count its tokens. {@code memo=new-question}: a {@code TextMemo}
 * that has seen the earlier turns, as {@code Failover} keeps one; {@code memo=off}: every
 * request worked out in full.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LongConversationBench {

    @Param({"new-question", "off"})
    public String memo;

    @Param({"openai:gpt-4o"})
    public String target;

    private List<String> requests;
    private int next;
    private Target resolved;
    private Options options;

    @Setup
    public void load() throws IOException {
        resolved = Target.of(target);
        // as many texts as Failover remembers
        options = "off".equals(memo) ? Options.DEFAULT : Options.DEFAULT.withMemo(new TextMemo(Failover.MEMO_TEXTS));
        requests = conversation();
    }

    @Benchmark
    public Translation translate() {
        String json = requests.get(next);
        next = next + 1 == requests.size() ? 0 : next + 1;
        return PromptPort.translate(json, InputFormat.ANTHROPIC, resolved, options);
    }

    /** The conversation, ended by a new question in each request. */
    private static List<String> conversation() throws IOException {
        Path corpus = NewQuestions.corpus();
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("model", "claude-sonnet-4-5");
        root.put("max_tokens", 8192);
        root.put("system", Files.readString(corpus.resolve("41-large-system-prompt-30kb/input.md")));
        ArrayNode messages = root.putArray("messages");
        messages.addObject().put("role", "user").put("content", "Read every case of the test corpus and summarise it.");
        List<Path> inputs;
        try (Stream<Path> cases = Files.list(corpus)) {
            inputs = cases.sorted().map(c -> c.resolve("case.md")).filter(Files::isRegularFile).toList();
        }
        int call = 0;
        for (int round = 0; round < 40; round++) {
            for (Path input : inputs) {
                String id = "toolu_" + (call++);
                ObjectNode use = messages.addObject().put("role", "assistant").putArray("content").addObject();
                use.put("type", "tool_use").put("id", id).put("name", "read_file")
                        .putObject("input").put("path", corpus.relativize(input).toString() + "#" + round);
                ObjectNode result = messages.addObject().put("role", "user").putArray("content").addObject();
                result.put("type", "tool_result").put("tool_use_id", id)
                        .put("content", "Round " + round + " of " + input.getParent().getFileName() + ":\n"
                                + Files.readString(input));
            }
            if (json.writeValueAsString(root).length() > 400_000) {
                break;
            }
        }
        return NewQuestions.of(json, root, "Now fix the bug in step");
    }
}
