package dev.promptport.rules;

import dev.promptport.Finding;
import dev.promptport.rules.SectionRewrites.Result;
import org.junit.jupiter.api.Test;

import static dev.promptport.rules.SectionRewrites.rewrite;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tags that are text the model writes, shown in a prompt, keep their tags: tool calls, messages
 * and examples. The texts are shortened excerpts from published system prompts. A reply's format
 * shown the same way: {@link MarkdownSectionsShownReplyFormatTest}.
 */
class MarkdownSectionsShownTextTest {

    @Test
    void toolCallShownAfterUsageOrForExampleKeepsItsTags() {
        // Cline's system prompt: its tools are called in these tags; headings would break every call
        String text = """
                Tool use is formatted using XML-style tags. Here's the structure:

                <tool_name>
                <parameter1_name>value1</parameter1_name>
                ...
                </tool_name>

                For example:

                <read_file>
                <path>src/main.js</path>
                </read_file>

                ## execute_command
                Usage:
                <execute_command>
                <command>Your command here</command>
                </execute_command>
                """;
        Result r = rewrite(text);
        assertThat(r.text()).isEqualTo(text);
        assertThat(r.findings()).extracting(Finding::id).doesNotContain("PP101");
    }

    /** Cline's catalogue: a tool's heading alone names it, and the section of that name is its call's syntax. */
    @Test
    void toolCallUnderAHeadingOfItsOwnNameKeepsItsTags() {
        String text = """
                Tool use is formatted using XML-style tags.

                ## attempt_completion
                Parameters:
                - result: (required) The result of the task.
                <attempt_completion>
                <result>
                Your final result description here
                </result>
                </attempt_completion>
                """;
        Result r = rewrite(text);
        assertThat(r.text()).isEqualTo(text);
        assertThat(r.findings()).extracting(Finding::id).doesNotContain("PP101", "PP102");
    }

    /** A heading of the same name over a section of prose titles it: one heading, the text converted. */
    @Test
    void aSectionOfProseUnderAHeadingOfItsNameIsNoToolCall() {
        assertThat(rewrite("## search_instructions\n\n<search_instructions>\nSearch only when asked.\n</search_instructions>\n")
                .text()).doesNotContain("<search_instructions>");
    }

    /** Notion's catalogue of blocks: an attribute marked optional ("icon?") is a syntax the model writes. */
    @Test
    void aBlockSyntaxWithOptionalAttributesKeepsItsTags() {
        String text = "Callout:\n<callout icon?=\"emoji\" color?=\"Color\">\nChildren\n</callout>\n";
        Result r = rewrite(text);
        assertThat(r.text()).isEqualTo(text);
        assertThat(r.where()).noneMatch(w -> w.startsWith("PP10"));
    }

    @Test
    void toolCallAfterAnInvocationLabelKeepsItsTags() {
        for (String label : new String[] {"Invocation:", "Call format:", "How to call:", "To use it, output:",
                "To call this tool, write:"}) {
            String text = "## write\nWrites a file.\n" + label + "\n<write_file>\n<path>a.txt</path>\n<content>\nhello\n"
                    + "</content>\n</write_file>\n";
            assertThat(rewrite(text).text()).as(label).isEqualTo(text);
        }
        // a heading in words titles its section, and "how to use" something else shows no call
        assertThat(rewrite("## Search instructions\n\n<search_instructions>\nBe brief.\n</search_instructions>\n").text())
                .doesNotContain("<search_instructions>");
        assertThat(rewrite("How to use this product well:\n<tips>\nBe brief.\n</tips>\n").text()).contains("# Tips");
    }

