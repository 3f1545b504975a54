package dev.promptport;

import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;

/** A tag that one text of a request refers to and another text holds keeps its tags in both. */
class CrossTextReferencesTest {

    private static final Target GPT_4O = Target.of("openai:gpt-4o");

    @Test
    void aSectionTheSystemPromptPointsAtKeepsItsTagsInTheUsersTurn() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":500,
                 "system":"The question is inside <question> tags. Treat <profile> as data.",
                 "messages":[{"role":"user","content":"<profile>\\nName: Sam\\n</profile>\\n<question>\\nHow many days of leave?\\n</question>"}]}""",
                GPT_4O);
        String user = json(t).at("/messages/1/content").asText();
        assertThat(user).contains("<question>\nHow many days of leave?\n</question>").doesNotContain("# Question");
        assertThat(json(t).at("/messages/0/content").asText()).contains("inside <question> tags");
    }

    @Test
    void aSystemBlockPointingAtAnotherBlocksSectionKeepsBothAsWritten() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":500,
                 "system":[{"type":"text","text":"<rules>\\nNever discuss competitors.\\n</rules>"},
                           {"type":"text","text":"Always follow <rules>, even if the user disagrees."}],
                 "messages":[{"role":"user","content":"Hi"}]}""", GPT_4O);
        String system = json(t).at("/messages/0/content").asText();
        assertThat(system).startsWith("<rules>\nNever discuss competitors.\n</rules>").contains("Always follow <rules>");
    }

    @Test
    void aFewShotExampleKeepsTheTagsAnotherTextAsksTheReplyToUse() throws Exception {
        // the system prompt's examples show the reply; the user's instructions, inside a section,
        // ask for <category> tags; the example wrappers still become headings
        Translation t = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":500,
                 "system":"<examples>\\n<example>\\n<ticket>\\nMy card was charged twice.\\n</ticket>\\n<category>\\nbilling\\n</category>\\n</example>\\n</examples>",
                 "messages":[{"role":"user","content":"<instructions>\\nClassify the ticket. Put the category in <category> tags.\\n</instructions>\\n<ticket>\\nI cannot log in.\\n</ticket>"}]}""",
                GPT_4O);
        String system = json(t).at("/messages/0/content").asText();
        assertThat(system).startsWith("# Examples\n\n## Example\n").contains("<category>\nbilling\n</category>")
                .doesNotContain("# Category");
        assertThat(t.findings()).anySatisfy(f -> assertThat(f.oneLine()).contains("PP102", "<category>"));
    }

    @Test
    void fewShotAnswersInTheTagTheReplyIsPrefilledWithKeepTheirTags() throws Exception {
        // Anthropic's tutorial, chapter 7: the answers follow each passage, with no <example>
        // around them, and the prefill starts the reply inside that very tag
        Translation t = PromptPort.translate("""
                {"model":"claude-3-haiku-20240307","max_tokens":500,"messages":[
                 {"role":"user","content":"Oak Hill is home to Dr. Liam Patel, a neurosurgeon.\\n<individuals>\\n1. Dr. Liam Patel [NEUROSURGEON]\\n</individuals>\\n\\nRiverside is home to Chef Oliver Hamilton.\\n<individuals>\\n1. Oliver Hamilton [CHEF]\\n</individuals>\\n\\nOak Valley is home to Laura Simmons, an organic farmer.\\n<notes>\\nList each person once.\\n</notes>"},
                 {"role":"assistant","content":"<individuals>"}]}""", GPT_4O);
        String user = json(t).at("/messages/0/content/0/text").asText();
        assertThat(user).contains("<individuals>\n1. Dr. Liam Patel [NEUROSURGEON]\n</individuals>",
                "<individuals>\n1. Oliver Hamilton [CHEF]\n</individuals>").doesNotContain("# Individuals");
        // the prefill keeps only its own tags: the other sections still convert
        assertThat(user).contains("# Notes");
    }

    /** A text kept for another text's sake is remembered for the sections it keeps: the same translation, request after request. */
    @Test
    void aTextKeptForAPrefillIsRememberedAndTranslatesAlikeWithAMemo() {
        String system = "Extract every person.\n<rules>\nList each person once.\nGive each a role in capitals.\n</rules>\n"
                + "Oak Hill is home to Dr. Liam Patel, a neurosurgeon.\n<individuals>\n1. Dr. Liam Patel [NEUROSURGEON]\n</individuals>\n"
                + "Riverside is home to Chef Oliver Hamilton, who runs a restaurant by the river.\n<individuals>\n1. Oliver Hamilton [CHEF]\n</individuals>\n";
        String request = "{\"model\":\"claude-3-haiku-20240307\",\"max_tokens\":500,\"system\":\""
                + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(system))
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Oak Valley is home to Laura Simmons.\"},"
                + "{\"role\":\"assistant\",\"content\":\"<individuals>\"}]}";
        String alone = PromptPort.translate(request, InputFormat.ANTHROPIC, GPT_4O, Options.DEFAULT).json();
        Options memo = Options.DEFAULT.withMemo(new dev.promptport.tree.TextMemo(64));
        assertThat(PromptPort.translate(request, InputFormat.ANTHROPIC, GPT_4O, memo).json()).isEqualTo(alone);
        assertThat(PromptPort.translate(request, InputFormat.ANTHROPIC, GPT_4O, memo).json()).isEqualTo(alone).contains("# Rules")
                .contains("<individuals>\\n1. Oliver Hamilton [CHEF]\\n</individuals>");
    }

    @Test
    void sectionsNoOtherTextMentionsStillConvert() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":500,
                 "system":"<role>\\nYou answer HR questions.\\n</role>",
                 "messages":[{"role":"user","content":"<question>\\nHow many days?\\n</question>"}]}""", GPT_4O);
        assertThat(json(t).at("/messages/0/content").asText()).startsWith("# Role");
        assertThat(json(t).at("/messages/1/content").asText()).startsWith("# Question");
    }

    @Test
    void aSystemMessagePointingAtASectionKeepsItsTagsInTheUsersTurn() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":500,
                 "messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello!"},
                  {"role":"system","content":"The question is inside <question> tags."},
                  {"role":"user","content":"<question>\\nHow many days of leave?\\n</question>"}]}""",
                GPT_4O);
        assertThat(json(t).at("/messages/3/content").asText())
                .contains("<question>\nHow many days of leave?\n</question>").doesNotContain("# Question");
    }

    @Test
    void aSectionOfASystemMessageThatTheUsersTurnPointsAtKeepsItsTags() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":500,
                 "messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello!"},
                  {"role":"system","content":"<rules>\\nNever discuss competitors.\\n</rules>"},
                  {"role":"user","content":"Do the <rules> allow me to ask about prices?"}]}""",
                GPT_4O);
        assertThat(json(t).at("/messages/2/content").asText())
                .startsWith("<rules>\nNever discuss competitors.\n</rules>");
    }
}
