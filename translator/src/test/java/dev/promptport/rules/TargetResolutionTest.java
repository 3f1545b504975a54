package dev.promptport.rules;

import dev.promptport.PromptPortException;
import dev.promptport.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the catalogue finds the facts for a model id a user wrote, listed or not. */
class TargetResolutionTest {

    private static final Catalogue CATALOGUE = Catalogue.builtIn();

    private static Target listed(String id) {
        return CATALOGUE.targets().stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not listed"));
    }

    @ParameterizedTest(name = "{0} is listed")
    @CsvSource({
            "openai:gpt-4o", "openai:o3-mini", "openai:gpt-5.1", "openai:gpt-4.1-nano", "openai:gpt-5-nano",
            "openai:gpt-5-chat-latest", "openai:gpt-4o-2024-05-13", "anthropic:claude-opus-4-5",
            "anthropic:claude-sonnet-4", "anthropic:claude-3-7-sonnet", "anthropic:claude-3-5-haiku",
            "gemini:gemini-2.0-flash-lite", "gemini:gemma-3-27b-it", "mistral:mistral-large-latest"})
    void aListedIdIsItsOwnRow(String id) {
        Target t = CATALOGUE.target(id);
        assertThat(t).isSameAs(listed(id));
        assertThat(t.factsFrom()).isNull();
    }