    @Test
    void toolCallUnderACaptionLineKeepsItsTags() {
        // a rules file for a coding agent: the calls are shown under short captions, no colon
        String text = """
                Tool Usage

                XML-style invocation template

                <tool_name>
                  <parameter1_name>value1</parameter1_name>
                </tool_name>

                Minimal example

                <write_to_file>
                  <path>src/utils/auth.js</path>
                </write_to_file>
                """;
        Result r = rewrite(text);
        assertThat(r.text()).isEqualTo(text);
        assertThat(r.findings()).extracting(Finding::id).doesNotContain("PP101");
    }

    @Test
    void documentShownAfterLikeAndAColonKeepsItsTags() {
        // "Produce an XML document like:" shows the reply itself, nested tags and all
        String text = """
                Produce an XML document like:

                <memory>
                  <messages>
                    <message>...</message>
                  </messages>
                  <context>...</context>
                </memory>
                """;
        Result r = rewrite(text);
        assertThat(r.text()).isEqualTo(text);
        assertThat(r.findings()).extracting(Finding::id).doesNotContain("PP101");
    }

    @Test
    void toolCallUnderANumberedExampleHeadingKeepsItsTags() {
        // Cline's and Blackbox's prompts: each example call sits under "## Example 1: ..."
        String text = """
                <rules>
                Call one tool per message.
                </rules>

                # Tool Use Examples

                ## Example 1: Requesting to execute a command

                <execute_command>
                <command>npm run dev</command>
                </execute_command>

                Example: Creating a file

                <write_to_file>
                <path>src/config.json</path>
                <content>
                {"theme": "dark"}
                </content>
                </write_to_file>
                """;
        Result r = rewrite(text);
        assertThat(r.text()).startsWith("# Rules").contains("""
                ## Example 1: Requesting to execute a command

                <execute_command>
                <command>npm run dev</command>
                </execute_command>
                """).contains("""
                <write_to_file>
                <path>src/config.json</path>
                <content>
                """).doesNotContain("Execute command").doesNotContain("Write to file");
    }

    @Test
    void laterCallOfAToolShownUnderUsageKeepsItsTags() {
        // Blackbox's prompt: after the tool's "Usage:", further calls follow other sentences
        String text = """
                <rules>
                Call one tool per message.
                </rules>

                ## edit_file
                Usage:
                <edit_file>
                <path>File path here</path>
                </edit_file>

                To remove "line 2", set new_content to an empty string:

                <edit_file>
                <path>src/a.py</path>
                </edit_file>
                """;
        Result r = rewrite(text);
        assertThat(r.text()).startsWith("# Rules").contains("""
                empty string:

                <edit_file>
                <path>src/a.py</path>
                </edit_file>
                """).doesNotContain("Edit file");
    }

    @Test
    void aListOfSelfClosingElementsKeepsItsWrapper() {
        // v0's prompt: the reply ends with these actions, shown under "User prompt: A sign up form"
        String text = """
                <rules>
                Suggest 3-5 follow-up actions.
                </rules>

                User prompt: A sign up form

                <Actions>
                  <Action name="Add NextAuth" description="Add authentication using NextAuth" />
                  <Action name="Generate a hero image" description="Generate a hero image" />
                </Actions>
                """;
        Result r = rewrite(text);
        assertThat(r.text()).startsWith("# Rules").contains("""
                <Actions>
                  <Action name="Add NextAuth" description="Add authentication using NextAuth" />
                """).doesNotContain("# Actions");
    }

    @Test
    void aToolCallInsideAnExampleTurnAfterItsFirstWordsKeepsItsTags() {
        // Blackbox's prompt: the assistant's example turn opens with "Sure!" before its tool call
        String text = """
                <rules>
                Ask when unsure.
                </rules>

                USER: Add a logging endpoint.

                ASSISTANT:
                Sure!
                <ask_followup_question>
                <question>Which log format?</question>
                </ask_followup_question>

                Then:

                <notes>
                Keep turns short.
                </notes>
                """;
        Result r = rewrite(text);
        assertThat(r.text()).startsWith("# Rules").contains("""
                Sure!
                <ask_followup_question>
                <question>Which log format?</question>
                </ask_followup_question>
                """).contains("# Notes");
    }

