package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptport.spec.ClaudeSdk;
import dev.promptport.spec.OpenAiSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A Gemini generateContent request read and sent to Claude and OpenAI. */
class GeminiRequestInTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Target CLAUDE = Target.of("anthropic:claude-sonnet-4-5");
    private static final Target CHAT = Target.of("openai:gpt-4o");
    private static final Target RESPONSES = Target.of("openai-responses:gpt-4o");

    static Translation translate(String gemini, Target target) {
        return PromptPort.translate(gemini, InputFormat.GEMINI, target, Options.DEFAULT);
    }

    @Test
    void functionResponsesWithoutIdsAnswerCallsOfTheirNameInTheOrderTheyWereMade() throws Exception {
        String request = """
                {"contents":[{"role":"user","parts":[{"text":"Weather in Paris and London?"}]},
                 {"role":"model","parts":[{"functionCall":{"name":"get_weather","args":{"city":"Paris"}}},
                   {"functionCall":{"name":"get_weather","args":{"city":"London"}}}]},
                 {"role":"user","parts":[{"functionResponse":{"name":"get_weather","response":{"temp":21}}},
                   {"functionResponse":{"name":"get_weather","response":{"temp":15}}}]}],
                 "tools":[{"functionDeclarations":[{"name":"get_weather","parameters":{"type":"OBJECT",
                   "properties":{"city":{"type":"STRING"}}}}]}]}""";
        Translation claude = translate(request, CLAUDE);
        ClaudeSdk.assertValidRequest(claude.json());
        JsonNode b = JSON.readTree(claude.json());
        assertThat(b.at("/messages/2/content/0/tool_use_id").asText()).isEqualTo(b.at("/messages/1/content/0/id").asText());
        assertThat(b.at("/messages/2/content/1/tool_use_id").asText()).isEqualTo(b.at("/messages/1/content/1/id").asText());

        Translation chat = translate(request, CHAT);
        OpenAiSpec.require().assertCleanChatRequest(chat.json());
        JsonNode c = JSON.readTree(chat.json());
        assertThat(c.at("/messages/2/tool_call_id").asText()).isEqualTo(c.at("/messages/1/tool_calls/0/id").asText());
        assertThat(c.at("/messages/3/tool_call_id").asText()).isEqualTo(c.at("/messages/1/tool_calls/1/id").asText());
        assertThat(c.at("/messages/3/content").asText()).contains("15");
    }

    @Test
    void aResponseThatNamesItsCallsIdLeavesTheOtherCallOfTheNameToTheResponseWithoutId() throws Exception {
        Translation t = translate("""
                {"contents":[{"role":"user","parts":[{"text":"go"}]},
                 {"role":"model","parts":[{"functionCall":{"id":"a","name":"f","args":{}}},{"functionCall":{"id":"b","name":"f","args":{}}}]},
                 {"role":"user","parts":[{"functionResponse":{"id":"a","name":"f","response":{"r":1}}},
                   {"functionResponse":{"name":"f","response":{"r":2}}}]}],
                 "tools":[{"functionDeclarations":[{"name":"f"}]}]}""", CLAUDE);
        ClaudeSdk.assertValidRequest(t.json());
        JsonNode b = JSON.readTree(t.json());
        assertThat(b.at("/messages/2/content/0/tool_use_id").asText()).isEqualTo("a");
        assertThat(b.at("/messages/2/content/1/tool_use_id").asText()).isEqualTo("b");
    }

    private static final String TEXT_AND_AUDIO = """
            {"contents":[{"role":"user","parts":[{"inlineData":{"mimeType":"text/plain","data":"SGVsbG8gd29ybGQ="}},
              {"inlineData":{"mimeType":"audio/wav","data":"UklGRiQAAABXQVZFZm10IBAAAAABAAEA"}},
              {"text":"What does the file say?"}]}]}""";

    @Test
    void inlineTextIsSentAsTextAndInlineAudioIsLeftOutNamingItsType() throws Exception {
        Translation claude = translate(TEXT_AND_AUDIO, CLAUDE);
        ClaudeSdk.assertValidRequest(claude.json());
        JsonNode b = JSON.readTree(claude.json());
        assertThat(b.at("/messages/0/content/0/source/type").asText()).isEqualTo("text");
        assertThat(b.at("/messages/0/content/0/source/data").asText()).isEqualTo("Hello world");
        assertThat(claude.json()).doesNotContain("UklGR");
        assertThat(claude.findings()).filteredOn(f -> f.id().equals("PP121"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("audio/wav"));

        Translation chat = translate(TEXT_AND_AUDIO, CHAT);
        OpenAiSpec.require().assertCleanChatRequest(chat.json());
        assertThat(chat.json()).contains("Hello world").doesNotContain("UklGR");
        assertThat(chat.findings()).filteredOn(f -> f.id().equals("PP121"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("audio/wav"));
    }

    @Test
    void inlineJsonIsTextToo() throws Exception {
        Translation t = translate("""
                {"contents":[{"role":"user","parts":[{"inlineData":{"mime_type":"application/json","data":"eyJhIjoxfQ=="}},
                  {"text":"Read it."}]}]}""", CLAUDE);
        ClaudeSdk.assertValidRequest(t.json());
        assertThat(JSON.readTree(t.json()).at("/messages/0/content/0/source/data").asText()).isEqualTo("{\"a\":1}");
    }

    private static final String GOOGLE_FILES = """
            {"contents":[{"role":"user","parts":[{"fileData":{"mimeType":"application/pdf","fileUri":"gs://bucket/report.pdf"}},
              {"fileData":{"mimeType":"application/pdf",
                "fileUri":"https://generativelanguage.googleapis.com/v1beta/files/abc123"}},
              {"text":"Summarize."}]}]}""";

    @Test
    void filesInGooglesStorageAreLeftOutForOtherVendorsAndNamed() throws Exception {
        Translation claude = translate(GOOGLE_FILES, CLAUDE);
        ClaudeSdk.assertValidRequest(claude.json());
        assertThat(claude.json()).doesNotContain("gs://").doesNotContain("files/abc123");
        assertThat(claude.findings()).filteredOn(f -> f.id().equals("PP121")).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("gs://bucket/report.pdf").contains("Google"))
                .anySatisfy(m -> assertThat(m).contains("files/abc123"));

        Translation responses = translate(GOOGLE_FILES, RESPONSES);
        OpenAiSpec.require().assertCleanResponsesRequest(responses.json());
        assertThat(responses.json()).doesNotContain("gs://").doesNotContain("files/abc123");
        assertThat(responses.findings()).filteredOn(f -> f.id().equals("PP121")).hasSize(2);
    }

    @Test
    void filesInGooglesStorageStayForAGeminiTarget() throws Exception {
        Translation t = translate(GOOGLE_FILES, Target.of("gemini:gemini-2.5-pro"));
        JsonNode b = JSON.readTree(t.json());
        assertThat(b.at("/contents/0/parts/0/fileData/fileUri").asText()).isEqualTo("gs://bucket/report.pdf");
        assertThat(b.at("/contents/0/parts/0/fileData/mimeType").asText()).isEqualTo("application/pdf");
        assertThat(b.at("/contents/0/parts/1/fileData/fileUri").asText()).endsWith("/files/abc123");
        assertThat(t.findings()).extracting(Finding::id).doesNotContain("PP121");
    }

    @Test
    void snakeCaseSpellingsOfSchemasAreReadAsTheCamelCaseOnesAre() throws Exception {
        Translation t = translate("""
                {"contents":[{"role":"user","parts":[{"text":"hi"}]}],
                 "tools":[{"function_declarations":[{"name":"other","parameters_json_schema":{"type":"object",
                   "properties":{"z":{"type":"string"}},"required":["z"]}}]}],
                 "generation_config":{"response_mime_type":"application/json",
                   "response_json_schema":{"type":"object","properties":{"t":{"type":"number"}},"required":["t"]}}}""",
                RESPONSES);
        OpenAiSpec.require().assertCleanResponsesRequest(t.json());
        JsonNode b = JSON.readTree(t.json());
        assertThat(b.at("/tools/0/parameters/properties/z/type").asText()).isEqualTo("string");
        assertThat(b.at("/tools/0/parameters/required/0").asText()).isEqualTo("z");
        assertThat(b.at("/text/format/schema/properties/t/type").asText()).isEqualTo("number");
    }

    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    private static final String IMAGE_RESULT = """
            {"contents":[{"role":"user","parts":[{"text":"Show the photo"}]},
             {"role":"model","parts":[{"functionCall":{"id":"c2","name":"photo","args":{}}}]},
             {"role":"user","parts":[{"functionResponse":{"id":"c2","name":"photo","response":{"output":"see image"},
               "parts":[{"inlineData":{"mimeType":"image/png","data":"%s"}}]}}]}],
             "tools":[{"functionDeclarations":[{"name":"photo"}]}]}""".formatted(PNG);

    @Test
    void imagesAFunctionResponseCarriesGoInTheToolResult() throws Exception {
        Translation claude = translate(IMAGE_RESULT, CLAUDE);
        ClaudeSdk.assertValidRequest(claude.json());
        JsonNode result = JSON.readTree(claude.json()).at("/messages/2/content/0");
        assertThat(result.at("/content/1/type").asText()).isEqualTo("image");
        assertThat(result.at("/content/1/source/data").asText()).isEqualTo(PNG);

        Translation responses = translate(IMAGE_RESULT, RESPONSES);
        OpenAiSpec.require().assertCleanResponsesRequest(responses.json());
        assertThat(responses.json()).contains(PNG);

        Translation chat = translate(IMAGE_RESULT, CHAT);
        OpenAiSpec.require().assertCleanChatRequest(chat.json());
        assertThat(chat.json()).contains(PNG);
        assertThat(chat.findings()).extracting(Finding::id).contains("PP128");
    }

    @Test
    void aGeminiResponseSchemaIsSentAsJsonSchema() throws Exception {
        Translation t = translate("""
                {"contents":[{"role":"user","parts":[{"text":"List 2 cookies"}]}],
                 "generationConfig":{"responseMimeType":"application/json","responseSchema":{"type":"ARRAY",
                   "items":{"type":"OBJECT","properties":{"name":{"type":"STRING"},
                     "calories":{"type":"INTEGER","nullable":true},
                     "kind":{"type":"STRING","enum":["soft","crisp"],"format":"enum"}},
                   "required":["name"],"propertyOrdering":["name","calories","kind"]}}}}""", RESPONSES);
        OpenAiSpec.require().assertCleanResponsesRequest(t.json());
        assertThat(t.json()).doesNotContain("nullable").doesNotContain("propertyOrdering")
                .doesNotContain("\"format\":\"enum\"").contains("[\"integer\",\"null\"]");
    }

    @Test
    void theValidatedFunctionCallingModeIsNamedWhereItBecomesAuto() throws Exception {
        Translation t = translate("""
                {"contents":[{"role":"user","parts":[{"text":"Do it"}]}],
                 "tools":[{"functionDeclarations":[{"name":"a","parameters":{"type":"OBJECT","properties":{"x":{"type":"STRING"}}}}]}],
                 "toolConfig":{"functionCallingConfig":{"mode":"VALIDATED"}}}""", CLAUDE);
        ClaudeSdk.assertValidRequest(t.json());
        assertThat(JSON.readTree(t.json()).at("/tool_choice/type").asText()).isEqualTo("auto");
        assertThat(t.findings()).filteredOn(f -> f.id().equals("PP173")).singleElement().satisfies(f -> {
            assertThat(f.location().pointer()).isEqualTo("/toolConfig/functionCallingConfig/mode");
            assertThat(f.message()).contains("VALIDATED").contains("schemas");
        });
    }

    @Test
    void geminisCodeRunsInTheHistoryAreNamedAsHostedToolRecordsForOtherVendors() throws Exception {
        String request = """
                {"contents":[{"role":"user","parts":[{"text":"compute 2**10"}]},
                 {"role":"model","parts":[{"thoughtSignature":"c2ln","executable_code":{"language":"PYTHON","code":"print(2**10)"}},
                   {"codeExecutionResult":{"outcome":"OUTCOME_OK","output":"1024\\n"}},{"text":"It is 1024."}]},
                 {"role":"user","parts":[{"text":"and 2**11?"}]}]}""";
        for (Target target : new Target[] {CLAUDE, CHAT}) {
            Translation t = translate(request, target);
            assertThat(t.json()).doesNotContain("print(2**10)");
            assertThat(t.findings()).extracting(f -> f.id() + " " + f.location().pointer())
                    .contains("PP164 /contents/1/parts/0", "PP164 /contents/1/parts/1").noneMatch(s -> s.startsWith("PP129"));
        }
    }

    @Test
    void aDynamicThinkingBudgetBecomesAMiddleBudgetAndIsNamed() throws Exception {
        Translation t = translate("""
                {"contents":[{"role":"user","parts":[{"text":"Think"}]}],
                 "generationConfig":{"maxOutputTokens":20000,"thinkingConfig":{"thinkingBudget":-1}}}""", CLAUDE);
        ClaudeSdk.assertValidRequest(t.json());
        assertThat(JSON.readTree(t.json()).at("/thinking/budget_tokens").asInt()).isGreaterThan(1024);
        assertThat(t.findings()).filteredOn(f -> f.id().equals("PP173")).singleElement()
                .satisfies(f -> assertThat(f.location().pointer()).isEqualTo("/generationConfig/thinkingConfig/thinkingBudget"));
    }

    /** The input error reading {@code request} raises, as the command line shows it (location: message). */
    private static String inputError(String request) {
        PromptPortException e = catchThrowableOfType(() -> translate(request, CLAUDE), PromptPortException.class);
        assertThat(e).as("an input error").isNotNull();
        return e.describe();
    }

    @Test
    void aFunctionCallInAUserContentIsAnInputErrorRatherThanAnEmptyMessage() {
        assertThat(inputError("""
                {"contents":[{"role":"user","parts":[{"functionCall":{"name":"f","args":{}}}]}]}"""))
                .startsWith("/contents/0/parts/0:").contains("belongs in a \"model\" content");
        assertThat(inputError("""
                {"contents":[{"role":"user","parts":[{"text":"Hi"}]},
                 {"role":"model","parts":[{"functionResponse":{"name":"f","response":{"result":1}}}]}]}"""))
                .startsWith("/contents/1/parts/0").contains("belongs in a \"user\" content");
    }

    @Test
    void aRoleOtherThanUserOrModelIsAnInputErrorRatherThanAUserTurn() {
        assertThat(inputError("""
                {"contents":[{"role":"user","parts":[{"text":"What is 2+2?"}]},{"role":"assistant","parts":[{"text":"5"}]},
                 {"role":"user","parts":[{"text":"Are you sure?"}]}]}"""))
                .startsWith("/contents/1/role:").contains("\"user\" or \"model\"").contains("assistant");
    }

    @Test
    void theFunctionRoleOfGeminisFirstFunctionCallingExamplesIsReadAsTheUsers() throws Exception {
        Translation t = translate("""
                {"contents":[{"role":"user","parts":[{"text":"Weather?"}]},
                 {"role":"model","parts":[{"functionCall":{"name":"w","args":{}}}]},
                 {"role":"function","parts":[{"functionResponse":{"name":"w","response":{"temp":21}}}]}],
                 "tools":[{"functionDeclarations":[{"name":"w"}]}]}""", CLAUDE);
        ClaudeSdk.assertValidRequest(t.json());
        JsonNode b = JSON.readTree(t.json());
        assertThat(b.at("/messages/2/role").asText()).isEqualTo("user");
        assertThat(b.at("/messages/2/content/0/type").asText()).isEqualTo("tool_result");
    }

    @Test
    void partsThatAreNotAListAreAnInputError() {
        assertThat(inputError("""
                {"contents":[{"role":"user","parts":"hello"}]}""")).startsWith("/contents/0/parts:").contains("list");
    }

    @Test
    void inlineDataWithoutItsBytesIsAnInputError() {
        assertThat(inputError("""
                {"contents":[{"role":"user","parts":[{"inlineData":{"mimeType":"image/png"}}]}]}"""))
                .startsWith("/contents/0/parts/0/inlineData/data:");
        assertThat(inputError("""
                {"contents":[{"role":"user","parts":[{"text":"hi"}]},
                 {"role":"model","parts":[{"functionCall":{"id":"a","name":"f","args":{}}}]},
                 {"role":"user","parts":[{"functionResponse":{"id":"a","name":"f","response":{},
                   "parts":[{"inline_data":{"mime_type":"image/png"}}]}}]}]}"""))
                .startsWith("/contents/2/parts/0/functionResponse/parts/0/inline_data/data:");
    }

    @Test
    void aSystemInstructionGivenAsAPlainStringIsAnInputErrorAsTheRestApiRefusesIt() {
        // the SDKs turn a string into a Content; generateContent types the field as Content
        assertThat(inputError("""
                {"contents":[{"role":"user","parts":[{"text":"Describe this."}]}],"systemInstruction":"You are a pirate."}"""))
                .startsWith("/systemInstruction:").contains("\"parts\"").contains("string");
    }

    @Test
    void unknownKeysBelowTheTopLevelAreNamedAtTheirPointer() {
        Translation t = translate("""
                {"contents":[{"role":"user","parts":[{"text":"hi","fooMeta":1}],"fooContent":2},
                 {"role":"model","parts":[{"functionCall":{"id":"a","name":"f","args":{},"fooCall":3}}]},
                 {"role":"user","parts":[{"functionResponse":{"id":"a","name":"f","response":{},"fooResponse":4}}]}],
                 "systemInstruction":{"parts":[{"text":"Be brief.","fooSys":5}],"fooSi":6},
                 "tools":[{"functionDeclarations":[{"name":"f","fooDecl":7}]},{"fooTool":{}}],
                 "toolConfig":{"functionCallingConfig":{"mode":"AUTO","fooMode":8},"fooConfig":9}}""", CHAT);
        assertThat(t.findings()).filteredOn(f -> f.id().equals("PP115")).extracting(f -> f.location().pointer())
                .containsExactlyInAnyOrder("/contents/0/parts/0/fooMeta", "/contents/0/fooContent",
                        "/contents/1/parts/0/functionCall/fooCall", "/contents/2/parts/0/functionResponse/fooResponse",
                        "/systemInstruction/parts/0/fooSys", "/systemInstruction/fooSi",
                        "/tools/0/functionDeclarations/0/fooDecl", "/tools/1/fooTool",
                        "/toolConfig/functionCallingConfig/fooMode", "/toolConfig/fooConfig");
        assertThat(t.findings()).filteredOn(f -> f.id().equals("PP115")).extracting(Finding::message)
                .contains("\"tools[1].fooTool\" was left out of the request for openai:gpt-4o: promptport has no translation for this setting.");
    }

    private static final String MAPS_AND_FILE_SEARCH = """
            {"contents":[{"role":"user","parts":[{"text":"Cafes near the office, per our handbook?"}]}],
             "tools":[{"googleMaps":{"enableWidget":true}},{"fileSearch":{"fileSearchStoreNames":["fileSearchStores/hb"]}},
               {"computerUse":{"environment":"ENVIRONMENT_BROWSER"}},{"mcpServers":[{"name":"gh"}]},
               {"retrieval":{"vertexAiSearch":{"datastore":"d"}}},{"enterpriseWebSearch":{}}]}""";

    @Test
    void geminisHostedToolsWithoutACounterpartAreNamedAsHostedToolsAndItsFileSearchAsStoredState() {
        Translation t = translate(MAPS_AND_FILE_SEARCH, CHAT);
        assertThat(t.findings()).extracting(f -> f.id() + " " + f.location().pointer())
                .contains("PP119 /tools/0/googleMaps", "PP175 /tools/1/fileSearch", "PP119 /tools/2/computerUse",
                        "PP119 /tools/3/mcpServers", "PP119 /tools/4/retrieval", "PP119 /tools/5/enterpriseWebSearch")
                .noneMatch(s -> s.startsWith("PP115"));
        assertThat(t.findings()).filteredOn(f -> f.id().equals("PP119")).first()
                .satisfies(f -> assertThat(f.message()).contains("Google Maps").contains("openai:gpt-4o"));
        assertThat(t.findings()).filteredOn(f -> f.id().equals("PP175")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("File Search").contains("fileSearchStores/hb"));

        // Gemini has them, but promptport's Gemini request does not carry them
        Translation gemini = translate(MAPS_AND_FILE_SEARCH, Target.of("gemini:gemini-2.5-pro"));
        assertThat(gemini.findings()).filteredOn(f -> f.id().equals("PP115")).hasSize(6);
    }

    @Test
    void mediaInTheSystemInstructionIsNamedWhereItIsLeftOut() throws Exception {
        Translation t = translate("""
                {"contents":[{"role":"user","parts":[{"text":"Describe this."}]}],
                 "systemInstruction":{"parts":[{"text":"Use this logo as reference."},
                   {"inlineData":{"mimeType":"image/png","data":"%s"}},
                   {"fileData":{"mimeType":"application/pdf","fileUri":"https://example.com/handbook.pdf"}}]}}""".formatted(PNG),
                CLAUDE);
        ClaudeSdk.assertValidRequest(t.json());
        assertThat(JSON.readTree(t.json()).at("/system").toString()).contains("Use this logo as reference.");
        assertThat(t.findings()).filteredOn(f -> f.id().equals("PP121")).extracting(f -> f.location().pointer() + " " + f.message())
                .satisfiesExactly(
                        m -> assertThat(m).startsWith("/systemInstruction/parts/1 ").contains("image/png").contains("first user message"),
                        m -> assertThat(m).startsWith("/systemInstruction/parts/2 ").contains("https://example.com/handbook.pdf"));
    }

    private static final String FILE_RESULT = """
            {"contents":[{"role":"user","parts":[{"text":"Get the report"}]},
             {"role":"model","parts":[{"functionCall":{"id":"c1","name":"report","args":{}}}]},
             {"role":"user","parts":[{"functionResponse":{"id":"c1","name":"report","response":{"ok":true},
               "parts":[{"fileData":{"mimeType":"application/pdf","fileUri":"https://example.com/r.pdf"}}]}}]}],
             "tools":[{"functionDeclarations":[{"name":"report"}]}]}""";

    @Test
    void aFileAFunctionResponseLinksGoesInTheToolResultOrIsNamed() throws Exception {
        Translation claude = translate(FILE_RESULT, CLAUDE);
        ClaudeSdk.assertValidRequest(claude.json());
        JsonNode result = JSON.readTree(claude.json()).at("/messages/2/content/0");
        assertThat(result.at("/content/1/type").asText()).isEqualTo("document");
        assertThat(result.at("/content/1/source/url").asText()).isEqualTo("https://example.com/r.pdf");

        Translation chat = translate(FILE_RESULT, CHAT);
        OpenAiSpec.require().assertCleanChatRequest(chat.json());
        assertThat(chat.findings()).filteredOn(f -> f.id().equals("PP121")).singleElement().satisfies(f -> {
            assertThat(f.location().pointer()).isEqualTo("/contents/2/parts/0/functionResponse/parts/0");
            assertThat(f.message()).contains("https://example.com/r.pdf");
        });
    }

    @Test
    void aFunctionsReturnSchemaAndLiveApiBehaviorAreNamed() {
        Translation t = translate("""
                {"contents":[{"role":"user","parts":[{"text":"Order 7?"}]}],
                 "tools":[{"functionDeclarations":[
                   {"name":"lookup","parameters":{"type":"OBJECT","properties":{"id":{"type":"STRING"}}},
                    "response":{"type":"OBJECT","properties":{"status":{"type":"STRING"}}},"behavior":"NON_BLOCKING"},
                   {"name":"other","responseJsonSchema":{"type":"object"},"behavior":"BLOCKING"}]}]}""", CHAT);
        assertThat(t.findings()).filteredOn(f -> f.id().equals("PP173")).extracting(f -> f.location().pointer() + " " + f.message())
                .satisfiesExactlyInAnyOrder(
                        m -> assertThat(m).startsWith("/tools/0/functionDeclarations/0/response ").contains("status")
                                .contains("not what it returns"),
                        m -> assertThat(m).startsWith("/tools/0/functionDeclarations/0/behavior ").contains("NON_BLOCKING"),
                        m -> assertThat(m).startsWith("/tools/0/functionDeclarations/1/responseJsonSchema "));
        assertThat(t.findings()).extracting(Finding::id).doesNotContain("PP115");
    }

    @Test
    void fieldsOfAStreamedOrLiveExchangeAreLowFindings() {
        Translation t = translate("""
                {"contents":[{"role":"user","parts":[{"text":"Weather?","partMetadata":{"k":"v"}}]},
                 {"role":"model","parts":[{"functionCall":{"id":"a","name":"w","args":{"city":"Paris"},"willContinue":true,
                   "partialArgs":[{"jsonPath":"$.city","stringValue":"Par"}]}}]},
                 {"role":"user","parts":[{"functionResponse":{"id":"a","name":"w","response":{"t":21},"willContinue":true,
                   "scheduling":"INTERRUPT"}}]}],
                 "tools":[{"functionDeclarations":[{"name":"w"}]}]}""", Target.of("gemini:gemini-2.5-pro"));
        assertThat(t.findings()).filteredOn(f -> f.location().pointer().contains("/parts/0/"))
                .extracting(f -> f.id() + " " + f.severity() + " " + f.location().pointer())
                .containsExactlyInAnyOrder("PP173 LOW /contents/0/parts/0/partMetadata",
                        "PP173 LOW /contents/1/parts/0/functionCall/willContinue",
                        "PP173 LOW /contents/1/parts/0/functionCall/partialArgs",
                        "PP173 LOW /contents/2/parts/0/functionResponse/willContinue",
                        "PP173 LOW /contents/2/parts/0/functionResponse/scheduling");
    }

    @Test
    void findingsOnGenerationOptionsPointAtGeminisFieldsAsTheRequestSpellsThem() {
        Translation camel = translate("""
                {"contents":[{"role":"user","parts":[{"text":"hi"}]}],
                 "generationConfig":{"topK":20,"temperature":0.3,"maxOutputTokens":65536,"stopSequences":["a","b","c","d","e"]}}""",
                Target.of("openai:o3"));
        assertThat(camel.findings()).extracting(f -> f.id() + " " + f.location().pointer())
                .contains("PP111 /generationConfig/topK", "PP117 /generationConfig/temperature",
                        "PP132 /generationConfig/stopSequences", "PP116 /generationConfig/maxOutputTokens");

        Translation snake = translate("""
                {"contents":[{"role":"user","parts":[{"text":"hi"}]}],
                 "generation_config":{"top_k":20,"top_p":0.8,"max_output_tokens":300,
                   "thinking_config":{"thinking_budget":1024}}}""", CLAUDE);
        assertThat(snake.findings()).extracting(f -> f.id() + " " + f.location().pointer())
                .contains("PP181 /generation_config/top_k", "PP181 /generation_config/top_p",
                        "PP152 /generation_config/max_output_tokens");
        Translation o3 = translate("""
                {"contents":[{"role":"user","parts":[{"text":"hi"}]}],"generation_config":{"thinking_config":{"thinking_budget":1024}}}""",
                Target.of("openai:o3"));
        assertThat(o3.findings()).extracting(f -> f.id() + " " + f.location().pointer())
                .contains("PP108 /generation_config/thinking_config");
    }
}
