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
import dev.promptport.spec.OpenAiSpec;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Generation;
import dev.promptport.tree.Loc;
import dev.promptport.tree.MediaSource;
import dev.promptport.tree.Part;
import dev.promptport.tree.Role;
import dev.promptport.tree.SourceKind;
import dev.promptport.tree.Turn;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class OpenAiResponsesWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A reasoning model: effort knob, no sampling parameters, no stop sequences. */
    static final Target GPT5 = new Target("openai-responses", "gpt-5", new ModelFacts("openai-responses", 400000,
            128000, "developer", "effort", List.of("minimal", "low", "medium", "high"), "max_output_tokens", true,
            true, true, true, 0, Set.of("temperature", "top_p", "top_k"), "markdown", 128, "o200k_base",
            Set.of("web_search", "code_execution"), false, 0, 0));

    /** A model without reasoning: sampling parameters pass, stop sequences still cannot. */
    static final Target GPT4O = new Target("openai-responses", "gpt-4o", new ModelFacts("openai-responses", 128000,
            16384, "system", "none", List.of(), "max_output_tokens", true, true, true, true, 0, Set.of("top_k"),
            "markdown", 128, "o200k_base", Set.of("web_search", "code_execution"), false, 0, 0));

    // ---------------------------------------------------------------------------------- helpers

    static String translate(String anthropicJson, Target target) {
        Conversation read = AnthropicRequestReader.read(anthropicJson);
        Conversation fitted = Pipeline.run(read, new StepContext(target, RuleSet.builtIn(), Style.AUTO));
        return OpenAiResponsesWriter.write(fitted, target, false);
    }

    private static JsonNode body(String anthropicJson, Target target) throws IOException {
        String out = translate(anthropicJson, target);
        OpenAiSpec.load().ifPresent(spec -> spec.assertCleanResponsesRequest(out));
        return JSON.readTree(out);
    }

    private static String request(String rest) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024," + rest + "}";
    }

    private static List<Path> corpusRequests() throws IOException {
        Path corpus = Path.of(System.getProperty("promptport.root", "..")).resolve("corpus");
        try (Stream<Path> files = Files.walk(corpus)) {
            return files.filter(p -> p.getFileName().toString().equals("input.json")).sorted().toList();
        }
    }

    // ---------------------------------------------------------------------------------- messages

    @Test
    void functionOutputsFollowTheCallsWhenTheUsersTextCameInATurnBetween() throws Exception {
        String gemini = """
                {"contents":[{"role":"user","parts":[{"text":"Weather and time?"}]},
                  {"role":"model","parts":[{"functionCall":{"name":"w","args":{}}},{"functionCall":{"name":"t","args":{}}}]},
                  {"role":"user","parts":[{"text":"Be quick."}]},
                  {"role":"user","parts":[{"functionResponse":{"name":"w","response":{"t":5}}}]},
                  {"role":"user","parts":[{"text":"And short."},{"functionResponse":{"name":"t","response":{"h":9}}}]}],
                 "tools":[{"functionDeclarations":[{"name":"w","description":"W"},{"name":"t","description":"T"}]}]}""";
        String json = dev.promptport.PromptPort.translate(gemini, dev.promptport.InputFormat.GEMINI,
                Target.of("openai-responses:gpt-5"), dev.promptport.Options.DEFAULT).json();
        OpenAiSpec.load().ifPresent(spec -> spec.assertCleanResponsesRequest(json));
        List<String> items = new ArrayList<>();
        JSON.readTree(json).path("input").forEach(i -> items.add(i.path("type").asText()));
        assertThat(items).containsExactly("message", "function_call", "function_call", "function_call_output",
                "function_call_output", "message", "message");
        assertThat(JSON.readTree(json).at("/input/5/content/0/text").asText()).isEqualTo("Be quick.");
        assertThat(JSON.readTree(json).at("/input/6/content/0/text").asText()).isEqualTo("And short.");
    }

    @Test
    void systemTextBecomesInstructionsJoinedByBlankLines() throws IOException {
        JsonNode b = body(request("\"system\":[{\"type\":\"text\",\"text\":\"You are terse.\"},"
                + "{\"type\":\"text\",\"text\":\"Answer in French.\"}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]"), GPT4O);

        assertThat(b.path("instructions").asText()).isEqualTo("You are terse.\n\nAnswer in French.");
        assertThat(b.path("input").toString()).doesNotContain("system").doesNotContain("developer");
    }

    @Test
    void userTextAndImagesBecomeInputPartsOfOneMessageItem() throws IOException {
        JsonNode b = body(request("\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"iVBORw0K\"}},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://example.com/a.jpg\"}},"
                + "{\"type\":\"text\",\"text\":\"Compare them.\"}]}]"), GPT4O);

        JsonNode item = b.path("input").get(0);
        assertThat(item.path("type").asText()).isEqualTo("message");
        assertThat(item.path("role").asText()).isEqualTo("user");
        JsonNode content = item.path("content");
        assertThat(content.get(0).path("type").asText()).isEqualTo("input_image");
        assertThat(content.get(0).path("image_url").asText()).isEqualTo("data:image/png;base64,iVBORw0K");
        assertThat(content.get(0).path("detail").asText()).isEqualTo("auto");
        assertThat(content.get(1).path("image_url").asText()).isEqualTo("https://example.com/a.jpg");
        assertThat(content.get(2).path("type").asText()).isEqualTo("input_text");
        assertThat(content.get(2).path("text").asText()).isEqualTo("Compare them.");
    }

    @Test
    void base64PdfBecomesAnInputFileWithADataUrlAndFilename() throws IOException {
        JsonNode b = body(request("\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"document\",\"title\":\"Invoice 7\",\"context\":\"From ACME\","
                + "\"source\":{\"type\":\"base64\",\"media_type\":\"application/pdf\",\"data\":\"JVBERi0x\"}},"
                + "{\"type\":\"text\",\"text\":\"Total?\"}]}]"), GPT5);

        JsonNode content = b.path("input").get(0).path("content");
        assertThat(content.get(0).path("type").asText()).isEqualTo("input_text");
        assertThat(content.get(0).path("text").asText()).contains("Invoice 7").contains("From ACME");
        assertThat(content.get(1).path("type").asText()).isEqualTo("input_file");
        assertThat(content.get(1).path("filename").asText()).isEqualTo("Invoice 7.pdf");
        assertThat(content.get(1).path("file_data").asText()).isEqualTo("data:application/pdf;base64,JVBERi0x");
    }

    @Test
    void pdfGivenByUrlBecomesAnInputFileWithFileUrlAfterItsTitle() throws IOException {
        Part.Document doc = new Part.Document(new MediaSource.Url("https://example.com/spec.pdf"), "Spec", null,
                false, null, Loc.NONE);
        Conversation c = new Conversation(SourceKind.REQUEST, null, List.of(),
                List.of(new Turn(Role.USER, List.of(doc, text("Summarise.")), Loc.NONE)), List.of(), null,
                new Generation(500, null, null, null, null, null, null, null), null, List.of());

        String out = OpenAiResponsesWriter.write(c, GPT4O, false);
        OpenAiSpec.load().ifPresent(spec -> spec.assertCleanResponsesRequest(out));
        JsonNode content = JSON.readTree(out).path("input").get(0).path("content");
        assertThat(content.get(0).path("text").asText()).isEqualTo("Document \"Spec\":");
        JsonNode file = content.get(1);
        assertThat(file.path("type").asText()).isEqualTo("input_file");
        assertThat(file.path("file_url").asText()).isEqualTo("https://example.com/spec.pdf");
        assertThat(file.has("file_data")).isFalse();
    }

    @Test
    void plainTextDocumentIsSentAsTextInsideDocumentTags() throws IOException {
        JsonNode b = body(request("\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"document\",\"title\":\"Returns \\\"EU\\\"\","
                + "\"source\":{\"type\":\"text\",\"media_type\":\"text/plain\",\"data\":\"30 days.\"}},"
                + "{\"type\":\"text\",\"text\":\"How long?\"}]}]"), GPT4O);

        JsonNode part = b.path("input").get(0).path("content").get(0);
        assertThat(part.path("type").asText()).isEqualTo("input_text");
        assertThat(part.path("text").asText())
                .isEqualTo("<document title=\"Returns &quot;EU&quot;\">\n30 days.\n</document>");
    }

    @Test
    void assistantTextIsAMessageItemBeforeItsFunctionCalls() throws IOException {
        JsonNode b = body(request(tools() + ",\"messages\":["
                + "{\"role\":\"user\",\"content\":\"Weather in Oslo and Rome?\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Checking both.\"},"
                + "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{ \"city\" : \"Oslo\" }},"
                + "{\"type\":\"tool_use\",\"id\":\"toolu_2\",\"name\":\"get_weather\",\"input\":{\"city\":\"Rome\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":\"-3 C\"},"
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_2\",\"content\":[{\"type\":\"text\",\"text\":\"18 C\"}]},"
                + "{\"type\":\"text\",\"text\":\"Which is warmer?\"}]}]"), GPT5);

        JsonNode input = b.path("input");
        assertThat(input).hasSize(7);
        assertThat(input.get(1).path("type").asText()).isEqualTo("message");
        assertThat(input.get(1).path("role").asText()).isEqualTo("assistant");
        assertThat(input.get(1).path("content").asText()).isEqualTo("Checking both.");
        assertThat(input.get(2).path("type").asText()).isEqualTo("function_call");
        assertThat(input.get(2).path("call_id").asText()).isEqualTo("toolu_1");
        assertThat(input.get(2).path("name").asText()).isEqualTo("get_weather");
        assertThat(input.get(2).path("arguments").asText()).isEqualTo("{\"city\":\"Oslo\"}");
        assertThat(input.get(3).path("call_id").asText()).isEqualTo("toolu_2");
        assertThat(input.get(4).path("type").asText()).isEqualTo("function_call_output");
        assertThat(input.get(4).path("call_id").asText()).isEqualTo("toolu_1");
        assertThat(input.get(4).path("output").asText()).isEqualTo("-3 C");
        assertThat(input.get(5).path("output").asText()).isEqualTo("18 C");
        assertThat(input.get(6).path("role").asText()).isEqualTo("user");
        assertThat(input.get(6).path("content").get(0).path("text").asText()).isEqualTo("Which is warmer?");
    }

    @Test
    void anAssistantTurnKeepsTheOrderOfItsTextAndCalls() throws IOException {
        JsonNode b = body(request(tools() + ",\"messages\":["
                + "{\"role\":\"user\",\"content\":\"Oslo, then Rome.\"},"
                + "{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{\"city\":\"Oslo\"}},"
                + "{\"type\":\"text\",\"text\":\"Now Rome.\"},"
                + "{\"type\":\"tool_use\",\"id\":\"toolu_2\",\"name\":\"get_weather\",\"input\":{\"city\":\"Rome\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":\"-3 C\"},"
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_2\",\"content\":\"18 C\"}]}]"), GPT4O);

        List<String> kinds = new ArrayList<>();
        b.path("input").forEach(i -> kinds.add(i.path("type").asText() + ":" + i.path("role").asText("-")));
        assertThat(kinds).containsExactly("message:user", "function_call:-", "message:assistant", "function_call:-",
                "function_call_output:-", "function_call_output:-");
    }

    @Test
    void aFailedToolResultSaysErrorFirst() throws IOException {
        JsonNode b = body(request(tools() + ",\"messages\":["
                + "{\"role\":\"user\",\"content\":\"Weather in Atlantis?\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_9\",\"name\":\"get_weather\",\"input\":{\"city\":\"Atlantis\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_9\",\"is_error\":true,"
                + "\"content\":\"unknown city\"}]}]"), GPT4O);

        JsonNode out = b.path("input").get(2);
        assertThat(out.path("type").asText()).isEqualTo("function_call_output");
        assertThat(out.path("output").asText()).isEqualTo("Error: unknown city");
        assertThat(b.path("input")).hasSize(3);
    }

    @Test
    void imagesInAToolResultStayInTheFunctionOutputAsAListOfTextAndImages() throws IOException {
        JsonNode b = body(request(tools() + ",\"messages\":["
                + "{\"role\":\"user\",\"content\":\"Plot it.\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_3\",\"name\":\"get_weather\",\"input\":{\"city\":\"Oslo\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_3\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"chart attached\"},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"iVBO\"}}]},"
                + "{\"type\":\"text\",\"text\":\"Describe the trend.\"}]}]"), GPT4O);

        JsonNode input = b.path("input");
        JsonNode output = input.get(2).path("output");
        assertThat(output.get(0).path("type").asText()).isEqualTo("input_text");
        assertThat(output.get(0).path("text").asText()).isEqualTo("chart attached");
        assertThat(output.get(1).path("type").asText()).isEqualTo("input_image");
        assertThat(output.get(1).path("image_url").asText()).isEqualTo("data:image/png;base64,iVBO");
        JsonNode follow = input.get(3);
        assertThat(follow.path("role").asText()).isEqualTo("user");
        assertThat(follow.path("content")).hasSize(1);
        assertThat(follow.path("content").get(0).path("text").asText()).isEqualTo("Describe the trend.");
        OpenAiSpec.load().ifPresent(spec -> spec.assertCleanResponsesRequest(b.toString()));
    }

    @Test
    void thinkingHistoryNeverReachesTheInput() throws IOException {
        JsonNode b = body(request("\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":2048},\"messages\":["
                + "{\"role\":\"user\",\"content\":\"2+2?\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"secret plan\",\"signature\":\"sig\"},"
                + "{\"type\":\"text\",\"text\":\"4\"}]},"
                + "{\"role\":\"user\",\"content\":\"And 3+3?\"}]"), GPT5);

        assertThat(b.path("input").toString()).doesNotContain("secret plan");
        assertThat(b.path("input").get(1).path("content").asText()).isEqualTo("4");
    }

    // ---------------------------------------------------------------------------------- tools

    @Test
    void functionToolsAreFlatAndExplicitlyNotStrict() throws IOException {
        JsonNode b = body(request(tools() + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]"), GPT4O);

        JsonNode tool = b.path("tools").get(0);
        assertThat(tool.path("type").asText()).isEqualTo("function");
        assertThat(tool.path("name").asText()).isEqualTo("get_weather");
        assertThat(tool.path("description").asText()).isEqualTo("Weather for a city.");
        assertThat(tool.path("parameters").path("required").get(0).asText()).isEqualTo("city");
        assertThat(tool.path("strict").isBoolean()).isTrue();
        assertThat(tool.path("strict").asBoolean()).isFalse();
        assertThat(tool.has("function")).isFalse();
    }

    @Test
    void toolChoiceIsSpelledTheResponsesWay() throws IOException {
        assertThat(choice("{\"type\":\"auto\"}").path("tool_choice").asText()).isEqualTo("auto");
        assertThat(choice("{\"type\":\"any\"}").path("tool_choice").asText()).isEqualTo("required");
        assertThat(choice("{\"type\":\"none\"}").path("tool_choice").asText()).isEqualTo("none");
        JsonNode named = choice("{\"type\":\"tool\",\"name\":\"get_weather\"}").path("tool_choice");
        assertThat(named.path("type").asText()).isEqualTo("function");
        assertThat(named.path("name").asText()).isEqualTo("get_weather");
        assertThat(named.has("function")).isFalse();
    }

    @Test
    void forcingAHostedToolNamesItsResponsesType() throws IOException {
        JsonNode search = body(request("\"tools\":[{\"type\":\"web_search_20250305\",\"name\":\"web_search\"}],"
                + "\"tool_choice\":{\"type\":\"tool\",\"name\":\"web_search\"},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"News?\"}]"), GPT4O).path("tool_choice");
        assertThat(search.toString())
                .isEqualTo("{\"type\":\"allowed_tools\",\"mode\":\"required\",\"tools\":[{\"type\":\"web_search\"}]}");

        JsonNode code = body(request("\"tools\":[{\"type\":\"code_execution_20250522\",\"name\":\"code_execution\"}],"
                + "\"tool_choice\":{\"type\":\"tool\",\"name\":\"code_execution\"},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"2^100?\"}]"), GPT4O).path("tool_choice");
        assertThat(code.toString()).isEqualTo("{\"type\":\"code_interpreter\"}");
    }

    @Test
    void codeExecutionAsksForTheInterpretersOutputSoItCanComeBack() throws IOException {
        JsonNode b = body(request("\"tools\":[{\"type\":\"code_execution_20250522\",\"name\":\"code_execution\"}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"2^100?\"}]"), GPT4O);
        assertThat(b.path("include").toString()).isEqualTo("[\"code_interpreter_call.outputs\"]");
        assertThat(body(request("\"messages\":[{\"role\":\"user\",\"content\":\"2^100?\"}]"), GPT4O).has("include")).isFalse();
    }

    @Test
    void disabledParallelToolUseBecomesParallelToolCallsFalse() throws IOException {
        JsonNode b = choice("{\"type\":\"auto\",\"disable_parallel_tool_use\":true}");
        assertThat(b.path("parallel_tool_calls").isBoolean()).isTrue();
        assertThat(b.path("parallel_tool_calls").asBoolean()).isFalse();
        assertThat(choice("{\"type\":\"auto\"}").has("parallel_tool_calls")).isFalse();
    }

    @Test
    void webSearchKeepsItsAllowedDomainsAndLocation() throws IOException {
        JsonNode b = body(request("\"tools\":[{\"type\":\"web_search_20250305\",\"name\":\"web_search\",\"max_uses\":5,"
                + "\"allowed_domains\":[\"fda.gov\",\"ema.europa.eu\"],"
                + "\"user_location\":{\"type\":\"approximate\",\"city\":\"Dublin\",\"country\":\"IE\",\"timezone\":\"Europe/Dublin\"}}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Latest MDR news?\"}]"), GPT5);

        JsonNode tool = b.path("tools").get(0);
        assertThat(tool.path("type").asText()).isEqualTo("web_search");
        assertThat(tool.path("filters").path("allowed_domains").toString()).isEqualTo("[\"fda.gov\",\"ema.europa.eu\"]");
        assertThat(tool.path("user_location").path("type").asText()).isEqualTo("approximate");
        assertThat(tool.path("user_location").path("city").asText()).isEqualTo("Dublin");
        assertThat(tool.path("user_location").path("timezone").asText()).isEqualTo("Europe/Dublin");
        assertThat(tool.has("max_uses")).isFalse();
    }

    @Test
    void webSearchMaxUsesBecomesTheRequestsMaxToolCallsUnlessTheRequestSetsItsOwn() throws IOException {
        String search = "\"tools\":[{\"type\":\"web_search_20250305\",\"name\":\"web_search\",\"max_uses\":5}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"News?\"}]";
        assertThat(body(request(search), GPT5).path("max_tool_calls").asInt()).isEqualTo(5);
        JsonNode own = body(request("\"max_tool_calls\":7," + search), GPT5);
        assertThat(own.path("max_tool_calls").asInt()).isEqualTo(7);
        assertThat(translate(request("\"max_tool_calls\":7," + search), GPT5)).containsOnlyOnce("max_tool_calls");
    }

    @Test
    void webSearchWithoutOptionsIsJustItsType() throws IOException {
        JsonNode b = body(request("\"tools\":[{\"type\":\"web_search_20250305\",\"name\":\"web_search\"}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"News?\"}]"), GPT4O);

        assertThat(b.path("tools").get(0).toString()).isEqualTo("{\"type\":\"web_search\"}");
    }

    @Test
    void codeExecutionBecomesCodeInterpreterInAnAutoContainer() throws IOException {
        JsonNode b = body(request("\"tools\":[{\"type\":\"code_execution_20250522\",\"name\":\"code_execution\"}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Compute 2^100.\"}]"), GPT4O);

        assertThat(b.path("tools").get(0).toString())
                .isEqualTo("{\"type\":\"code_interpreter\",\"container\":{\"type\":\"auto\"}}");
    }

    // ---------------------------------------------------------------------------------- options

    @Test
    void generationOptionsUseTheResponsesNames() throws IOException {
        JsonNode b = body("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":700,\"temperature\":0.3,\"top_p\":0.9,"
                + "\"stream\":true,\"metadata\":{\"user_id\":\"tenant-1:u-42\"},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}", GPT4O);

        assertThat(b.path("max_output_tokens").asInt()).isEqualTo(700);
        assertThat(b.path("temperature").asDouble()).isEqualTo(0.3);
        assertThat(b.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(b.path("stream").asBoolean()).isTrue();
        assertThat(b.has("stream_options")).isFalse();
        assertThat(b.path("safety_identifier").asText()).isEqualTo("tenant-1:u-42");
        assertThat(b.has("max_tokens")).isFalse();
        assertThat(b.has("user")).isFalse();
    }

    @Test
    void unsetOptionsAreLeftOut() throws IOException {
        JsonNode b = body("{\"model\":\"claude-sonnet-4-5\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}", GPT4O);

        assertThat(b.has("max_output_tokens")).isFalse();
        assertThat(b.has("temperature")).isFalse();
        assertThat(b.has("top_p")).isFalse();
        assertThat(b.has("stream")).isFalse();
        assertThat(b.has("reasoning")).isFalse();
        assertThat(b.has("tools")).isFalse();
        assertThat(b.has("instructions")).isFalse();
    }

    @Test
    void stopSequencesAndTopKNeverReachTheRequest() throws IOException {
        JsonNode b = body(request("\"top_k\":40,\"temperature\":0.8,\"stop_sequences\":[\"###\",\"[END]\"],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Write a listing.\"}]"), GPT4O);

        assertThat(b.has("stop")).isFalse();
        assertThat(b.has("stop_sequences")).isFalse();
        assertThat(b.has("top_k")).isFalse();
        assertThat(b.path("temperature").asDouble()).isEqualTo(0.8);
    }

    @Test
    void aThinkingBudgetBecomesAReasoningEffortForAReasoningModel() throws IOException {
        JsonNode b = body(request("\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":2048},"
                + "\"temperature\":1,\"messages\":[{\"role\":\"user\",\"content\":\"Prove it.\"}]"), GPT5);

        assertThat(b.path("reasoning").path("effort").asText()).isIn("minimal", "low", "medium", "high");
        assertThat(b.has("reasoning_effort")).isFalse();
        assertThat(b.has("temperature")).isFalse();
    }

    @Test
    void aModelWithoutReasoningGetsNoReasoningObject() throws IOException {
        JsonNode b = body(request("\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":2048},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Prove it.\"}]"), GPT4O);

        assertThat(b.has("reasoning")).isFalse();
    }

    @Test
    void theRequestIsStatelessLikeTheMessagesRequestItCameFrom() throws IOException {
        JsonNode b = body(request("\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]"), GPT4O);

        assertThat(b.path("store").isBoolean()).isTrue();
        assertThat(b.path("store").asBoolean()).isFalse();
        assertThat(b.has("previous_response_id")).isFalse();
    }

    @Test
    void prettyOutputIsTheSameRequest() throws IOException {
        String in = request(tools() + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]");
        Conversation fitted = Pipeline.run(AnthropicRequestReader.read(in),
                new StepContext(GPT4O, RuleSet.builtIn(), Style.AUTO));

        String pretty = OpenAiResponsesWriter.write(fitted, GPT4O, true);
        assertThat(pretty).contains("\n");
        assertThat(JSON.readTree(pretty)).isEqualTo(JSON.readTree(OpenAiResponsesWriter.write(fitted, GPT4O, false)));
    }

    // ---------------------------------------------------------------------------------- corpus

    @Test
    void everyCorpusRequestConformsToCreateResponseForBothModels() throws IOException {
        OpenAiSpec spec = OpenAiSpec.require();
        List<Path> inputs = corpusRequests();
        int checked = 0;
        for (Path in : inputs) {
            String json = Files.readString(in, StandardCharsets.UTF_8);
            for (Target t : List.of(GPT5, GPT4O)) {
                String out = translate(json, t);
                OpenAiSpec.Report r = spec.checkResponsesRequest(out);
                assertThat(r.all()).as(in + " for " + t.model() + ":\n" + out).isEmpty();
                checked++;
            }
        }
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(32);
        assertThat(checked).isEqualTo(inputs.size() * 2);
    }

    @Test
    void validatePyAgreesOnEveryCorpusRequest(@TempDir Path dir) throws IOException, InterruptedException {
        Optional<Path> script = OpenAiSpec.load().map(s -> s.sharedDir().resolve(Path.of("tools", "validate", "validate.py")))
                .filter(Files::isRegularFile);
        Assumptions.assumeTrue(script.isPresent() && pythonHasJsonschema(),
                "python3 with jsonschema+yaml, or shared/tools/validate/validate.py, not available");
        List<String> cmd = new ArrayList<>(List.of("python3", script.get().toString(), "--specs",
                script.get().getParent().getParent().getParent().resolve("specs").toString(), "--strict",
                "openai-responses"));
        for (Path in : corpusRequests()) {
            String json = Files.readString(in, StandardCharsets.UTF_8);
            for (Target t : List.of(GPT5, GPT4O)) {
                Path f = dir.resolve(in.getParent().getFileName() + "-" + t.model() + ".json");
                Files.writeString(f, translate(json, t), StandardCharsets.UTF_8);
                cmd.add(f.toString());
            }
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output;
        try (InputStream out = p.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(cmd.size() - 6).isGreaterThanOrEqualTo(64);
    }

    private static boolean pythonHasJsonschema() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import jsonschema, yaml").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // ---------------------------------------------------------------------------------- fixtures

    private static String tools() {
        return "\"tools\":[{\"name\":\"get_weather\",\"description\":\"Weather for a city.\","
                + "\"input_schema\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}}]";
    }

    private static JsonNode choice(String toolChoice) throws IOException {
        return body(request(tools() + ",\"tool_choice\":" + toolChoice
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Weather in Oslo?\"}]"), GPT4O);
    }

    private static Part.Text text(String s) {
        return new Part.Text(s, null, null, Loc.NONE);
    }
}