    @Test
    void aListedIdInAnotherCaseIsWrittenAsGiven() {
        Target t = CATALOGUE.target("azure:GPT-4o");
        assertThat(t.model()).isEqualTo("GPT-4o");
        assertThat(t.facts()).isEqualTo(listed("azure:gpt-4o").facts());
        assertThat(t.factsFrom()).isNull();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "openai:gpt-4o-2024-08-06, openai:gpt-4o",
            "openai:GPT-4o-2024-11-20, openai:gpt-4o",
            "openai:gpt-4o-mini-2024-07-18, openai:gpt-4o-mini",
            "openai:o3-mini-2025-01-31, openai:o3-mini",
            "openai:gpt-4.1-nano-2025-04-14, openai:gpt-4.1-nano",
            "openai:gpt-5-chat, openai:gpt-5-chat-latest",
            "openai:openai/gpt-4o, openai:gpt-4o",
            "anthropic:claude-sonnet-4-5-20250929, anthropic:claude-sonnet-4-5",
            "anthropic:claude-3-7-sonnet-latest, anthropic:claude-3-7-sonnet",
            "anthropic:claude-3-5-haiku-20241022, anthropic:claude-3-5-haiku",
            "gemini:gemini-2.5-flash-preview-09-2025, gemini:gemini-2.5-flash",
            "gemini:gemini-2.5-pro-preview-05-06, gemini:gemini-2.5-pro",
            "gemini:gemini-2.5-pro-001, gemini:gemini-2.5-pro",
            "gemini:models/gemini-2.5-flash, gemini:gemini-2.5-flash",
            "mistral:mistral-large-2411, mistral:mistral-large-latest",
            "openai-responses:gpt-5-2025-08-07, openai-responses:gpt-5"})
    void anIdWithADateOrAliasSuffixIsTheListedModelUnderAnotherName(String spec, String same) {
        Target t = CATALOGUE.target(spec);
        assertThat(t.facts()).isEqualTo(listed(same).facts());
        assertThat(t.factsFrom()).as("the same model: its own facts, no finding").isNull();
        assertThat(t.id()).isEqualTo(spec);
    }

    @ParameterizedTest(name = "{0} borrows from {1}")
    @CsvSource({
            "openai:gpt-5.2, openai:gpt-5.1",
            "openai:gpt-4.5-preview, openai:gpt-4.1",
            "openai:gpt-4o-audio-preview, openai:gpt-4o",
            "openai:gpt-5.1-codex, openai:gpt-5.1",
            "openai:gpt-5.1-chat-latest, openai:gpt-5.1",
            "openai:o3-pro, openai:o3",
            "openai:o4-mini-deep-research, openai:o4-mini",
            "anthropic:claude-sonnet-4-6, anthropic:claude-sonnet-4-5",
            "anthropic:claude-opus-4-6, anthropic:claude-opus-4-5",
            "gemini:gemini-3.5-pro, gemini:gemini-3-pro-preview",
            "anthropic:claude-sonnet-4-0, anthropic:claude-sonnet-4",
            "gemini:gemini-2.5-flash-image, gemini:gemini-2.5-flash",
            "gemini:gemma-3-27b, gemini:gemma-3-27b-it",
            "ollama:llama3.1:8b, ollama:llama3.1",
            "mistral:mistral-small-3.2, mistral:mistral-small-latest"})
    void aModelOfAListedLineBorrowsTheNearestListedModelsFacts(String spec, String family) {
        Target t = CATALOGUE.target(spec);
        assertThat(t.facts()).isEqualTo(listed(family).facts());
        assertThat(t.factsFrom()).isEqualTo(family);
        assertThat(t.id()).isEqualTo(spec);
    }

    @ParameterizedTest(name = "{0} borrows from {1}")
    @CsvSource({
            "azure:my-gpt4o-deployment, azure:gpt-4o",
            "deepseek:deepseek-v3, deepseek:deepseek-chat",
            "anthropic:claude-2.1, anthropic:claude-3-5-haiku",
            // the Gemma models are smaller, but take no tools and no system prompt: not a Gemini model's facts
            "gemini:learnlm-2.0-flash-experimental, gemini:gemini-2.0-flash",
            "mistral:codestral-latest, mistral:mistral-small-latest"})
    void aModelNothingMatchesBorrowsTheVendorsMostCautiousModel(String spec, String cautious) {
        Target t = CATALOGUE.target(spec);
        assertThat(t.facts()).isEqualTo(listed(cautious).facts());
        assertThat(t.factsFrom()).isEqualTo(cautious);
        assertThat(t.model()).isEqualTo(spec.substring(spec.indexOf(':') + 1));
    }

    @Test
    void familiesThatDifferAreListedSoTheyDoNotBorrowTheWrongFacts() {
        assertThat(CATALOGUE.target("openai:gpt-5-chat-latest").facts().reasons()).isFalse();
        assertThat(CATALOGUE.target("openai:o3-mini").facts().vision()).isFalse();
        assertThat(CATALOGUE.target("openai:gpt-4o-2024-05-13").facts().maxOutput()).isEqualTo(4096);
        assertThat(CATALOGUE.target("anthropic:claude-3-5-haiku-20241022").facts().reasons()).isFalse();
    }

    @Test
    void anUnknownVendorIsStillAnError() {
        assertThatThrownBy(() -> CATALOGUE.target("acme:gpt-4o"))
                .isInstanceOf(PromptPortException.class)
                .hasMessageContaining("unknown target 'acme:gpt-4o'")
                .hasMessageContaining("no vendor 'acme'")
                .hasMessageContaining("openai, openai-responses, gemini");
        assertThatThrownBy(() -> CATALOGUE.target("gpt-4o"))
                .isInstanceOf(PromptPortException.class)
                .hasMessageContaining("is not of the form vendor:model");
    }

    @Test
    void aDateIsStrippedOnlyWhereItIsADate() {
        assertThat(ModelIds.base("openai", "gpt-4o-2024-08-06")).isEqualTo("gpt-4o");
        assertThat(ModelIds.base("anthropic", "claude-opus-4-1")).isEqualTo("claude-opus-4-1");
        assertThat(ModelIds.base("groq", "llama-3.3-70b-versatile")).isEqualTo("llama-3.3-70b-versatile");
        assertThat(ModelIds.base("openai", "gpt-3.5-turbo-0125")).isEqualTo("gpt-3.5-turbo");
        assertThat(ModelIds.base("openai", "gpt-4-0125-preview")).isEqualTo("gpt-4-0125-preview");
        assertThat(ModelIds.base("gemini", "gemini-2.5-flash-preview-09-2025")).isEqualTo("gemini-2.5-flash");
        assertThat(ModelIds.base("gemini", "gemini-3-pro-preview")).isEqualTo("gemini-3-pro-preview");
        assertThat(ModelIds.base("openai", "o1-2024-12-17")).isEqualTo("o1");
        assertThat(ModelIds.ofFamily("gpt-4o", "gpt-4")).isFalse();
        assertThat(ModelIds.ofFamily("gpt-4.1-nano", "gpt-4.1")).isTrue();
    }
}
