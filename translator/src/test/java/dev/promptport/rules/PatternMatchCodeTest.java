package dev.promptport.rules;

import dev.promptport.Finding;
import dev.promptport.PromptPort;
import dev.promptport.Target;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pattern rules read what the prompt says, not the code it quotes. */
class PatternMatchCodeTest {

    private static List<Finding> findings(String system) {
        String request = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"system\":\""
                + system.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"")
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
        return PromptPort.translate(request, Target.of("openai:gpt-4o")).findings();
    }

    @Test
    void placeholdersInFencedCodeAreTheCodesOwn() {
        // wshobson's agents: a component scaffold shows JavaScript template literals and JSX
        List<Finding> found = findings("""
                Greet {{customer_name}} first.

                ```tsx
                const url = `/api/users/${id}`;
                <motion.div whileTap={{ scale: 0.98 }} />
                ```

                1. Fetch the user:
                   ```js
                   fetch(`/posts/${postId}`)
                   ```
                """);
        assertThat(found).filteredOn(f -> f.id().equals("PP139")).extracting(Finding::message)
                .singleElement().asString().contains("{{customer_name}}");
    }

    @Test
    void aModelNameInFencedCodeIsNotThePromptNamingClaude() {
        assertThat(findings("""
                Call the API like this:

                ```python
                client.messages.create(model="claude-sonnet-4-5")
                ```
                """)).extracting(Finding::id).doesNotContain("PP137");
        assertThat(findings("You are Claude.")).extracting(Finding::id).contains("PP137");
    }

    @Test
    void aPersonNamedClaudeOrTheVendorsDocumentationAsATopicIsNotTheModel() {
        assertThat(findings("Describe paintings in the manner of Claude Monet. Jean-Claude Van Damme films are off topic."))
                .extracting(Finding::id).doesNotContain("PP137");
        assertThat(findings("Explain the Anthropic principle to students.")).extracting(Finding::id).doesNotContain("PP137");
        assertThat(findings("You evaluate answers to questions about Anthropic's documentation and Claude’s API."))
                .extracting(Finding::id).doesNotContain("PP137");
        assertThat(findings("You are made by Anthropic.")).extracting(Finding::id).contains("PP137");
        assertThat(findings("You are Claude Code, like Claude Monet a craftsman.")).filteredOn(f -> f.id().equals("PP137"))
                .extracting(Finding::message).singleElement().asString().contains("\"Claude\"");
    }

    @Test
    void aTranscriptShownInAnExampleIsNotTheLegacyTurnFormat() {
        // Claude Code's TodoWrite description shows when to use the tool in example exchanges
        assertThat(findings("""
                Use the todo list for multi-step work.

                <example>
                User: Add a dark mode toggle and run the tests.
                Assistant: I'll create a todo list for this.
                </example>
                """)).extracting(Finding::id).doesNotContain("PP138");
        assertThat(findings("Human: Classify the review.\n\nAssistant: The category is"))
                .extracting(Finding::id).contains("PP138");
    }

    private static List<String> placeholders(String system) {
        return findings(system).stream().filter(f -> f.id().equals("PP139")).map(Finding::message).toList();
    }

    @Test
    void placeholdersInsideInlineCodeAreTheCodesOwn() {
        // Leap's prompt shows TypeScript in code spans; the pimcore agent shows Twig
        assertThat(placeholders("""
                Greet {{customer_name}} first.
                Send ``{authorization: `Bearer ${token}`}`` and fetch with `fetch("/users/${id}")`.
                Use `{% trans %}Welcome{% endtrans %}` for static text.
                """)).singleElement().asString().contains("{{customer_name}}");
    }

    @Test
    void aDataSectionHoldingOnlyThePlaceholderIsASlotToFill() {
        // the cookbook's ticket classifier: {{ticket}} is as unfilled as {{categories}} beside it
        assertThat(placeholders("""
                Classify the ticket into one of {{categories}}.
                <ticket>
                {{ticket}}
                </ticket>
                <document>Write {{name}} in the greeting.</document>
                """)).hasSize(2).noneMatch(m -> m.contains("{{name}}"));
    }

    @Test
    void anEllipsisInBracesIsAMarkToWriteNotAPlaceholder() {
        // Windsurf: "represent all unchanged code using this special placeholder: {{ ... }}"
        assertThat(placeholders("Represent unchanged code with {{ ... }} and {{…}}; greet {{user}}.")).singleElement()
                .asString().contains("{{user}}");
    }

    @Test
    void aCodeSpanHoldingOnlyThePlaceholderIsStillAValueToFill() {
        // set as code, the value is still one the prompt means to fill in before it is sent
        assertThat(placeholders("The working directory is `{{cwd}}`.")).singleElement().asString().contains("{{cwd}}");
        assertThat(placeholders("Load the `${SKILL_NAME}` skill first.")).hasSize(1);
    }

    @Test
    void aBackslashedBacktickOpensNoCodeSpan() {
        // Bolt's prompt, kept as JavaScript source, escapes the backticks around the value
        assertThat(placeholders("3. The current working directory is \\`${cwd}\\`.")).hasSize(1);
    }

    @Test
    void aModelNameInInlineCodeIsNotThePromptNamingClaude() {
        // Anthropic's model-migration skill lists the calls to look for
        assertThat(findings("Look for calls such as `client = anthropic.Anthropic()` and update them."))
                .extracting(Finding::id).doesNotContain("PP137");
    }

    @Test
    void templateControlMarksAreNotPlaceholdersButThePlaceholdersBetweenThemAre() {
        assertThat(placeholders("""
                {% if vip %}Greet {{ customer_name }} warmly.{% endif %}
                {% for order in orders %}- {{ order.id }}{% endfor %}
                {{ if .Urgent }}Answer within {{ .Hours }} hours.{{ end }}
                {{- range .Items }}* item{{- end }}
                {{#each tickets}}{{/each}}{{else}}{{! a comment }}
                {{ template "footer" . }}
                """)).hasSize(4).allSatisfy(m -> assertThat(m).containsAnyOf("{{ customer_name }}", "{{ order.id }}",
                "{{ .Hours }}", "{{ template \"footer\" . }}"));
    }

    @Test
    void everyBlockTagIsAStatementNotAPlaceholder() {
        // Liquid (Shopify's own tags among them), Jinja and Django write every statement as {% %}, values as {{ }}
        assertThat(placeholders("""
                {% paginate products by 12 %}{% form 'contact' %}{% raw %}{% endraw %}{% capture x %}{% endcapture %}
                {% comment %}{% endcomment %}{% include 'x' %}{% render 'card' %}{% assign n = 1 %}{% cycle 'a', 'b' %}
                {% tablerow p in ps %}{% endtablerow %}{% liquid echo n %}{%- block body -%}{% endblock %}
                {% extends "base.html" %}{% macro row(x) %}{% endmacro %}{% set y = 2 %}{% with a=b %}{% endwith %}
                {% filter upper %}{% endfilter %}{% call row(1) %}{% endcall %}{% trans %}Hi{% endtrans %}
                {% url 'home' %}{% csrf_token %}{% load static %}{% my_custom_tag arg %}
                Thanks, {{ name }}.
                """)).singleElement().asString().contains("{{ name }}");
    }

    @Test
    void aPlaceholderNamedLikeAControlWordOrAnExpressionIsStillOne() {
        assertThat(placeholders("Ship by {{ end_date }}; note {{endpoint}} and {{ if_missing }} but not {{ !x }}.")).hasSize(4);
    }

    @Test
    void metaGptInputMarksArePlaceholdersNotTags() {
        // MetaGPT's generative-agents prompt templates mark their inputs as !<INPUT 0>!, !<INPUT 1>!
        List<Finding> found = findings("""
                Name: !<INPUT 0>!
                Today is !<INPUT 1>!. Summarise what !<INPUT 0>! plans to do next.
                """);
        assertThat(found).filteredOn(f -> f.id().equals("PP139")).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("!<INPUT 0>!"))
                .anySatisfy(m -> assertThat(m).contains("!<INPUT 1>!"));
        assertThat(found).extracting(Finding::id).doesNotContain("PP102", "PP104");
    }

    @Test
    void aRuleFileRegexCanNameMatchesNotToReport() {
        // the "unless" of PP139 is compiled with the rule and checked when the rule file is read
        assertThatThrownBy(() -> RuleFiles.parse("mine.yaml", """
                rules:
                  - {id: MY1, title: T, feature: placeholders, severity: low, effort: 1, targets: [all],
                     match: {kind: pattern, regex: "x", unless: "(", scope: prompt}, message: m, fix: f}
                """, false)).hasMessageContaining("unless");
    }
}
