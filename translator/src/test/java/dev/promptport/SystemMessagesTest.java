package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.spec.OpenAiSpec;
import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.finding;
import static dev.promptport.Translations.ids;
import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A system message inside Claude's conversation (an instruction from that point on) reaches each
 * target at its place where the target takes one, and is named where it cannot stay there.
 */
class SystemMessagesTest {

    private static final String MID = """
            {"model":"claude-sonnet-4-5","max_tokens":300,"system":"You are a pirate.",
             "messages":[
              {"role":"user","content":"Hi"},
              {"role":"assistant","content":"Ahoy!"},
              {"role":"system","content":"From now on answer in French."},
              {"role":"user","content":"What is 2+2?"}]}""";

    @Test
    void claudeBeforeOpus48GetsAMidConversationSystemMessageInItsSystemTextNamed() throws Exception {
        // Claude Sonnet 4.5 refuses role "system" in messages ("Unexpected role \"system\"")
        Translation t = PromptPort.translate(MID, Target.of("anthropic:claude-sonnet-4-5"));
        JsonNode out = json(t);
        assertThat(out.path("system").toString()).contains("You are a pirate.", "From now on answer in French.");
        assertThat(out.at("/messages").findValuesAsText("role")).containsExactly("user", "assistant", "user");
        assertThat(finding(t, "PP214").location().pointer()).isEqualTo("/messages/2");
        assertThat(finding(t, "PP214").message()).contains("anthropic:claude-sonnet-4-5", "the top-level system");
    }

    @Test
    void aClaudeModelThatTakesSystemMessagesKeepsOneAtItsPlace() throws Exception {
        ModelFacts f = Target.of("anthropic:claude-opus-4-5").facts();
        java.util.Set<String> takes = new java.util.HashSet<>(f.takes());
        takes.add("system_messages");
        Target opus48 = new Target("anthropic", "claude-opus-4-8", new ModelFacts(f.wire(), f.contextWindow(), f.maxOutput(),
                f.systemRole(), f.reasoning(), f.efforts(), f.outputLimitField(), f.vision(), f.pdf(), f.tools(),
                f.parallelToolCalls(), f.stopLimit(), f.rejects(), f.structure(), f.maxTools(), f.tokenizer(), f.hostedTools(),
                f.prefill(), f.budgetMin(), f.budgetMax(), takes, f.defaultEffort()));
        Translation t = PromptPort.translate(MID, opus48);
        JsonNode m = json(t).at("/messages/2");
        assertThat(m.path("role").asText()).isEqualTo("system");
        assertThat(m.toString()).contains("From now on answer in French.");
        assertThat(ids(t)).doesNotContain("PP214");
    }

    @Test
    void openAiChatGetsASystemMessageAtTheSamePlace() throws Exception {
        Translation t = PromptPort.translate(MID, Target.of("openai:gpt-4o"));
        JsonNode messages = json(t).at("/messages");
        assertThat(messages).hasSize(5);
        assertThat(messages.get(0).path("content").asText()).isEqualTo("You are a pirate.");
        assertThat(messages.get(3).path("role").asText()).isEqualTo("system");
        assertThat(messages.get(3).path("content").asText()).isEqualTo("From now on answer in French.");
        assertThat(ids(t)).doesNotContain("PP214");
        OpenAiSpec.require().assertCleanChatRequest(t.json());
        // a reasoning model takes system text as developer messages, the top one and this one alike
        JsonNode o3 = json(PromptPort.translate(MID, Target.of("openai:o3"))).at("/messages");
        assertThat(o3.get(3).path("role").asText()).isEqualTo(o3.get(0).path("role").asText());
    }

    @Test
    void openAiResponsesGetsASystemMessageItemAtTheSamePlace() throws Exception {
        Translation t = PromptPort.translate(MID, Target.of("openai-responses:gpt-5"));
        JsonNode out = json(t);
        assertThat(out.path("instructions").asText()).isEqualTo("You are a pirate.");
        JsonNode item = out.at("/input/2");
        assertThat(item.path("role").asText()).isIn("system", "developer");
        assertThat(item.path("content").asText()).isEqualTo("From now on answer in French.");
        OpenAiSpec.require().assertCleanResponsesRequest(t.json());
    }

    @Test
    void geminiGetsItInTheSystemInstructionAndItsLostPlaceIsNamed() throws Exception {
        Translation t = PromptPort.translate(MID, Target.of("gemini:gemini-2.5-pro"));
        JsonNode out = json(t);
        assertThat(out.at("/systemInstruction").toString()).contains("You are a pirate.", "From now on answer in French.");
        assertThat(out.at("/contents").toString()).doesNotContain("French");
        assertThat(out.at("/contents")).hasSize(3);
        assertThat(finding(t, "PP214").location().pointer()).isEqualTo("/messages/2");
        assertThat(finding(t, "PP214").message()).contains("gemini:gemini-2.5-pro");
    }

