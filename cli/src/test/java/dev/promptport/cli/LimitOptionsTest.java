package dev.promptport.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The limit options on the real command line: each hit exits 2 naming the limit and its option; raising it lets the input through. */
class LimitOptionsTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static MainTest.Run run(String... args) {
        return MainTest.run(args);
    }

    private static void assertRefused(MainTest.Run r, String where, String limit, String option) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("promptport: " + where).contains(limit).contains("raise it with " + option);
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
    }

    /** A request whose JSON nests {@code depth} levels deep, the top-level object counting as one. */
    private static String requestNested(int depth) {
        return "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"x\":" + "[".repeat(depth - 1)
                + "]".repeat(depth - 1) + "}";
    }

    @Test
    void maxInputMbRefusesALargerFileAndRaisingItLetsTheSameFileThrough() throws Exception {
        Path big = write("big.md", "Be brief. ".repeat(110_000));
        assertRefused(run("translate", "--no-config", "--to", "openai:gpt-4o", "--max-input-mb", "1", big.toString()),
                big + ": the input is 1100000 bytes", "input size limit (1 MB)", "--max-input-mb");
        MainTest.Run ok = run("translate", "--no-config", "--to", "openai:gpt-4o", "--max-input-mb", "2", big.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
    }

    @Test
    void maxInputMbCountsStandardInputToo() {
        String text = "Be brief. ".repeat(110_000);
        assertRefused(MainTest.runWithStdin(text, "translate", "--no-config", "--to", "openai:gpt-4o", "--max-input-mb", "1", "-"),
                "<stdin>: the input is larger", "input size limit (1 MB)", "--max-input-mb");
        assertThat(MainTest.runWithStdin(text, "translate", "--no-config", "--to", "openai:gpt-4o", "-").code()).isZero();
    }

    @Test
    void maxJsonDepthRefusesDeeperJsonAtItsLineAndColumn() throws Exception {
        Path req = write("deep.json", requestNested(300));
        assertRefused(run("translate", "--no-config", "--to", "openai:gpt-4o", req.toString()),
                req + ":1:", "JSON depth limit (256)", "--max-json-depth");
        assertRefused(run("translate", "--no-config", "--to", "openai:gpt-4o", "--max-json-depth", "299", req.toString()),
                req + ":1:", "JSON depth limit (299)", "--max-json-depth");
        MainTest.Run ok = run("translate", "--no-config", "--to", "openai:gpt-4o", "--max-json-depth", "300", req.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("\"model\"");
    }

    @Test
    void maxTagDepthRefusesDeeperSectionsAtTheTagThatGoesTooDeep() throws Exception {
        Path prompt = write("deep.md", "<context>\nWe sell shoes.\n</context>\n" + "<a>".repeat(600) + "x" + "</a>".repeat(600) + "\n");
        assertRefused(run("translate", "--no-config", "--to", "openai:gpt-4o", prompt.toString()),
                prompt + ":4:1537: the tags nest deeper", "tag depth limit (512)", "--max-tag-depth");
        MainTest.Run ok = run("translate", "--no-config", "--to", "openai:gpt-4o", "--max-tag-depth", "600", prompt.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("# Context");
    }

    @Test
    void maxTagsRefusesATextWithMoreTags() throws Exception {
        Path req = write("tags.json", "{\"system\":\"<a>1</a> <b>2</b>\\n<c>3</c>\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
        assertRefused(run("translate", "--no-config", "--to", "openai:gpt-4o", "--max-tags", "5", req.toString()),
                req + ":/system:2:5: the text holds 6 tags", "tag count limit (5)", "--max-tags");
        MainTest.Run ok = run("translate", "--no-config", "--to", "openai:gpt-4o", "--max-tags", "6", req.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
    }

    @Test
    void maxRuleMsRefusesAPromptWhosePatternRulesTakeLonger() throws Exception {
        // two megabytes that two pattern rules must search in full: far more than a millisecond anywhere
        Path big = write("big.md", "Fill in {{name}}.\nHuman: hello\n" + "Some plain prose that goes on for a while.\n".repeat(50_000));
        assertRefused(run("translate", "--no-config", "--to", "openai:gpt-4o", "--max-rule-ms", "1", big.toString()),
                big + ": the pattern rules took", "rule time limit (1 ms)", "--max-rule-ms");
        MainTest.Run ok = run("translate", "--no-config", "--to", "openai:gpt-4o", "--max-rule-ms", "600000", big.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.err()).contains("PP139");
    }

    @Test
    void auditAndLintTakeTheOptionsAndReportTheInputOverALimit() throws Exception {
        Path deep = write("deep.txt", "<a><a><a>x</a></a></a>\n");
        write("fine.txt", "<a>x</a>\n");
        MainTest.Run audit = run("audit", "--no-config", "--to", "openai:gpt-4o", "--max-tag-depth", "2", dir.toString());
        assertThat(audit.code()).as(audit.err()).isEqualTo(2);
        assertThat(audit.out()).contains("deep.txt").contains("tag depth limit (2)").contains("--max-tag-depth");
        assertThat(run("audit", "--no-config", "--to", "openai:gpt-4o", "--max-tag-depth", "3", dir.toString()).code()).isZero();

        MainTest.Run lint = run("lint", "--no-config", "--to", "openai:gpt-4o", "--max-tag-depth", "2", deep.toString());
        assertThat(lint.code()).as(lint.err()).isEqualTo(2);
        assertThat(lint.out() + lint.err()).contains("1:7").contains("tag depth limit (2)").contains("--max-tag-depth");
        assertThat(run("lint", "--no-config", "--to", "openai:gpt-4o", "--max-tag-depth", "3", deep.toString()).code()).isZero();
    }

    @Test
    void aLogLineOverALimitIsABadLineAndTheRunGoesOn() {
        String log = String.join("\n",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
                requestNested(20),
                "{\"request\":" + requestNested(20) + "}",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"<a><a>x</a></a>\"}]}",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"Bye\"}]}") + "\n";
        MainTest.Run r = MainTest.runWithStdin(log, "audit", "--no-config", "--to", "openai:gpt-4o", "--jsonl", "-",
                "--max-json-depth", "10", "--max-tag-depth", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("5 line(s), 2 request(s), 3 bad line(s)");
        assertThat(r.out()).contains("line 2: ").contains("line 3: ").contains("JSON depth limit (10)").contains("--max-json-depth");
        assertThat(r.out()).contains("line 4: /messages/0/content:1:4: the tags nest deeper than the tag depth limit (1)");

        MainTest.Run raised = MainTest.runWithStdin(log, "audit", "--no-config", "--to", "openai:gpt-4o", "--jsonl", "-",
                "--max-json-depth", "20", "--max-tag-depth", "2");
        assertThat(raised.code()).as(raised.err()).isZero();
        assertThat(raised.out()).contains("5 line(s), 5 request(s), 0 bad line(s)");
    }

    @Test
    void replyTakesTheInputLimits() throws Exception {
        String reply = "{\"x\":" + "[".repeat(20) + "]".repeat(20) + ",\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1,\"total_tokens\":6}}";
        Path file = write("reply.json", reply);
        assertRefused(run("reply", "--from", "openai-chat", "--max-json-depth", "20", file.toString()),
                file + ":1:", "JSON depth limit (20)", "--max-json-depth");
        MainTest.Run ok = run("reply", "--from", "openai-chat", "--max-json-depth", "21", file.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("\"hi\"");
        assertRefused(run("reply", "--from", "openai-chat", "--max-input-mb", "1", write("big.json", " ".repeat(1_100_000) + reply).toString()),
                dir.resolve("big.json") + ": the input is 1100", "input size limit (1 MB)", "--max-input-mb");

        Path sse = write("stream.sse", "data: " + reply.replace("chat.completion\"", "chat.completion.chunk\"") + "\n\n");
        MainTest.Run stream = run("reply", "--from", "openai-chat", "--stream", "--max-json-depth", "20", sse.toString());
        assertThat(stream.code()).isEqualTo(2);
        assertThat(stream.err()).contains("JSON depth limit (20)").contains("--max-json-depth");
    }

    @Test
    void aLimitThatIsNotAPositiveNumberIsAUsageError() {
        for (String[] bad : new String[][] {{"--max-tags", "0"}, {"--max-tag-depth", "-1"}, {"--max-json-depth", "many"},
                {"--max-rule-ms", "0"}, {"--max-input-mb", "4096"}}) {
            MainTest.Run r = run("translate", "--no-config", "--to", "openai:gpt-4o", bad[0], bad[1], "x.txt");
            assertThat(r.code()).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(r.err()).contains("Invalid value for option '" + bad[0] + "'");
        }
    }

    @Test
    void helpListsEachLimitWithItsDefault() {
        MainTest.Run r = run("translate", "--help");
        assertThat(r.out().replaceAll("\\s+", " ")).contains("--max-input-mb").contains("default: 64")
                .contains("--max-json-depth").contains("default: 256")
                .contains("--max-tag-depth").contains("default: 512")
                .contains("--max-tags").contains("default: 1000000")
                .contains("--max-rule-ms").contains("default: 2000");
    }
}
