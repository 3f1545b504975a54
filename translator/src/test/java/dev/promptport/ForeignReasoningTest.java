package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptport.reply.ReplyContext;
import dev.promptport.reply.ReplyFormat;
import dev.promptport.reply.Replies;
import dev.promptport.tree.ReasoningSignature;
import dev.promptport.tree.ReasoningSignature.Signer;
import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.ids;
import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reasoning in the history that another vendor wrote during a failover: it goes back to the
 * vendor that signed it, and never to Claude, which refuses a thinking block it did not sign.
 */
class ForeignReasoningTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Target SONNET = Target.of("anthropic:claude-sonnet-4-5");
    private static final Target GEMINI_PRO = Target.of("gemini:gemini-2.5-pro");

    private static final String GEMINI_CALL_REPLY = """
            {"candidates":[{"content":{"role":"model","parts":[
               {"text":"Look the stock up first.","thought":true},
               {"functionCall":{"name":"get_stock","args":{"sku":"A-113"}},"thoughtSignature":"CiQBcsjafQ=="}]},
             "finishReason":"STOP"}],"modelVersion":"gemini-2.5-pro"}""";

    private static final String RESPONSES_CALL_REPLY = """
            {"id":"resp_1","object":"response","status":"completed","model":"o3","output":[
              {"type":"reasoning","id":"rs_9","summary":[{"type":"summary_text","text":"Look the stock up."}],
               "encrypted_content":"gAAAAABoQ"},
              {"type":"function_call","id":"fc_1","call_id":"call_1","name":"get_stock","arguments":"{\\"sku\\":\\"A-113\\"}"}]}""";

    @Test
    void signaturesOfOtherVendorsAreMarkedSoTheyNeverPassForClaudes() {
        assertThat(ReasoningSignature.of("EqQBCkYIARgCIkBr7hK2mQ")).isEqualTo(
                new ReasoningSignature(Signer.CLAUDE, "EqQBCkYIARgCIkBr7hK2mQ", null));
        assertThat(ReasoningSignature.of(ReasoningSignature.gemini("CiQB"))).isEqualTo(
                new ReasoningSignature(Signer.GEMINI, "CiQB", null));
        assertThat(ReasoningSignature.of(ReasoningSignature.openAi("rs_9", "gAAA:B"))).isEqualTo(
                new ReasoningSignature(Signer.OPENAI, "gAAA:B", "rs_9"));
        assertThat(ReasoningSignature.of("")).isNull();
        assertThat(ReasoningSignature.of(null)).isNull();
        assertThat(ReasoningSignature.of("promptport:gemini:")).isNull();
        assertThat(ReasoningSignature.of("promptport:openai:no-colon")).isNull();
        assertThat(ReasoningSignature.of("promptport:mistral:abc")).isNull();
    }

    @Test
    void geminiThinkingFromAFailoverGoesBackToGeminiWithItsSignatureOnTheFunctionCall() throws Exception {
        Translation t = PromptPort.translate(history(GEMINI_CALL_REPLY, ReplyFormat.GEMINI, false), GEMINI_PRO);
        JsonNode parts = json(t).at("/contents/1/parts");
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).path("thought").asBoolean()).isTrue();
        assertThat(parts.get(0).path("text").asText()).isEqualTo("Look the stock up first.");
        assertThat(parts.get(0).has("thoughtSignature")).isFalse();
        assertThat(parts.get(1).path("thoughtSignature").asText()).isEqualTo("CiQBcsjafQ==");
        assertThat(parts.get(1).at("/functionCall/name").asText()).isEqualTo("get_stock");
        assertThat(ids(t)).doesNotContain("PP110");
    }

    @Test
    void claudeGetsNoThinkingBlockAnotherVendorSignedAndTurnsThinkingOffForThatToolLoop() throws Exception {
        for (String request : new String[] {history(GEMINI_CALL_REPLY, ReplyFormat.GEMINI, true),
                history(RESPONSES_CALL_REPLY, ReplyFormat.OPENAI_RESPONSES, true)}) {
            Translation t = PromptPort.translate(request, SONNET);
            dev.promptport.spec.ClaudeSdk.assertValidRequest(t.json());
            JsonNode assistant = json(t).at("/messages/1/content");
            assertThat(assistant).hasSize(1);
            assertThat(assistant.get(0).path("type").asText()).isEqualTo("tool_use");
            assertThat(json(t).has("thinking")).isFalse();
            assertThat(ids(t)).contains("PP110", "PP186");
        }
    }

    @Test
    void claudesOwnSignedThinkingStaysAndSoDoesTheThinkingSetting() throws Exception {
        String request = history(GEMINI_CALL_REPLY, ReplyFormat.GEMINI, true)
                .replace("promptport:gemini:CiQBcsjafQ==", "EqQBCkYIARgCIkBr7hK2mQ");
        Translation t = PromptPort.translate(request, SONNET);
        assertThat(json(t).at("/messages/1/content/0/signature").asText()).isEqualTo("EqQBCkYIARgCIkBr7hK2mQ");
        assertThat(json(t).at("/thinking/type").asText()).isEqualTo("enabled");
        assertThat(ids(t)).doesNotContain("PP110", "PP186");
    }

    @Test
    void thinkingStaysOnOnceTheToolLoopIsOverAndANewQuestionIsAsked() throws Exception {
        ObjectNode req = (ObjectNode) JSON.readTree(history(GEMINI_CALL_REPLY, ReplyFormat.GEMINI, true));
        ((ArrayNode) req.get("messages")).addObject().put("role", "assistant").put("content", "42 units are left.");
        ((ArrayNode) req.get("messages")).addObject().put("role", "user").put("content", "And of A-114?");
        Translation t = PromptPort.translate(req.toString(), SONNET);
        assertThat(json(t).at("/thinking/type").asText()).isEqualTo("enabled");
        assertThat(ids(t)).contains("PP110").doesNotContain("PP186");
    }

    @Test
    void emptySignaturesOfOpenAiCompatibleReasoningReachNoClaudeRequest() throws Exception {
        String reply = """
                {"id":"c1","object":"chat.completion","model":"deepseek-reasoner","choices":[{"index":0,
                  "message":{"role":"assistant","content":"Paris.","reasoning_content":"The capital of France."},
                  "finish_reason":"stop"}]}""";
        ObjectNode req = (ObjectNode) JSON.readTree(history(reply, ReplyFormat.OPENAI_CHAT, false));
        assertThat(req.at("/messages/1/content/0/signature").asText()).isEmpty();
        Translation t = PromptPort.translate(req.toString(), SONNET);
        dev.promptport.spec.ClaudeSdk.assertValidRequest(t.json());
        assertThat(json(t).at("/messages/1/content")).hasSize(1);
        assertThat(ids(t)).contains("PP110");
    }

    @Test
    void openAiReasoningGoesBackToTheResponsesApiAsTheItemItCameAs() throws Exception {
        String request = history(RESPONSES_CALL_REPLY, ReplyFormat.OPENAI_RESPONSES, true);
        Translation t = PromptPort.translate(request, Target.of("openai-responses:o3"));
        dev.promptport.spec.OpenAiSpec.require().assertCleanResponsesRequest(t.json());
        JsonNode input = json(t).path("input");
        assertThat(input.get(1).path("type").asText()).isEqualTo("reasoning");
        assertThat(input.get(1).path("id").asText()).isEqualTo("rs_9");
        assertThat(input.get(1).path("encrypted_content").asText()).isEqualTo("gAAAAABoQ");
        assertThat(input.get(1).at("/summary/0/text").asText()).isEqualTo("Look the stock up.");
        assertThat(input.get(2).path("type").asText()).isEqualTo("function_call");
        assertThat(ids(t)).doesNotContain("PP110");

        Translation noReasoning = PromptPort.translate(request, Target.of("openai-responses:gpt-4o"));
        assertThat(json(noReasoning).path("input").findValues("type")).extracting(JsonNode::asText)
                .doesNotContain("reasoning");
        assertThat(ids(noReasoning)).contains("PP110");
    }

    @Test
    void aGeminiReplysSignedTextGoesBackToGeminiAsOneTextPartCarryingItsSignature() throws Exception {
        // Gemini 3 signs the last part of a reply without calls; read back, the signature is a
        // thinking block after the text, and it returns inside that text part, as Gemini sent it,
        // not as a thought part of its own with no text
        String reply = """
                {"candidates":[{"content":{"role":"model","parts":[
                   {"text":"The capital of France"},{"text":" is Paris.","thoughtSignature":"EpQCCpEC"}]},
                 "finishReason":"STOP"}],"modelVersion":"gemini-3-pro-preview"}""";
        Translation t = PromptPort.translate(history(reply, ReplyFormat.GEMINI, false), GEMINI_PRO);
        assertThat(json(t).at("/contents/1")).isEqualTo(JSON.readTree("""
                {"role":"model","parts":[{"text":"The capital of France is Paris.","thoughtSignature":"EpQCCpEC"}]}"""));
        assertThat(json(t).at("/contents/2/parts/0/text").asText()).isEqualTo("Thanks. Why?");
    }

    @Test
    void aGeminiReplysSignedTextBeforeASignedCallGoesBackWithEachSignatureOnItsOwnPart() throws Exception {
        // block/goose's case: a signed text, a signed call and an unsigned one. Read back, the two
        // signatures are blocks side by side between the text and the calls; the second is the
        // call's, so the first can only be the text's
        String reply = """
                {"candidates":[{"content":{"role":"model","parts":[
                   {"text":"Checking both.","thoughtSignature":"SIG_TEXT"},
                   {"functionCall":{"name":"get_stock","args":{"sku":"A-113"}},"thoughtSignature":"SIG_CALL"},
                   {"functionCall":{"name":"get_price","args":{"sku":"B-7"}}}]},
                 "finishReason":"STOP"}],"modelVersion":"gemini-3-pro-preview"}""";
        Translation t = PromptPort.translate(history(reply, ReplyFormat.GEMINI, false), GEMINI_PRO);
        JsonNode parts = json(t).at("/contents/1/parts");
        assertThat(parts).hasSize(3);
        assertThat(parts.get(0)).isEqualTo(JSON.readTree("{\"text\":\"Checking both.\",\"thoughtSignature\":\"SIG_TEXT\"}"));
        assertThat(parts.get(1).path("thoughtSignature").asText()).isEqualTo("SIG_CALL");
        assertThat(parts.get(1).at("/functionCall/args/sku").asText()).isEqualTo("A-113");
        assertThat(parts.get(2).has("thoughtSignature")).isFalse();
        assertThat(parts.get(2).at("/functionCall/args/sku").asText()).isEqualTo("B-7");
    }

    @Test
    void aGeminiRequestsSignedTextPartsGoBackToGeminiOnTheSamePartsWhereverTheyStand() throws Exception {
        String model = """
                {"role":"model","parts":[{"text":"First."},{"text":"Second.","thoughtSignature":"S1"},
                 {"text":"Third.","thoughtSignature":"S2"}]}""";
        String gemini = """
                {"contents":[{"role":"user","parts":[{"text":"Count."}]},%s,
                 {"role":"user","parts":[{"text":"Again."}]}]}""".formatted(model);
        Translation back = PromptPort.translate(gemini, InputFormat.GEMINI, GEMINI_PRO, Options.DEFAULT);
        assertThat(json(back).at("/contents/1")).isEqualTo(JSON.readTree(model));
    }

    @Test
    void aGeminiRequestsOwnThoughtSignaturesGoBackToGeminiButNotToClaude() throws Exception {
        String gemini = """
                {"contents":[{"role":"user","parts":[{"text":"Stock of A-113?"}]},
                 {"role":"model","parts":[{"functionCall":{"name":"get_stock","args":{"sku":"A-113"}},"thoughtSignature":"CiQB"}]},
                 {"role":"user","parts":[{"functionResponse":{"name":"get_stock","response":{"units":42}}}]}],
                 "tools":[{"functionDeclarations":[{"name":"get_stock","parameters":{"type":"object","properties":{"sku":{"type":"string"}}}}]}]}""";
        Translation back = PromptPort.translate(gemini, InputFormat.GEMINI, GEMINI_PRO, Options.DEFAULT);
        assertThat(json(back).at("/contents/1/parts")).hasSize(1);
        assertThat(json(back).at("/contents/1/parts/0/thoughtSignature").asText()).isEqualTo("CiQB");

        Translation claude = PromptPort.translate(gemini, InputFormat.GEMINI, SONNET, Options.DEFAULT);
        dev.promptport.spec.ClaudeSdk.assertValidRequest(claude.json());
        assertThat(claude.json()).doesNotContain("CiQB");
        assertThat(ids(claude)).contains("PP110");
    }

    @Test
    void twoSignedThoughtsInOneReplyBecomeTwoThinkingBlocks() throws Exception {
        String reply = """
                {"candidates":[{"content":{"role":"model","parts":[
                   {"text":"First.","thought":true,"thoughtSignature":"AAA"},
                   {"text":"Second.","thought":true,"thoughtSignature":"BBB"},
                   {"text":"Done."}]},"finishReason":"STOP"}]}""";
        JsonNode content = JSON.readTree(Replies.toAnthropic(reply, ReplyFormat.GEMINI, ReplyContext.NONE)).path("content");
        assertThat(content).hasSize(3);
        assertThat(content.get(0).path("signature").asText()).isEqualTo("promptport:gemini:AAA");
        assertThat(content.get(1).path("thinking").asText()).isEqualTo("Second.");
        assertThat(content.get(1).path("signature").asText()).isEqualTo("promptport:gemini:BBB");
    }

    @Test
    void geminiThreeGetsGooglesPlaceholderSignatureOnTheFirstCallOfEachStepAnotherModelMade() throws Exception {
        String request = """
                {"model":"claude-sonnet-4-5","max_tokens":4096,
                 "tools":[{"name":"get_stock","input_schema":{"type":"object"}},{"name":"get_price","input_schema":{"type":"object"}}],
                 "messages":[
                  {"role":"user","content":"Stock of A-100?"},
                  {"role":"assistant","content":[{"type":"tool_use","id":"t0","name":"get_stock","input":{}}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"t0","content":"3"}]},
                  {"role":"assistant","content":"3 left."},
                  {"role":"user","content":"Stock and price of A-113?"},
                  {"role":"assistant","content":[{"type":"text","text":"Checking."},
                    {"type":"tool_use","id":"t1","name":"get_stock","input":{}},{"type":"tool_use","id":"t2","name":"get_price","input":{}}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"42"},
                    {"type":"tool_result","tool_use_id":"t2","content":"9.50"}]},
                  {"role":"assistant","content":[{"type":"tool_use","id":"t3","name":"get_stock","input":{}}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"t3","content":"42"}]}]}""";
        Translation t = PromptPort.translate(request, Target.of("gemini:gemini-3-pro-preview"));
        JsonNode contents = json(t).path("contents");
        // the finished turn before the last question is not checked, so it gets none
        assertThat(contents.at("/1/parts/0").has("thoughtSignature")).isFalse();
        assertThat(contents.at("/5/parts/0").has("thoughtSignature")).isFalse();
        assertThat(contents.at("/5/parts/1/thoughtSignature").asText()).isEqualTo("skip_thought_signature_validator");
        assertThat(contents.at("/5/parts/2").has("thoughtSignature")).isFalse();
        assertThat(contents.at("/7/parts/0/thoughtSignature").asText()).isEqualTo("skip_thought_signature_validator");
        assertThat(Translations.finding(t, "PP187").message()).startsWith("2 tool call(s)")
                .contains("no thought signature (the token Gemini attaches to each call it makes");

        Translation older = PromptPort.translate(request, GEMINI_PRO);
        assertThat(older.json()).doesNotContain("thoughtSignature");
        assertThat(ids(older)).doesNotContain("PP187");
    }

    @Test
    void aCallGeminiSignedKeepsItsOwnSignatureOnGeminiThree() throws Exception {
        Translation t = PromptPort.translate(history(GEMINI_CALL_REPLY, ReplyFormat.GEMINI, false),
                Target.of("gemini:gemini-3-flash-preview"));
        assertThat(json(t).at("/contents/1/parts/1/thoughtSignature").asText()).isEqualTo("CiQBcsjafQ==");
        assertThat(ids(t)).doesNotContain("PP187", "PP110");
    }

    @Test
    void geminiThreeTakesItsThinkingAsALevelAndReadsOneBack() throws Exception {
        String budget = """
                {"model":"claude-sonnet-4-5","max_tokens":20000,"thinking":{"type":"enabled","budget_tokens":16000},
                 "messages":[{"role":"user","content":"Prove it."}]}""";
        Translation pro = PromptPort.translate(budget, Target.of("gemini:gemini-3-pro-preview"));
        assertThat(json(pro).at("/generationConfig/thinkingConfig/thinkingLevel").asText()).isEqualTo("high");
        assertThat(json(pro).at("/generationConfig/thinkingConfig/includeThoughts").asBoolean()).isTrue();
        assertThat(json(pro).at("/generationConfig/thinkingConfig").has("thinkingBudget")).isFalse();

        Translation off = PromptPort.translate(budget.replace("\"type\":\"enabled\",\"budget_tokens\":16000",
                "\"type\":\"disabled\""), Target.of("gemini:gemini-3-flash-preview"));
        assertThat(json(off).at("/generationConfig/thinkingConfig/thinkingLevel").asText()).isEqualTo("minimal");
        assertThat(ids(off)).contains("PP135");

        String gemini = """
                {"contents":[{"role":"user","parts":[{"text":"Prove it."}]}],
                 "generationConfig":{"thinkingConfig":{"thinkingLevel":"LOW"}}}""";
        Translation o3 = PromptPort.translate(gemini, InputFormat.GEMINI, Target.of("openai:o3"), Options.DEFAULT);
        assertThat(json(o3).path("reasoning_effort").asText()).isEqualTo("low");
        assertThat(ids(o3)).doesNotContain("PP115");
    }

    @Test
    void deepSeeksReasoningGoesBackAsItsReasoningContentAndClaudesDoesNot() throws Exception {
        String reply = """
                {"id":"c1","object":"chat.completion","model":"deepseek-reasoner","choices":[{"index":0,
                  "message":{"role":"assistant","content":"","reasoning_content":"Need the stock tool.",
                   "tool_calls":[{"id":"call_0","type":"function","function":{"name":"get_stock","arguments":"{}"}}]},
                  "finish_reason":"tool_calls"}]}""";
        String request = history(reply, ReplyFormat.OPENAI_CHAT, false);
        Translation deepSeek = PromptPort.translate(request, Target.of("deepseek:deepseek-reasoner"));
        assertThat(json(deepSeek).at("/messages/1/reasoning_content").asText()).isEqualTo("Need the stock tool.");
        assertThat(ids(deepSeek)).doesNotContain("PP110");

        Translation claudeSigned = PromptPort.translate(request.replace("\"signature\":\"\"", "\"signature\":\"EqQBCkYI\""),
                Target.of("deepseek:deepseek-reasoner"));
        assertThat(json(claudeSigned).at("/messages/1/reasoning_content").asText()).isEqualTo(" ");
        assertThat(ids(claudeSigned)).contains("PP110");

        Translation gpt = PromptPort.translate(request, Target.of("openai:gpt-4o"));
        assertThat(json(gpt).at("/messages/1").has("reasoning_content")).isFalse();
        assertThat(ids(gpt)).contains("PP110");
    }

    /**
     * An Anthropic request whose history holds the vendor's reply, translated back, and the
     * results of its tool calls; with {@code thinking} on when asked.
     */
    private static String history(String vendorReply, ReplyFormat format, boolean thinking) throws Exception {
        JsonNode reply = JSON.readTree(Replies.toAnthropic(vendorReply, format, ReplyContext.NONE));
        ObjectNode req = JSON.createObjectNode().put("model", "claude-sonnet-4-5").put("max_tokens", 8000);
        if (thinking) {
            req.putObject("thinking").put("type", "enabled").put("budget_tokens", 2048);
        }
        ArrayNode messages = req.putArray("messages");
        messages.addObject().put("role", "user").put("content", "How many units of SKU A-113 are left?");
        messages.addObject().put("role", "assistant").set("content", reply.path("content"));
        ArrayNode results = JSON.createArrayNode();
        for (JsonNode block : reply.path("content")) {
            if (block.path("type").asText().equals("tool_use")) {
                results.addObject().put("type", "tool_result").put("tool_use_id", block.path("id").asText()).put("content", "42");
                req.withArray("tools").addObject().put("name", block.path("name").asText())
                        .putObject("input_schema").put("type", "object");
            }
        }
        if (!results.isEmpty()) {
            messages.addObject().put("role", "user").set("content", results);
        } else {
            messages.addObject().put("role", "user").put("content", "Thanks. Why?");
        }
        return req.toString();
    }
}
