package dev.promptport.report;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static dev.promptport.report.LintFixtures.GPT_4O;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lint run whose inputs attack whatever prints them: markup, quotes, an ANSI colour, a line
 * break followed by a fake finding and a fake GitHub annotation, a right-to-left override, NUL
 * and an unpaired surrogate, in every place input text reaches a report: file names, JSON keys
 * and pointers, tool names, content block types, placeholders, the prefill, problem messages.
 */
final class HostileFixtures {

    /** The attack in one string. */
    static final String EVIL = "<script>alert(1)</script>\"'%0A\u001B[31m\r\n::error file=x::fake\u202E\u0000\uD800";

    /** A placeholder cannot hold a line feed; everything else it can. */
    static final String EVIL_PLACEHOLDER = "{{<script>\"'\u001B[31m\r::error::\u2028\u0085\u009B\u202E\u0000\uD800}}";

    static final String REQUEST_PATH = "requests/" + EVIL + ".json";
    static final String PROMPT_PATH = "prompts/p\u001B]0;retitled\u0007\n::error::x\u202E.md";

    /**
     * Reaches an unknown field (PP115), the service tier (PP130), a placeholder (PP139), a tool
     * name (PP124), a content block type (PP129) and the prefill (PP107).
     */
    static final String REQUEST = """
            {
              "model": "claude-sonnet-4-5",
              "max_tokens": 200,
              "x-EVIL": 1,
              "service_tier": "EVIL",
              "system": "Greet PLACEHOLDER warmly.",
              "tools": [{"name": "EVIL", "description": "d", "input_schema": {"type": "object"}}],
              "messages": [
                {"role": "user", "content": [{"type": "EVIL", "text": "x"}, {"type": "text", "text": "Hi"}]},
                {"role": "assistant", "content": "EVIL"}
              ]
            }
            """.replace("EVIL", json(EVIL)).replace("PLACEHOLDER", json(EVIL_PLACEHOLDER));

    /** Self-reference (PP137), placeholder (PP139), an unclosed tag (PP104). */
    static final String PROMPT = "You are Claude. <script>alert(1)</script>\nGreet " + EVIL_PLACEHOLDER
            + " warmly.\n<style>\n";

    static final InputProblem PROBLEM = new InputProblem("broken/" + EVIL + ".json", "2:16",
            "invalid JSON: Unrecognized token '" + EVIL + "'\n at [Source: " + EVIL + "]");

    /**
     * A character that must never reach a terminal raw: C0 controls but line feed, DEL, C1,
     * line and paragraph separators, bidi formatting characters, unpaired surrogates (Java's
     * regex sees a surrogate pair as one code point, so only an unpaired one is {@code Cs}).
     */
    static final Pattern UNSAFE_ON_A_TERMINAL = Pattern.compile(
            "[\\p{Cc}\\u2028\\u2029\\u200E\\u200F\\u061C\\u202A-\\u202E\\u2066-\\u2069\\p{Cs}&&[^\\n]]");

    /** What JSON output must not hold raw: the same, but C0 controls are Jackson's to escape. */
    static final Pattern UNSAFE_IN_JSON = Pattern.compile(
            "[\\u007F-\\u009F\\u2028\\u2029\\u200E\\u200F\\u061C\\u202A-\\u202E\\u2066-\\u2069\\p{Cs}]");

    private HostileFixtures() {
    }

    /** The whole run, for gpt-4o, with one unreadable input. */
    static AuditResult run() {
        return LintFixtures.run(List.of(GPT_4O), List.of(PROBLEM),
                LintFixtures.request(REQUEST_PATH, REQUEST, GPT_4O),
                LintFixtures.prompt(PROMPT_PATH, PROMPT, GPT_4O));
    }

    /** {@code s} inside a JSON string as a file holds it: ASCII, everything else escaped. */
    static String json(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The bytes a strict encoder writes: an unpaired surrogate is an error here, not a silent '?'. */
    static byte[] strictUtf8(String s) throws CharacterCodingException {
        ByteBuffer b = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .encode(CharBuffer.wrap(s));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    /** Nothing in {@code out} can act on a terminal, and it encodes as UTF-8. */
    static void assertSafeOnATerminal(String out) throws CharacterCodingException {
        assertThat(out).doesNotContainPattern(UNSAFE_ON_A_TERMINAL);
        strictUtf8(out);
    }

    /** The attack is shown, escaped, not hidden: the reader sees what the input holds. */
    static void assertShowsTheAttackEscaped(String out) {
        assertThat(out).contains("<script>alert(1)</script>", "\"'", "\\u{1B}[31m", "\\u{202E}", "\\u{0}", "\\u{D800}");
    }
}
