package dev.promptport.rules;

import dev.promptport.read.TagScanner;
import dev.promptport.tree.Markup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Sentences from Anthropic's public prompt material (anthropics/anthropic-cookbook,
 * anthropics/prompt-eng-interactive-tutorial, anthropics/courses) and from published product
 * prompts (elder-plinius/CL4R1T4S, x1xhlol/system-prompts-and-models-of-ai-tools) that either ask for tags in
 * the reply or only point at a section of the prompt. Each row names where it came from; rows
 * marked "constructed" are near misses written to check that a rule stays narrow.
 */
class ReplyTagSentencesTest {

    /** {@code asked}: names the sentence asks the reply to use; {@code pointedAt}: names it only points at. */
    record Row(String source, String sentence, Set<String> asked, Set<String> pointedAt) {
        @Override
        public String toString() {
            return sentence;
        }
    }

    private static Row asks(String source, String sentence, String... names) {
        return new Row(source, sentence, Set.of(names), Set.of());
    }

    private static Row points(String source, String sentence, String... names) {
        return new Row(source, sentence, Set.of(), Set.of(names));
    }

    private static final String COOKBOOK = "anthropic-cookbook/";
    private static final String TUTORIAL = "prompt-eng-interactive-tutorial/AmazonBedrock/";
    private static final String COURSES = "courses/";
    private static final String CL4R1T4S = "elder-plinius/CL4R1T4S/";
    private static final String SYSTEM_PROMPTS = "x1xhlol/system-prompts-and-models-of-ai-tools/";

