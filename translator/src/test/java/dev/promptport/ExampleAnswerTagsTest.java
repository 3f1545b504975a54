package dev.promptport;

import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.finding;
import static dev.promptport.Translations.ids;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few-shot prompt shows each example's answer in tags ({@code <example>} around
 * {@code <input>} and {@code <output>}) without asking the reply to use them: PP212 says the
 * tags are only shown, where PP102 would say the prompt asks for them. Asked for anywhere, they
 * are the reply's, and PP102 alone says so.
 */
class ExampleAnswerTagsTest {

    private static final Target GPT = Target.of("openai:gpt-4o");

    private static final String FEW_SHOT = """
            Classify the customer's message into one intent. Reply with JSON only.

            <examples>
            <example>
            <input>Where's my order?</input>
            <output>{"intent": "order_status"}</output>
            </example>
            <example>
            <input>I want my money back</input>
            <output>{"intent": "refund"}</output>
            </example>
            </examples>
            """;

    @Test
    void anExamplesAnswerTagsAreShownNotAskedFor() {
        Translation t = PromptPort.translate(new Prompt(FEW_SHOT, false), GPT);
        assertThat(ids(t)).contains("PP212").doesNotContain("PP102");
        Finding f = finding(t, "PP212");
        assertThat(f.message()).contains("The examples show answers inside <output> tags");
        assertThat(f.severity()).isEqualTo(Severity.LOW);
        // once, where the first example's answer is
        assertThat(t.findings()).filteredOn(x -> x.id().equals("PP212")).hasSize(1);
        assertThat(f.location().line()).isEqualTo(6);
    }

    @Test
    void theRewrittenPromptIsReadTheSameWayAgain() {
        Translation first = PromptPort.translate(new Prompt(FEW_SHOT, false), GPT);
        assertThat(first.text()).contains("## Example 1", "<output>{\"intent\": \"order_status\"}</output>");
        Translation again = PromptPort.translate(new Prompt(first.text(), false), GPT);
        assertThat(ids(again)).contains("PP212").doesNotContain("PP102");
    }

    @Test
    void tagsTheInstructionsAskForAreTheReplysEvenInAnExample() {
        String asked = FEW_SHOT.replace("Reply with JSON only.", "Put the JSON inside <output></output> tags.");
        Translation t = PromptPort.translate(new Prompt(asked, false), GPT);
        assertThat(ids(t)).contains("PP102").doesNotContain("PP212");
        assertThat(finding(t, "PP102").location().line()).isEqualTo(1);
    }

    @Test
    void anAnswerSlotAfterTheExamplesMakesTheTagsTheReplys() {
        String slot = FEW_SHOT + "\n<input>{{MESSAGE}}</input>\n<output>\nThe intent as JSON.\n</output>\n";
        Translation t = PromptPort.translate(new Prompt(slot, false), GPT);
        assertThat(ids(t)).contains("PP102").doesNotContain("PP212");
    }

    @Test
    void anAnswerShownAfterForExampleIsShownToo() {
        String shown = """
                Tell whether the review is positive or negative.
                For example:
                <answer>positive</answer>
                """;
        Translation t = PromptPort.translate(new Prompt(shown, false), GPT);
        assertThat(ids(t)).contains("PP212").doesNotContain("PP102");
    }

    @Test
    void theTagsOfAnExamplesIdealOutputAreShownAnswerTags() {
        // as Anthropic's prompt generator writes examples: the reply whole, in the reply's own tags
        String ideal = """
                You will categorize customer emails.

                <examples>
                <example>
                <email>Hi, my order hasn't arrived</email>
                <ideal_output>
                <category>shipping</category>
                </ideal_output>
                </example>
                </examples>
                """;
        Translation t = PromptPort.translate(new Prompt(ideal, false), GPT);
        assertThat(finding(t, "PP212").message()).contains("<category>");
        assertThat(finding(t, "PP212").location().line()).isEqualTo(7);
        assertThat(t.text()).contains("<ideal_output>\n<category>shipping</category>\n</ideal_output>");
        Translation asked = PromptPort.translate(new Prompt(ideal + "Reply with the category in <category> tags.", false), GPT);
        assertThat(ids(asked)).contains("PP102").doesNotContain("PP212");
    }

    @Test
    void anEmptySlotInAnExampleStaysTheReplys() {
        String empty = """
                Answer the question.

                <example>
                <question>What is 2 + 2?</question>
                <answer></answer>
                </example>
                """;
        Translation t = PromptPort.translate(new Prompt(empty, false), GPT);
        assertThat(ids(t)).doesNotContain("PP212");
    }
}
