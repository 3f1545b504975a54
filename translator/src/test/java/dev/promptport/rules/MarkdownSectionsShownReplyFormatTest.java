package dev.promptport.rules;

import dev.promptport.Finding;
import dev.promptport.rules.SectionRewrites.Result;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.rules.SectionRewrites.rewrite;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reply's format shown in a prompt (a template, an example of the reply, the blocks it asks
 * for) keeps its tags, and the prose around it still converts. The texts are shortened excerpts
 * from published system prompts.
 */
class MarkdownSectionsShownReplyFormatTest {

    @Test
    void blocksShownAfterUseTheFollowingFormatKeepTheirTags() {
        // Claude Engineer's edit prompt: the reply is a list of these blocks
        String text = """
                <instructions>
                Edit the code as asked.
                </instructions>

                IMPORTANT: RETURN ONLY THE SEARCH/REPLACE BLOCKS.
                USE THE FOLLOWING FORMAT FOR EACH BLOCK:

                <SEARCH>
                Code to be replaced
                </SEARCH>
                <REPLACE>
                New code to insert
                </REPLACE>
                """;
        Result r = rewrite(text);
        assertThat(r.text()).startsWith("# Instructions").contains("""
                <SEARCH>
                Code to be replaced
                </SEARCH>
                <REPLACE>
                New code to insert
                </REPLACE>
                """);
    }

    @Test
    void exampleOfHowTheOutputIsStructuredKeepsItsTagsAndNamesThem() {
        // Claude Code's compaction prompt: the code reading the reply takes the text in <summary>
        String text = """
                <rules>
                Cover every file you changed.
                </rules>

                Here's an example of how your output should be structured:

                <example>
                <analysis>
                [Your thought process]
                </analysis>

                <summary>
                1. Primary Request and Intent:
                   [Detailed description]
                </summary>
                </example>
                """;
        Result r = rewrite(text);
        assertThat(r.text()).contains("# Rules").contains(text.substring(text.indexOf("<example>")));
        assertThat(r.findings()).filteredOn(f -> f.id().equals("PP102")).extracting(Finding::message)
                .anyMatch(m -> m.contains("<summary>")).noneMatch(m -> m.contains("<example>"));
    }

    @Test
    void blockShownLikeTheFollowingKeepsItsTagsAndMentionsOfIt() {
        // the tool-use preamble of Claude Design's system prompt
        String text = """
                <rules>
                Make all independent calls in the same <function_calls> block.
                </rules>

                You can invoke functions by writing a "<function_calls>" block like the following:
                <function_calls>
                <invoke name="$FUNCTION_NAME">
                <parameter name="$PARAMETER_NAME">$PARAMETER_VALUE</parameter>
                ...
                </invoke>
                </function_calls>
                """;
        Result r = rewrite(text);
        assertThat(r.text()).startsWith("# Rules\n\nMake all independent calls in the same <function_calls> block.")
                .endsWith("like the following:\n<function_calls>\n<invoke name=\"$FUNCTION_NAME\">\n"
                        + "<parameter name=\"$PARAMETER_NAME\">$PARAMETER_VALUE</parameter>\n...\n</invoke>\n</function_calls>\n");
    }

    @Test
    void anExamplesReplyKeepsItsTags() {
        // Lovable's system prompt: the reply's <lov-code> block, shown in an example, is what the app parses
        String text = """
                <example>
                <user_message>
                Add a button.
                </user_message>
                <ai_message>
                I'll add a button.
                <lov-code>
                <lov-write file_path="src/App.tsx">
                export default App;
                </lov-write>
                </lov-code>
                </ai_message>
                </example>
                """;
        Result r = rewrite(text);
        assertThat(r.text()).isEqualTo("""
                # Example

                ## User message

                Add a button.

                ---

                <ai_message>
                I'll add a button.
                <lov-code>
                <lov-write file_path="src/App.tsx">
                export default App;
                </lov-write>
                </lov-code>
                </ai_message>
                """);
    }