    @Test
    void headingThatOnlyBeginsWithExamplesStillLetsItsSectionsConvert() {
        String text = """
                ## Examples of good answers

                <guidelines>
                Answer in one sentence.
                </guidelines>
                """;
        assertThat(rewrite(text).text()).contains("### Guidelines");
    }

    @Test
    void messageShownUnderASpeakerLabelKeepsItsTags() {
        // Claude Code's coordinator prompt: an example session shows how a worker's result arrives
        String text = """
                <rules>
                Never write a task notification yourself.
                </rules>

                User: "Fix the auth bug."

                User:
                  <system-reminder>
                  <task-notification>
                  <status>completed</status>
                  </task-notification>
                  </system-reminder>

                You:
                  Found the bug.
                """;
        Result r = rewrite(text);
        assertThat(r.text()).contains("# Rules").contains("""
                  <system-reminder>
                  <task-notification>
                """).doesNotContain("Task notification");
    }

    @Test
    void sectionAfterATurnThatStartsOnTheLabelsLineStillConverts() {
        String text = """
                <example>
                user: "Is the migration safe?"
                assistant: <thinking>I'll ask a reviewer.</thinking>
                <commentary>
                The reviewer starts fresh, so the request briefs it.
                </commentary>
                </example>
                """;
        assertThat(rewrite(text).text()).contains("## Commentary");
    }

    @Test
    void commandWhoseAttributesAreListedAsParametersKeepsItsTags() {
        // Devin's system prompt defines each command by its syntax, then its parameters
        String text = """
                ## Shell Commands

                <shell id="shellId" exec_dir="/absolute/path/to/dir">
                Command(s) to execute. Ex:
                git add /path/to/repo/file
                </shell>
                Description: Run command(s) in a bash shell.
                Parameters:
                - id: Unique identifier for this shell instance.
                - exec_dir (required): Absolute path to directory where command should be executed

                <notes author="system">
                Read the notes.
                </notes>

                - author: who wrote them
                """;
        Result r = rewrite(text);
        assertThat(r.text()).contains("<shell id=\"shellId\" exec_dir=\"/absolute/path/to/dir\">\nCommand(s)")
                .contains("</shell>\nDescription:").contains("### Notes (author: system)");
        assertThat(r.findings()).filteredOn(f -> f.id().equals("PP102")).extracting(Finding::message)
                .anyMatch(m -> m.contains("<shell>"));
    }

    @Test
    void sectionsShownUnderAnExampleHeadingKeepTheirTags() {
        // Junie's response format: the reply is these two tags
        String text = """
                ### Example
                <THOUGHT>
                First I'll list the files in the current directory.
                </THOUGHT>
                <COMMAND>
                ls
                </COMMAND>
                """;
        assertThat(rewrite(text).text()).isEqualTo(text);
    }

    @Test
    void exampleSectionsAfterAnExampleLineStillBecomeHeadings() {
        String text = "Here are some examples:\n<example>\nQ: 2+2\nA: 4\n</example>\n<example>\nQ: 3+3\nA: 6\n</example>\n";
        assertThat(rewrite(text).text()).isEqualTo("Here are some examples:\n\n# Example 1\n\nQ: 2+2\nA: 4\n\n"
                + "# Example 2\n\nQ: 3+3\nA: 6\n");
    }

    @Test
    void namespacedMarkupKeepsItsTagsAndIsNotReworded() {
        // Grok 4's system prompt: a render component written in the reply, namespaced
        String text = """
                Use render components to display content. Each one is written as

                <grok:render type="example_component_name">
                  <argument name="example_arg_name1">example_arg_value1</argument>
                </grok:render>

                <rules>
                Put each <grok:render> at the end of a sentence.
                </rules>
                """;
        Result r = rewrite(text);
        assertThat(r.text()).startsWith("Use render components to display content. Each one is written as\n\n"
                + "<grok:render type=\"example_component_name\">\n  <argument")
                .contains("Put each <grok:render> at the end of a sentence.");
        assertThat(r.findings()).extracting(Finding::id).doesNotContain("PP106");
    }

