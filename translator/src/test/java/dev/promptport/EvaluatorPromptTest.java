package dev.promptport;

import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.ids;
import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An evaluator's request (an LLM judge, as evaluation libraries send it): the system prompt asks
 * for a verdict as JSON and shows worked examples, and the user message gives the output to
 * grade and the rubric. The output tags hold the text graded, not the reply: no finding may say
 * the prompt asks for the answer inside them.
 */
class EvaluatorPromptTest {

    private static final String REQUEST = """
            {"model": "claude-sonnet-4-5", "max_tokens": 400,
             "system": "You check a model's output against a rubric and answer with a JSON object: {\\"reason\\": string, \\"pass\\": boolean, \\"score\\": number}.\\n\\nWorked examples:\\n\\n<Output>Good morning!</Output>\\n<Rubric>The text greets the reader</Rubric>\\n{\\"reason\\": \\"it opens with a greeting\\", \\"pass\\": true, \\"score\\": 1.0}\\n\\n<Output>Shiver me timbers</Output>\\n<Rubric>The text avoids pirate talk</Rubric>\\n{\\"reason\\": \\"a pirate's oath\\", \\"pass\\": false, \\"score\\": 0.0}\\n",
             "messages": [{"role": "user", "content": "<Output>\\nRefunds reach your card within 5 working days.\\n</Output>\\n<Rubric>\\nThe output gives the refund time.\\n</Rubric>"}]}
            """;

    @Test
    void theOutputAJudgeGradesIsDataNotTheReplysTags() throws Exception {
        Translation t = PromptPort.translate(REQUEST, Target.of("openai:gpt-4o"));
        assertThat(ids(t)).doesNotContain("PP102").contains("PP103");
        assertThat(t.findings()).filteredOn(f -> f.id().equals("PP103"))
                .extracting(f -> f.location().pointer()).containsExactly("/system", "/messages/0/content");
        // the graded text keeps its tags; the rubric is a section of the prompt's own
        assertThat(json(t).at("/messages/1/content").asText())
                .isEqualTo("<Output>\nRefunds reach your card within 5 working days.\n</Output>\n\n# Rubric\n\nThe output gives the refund time.");
    }
}