    @Test
    void toolCallWhoseTagsNameTheirValueKeepsItsTagsAndEndsTheReplysFormat() {
        // OpenHands' prompt for models without native tool calls
        String text = """
                If you choose to call a function ONLY reply in the following format with NO suffix:

                <function=example_function_name>
                <parameter=example_parameter_1>value_1</parameter>
                </function>

                <IMPORTANT>
                Reminder:
                - Function calls MUST follow the specified format
                </IMPORTANT>

                USER: Show the files.

                ASSISTANT:
                <function=execute_bash>
                <parameter=command>
                ls -la
                </parameter>
                </function>
                """;
        Result r = rewrite(text);
        assertThat(r.text()).contains(text.substring(text.indexOf("<function=example"), text.indexOf("\n\n<IMPORTANT>")))
                .contains("# IMPORTANT").doesNotContain("<IMPORTANT>")
                .endsWith(text.substring(text.indexOf("ASSISTANT:")));
        assertThat(r.findings()).extracting(Finding::id).doesNotContain("PP104", "PP105", "PP134");
        assertThat(r.findings()).filteredOn(f -> f.id().equals("PP102")).extracting(Finding::message)
                .anyMatch(m -> m.contains("<function>")).noneMatch(m -> m.contains("<IMPORTANT>"));
    }

    @Test
    void formatLabelsAndSentencesThatUseTheFormatShowTheReplysTemplate() {
        // Sweep's prompts: each introduces the tags the code reading the reply parses
        for (String intro : List.of("Format:", "You MUST call the tools using this exact XML format:",
                "Remember: The response format is:", "Format your response using the following XML tags:",
                "Describe the changes. Respond in the following format. (1 paragraph)", "Follow this format:")) {
            String text = """
                    <rules>
                    Review the diff.
                    </rules>

                    %s
                    <thoughts>
                    Your thoughts on the change.
                    </thoughts>
                    <verdict>
                    Yes or No
                    </verdict>
                    """.formatted(intro);
            Result r = rewrite(text);
            assertThat(r.text()).as(intro).startsWith("# Rules").endsWith(text.substring(text.indexOf(intro)));
            assertThat(r.findings()).as(intro).filteredOn(f -> f.id().equals("PP102")).extracting(Finding::message)
                    .anyMatch(m -> m.contains("<thoughts>")).anyMatch(m -> m.contains("<verdict>"));
        }
    }

    @Test
    void sectionsAfterFormatAsANounOrAnInputFormatStillConvert() {
        for (String intro : List.of("The functions available in JSONSchema format:", "Input format:",
                "The tools below use these rules.")) {
            String text = """
                    %s
                    <guidelines>
                    Be brief.
                    </guidelines>
                    """.formatted(intro);
            assertThat(rewrite(text).text()).as(intro).contains("# Guidelines");
        }
    }

    @Test
    void headingLabelsBetweenTheReplysSectionsStillShowTheTemplate() {
        // Sweep's planning prompt: the reply's template titles each of its sections
        String text = """
                <rules>
                Plan the change.
                </rules>

                You MUST follow the following format:

                # Contextual Request Analysis:
                <contextual_request_analysis>
                * Outline the ideal plan.
                </contextual_request_analysis>

                # Plan:
                <plan>
                <create file="file_path_1">
                * Exact instructions for creating the new file
                </create>
                </plan>

                # Notes

                <notes>
                Keep it short.
                </notes>
                """;
        Result r = rewrite(text);
        assertThat(r.text()).startsWith("# Rules")
                .contains(text.substring(text.indexOf("You MUST"), text.indexOf("# Notes")))
                .contains("Notes").doesNotContain("<notes>");
        assertThat(r.findings()).filteredOn(f -> f.id().equals("PP102")).extracting(Finding::message)
                .anyMatch(m -> m.contains("<contextual_request_analysis>")).anyMatch(m -> m.contains("<plan>"));
        // a label that itself asks for the format still does
        Result label = rewrite("## Output Format:\n<answer>\nThe answer.\n</answer>\n");
        assertThat(label.text()).contains("<answer>");
    }

    @Test
    void numberedLabelsBetweenTheReplysSectionsStillShowTheTemplate() {
        String template = """
                Respond in the following format:

                %s
                <analysis>
                Your step-by-step reading of the reply.
                </analysis>

                %s
                <score>
                A number from 1 to 5.
                </score>
                """;
        for (String[] labels : new String[][] {{"1. Analysis:", "2. Score:"}, {"### 1. Analysis", "### 2. Score"},
                {"**1. Analysis:**", "**2. Score:**"}, {"1. **Analysis**", "2. **Score**"},
                {"### Step 1: Analysis", "### Step 2: Score"}}) {
            String text = "<rules>\nBe strict.\n</rules>\n\n" + template.formatted(labels[0], labels[1]);
            Result r = rewrite(text);
            assertThat(r.text()).as(labels[1]).startsWith("# Rules")
                    .contains(text.substring(text.indexOf("Respond")));
        }
        // a numbered sentence is the prompt's own instruction: the section after it is the prompt's again
        Result own = rewrite(template.formatted("1. Analysis:", "2. Weigh the reply against the policy below."));
        assertThat(own.text()).contains("<analysis>").doesNotContain("<score>");
    }

