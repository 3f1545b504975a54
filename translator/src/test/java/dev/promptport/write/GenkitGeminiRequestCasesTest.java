package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Firebase Genkit's cases for writing Gemini requests (firebase/genkit
 * {@code js/plugins/google-genai/tests/common/converters_test.ts}: "toGeminiMessage",
 * "toGeminiSystemInstruction", "toGeminiTool" and "toGeminiFunctionModeEnum"). Genkit converts its
 * own message type; each case is restated as the Claude request carrying the same content, and
 * every body is checked against Gemini's API description.
 */
class GenkitGeminiRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String FLASH = "gemini:gemini-2.5-flash";
    private static final String OLD_FLASH = "gemini:gemini-2.0-flash";
    private static final String GEMINI_3 = "gemini:gemini-3-pro-preview";

    private static final String JOKE = "{\"name\":\"tellAFunnyJoke\",\"description\":\"Tells a joke\",\"input_schema\":{\"type\":\"object\","
            + "\"properties\":{\"topic\":{\"type\":\"string\"}}}}";
    private static final String SCREENSHOT = "{\"name\":\"screenshot\",\"description\":\"Takes a screenshot\",\"input_schema\":{\"type\":\"object\","
            + "\"properties\":{}}}";

    private static String request(String messages, String more) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1000,\"messages\":" + messages + (more.isEmpty() ? "" : "," + more) + "}";
    }

    private static String withTools(String tools, String choice) {
        return request("[{\"role\":\"user\",\"content\":\"Go\"}]", "\"tools\":[" + tools + "]" + (choice.isEmpty() ? "" : ",\"tool_choice\":" + choice));
    }

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    /** "genkit message (text content)": a user's text is a user content with that text part. */
    @Test
    void aUsersTextIsAUserContentWithATextPart() {
        JsonNode b = json(PEER.translate("text", request("[{\"role\":\"user\",\"content\":\"Tell a joke about dogs.\"}]", ""), FLASH));
        assertThat(b.at("/contents/0/role").asText()).isEqualTo("user");
        assertThat(b.at("/contents/0/parts").toString()).isEqualTo("[{\"text\":\"Tell a joke about dogs.\"}]");
    }

    /** "genkit message (tool request content)": a call is a model content's functionCall, its input as args, an object rather than JSON text. */
    @Test
    void aCallIsAFunctionCallWithArgsAsAnObject() {
        String req = request("[{\"role\":\"user\",\"content\":\"Joke please\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"0\","
                + "\"name\":\"tellAFunnyJoke\",\"input\":{\"topic\":\"dogs\"}}]},{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"0\","
                + "\"content\":\"Why did the dogs cross the road?\"}]}]", "\"tools\":[" + JOKE + "]");
        JsonNode b = json(PEER.translate("call", req, FLASH));
        assertThat(b.at("/contents/1/role").asText()).isEqualTo("model");
        assertThat(b.at("/contents/1/parts/0/functionCall/name").asText()).isEqualTo("tellAFunnyJoke");
        assertThat(b.at("/contents/1/parts/0/functionCall/args").isObject()).isTrue();
        assertThat(b.at("/contents/1/parts/0/functionCall/args/topic").asText()).isEqualTo("dogs");
        JsonNode response = b.at("/contents/2/parts/0/functionResponse");
        assertThat(b.at("/contents/2/role").asText()).isEqualTo("user");
        assertThat(response.path("name").asText()).isEqualTo("tellAFunnyJoke");
        assertThat(response.path("response").isObject()).isTrue();
        assertThat(response.path("response").toString()).contains("Why did the dogs cross the road?");
    }

    /**
     * "genkit message (tool response content)": two results are two functionResponse parts in one
     * user content, each named for its own call (by the call's id, not by its place).
     */
    @Test
    void twoResultsAreTwoFunctionResponsesEachNamedForItsCall() {
        String req = request("[{\"role\":\"user\",\"content\":\"Two jokes\"},{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"tool_use\",\"id\":\"0\",\"name\":\"tellAFunnyJoke\",\"input\":{\"topic\":\"chickens\"}},"
                + "{\"type\":\"tool_use\",\"id\":\"1\",\"name\":\"screenshot\",\"input\":{}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"0\",\"content\":\"Why did the chicken cross the road?\"},"
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"1\",\"content\":\"success\"}]}]", "\"tools\":[" + JOKE + "," + SCREENSHOT + "]");
        JsonNode b = json(PEER.translate("two-results", req, FLASH));
        assertThat(b.path("contents")).hasSize(3);
        JsonNode parts = b.at("/contents/2/parts");
        assertThat(parts).hasSize(2);
        assertThat(parts.at("/0/functionResponse/name").asText()).isEqualTo("tellAFunnyJoke");
        assertThat(parts.at("/0/functionResponse/response").toString()).contains("Why did the chicken cross the road?");
        assertThat(parts.at("/1/functionResponse/name").asText()).isEqualTo("screenshot");
        assertThat(parts.at("/1/functionResponse/response").toString()).contains("success");
    }

    /**
     * "genkit message (tool response content) correctly and sort by ref": results sent back in the
     * order their calls finished go to Gemini in the order of the calls, text after them still
     * last; a result whose call is not in the turn before keeps its place after the others.
     */
    @Test
    void functionResponsesFollowTheOrderOfTheirCalls() {
        String req = request("[{\"role\":\"user\",\"content\":\"Two jokes and a screenshot\"},{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"tool_use\",\"id\":\"0\",\"name\":\"tellAFunnyJoke\",\"input\":{\"topic\":\"chickens\"}},"
                + "{\"type\":\"tool_use\",\"id\":\"1\",\"name\":\"tellAFunnyJoke\",\"input\":{\"topic\":\"dogs\"}},"
                + "{\"type\":\"tool_use\",\"id\":\"2\",\"name\":\"screenshot\",\"input\":{}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"2\",\"content\":\"success\"},"
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"1\",\"content\":\"Why did the dogs cross the road?\"},"
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"0\",\"content\":\"Why did the chicken cross the road?\"},"
                + "{\"type\":\"text\",\"text\":\"Now pick the best.\"}]}]", "\"tools\":[" + JOKE + "," + SCREENSHOT + "]");
        JsonNode b = json(PEER.translate("sorted-results", req, FLASH));
        JsonNode parts = b.at("/contents/2/parts");
        assertThat(parts).hasSize(3);
        assertThat(parts.findValuesAsText("id")).containsExactly("0", "1", "2");
        assertThat(parts.at("/2/functionResponse/response").toString()).contains("success");
        assertThat(b.at("/contents/3/parts/0/text").asText()).isEqualTo("Now pick the best.");
    }

    /**
     * "genkit message (tool response with media content)" and "(… missing output and mixed
     * content)": Gemini 3 takes a result's image inside its functionResponse (parts), the text as
     * its response; Gemini 2.5 does not, so the image follows the responses in the same content.
     */
    @Test
    void aResultsImageIsInsideTheResponseOnGemini3AndAfterItOn25() {
        String req = request("[{\"role\":\"user\",\"content\":\"Screenshot\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"0\","
                + "\"name\":\"screenshot\",\"input\":{}}]},{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"0\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"this is a test\"},{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\","
                + "\"data\":\"iVBORw0KGgo=\"}}]}]}]", "\"tools\":[" + SCREENSHOT + "]");
        JsonNode three = json(PEER.translate("result-image-3", req, GEMINI_3)).at("/contents/2/parts");
        assertThat(three).hasSize(1);
        assertThat(three.at("/0/functionResponse/response").toString()).contains("this is a test");
        assertThat(three.at("/0/functionResponse/parts/0/inlineData/mimeType").asText()).isEqualTo("image/png");
        assertThat(three.at("/0/functionResponse/parts/0/inlineData/data").asText()).isEqualTo("iVBORw0KGgo=");
        Translation t = PEER.translate("result-image-25", req, FLASH);
        JsonNode flash = json(t).at("/contents/2/parts");
        assertThat(flash).hasSize(2);
        assertThat(flash.at("/0/functionResponse/response").toString()).contains("this is a test");
        assertThat(flash.at("/1/inlineData/data").asText()).isEqualTo("iVBORw0KGgo=");
        assertThat(ids(t)).contains("PP128");
    }

    /** "genkit message (inline base64 image content)": the text, then the image as inlineData with its type. */
    @Test
    void aBase64ImageIsInlineDataAfterTheText() {
        String req = request("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"describe the following image:\"},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/jpeg\",\"data\":\"SHORTENED_BASE64_DATA\"}}]}]", "");
        JsonNode parts = json(PEER.translate("inline-image", req, FLASH)).at("/contents/0/parts");
        assertThat(parts.at("/0/text").asText()).isEqualTo("describe the following image:");
        assertThat(parts.at("/1/inlineData/mimeType").asText()).isEqualTo("image/jpeg");
        assertThat(parts.at("/1/inlineData/data").asText()).isEqualTo("SHORTENED_BASE64_DATA");
    }

    /** "genkit message (fileData image content)": an image by address is fileData with the address and the type its extension gives. */
    @Test
    void anImageByAddressIsFileDataWithItsType() {
        String req = request("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"describe the following image:\"},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://storage.example.com/bucket/image.png\"}}]}]", "");
        JsonNode part = json(PEER.translate("file-image", req, FLASH)).at("/contents/0/parts/1/fileData");
        assertThat(part.path("fileUri").asText()).isEqualTo("https://storage.example.com/bucket/image.png");
        assertThat(part.path("mimeType").asText()).isEqualTo("image/png");
    }

    /**
     * "should re-populate thoughtSignature from reasoning metadata" and "should transform reasoning
     * with text": Gemini's own thoughts go back as thought parts, the one without text with its
     * signature; every signature is the token Gemini gave, unmarked. (Which part the second
     * signature goes back on is reported rather than asserted here.)
     */
    @Test
    void geminisThoughtsGoBackAsThoughtPartsWithTheirSignatures() {
        String req = request("[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"promptport:gemini:abc123\"},"
                + "{\"type\":\"thinking\",\"thinking\":\"I should answer\",\"signature\":\"promptport:gemini:def456\"},"
                + "{\"type\":\"text\",\"text\":\"Hello!\"}]},{\"role\":\"user\",\"content\":\"Again\"}]", "");
        JsonNode parts = json(PEER.translate("thoughts", req, GEMINI_3)).at("/contents/1/parts");
        assertThat(parts.at("/0/thought").asBoolean()).isTrue();
        assertThat(parts.at("/0/thoughtSignature").asText()).isEqualTo("abc123");
        assertThat(parts.at("/1/thought").asBoolean()).isTrue();
        assertThat(parts.at("/1/text").asText()).isEqualTo("I should answer");
        assertThat(parts.toString()).contains("\"def456\"").contains("Hello!").doesNotContain("promptport:");
    }

    /**
     * "should transform executableCode / codeExecutionResult custom part": code Claude ran with its
     * code execution tool goes to Gemini with code execution as Gemini's own executableCode and
     * codeExecutionResult parts in the model's turn, then the turn's text.
     */
    @Test
    void claudesCodeRunIsExecutableCodeAndItsResult() {
        String req = request("[{\"role\":\"user\",\"content\":\"What is 1+1? Use code.\"},{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"server_tool_use\",\"id\":\"srvtoolu_1\",\"name\":\"code_execution\",\"input\":{\"code\":\"print(1+1)\"}},"
                + "{\"type\":\"code_execution_tool_result\",\"tool_use_id\":\"srvtoolu_1\",\"content\":{\"type\":\"code_execution_result\","
                + "\"stdout\":\"2\\n\",\"stderr\":\"\",\"return_code\":0,\"content\":[]}},{\"type\":\"text\",\"text\":\"It is 2.\"}]},"
                + "{\"role\":\"user\",\"content\":\"And 2+2?\"}]", "\"tools\":[{\"type\":\"code_execution_20250522\",\"name\":\"code_execution\"}]");
        JsonNode b = json(PEER.translate("code", req, FLASH));
        JsonNode parts = b.at("/contents/1/parts");
        assertThat(parts.at("/0/executableCode/language").asText()).isEqualTo("PYTHON");
        assertThat(parts.at("/0/executableCode/code").asText()).isEqualTo("print(1+1)");
        assertThat(parts.at("/1/codeExecutionResult/outcome").asText()).isEqualTo("OUTCOME_OK");
        assertThat(parts.at("/1/codeExecutionResult/output").asText()).isEqualTo("2\n");
        assertThat(parts.at("/2/text").asText()).isEqualTo("It is 2.");
        assertThat(b.path("tools").toString()).contains("codeExecution");
    }

    /** "toGeminiSystemInstruction … with multiple parts": the system prompt's blocks are Gemini's systemInstruction, all their text kept, in order. */
    @Test
    void systemBlocksAreTheSystemInstruction() {
        String req = request("[{\"role\":\"user\",\"content\":\"Hi\"}]", "\"system\":[{\"type\":\"text\",\"text\":\"You are an expert in all things animals.\"},"
                + "{\"type\":\"text\",\"text\":\"You love cats.\"}]");
        JsonNode b = json(PEER.translate("system", req, FLASH));
        String text = b.at("/systemInstruction/parts").toString();
        assertThat(text).contains("You are an expert in all things animals.").contains("You love cats.");
        assertThat(text.indexOf("animals")).isLessThan(text.indexOf("cats"));
        assertThat(b.at("/contents/0/role").asText()).isEqualTo("user");
        assertThat(b.path("contents")).hasSize(1);
    }

    /**
     * "toGeminiTool: should convert Genkit tool to Gemini FunctionDeclaration": in Gemini's
     * OpenAPI subset (2.0) a nullable string is nullable, optional fields are left out of required,
     * enums and nested objects keep their types, descriptions and required lists.
     */
    @Test
    void aToolSchemaKeepsNullableOptionalEnumAndNestedFields() {
        String schema = "{\"type\":\"object\",\"properties\":{\"simpleString\":{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}],\"description\":\"a string\"},"
                + "\"simpleNumber\":{\"type\":\"number\",\"description\":\"a number\"},\"simpleBoolean\":{\"type\":\"boolean\",\"description\":\"a boolean\"},"
                + "\"simpleArray\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"description\":\"an array\"},"
                + "\"simpleEnum\":{\"type\":\"string\",\"enum\":[\"choice_a\",\"choice_b\"],\"description\":\"an enum\"},"
                + "\"nestedObject\":{\"type\":\"object\",\"properties\":{\"innerString\":{\"type\":\"string\"}},\"required\":[\"innerString\"],"
                + "\"description\":\"nested object\"}},\"required\":[\"simpleString\",\"simpleNumber\"]}";
        JsonNode p = json(PEER.translate("schema", withTools("{\"name\":\"foo\",\"description\":\"tool foo\",\"input_schema\":" + schema + "}", ""), OLD_FLASH))
                .at("/tools/0/functionDeclarations/0/parameters");
        assertThat(p.path("type").asText()).isEqualTo("OBJECT");
        assertThat(p.at("/properties/simpleString/type").asText()).isEqualTo("STRING");
        assertThat(p.at("/properties/simpleString/nullable").asBoolean()).isTrue();
        assertThat(p.at("/properties/simpleString/description").asText()).isEqualTo("a string");
        assertThat(p.at("/properties/simpleNumber/type").asText()).isEqualTo("NUMBER");
        assertThat(p.at("/properties/simpleBoolean/type").asText()).isEqualTo("BOOLEAN");
        assertThat(p.at("/properties/simpleArray/items/type").asText()).isEqualTo("STRING");
        assertThat(p.at("/properties/simpleEnum/enum").toString()).isEqualTo("[\"choice_a\",\"choice_b\"]");
        assertThat(p.at("/properties/nestedObject/type").asText()).isEqualTo("OBJECT");
        assertThat(p.at("/properties/nestedObject/required").toString()).isEqualTo("[\"innerString\"]");
        assertThat(p.at("/properties/nestedObject/description").asText()).isEqualTo("nested object");
        assertThat(p.path("required").toString()).isEqualTo("[\"simpleString\",\"simpleNumber\"]");
    }

    /** "should resolve local definitions referenced by array items": Gemini's schema has no references, so the definition is written in its place. */
    @Test
    void aReferenceInArrayItemsIsWrittenInPlace() {
        String schema = "{\"type\":\"object\",\"properties\":{\"attachments\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/Attachment\"}}},"
                + "\"$defs\":{\"Attachment\":{\"type\":\"object\",\"properties\":{\"content\":{\"type\":\"string\"},\"filename\":{\"type\":\"string\"}},"
                + "\"required\":[\"content\"]}}}";
        for (String target : new String[] {OLD_FLASH, FLASH}) {
            JsonNode decl = json(PEER.translate("refs", withTools("{\"name\":\"create_draft\",\"description\":\"Create an email draft\","
                    + "\"input_schema\":" + schema + "}", ""), target)).at("/tools/0/functionDeclarations/0");
            String written = decl.toString();
            assertThat(written).as(target).doesNotContain("$ref").doesNotContain("$defs");
            JsonNode items = (decl.has("parameters") ? decl.path("parameters") : decl.path("parametersJsonSchema")).at("/properties/attachments/items");
            assertThat(items.path("type").asText()).as(target).isEqualToIgnoringCase("object");
            assertThat(items.at("/properties/content/type").asText()).as(target).isEqualToIgnoringCase("string");
            assertThat(items.path("required").toString()).as(target).isEqualTo("[\"content\"]");
        }
    }

    /**
     * "should stop resolving circular local definitions": a schema that refers to itself is
     * written out a few levels deep and then cut, not followed without end; the cut is named
     * as a loosening (PP154).
     */
    @Test
    void aRecursiveReferenceIsCutAndNamed() {
        String schema = "{\"type\":\"object\",\"properties\":{\"node\":{\"$ref\":\"#/$defs/Node\"}},\"$defs\":{\"Node\":{\"type\":\"object\","
                + "\"properties\":{\"children\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/Node\"}}}}}}";
        for (String target : new String[] {OLD_FLASH, FLASH}) {
            Translation t = PEER.translate("circular", withTools("{\"name\":\"circular_tool\",\"description\":\"A tool with a recursive schema\","
                    + "\"input_schema\":" + schema + "}", ""), target);
            assertThat(json(t).at("/tools/0/functionDeclarations/0").toString()).as(target).doesNotContain("$ref").contains("children");
            assertThat(ids(t)).as(target).contains("PP154");
        }
    }

    /** "should replace slashes in tool names": Gemini's function names take no "/", so the name is respelled and named (PP124). */
    @Test
    void slashesInAToolNameAreRespelledAndNamed() {
        Translation t = PEER.translate("slashes", withTools("{\"name\":\"my/tool/name\",\"description\":\"tool with slashes\","
                + "\"input_schema\":{\"type\":\"object\",\"properties\":{}}}", ""), FLASH);
        String name = json(t).at("/tools/0/functionDeclarations/0/name").asText();
        assertThat(name).doesNotContain("/").matches("[A-Za-z_][A-Za-z0-9_.:-]{0,63}");
        assertThat(json(t).at("/tools/0/functionDeclarations/0/description").asText()).isEqualTo("tool with slashes");
        assertThat(ids(t)).contains("PP124");
    }

    /** "toGeminiFunctionModeEnum": any (OpenAI's required) is ANY, auto is AUTO, none is NONE. */
    @Test
    void toolChoicesAreGeminisFunctionCallingModes() {
        String[][] cases = {{"{\"type\":\"any\"}", "ANY"}, {"{\"type\":\"auto\"}", "AUTO"}, {"{\"type\":\"none\"}", "NONE"}};
        for (String[] c : cases) {
            JsonNode b = json(PEER.translate("mode-" + c[1], withTools(JOKE, c[0]), FLASH));
            assertThat(b.at("/toolConfig/functionCallingConfig/mode").asText("AUTO")).as(c[0]).isEqualTo(c[1]);
        }
    }
}
