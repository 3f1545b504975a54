package dev.promptport.rules;

import dev.promptport.Finding;
import dev.promptport.PromptPort;
import dev.promptport.Target;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pattern rules fire on what a prompt asks for, not on text that only looks alike: a JSX or
 * Python object literal in double braces is code (v0's and Claude's artifact prompts show
 * {@code margin={{ top: 20 }}}), and "chain of thought" alone is a mention (OpenAI's Atlas
 * prompt: "YOU DO NOT have a hidden chain of thought").
 */
class PromptMentionsNotAsksTest {

    private static List<String> messages(String system, String rule, String target) {
        String request = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"system\":\""
                + system.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"")
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
        return PromptPort.translate(request, Target.of(target)).findings().stream()
                .filter(f -> f.id().equals(rule)).map(Finding::message).toList();
    }

    @Test
    void anObjectLiteralInDoubleBracesIsCodeNotAPlaceholder() {
        assertThat(messages("""
                Use <BarChart data={data} margin={{ top: 20, right: 30 }}> for charts.
                Show it as <SearchResults input={{ "city": "San Francisco" }} />.
                In Python, write f"{{'id': {user_id}}}" and {{rejectUnauthorized: false}} in Node.
                """, "PP139", "openai:gpt-4o")).isEmpty();
    }

    @Test
    void placeholdersStillFireWithFiltersThatTakeArguments() {
        assertThat(messages("""
                Greet {{ customer_name }} on {{ "now" | date: "%Y-%m-%d" }} from {{#if team}}the team{{/if}}.
                Say {{ greeting ? greeting : "Hello" }} first.
                """, "PP139", "openai:gpt-4o"))
                .anySatisfy(m -> assertThat(m).contains("{{ customer_name }}"))
                .anySatisfy(m -> assertThat(m).contains("{{ greeting ? greeting : \"Hello\" }}"))
                .anySatisfy(m -> assertThat(m).contains("{{ \"now\" | date: \"%Y-%m-%d\" }}"))
                // a block helper is the template's control, not a value to fill in
                .noneSatisfy(m -> assertThat(m).contains("{{#if team}}"));
    }

    @Test
    void aNegatedMentionOfChainOfThoughtDoesNotAskForIt() {
        assertThat(messages("""
                You are a chat model and you do NOT have a hidden chain of thought or private reasoning tokens.
                On this model the raw chain of thought is never returned.
                """, "PP140", "openai:o3")).isEmpty();
    }

    @Test
    void askingForAChainOfThoughtOrStepByStepStillFires() {
        assertThat(messages("Use a \"Chain of Thought\" process for hard questions.", "PP140", "openai:o3"))
                .singleElement().asString().contains("(\"Use a \"Chain of Thought\"\")");
        assertThat(messages("Think step by step before you answer.", "PP140", "openai:o3")).hasSize(1);
    }
}
