package dev.promptport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the real command line and checks exit codes, standard output and standard error. */
class MainTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run runWithStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static Run run(String... args) {
        return runWithStdin("", args);
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void everyCommandIsListedUnderTheNameItsAnnotationGivesIt() {
        Main.COMMANDS.forEach((name, command) ->
                assertThat(command.getAnnotation(picocli.CommandLine.Command.class).name()).isEqualTo(name));
    }

    @Test
    void theHelpListsEveryCommandAndAMisspeltCommandIsAUsageError() {
        Run help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("translate", "audit", "lint", "rules", "explain", "reply", "help");
        Run helpLint = run("help", "lint");
        assertThat(helpLint.out()).startsWith("Usage: promptport lint ");
        Run misspelt = run("lnit", "prompt.txt");
        assertThat(misspelt.code()).isEqualTo(2);
        assertThat(misspelt.err()).contains("'lnit'", "Try 'promptport --help' for usage.");
        // a command named first is the only one set up, and runs as it did among all of them
        assertThat(run("lint", "--help").out()).startsWith("Usage: promptport lint ");
    }

    @Test
    void everyCommandPrintsTheVersionWithDashCapitalVAsTheTopLevelDoes() {
        Run top = run("-V");
        assertThat(top.code()).isZero();
        assertThat(top.out()).startsWith("promptport ");
        for (String command : Main.COMMANDS.keySet()) {
            if (command.equals("help")) {
                continue;
            }
            for (String flag : new String[] {"-V", "--version"}) {
                Run r = run(command, flag);
                assertThat(r.code()).as(command + " " + flag).isZero();
                assertThat(r.out()).as(command + " " + flag).isEqualTo(top.out());
            }
        }
    }

    @Test
    void translatesARequestFileToOpenAiJsonWithFindingsOnStderr() throws Exception {
        Path req = write("r.json", """
                {"model":"claude-sonnet-4-5","max_tokens":100,"top_k":3,
                 "messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Sure:"}]}""");
        Run r = run("translate", "--to", "openai:gpt-4o", req.toString());
        assertThat(r.code()).isZero();
        JsonNode out = new ObjectMapper().readTree(r.out());
        assertThat(out.at("/model").asText()).isEqualTo("gpt-4o");
        assertThat(r.err()).contains(req + ":/top_k: low PP111 top_k=3 was dropped");
        assertThat(r.err()).contains(req + ":/messages/1: high PP107");
    }

    @Test
    void aFolderWithAToolListIsAuditedWithItAndTheToolListTranslatesAlone() throws Exception {
        write("system.md", "<instructions>\nHelp with orders.\n</instructions>\n");
        Path tools = write("tools.json", """
                {"tools":[{"type":"function","function":{"name":"order.lookup","parameters":{"type":"object"}}}]}""");
        Run audit = run("audit", "--to", "openai:gpt-4o", dir.toString());
        assertThat(audit.code()).isZero();
        assertThat(audit.out()).contains("2 input(s)").contains("tools.json").doesNotContain("could not audit");

        Run t = run("translate", "--to", "gemini:gemini-2.5-pro", "--compact", tools.toString());
        assertThat(t.code()).isZero();
        assertThat(t.out().strip()).isEqualTo(
                "{\"tools\":[{\"functionDeclarations\":[{\"name\":\"order_lookup\",\"description\":\"order_lookup\"}]}]}");
        assertThat(t.err()).contains(tools + ":/tools/0/function/name: medium PP124");
    }

