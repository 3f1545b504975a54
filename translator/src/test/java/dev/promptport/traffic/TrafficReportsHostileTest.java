package dev.promptport.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static dev.promptport.traffic.TrafficAuditTest.ANTHROPIC_PLAIN;
import static dev.promptport.traffic.TrafficAuditTest.GPT4O;
import static dev.promptport.traffic.TrafficAuditTest.audit;
import static org.assertj.core.api.Assertions.assertThat;

/** A bad line's message quotes the line; the traffic reports must print that quote harmlessly. */
class TrafficReportsHostileTest {

    /**
     * Jackson quotes an unrecognised token with every character Java counts as part of an
     * identifier, and that takes in ESC, NUL, C1 controls and bidi overrides.
     */
    private static final String LOG = ANTHROPIC_PLAIN + "\n"
            + "{\"messages\": tru\u001B\u202E\u0000\u0085\u009Be}\n"
            + "<script>alert(1)</script>\u001B[31m\u2028\"'\n";

    @Test
    void badLineMessagesAreEscapedInTheTextReport() throws Exception {
        TrafficSummary s = audit(LOG, GPT4O, 1);
        assertThat(s.badExamples()).hasSize(2);
        assertThat(s.badExamples().get(0).message()).contains("tru\u001B\u202E\u0000\u0085\u009Be");

        String text = TrafficText.write(s);
        assertThat(text).doesNotContainPattern(
                "[\\p{Cc}\\u2028\\u2029\\u200E\\u200F\\u061C\\u202A-\\u202E\\u2066-\\u2069\\p{Cs}&&[^\\n]]");
        assertThat(text).contains("  line 2: not JSON at column 14: unrecognized word 'tru\\u{1B}\\u{202E}\\u{0}\\u{85}\\u{9B}e'");
        assertThat(text).containsPattern("\n  line 3: not JSON at column 1: [^\n]*\n");
    }

    @Test
    void badLineMessagesAreExactAndEscapedInTheJsonReport() throws Exception {
        TrafficSummary s = audit(LOG, GPT4O, 1);
        String json = TrafficJson.write(s);
        assertThat(json).doesNotContainPattern("[\\u007F-\\u009F\\u2028\\u2029\\u202A-\\u202E\\p{Cs}]")
                .contains("tru\\u001B\\u202E\\u0000\\u0085\\u009Be");
        JsonNode back = new ObjectMapper().readTree(json.getBytes(StandardCharsets.UTF_8));
        assertThat(back.at("/badLines/examples/0/message").asText()).isEqualTo(s.badExamples().get(0).message());
    }

    @Test
    void anEnvelopesUrlQuotedInABadLineIsEscapedInTheTextReport() throws Exception {
        String line = "{\"url\":\"/v1/chat/completions?\\u001B[31m\\u202E\",\"body\":{\"contents\":[]}}";
        TrafficSummary s = audit(line + "\n", GPT4O, 1);
        assertThat(s.badExamples()).singleElement().satisfies(b -> assertThat(b.message()).contains("\u001B[31m\u202E"));
        assertThat(TrafficText.write(s)).contains("the url \"/v1/chat/completions?\\u{1B}[31m\\u{202E}\" says openai-chat")
                .doesNotContainPattern("[\\p{Cc}\\u202A-\\u202E&&[^\\n]]");
    }
}
