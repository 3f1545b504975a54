package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;

/** What OpenAI-compatible vendors do their own way in the Chat Completions shape, whole and streamed. */
class OpenAiCompatibleRepliesTest {

    private static JsonNode whole(String json) {
        return AnthropicShape.message(json, ReplyFormat.OPENAI_CHAT);
    }

    private static List<String> stream(String sse) {
        List<String> out = StreamTranslator.translateAll(sse, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertCompleteStream(out);
        return out;
    }

    @Test
    void mistralThinkingGivenAsAnArrayOfTextPartsBecomesAThinkingBlock() {
        JsonNode w = whole(QuirkFixtures.MISTRAL_THINKING);
        assertThat(w.path("content")).hasSize(2);
        assertThat(w.at("/content/0/type").asText()).isEqualTo("thinking");
        assertThat(w.at("/content/0/thinking").asText()).isEqualTo("The user asks 2+2. That is 4.");
        assertThat(w.at("/content/1/text").asText()).isEqualTo("2 + 2 = 4.");
        JsonNode s = parse(replay(stream(QuirkFixtures.MISTRAL_THINKING_SSE)));
        assertThat(s.path("content")).isEqualTo(w.path("content"));
    }

    @Test
    void azuresFirstChunkOfFilterResultsDoesNotStartTheMessage() {
        List<String> out = stream(QuirkFixtures.AZURE_SSE);
        JsonNode start = AnthropicShape.events(out).get(0).data().path("message");
        assertThat(start.path("id").asText()).isEqualTo("msg_chatcmpl-AZ1");
        assertThat(start.path("model").asText()).isEqualTo("gpt-4o-2024-11-20");
        assertThat(parse(replay(out)).at("/content/0/text").asText()).isEqualTo("Hello");
    }

    @Test
    void kimisCachedTokensAreACacheReadWholeAndStreamed() {
        JsonNode u = whole(QuirkFixtures.KIMI_USAGE).path("usage");
        assertThat(u.path("input_tokens").asInt()).isEqualTo(1200 - 1024);
        assertThat(u.path("cache_read_input_tokens").asInt()).isEqualTo(1024);
        assertThat(u.path("output_tokens").asInt()).isEqualTo(3);
        JsonNode delta = AnthropicShape.events(stream(QuirkFixtures.KIMI_USAGE_SSE)).stream()
                .filter(e -> e.name().equals("message_delta")).findFirst().orElseThrow().data();
        assertThat(delta.path("usage")).isEqualTo(u);
    }

    @Test
    void anEmptyFinishReasonIsNotAFinish() {
        List<String> out = stream(QuirkFixtures.HUNYUAN_EMPTY_FINISH_SSE);
        JsonNode s = parse(replay(out));
        assertThat(s.at("/content/2/type").asText()).isEqualTo("tool_use");
        assertThat(s.at("/content/2/input")).isEqualTo(parse("{\"path\":\"x\"}"));
        assertThat(s.path("content")).hasSize(3);
        assertThat(s.path("stop_reason").asText()).isEqualTo("tool_use");
        JsonNode w = whole(QuirkFixtures.HUNYUAN_EMPTY_FINISH);
        assertThat(w.path("content")).isEqualTo(s.path("content"));
        assertThat(w.path("stop_reason")).isEqualTo(s.path("stop_reason"));
    }

    @Test
    void groqsUsageInXGroqIsReadWholeAndStreamed() {
        JsonNode u = whole(QuirkFixtures.GROQ_USAGE).path("usage");
        assertThat(u.path("input_tokens").asInt()).isEqualTo(40);
        assertThat(u.path("output_tokens").asInt()).isEqualTo(5);
        JsonNode delta = AnthropicShape.events(stream(QuirkFixtures.GROQ_USAGE_SSE)).stream()
                .filter(e -> e.name().equals("message_delta")).findFirst().orElseThrow().data();
        assertThat(delta.path("usage")).isEqualTo(u);
    }

    @Test
    void cacheWritesAProxyReportsUnderClaudesNamesAreNotCountedAsInput() {
        // LiteLLM in front of Claude: prompt_tokens holds cache reads and writes, as OpenAI's does
        for (String usage : new String[] {
                "{\"prompt_tokens\":120,\"completion_tokens\":50,\"prompt_tokens_details\":{\"cached_tokens\":30,\"cache_creation_tokens\":20}}",
                "{\"prompt_tokens\":120,\"completion_tokens\":50,\"cache_read_input_tokens\":30,\"cache_creation_input_tokens\":20}"}) {
            JsonNode u = whole("{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"claude-via-proxy\",\"choices\":[{\"index\":0,"
                    + "\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"}}],\"usage\":" + usage + "}")
                    .path("usage");
            assertThat(u.path("input_tokens").asInt()).isEqualTo(70);
            assertThat(u.path("cache_read_input_tokens").asInt()).isEqualTo(30);
            assertThat(u.path("cache_creation_input_tokens").asInt()).isEqualTo(20);
        }
    }
    private static String chat(String usage) {
        return "{\"id\":\"chatcmpl-x1\",\"object\":\"chat.completion\",\"model\":\"grok-4\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"},\"finish_reason\":\"stop\"}],\"usage\":" + usage + "}";
    }

    /** Vercel AI's xAI usage cases: xAI counts reasoning tokens apart from completion_tokens, as total_tokens shows. */
    @Test
    void reasoningTokensCountedApartFromTheCompletionAreOutput() {
        JsonNode u = whole(chat("{\"prompt_tokens\":12,\"completion_tokens\":2,\"total_tokens\":438,"
                + "\"prompt_tokens_details\":{\"text_tokens\":12,\"cached_tokens\":3},\"completion_tokens_details\":{\"reasoning_tokens\":424}}"))
                .path("usage");
        assertThat(u.path("output_tokens").asInt()).isEqualTo(426);
        assertThat(u.path("input_tokens").asInt()).isEqualTo(9);
        assertThat(u.path("cache_read_input_tokens").asInt()).isEqualTo(3);
        // OpenAI's completion_tokens hold the reasoning: total_tokens is prompt + completion
        JsonNode openai = whole(chat("{\"prompt_tokens\":10,\"completion_tokens\":105,\"total_tokens\":115,"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":100}}")).path("usage");
        assertThat(openai.path("output_tokens").asInt()).isEqualTo(105);
    }

    /** Vercel AI's xAI case of cache reads beyond the prompt count: the prompt count is then the uncached part. */
    @Test
    void cacheReadsBeyondThePromptCountAreApartFromIt() {
        JsonNode u = whole(chat("{\"prompt_tokens\":4142,\"completion_tokens\":254,\"total_tokens\":8724,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":4328}}")).path("usage");
        assertThat(u.path("input_tokens").asInt()).isEqualTo(4142);
        assertThat(u.path("cache_read_input_tokens").asInt()).isEqualTo(4328);
        assertThat(u.path("output_tokens").asInt()).isEqualTo(254);
        String responses = "{\"id\":\"resp_x\",\"object\":\"response\",\"status\":\"completed\",\"model\":\"grok-4\",\"output\":["
                + "{\"type\":\"message\",\"id\":\"msg_1\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"Hi\"}]}],"
                + "\"usage\":{\"input_tokens\":4142,\"output_tokens\":254,\"input_tokens_details\":{\"cached_tokens\":4328}}}";
        JsonNode r = parse(Replies.toAnthropic(responses, ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE)).path("usage");
        assertThat(r.path("input_tokens").asInt()).isEqualTo(4142);
        assertThat(r.path("cache_read_input_tokens").asInt()).isEqualTo(4328);
    }
    /** Vercel AI's Alibaba case: Qwen's explicit cache writes are in prompt_tokens_details.cache_creation_input_tokens. */
    @Test
    void alibabasCacheWritesInThePromptDetailsAreNotCountedAsInput() {
        JsonNode u = whole(chat("{\"prompt_tokens\":100,\"completion_tokens\":50,\"total_tokens\":150,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":80,\"cache_creation_input_tokens\":20},"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":10}}")).path("usage");
        assertThat(u.path("input_tokens").asInt()).isZero();
        assertThat(u.path("cache_read_input_tokens").asInt()).isEqualTo(80);
        assertThat(u.path("cache_creation_input_tokens").asInt()).isEqualTo(20);
        assertThat(u.path("output_tokens").asInt()).isEqualTo(50);
    }
    /**
     * OpenRouter's reasoning_details, as peers' tests capture them (openai/gpt-5-nano streams only
     * reasoning.encrypted; Claude's reasoning.text carries a signature): the readable text is the
     * thinking, and what only the model can read back is named, once, whole and streamed.
     */
    @Test
    void openRoutersSignedOrEncryptedReasoningDetailsAreNamedAndTheirTextKept() {
        String reply = "{\"id\":\"gen-2\",\"object\":\"chat.completion\",\"model\":\"anthropic/claude-sonnet-4.5\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"Answer\",\"reasoning_details\":[{\"type\":\"reasoning.text\","
                + "\"text\":\"Let me think.\",\"signature\":\"EqQBCkYIBxgC\",\"format\":\"anthropic-claude-v1\",\"index\":0}]},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":50,\"total_tokens\":60}}";
        ReplyTranslation t = Replies.translate(reply, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE, null);
        JsonNode m = parse(t.json());
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("Let me think.");
        assertThat(m.at("/content/1/text").asText()).isEqualTo("Answer");
        assertThat(t.leftOut()).containsExactly(LeftOut.signedReasoning("reasoning_details"));
        String sse = "data: {\"id\":\"gen-1\",\"object\":\"chat.completion.chunk\",\"model\":\"openai/gpt-5-nano\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"reasoning\":null,\"reasoning_details\":[{\"type\":\"reasoning.encrypted\","
                + "\"data\":\"gAAAAABpl3jd\",\"id\":\"rs_1\",\"format\":\"openai-responses-v1\",\"index\":0}]},\"finish_reason\":null}]}\n\n"
                + "data: {\"id\":\"gen-1\",\"object\":\"chat.completion.chunk\",\"model\":\"openai/gpt-5-nano\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":\"Answer\",\"reasoning_details\":[{\"type\":\"reasoning.encrypted\",\"data\":\"more\"}]},"
                + "\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";
        StreamTranslator st = new StreamTranslator(ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        List<String> out = st.acceptAll(sse);
        assertCompleteStream(out);
        assertThat(parse(replay(out)).at("/content/0/text").asText()).isEqualTo("Answer");
        assertThat(st.leftOut()).containsExactly(LeftOut.signedReasoning("reasoning_details"));
    }

    /** LiteLLM in front of Claude passes its thinking blocks, with their signatures, beside reasoning_content. */
    @Test
    void liteLlmsSignedThinkingBlocksAreNamed() {
        String reply = "{\"id\":\"chatcmpl-l\",\"object\":\"chat.completion\",\"model\":\"claude-sonnet-4-5\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"Answer\",\"reasoning_content\":\"Let me think.\",\"thinking_blocks\":"
                + "[{\"type\":\"thinking\",\"thinking\":\"Let me think.\",\"signature\":\"EqQBCkYIBxgC\"}]},\"finish_reason\":\"stop\"}]}";
        ReplyTranslation t = Replies.translate(reply, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE, null);
        assertThat(parse(t.json()).at("/content/0/thinking").asText()).isEqualTo("Let me think.");
        assertThat(t.leftOut()).containsExactly(LeftOut.signedReasoning("thinking_blocks"));
    }

    /**
     * A server that sends both reasoning fields, one of them empty (found by the reply fuzz
     * campaign): the text is read from the one that has it, whole and streamed, and OpenRouter's
     * reasoning_details beside an empty reasoning are read too.
     */
    @Test
    void anEmptyReasoningFieldBesideOneWithTextLosesNothing() {
        JsonNode w = whole("{\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\","
                + "\"reasoning_content\":\"\",\"reasoning\":\"Thinking it over.\",\"content\":\"Done.\"}}]}");
        assertThat(w.at("/content/0/thinking").asText()).isEqualTo("Thinking it over.");
        assertThat(w.at("/content/1/text").asText()).isEqualTo("Done.");
        JsonNode s = parse(replay(stream("data: {\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"\","
                + "\"reasoning\":\"Thinking it over.\"},\"finish_reason\":null}]}\n\ndata: {\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":\"Done.\"},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n")));
        assertThat(s.path("content")).isEqualTo(w.path("content"));
        JsonNode details = whole("{\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\","
                + "\"reasoning\":\"\",\"reasoning_details\":[{\"type\":\"reasoning.text\",\"text\":\"Step one.\"}],\"content\":\"Done.\"}}]}");
        assertThat(details.at("/content/0/thinking").asText()).isEqualTo("Step one.");
    }

    /**
     * Both reasoning fields with text: the same text (vLLM sends both) is one thinking block; a
     * different one in reasoning is named as left out, not dropped unnoticed (found by the reply
     * fuzz campaign).
     */
    @Test
    void aSecondReasoningTextThatDiffersIsNamed() {
        String body = "{\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\","
                + "\"reasoning_content\":\"Thinking it over.\",\"reasoning\":\"%s\",\"content\":\"Done.\"}}]}";
        ReplyTranslation same = Replies.translate(body.formatted("Thinking it over."), ReplyFormat.OPENAI_CHAT, ReplyContext.NONE,
                dev.promptport.Limits.DEFAULTS);
        assertThat(parse(same.json()).at("/content/0/thinking").asText()).isEqualTo("Thinking it over.");
        assertThat(same.leftOut()).isEmpty();
        ReplyTranslation other = Replies.translate(body.formatted("Something else."), ReplyFormat.OPENAI_CHAT, ReplyContext.NONE,
                dev.promptport.Limits.DEFAULTS);
        assertThat(parse(other.json()).at("/content/0/thinking").asText()).isEqualTo("Thinking it over.");
        assertThat(other.leftOut()).containsExactly(LeftOut.otherReasoning());
    }
}
