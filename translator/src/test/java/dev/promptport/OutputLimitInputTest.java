package dev.promptport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.promptport.Translations.finding;
import static dev.promptport.Translations.ids;
import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An output limit below what the request's own vendor takes is an input error at that field,
 * as Claude's max_tokens below 1 is: OpenAI Chat refuses less than 1, the Responses API less
 * than 16, and Gemini's limit counts the reply's tokens.
 */
class OutputLimitInputTest {

    private static final String USER = "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]";
    private static final String GEMINI_USER = "\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hi\"}]}]";

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            openai-chat      | {"model":"gpt-4o","max_completion_tokens":0,%s}           | /max_completion_tokens             | at least 1
            openai-chat      | {"model":"gpt-4o","max_tokens":-1,%s}                     | /max_tokens                        | at least 1
            openai-chat      | {"model":"gpt-4o","max_tokens":1.5,%s}                    | /max_tokens                        | a whole number of tokens
            openai-responses | {"model":"gpt-4o","max_output_tokens":0,"input":"Hi"}     | /max_output_tokens                 | at least 16
            openai-responses | {"model":"gpt-4o","max_output_tokens":15,"input":"Hi"}    | /max_output_tokens                 | at least 16
            gemini           | {%s,"generationConfig":{"maxOutputTokens":0}}             | /generationConfig/maxOutputTokens  | at least 1
            gemini           | {%s,"generation_config":{"max_output_tokens":-3}}         | /generation_config/max_output_tokens | at least 1
            """)
    void anOutputLimitBelowTheVendorsMinimumIsAnInputErrorAtItsField(String format, String json, String pointer, String says) {
        String request = json.formatted(format.equals("gemini") ? GEMINI_USER : USER);
        PromptPortException e = catchThrowableOfType(PromptPortException.class, () -> PromptPort.translate(request,
                InputFormat.parse(format), Target.of("anthropic:claude-sonnet-4-5"), Options.DEFAULT));
        assertThat(e).as(request).isNotNull();
        assertThat(e.location().pointer()).isEqualTo(pointer);
        assertThat(e.getMessage()).contains(pointer.substring(pointer.lastIndexOf('/') + 1) + " must be " + says);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            openai-chat      | {"model":"gpt-4o","max_completion_tokens":1,%s}
            openai-responses | {"model":"gpt-4o","max_output_tokens":16,"input":"Hi"}
            gemini           | {%s,"generationConfig":{"maxOutputTokens":1}}
            """)
    void theVendorsSmallestLimitIsRead(String format, String json) {
        String request = json.formatted(format.equals("gemini") ? GEMINI_USER : USER);
        Translation t = PromptPort.translate(request, InputFormat.parse(format), Target.of("anthropic:claude-sonnet-4-5"),
                Options.DEFAULT);
        assertThat(t.json()).contains("\"max_tokens\":" + (format.equals("openai-responses") ? 16 : 1));
    }

    @Test
    void maxTokensBesideADifferentMaxCompletionTokensIsNamedAndTheNewerLimitKept() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"gpt-4o","max_completion_tokens":800,"max_tokens":300,%s}""".formatted(USER),
                InputFormat.parse("openai-chat"), Target.of("anthropic:claude-sonnet-4-5"), Options.DEFAULT);
        assertThat(json(t).at("/max_tokens").asInt()).isEqualTo(800);
        Finding f = finding(t, "PP199");
        assertThat(f.location().pointer()).isEqualTo("/max_tokens");
        assertThat(f.message()).contains("max_tokens=300").contains("max_completion_tokens=800");
        assertThat(ids(t)).doesNotContain("PP115");
    }

    @Test
    void theTwoLimitsAreNamedAsTheRequestGaveThemWhenAReasoningTargetRaisesTheKeptOne() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"gpt-4o","max_completion_tokens":300,"max_tokens":100,%s}""".formatted(USER),
                InputFormat.parse("openai-chat"), Target.of("openai:o3"), Options.DEFAULT);
        assertThat(json(t).at("/max_completion_tokens").asInt()).isEqualTo(300 + 8192);
        assertThat(finding(t, "PP199").message()).contains("max_tokens=100", "max_completion_tokens=300")
                .doesNotContain("8492");
        assertThat(ids(t)).contains("PP207");
    }

    @Test
    void theSameLimitInBothFieldsLosesNothingAndSaysNothing() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"gpt-4o","max_completion_tokens":500,"max_tokens":500,%s}""".formatted(USER),
                InputFormat.parse("openai-chat"), Target.of("anthropic:claude-sonnet-4-5"), Options.DEFAULT);
        assertThat(json(t).at("/max_tokens").asInt()).isEqualTo(500);
        assertThat(ids(t)).doesNotContain("PP199", "PP115");
    }

    @Test
    void maxTokensBesideANullMaxCompletionTokensIsTheLimit() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"gpt-4o","max_completion_tokens":null,"max_tokens":300,%s}""".formatted(USER),
                InputFormat.parse("openai-chat"), Target.of("anthropic:claude-sonnet-4-5"), Options.DEFAULT);
        assertThat(json(t).at("/max_tokens").asInt()).isEqualTo(300);
    }
}
