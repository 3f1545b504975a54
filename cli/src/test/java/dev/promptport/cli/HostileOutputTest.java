package dev.promptport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static dev.promptport.cli.MainTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command's output with input that attacks the terminal, the CI log or the next tool:
 * escape sequences, line breaks that start a fake finding or annotation, bidi overrides, NUL,
 * unpaired surrogates, in file names, JSON keys, tool names, placeholders and error messages.
 * Text for people shows such characters as <code>&#92;u{1B}</code>; JSON keeps them exactly. File
 * names holding a line break exist on Unix only.
 */
class HostileOutputTest {

    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What must never reach a terminal raw (a surrogate pair is one code point to Java's regex, not {@code Cs}). */
    private static final Pattern UNSAFE = Pattern.compile(
            "[\\p{Cc}\\u2028\\u2029\\u200E\\u200F\\u061C\\u202A-\\u202E\\u2066-\\u2069\\p{Cs}&&[^\\n]]");

    private static final String EVIL = "<script>alert(1)</script>\"'\u001B[31m\r\n::error::fake\u202E\u0000\uD800";

    /** A file name can hold all of the attack but NUL and the unpaired surrogate. */
    private static final String EVIL_NAME = "r<script>\"'\u001B[31m\r\n::error file=x::fake\u202E.json";
    private static final String EVIL_NAME_SHOWN = "r<script>\"'\\u{1B}[31m\\u{D}\\u{A}::error file=x::fake\\u{202E}.json";

    /** An unknown field, a tool name, a content block type and a prefill, each holding the attack. */
    private static final String REQUEST = """
            {"model": "claude-sonnet-4-5", "max_tokens": 100, "x-EVIL": 1,
             "system": "Greet {{na\\u001b[31mme\\u202e\\ud800}} warmly.",
             "tools": [{"name": "EVIL", "description": "d", "input_schema": {"type": "object"}}],
             "messages": [{"role": "user", "content": [{"type": "EVIL", "text": "x"}, {"type": "text", "text": "Hi"}]},
                          {"role": "assistant", "content": "EVIL"}]}
            """.replace("EVIL", json(EVIL));

    private static String json(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c < 0x20 || c > 0x7E || c == '"' || c == '\\'
                    ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static void assertSafeOnATerminal(String out) throws CharacterCodingException {
        assertThat(out).doesNotContainPattern(UNSAFE);
        strictUtf8(out);
    }

    private static byte[] strictUtf8(String s) throws CharacterCodingException {
        ByteBuffer b = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(s));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private static List<String> lines(String s) {
        return List.of(s.split("\n"));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void translateFindingsAsTextAreOneEscapedLineEach() throws Exception {
        Path req = write(EVIL_NAME, REQUEST);
        MainTest.Run r = run("translate", "--no-config", "--to", "openai:gpt-4o", req.toString());
        assertThat(r.code()).isZero();
        assertThat(JSON.readTree(r.out()).path("model").asText()).isEqualTo("gpt-4o");
        assertSafeOnATerminal(r.err());
        String shownFile = dir + "/" + EVIL_NAME_SHOWN;
        assertThat(lines(r.err())).allSatisfy(l -> assertThat(l).startsWith(shownFile + ":/"))
                .anySatisfy(l -> assertThat(l).contains(
                        ": medium PP115 \"x-<script>alert(1)</script>\"'\\u{1B}[31m ::error::fake"
                                + "\\u{202E}\\u{0}\\u{D800}\" was left out of the request for"))
                .anySatisfy(l -> assertThat(l).contains("placeholder {{na\\u{1B}[31mme\\u{202E}\\u{D800}}}"))
                .anySatisfy(l -> assertThat(l).contains("high PP129 A content block of type \"<script>"));
    }

    @Test
    void translateFindingsAsJsonAreUtf8AndKeepTheTextExactly() throws Exception {
        Path req = write("r.json", REQUEST);
        MainTest.Run r = run("translate", "--no-config", "--to", "openai:gpt-4o", "--findings", "json", req.toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).doesNotContainPattern("[\\u0085\\u2028\\u202E\\p{Cs}]").contains("\\uD800");
        JsonNode findings = JSON.readTree(strictUtf8(r.err()));
        assertThat(findings.findValuesAsText("message"))
                .anySatisfy(m -> assertThat(m).contains("\"x-" + EVIL + "\""));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void lintTextAndGithubAnnotationsCannotBeForgedByAFileNameOrFindingText() throws Exception {
        write(EVIL_NAME, REQUEST);
        MainTest.Run text = run("lint", "--no-config", "--to", "openai:gpt-4o", dir.toString());
        assertThat(text.code()).isEqualTo(1);
        assertSafeOnATerminal(text.out());
        List<String> textLines = lines(text.out());
        assertThat(textLines.subList(0, textLines.size() - 1))
                .allSatisfy(l -> assertThat(l).contains(EVIL_NAME_SHOWN + ":").endsWith(" [openai:gpt-4o]"));

        MainTest.Run github = run("lint", "--no-config", "--to", "openai:gpt-4o", "--format", "github", dir.toString());
        assertThat(github.code()).isEqualTo(1);
        assertSafeOnATerminal(github.out());
        // as many annotations as findings, each one whole line: nothing started a second one
        assertThat(lines(github.out())).hasSize(textLines.size() - 1).allMatch(l -> l.matches(
                "::(error|warning|notice) file=[^,:]+,line=\\d+,col=\\d+,title=[^,:]+::.+"));
    }

    @Test
    void reportsHoldingAnUnpairedSurrogateAreWrittenToTheirFile() throws Exception {
        Path req = write("r.json", REQUEST);
        for (String format : List.of("text", "json", "sarif", "github")) {
            Path out = dir.resolve("lint." + format);
            MainTest.Run r = run("lint", "--no-config", "--to", "openai:gpt-4o", "--format", format, "-o", out.toString(),
                    req.toString());
            assertThat(r.code()).as(format + ": " + r.err()).isEqualTo(1);
            String written = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(out))).toString();
            assertThat(written).as(format).containsAnyOf("\\uD800", "\\u{D800}").doesNotContainPattern("\\p{Cs}");
        }
        for (String format : List.of("text", "json", "html")) {
            Path out = dir.resolve("audit." + format);
            MainTest.Run r = run("audit", "--no-config", "--to", "openai:gpt-4o", "--format", format, "-o", out.toString(),
                    req.toString());
            assertThat(r.code()).as(format + ": " + r.err()).isZero();
            assertThat(Files.size(out)).isPositive();
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void errorMessagesQuotingTheInputAreOneEscapedLine() throws Exception {
        // Jackson quotes an unrecognised token with every character it takes for part of a name
        Path bad = write("bad.json", "{\"messages\": tru\u001B\u202E\u0000\u0085e}");
        MainTest.Run invalid = run("translate", "--no-config", "--to", "openai:gpt-4o", bad.toString());
        assertThat(invalid.code()).isEqualTo(2);
        assertSafeOnATerminal(invalid.err());
        assertThat(invalid.err()).contains("'tru\\u{1B}\\u{202E}\\u{0}\\u{85}e'");

        MainTest.Run missing = run("translate", "--no-config", "--to", "openai:gpt-4o", dir.resolve(EVIL_NAME).toString());
        assertThat(missing.code()).isEqualTo(2);
        assertSafeOnATerminal(missing.err());
        assertThat(lines(missing.err())).singleElement().asString().endsWith(EVIL_NAME_SHOWN + ": no such file");

        MainTest.Run option = run("translate", "--to", "openai:gpt-4o", "--\u001B[2J\u202E", "x.json");
        assertThat(option.code()).isEqualTo(2);
        assertSafeOnATerminal(option.err());
        assertThat(option.err()).contains("--\\u{1B}[2J\\u{202E}");

        MainTest.Run explain = run("explain", "--no-config", "PP\u001B[31m\n::error::x");
        assertThat(explain.code()).isEqualTo(2);
        assertSafeOnATerminal(explain.err());
        assertThat(explain.err()).isEqualTo("promptport: no rule PP\\u{1B}[31m\\u{A}::error::x (promptport rules lists them)\n");

        MainTest.Run audit = run("audit", "--no-config", "--to", "openai:gpt-4o", bad.toString(), write(EVIL_NAME, "{").toString());
        assertThat(audit.code()).isEqualTo(2);
        assertSafeOnATerminal(audit.out());
        assertThat(audit.out()).contains(EVIL_NAME_SHOWN + ":");
    }

    @Test
    void rulesExplainAndLintEscapeWhatAUsersRuleFileSays() throws Exception {
        Path config = write("settings.yaml", "rules: [evil-rules.yaml]\n");
        write("evil-rules.yaml", """
                rules:
                  - id: ACME1
                    title: "Codename \\x1b[31m\\u202Eleaked"
                    feature: self_reference
                    severity: high
                    match: {kind: pattern, regex: "Falcon\\\\S*"}
                    message: "The prompt says {0}."
                    fix: "Say it plainly\\r\\n::error::forged"
                """);
        Path prompt = write("p.md", "About Project Falcon\u001B]0;retitled\u0007\u202E now.\n");

        MainTest.Run rules = run("rules", "--config", config.toString());
        assertThat(rules.code()).isZero();
        assertSafeOnATerminal(rules.out());
        assertThat(rules.out()).contains("Codename \\u{1B}[31m\\u{202E}leaked");

        MainTest.Run explain = run("explain", "--config", config.toString(), "ACME1");
        assertThat(explain.code()).isZero();
        assertSafeOnATerminal(explain.out());
        assertThat(explain.out()).contains("ACME1: Codename \\u{1B}[31m\\u{202E}leaked")
                .contains("Fix:      Say it plainly ::error::forged");

        MainTest.Run lint = run("lint", "--config", config.toString(), "--to", "openai:gpt-4o", prompt.toString());
        assertThat(lint.code()).isEqualTo(1);
        assertSafeOnATerminal(lint.out());
        assertThat(lint.out()).contains("high ACME1 The prompt says Falcon\\u{1B}]0;retitled\\u{7}\\u{202E}.");
    }
}
