package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.InputFormat;
import dev.promptport.PromptPort;
import dev.promptport.PromptPortException;
import dev.promptport.Target;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Kong's ai-proxy request fixtures (Kong/kong {@code spec/fixtures/ai-proxy/native/gemini/request/}:
 * Gemini requests Kong reads natively; {@code unit/requests/llm-v1-chat.json} with
 * {@code unit/expected-requests/anthropic|gemini/llm-v1-chat.json}; and
 * {@code anthropic/llm-v1-chat/requests/good.json}). Kong's expected bodies also carry the
 * plugin's configured model options (max_tokens 512, temperature); here only what the request
 * itself says travels.
 */
class KongRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String CLAUDE = "anthropic:claude-sonnet-4-5";
    private static final String GPT = "openai:gpt-4o";
    private static final String GEMINI = "gemini:gemini-2.5-flash";

    private static final String LIGHTS_SYSTEM = "You are a helpful lighting system bot. You can turn lights on and off, "
            + "and you can set the color. Do not perform any other tasks.";
    /** The three lighting functions of with-functions.json, two without parameters; snake_case as Kong wrote them. */
    private static final String LIGHTS_TOOLS = "\"tools\":[{\"function_declarations\":[{\"name\":\"enable_lights\",\"description\":\"Turn on the lighting system.\"},"
            + "{\"name\":\"set_light_color\",\"description\":\"Set the light color. Lights must be enabled for this to work.\",\"parameters\":{\"type\":\"object\","
            + "\"properties\":{\"rgb_hex\":{\"type\":\"string\",\"description\":\"The light color as a 6-digit hex string, e.g. ff0000 for red.\"}},"
            + "\"required\":[\"rgb_hex\"]}},{\"name\":\"stop_lights\",\"description\":\"Turn off the lighting system.\"}]}],"
            + "\"tool_config\":{\"function_calling_config\":{\"mode\":\"auto\"}}";

    /** with-functions-and-chatter.json, with {@code role} as given for the model's turns. */
    private static String chatter(String modelRole) {
        String result = "{\"role\":\"function\",\"parts\":{\"function_response\":{\"response\":{\"content\":{\"success\":true}},\"name\":\"%s\"}}}";
        return "{\"system_instruction\":{\"parts\":{\"text\":\"" + LIGHTS_SYSTEM + "\"}}," + LIGHTS_TOOLS + ",\"contents\":["
                + "{\"role\":\"user\",\"parts\":{\"text\":\"Turn on the lights please.\"}},"
                + "{\"role\":\"" + modelRole + "\",\"parts\":[{\"text\":\"Sure! I will turn them on now.\"},{\"functionCall\":{\"args\":{},\"name\":\"enable_lights\"}}]},"
                + result.formatted("enable_lights") + ","
                + "{\"role\":\"user\",\"parts\":{\"text\":\"Now set them to orange.\"}},"
                + "{\"role\":\"" + modelRole + "\",\"parts\":[{\"text\":\"Setting to orange.\"},{\"functionCall\":{\"args\":{\"rgb_hex\":\"FFA500\"},\"name\":\"set_light_color\"}}]},"
                + result.formatted("set_light_color") + "]}";
    }

    /** unit/requests/llm-v1-chat.json: a system message and a five-turn arithmetic conversation. */
    private static final String MATH = "{\"messages\":[{\"role\":\"system\",\"content\":\"You are a mathematician.\"},"
            + "{\"role\":\"user\",\"content\":\"What is 1 + 2?\"},"
            + "{\"role\":\"assistant\",\"content\":\"The sum of 1 + 2 is 3. If you have any more math questions or if there's anything else I can help you with, feel free to ask!\"},"
            + "{\"role\":\"user\",\"content\":\"Multiply that by 2\"},"
            + "{\"role\":\"assistant\",\"content\":\"Certainly! If you multiply 3 by 2, the result is 6. If you have any more questions or if there's anything else I can help you with, feel free to ask!\"},"
            + "{\"role\":\"user\",\"content\":\"Why can't you divide by zero?\"}]}";

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    /** native/gemini/request/basic-chat.json: maxOutputTokens is Claude's max_tokens. */
    @Test
    void aBasicGeminiChatIsOneUserTurnWithItsLimit() {
        JsonNode b = json(PEER.translate("basic-chat", "{\"generationConfig\":{\"maxOutputTokens\":256},\"contents\":[{\"role\":\"user\","
                + "\"parts\":[{\"text\":\"What is 1 + 1?\"}]}]}", InputFormat.GEMINI, CLAUDE));
        assertThat(b.at("/max_tokens").asInt()).isEqualTo(256);
        assertThat(b.at("/messages")).hasSize(1);
        assertThat(b.at("/messages/0/content/0/text").asText()).isEqualTo("What is 1 + 1?");
    }

    /**
     * native/gemini/request/with-functions.json writes {@code contents}, {@code parts} and the
     * system instruction's parts as single objects, as Google's own curl examples do and its
     * JSON reader takes: each is a list of one. It was refused ("no contents array").
     */
    @Test
    void singleObjectsWhereGeminiListsAreDueAreListsOfOne() {
        String req = "{\"system_instruction\":{\"parts\":{\"text\":\"" + LIGHTS_SYSTEM + "\"}}," + LIGHTS_TOOLS
                + ",\"contents\":{\"role\":\"user\",\"parts\":{\"text\":\"Turn on the lights please. Also set them to orange.\"}}}";
        JsonNode b = json(PEER.translate("with-functions", req, InputFormat.GEMINI, CLAUDE));
        assertThat(b.at("/system").asText()).isEqualTo(LIGHTS_SYSTEM);
        assertThat(b.at("/messages")).hasSize(1);
        assertThat(b.at("/messages/0/content/0/text").asText()).isEqualTo("Turn on the lights please. Also set them to orange.");
        assertThat(b.path("tools")).extracting(t -> t.path("name").asText()).containsExactly("enable_lights", "set_light_color", "stop_lights");
        assertThat(b.at("/tools/0/input_schema").toString()).isEqualTo("{\"type\":\"object\",\"properties\":{}}");
        assertThat(b.at("/tools/1/input_schema/required/0").asText()).isEqualTo("rgb_hex");
        assertThat(b.at("/tool_choice/type").asText()).isEqualTo("auto");
        JsonNode chat = json(PEER.translate("with-functions", req, InputFormat.GEMINI, GPT));
        assertThat(chat.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(chat.at("/messages/1/content").asText()).isEqualTo("Turn on the lights please. Also set them to orange.");
    }

    /** A tools list and a declarations list written as one object each are read the same way, not dropped. */
    @Test
    void aSingleToolObjectWithASingleDeclarationIsOneTool() {
        String req = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Lights on\"}]}],"
                + "\"tools\":{\"functionDeclarations\":{\"name\":\"enable_lights\",\"description\":\"Turn on the lighting system.\"}}}";
        JsonNode b = json(PEER.translate("single-tool", req, InputFormat.GEMINI, GPT));
        assertThat(b.path("tools")).hasSize(1);
        assertThat(b.at("/tools/0/function/name").asText()).isEqualTo("enable_lights");
    }

    /**
     * with-functions-and-chatter.json, the model's turns as "model": text and a call per turn,
     * each answered by a "function" turn whose response carries no id, so the answer pairs
     * with the call of its name. The function responses are Chat tool messages.
     */
    @Test
    void chatterAndCallsAnsweredByFunctionTurnsPairByName() {
        JsonNode c = json(PEER.translate("chatter", chatter("model"), InputFormat.GEMINI, GPT));
        assertThat(c.path("messages")).extracting(m -> m.path("role").asText())
                .containsExactly("system", "user", "assistant", "tool", "user", "assistant", "tool");
        assertThat(c.at("/messages/2/content").asText()).isEqualTo("Sure! I will turn them on now.");
        assertThat(c.at("/messages/2/tool_calls/0/function/name").asText()).isEqualTo("enable_lights");
        assertThat(c.at("/messages/2/tool_calls/0/function/arguments").asText()).isEqualTo("{}");
        assertThat(c.at("/messages/3/tool_call_id").asText()).isEqualTo(c.at("/messages/2/tool_calls/0/id").asText());
        assertThat(c.at("/messages/3/content").asText()).isEqualTo("{\"content\":{\"success\":true}}");
        assertThat(c.at("/messages/5/tool_calls/0/function/arguments").asText()).isEqualTo("{\"rgb_hex\":\"FFA500\"}");
        assertThat(c.at("/messages/6/tool_call_id").asText()).isEqualTo(c.at("/messages/5/tool_calls/0/id").asText());
        JsonNode b = json(PEER.translate("chatter", chatter("model"), InputFormat.GEMINI, CLAUDE));
        assertThat(b.at("/messages/2/content/0/type").asText()).isEqualTo("tool_result");
        assertThat(b.at("/messages/2/content/0/tool_use_id").asText()).isEqualTo(b.at("/messages/1/content/1/id").asText());
        assertThat(b.at("/messages/2/content/1/text").asText()).isEqualTo("Now set them to orange.");
    }

    /**
     * The fixture as Kong wrote it names the model's turns "assistant". Kong reads that; Gemini's
     * API refuses it ("Please use a valid role: user, model"), and promptport reads a Gemini
     * request as Gemini would, so it is an input error at that role.
     */
    @Test
    void anAssistantRoleInAGeminiRequestIsAnInputErrorAtThatRole() {
        assertThatThrownBy(() -> PromptPort.translate(chatter("assistant"), InputFormat.GEMINI, Target.of(CLAUDE), dev.promptport.Options.DEFAULT))
                .isInstanceOf(PromptPortException.class).hasMessageContaining("\"assistant\"")
                .satisfies(e -> assertThat(((PromptPortException) e).location().pointer()).isEqualTo("/contents/1/role"));
    }

    /** native/gemini/request/basic-multimodal.json: snake_case inline_data with mime_type is an image, for Chat a data URL. */
    @Test
    void snakeCaseInlineDataIsAnImage() {
        String png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk+A8AAQUBAScY42YAAAAASUVORK5CYII=";
        String req = "{\"generationConfig\":{\"maxOutputTokens\":256},\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Tell me about this animal?\"},"
                + "{\"inline_data\":{\"mime_type\":\"image/png\",\"data\":\"" + png + "\"}}]}]}";
        JsonNode c = json(PEER.translate("multimodal", req, InputFormat.GEMINI, GPT));
        assertThat(c.at("/messages/0/content/0/text").asText()).isEqualTo("Tell me about this animal?");
        assertThat(c.at("/messages/0/content/1/image_url/url").asText()).isEqualTo("data:image/png;base64," + png);
        JsonNode b = json(PEER.translate("multimodal", req, InputFormat.GEMINI, CLAUDE));
        assertThat(b.at("/messages/0/content/1/source/media_type").asText()).isEqualTo("image/png");
        assertThat(b.at("/messages/0/content/1/source/data").asText()).isEqualTo(png);
    }

    /** unit/expected-requests/anthropic/llm-v1-chat.json: the system message is Claude's system; the turns alternate as they came. */
    @Test
    void kongsMathConversationToClaudeHoistsTheSystemMessage() {
        JsonNode b = json(PEER.translate("math", MATH, InputFormat.OPENAI_CHAT, CLAUDE));
        assertThat(b.at("/system").asText()).isEqualTo("You are a mathematician.");
        assertThat(b.path("messages")).extracting(m -> m.path("role").asText())
                .containsExactly("user", "assistant", "user", "assistant", "user");
        assertThat(b.at("/messages/4/content").toString()).contains("Why can't you divide by zero?");
        assertThat(b.at("/max_tokens").asInt()).isPositive();
    }

    /** unit/expected-requests/gemini/llm-v1-chat.json: systemInstruction, and "model" for the assistant's turns. */
    @Test
    void kongsMathConversationToGeminiUsesSystemInstructionAndModelTurns() {
        JsonNode g = json(PEER.translate("math", MATH, InputFormat.OPENAI_CHAT, GEMINI));
        assertThat(g.at("/systemInstruction/parts/0/text").asText()).isEqualTo("You are a mathematician.");
        assertThat(g.path("contents")).extracting(m -> m.path("role").asText()).containsExactly("user", "model", "user", "model", "user");
        assertThat(g.at("/contents/2/parts/0/text").asText()).isEqualTo("Multiply that by 2");
    }

    /** anthropic/llm-v1-chat/requests/good.json: a Chat request without a model still names the target's. */
    @Test
    void aChatRequestWithoutAModelTakesTheTargetsModel() {
        JsonNode b = json(PEER.translate("good", "{\"messages\":[{\"role\":\"system\",\"content\":\"You are a helpful assistant.\"},"
                + "{\"role\":\"user\",\"content\":\"What is 1 + 1?\"}]}", InputFormat.OPENAI_CHAT, CLAUDE));
        assertThat(b.at("/model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(b.at("/system").asText()).isEqualTo("You are a helpful assistant.");
        assertThat(b.at("/messages/0/content").toString()).contains("What is 1 + 1?");
    }

    /**
     * native/gemini/request/basic-multimodal.json as Kong wrote it: mime_type image/jpeg on PNG
     * bytes. Gemini reads the bytes and takes it; Claude checks the declared type against them and
     * refuses the request ("Image does not match the provided media type"), so for Claude the
     * image goes as the PNG it is, named (PP209). It was sent as JPEG.
     */
    @Test
    void aPngDeclaredAsJpegIsSentToClaudeAsPng() {
        String png = "iVBORw0KGgoAAAANSUhEUgAAACcAAAAmCAYAAABH/4KQAAABXWlDQ1BJQ0MgUHJvZmlsZQAAKJF1kD9IQnEQxz+aIYiQUJT0B97UZBFqDQ2BaUTQIPbHbHs+";
        String req = "{\"generationConfig\":{\"maxOutputTokens\":256},\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Tell me about this animal?\"},"
                + "{\"inline_data\":{\"mime_type\":\"image/jpeg\",\"data\":\"" + png + "\"}}]}]}";
        Translation claude = PEER.translate("png-as-jpeg", req, InputFormat.GEMINI, CLAUDE);
        assertThat(json(claude).at("/messages/0/content/1/source/media_type").asText()).isEqualTo("image/png");
        assertThat(json(claude).at("/messages/0/content/1/source/data").asText()).isEqualTo(png);
        assertThat(PeerRequests.finding(claude, "PP209").message()).contains("image/jpeg").contains("image/png");
        Translation gemini = PEER.translate("png-as-jpeg", req, InputFormat.GEMINI, GEMINI);
        assertThat(json(gemini).at("/contents/0/parts/1/inlineData/mimeType").asText()).isEqualTo("image/jpeg");
        assertThat(PeerRequests.ids(gemini)).doesNotContain("PP209");
    }

    /** An image whose bytes agree with its type, or show no type promptport tells apart, keeps its type and raises nothing. */
    @Test
    void anImageWhoseBytesAgreeOrSayNothingKeepsItsType() {
        String png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk+A8AAQUBAScY42YAAAAASUVORK5CYII=";
        String[][] cases = {{"image/png", png}, {"image/webp", "AAAAAAAAAAAAAAAA"}};
        for (String[] c : cases) {
            String req = "{\"model\":\"m\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image\",\"source\":{\"type\":\"base64\","
                    + "\"media_type\":\"" + c[0] + "\",\"data\":\"" + c[1] + "\"}},{\"type\":\"text\",\"text\":\"What is it?\"}]}]}";
            Translation t = PEER.translate("agreeing", req, CLAUDE);
            assertThat(json(t).at("/messages/0/content/0/source/media_type").asText()).isEqualTo(c[0]);
            assertThat(PeerRequests.ids(t)).doesNotContain("PP209");
        }
    }

    /** The same mismatch inside a tool result (a screenshot tool's output) is fixed there too; it went to Claude as declared. */
    @Test
    void aPngDeclaredAsJpegInAToolResultIsSentToClaudeAsPng() {
        String png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk+A8AAQUBAScY42YAAAAASUVORK5CYII=";
        String req = "{\"model\":\"m\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"Take a screenshot\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"screenshot\",\"input\":{}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":[{\"type\":\"image\",\"source\":{"
                + "\"type\":\"base64\",\"media_type\":\"image/jpeg\",\"data\":\"" + png + "\"}}]}]}],"
                + "\"tools\":[{\"name\":\"screenshot\",\"input_schema\":{\"type\":\"object\"}}]}";
        Translation t = PEER.translate("result-png-as-jpeg", req, CLAUDE);
        assertThat(json(t).at("/messages/2/content/0/content/0/source/media_type").asText()).isEqualTo("image/png");
        assertThat(PeerRequests.ids(t)).contains("PP209");
    }
}
