package dev.promptport.rules;

import dev.promptport.read.TagScanner;
import dev.promptport.rules.SectionRewrites.Result;
import dev.promptport.tree.Loc;
import org.junit.jupiter.api.Test;

import static dev.promptport.rules.SectionRewrites.VOCAB;
import static dev.promptport.rules.SectionRewrites.rewrite;
import static org.assertj.core.api.Assertions.assertThat;

/** Tag mentions in prose, references to converted sections, web markup, and tags left open or tangled. */
class MarkdownSectionsMentionsTest {

    @Test
    void referencesToConvertedSectionsAreReworded() {
        Result r = rewrite("""
                <instructions>
                Follow the <rules> below.
                Check the tone in <rules> tags.
                <rules> override everything; see the <rules></rules> block.
                The <rules> section is short. Use <rules> </rules> as a guide, not <rules x="1"></rules>.
                </instructions>
                <rules>
                Be kind.
                </rules>
                """);
        assertThat(r.text()).isEqualTo("""
                # Instructions

                Follow the "Rules" section below.
                Check the tone in the "Rules" section.
                The "Rules" section override everything; see the "Rules" section.
                The "Rules" section is short. Use the "Rules" section as a guide, not <rules x="1"></rules>.

                # Rules

                Be kind.
                """);
        assertThat(r.where()).containsExactly("PP101 1:1", "PP106 2:12", "PP106 3:19", "PP106 4:1", "PP106 4:38",
                // "not <rules x="1"></rules>": a sentence that forbids a tag asks for none
                "PP106 5:5", "PP106 5:35");
    }

    @Test
    void anEmptyPairNamedWhereTheReplysFormatIsAskedForIsAMentionOfTheSectionThatConverts() {
        // Anthropic's quoting prompt: the sentence asks for a format and names the pair, the
        // example follows on lines of its own and becomes a heading, so the sentence names it
        String text = """
                The format of your response should look like what is shown between the <example></example> tags.
                <example>
                Quotes:
                [1] "Revenue rose 12%."

                Answer:
                Revenue grew. [1]
                </example>
                """;
        Result r = rewrite(text);
        assertThat(r.text()).startsWith("""
                The format of your response should look like what is shown in the "Example" section.

                # Example

                Quotes:""");
        assertThat(r.where()).containsExactly("PP101 2:1", "PP106 1:72");
    }

    @Test
    void aMentionAfterTheBelowOrTheFollowingKeepsThoseWordsAndGetsNoSecondArticle() {
        // v0's prompt: "Use the below <vercel_knowledge_base> to inform your answer."
        Result r = rewrite("""
                <instructions>
                Use the below <knowledge_base> to inform your answer. The following <knowledge_base> is current.
                </instructions>
                <knowledge_base>
                Invoices go out on the 1st.
                </knowledge_base>
                """);
        assertThat(r.text()).contains("Use the below \"Knowledge base\" section to inform your answer. "
                + "The following \"Knowledge base\" section is current.");
    }

    @Test
    void aMentionAfterAPossessiveOrAnArticleAndAWordGetsNoSecondArticle() {
        // browser-use's system prompt: "visible in your <browser_state>", "the original <user_request>"
        Result r = rewrite("""
                <rules>
                Read what is visible in your <browser_state>.
                Verify against the original <mission>. Check each <browser_state> and the model's <browser_state>.
                The <mission> XML tag holds the goal; a tool that reads <browser_state> is fine.
                </rules>
                <browser_state>
                The page.
                </browser_state>
                <mission>
                Find the cheapest flight.
                </mission>
                """);
        assertThat(r.text()).contains("""
                Read what is visible in your "Browser state" section.
                Verify against the original "Mission" section. Check each "Browser state" section \
                and the model's "Browser state" section.
                The "Mission" section holds the goal; a tool that reads the "Browser state" section is fine.
                """);
    }