    @Test
    void aPromptKeptAsAListOfChatMessagesIsLintedWithLinesAndColumns() throws Exception {
        Path p = write("prompt.json", "[\n  {\"role\": \"system\", \"content\": \"Be brief.\"},\n"
                + "  {\"role\": \"user\", \"content\": \"{{question}}\"}\n]\n");
        Run r = run("lint", "--to", "openai:gpt-4o", "--min-severity", "low", p.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains(p + ":3:32: low PP139");
    }

    @Test
    void translatesAPromptFileToMarkdownText() throws Exception {
        Path prompt = write("p.md", "<context>\nWe sell shoes.\n</context>\n\n<instructions>\nBe kind.\n</instructions>\n");
        Run r = run("translate", "--to", "openai:gpt-4o", prompt.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("# Context").contains("We sell shoes.").contains("# Instructions");
        assertThat(r.err()).contains(prompt + ":1:1: info PP101");
    }

    @Test
    void readsStandardInputWhenTheFileIsDash() {
        Run r = runWithStdin("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}", "translate", "--to", "openai:o3", "-");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"model\" : \"o3\"");
    }

    @Test
    void findingsCanBePrintedAsJson() throws Exception {
        Run r = runWithStdin("{\"top_k\":1,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}", "translate", "--to", "openai:gpt-4o", "--findings", "json", "-");
        assertThat(r.code()).isZero();
        JsonNode findings = new ObjectMapper().readTree(r.err());
        assertThat(findings.get(0).get("id").asText()).isEqualTo("PP111");
        assertThat(findings.get(0).get("feature").asText()).isEqualTo("top_k");
        assertThat(findings.get(0).at("/location/pointer").asText()).isEqualTo("/top_k");
    }

    @Test
    void invalidJsonIsExitTwoWithFileLineAndColumnAndNoStackTrace() throws Exception {
        Path bad = write("bad.json", "{\n  \"messages\": [,]\n}");
        Run r = run("translate", "--to", "openai:gpt-4o", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("promptport: " + bad + ":2:16: invalid JSON");
        assertThat(r.err()).doesNotContain("at dev.").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void jsonThatIsNotARequestIsExitTwoWithPointer() throws Exception {
        Path bad = write("x.json", "{\"model\":\"claude\"}");
        Run r = run("translate", "--to", "openai:gpt-4o", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(bad + ":/messages: not an Anthropic Messages request");
    }

    @Test
    void missingFileIsExitTwo() {
        Run r = run("translate", "--to", "openai:gpt-4o", dir.resolve("nope.json").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("nope.json: no such file");
    }

    @Test
    void anEmptyMessageListIsExitTwoWithPointer() throws Exception {
        Path empty = write("empty.json", "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10,\"messages\":[]}");
        Run r = run("translate", "--to", "openai:gpt-4o", empty.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(empty + ":/messages: \"messages\" is empty");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownVendorIsExitTwo() throws Exception {
        Path req = write("r.json", "{\"messages\":[]}");
        Run r = run("translate", "--to", "acme:gpt-99", req.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown target 'acme:gpt-99'").contains("known vendors: openai");
    }

    @Test
    void aDatedSnapshotOrAnUnlistedModelOfAKnownVendorTranslatesAndKeepsItsId() throws Exception {
        Path req = write("r.json", """
                {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[{"role":"user","content":"Hi"}]}""");
        Run snapshot = run("translate", "--to", "openai:gpt-4o-2024-08-06", req.toString());
        assertThat(snapshot.code()).isZero();
        assertThat(new ObjectMapper().readTree(snapshot.out()).at("/model").asText()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(snapshot.err()).doesNotContain("PP208");

        Run unlisted = run("translate", "--to", "openai:gpt-5.2", req.toString());
        assertThat(unlisted.code()).isZero();
        assertThat(new ObjectMapper().readTree(unlisted.out()).at("/model").asText()).isEqualTo("gpt-5.2");
        assertThat(unlisted.err()).contains("low PP208").contains("facts of openai:gpt-5.1 ");

        // the model given its own facts in the settings: no guess, no finding
        write(".promptport.yaml", "models:\n  - {id: \"openai:gpt-5.2\", like: \"openai:gpt-5.1\"}\n");
        Run own = run("translate", "--to", "openai:gpt-5.2", req.toString());
        assertThat(own.code()).isZero();
        assertThat(own.err()).doesNotContain("PP208");
    }

    @Test
    void usageErrorIsExitTwo() {
        Run r = run("translate", "--bogus", "--to", "openai:gpt-4o", "x.json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option");
    }

    @Test
    void invalidUtf8IsExitTwoWithTheOffset() throws Exception {
        Path p = dir.resolve("latin1.txt");
        Files.write(p, new byte[] {'a', 'b', (byte) 0xE9, 'c'});
        Run r = run("translate", "--to", "openai:gpt-4o", p.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("not valid UTF-8").contains("offset 2");
    }

    @Test
    void invalidUtf8NamesTheLineAndColumnOfTheBadByte() throws Exception {
        Path p = dir.resolve("cp1252.txt");
        byte[] head = "<task>\nCaf\u00e9 menu: na".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 3);
        bytes[head.length] = (byte) 0xEF; // Windows-1252's "ï", alone: no UTF-8 sequence starts so
        bytes[head.length + 1] = 'v';
        bytes[head.length + 2] = 'e';
        Files.write(p, bytes);
        Run r = run("translate", "--to", "openai:gpt-4o", p.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(p + ":2:14: is not valid UTF-8 text (byte 0xEF at offset " + head.length
                + "); save the file as UTF-8");
    }

    @Test
    void utf16FilesWithAByteOrderMarkAreReadAsTheirText() throws Exception {
        String prompt = "\uFEFF<instructions>\nR\u00e9ponds en fran\u00e7ais \u2013 bri\u00e8vement.\n</instructions>\n";
        for (var charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            Path p = dir.resolve("prompt-" + charset.name() + ".md");
            Files.write(p, prompt.getBytes(charset));
            Run r = run("translate", "--to", "openai:gpt-4o", p.toString());
            assertThat(r.code()).as(charset.name()).isEqualTo(0);
            assertThat(r.out()).as(charset.name())
                    .contains("R\u00e9ponds en fran\u00e7ais \u2013 bri\u00e8vement.")
                    .doesNotContain("\uFEFF")
                    .doesNotContain("<instructions>");
        }
    }

    @Test
    void aByteOrderMarkOfUtf16OverBrokenUtf16IsExitTwo() throws Exception {
        Path p = dir.resolve("broken16.md");
        Files.write(p, new byte[] {(byte) 0xFF, (byte) 0xFE, 'h', 0, 0x00, (byte) 0xDC, 'i', 0});
        Run r = run("translate", "--to", "openai:gpt-4o", p.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("is not valid UTF-16 text, though it starts with UTF-16's byte-order mark");
    }

    @Test
    void inputFileIsNeverModified() throws Exception {
        String content = "<instructions>\nBe kind.\n</instructions>\n";
        Path prompt = write("keep.md", content);
        run("translate", "--to", "openai:gpt-4o", prompt.toString());
        assertThat(Files.readString(prompt)).isEqualTo(content);
    }

    @Test
    void auditPrintsALevelPerFileAndTarget() throws Exception {
        write("a.json", "{\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":\"{\"}]}");
        write("b.md", "Plain prompt.\n");
        Files.createDirectories(dir.resolve("expected"));
        write("expected/ignored.json", "not json");
        write(".promptport.yaml", "ignore:\n  - \"**/expected/**\"\n");
        Run r = run("audit", "--to", "openai:gpt-4o,openai:o3", dir.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("2 input(s), 2 target(s)").contains("openai:gpt-4o").contains("openai:o3");
        assertThat(r.out()).containsPattern("a\\.json\\s+C\\s+15");
        assertThat(r.out()).containsPattern("b\\.md\\s+A\\s+0");
        assertThat(r.out()).doesNotContain("ignored.json");
    }

    @Test
    void auditReadsPromptTemplatesAndSkipsOtherFiles() throws Exception {
        write("system.j2", "<rules>\nGreet {{ user_name }}.\n</rules>\n");
        write("Reply.HBS", "Answer {{question}}.\n");
        write("triage.prompt.yml", "model: openai/gpt-4o\nmessages:\n  - role: system\n    content: Sort tickets.\n");
        write("notes.csv", "a,b\n");
        write("config.yml", "a: b\n");
        Run r = run("audit", "--to", "openai:gpt-4o", dir.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("3 input(s)").contains("system.j2").contains("Reply.HBS").contains("triage.prompt.yml")
                .doesNotContain("notes.csv").doesNotContain("config.yml");
    }

    @Test
    void auditListsUnreadableFilesInTheReportAndOnStandardErrorAndExitsTwo() throws Exception {
        write("bad.json", "{oops");
        Run r = run("audit", "--to", "openai:gpt-4o", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("could not audit").contains("bad.json:1:2: invalid JSON");
        assertThat(r.err()).isEqualTo("promptport: " + dir.resolve("bad.json") + ":1:2: invalid JSON: unexpected 'o'"
                + " where a field name in double quotes or '}' should be\n");
    }
}