    @Test
    void replyShownUnderACorrectOrExpectedOutputHeadingKeepsItsTags() {
        // Continue's hole filler: each example's reply is written in <COMPLETION> tags
        String text = """
                <rules>
                Fill the hole.
                </rules>

                ## CORRECT COMPLETION

                <COMPLETION>if (i % 2 === 0) {
                      sum += i;
                    }</COMPLETION>

                ### Expected output:

                <result>
                42
                </result>

                ## Notes

                <notes>
                Indent as the file does.
                </notes>
                """;
        Result r = rewrite(text);
        assertThat(r.text()).startsWith("# Rules")
                .contains(text.substring(text.indexOf("## CORRECT"), text.indexOf("## Notes")))
                .doesNotContain("<notes>");
    }

    @Test
    void aTagPairHoldingOnlyAPlaceholderIsInputNotTheReplysFormat() {
        // a prompt-improver template: the prompt to improve is filled in by the application
        String text = """
                Rewrite the prompt below so it is clearer. Output your answer in XML format.

                <prompt>{{PROMPT}}</prompt>

                Put the improved prompt in <improved> tags.
                """;
        Result r = rewrite(text);
        assertThat(r.findings()).filteredOn(f -> f.id().equals("PP102")).extracting(Finding::message)
                .singleElement().asString().contains("<improved>");
        assertThat(r.text()).contains("<prompt>{{PROMPT}}</prompt>");
        assertThat(rewrite("Respond in this format:\n\n<answer>{answer}</answer>\n").findings())
                .extracting(Finding::id).contains("PP102");
    }

    @Test
    void aSingleBracePlaceholderInAReplyTemplateIsWhatTheModelWritesThere() {
        // "{score}" tells the model what goes in the pair; only a template engine's "{{…}}" or
        // "${…}" is the application's input
        Result r = rewrite("Respond in this format:\n\n<verdict>{verdict}</verdict>\n<score>{score}</score>\n");
        assertThat(r.findings()).filteredOn(f -> f.id().equals("PP102")).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("<verdict>"))
                .anySatisfy(m -> assertThat(m).contains("<score>"));
        assertThat(rewrite("Output your answer in XML format.\n\n<prompt>${prompt}</prompt>\n").findings())
                .extracting(Finding::id).doesNotContain("PP102");
    }

    /**
     * SWE-agent 0.7's reply format: the example the format request introduces starts with lines
     * of prose, and its {@code <command>} is what the agent's parser reads.
     */
    @Test
    void aSectionInsideAnExampleOfTheReplyThatStartsWithProseKeepsItsTags() {
        String text = """
                You need to format your output using two fields; discussion and command.
                Your output should always include one discussion and one command field EXACTLY as in the following example:
                DISCUSSION
                First I'll list the files.
                <command>
                ls -a
                </command>

                You should only include a SINGLE command in the command section.
                """;
        Result r = rewrite(text);
        assertThat(r.text()).isEqualTo(text);
        assertThat(r.findings()).filteredOn(f -> f.id().equals("PP102")).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("<command>"));
    }

    /** A tool call shown after "For example:" and a line about it is the example's text as well. */
    @Test
    void aSectionAfterAnExamplesFirstLinesKeepsItsTagsButNotAcrossAParagraph() {
        String shown = "For example:\nThe call below lists the files.\n<list_files>\n<path>.</path>\n</list_files>\n";
        assertThat(rewrite(shown).text()).isEqualTo(shown);
        assertThat(rewrite("For example:\nThe call below lists the files.\n\n<rules>\nBe kind.\n</rules>\n").text())
                .contains("# Rules");
        assertThat(rewrite("Here is the context:\nRead it with care.\n<rules>\nBe kind.\n</rules>\n").text())
                .contains("# Rules");
    }
}