    @Test
    void sectionProseLosesItsIndentThoughAKeptExampleInsideHoldsCodeAtTheMargin() {
        // Leap's system prompt: indented prose left indented under a heading reads as a code block
        String text = """
                <sqlDatabases>
                      SQL Databases are defined using the `SQLDatabase` class.

                      <file path="todo/db.ts">
                import { SQLDatabase } from 'encore.dev/storage/sqldb';
                export const todoDB = new SQLDatabase("todo", {
                  migrations: "./migrations",
                });
                      </file>
                </sqlDatabases>
                """;
        assertThat(rewrite(text).text()).isEqualTo("""
                # SQL databases

                SQL Databases are defined using the `SQLDatabase` class.

                <file path="todo/db.ts">
                import { SQLDatabase } from 'encore.dev/storage/sqldb';
                export const todoDB = new SQLDatabase("todo", {
                  migrations: "./migrations",
                });
                      </file>
                """);
    }

    @Test
    void toolCallWrapperKeepsItsTagsWhateverTheProseBeforeIt() {
        // Sweep's search agent: each call is shown after a sentence that says what it does
        String text = """
                <rules>
                Make one function call per message.
                </rules>

                To search for a keyword:

                <function_call>
                <ripgrep>
                <query>
                push_notification
                </query>
                </ripgrep>
                </function_call>

                To list the parameters of a call:

                <invoke>
                <tool_name>code_search</tool_name>
                <parameters>
                <code_entity>User</code_entity>
                </parameters>
                </invoke>
                """;
        Result r = rewrite(text);
        assertThat(r.text()).startsWith("# Rules").endsWith(text.substring(text.indexOf("To search")));
    }

    @Test
    void sectionsNamedInWordsBecomeHeadingsLikeTheirNeighbours() {
        // open_deep_research's research prompt: <Task> converted while <Hard Limits> stayed tagged
        String text = """
                <Task>
                Call the research tool.
                </Task>

                <Hard Limits>
                - Stop after {max_iterations} calls
                </Hard Limits>

                <UI Patterns>
                Use cards.
                </UI Patterns>

                <Research Brief>
                {research_brief}
                </Research Brief>
                """;
        Result r = rewrite(text);
        assertThat(r.text()).contains("# Task", "# Hard limits", "# UI patterns")
                .doesNotContain("<Hard Limits>", "<UI Patterns>").contains("<Research Brief>\n{research_brief}\n</Research Brief>");
        assertThat(r.findings()).filteredOn(f -> f.id().equals("PP103")).extracting(Finding::message)
                .anyMatch(m -> m.contains("<Research Brief>"));
    }

    @Test
    void sectionsInsideAListItemKeepTheirTagsAndTheList() {
        // Bolt's and Claude Code's prompts: an item's markup or examples sit indented under it
        String text = """
                <rules>
                Write migrations.
                </rules>

                1. Migration File Creation:
                   <boltAction type="supabase" operation="migration" filePath="/supabase/migrations/x.sql">
                     /* SQL migration content */
                   </boltAction>

                2. Keep your working directory:
                    <good-example>
                    pytest /foo/bar/tests
                    </good-example>
                    <bad-example>
                    cd /foo/bar && pytest tests
                    </bad-example>
                """;
        Result r = rewrite(text);
        assertThat(r.text()).startsWith("# Rules").endsWith(text.substring(text.indexOf("1. Migration")));
        Result beside = rewrite("Intro:\n\n  <notes>\n  Indented, but under no list item.\n  </notes>\n");
        assertThat(beside.text()).contains("# Notes");
    }
}
