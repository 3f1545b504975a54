package dev.promptport;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestBytesTranslateTest {

    private static final Target GPT = Target.of("openai:gpt-4o");

    private static String request(String system, String question) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":512,\"system\":" + quoted(system)
                + ",\"messages\":[{\"role\":\"user\",\"content\":" + quoted(question) + "}]}";
    }

    private static String quoted(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    @Test
    void utf8BytesTranslateAsTheTextTheyEncode() {
        String json = request("<context>Grüße aus Köln — 東京 🙂</context>\n<instructions>Answer briefly.</instructions>",
                "Wie spät ist es?");
        Translation text = PromptPort.translate(json, GPT);
        Translation bytes = PromptPort.translate(json.getBytes(StandardCharsets.UTF_8), InputFormat.ANTHROPIC, GPT,
                Options.DEFAULT);
        assertThat(bytes.json()).isEqualTo(text.json()).contains("Köln — 東京 🙂");
        assertThat(bytes.findings()).isEqualTo(text.findings());
    }

    @Test
    void bytesThatAreNotUtf8AreBadInputNamingTheFirstBadByte() {
        byte[] json = request("You help.", "caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        int bad = new String(json, StandardCharsets.ISO_8859_1).indexOf('\u00e9');
        assertThatThrownBy(() -> PromptPort.translate(json, InputFormat.ANTHROPIC, GPT, Options.DEFAULT))
                .isInstanceOf(PromptPortException.class)
                .hasMessageContaining("not valid UTF-8")
                .hasMessageContaining("byte 0xE9 at offset " + bad)
                .satisfies(e -> {
                    PromptPortException p = (PromptPortException) e;
                    assertThat(p.location().line()).isEqualTo(1);
                    assertThat(p.location().column()).isEqualTo(bad + 1);
                });
    }

    @Test
    void aRealReplacementCharacterIsText() {
        String json = request("Unknown bytes show as \uFFFD in the logs.", "Why?");
        Translation bytes = PromptPort.translate(json.getBytes(StandardCharsets.UTF_8), InputFormat.ANTHROPIC, GPT,
                Options.DEFAULT);
        assertThat(bytes.json()).isEqualTo(PromptPort.translate(json, GPT).json());
    }

    @Test
    void theCallersBytesAreNeitherChangedNorReusedByALaterTranslation() {
        // within the sizes the lexer's copies are pooled at, and larger than the pool's own
        // buffers: an array handed to the pool would be the next, shorter request's copy
        String long1 = request("<rules>\n" + "Cite the order id.\n".repeat(3000) + "</rules>", "Where is 8812?");
        String long2 = request("<notes>\n" + "Quote the invoice.\n".repeat(2900) + "</notes>", "Where is 9913?");
        byte[] given = long1.getBytes(StandardCharsets.UTF_8);
        byte[] copy = given.clone();
        Translation first = PromptPort.translate(given, InputFormat.ANTHROPIC, GPT, Options.DEFAULT);
        PromptPort.translate(long2, GPT);
        PromptPort.translate(long2.getBytes(StandardCharsets.UTF_8), InputFormat.ANTHROPIC, GPT, Options.DEFAULT);
        assertThat(Arrays.equals(given, copy)).isTrue();
        assertThat(PromptPort.translate(given, InputFormat.ANTHROPIC, GPT, Options.DEFAULT).json()).isEqualTo(first.json());
    }

    @Test
    void aWiderRequestsPooledCopyIsGivenBackAndNeverReadByTheNextTranslation() {
        // past ASCII, within the sizes the copies are pooled at: the second request's copy is
        // made in the buffer the first gave back, and must not show through in either
        String first = request("<regeln>\n" + "Nenne die Bestellnummer — immer.\n".repeat(200) + "</regeln>", "Wo ist 8812?");
        String second = request("<notes>\n" + "日本語で答えてください。\n".repeat(150) + "</notes>", "注文はどこ？");
        byte[] firstBytes = first.getBytes(StandardCharsets.UTF_8);
        byte[] secondBytes = second.getBytes(StandardCharsets.UTF_8);
        byte[] copy = firstBytes.clone();
        Translation once = PromptPort.translate(firstBytes, InputFormat.ANTHROPIC, GPT, Options.DEFAULT);
        Translation other = PromptPort.translate(secondBytes, InputFormat.ANTHROPIC, GPT, Options.DEFAULT);
        Translation again = PromptPort.translate(firstBytes, InputFormat.ANTHROPIC, GPT, Options.DEFAULT);
        assertThat(once.json()).isEqualTo(PromptPort.translate(first, GPT).json()).isEqualTo(again.json());
        assertThat(other.json()).isEqualTo(PromptPort.translate(second, GPT).json());
        assertThat(Arrays.equals(firstBytes, copy)).isTrue();
    }

    @Test
    void bytesOverTheInputSizeLimitAreRefusedBeforeTheyAreDecoded() {
        byte[] json = request("x".repeat(2000), "hi").getBytes(StandardCharsets.UTF_8);
        Options small = Options.DEFAULT.withLimits(Limits.DEFAULTS.withMaxInputBytes(1024));
        assertThatThrownBy(() -> PromptPort.translate(json, InputFormat.ANTHROPIC, GPT, small))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining(json.length + " bytes");
    }

    @Test
    void everyTargetGetsWhatItsOwnCallWouldGive() {
        String json = request("<task>Sum the list.</task>", "1, 2, 3");
        List<Target> targets = List.of(GPT, Target.of("gemini:gemini-2.5-pro"));
        List<Translation> all = PromptPort.translate(json.getBytes(StandardCharsets.UTF_8), InputFormat.ANTHROPIC,
                targets, Options.DEFAULT);
        for (int i = 0; i < targets.size(); i++) {
            assertThat(all.get(i).json()).isEqualTo(PromptPort.translate(json, targets.get(i)).json());
        }
    }

    @Property(tries = 300)
    void anyTextAsUtf8TranslatesAsItsDecodedText(@ForAll @StringLength(max = 300) String system,
                                                  @ForAll @StringLength(max = 40) String question) {
        byte[] utf8 = request(system, question).getBytes(StandardCharsets.UTF_8);
        String decoded = new String(utf8, StandardCharsets.UTF_8);
        Translation text;
        try {
            text = PromptPort.translate(decoded, GPT);
        } catch (PromptPortException e) {
            assertThatThrownBy(() -> PromptPort.translate(utf8, InputFormat.ANTHROPIC, GPT, Options.DEFAULT))
                    .isInstanceOf(PromptPortException.class).hasMessage(e.getMessage());
            return;
        }
        Translation bytes = PromptPort.translate(utf8, InputFormat.ANTHROPIC, GPT, Options.DEFAULT);
        assertThat(bytes.json()).isEqualTo(text.json());
        assertThat(bytes.findings()).isEqualTo(text.findings());
    }
}
