package dev.promptport.rules;

import dev.promptport.tree.RawJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StrictFitTest {

    @Test
    void aSchemaRewrittenWithoutLossStaysStrictWithTheRewrittenText() {
        StrictFit fit = StrictFit.of(new RawJson("{\"type\":\"object\",\"properties\":{\"a\":{\"const\":\"x\"}},"
                + "\"required\":[\"a\"],\"additionalProperties\":false}"));
        assertThat(fit.strict()).isTrue();
        assertThat(fit.schema().json()).isEqualTo("{\"type\":\"object\",\"properties\":{\"a\":{\"enum\":[\"x\"]}},"
                + "\"required\":[\"a\"],\"additionalProperties\":false}");
        assertThat(fit.rewrites()).containsExactly("const became an enum of its one value at /properties/a");
    }

    @Test
    void aSchemaThatStaysOutOfStrictModeIsSentAsWritten() {
        RawJson schema = new RawJson("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\",\"minLength\":1,"
                + "\"default\":\"x\"}},\"required\":[\"a\"],\"additionalProperties\":false}");
        StrictFit fit = StrictFit.of(schema);
        assertThat(fit.strict()).isFalse();
        assertThat(fit.problems()).containsExactly("the keyword minLength at /properties/a");
        assertThat(fit.schema()).isSameAs(schema);
        assertThat(fit.rewrites()).isEmpty();
    }
}