    @Test
    void aSystemMessageBeforeAnyOtherLosesNoPlaceOnGemini() throws Exception {
        String first = """
                {"model":"claude-sonnet-4-5","max_tokens":300,
                 "messages":[{"role":"system","content":"Only answer yes."},{"role":"user","content":"Is it?"}]}""";
        Translation t = PromptPort.translate(first, Target.of("gemini:gemini-2.5-pro"));
        assertThat(json(t).at("/systemInstruction").toString()).contains("Only answer yes.");
        assertThat(ids(t)).doesNotContain("PP214");
    }

    private static final String BLOCK = """
            {"model":"claude-sonnet-4-5","max_tokens":300,
             "messages":[
              {"role":"user","content":"Hi"},
              {"role":"assistant","content":"Hello!"},
              {"role":"user","content":[
                {"type":"mid_conv_system","content":[{"type":"text","text":"Answer in French from now on."}]},
                {"type":"text","text":"What is 2+2?"}]}]}""";

    @Test
    void aMidConversationSystemBlockIsASystemInstructionAtItsPlace() throws Exception {
        Translation chat = PromptPort.translate(BLOCK, Target.of("openai:gpt-4o"));
        JsonNode messages = json(chat).at("/messages");
        assertThat(messages).hasSize(4);
        assertThat(messages.get(2).path("role").asText()).isEqualTo("system");
        assertThat(messages.get(2).path("content").asText()).isEqualTo("Answer in French from now on.");
        assertThat(messages.get(3).path("content").asText()).isEqualTo("What is 2+2?");
        assertThat(ids(chat)).doesNotContain("PP129");
        OpenAiSpec.require().assertCleanChatRequest(chat.json());

        Translation gemini = PromptPort.translate(BLOCK, Target.of("gemini:gemini-2.5-pro"));
        assertThat(json(gemini).at("/systemInstruction").toString()).contains("Answer in French from now on.");
        assertThat(finding(gemini, "PP214").location().pointer()).isEqualTo("/messages/2/content/0");

        Translation claude = PromptPort.translate(BLOCK, Target.of("anthropic:claude-sonnet-4-5"));
        assertThat(json(claude).path("system").toString()).contains("Answer in French from now on.");
        assertThat(json(claude).at("/messages").findValuesAsText("role")).doesNotContain("system");
        assertThat(json(claude).toString()).contains("What is 2+2?");
        assertThat(ids(claude)).contains("PP214");
    }

    private static final String CHAT_MID = """
            {"model":"gpt-4o","max_tokens":300,
             "messages":[
              {"role":"system","content":"You are a pirate."},
              {"role":"user","content":"Hi"},
              {"role":"assistant","content":"Ahoy!"},
              {"role":"developer","content":"Now switch to Spanish."},
              {"role":"user","content":"What is 2+2?"}]}""";

    @Test
    void aChatSystemMessageInsideTheConversationKeepsItsPlaceAndIsNamedWhereItCannot() throws Exception {
        Translation chat = PromptPort.translate(CHAT_MID, InputFormat.OPENAI_CHAT, Target.of("openai:gpt-4o"),
                Options.DEFAULT);
        JsonNode messages = json(chat).at("/messages");
        assertThat(messages).hasSize(5);
        assertThat(messages.get(0).path("content").asText()).isEqualTo("You are a pirate.");
        assertThat(messages.get(3).path("role").asText()).isEqualTo("system");
        assertThat(messages.get(3).path("content").asText()).isEqualTo("Now switch to Spanish.");
        OpenAiSpec.require().assertCleanChatRequest(chat.json());

        Translation claude = PromptPort.translate(CHAT_MID, InputFormat.OPENAI_CHAT,
                Target.of("anthropic:claude-sonnet-4-5"), Options.DEFAULT);
        assertThat(json(claude).path("system").toString()).contains("You are a pirate.", "Now switch to Spanish.");
        assertThat(finding(claude, "PP214").location().pointer()).isEqualTo("/messages/3");

        Translation gemini = PromptPort.translate(CHAT_MID, InputFormat.OPENAI_CHAT, Target.of("gemini:gemini-2.5-pro"),
                Options.DEFAULT);
        assertThat(json(gemini).at("/systemInstruction").toString()).contains("You are a pirate.", "Now switch to Spanish.");
        assertThat(finding(gemini, "PP214").location().pointer()).isEqualTo("/messages/3");
    }