    @Test
    void aHeadingOrBoldLineThatIsOnlyAMentionBecomesTheSectionsTitle() {
        Result r = rewrite("""
                ## <artifacts_info>

                <artifacts_info>
                Use artifacts for code.
                </artifacts_info>

                **<rules>**
                <rules>
                Be kind.
                </rules>

                ## About <rules>
                **<rules>** come first.
                """);
        assertThat(r.text()).isEqualTo("""
                ## Artifacts info

                Use artifacts for code.

                ---

                **Rules**

                ### Rules

                Be kind.

                ## About the "Rules" section
                **the "Rules" section** come first.
                """);
    }

    @Test
    void referenceToRepeatedSectionsIsPlural() {
        assertThat(rewrite("""
                Match the style of the <example> tags.
                <example>
                a
                </example>
                <example>
                b
                </example>
                """).text()).startsWith("Match the style of the \"Example\" sections.\n\n# Example 1");
    }

    @Test
    void referencesInCodeAndToDataStayAsWritten() {
        String text = "<task>\nQuote `<task>` and read the <documents>.\n</task>\n<documents>\nd\n</documents>";
        Result r = rewrite(text);
        assertThat(r.text()).isEqualTo("# Task\n\nQuote `<task>` and read the <documents>.\n\n---\n\n<documents>\nd\n</documents>");
        assertThat(r.where()).containsExactly("PP101 1:1", "PP103 4:1");
    }

    @Test
    void tagAfterWordsOnItsLineIsAMentionEvenWhenUnknown() {
        Result r = rewrite("<task>\nUse the <glossary> here.\n</task>");
        assertThat(r.text()).isEqualTo("# Task\n\nUse the <glossary> here.");
        assertThat(r.where()).containsExactly("PP101 1:1");
    }

    @Test
    void conversionMessageListsTenNamesAndCountsTheRestBeyond() {
        String ten = sections("n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9", "n10");
        assertThat(rewrite(ten).findings().get(0).message()).contains("(n1, n2, n3, n4, n5, n6, n7, n8, n9, n10)");
        String eleven = ten + "\n" + sections("n11");
        assertThat(rewrite(eleven).findings().get(0).message())
                .startsWith("11 XML-tagged section(s) (n1, n2, n3, n4, n5, n6, n7, n8 and 3 more) became");
    }

