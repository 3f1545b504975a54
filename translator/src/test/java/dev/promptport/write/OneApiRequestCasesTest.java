package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.InputFormat;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One API's OpenAI-to-Claude and OpenAI-to-Gemini request conversion (songquanpeng/one-api
 * {@code relay/adaptor/anthropic/main.go} and {@code relay/adaptor/gemini/main.go},
 * {@code ConvertRequest}). The project has no tests for them, so these cases state what its
 * converters do, with promptport's own answer where it differs and why.
 */
class OneApiRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String CLAUDE = "anthropic:claude-sonnet-4-5";
    private static final String GEMINI = "gemini:gemini-2.5-flash";
    private static final String GEMMA = "gemini:gemma-3-27b-it";
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk+A8AAQUBAScY42YAAAAASUVORK5CYII=";
    private static final String WEATHER = "{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"description\":\"Weather\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}}}";

    /** A weather call made and answered, with an image in the user's turn, two system messages and a named tool choice. */
    private static final String CALLED = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
            + "{\"role\":\"system\",\"content\":\"Answer in French.\"},{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Weather where this was taken?\"},"
            + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64," + PNG + "\"}}]},"
            + "{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]},{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"sunny\"}],"
            + "\"tools\":[" + WEATHER + "],\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}},\"temperature\":0.2}";

    private static JsonNode chat(String name, String request, String target) {
        return json(PEER.translate(name, request, InputFormat.OPENAI_CHAT, target));
    }

    private static String ask(String more) {
        return "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"List three colours as JSON.\"}]" + more + "}";
    }

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    /**
     * One API takes the first system message as Claude's system and sends a second as a message
     * of role "system" inside messages (Claude refuses it there). Both are Claude's system here,
     * in order.
     */
    @Test
    void everySystemMessageBeforeTheConversationIsClaudesSystemInOrder() {
        JsonNode b = chat("systems", CALLED, CLAUDE);
        assertThat(b.path("system")).extracting(s -> s.path("text").asText()).containsExactly("Be brief.", "Answer in French.");
        assertThat(b.at("/messages/0/role").asText()).isEqualTo("user");
    }

    /** The assistant's tool_calls are tool_use blocks with parsed input; the tool message is a user turn's tool_result; "" content is dropped (PP133). */
    @Test
    void callsAndTheToolMessageAreToolUseAndToolResult() {
        Translation t = PEER.translate("called", CALLED, InputFormat.OPENAI_CHAT, CLAUDE);
        JsonNode b = json(t);
        assertThat(b.at("/messages/1/content")).hasSize(1);
        assertThat(b.at("/messages/1/content/0").toString()).isEqualTo("{\"type\":\"tool_use\",\"id\":\"call_1\",\"name\":\"get_weather\",\"input\":{\"city\":\"Paris\"}}");
        assertThat(b.at("/messages/2/role").asText()).isEqualTo("user");
        assertThat(b.at("/messages/2/content/0/type").asText()).isEqualTo("tool_result");
        assertThat(b.at("/messages/2/content/0/tool_use_id").asText()).isEqualTo("call_1");
        assertThat(b.at("/messages/2/content/0/content/0/text").asText()).isEqualTo("sunny");
        assertThat(ids(t)).contains("PP133");
    }

    /** A data-URL image is a base64 image source with the URL's media type, as One API's GetImageFromUrl makes it. */
    @Test
    void aDataUrlImageIsABase64Source() {
        JsonNode src = chat("image", CALLED, CLAUDE).at("/messages/0/content/1/source");
        assertThat(src.toString()).isEqualTo("{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"" + PNG + "\"}");
    }

    /** tool_choice naming a function is Claude's {type: tool, name}; "required" is {type: any}, as One API maps it. */
    @Test
    void aNamedToolChoiceIsClaudesToolChoiceAndRequiredIsAny() {
        assertThat(chat("named", CALLED, CLAUDE).at("/tool_choice").toString()).isEqualTo("{\"type\":\"tool\",\"name\":\"get_weather\"}");
        assertThat(chat("required", ask(",\"tools\":[" + WEATHER + "],\"tool_choice\":\"required\""), CLAUDE).at("/tool_choice/type").asText())
                .isEqualTo("any");
    }

    /** Without max_tokens One API sends 4096; so does promptport, and it says so (PP151). */
    @Test
    void withoutALimitClaudeGets4096AndAFinding() {
        Translation t = PEER.translate("no-limit", ask(""), InputFormat.OPENAI_CHAT, CLAUDE);
        assertThat(json(t).at("/max_tokens").asInt()).isEqualTo(4096);
        assertThat(ids(t)).contains("PP151");
    }

    /**
     * One API sends temperature and top_p both; Claude's newer models refuse the pair, so the
     * temperature is kept and top_p left out and named (PP181).
     */
    @Test
    void temperatureAndTopPTogetherKeepTheTemperatureForClaude() {
        Translation t = PEER.translate("sampling", ask(",\"temperature\":0.2,\"top_p\":0.9"), InputFormat.OPENAI_CHAT, CLAUDE);
        assertThat(json(t).at("/temperature").asDouble()).isEqualTo(0.2);
        assertThat(json(t).has("top_p")).isFalse();
        assertThat(ids(t)).contains("PP181");
    }

    /** Gemini: the system messages are one systemInstruction, the assistant's turn is "model" with a functionCall, the named choice ANY with that name. */
    @Test
    void toGeminiSystemIsTheInstructionAndTheNamedChoiceIsAny() {
        JsonNode g = chat("called", CALLED, GEMINI);
        assertThat(g.at("/systemInstruction/parts/0/text").asText()).isEqualTo("Be brief.\n\nAnswer in French.");
        assertThat(g.path("contents")).extracting(c -> c.path("role").asText()).containsExactly("user", "model", "user");
        assertThat(g.at("/contents/0/parts/1/inlineData/mimeType").asText()).isEqualTo("image/png");
        assertThat(g.at("/contents/1/parts/0/functionCall/args/city").asText()).isEqualTo("Paris");
        assertThat(g.at("/contents/2/parts/0/functionResponse/name").asText()).isEqualTo("get_weather");
        assertThat(g.at("/toolConfig/functionCallingConfig/mode").asText()).isEqualTo("ANY");
        assertThat(g.at("/toolConfig/functionCallingConfig/allowedFunctionNames/0").asText()).isEqualTo("get_weather");
        assertThat(g.at("/generationConfig/temperature").asDouble()).isEqualTo(0.2);
    }

    /** mimeTypeMap: json_object is responseMimeType application/json; a json_schema also gives its schema. */
    @Test
    void jsonModeAndAJsonSchemaAreGeminisResponseMimeTypeAndSchema() {
        assertThat(chat("json-object", ask(",\"response_format\":{\"type\":\"json_object\"}"), GEMINI).at("/generationConfig/responseMimeType").asText())
                .isEqualTo("application/json");
        JsonNode gc = chat("json-schema", ask(",\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"colours\",\"schema\":{\"type\":\"object\","
                + "\"properties\":{\"colours\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}},\"required\":[\"colours\"]}}}"), GEMINI).at("/generationConfig");
        assertThat(gc.at("/responseMimeType").asText()).isEqualTo("application/json");
        JsonNode schema = gc.has("responseJsonSchema") ? gc.get("responseJsonSchema") : gc.get("responseSchema");
        assertThat(schema.at("/properties/colours/items/type").asText()).isEqualToIgnoringCase("string");
        assertThat(schema.at("/required/0").asText()).isEqualTo("colours");
    }

    /** The legacy functions list is Gemini's functionDeclarations, as One API falls back to it. */
    @Test
    void legacyFunctionsAreFunctionDeclarations() {
        JsonNode g = chat("functions", ask(",\"functions\":[{\"name\":\"get_weather\",\"description\":\"Weather\",\"parameters\":{\"type\":\"object\","
                + "\"properties\":{\"city\":{\"type\":\"string\"}}}}]"), GEMINI);
        assertThat(g.at("/tools/0/functionDeclarations/0/name").asText()).isEqualTo("get_weather");
        assertThat(g.at("/tools/0/functionDeclarations/0/parameters/properties/city/type").asText()).isEqualToIgnoringCase("string");
    }

    /**
     * A system message after the user's: One API sends it to systemInstruction and then adds a
     * model turn "Okay" so Gemini does not end on it. promptport adds no words the model did not
     * say: the text joins systemInstruction, its lost place named (PP214).
     */
    @Test
    void aSystemMessageAfterTheUsersJoinsTheInstructionWithoutAnInventedModelTurn() {
        String req = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"system\",\"content\":\"From now on answer in French.\"}]}";
        Translation t = PEER.translate("late-system", req, InputFormat.OPENAI_CHAT, GEMINI);
        JsonNode g = json(t);
        assertThat(g.at("/systemInstruction/parts/0/text").asText()).isEqualTo("From now on answer in French.");
        assertThat(g.path("contents")).hasSize(1);
        assertThat(g.toString()).doesNotContain("Okay");
        assertThat(ids(t)).contains("PP214");
    }

    /**
     * A model without systemInstruction (One API's IsModelSupportSystemInstruction): One API makes
     * the system a user turn followed by a model turn "Okay"; promptport puts it at the start of
     * the first user turn (PP131), again without an invented reply.
     */
    @Test
    void forGemmaTheSystemTextStartsTheFirstUserTurn() {
        Translation t = PEER.translate("gemma", "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"user\",\"content\":\"Hi\"}]}", InputFormat.OPENAI_CHAT, GEMMA);
        JsonNode g = json(t);
        assertThat(g.has("systemInstruction")).isFalse();
        assertThat(g.path("contents")).hasSize(1);
        assertThat(g.at("/contents/0/parts/0/text").asText()).isEqualTo("Be brief.");
        assertThat(g.at("/contents/0/parts/1/text").asText()).isEqualTo("Hi");
        assertThat(ids(t)).contains("PP131");
    }

    /** VisionMaxImageNum: One API drops images past the 16th without a word; promptport sends all of them (Gemini takes thousands). */
    @Test
    void seventeenImagesAreAllSentToGemini() {
        StringBuilder parts = new StringBuilder("{\"type\":\"text\",\"text\":\"Compare these\"}");
        for (int i = 0; i < 17; i++) {
            parts.append(",{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,").append(PNG).append("\"}}");
        }
        JsonNode g = chat("many-images", "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":[" + parts + "]}]}", GEMINI);
        assertThat(g.at("/contents/0/parts")).hasSize(18);
    }
}
