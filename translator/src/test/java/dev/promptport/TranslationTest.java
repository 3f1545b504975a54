package dev.promptport;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TranslationTest {

    private static final String REQUEST = """
            {"model": "claude-sonnet-4-5", "max_tokens": 100,
             "system": "<context>Triage \u2013 caf\u00e9 \u65e5\u672c \ud83d\ude00</context>",
             "messages": [{"role": "user", "content": "Hi"}]}""";

    @Test
    void aTranslatedRequestsBytesAreItsJsonAsUtf8AndEachCallGetsItsOwnCopy() {
        Translation t = PromptPort.translate(REQUEST, Target.of("openai:gpt-4o"));
        byte[] bytes = t.jsonBytes();
        assertThat(bytes).isEqualTo(t.json().getBytes(StandardCharsets.UTF_8));
        assertThat(t.json()).contains("Triage \u2013 caf\u00e9 \u65e5\u672c \ud83d\ude00");
        bytes[0] = 'X';
        assertThat(t.jsonBytes()[0]).isEqualTo((byte) '{');
        assertThat(t.output()).isSameAs(t.json());
    }

    @Test
    void translationsOfTheSameRequestAreEqualWhetherMadeFromBytesOrAString() {
        Translation read = PromptPort.translate(REQUEST, Target.of("openai:gpt-4o"));
        Translation made = new Translation(read.target(), read.json(), null, read.findings(), read.prefill(),
                read.toolNames());
        assertThat(made).isEqualTo(read).hasSameHashCodeAs(read);
        assertThat(made.jsonBytes()).isEqualTo(read.jsonBytes());
        assertThat(made.toString()).isEqualTo(read.toString()).contains("json={\"model\"");
    }

    @Test
    void aPromptTranslationHasTextAndNoRequest() {
        Translation t = new Translation(Target.of("openai:gpt-4o"), null, "text", List.of(), null, Map.of());
        assertThat(t.json()).isNull();
        assertThat(t.jsonBytes()).isNull();
        assertThat(t.output()).isEqualTo("text");
    }

    /** A lone surrogate has no UTF-8 form: its escape goes out, as the writers write one, not "?". */
    @Test
    void aLoneSurrogateInAGivenJsonGoesOutAsItsEscape() {
        Translation t = new Translation(Target.of("openai:gpt-4o"), "{\"x\":\"a\ud800b \ud83d\ude00\"}", null, List.of(), null,
                Map.of());
        assertThat(new String(t.jsonBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"x\":\"a\\uD800b \ud83d\ude00\"}");
    }
}
