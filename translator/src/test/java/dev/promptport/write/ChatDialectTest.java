package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptport.ModelFacts;
import dev.promptport.Target;
import dev.promptport.read.AnthropicRequestReader;
import dev.promptport.rules.Pipeline;
import dev.promptport.rules.RuleSet;
import dev.promptport.rules.StepContext;
import dev.promptport.rules.Style;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Generation;
import dev.promptport.tree.Loc;
import dev.promptport.tree.Part;
import dev.promptport.tree.Role;
import dev.promptport.tree.SourceKind;
import dev.promptport.tree.Turn;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ChatDialectTest {

    // ---------------------------------------------------------------------------------- the table

    @Test
    void everyOpenAiCompatibleVendorHasARow() {
        assertThat(ChatDialect.vendors()).containsExactlyInAnyOrder("openai", "azure", "deepseek", "mistral", "groq",
                "together", "fireworks", "ollama", "vllm");
        for (String v : ChatDialect.vendors()) {
            assertThat(ChatDialect.of(v).vendor()).isEqualTo(v);
        }
    }

    @Test
    void vendorNamesAreMatchedWithoutRegardToCase() {
        assertThat(ChatDialect.of("DeepSeek")).isSameAs(ChatDialect.DEEPSEEK);
        assertThat(ChatDialect.of("OPENAI")).isSameAs(ChatDialect.OPENAI);
    }

    @Test
    void anUnknownVendorGetsOnlyWhatNearlyEveryServerTakes() {
        ChatDialect d = ChatDialect.of("my-llama-box");
        assertThat(d).isSameAs(ChatDialect.COMPATIBLE).isSameAs(ChatDialect.of(null));
        assertThat(d.developerRole()).isFalse();
        assertThat(d.endUserField()).isNull();
        assertThat(d.streamUsage()).isFalse();
        assertThat(d.parallelToolCalls()).isFalse();
        assertThat(d.pdfPart()).isEqualTo(ChatDialect.PdfPart.NONE);
        assertThat(d.outputLimitField("max_completion_tokens")).isEqualTo("max_completion_tokens");
        assertThat(d.outputLimitField(null)).isEqualTo("max_tokens");
    }

    @Test
    void openAiIsTheChatWriterAsItWasWritten() {
        ChatDialect d = ChatDialect.OPENAI;
        assertThat(d.outputLimitFields()).containsExactly("max_completion_tokens");
        assertThat(d.developerRole()).isTrue();
        assertThat(d.endUserField()).isEqualTo("safety_identifier");
        assertThat(d.streamUsage()).isTrue();
        assertThat(d.parallelToolCalls()).isTrue();
        assertThat(d.toolChoice()).isTrue();
        assertThat(d.imageParts()).isTrue();
        assertThat(d.imageUrls()).isTrue();
        assertThat(d.pdfPart()).isEqualTo(ChatDialect.PdfPart.FILE);
        assertThat(d.reasoningEffort()).isTrue();
        assertThat(d.toolResultName()).isFalse();
        assertThat(d.toolIds()).isEqualTo(ChatDialect.ToolIds.ANY);
        assertThat(d.reasoningContent()).isFalse();
    }

    @Test
    void mistralIsSentNothingItDoesNotDeclare() {
        // Mistral answers undeclared fields with 422 "Extra inputs are not permitted"
        ChatDialect d = ChatDialect.MISTRAL;
        assertThat(d.endUserField()).isNull();
        assertThat(d.streamUsage()).isFalse();
        assertThat(d.developerRole()).isFalse();
        assertThat(d.outputLimitFields()).containsExactly("max_tokens");
        assertThat(d.pdfPart()).isEqualTo(ChatDialect.PdfPart.DOCUMENT_URL);
        assertThat(d.toolResultName()).isTrue();
        assertThat(d.toolIds()).isEqualTo(ChatDialect.ToolIds.ALPHANUMERIC_9);
    }

    @Test
    void deepSeekEchoesReasoningContentAndTakesNoMedia() {
        ChatDialect d = ChatDialect.DEEPSEEK;
        assertThat(d.reasoningContent()).isTrue();
        assertThat(ChatDialect.REASONING_PLACEHOLDER).isNotEmpty().isBlank();
        assertThat(d.imageParts()).isFalse();
        assertThat(d.takesPdf()).isFalse();
        assertThat(d.endUserField()).isNull();
        assertThat(d.outputLimitFields()).containsExactly("max_tokens");
    }

    @Test
    void onlyDeepSeekNeedsReasoningContent() {
        for (String v : ChatDialect.vendors()) {
            assertThat(ChatDialect.of(v).reasoningContent()).as(v).isEqualTo(v.equals("deepseek"));
        }
    }

    @Test
    void ollamaTakesOnlyInlineImagesAndIgnoresToolChoice() {
        ChatDialect d = ChatDialect.OLLAMA;
        assertThat(d.imageParts()).isTrue();
        assertThat(d.imageUrls()).isFalse();
        assertThat(d.toolChoice()).isFalse();
        assertThat(d.streamUsage()).isTrue();
    }

    @Test
    void groqAndAzureTakeTheUserField() {
        assertThat(ChatDialect.GROQ.endUserField()).isEqualTo("user");
        assertThat(ChatDialect.AZURE.endUserField()).isEqualTo("user");
        assertThat(ChatDialect.VLLM.endUserField()).as("vLLM accepts user but ignores it").isNull();
    }

    @Test
    void onlyOpenAiTakesPdfFileParts() {
        for (String v : ChatDialect.vendors()) {
            ChatDialect d = ChatDialect.of(v);
            assertThat(d.pdfPart() == ChatDialect.PdfPart.FILE).as(v).isEqualTo(v.equals("openai"));
        }
    }

    @Test
    void compatibleEndpointsAreSentOnlyTheOpenAiSettingsTheyDocument() {
        assertThat(ChatDialect.OPENAI.takesSetting("logit_bias")).isTrue();
        assertThat(ChatDialect.OPENAI.takesSetting("moderation")).isTrue();
        // Groq: logit_bias, logprobs and top_logprobs are unsupported, n > 1 is a 400
        assertThat(List.of("logit_bias", "logprobs", "top_logprobs", "n", "store")).noneMatch(ChatDialect.GROQ::takesSetting);
        assertThat(ChatDialect.GROQ.takesSetting("seed")).isTrue();
        // Mistral's seed is random_seed; an OpenAI seed would be an extra field (422)
        assertThat(ChatDialect.MISTRAL.settingField("seed")).isEqualTo("random_seed");
        assertThat(ChatDialect.GROQ.settingField("seed")).isEqualTo("seed");
        assertThat(ChatDialect.DEEPSEEK.settingField("seed")).isNull();
        assertThat(ChatDialect.MISTRAL.takesSetting("prediction")).isTrue();
        assertThat(ChatDialect.DEEPSEEK.takesSetting("logprobs")).isTrue();
        assertThat(ChatDialect.DEEPSEEK.takesSetting("seed")).isFalse();
        for (String v : ChatDialect.vendors()) {
            assertThat(List.of("service_tier", "moderation", "prompt_cache_retention", "prompt_cache_options"))
                    .as(v).allMatch(s -> v.equals("openai") == ChatDialect.of(v).takesSetting(s));
        }
    }

    @Test
    void aDialectNeedsAnOutputLimitField() {
        assertThatThrownBy(() -> new ChatDialect("x", List.of(), false, null, false, false, true, true, true,
                ChatDialect.PdfPart.NONE, false, false, ChatDialect.ToolIds.ANY, false, java.util.Set.of(), java.util.Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------------------------- decisions

    @Test
    void theModelsOutputLimitFieldIsUsedWhenTheEndpointTakesIt() {
        assertThat(ChatDialect.GROQ.outputLimitField("max_tokens")).isEqualTo("max_tokens");
        assertThat(ChatDialect.GROQ.outputLimitField("max_completion_tokens")).isEqualTo("max_completion_tokens");
        assertThat(ChatDialect.VLLM.outputLimitField("max_tokens")).isEqualTo("max_tokens");
    }

    @Test
    void otherwiseTheEndpointsCurrentFieldIsUsed() {
        assertThat(ChatDialect.MISTRAL.outputLimitField("max_completion_tokens")).isEqualTo("max_tokens");
        assertThat(ChatDialect.DEEPSEEK.outputLimitField("max_completion_tokens")).isEqualTo("max_tokens");
        assertThat(ChatDialect.OPENAI.outputLimitField("max_tokens")).isEqualTo("max_completion_tokens");
        assertThat(ChatDialect.OPENAI.outputLimitField("max_output_tokens")).isEqualTo("max_completion_tokens");
    }

    @Test
    void theDeveloperRoleIsUsedOnlyWhereTheModelWantsItAndTheEndpointTakesIt() {
        assertThat(ChatDialect.OPENAI.systemRole("developer")).isEqualTo("developer");
        assertThat(ChatDialect.AZURE.systemRole("developer")).isEqualTo("developer");
        assertThat(ChatDialect.GROQ.systemRole("developer")).isEqualTo("developer");
        assertThat(ChatDialect.OPENAI.systemRole("system")).isEqualTo("system");
        for (ChatDialect d : List.of(ChatDialect.DEEPSEEK, ChatDialect.MISTRAL, ChatDialect.TOGETHER,
                ChatDialect.FIREWORKS, ChatDialect.OLLAMA, ChatDialect.VLLM, ChatDialect.COMPATIBLE)) {
            assertThat(d.systemRole("developer")).as(d.vendor()).isEqualTo("system");
        }
    }

    @Test
    void toolCallIdsPassUnchangedWhereAnyIdIsTaken() {
        assertThat(ChatDialect.OPENAI.toolCallId("toolu_01A09q90qw90lq917835lq9")).isEqualTo("toolu_01A09q90qw90lq917835lq9");
        assertThat(ChatDialect.DEEPSEEK.toolCallId(null)).isNull();
    }

    @Test
    void mistralToolCallIdsAreNineCharactersDerivedFromTheWholeId() {
        ChatDialect d = ChatDialect.MISTRAL;
        String a = d.toolCallId("toolu_01KsA1Bb2Cc3Dd4Ee5Ff6Gg7");
        assertThat(a).matches("[a-zA-Z0-9]{9}");
        assertThat(d.toolCallId("toolu_01KsA1Bb2Cc3Dd4Ee5Ff6Gg7")).as("a call and its result match").isEqualTo(a);
        assertThat(d.toolCallId("abcDEF123")).as("an id Mistral takes stays").isEqualTo("abcDEF123");
        assertThat(d.toolCallId(null)).isNull();
    }

    @Test
    void claudeIdsThatShareAPrefixStayDistinctForMistral() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            seen.add(ChatDialect.MISTRAL.toolCallId("toolu_01KsA1Bb2Cc3Dd4Ee5Ff6G" + i));
        }
        assertThat(seen).hasSize(2000);
    }

    // ---------------------------------------------------------------------------------- with the writer

    /**
     * The Chat writer in the dialect of each vendor. These run once OpenAiChatWriter consults
     * {@link ChatDialect} (the change proposed with this class); until then they are skipped.
     */
    @Nested
    class WithTheChatWriter {

        private final ObjectMapper json = new ObjectMapper();

        private JsonNode write(String anthropicJson, Target target) throws IOException {
            Conversation fitted = Pipeline.run(AnthropicRequestReader.read(anthropicJson),
                    new StepContext(target, RuleSet.builtIn(), Style.AUTO));
            return json.readTree(OpenAiChatWriter.write(fitted, target, false));
        }

        private void assumeTheWriterSpeaksDialects() {
            Conversation c = new Conversation(SourceKind.REQUEST, null, List.of(),
                    List.of(new Turn(Role.USER, List.of(new Part.Text("hi", null, null, Loc.NONE)), Loc.NONE)),
                    List.of(), null, new Generation(10, null, null, null, null, true, null, null), null, List.of());
            assumeTrue(!OpenAiChatWriter.write(c, target("mistral", "system", "max_tokens", "none"), false)
                    .contains("stream_options"), "OpenAiChatWriter does not consult ChatDialect yet");
        }

        @Test
        void mistralGetsNineCharacterIdsNamedToolResultsAndNoUndeclaredFields() throws IOException {
            assumeTheWriterSpeaksDialects();
            JsonNode b = write(TOOL_ROUND_TRIP, target("mistral", "system", "max_tokens", "none"));

            assertThat(b.has("stream_options")).isFalse();
            assertThat(b.has("safety_identifier")).isFalse();
            assertThat(b.has("user")).isFalse();
            assertThat(b.path("max_tokens").asInt()).isEqualTo(500);
            JsonNode call = b.path("messages").get(2).path("tool_calls").get(0);
            JsonNode result = b.path("messages").get(3);
            assertThat(call.path("id").asText()).matches("[a-zA-Z0-9]{9}");
            assertThat(result.path("tool_call_id").asText()).isEqualTo(call.path("id").asText());
            assertThat(result.path("name").asText()).isEqualTo("get_weather");
        }

        @Test
        void deepSeekAssistantTurnsCarryAReasoningContentPlaceholder() throws IOException {
            assumeTheWriterSpeaksDialects();
            JsonNode b = write(TOOL_ROUND_TRIP, target("deepseek", "system", "max_tokens", "always"));

            JsonNode assistant = b.path("messages").get(2);
            assertThat(assistant.path("role").asText()).isEqualTo("assistant");
            assertThat(assistant.path("reasoning_content").asText()).isEqualTo(ChatDialect.REASONING_PLACEHOLDER);
            assertThat(assistant.path("tool_calls").get(0).path("id").asText()).isEqualTo("toolu_1");
            assertThat(b.path("stream_options").path("include_usage").asBoolean()).isTrue();
            assertThat(b.has("safety_identifier")).isFalse();
        }

        @Test
        void groqKeepsTheDeveloperRoleAndGetsTheUserField() throws IOException {
            assumeTheWriterSpeaksDialects();
            JsonNode b = write(TOOL_ROUND_TRIP, target("groq", "developer", "max_completion_tokens", "none"));

            assertThat(b.path("messages").get(0).path("role").asText()).isEqualTo("developer");
            assertThat(b.path("user").asText()).isEqualTo("u-7");
            assertThat(b.has("safety_identifier")).isFalse();
            assertThat(b.has("stream_options")).isFalse();
            assertThat(b.path("max_completion_tokens").asInt()).isEqualTo(500);
        }

        @Test
        void vllmGetsASystemMessageEvenForADeveloperModel() throws IOException {
            assumeTheWriterSpeaksDialects();
            JsonNode b = write(TOOL_ROUND_TRIP, target("vllm", "developer", "max_tokens", "none"));

            assertThat(b.path("messages").get(0).path("role").asText()).isEqualTo("system");
            assertThat(b.path("max_tokens").asInt()).isEqualTo(500);
            assertThat(b.has("user")).isFalse();
        }

        @Test
        void openAiOutputIsUnchanged() throws IOException {
            assumeTheWriterSpeaksDialects();
            JsonNode b = write(TOOL_ROUND_TRIP, target("openai", "system", "max_completion_tokens", "none"));

            assertThat(b.path("safety_identifier").asText()).isEqualTo("u-7");
            assertThat(b.path("stream_options").path("include_usage").asBoolean()).isTrue();
            assertThat(b.path("messages").get(2).path("tool_calls").get(0).path("id").asText()).isEqualTo("toolu_1");
            assertThat(b.path("messages").get(2).has("reasoning_content")).isFalse();
            assertThat(b.path("messages").get(3).has("name")).isFalse();
        }

        private static final String TOOL_ROUND_TRIP = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":500,"
                + "\"stream\":true,\"metadata\":{\"user_id\":\"u-7\"},\"system\":\"Be brief.\","
                + "\"tools\":[{\"name\":\"get_weather\",\"description\":\"Weather for a city.\","
                + "\"input_schema\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Oslo?\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\","
                + "\"input\":{\"city\":\"Oslo\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":\"-3 C\"}]}]}";

        private static Target target(String vendor, String systemRole, String outputLimitField, String reasoning) {
            return new Target(vendor, "m", new ModelFacts("openai-chat", 131072, 8192, systemRole, reasoning,
                    List.of(), outputLimitField, false, false, true, true, 4, Set.of("top_k"), "markdown", 128,
                    "estimate"));
        }
    }
}
