package dev.promptport.read;

import dev.promptport.Prompt;
import dev.promptport.PromptPort;
import dev.promptport.PromptPortException;
import dev.promptport.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A prompt file's output limit that no vendor takes (0, a negative number, a fraction, text) is
 * an input error at the line and column of its key, as a request's is at its field: sent on, it
 * would fail every request made from the file.
 */
class PromptFileOutputLimitTest {

    private static final Target CLAUDE = Target.of("anthropic:claude-sonnet-4-5");

    private static Prompt prompt(String format, String value) {
        return switch (format) {
            case "dotprompt" -> Prompt.dotprompt("""
                    ---
                    model: googleai/gemini-2.5-flash
                    config:
                      temperature: 0.2
                      maxOutputTokens: %s
                    ---
                    Summarise {{text}}.
                    """.formatted(value));
            case "prompty" -> Prompt.prompty("""
                    ---
                    name: summary
                    model:
                      api: chat
                      parameters:
                        max_tokens: %s
                    ---
                    system:
                    Summarise the text.
                    """.formatted(value));
            default -> Prompt.promptYaml("""
                    name: summary
                    model: openai/gpt-4o
                    modelParameters:
                      max_completion_tokens: %s
                    messages:
                      - role: user
                        content: Summarise {{text}}.
                    """.formatted(value));
        };
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            dotprompt   | 0     | 5:3 | maxOutputTokens must be at least 1
            dotprompt   | -20   | 5:3 | maxOutputTokens must be at least 1
            dotprompt   | 1.5   | 5:3 | maxOutputTokens must be a whole number of tokens (vendors refuse anything else), not 1.5
            dotprompt   | lots  | 5:3 | maxOutputTokens must be a whole number of tokens (vendors refuse anything else), not the text "lots"
            prompty     | 0     | 6:5 | max_tokens must be at least 1
            prompty     | '"300"' | 6:5 | max_tokens must be a whole number of tokens (vendors refuse anything else), not the text "300"
            prompt.yml  | 0     | 4:3 | max_completion_tokens must be at least 1
            prompt.yml  | 2.5   | 4:3 | max_completion_tokens must be a whole number of tokens
            """)
    void anOutputLimitNoVendorTakesIsAnInputErrorAtItsKey(String format, String value, String where, String says) {
        PromptPortException e = catchThrowableOfType(PromptPortException.class,
                () -> PromptPort.translate(prompt(format, value), CLAUDE));
        assertThat(e).as(format + " " + value).isNotNull();
        assertThat(e.location().display()).isEqualTo(where);
        assertThat(e.getMessage()).contains(says).doesNotContain("promptport could not");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            dotprompt  | 1
            dotprompt  | 300.0
            prompty    | 300
            prompt.yml | 300
            """)
    void aWholePositiveLimitIsSent(String format, String value) {
        String json = PromptPort.translate(prompt(format, value), CLAUDE).json();
        assertThat(json).contains("\"max_tokens\":" + (int) Double.parseDouble(value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            dotprompt  | '300\n  max_tokens: 500'        | maxOutputTokens: 300 and max_tokens: 500
            prompty    | '300\n    maxOutputTokens: 500' | maxOutputTokens: 500 and max_tokens: 300
            prompt.yml | '300\n  max_tokens: 500'        | max_tokens: 500 and max_completion_tokens: 300
            """)
    void twoDifferentOutputLimitsUnderTheirTwoNamesAreAnInputError(String format, String value, String says) {
        PromptPortException e = catchThrowableOfType(PromptPortException.class,
                () -> PromptPort.translate(prompt(format, value.replace("\\n", "\n")), CLAUDE));
        assertThat(e).as(format).isNotNull();
        assertThat(e.getMessage()).contains("two output limits, " + says);
        assertThat(e.location().line()).isPositive();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            dotprompt  | '300\n  max_tokens: 300'
            prompt.yml | '300\n  max_tokens: 300'
            """)
    void theSameLimitUnderBothNamesIsThatLimit(String format, String value) {
        String json = PromptPort.translate(prompt(format, value.replace("\\n", "\n")), CLAUDE).json();
        assertThat(json).contains("\"max_tokens\":300");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            '300\n  topK: 1.5'      | topK must be a whole number, not 1.5
            '300\n  topK: several'  | topK must be a whole number, not the text "several"
            """)
    void aTopKThatIsNotAWholeNumberIsAnInputErrorAtItsKey(String value, String says) {
        PromptPortException e = catchThrowableOfType(PromptPortException.class,
                () -> PromptPort.translate(prompt("dotprompt", value.replace("\\n", "\n")), CLAUDE));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains(says);
        assertThat(e.location().display()).isEqualTo("6:3");
    }
}
