package dev.promptport;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A count given as a fraction (top_k 1.5, a thinking budget of 1024.5) is an input error at its
 * field: the vendor refuses it rather than round it, so what was meant is unknown. A whole number
 * written with a fraction (2.0) is that number, and Gemini's fields take a number in a string,
 * as Google's JSON reads an int32.
 */
class WholeNumberInputTest {

    private static final String USER = "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]";
    private static final String GEMINI_USER = "\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hi\"}]}]";
    private static final Target CLAUDE = Target.of("anthropic:claude-sonnet-4-5");

    private static String request(String format, String json) {
        return json.formatted(format.equals("gemini") ? GEMINI_USER : USER);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            openai-chat | {"model":"gpt-4o","top_k":1.5,%s}                                            | /top_k
            gemini      | {%s,"generationConfig":{"topK":40.5}}                                        | /generationConfig/topK
            gemini      | {%s,"generationConfig":{"topK":"forty"}}                                     | /generationConfig/topK
            gemini      | {%s,"generationConfig":{"thinkingConfig":{"thinkingBudget":1024.5}}}         | /generationConfig/thinkingConfig/thinkingBudget
            gemini      | {%s,"generation_config":{"thinking_config":{"thinking_budget":"lots"}}}      | /generation_config/thinking_config/thinking_budget
            """)
    void aCountGivenAsAFractionOrWordsIsAnInputErrorAtItsField(String format, String json, String pointer) {
        String r = request(format, json);
        PromptPortException e = catchThrowableOfType(PromptPortException.class,
                () -> PromptPort.translate(r, InputFormat.parse(format), CLAUDE, Options.DEFAULT));
        assertThat(e).as(r).isNotNull();
        assertThat(e.location().pointer()).isEqualTo(pointer);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            openai-chat | {"model":"gpt-4o","top_k":2.0,%s}                                           | /top_k          | 2
            gemini      | {%s,"generationConfig":{"topK":"40"}}                                        | /top_k          | 40
            gemini      | {%s,"generationConfig":{"maxOutputTokens":4000,"thinkingConfig":{"thinkingBudget":"1024"}}} | /thinking/budget_tokens | 1024
            gemini      | {%s,"generationConfig":{"maxOutputTokens":4000,"thinkingConfig":{"thinkingBudget":1024.0}}} | /thinking/budget_tokens | 1024
            """)
    void aWholeNumberIsReadHoweverItIsWritten(String format, String json, String pointer, int expected) throws Exception {
        Translation t = PromptPort.translate(request(format, json), InputFormat.parse(format), CLAUDE, Options.DEFAULT);
        assertThat(json(t).at(pointer).asInt()).as(t.json()).isEqualTo(expected);
    }
}
