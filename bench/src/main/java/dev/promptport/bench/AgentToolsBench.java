package dev.promptport.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptport.InputFormat;
import dev.promptport.Options;
import dev.promptport.PromptPort;
import dev.promptport.Target;
import dev.promptport.Translation;
import dev.promptport.failover.Failover;
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
 * A coding agent failing over, as its tools make it: 15 tools whose descriptions say at length
 * how to use them (2 KB each, as a coding agent's do), and 20 files it wrote, each written in
 * full as a call's arguments (the corpus's case notes), all re-sent with every request, and a new
 * question in each. With a {@code TextMemo} that has seen them, as {@code Failover} keeps one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AgentToolsBench {

    @Param({"openai:gpt-4o", "gemini:gemini-2.5-pro"})
    public String target;

    private List<String> requests;
    private int next;
    private Target resolved;
    private Options options;

    @Setup
    public void load() throws IOException {
        resolved = Target.of(target);
        options = Options.DEFAULT.withMemo(new TextMemo(Failover.MEMO_TEXTS));
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
        root.put("system", "You are a coding agent working in the user's repository. Use the tools.");
        ArrayNode tools = root.putArray("tools");
        for (int i = 0; i < 15; i++) {
            ObjectNode tool = tools.addObject();
            tool.put("name", "tool_" + i);
            StringBuilder description = new StringBuilder("Tool " + i + " does one job in the repository.\n\nUsage:\n");
            for (int k = 0; description.length() < 2_000; k++) {
                description.append("- Rule ").append(k).append(": read the file before you change it, keep its \"style\", ")
                        .append("and never use this tool for work another tool does.\n");
            }
            tool.put("description", description.toString());
            ObjectNode schema = tool.putObject("input_schema").put("type", "object");
            ObjectNode properties = schema.putObject("properties");
            for (int k = 0; k < 6; k++) {
                properties.putObject("param_" + k).put("type", "string")
                        .put("description", "What parameter " + k + " of tool " + i + " names, as an absolute path or a pattern.");
            }
            schema.putArray("required").add("param_0");
        }
        List<Path> inputs;
        try (Stream<Path> cases = Files.list(corpus)) {
            inputs = cases.sorted().map(c -> c.resolve("case.md")).filter(Files::isRegularFile).limit(20).toList();
        }
        ArrayNode messages = root.putArray("messages");
        messages.addObject().put("role", "user").put("content", "Write out every case of the test corpus.");
        int call = 0;
        for (Path input : inputs) {
            String id = "toolu_" + (call++);
            ObjectNode use = messages.addObject().put("role", "assistant").putArray("content").addObject();
            use.put("type", "tool_use").put("id", id).put("name", "tool_1").putObject("input")
                    .put("param_0", "/repo/" + corpus.relativize(input)).put("param_1", Files.readString(input));
            ObjectNode result = messages.addObject().put("role", "user").putArray("content").addObject();
            result.put("type", "tool_result").put("tool_use_id", id).put("content", "The file was written.");
        }
        return NewQuestions.of(json, root, "Now run the tests for step");
    }
}
