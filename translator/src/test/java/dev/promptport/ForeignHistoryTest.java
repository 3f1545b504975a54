package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptport.spec.ClaudeSdk;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.Translations.ids;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an earlier turn of another vendor's conversation holds beside text and tool calls: the
 * model's reasoning, records of tools the vendor ran, refusals, and items stored at the vendor.
 * None reaches Claude in a form Claude refuses, and each loss is named for what it is.
 */
class ForeignHistoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Target CLAUDE = Target.of("anthropic:claude-sonnet-4-5");

    private static final String RESPONSES_HISTORY = """
            {"model":"gpt-5","max_output_tokens":500,
             "input":[{"role":"user","content":"Weather in Oslo?"},
               {"type":"reasoning","id":"rs_1","summary":[{"type":"summary_text","text":"Look it up."}],
                "encrypted_content":"gAAAA"},
               {"type":"web_search_call","id":"ws_1","status":"completed","action":{"type":"search","query":"oslo"}},
               {"type":"message","role":"assistant","content":[{"type":"output_text","text":"It is 5 C."},
                 {"type":"refusal","refusal":"I will not say more."}]},
               {"role":"user","content":"Tomorrow?"}]}""";

    @Test
    void responsesReasoningAndHostedToolItemsAreNamedForWhatTheyAreAndARefusalStaysAsText() throws Exception {
        Translation t = PromptPort.translate(RESPONSES_HISTORY, InputFormat.OPENAI_RESPONSES, CLAUDE, Options.DEFAULT);
        ClaudeSdk.assertValidRequest(t.json());
        JsonNode b = JSON.readTree(t.json());
        assertThat(b.at("/messages/1/content").toString())
                .isEqualTo("[{\"type\":\"text\",\"text\":\"It is 5 C.\"},{\"type\":\"text\",\"text\":\"I will not say more.\"}]");
        assertThat(t.json()).doesNotContain("gAAAA").doesNotContain("ws_1").doesNotContain("Look it up.");
        assertThat(t.findings()).extracting(f -> f.id() + " " + f.location().pointer())
                .contains("PP110 /input/1", "PP164 /input/2");
        assertThat(ids(t)).doesNotContain("PP129");
    }

    @Test
    void toolCallIdsClaudeWouldRefuseAreRespelledInPairsAndAnEmptyResultGoesWithoutContent() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"gpt-4o","tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object"}}}],
                 "messages":[{"role":"user","content":"go"},
                   {"role":"assistant","content":"","tool_calls":[
                     {"id":"call.1/x","type":"function","function":{"name":"f","arguments":""}},
                     {"id":"call_1_x","type":"function","function":{"name":"f","arguments":"{}"}}]},
                   {"role":"tool","tool_call_id":"call.1/x","content":""},
                   {"role":"tool","tool_call_id":"call_1_x","content":"done"}]}""",
                InputFormat.OPENAI_CHAT, CLAUDE, Options.DEFAULT);
        ClaudeSdk.assertValidRequest(t.json());
        JsonNode b = JSON.readTree(t.json());
        String first = b.at("/messages/1/content/0/id").asText();
        assertThat(first).matches("[A-Za-z0-9_-]+").isNotEqualTo("call_1_x");
        assertThat(b.at("/messages/1/content/1/id").asText()).isEqualTo("call_1_x");
        assertThat(b.at("/messages/2/content/0/tool_use_id").asText()).isEqualTo(first);
        assertThat(b.at("/messages/2/content/0").has("content")).isFalse();
        assertThat(b.at("/messages/2/content/1/tool_use_id").asText()).isEqualTo("call_1_x");
    }

    @Test
    void aResponsesCallIdLongerThanChatTakesIsShortenedAlikeInTheCallAndItsResult() throws Exception {
        String id = "fc_0f0e50a1476a6c35006912c58dc9f8819192c25864eb16f07f";
        Translation t = PromptPort.translate("""
                {"model":"gpt-5","tools":[{"type":"function","name":"f","parameters":{"type":"object","properties":{}}}],
                 "input":[{"role":"user","content":"go"},
                   {"type":"function_call","call_id":"%s","name":"f","arguments":"{}"},
                   {"type":"function_call_output","call_id":"%s","output":"ok"}]}""".formatted(id, id),
                InputFormat.OPENAI_RESPONSES, Target.of("openai:gpt-4o"), Options.DEFAULT);
        JsonNode b = JSON.readTree(t.json());
        String sent = b.at("/messages/1/tool_calls/0/id").asText();
        assertThat(sent).hasSizeLessThanOrEqualTo(40).startsWith("fc_0f0e50a1476a6c35006912c");
        assertThat(b.at("/messages/2/tool_call_id").asText()).isEqualTo(sent);
    }

    @Test
    void aCallIdLongerThanTheResponsesApiTakesIsShortenedAlikeInTheCallAndItsOutput() throws Exception {
        String id = "call_" + "a".repeat(90);
        Translation t = PromptPort.translate("""
                {"model":"c","max_tokens":100,"tools":[{"name":"run","input_schema":{"type":"object"}}],
                 "messages":[{"role":"user","content":"hi"},
                   {"role":"assistant","content":[{"type":"tool_use","id":"%s1","name":"run","input":{}},
                     {"type":"tool_use","id":"%s2","name":"run","input":{}}]},
                   {"role":"user","content":[{"type":"tool_result","tool_use_id":"%s1","content":"1"},
                     {"type":"tool_result","tool_use_id":"%s2","content":"2"}]}]}""".formatted(id, id, id, id),
                Target.of("openai-responses:gpt-5"));
        JsonNode input = JSON.readTree(t.json()).path("input");
        String first = input.at("/1/call_id").asText();
        String second = input.at("/2/call_id").asText();
        assertThat(first).hasSizeLessThanOrEqualTo(64).startsWith("call_aaaa").isNotEqualTo(second);
        assertThat(second).hasSizeLessThanOrEqualTo(64);
        assertThat(input.at("/3/call_id").asText()).isEqualTo(first);
        assertThat(input.at("/4/call_id").asText()).isEqualTo(second);
        String shortId = "toolu_01A09q90qw90lq917835lq9";
        Translation kept = PromptPort.translate("""
                {"model":"c","max_tokens":100,"tools":[{"name":"run","input_schema":{"type":"object"}}],
                 "messages":[{"role":"user","content":"hi"},
                   {"role":"assistant","content":[{"type":"tool_use","id":"%s","name":"run","input":{}}]},
                   {"role":"user","content":[{"type":"tool_result","tool_use_id":"%s","content":"1"}]}]}"""
                .formatted(shortId, shortId), Target.of("openai-responses:gpt-5"));
        assertThat(JSON.readTree(kept.json()).at("/input/1/call_id").asText()).isEqualTo(shortId);
    }

    @Test
    void toolResultsComeFirstInTheirTurnForClaudeWhateverOrderTheOtherVendorUsed() throws Exception {
        Translation t = PromptPort.translate("""
                {"contents":[{"role":"user","parts":[{"text":"Weather?"}]},
                  {"role":"model","parts":[{"functionCall":{"name":"w","args":{}}}]},
                  {"role":"user","parts":[{"text":"Here you go:"},{"functionResponse":{"name":"w","response":{"t":5}}}]}],
                 "tools":[{"functionDeclarations":[{"name":"w","description":"W"}]}]}""",
                InputFormat.GEMINI, CLAUDE, Options.DEFAULT);
        ClaudeSdk.assertValidRequest(t.json());
        JsonNode turn = JSON.readTree(t.json()).at("/messages/2/content");
        assertThat(turn.get(0).path("type").asText()).isEqualTo("tool_result");
        assertThat(turn.get(1).path("text").asText()).isEqualTo("Here you go:");
    }

    /** The user's text in a content of its own between the calls and the responses, and beside a response. */
    private static final String GEMINI_TEXT_BETWEEN = """
            {"contents":[{"role":"user","parts":[{"text":"Weather and time?"}]},
              {"role":"model","parts":[{"functionCall":{"name":"w","args":{}}},{"functionCall":{"name":"t","args":{}}}]},
              {"role":"user","parts":[{"text":"Be quick."}]},
              {"role":"user","parts":[{"functionResponse":{"name":"w","response":{"t":5}}}]},
              {"role":"user","parts":[{"text":"And short."},{"functionResponse":{"name":"t","response":{"h":9}}}]}],
             "tools":[{"functionDeclarations":[{"name":"w","description":"W"},{"name":"t","description":"T"}]}]}""";

    @Test
    void toolResultsComeFirstInTheMessageClaudeGetsWhenTheUsersTextCameInATurnBetweenTheCallAndTheResults()
            throws Exception {
        Translation gemini = PromptPort.translate(GEMINI_TEXT_BETWEEN, InputFormat.GEMINI, CLAUDE, Options.DEFAULT);
        // Chat: a user message between the assistant's tool calls and the tool message
        Translation chat = PromptPort.translate("""
                {"model":"gpt-4o","messages":[{"role":"user","content":"Weather and time?"},
                  {"role":"assistant","content":null,"tool_calls":[
                    {"id":"call_1","type":"function","function":{"name":"w","arguments":"{}"}},
                    {"id":"call_2","type":"function","function":{"name":"t","arguments":"{}"}}]},
                  {"role":"user","content":"Be quick."},
                  {"role":"tool","tool_call_id":"call_1","content":"5"},
                  {"role":"user","content":"And short."},
                  {"role":"tool","tool_call_id":"call_2","content":"9"}],
                 "tools":[{"type":"function","function":{"name":"w","parameters":{"type":"object"}}},
                   {"type":"function","function":{"name":"t","parameters":{"type":"object"}}}]}""",
                InputFormat.OPENAI_CHAT, CLAUDE, Options.DEFAULT);
        // Claude's own request with the text first, which Claude refuses as it came
        Translation claude = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[{"role":"user","content":"Weather and time?"},
                  {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"w","input":{}},
                    {"type":"tool_use","id":"toolu_2","name":"t","input":{}}]},
                  {"role":"user","content":[{"type":"text","text":"Be quick."},
                    {"type":"tool_result","tool_use_id":"toolu_1","content":"5"},{"type":"text","text":"And short."},
                    {"type":"tool_result","tool_use_id":"toolu_2","content":"9"}]}],
                 "tools":[{"name":"w","input_schema":{"type":"object"}},{"name":"t","input_schema":{"type":"object"}}]}""",
                Target.of("anthropic:claude-sonnet-4-5"));
        for (Translation t : List.of(gemini, chat, claude)) {
            ClaudeSdk.assertValidRequest(t.json());
            JsonNode messages = JSON.readTree(t.json()).path("messages");
            assertThat(messages).hasSize(3);
            JsonNode last = messages.get(2).path("content");
            assertThat(last).extracting(b -> b.path("type").asText())
                    .containsExactly("tool_result", "tool_result", "text", "text");
            assertThat(last.get(0).path("tool_use_id").asText()).isEqualTo(messages.get(1).at("/content/0/id").asText());
            assertThat(last.get(1).path("tool_use_id").asText()).isEqualTo(messages.get(1).at("/content/1/id").asText());
            assertThat(last.get(2).path("text").asText()).isEqualTo("Be quick.");
            assertThat(last.get(3).path("text").asText()).isEqualTo("And short.");
            assertThat(ids(t)).doesNotContain("PP204");
        }
        // Chat Completions answers the calls with the very next messages, the user's text after them
        Translation gpt = PromptPort.translate(GEMINI_TEXT_BETWEEN, InputFormat.GEMINI, Target.of("openai:gpt-4o"),
                Options.DEFAULT);
        dev.promptport.spec.OpenAiSpec.require().assertCleanChatRequest(gpt.json());
        assertThat(JSON.readTree(gpt.json()).path("messages")).extracting(m -> m.path("role").asText())
                .containsExactly("user", "assistant", "tool", "tool", "user");
    }

    @Test
    void aTextFileBecomesAClaudeTextDocumentAndAnImageTypeClaudeRefusesIsNamedAndLeftOut() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"gpt-4o","messages":[{"role":"user","content":[
                  {"type":"image_url","image_url":{"url":"data:image/bmp;base64,Qk0="}},
                  {"type":"file","file":{"filename":"rows.csv","file_data":"data:text/csv;base64,YSxiCjEsMg=="}},
                  {"type":"text","text":"Read both."}]}]}""", InputFormat.OPENAI_CHAT, CLAUDE, Options.DEFAULT);
        ClaudeSdk.assertValidRequest(t.json());
        JsonNode doc = JSON.readTree(t.json()).at("/messages/0/content/0");
        assertThat(doc.at("/source/type").asText()).isEqualTo("text");
        assertThat(doc.at("/source/media_type").asText()).isEqualTo("text/plain");
        assertThat(doc.at("/source/data").asText()).isEqualTo("a,b\n1,2");
        assertThat(t.json()).doesNotContain("image/bmp");
        assertThat(t.findings()).anySatisfy(f -> assertThat(f.message()).contains("image/bmp").contains("left out"));

        Translation gpt = PromptPort.translate("""
                {"model":"gpt-4o","messages":[{"role":"user","content":[
                  {"type":"file","file":{"filename":"rows.csv","file_data":"data:text/csv;base64,YSxiCjEsMg=="}}]}]}""",
                InputFormat.OPENAI_CHAT, Target.of("openai:gpt-4o"), Options.DEFAULT);
        assertThat(JSON.readTree(gpt.json()).at("/messages/0/content").toString()).contains("a,b\\n1,2");
    }

    @Test
    void aClaudeImageWithoutAMediaTypeIsNotACrash() {
        // found by the fuzz campaign: the image-type check met a source with no media_type
        Translation t = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[{"role":"user","content":[
                  {"type":"image","source":{"type":"base64","data":"iVBORw0KGgo="}},{"type":"text","text":"What is it?"}]}]}""",
                CLAUDE);
        assertThat(t.json()).contains("iVBORw0KGgo=");
    }

    @Test
    void anItemStoredAtOpenAiIsABlocker() {
        Translation t = PromptPort.translate("""
                {"model":"gpt-5","input":[{"type":"item_reference","id":"msg_123"},{"role":"user","content":"Go on."}]}""",
                InputFormat.OPENAI_RESPONSES, CLAUDE, Options.DEFAULT);
        Finding f = t.findings().stream().filter(x -> x.id().equals("PP175")).findFirst().orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(f.message()).contains("item_reference: msg_123");
    }

    @Test
    void geminisSignedThoughtNeverReachesClaudeWithGeminisSignature() throws Exception {
        Translation t = PromptPort.translate("""
                {"contents":[{"role":"user","parts":[{"text":"2+2?"}]},
                  {"role":"model","parts":[{"text":"Adding.","thought":true,"thoughtSignature":"CiQB0e2Kb"},{"text":"4"}]},
                  {"role":"user","parts":[{"text":"And 3+3?"}]}]}""", InputFormat.GEMINI, CLAUDE, Options.DEFAULT);
        ClaudeSdk.assertValidRequest(t.json());
        assertThat(t.json()).doesNotContain("CiQB0e2Kb").doesNotContain("\"thinking\"").contains("\"4\"");
        assertThat(ids(t)).contains("PP110");
    }

    @Test
    void openAisImageDetailReachesOpenAiAndIsNamedWhereNoOtherVendorHasIt() throws Exception {
        String request = """
                {"model":"gpt-4o","messages":[{"role":"user","content":[
                  {"type":"image_url","image_url":{"url":"https://example.com/r.jpg","detail":"high"}},
                  {"type":"image_url","image_url":{"url":"https://example.com/s.jpg","detail":"auto"}},
                  {"type":"text","text":"VAT?"}]}]}""";
        Translation openai = PromptPort.translate(request, InputFormat.OPENAI_CHAT, Target.of("openai:gpt-4o"), Options.DEFAULT);
        assertThat(JSON.readTree(openai.json()).at("/messages/0/content/0/image_url/detail").asText()).isEqualTo("high");
        assertThat(ids(openai)).doesNotContain("PP192");
        Translation responses = PromptPort.translate(request, InputFormat.OPENAI_CHAT, Target.of("openai-responses:gpt-4o"),
                Options.DEFAULT);
        assertThat(JSON.readTree(responses.json()).at("/input/0/content/0/detail").asText()).isEqualTo("high");

        Translation claude = PromptPort.translate(request, InputFormat.OPENAI_CHAT, CLAUDE, Options.DEFAULT);
        ClaudeSdk.assertValidRequest(claude.json());
        assertThat(claude.json()).doesNotContain("detail");
        // "auto" is what every model does unasked: only "high" is a loss
        assertThat(claude.findings()).filteredOn(f -> f.id().equals("PP192"))
                .extracting(f -> f.location().pointer()).containsExactly("/messages/0/content/0");
    }

    @Test
    void toolCallArgumentsCutOffMidJsonAreKeptUnderRawAndNamedWhereTheyWereWritten() throws Exception {
        String chat = """
                {"model":"gpt-4o","tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}}],
                 "messages":[{"role":"user","content":"a"},
                   {"role":"assistant","tool_calls":[{"id":"c1","type":"function",
                     "function":{"name":"get_weather","arguments":"{\\"city\\": \\"Os"}}]},
                   {"role":"tool","tool_call_id":"c1","content":"x"}]}""";
        for (String target : List.of("anthropic:claude-sonnet-4-5", "openai-responses:gpt-5", "gemini:gemini-2.5-pro",
                "openai:gpt-4o")) {
            Translation t = PromptPort.translate(chat, InputFormat.OPENAI_CHAT, Target.of(target), Options.DEFAULT);
            assertThat(t.json()).as(target).contains("_raw");
            assertThat(t.findings()).as(target).filteredOn(f -> f.id().equals("PP223"))
                    .singleElement().satisfies(f -> {
                        assertThat(f.location().pointer()).isEqualTo("/messages/1/tool_calls/0/function/arguments");
                        assertThat(f.message()).contains("\"get_weather\" (c1)").contains("{\"city\": \"Os").contains(target);
                    });
            if (target.startsWith("anthropic")) {
                ClaudeSdk.assertValidRequest(t.json());
            }
            if (target.startsWith("openai-responses")) {
                dev.promptport.spec.OpenAiSpec.require().assertCleanResponsesRequest(t.json());
            }
        }
        Translation responses = PromptPort.translate("""
                {"model":"gpt-5","input":[{"role":"user","content":"a"},
                  {"type":"function_call","call_id":"c1","name":"f","arguments":"{not json"},
                  {"type":"function_call_output","call_id":"c1","output":"x"}]}""",
                InputFormat.OPENAI_RESPONSES, CLAUDE, Options.DEFAULT);
        assertThat(responses.findings()).filteredOn(f -> f.id().equals("PP223"))
                .extracting(f -> f.location().pointer()).containsExactly("/input/1/arguments");
    }

    @Test
    void aResponsesItemOfAnUnknownTypeIsNamedAsAnInputItemAndOneWithoutTypeOrRoleIsRefusedWhereItIs() {
        Translation t = PromptPort.translate("""
                {"model":"gpt-5","input":[{"role":"user","content":"Hi"},{"type":"bogus_item","x":1}]}""",
                InputFormat.OPENAI_RESPONSES, CLAUDE, Options.DEFAULT);
        assertThat(t.findings()).filteredOn(f -> f.id().equals("PP129")).singleElement().satisfies(f -> {
            assertThat(f.location().pointer()).isEqualTo("/input/1");
            assertThat(f.message()).startsWith("An input item of type \"bogus_item\" is not one promptport knows");
        });
        // an item reference may leave out its type
        Translation reference = PromptPort.translate("""
                {"model":"gpt-5","input":[{"id":"msg_123"},{"role":"user","content":"Go on."}]}""",
                InputFormat.OPENAI_RESPONSES, CLAUDE, Options.DEFAULT);
        assertThat(ids(reference)).contains("PP175").doesNotContain("PP129");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PromptPort.translate("""
                {"model":"gpt-5","input":[{"role":"user","content":"Hi"},{"x":1}]}""",
                InputFormat.OPENAI_RESPONSES, CLAUDE, Options.DEFAULT))
                .isInstanceOfSatisfying(PromptPortException.class, e -> {
                    assertThat(e.location().pointer()).isEqualTo("/input/1");
                    assertThat(e.getMessage()).contains("neither a \"type\" nor a \"role\"");
                });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PromptPort.translate("""
                {"model":"gpt-5","input":42}""", InputFormat.OPENAI_RESPONSES, CLAUDE, Options.DEFAULT))
                .isInstanceOfSatisfying(PromptPortException.class, e -> {
                    assertThat(e.location().pointer()).isEqualTo("/input");
                    assertThat(e.getMessage()).contains("\"input\" must be a string or an array of input items, not a number");
                });
    }
}
