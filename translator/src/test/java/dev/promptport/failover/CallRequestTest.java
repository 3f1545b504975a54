package dev.promptport.failover;

import dev.promptport.InputFormat;
import dev.promptport.LimitExceededException;
import dev.promptport.Limits;
import dev.promptport.Options;
import dev.promptport.PromptPort;
import dev.promptport.PromptPortException;
import dev.promptport.Target;
import dev.promptport.tree.ByteWords;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What Failover reads of a request before it translates it: its model, whether it streams, and that it is one JSON object. */
class CallRequestTest {

    @Test
    void readsTheTopLevelModelAndStreamWhereverTheyStand() {
        String json = "{\"stream\": true, \"messages\": [{\"role\": \"user\", \"content\": \"hi\", \"model\": \"inner\"}],"
                + " \"system\": \"Say \\\"hi\\\".\\n\", \"model\": \"claude-sonnet-4-5\"}";
        Call.Request r = Call.Request.parse(json, Limits.DEFAULTS);
        assertThat(r.model()).isEqualTo("claude-sonnet-4-5");
        assertThat(r.stream()).isTrue();
        assertThat(r.json()).isSameAs(json);
    }

    @Test
    void aRequestGivenAsTextKeepsTheLexersCopyForEveryEndpointsTranslation() {
        String json = "{\"model\": \"mod\u00e8le \u2013 \ud83d\ude00\", \"max_tokens\": 10,"
                + " \"messages\": [{\"role\": \"user\", \"content\": \"Hi \u2022 there\"}]}";
        Call.Request r = Call.Request.parse(json, Limits.DEFAULTS);
        assertThat(r.view()).isEqualTo(ByteWords.oneBytePerChar(json));
        assertThat(r.body()).isEqualTo(json.getBytes(StandardCharsets.UTF_8));

        Target target = Target.of("openai:gpt-4o");
        assertThat(r.translate(target, Options.DEFAULT).json())
                .isEqualTo(PromptPort.translate(json, InputFormat.ANTHROPIC, target, Options.DEFAULT).json());
    }

    @Test
    void aRequestGivenAsBytesKeepsThemToSendAndHandsOnTheLexersCopyMadeAsTheyWereDecoded() {
        byte[] ascii = "{\"model\": \"m\", \"stream\": true}".getBytes(StandardCharsets.UTF_8);
        Call.Request a = Call.Request.parse(ascii, Limits.DEFAULTS);
        assertThat(a.view()).isSameAs(ascii);
        assertThat(a.body()).isSameAs(ascii);
        assertThat(a.model()).isEqualTo("m");
        assertThat(a.stream()).isTrue();

        byte[] accented = "{\"model\": \"modèle\"}".getBytes(StandardCharsets.UTF_8);
        Call.Request b = Call.Request.parse(accented, Limits.DEFAULTS);
        assertThat(Arrays.copyOf(b.view(), b.json().length())).isEqualTo(ByteWords.oneBytePerChar(b.json()));
        assertThat(b.body()).isSameAs(accented);
        assertThat(b.model()).isEqualTo("modèle");
        assertThat(b.json()).isEqualTo("{\"model\": \"modèle\"}");
    }

    @Test
    void aStreamThatIsNotTrueDoesNotStream() {
        assertThat(Call.Request.parse("{\"stream\": \"yes\", \"model\": 4}", Limits.DEFAULTS).stream()).isFalse();
        assertThat(Call.Request.parse("{\"stream\": \"yes\", \"model\": 4}", Limits.DEFAULTS).model()).isNull();
    }

    @Test
    void brokenJsonIsRefusedSayingWhere() {
        assertThatThrownBy(() -> Call.Request.parse("{\"model\": \"m\",\n \"messages\": [}", Limits.DEFAULTS))
                .isInstanceOf(PromptPortException.class)
                .satisfies(e -> assertThat(((PromptPortException) e).location().line()).isEqualTo(2));
    }

    @Test
    void anythingButOneObjectIsRefused() {
        assertThatThrownBy(() -> Call.Request.parse("[1, 2]", Limits.DEFAULTS)).isInstanceOf(PromptPortException.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> Call.Request.parse("{\"model\": \"m\"} {}", Limits.DEFAULTS))
                .isInstanceOf(PromptPortException.class);
    }

    @Test
    void aRequestOverTheInputLimitIsRefusedBeforeItIsRead() {
        String json = "{\"model\": \"m\", \"system\": \"" + "x".repeat(3000) + "\"}";
        assertThatThrownBy(() -> Call.Request.parse(json, Limits.DEFAULTS.withMaxInputBytes(1024)))
                .isInstanceOf(LimitExceededException.class);
    }

    @Test
    void aRequestNestedPastTheDepthLimitIsRefused() {
        String json = "{\"model\": \"m\", \"metadata\": " + "[".repeat(40) + "]".repeat(40) + "}";
        assertThatThrownBy(() -> Call.Request.parse(json, Limits.DEFAULTS.withMaxJsonDepth(16)))
                .isInstanceOf(LimitExceededException.class);
    }
}