    @Test
    void aResponsesSystemItemInsideTheConversationKeepsItsPlace() throws Exception {
        String responses = """
                {"model":"gpt-5","instructions":"You are a pirate.","input":[
                  {"role":"user","content":"Hi"},
                  {"role":"assistant","content":"Ahoy!"},
                  {"role":"system","content":"Now switch to Spanish."},
                  {"role":"user","content":"What is 2+2?"}]}""";
        Translation t = PromptPort.translate(responses, InputFormat.OPENAI_RESPONSES, Target.of("openai-responses:gpt-5"),
                Options.DEFAULT);
        JsonNode out = json(t);
        assertThat(out.path("instructions").asText()).isEqualTo("You are a pirate.");
        assertThat(out.at("/input/2/role").asText()).isIn("system", "developer");
        assertThat(out.at("/input/2").toString()).contains("Now switch to Spanish.");
        assertThat(ids(t)).doesNotContain("PP214");
    }

    @Test
    void aConversationOfSystemMessagesAloneGetsAUserTurnForClaudeAndGemini() throws Exception {
        String only = """
                {"model":"claude-sonnet-4-5","max_tokens":300,
                 "messages":[{"role":"system","content":"Be brief."}]}""";
        Translation claude = PromptPort.translate(only, Target.of("anthropic:claude-sonnet-4-5"));
        JsonNode messages = json(claude).at("/messages");
        assertThat(json(claude).path("system").toString()).contains("Be brief.");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).path("role").asText()).isEqualTo("user");
        assertThat(finding(claude, "PP185").location().pointer()).startsWith("/messages/0");

        Translation gemini = PromptPort.translate(only, Target.of("gemini:gemini-2.5-pro"));
        assertThat(json(gemini).at("/systemInstruction").toString()).contains("Be brief.");
        assertThat(json(gemini).at("/contents/0/role").asText()).isEqualTo("user");
        assertThat(ids(gemini)).contains("PP185");

        // OpenAI answers system text alone
        Translation gpt = PromptPort.translate(only, Target.of("openai:gpt-4o"));
        assertThat(json(gpt).at("/messages")).hasSize(1);
        assertThat(ids(gpt)).doesNotContain("PP185");
        OpenAiSpec.require().assertCleanChatRequest(gpt.json());
    }

    @Test
    void systemMessagesBeforeAPrefillGetAUserTurnBetweenThemForClaude() throws Exception {
        String prefill = """
                {"model":"claude-sonnet-4-5","max_tokens":300,
                 "messages":[{"role":"system","content":"Answer in JSON."},{"role":"assistant","content":"{"}]}""";
        Translation claude = PromptPort.translate(prefill, Target.of("anthropic:claude-sonnet-4-5"));
        JsonNode messages = json(claude).at("/messages");
        assertThat(json(claude).path("system").toString()).contains("Answer in JSON.");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).path("role").asText()).isEqualTo("user");
        // the prefill stays last, where Claude continues it
        assertThat(messages.get(1).path("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(1).toString()).contains("{");
        assertThat(ids(claude)).contains("PP185");

        // other targets turn the prefill into a user turn of its own, which the request then has
        Translation gemini = PromptPort.translate(prefill, Target.of("gemini:gemini-2.5-pro"));
        assertThat(json(gemini).at("/contents")).hasSize(1);
        assertThat(json(gemini).at("/contents/0/role").asText()).isEqualTo("user");
        assertThat(ids(gemini)).doesNotContain("PP185");
        Translation gpt = PromptPort.translate(prefill, Target.of("openai:gpt-4o"));
        assertThat(json(gpt).at("/messages/1/role").asText()).isEqualTo("user");
        OpenAiSpec.require().assertCleanChatRequest(gpt.json());
    }

    @Test
    void aPrefillAloneGetsAUserTurnBeforeItForClaude() throws Exception {
        String prefill = """
                {"model":"claude-sonnet-4-5","max_tokens":300,
                 "messages":[{"role":"assistant","content":"Once upon a time"}]}""";
        Translation claude = PromptPort.translate(prefill, Target.of("anthropic:claude-sonnet-4-5"));
        JsonNode messages = json(claude).at("/messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).path("role").asText()).isEqualTo("user");
        assertThat(messages.get(0).toString()).contains("Please continue.");
        // the prefill stays last, where Claude continues it
        assertThat(messages.get(1).path("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(1).toString()).contains("Once upon a time");
        assertThat(finding(claude, "PP185").location().pointer()).isEqualTo("/messages/0");
        assertThat(finding(claude, "PP185").message()).contains("holds an assistant turn but no user message").contains("Please continue.");

        // other targets turn the prefill into a user turn of its own, which the request then has
        Translation gemini = PromptPort.translate(prefill, Target.of("gemini:gemini-2.5-pro"));
        assertThat(json(gemini).at("/contents")).hasSize(1);
        assertThat(json(gemini).at("/contents/0/role").asText()).isEqualTo("user");
        assertThat(ids(gemini)).doesNotContain("PP185");
        Translation gpt = PromptPort.translate(prefill, Target.of("openai:gpt-4o"));
        assertThat(json(gpt).at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(ids(gpt)).doesNotContain("PP185");
    }
}