    static List<Row> rows() {
        return List.of(
                // a placement phrase fronted before the verb
                asks(COOKBOOK + "misc/generate_test_cases.ipynb", "First, in <planning> tags, do the following:", "planning"),
                asks(TUTORIAL + "anthropic/08_Avoiding_Hallucinations.ipynb",
                        "Then, in <scratchpad> tags, pull the most relevant quote from the document and consider whether it"
                                + " answers the user's question or whether it lacks sufficient detail.", "scratchpad"),
                asks(COURSES + "real_world_prompting/05_customer_support_ai.ipynb",
                        "First, in <thinking> tags, decide whether or not the context contains sufficient information to"
                                + " answer the user.", "thinking"),
                asks(COOKBOOK + "misc/building_moderation_filter.ipynb",
                        "First, inside of <thinking> tags, identify any potentially concerning aspects of the post based on"
                                + " the guidelines below and consider whether those aspects are serious enough to block the post or not.",
                        "thinking"),
                asks(COOKBOOK + "misc/metaprompt.ipynb",
                        "Finally, in <Instructions> tags, write the instructions for the AI assistant to follow.", "Instructions"),
                asks(COOKBOOK + "misc/metaprompt.ipynb",
                        "In <Inputs> tags, write down the barebones, minimal, nonoverlapping set of text input variable(s)"
                                + " the instructions will make reference to.", "Inputs"),
                asks(COOKBOOK + "skills/text_to_sql/evaluation/prompts.py",
                        "Within <thought_process> tags, explain your thought process for creating the SQL query.", "thought_process"),
                asks(COOKBOOK + "skills/text_to_sql/evaluation/prompts.py",
                        "Then, within <sql> tags, provide your output SQL query.", "sql"),
                asks(COOKBOOK + "tool_evaluation/tool_evaluation.ipynb",
                        "In your <feedback> tags, provide constructive feedback on the tools:", "feedback"),
                asks(COOKBOOK + "tool_evaluation/tool_evaluation.ipynb", "In your <summary> tags, you must explain:", "summary"),
                asks(COURSES + "prompt_evaluations/03_code_graded_evals/03_code_graded.ipynb",
                        "Inside the <answer> tags return just the number of legs as an integer and nothing else.", "answer"),
                asks(COURSES + "real_world_prompting/05_customer_support_ai.ipynb",
                        "Inside of <final_answer> tags do not make any references to your context or information.", "final_answer"),
                // thinking in the tags, the verb right before the place
                asks("the brief (a common prompt phrasing)",
                        "Think step by step inside <inner_monologue> tags before answering.", "inner_monologue"),
                asks(COURSES + "prompt_evaluations/03_code_graded_evals/03_code_graded.ipynb",
                        "Start by reasoning about the numbers of legs the animal has, thinking step by step inside of"
                                + " <thinking> tags.", "thinking"),
                asks(COOKBOOK + "third_party/Wikipedia/wikipedia-search-cookbook.ipynb",
                        "Before beginning to research the user's question, first think for a moment inside <scratchpad> tags"
                                + " about what information is necessary for a well-informed answer.", "scratchpad"),
                asks(COOKBOOK + "third_party/Wikipedia/wikipedia-search-cookbook.ipynb",
                        "After each call to the Search Engine Tool, reflect briefly inside <search_quality></search_quality>"
                                + " tags about whether you now have enough information to answer, or whether more information is needed.",
                        "search_quality"),
                // an opening and a closing mention, which the scanner pairs as one element
                asks(COOKBOOK + "patterns/agents/prompts/citations_agent.md",
                        "Output text with citations between <exact_text_with_citation> and </exact_text_with_citation> tags",
                        "exact_text_with_citation"),
                asks("the brief", "Write your reasoning between <thought> and </thought> tags.", "thought"),
                // where the reply starts or ends
                asks("the brief", "ALWAYS start your response with <thought> tag", "thought"),
                asks("the brief", "Begin your answer with <analysis>", "analysis"),
                asks("the brief", "End your reply with </summary>", "summary"),
                // a verb of writing, as before
                asks(COOKBOOK + "skills/text_to_sql/guide.ipynb",
                        "Explain your changes in <thought_process> tags and provide the corrected SQL in <sql> tags.",
                        "thought_process", "sql"),
                asks(COOKBOOK + "tool_evaluation/tool_evaluation.ipynb",
                        "Provide feedback on the tools provided, wrapped in <feedback> tags", "feedback"),
                asks(COOKBOOK + "tool_evaluation/tool_evaluation.ipynb", "Always wrap your final response in <response> tags",
                        "response"),
                asks(COOKBOOK + "skills/text_to_sql/evaluation/prompts.py",
                        "Provide only the SQL query in your response, enclosed within <sql> tags.", "sql"),
                asks(TUTORIAL + "utils/hints.py", "Put each issue in <issue> tags and put your final response in <response> tags.",
                        "issue", "response"),
                asks(TUTORIAL + "anthropic/06_Precognition_Thinking_Step_by_Step.ipynb",
                        "First, write the best arguments for each side in <positive-argument> and <negative-argument> XML tags,"
                                + " then answer.", "positive-argument", "negative-argument"),
                asks(TUTORIAL + "anthropic/09_Complex_Prompts_from_Scratch.ipynb",
                        "Before you answer, pull out the most relevant quotes from the research in <relevant_quotes> tags.",
                        "relevant_quotes"),
                asks(COURSES + "tool_use/06_chatbot_with_multiple_tools.ipynb",
                        "It's important to place all user-facing conversational responses in <reply></reply> XML tags to make"
                                + " them easy to parse.", "reply"),
                asks(COOKBOOK + "misc/mc_qa.ipynb",
                        "Put questions in <Question></Question> tags and answers in <Answer></Answer> tags, as in the examples.",
                        "Question", "Answer"),
                asks(COOKBOOK + "misc/metaprompt.ipynb",
                        "When you reply, first find exact quotes in the FAQ relevant to the user's question and write them down"
                                + " word for word inside <thinking></thinking> XML tags.", "thinking"),
                asks(COURSES + "real_world_prompting/01_prompting_recap.ipynb",
                        "Write your analysis within <analysis></analysis> tags, and your final statement within"
                                + " <statement></statement> tags.", "analysis", "statement"),
                asks(COURSES + "real_world_prompting/01_prompting_recap.ipynb",
                        "Use <section></section> tags for each main section to make the report easy to parse.", "section"),
                asks(COURSES + "tool_use/04_complete_workflow.ipynb",
                        "When you can answer the question, keep your answer as short as possible and enclose it in <answer> tags",
                        "answer"),
                asks(COOKBOOK + "patterns/agents/prompts/citations_agent.md",
                        "Output the resulting report, unchanged except for the added citations, within"
                                + " <exact_text_with_citation> tags.", "exact_text_with_citation"),

                // published product prompts: a tag named as a block, wrapped around the reply, set as inline code, listed
                asks(CL4R1T4S + "LOVABLE/Lovable_2.0.txt",
                        "Use only ONE <lov-code> block to wrap ALL code changes and technical details in your response.",
                        "lov-code"),
                asks(CL4R1T4S + "VERCEL V0/Vercel_v0.txt",
                        "v0 MUST wrap <CodeProject> around the edited components to signal it is in the same project.",
                        "CodeProject"),
                asks("the brief", "Wrap the code in <CodeProject>.", "CodeProject"),
                asks(SYSTEM_PROMPTS + "Open Source prompts/Bolt/Prompt.txt",
                        "4. Wrap the content in opening and closing \\`<boltArtifact>\\` tags. These tags contain more"
                                + " specific \\`<boltAction>\\` elements.", "boltArtifact"),
                asks(SYSTEM_PROMPTS + "Open Source prompts/Bolt/Prompt.txt",
                        "7. Use \\`<boltAction>\\` tags to define specific actions to perform.", "boltAction"),
                asks(SYSTEM_PROMPTS + "Augment Code/claude-4-sonnet-agent-prompts.txt",
                        "Instead, ALWAYS wrap code you want to show the user in `<augment_code_snippet>` and"
                                + "  `</augment_code_snippet>`  XML tags.", "augment_code_snippet"),
                asks(SYSTEM_PROMPTS + "Junie/Prompt.txt",
                        "Your response should be enclosed within two XML tags:\n1. <THOUGHT>: Explain your reasoning and next"
                                + " step.\n2. <COMMAND>: Provide one single command to execute.\nDon't write anything outside these"
                                + " tags.", "THOUGHT", "COMMAND"),
                asks("constructed", "Format your answer with the following tags:\n- <plan>: your plan\n- <code> - the code",
                        "plan", "code"),
                asks("constructed", "Use only <answer> tags.", "answer"),

                // sentences that point at a section of the prompt
                points("the brief", "Here is the document in <doc> tags.", "doc"),
                points("the brief", "Use the <context> to answer.", "context"),
                points("the brief", "Answer based on the <rules> tags.", "rules"),
                points("the brief", "Between <document> and </document> you will find the contract.", "document"),
                points(COOKBOOK + "patterns/agents/prompts/citations_agent.md",
                        "You are given a report within <synthesized_text> tags, which was generated based on the provided sources.",
                        "synthesized_text"),
                points(COOKBOOK + "patterns/agents/prompts/citations_agent.md",
                        "- ONLY add the citation tags to the text within <synthesized_text> tags for your"
                                + " <exact_text_with_citation> output", "synthesized_text"),
                points(COOKBOOK + "patterns/agents/prompts/citations_agent.md",
                        "- Do NOT modify the <synthesized_text> in any way - keep all content 100% identical, only add citations",
                        "synthesized_text"),
                points(COURSES + "real_world_prompting/05_customer_support_ai.ipynb",
                        "Follow the instructions provided inside the <instructions> tags below when answering questions.",
                        "instructions"),
                points(COURSES + "real_world_prompting/05_customer_support_ai.ipynb",
                        "If you cannot answer the question based solely on the information in the <context> tags,", "context"),
                points(COURSES + "real_world_prompting/05_customer_support_ai.ipynb",
                        "Use the information provided inside the <context> XML tags below to help formulate your answers.",
                        "context"),
                points(COURSES + "real_world_prompting/05_customer_support_ai.ipynb",
                        "Only use the information inside the <context> tags to answer the question.", "context"),
                points(COURSES + "real_world_prompting/05_customer_support_ai.ipynb",
                        "Otherwise, find information in the <context> that is related to the user's question and use it to"
                                + " answer the question.", "context"),
                points(COOKBOOK + "third_party/Pinecone/rag_using_pinecone.ipynb",
                        "Using the search results provided within the <search_results></search_results> tags, please answer"
                                + " the following question", "search_results"),
                points(COOKBOOK + "third_party/Pinecone/rag_using_pinecone.ipynb",
                        "Human: {format_results(results_list)} Using the search results provided within the"
                                + " <search_results></search_results> tags, please answer the following question", "search_results"),
                points(COOKBOOK + "misc/metaprompt.ipynb",
                        "Thus, the format of your overall response should look like what's shown between the"
                                + " <example></example> tags.", "example"),
                points(COOKBOOK + "misc/metaprompt.ipynb",
                        "Notice that you are free to think before deciding to make a <function_call> in the <scratchpad>:",
                        "function_call", "scratchpad"),
                points(COOKBOOK + "misc/metaprompt.ipynb",
                        "You will receive a <function_result> in response to your call that contains information that you can"
                                + " use to better answer the question.", "function_result"),
                points(COOKBOOK + "misc/metaprompt.ipynb",
                        "Here is an example of how you would correctly answer a question using a <function_call> and the"
                                + " corresponding <function_result>.", "function_call", "function_result"),
                points(COOKBOOK + "misc/generate_test_cases.ipynb",
                        "For each variable in <variables>, carefully consider what a paradigmatic, realistic example of that"
                                + " variable would look like.", "variables"),
                points(COOKBOOK + "patterns/agents/prompts/research_subagent.md",
                        "Follow the <research_process> and the <research_guidelines> above to accomplish the task, making sure"
                                + " to parallelize tool calls for maximum efficiency.", "research_process", "research_guidelines"),
                points(COOKBOOK + "patterns/agents/prompts/research_subagent.md",
                        "Make sure to follow the <task> description and investigate the best sources.", "task"),
                points(COOKBOOK + "patterns/agents/prompts/research_lead_agent.md",
                        "Only then, provide a final answer in the specific format that is best for the user's query and"
                                + " following the <writing_guidelines> below.", "writing_guidelines"),
                points(COOKBOOK + "patterns/agents/prompts/research_lead_agent.md",
                        "- Deploy appropriate subagents using the <delegation_instructions> below, making sure to provide"
                                + " extremely clear task descriptions to each subagent", "delegation_instructions"),
                points(COURSES + "real_world_prompting/05_customer_support_ai.ipynb",
                        "According to the information provided in the <context> section, the error code 4004 indicates a"
                                + " corrupted system file issue.", "context"),
                points(TUTORIAL + "anthropic/05_Formatting_Output_and_Speaking_for_Claude.ipynb",
                        "Here is an email: <email>{EMAIL}</email>.", "email"),
                // markup the reply writes, named as blocks rather than tags
                asks("jujumilk3/leaked-system-prompts/notion_ai_20260322.md",
                        "Only use <edit_reference> blocks for actual changes to pages or databases.", "edit_reference"),
                asks("jujumilk3/leaked-system-prompts/lovable_2_0_20250423.md",
                        "Use only one <lov-write> block per file.", "lov-write"),
                points("jujumilk3/leaked-system-prompts/anthropic_claude_design_20260417.md",
                        "Put [data-screen-label] attrs on elements representing slides; these surface in the `dom:` line of"
                                + " <mentioned-element> blocks so you can tell which slide a comment is about.",
                        "mentioned-element"),
                // near misses of the new rules
                points("constructed", "Think about the rules in <rules> tags before answering.", "rules"),
                points("constructed", "Reflect on the feedback inside <feedback> tags.", "feedback"),
                points("constructed", "Begin by reading the <article> carefully.", "article"),
                points("constructed", "Start with the <summary> tags of the report.", "summary"),
                points("constructed", "Read the document between <document> and </document> tags carefully.", "document"),
                points("constructed", "First, in <rules> tags, you will find the house rules.", "rules"),
                points("constructed", "Finally, in the <context> tags, there is a list of products.", "context"),
                points("constructed", "The answer should start with the facts in <facts> tags.", "facts"),
                points("constructed", "End your answer with the closing line from <signature>.", "signature"),
                points("constructed", "Consider the question in <question> tags, thinking step by step.", "question"),
                points("constructed", "Reason about the facts inside <facts> tags.", "facts"),
                points("constructed", "Then, in <notes> tags, you can see what the user wrote.", "notes"),
                points("constructed", "The report between <report> and </report> tags is the draft.", "report"),
                points("constructed", "Use the <rules></rules> as a guide.", "rules"),
                points("constructed", "In <context> tags, there is a product list.", "context"),
                // near misses of a tag named as a block, wrapped around the reply, as inline code or listed
                points("constructed", "Use the <context> block to answer the question.", "context"),
                points("constructed", "Never use a <section> block to wrap the reply.", "section"),
                points("constructed", "Keep the <rules> around the examples in mind.", "rules"),
                points("constructed", "Answer the question in <question>.", "question"),
                points("constructed", "Follow the rules in the `<rules>` tags.", "rules"),
                points("constructed", "Answer using the information in these XML tags:\n1. <context>: the documents\n"
                        + "2. <question>: the question", "context", "question"),
                points("constructed", "The prompt holds two XML tags:\n1. <context>: the documents\n2. <question>: the question",
                        "context", "question"));
    }

    @Test
    void mentionsOnOneHugeLineAreReadInTimeProportionalToTheText() {
        // each mention used to read its whole line back to find a list marker: quadratic on one long line
        String text = "a".repeat(2_000_000) + " <x>".repeat(20_000) + "\n";
        Markup markup = TagScanner.scan(text);
        assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> OutputContracts.of(text, markup, new SectionStrays(text, markup, SectionRewrites.VOCAB)));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void aSentenceThatAsksForReplyTagsKeepsThemAndOneThatPointsAtASectionDoesNot(Row row) {
        String text = row.sentence() + "\n";
        Markup markup = TagScanner.scan(text);
        Set<String> found = OutputContracts.of(text, markup, new SectionStrays(text, markup, SectionRewrites.VOCAB));
        assertThat(found).as("from %s", row.source()).containsAll(row.asked());
        assertThat(found).as("from %s", row.source()).filteredOn(row.pointedAt()::contains).isEmpty();
    }
}
