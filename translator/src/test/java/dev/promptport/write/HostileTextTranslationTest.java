package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptport.InputFormat;
import dev.promptport.Options;
import dev.promptport.Prompt;
import dev.promptport.PromptPort;
import dev.promptport.Target;
import dev.promptport.tree.TextMemo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Hostile text in a request reaches the translated request unchanged: written by Jackson, it is
 * escaped in the encoding and nowhere else ("nothing lost"). Markup and quotes are text to every
 * vendor; nothing here is ever HTML.
 */
class HostileTextTranslationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String HOSTILE = "<script>alert(1)</script> \"quoted\" 'single' back\\slash NUL:\u0000"
            + " ESC:\u001B[31m CR:\r LF:\n LS:\u2028 PS:\u2029 NEL:\u0085 RLO:\u202E lone:\uD800 low:\uDC00"
            + " pair:\uD83D\uDE00 end";

    /**
     * The hostile text nine times: two tagged sections of the system prompt (rewritten, so
     * re-encoded), a tool's and a parameter's description, a user turn, an assistant turn, a tool
     * call's input (copied as a raw span), a tool result and a second user text.
     */
    static final String REQUEST = """
            {"model": "claude-sonnet-4-5", "max_tokens": 100,
             "system": "<instructions>\\nTEXT\\n</instructions>\\n<context>\\nTEXT\\n</context>",
             "tools": [{"name": "lookup", "description": "TEXT", "input_schema": {"type": "object",
               "properties": {"q": {"type": "string", "description": "TEXT"}}}}],
             "messages": [
               {"role": "user", "content": "TEXT"},
               {"role": "assistant", "content": [{"type": "text", "text": "TEXT"},
                 {"type": "tool_use", "id": "t1", "name": "lookup", "input": {"q": "TEXT"}}]},
               {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t1", "content": "TEXT"},
                 {"type": "text", "text": "TEXT"}]}]}
            """.replace("TEXT", json(HOSTILE));

    /** {@code s} inside a JSON string as a file holds it: ASCII, everything else escaped. */
    private static String json(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c < 0x20 || c > 0x7E || c == '"' || c == '\\'
                    ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    /** Every string value in {@code n}; a string that holds JSON (tool call arguments) is read too. */
    private static void strings(JsonNode n, List<String> out) throws Exception {
        if (n.isTextual()) {
            out.add(n.asText());
            if (n.asText().startsWith("{")) {
                strings(JSON.readTree(n.asText()), out);
            }
        }
        for (JsonNode child : n) {
            strings(child, out);
        }
    }

    private static int occurrences(List<String> strings, String text) {
        int n = 0;
        for (String s : strings) {
            for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + 1)) {
                n++;
            }
        }
        return n;
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai:gpt-4o", "openai:o3", "openai-responses:gpt-4o", "gemini:gemini-2.5-pro",
        "anthropic:claude-sonnet-4-5", "deepseek:deepseek-chat", "mistral:mistral-large-latest"})
    void hostileTextReachesTheTranslatedRequestUnchanged(String target) throws Exception {
        String out = PromptPort.translate(REQUEST, Target.of(target)).output();
        // valid JSON whose control characters are all escaped: no raw NUL, ESC or CR in the text
        assertThat(out.chars().filter(c -> c < 0x20 && c != '\n')).isEmpty();
        List<String> strings = new ArrayList<>();
        strings(JSON.readTree(out), strings);
        assertThat(occurrences(strings, HOSTILE)).isEqualTo(9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai:gpt-4o", "gemini:gemini-2.5-pro", "anthropic:claude-sonnet-4-5"})
    void hostileTextInAPromptFileIsKeptByteForByteInTheRewrittenPrompt(String target) {
        // a prompt file translates to prompt text, not JSON: nothing is escaped, so nothing may change
        String prompt = "<instructions>\n" + HOSTILE + "\n</instructions>\n" + HOSTILE + "\n";
        String out = PromptPort.translate(Prompt.system(prompt), Target.of(target)).output();
        assertThat(occurrences(List.of(out), HOSTILE)).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai:gpt-4o", "openai-responses:gpt-4o", "gemini:gemini-2.5-pro",
        "anthropic:claude-sonnet-4-5"})
    void translatedRequestWithAnUnpairedSurrogateEncodesAsUtf8(String target) {
        String out = PromptPort.translate(REQUEST, Target.of(target)).output();
        assertThatCode(() -> StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .encode(CharBuffer.wrap(out))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai:gpt-4o", "gemini:gemini-2.5-pro"})
    void anUnpairedSurrogateTakenFromTheMemoIsEscapedOnEverySighting(String target) {
        // the memo takes long strings and values whole, unscanned, from the third sighting
        Options remembering = Options.DEFAULT.withMemo(new TextMemo(16));
        // the surrogate in the whole request's values, and in its system prompt alone
        String systemOnly = "{\"model\": \"claude-sonnet-4-5\", \"max_tokens\": 100, \"system\": \""
                + "Be kind. ".repeat(40) + "lone:\\ud800 end\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}";
        for (String request : List.of(REQUEST, systemOnly)) {
            String fresh = PromptPort.translate(request, Target.of(target)).output();
            for (int i = 0; i < 4; i++) {
                assertThat(PromptPort.translate(request, InputFormat.ANTHROPIC, Target.of(target), remembering).output())
                        .isEqualTo(fresh)
                        .doesNotContain(String.valueOf((char) 0xD800));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai:gpt-4o", "openai-responses:gpt-4o", "gemini:gemini-2.5-pro",
        "anthropic:claude-sonnet-4-5"})
    void aRawUnpairedSurrogateInAJavaStringIsSentAsTheEscapeItMeant(String target) {
        // no JSON file can hold one, but a Java caller's String can: Java's own UTF-8 encoder
        // would send it as "?", so the character would be lost
        String request = "{\"model\": \"claude-sonnet-4-5\", \"max_tokens\": 100, \"system\": \"lone:"
                + (char) 0xDC01 + " end\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi " + (char) 0xD83D
                + "\"}]}";
        var t = PromptPort.translate(request, Target.of(target));
        assertThat(t.json()).contains("lone:\\uDC01 end", "Hi \\uD83D")
                .doesNotContain(String.valueOf((char) 0xDC01), String.valueOf((char) 0xD83D));
        assertThat(t.jsonBytes()).isEqualTo(t.json().getBytes(StandardCharsets.UTF_8));
    }
}