    private static String sections(String... names) {
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            text.append('<').append(name).append(">\nText.\n</").append(name).append(">\n");
        }
        return text.toString();
    }

    @Test
    void webMarkupPastedWithoutAFenceKeepsItsTags() {
        String text = "<task>\nFix the component:\n\n  return (\n    <div className=\"App\">\n      <Routes>\n"
                + "        Hello\n      </Routes>\n    </div>\n  );\n\n<Card.Body>\nx\n</Card.Body>\n</task>\n";
        Result r = rewrite(text);
        assertThat(r.text()).startsWith("# Task").contains("<div className=\"App\">\n      <Routes>").contains("<Card.Body>");
        assertThat(r.findings().get(0).message()).contains("(task)");
    }

    @Test
    void aWrapperAroundAPagesMarkupKeepsItsTags() {
        // fabric's sanitize_broken_html_to_markdown pattern pastes Vue components; SuperClaude's
        // docs fold their steps into HTML <details>
        String vue = "<template>\n  <div class=\"mt-4\">\n    <h4>{{ header }}</h4>\n  </div>\n</template>\n";
        assertThat(rewrite(vue).text()).isEqualTo(vue);
        String details = "<details>\n<summary><b>Quick check</b></summary>\n\nRun the checks.\n</details>\n";
        assertThat(rewrite(details).text()).isEqualTo(details);
        assertThat(rewrite("<template>\nDear {{name}},\n</template>\n").text()).isEqualTo("# Template\n\nDear {{name}},\n");
        // the cookbook's classification prompt: each category opens with its one-line label
        assertThat(rewrite("<category>\n<label>Billing</label>\n<content>\nInvoices.\n</content>\n</category>\n").text())
                .startsWith("# Category");
        assertThat(rewrite("<details>\n<summary>\nThe ticket.\n</summary>\nMore.\n</details>\n").text())
                .startsWith("# Details");
    }

    @Test
    void aComponentWithAnAttributeInBracesKeepsItsTags() {
        // Lovable's prompt pastes App.tsx outside a code fence (a fence nested in the file before it
        // ends that fence early): its providers are JSX, not sections
        String jsx = "<QueryClientProvider client={queryClient}>\n  <TooltipProvider>\n    <Toaster />\n"
                + "  </TooltipProvider>\n</QueryClientProvider>\n";
        assertThat(rewrite(jsx).text()).isEqualTo(jsx);
        // a quoted value is a prompt's own
        assertThat(rewrite("<rules note=\"{urgent}\">\nBe brief.\n</rules>\n").text()).startsWith("# Rules (note: {urgent})");
    }

    @Test
    void aStyleSectionIsProseButAPagesStyleSheetIsCode() {
        assertThat(rewrite("<style>\nWrite formally.\n</style>\n").text()).isEqualTo("# Style\n\nWrite formally.\n");
        String css = "<style>\nbody { color: red; }\n</style>\n";
        assertThat(rewrite(css).text()).isEqualTo(css);
        String form = "<form method=\"post\" action=\"/go\">\n<button>Go</button>\n</form>\n";
        assertThat(rewrite(form).text()).isEqualTo(form);
        assertThat(rewrite("<example method=\"query\">\nrows = db.query()\n</example>\n").text())
                .startsWith("# Example (method: query)");
    }

    @Test
    void angleBracketBlankToFillInIsTextNotAnUnclosedTag() {
        Result r = rewrite("<instructions>\nReply with <your answer here>, signed <name of author>.\n</instructions>\n"
                + "<name of author>\n");
        assertThat(r.text()).isEqualTo("# Instructions\n\nReply with <your answer here>, signed <name of author>.\n\n"
                + "---\n\n<name of author>\n");
        assertThat(r.where()).containsExactly("PP101 1:1");
    }

    @Test
    void tagDescribedMidSentenceWithItsAttributesIsAMention() {
        Result r = rewrite("<tools>\nEvents arrive as <event kind=\"...\"> elements.\n</tools>\n");
        assertThat(r.text()).isEqualTo("# Tools\n\nEvents arrive as <event kind=\"...\"> elements.\n");
        assertThat(r.where()).containsExactly("PP101 1:1");
    }

    @Test
    void argumentsGluedIntoAPathAreMentions() {
        Result r = rewrite("<usage>\n  <dir>/<name>.json is written.\n</usage>\n");
        assertThat(r.text()).isEqualTo("# Usage\n\n<dir>/<name>.json is written.\n");
        assertThat(r.where()).containsExactly("PP101 1:1");
    }

    @Test
    void selfClosingMarkupAndTypeArgumentsAreNotOutputContracts() {
        Result r = rewrite("<task>\nUse <br/> for line breaks.\n</task>\n<App />\nfn(): Promise<Response>\n");
        assertThat(r.where()).containsExactly("PP101 1:1");
    }

    @Test
    void emptyOutputPairAndSelfClosingOutputNameStayContracts() {
        Result r = rewrite("Put the label in <label></label>.\nEnd with <answer/>.\n");
        assertThat(r.where()).containsExactly("PP102 1:18", "PP102 2:10");
    }

    @Test
    void tagWithAValuedAttributeLeftOpenOnItsOwnLineStillStopsTheRewrite() {
        Result r = rewrite("<instructions>\n<a href=\"x\">\nBe brief.\n</instructions>\n");
        assertThat(r.text()).startsWith("<instructions>");
        assertThat(r.where()).containsExactly("PP134 2:1");
    }

    @Test
    void toolCallLinesWhoseClosingTagLostTheNamespaceAreNoProblem() {
        // the tool-use appendix of Anthropic's prompt-engineering tutorial, shortened; its opening
        // tags carry the namespace, its closing ones do not
        Result r = rewrite("""
                You can invoke one or more functions by writing a "<function_calls>" block like the following:
                <function_calls>
                <invoke name="get_weather">
                <fn:parameter name="query">weather in Paris</fn:parameter>
                <fn:parameter name="units" format="a > b">celsius</parameter>
                <fn:parameter name="days">3</parameter>
                </invoke>
                </function_calls>
                """);
        assertThat(r.where()).noneMatch(w -> w.startsWith("PP134") || w.startsWith("PP104") || w.startsWith("PP105"));
        assertThat(r.text()).contains("""
                <fn:parameter name="query">weather in Paris</fn:parameter>
                <fn:parameter name="units" format="a > b">celsius</parameter>
                <fn:parameter name="days">3</parameter>
                """);
    }

    @Test
    void tagStartingItsLineInsideASectionIsStillAProblem() {
        Result r = rewrite("<task>\n<glossary> here.\n</task>");
        assertThat(r.text()).isEqualTo("<task>\n<glossary> here.\n</task>");
        assertThat(r.where()).containsExactly("PP134 2:1");
        assertThat(r.findings().get(0).message()).startsWith("<glossary> is still open when the section around it closes");
    }

    /** "Best regards," then "<agent_name>": a slot filled in later ends the paragraph; no section opens there. */
    @Test
    void aTagThatEndsAParagraphIsASlotNotAnUnclosedSection() {
        for (String text : new String[] {"End every email like this:\n\nBest regards,\n<agent_name>\n",
                "Set the key to:\n<YOUR_API_KEY>", "Set the key to:\n<YOUR_API_KEY>\n\nThen restart.\n"}) {
            Result r = rewrite(text);
            assertThat(r.text()).as(text).isEqualTo(text);
            assertThat(r.where()).as(text).noneMatch(w -> w.startsWith("PP104"));
        }
        // a section someone forgot to close has its text under it, after a blank line or not
        assertThat(rewrite("Intro.\n\n<style>\nBullet points only.\n").where()).contains("PP104 3:1");
        assertThat(rewrite("Here are the rules:\n<rules>\n\n- Be kind\n- Be brief\n").where()).contains("PP104 2:1");
    }

    /** Devin's catalogue: "at the same time as <str_replace>." in the command's own description. */
    @Test
    void aSectionThatMentionsItsOwnTagInASentenceIsClosedNotLeftOpen() {
        Result r = rewrite("""
                Commands:

                <str_replace path="/full/path">
                Provide the strings within <old_str> and <new_str> tags.
                * There is no need to call <open_file> at the same time as <str_replace>.
                </str_replace>
                Description: Edits a file.
                """);
        assertThat(r.where()).noneMatch(w -> w.startsWith("PP104")).contains("PP102 4:28", "PP102 4:42");
        // kept as a command's syntax, its description still asks for the tags it names
        Result command = rewrite("""
                <str_replace path="/full/path">
                Provide the strings within <old_str> and <new_str> tags, never at the same time as <str_replace>.
                </str_replace>
                Parameters:
                - path: the file
                """);
        assertThat(command.text()).startsWith("<str_replace path=\"/full/path\">\n");
        assertThat(command.where()).containsExactly("PP102 1:1", "PP102 2:28", "PP102 2:42");
        // a section with no mention of itself is left open as before
        assertThat(rewrite("<str_replace path=\"/p\">\nSee <str_replace>\nmore\n").where()).contains("PP104 1:1");
    }

    @Test
    void strayTagAloneOnItsLineIsAProblemNotAMention() {
        Result r = rewrite("<rules>\nBe kind.\n<rules>\nBe brief.\n</rules>\n");
        assertThat(r.text()).isEqualTo("<rules>\nBe kind.\n\n# Rules\n\nBe brief.\n");
        assertThat(r.where()).containsExactly("PP101 3:1", "PP104 1:1");
    }

    @Test
    void outputTagLeftOpenForTheModelIsAContractNotAProblem() {
        Result r = rewrite("<task>\nAnswer briefly.\n</task>\n<answer>\n");
        assertThat(r.text()).isEqualTo("# Task\n\nAnswer briefly.\n\n---\n\n<answer>\n");
        // and, ending the text, it is the old way of starting the reply inside the prompt
        assertThat(r.where()).containsExactly("PP101 1:1", "PP102 4:1", "PP230 4:1");
    }

    /** The cookbook's summarization prompts end so: the prompt opens the reply for the model to go on. */
    @Test
    void aPromptThatEndsByOpeningTheReplysTagIsNamed() {
        for (String text : new String[] {
            "Summarize the agreement below.\n\n{text}\n\nHere is the summary of the agreement: <summary>\n",
            "Summarize the agreement below.\n\n{text}\n\n<summary>",
            "Translate the note.\n\n{note}\n\nFrench translation: <french_translation>  \n",
        }) {
            Result r = rewrite(text);
            assertThat(r.text()).as(text).isEqualTo(text);
            assertThat(r.where()).as(text).noneMatch(w -> w.startsWith("PP104")).anyMatch(w -> w.startsWith("PP230 5:"));
            assertThat(r.findings().get(r.findings().size() - 1).message()).as(text).contains("ends by opening <", "</");
        }
        // an instruction about the reply's start, a slot that ends a template, a placeholder in
        // capitals, or a tag with text after it: none opens the reply
        for (String text : new String[] {
            "Classify the ticket.\n\nBegin your reply with <verdict>",
            "End every email like this:\n\nBest regards,\n<agent_name>\n",
            "Set the key to: <YOUR_API_KEY>",
            "Here is the summary: <summary>\nBe brief.\n",
            "Set the key to: <api_key>",
        }) {
            assertThat(rewrite(text).where()).as(text).noneMatch(w -> w.startsWith("PP230"));
        }
        // and the reply's tag is not reworded as a mention of a section of that name
        Result section = rewrite("<summary>\nThe old one.\n</summary>\n\nHere is the summary: <summary>");
        assertThat(section.text()).endsWith("Here is the summary: <summary>");
    }

    @Test
    void problemsAreReportedAndTextKeptWhenNothingConverts() {
        String text = "Start.\n<a_b> never closed.\n</c_d> stray here.\nQuoted </e_f> and <g_h> are mentions.\n";
        FindingSink sink = new FindingSink(Catalogue.builtIn());
        String out = MarkdownSections.rewrite(text, TagScanner.scan(text), VOCAB, Loc.NONE, sink);
        assertThat(out).isSameAs(text);
        assertThat(sink.findings()).extracting(f -> f.id() + " " + f.location().display())
                .containsExactly("PP104 2:1", "PP105 3:1");
        assertThat(sink.findings().get(0).message()).startsWith("<a_b> is opened here");
    }

    @Test
    void tangledSectionKeepsItsTags() {
        String text = "<context>\n<notes>\nkeep\n</context>\n</notes>\n<task>\ndo\n</task>\n";
        Result r = rewrite(text);
        assertThat(r.text()).isEqualTo("<context>\n<notes>\nkeep\n</context>\n</notes>\n\n# Task\n\ndo\n");
        assertThat(r.where()).containsExactly("PP101 6:1", "PP134 2:1", "PP105 5:1");
        assertThat(r.findings().get(1).message()).startsWith("<notes> is still open");
    }

    @Test
    void tagSoupThatWouldRepairOnASecondPassIsLeftAlone() {
        // the <br> inside <a_b> pairs with the later </br> once <a_b>'s own tags are gone
        String text = "<a_b>\n<br>\nx\n</a_b>\ny\n</br>\n";
        Result r = rewrite(text);
        assertThat(r.text()).isEqualTo(text);
        assertThat(r.where()).containsExactly("PP105 6:1");
    }

    @Test
    void nestingAtTheTagDepthLimitIsRewrittenWithoutOverflowingTheStack() {
        // deeper nesting never gets here: the scanner refuses it (the tag depth limit)
        int depth = dev.promptport.Limits.DEFAULTS.maxTagDepth();
        String text = "<level>\n".repeat(depth) + "x\n" + "</level>\n".repeat(depth);
        FindingSink sink = new FindingSink(Catalogue.builtIn());
        String out = MarkdownSections.rewrite(text, TagScanner.scan(text, dev.promptport.Limits.DEFAULTS, Loc.NONE), VOCAB,
                Loc.NONE, sink);
        assertThat(out).contains("x");
    }
}
