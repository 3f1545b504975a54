package dev.promptport.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptport.InputFormat;
import org.junit.jupiter.api.Test;

import static dev.promptport.traffic.TrafficAuditTest.ANTHROPIC_PLAIN;
import static dev.promptport.traffic.TrafficAuditTest.GEMINI;
import static dev.promptport.traffic.TrafficAuditTest.GPT4O;
import static dev.promptport.traffic.TrafficAuditTest.audit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The batch files and gateway logs the audit reads: where each keeps its request, and what it skips. */
class TrafficLogFormatsTest {

    /** An OpenAI chat request with nothing of its own shape: alone it reads as Anthropic. */
    static final String CHAT_USER_ONLY = """
            {"model":"gpt-4o","max_tokens":100,"messages":[{"role":"user","content":"Hi"}]}""";

    @Test
    void anthropicMessageBatchesInputLinesAreReadFromParamsAsAnthropic() throws Exception {
        LineSniffer.Request r = LineSniffer.read("{\"custom_id\":\"req-1\",\"params\":" + ANTHROPIC_PLAIN + "}");
        assertThat(r.json()).isEqualTo(ANTHROPIC_PLAIN);
        assertThat(r.format()).isEqualTo(InputFormat.ANTHROPIC);

        // the Batches API takes Messages requests only, whatever the params look like
        String chatLooking = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10,\"response_format\":{},\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
        assertThat(LineSniffer.read("{\"params\":" + chatLooking + ",\"custom_id\":\"b\"}").format()).isEqualTo(InputFormat.ANTHROPIC);
    }

    @Test
    void anthropicMessageBatchesResultLinesAreSkippedAsReplies() throws Exception {
        String result = "{\"custom_id\":\"req-1\",\"result\":{\"type\":\"succeeded\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Hello\"}]}}}";
        TrafficSummary s = audit(result + "\n" + "{\"custom_id\":\"req-2\",\"params\":" + ANTHROPIC_PLAIN + "}\n", GPT4O, 1);
        assertThat(s.lines()).isEqualTo(2);
        assertThat(s.requests()).isEqualTo(1);
        assertThat(s.badLines()).isZero();
        assertThat(s.skipped()).singleElement().satisfies(k -> {
            assertThat(k.reason()).startsWith("Message Batches result").contains("not the request");
            assertThat(k.lines()).isEqualTo(1);
            assertThat(k.firstLine()).isEqualTo(1);
        });
    }

    @Test
    void openAiBatchInputLinesAreReadInTheWireTheirUrlNames() throws Exception {
        LineSniffer.Request chat = LineSniffer.read("{\"custom_id\":\"request-1\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":"
                + CHAT_USER_ONLY + "}");
        assertThat(chat.json()).isEqualTo(CHAT_USER_ONLY);
        assertThat(chat.format()).isEqualTo(InputFormat.OPENAI_CHAT);

        LineSniffer.Request responses = LineSniffer.read("{\"custom_id\":\"r\",\"method\":\"POST\",\"url\":\"/v1/responses\",\"body\":"
                + "{\"model\":\"gpt-5\",\"input\":\"Hi\"}}");
        assertThat(responses.format()).isEqualTo(InputFormat.OPENAI_RESPONSES);

        // a gateway's full url, Azure's deployment path and a query say the same
        assertThat(LineSniffer.read("{\"request\":{\"url\":\"https://x.openai.azure.com/openai/deployments/d/chat/completions?api-version=2024-10-21\",\"body\":"
                + CHAT_USER_ONLY + "}}").format()).isEqualTo(InputFormat.OPENAI_CHAT);
        assertThat(LineSniffer.read("{\"url\":\"/v1beta/models/gemini-2.5-pro:generateContent\",\"body\":" + GEMINI + "}").format())
                .isEqualTo(InputFormat.GEMINI);
    }

    @Test
    void openAiBatchEmbeddingsLinesAreSkippedNotBad() throws Exception {
        String log = String.join("\n",
                "{\"custom_id\":\"e1\",\"method\":\"POST\",\"url\":\"/v1/embeddings\",\"body\":{\"model\":\"text-embedding-3-small\",\"input\":\"Hi\"}}",
                "{\"custom_id\":\"c1\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":" + CHAT_USER_ONLY + "}",
                "{\"custom_id\":\"e2\",\"method\":\"POST\",\"url\":\"/v1/embeddings\",\"body\":{\"model\":\"text-embedding-3-small\",\"input\":[\"a\",\"b\"]}}",
                "{\"custom_id\":\"m1\",\"method\":\"POST\",\"url\":\"/v1/moderations\",\"body\":{\"input\":\"Hi\"}}") + "\n";
        TrafficSummary s = audit(log, GPT4O, 2);
        assertThat(s.lines()).isEqualTo(4);
        assertThat(s.requests()).isEqualTo(1);
        assertThat(s.badLines()).isZero();
        assertThat(s.skippedLines()).isEqualTo(3);
        assertThat(s.skipped()).extracting(TrafficSummary.SkippedLines::lines).containsExactly(2L, 1L);
        assertThat(s.skipped().get(0).reason()).startsWith("embeddings request");
        assertThat(s.skipped().get(0).firstLine()).isEqualTo(1);
        assertThat(s.skipped().get(1).firstLine()).isEqualTo(4);
    }

    @Test
    void openAiBatchOutputAndGeminiBatchResultLinesAreSkippedAsReplies() throws Exception {
        String openAiOutput = "{\"id\":\"batch_req_1\",\"custom_id\":\"request-1\",\"response\":{\"status_code\":200,\"request_id\":\"r\","
                + "\"body\":{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[]}},\"error\":null}";
        String geminiResult = "{\"key\":\"request-1\",\"response\":{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hi\"}],\"role\":\"model\"}}]}}";
        String openAiFailed = "{\"id\":\"batch_req_2\",\"custom_id\":\"request-2\",\"response\":null,"
                + "\"error\":{\"code\":\"batch_expired\",\"message\":\"This request could not be executed before the completion window expired.\"}}";
        String geminiFailed = "{\"key\":\"request-2\",\"error\":{\"code\":3,\"message\":\"invalid\"}}";
        TrafficSummary s = audit(String.join("\n", openAiOutput, geminiResult, openAiFailed, geminiFailed) + "\n", GPT4O, 1);
        assertThat(s.badLines()).as("%s", s.badExamples()).isZero();
        assertThat(s.skippedLines()).isEqualTo(4);
        assertThat(s.skipped()).extracting(TrafficSummary.SkippedLines::reason)
                .anySatisfy(r -> assertThat(r).startsWith("OpenAI Batch output"))
                .anySatisfy(r -> assertThat(r).startsWith("Gemini batch result"));
    }

    @Test
    void geminiBatchInputLinesAreReadFromRequest() throws Exception {
        LineSniffer.Request r = LineSniffer.read("{\"key\":\"request-1\",\"request\":" + GEMINI + "}");
        assertThat(r.json()).isEqualTo(GEMINI);
        assertThat(r.format()).isEqualTo(InputFormat.GEMINI);
    }

    @Test
    void liteLlmStandardLoggingPayloadIsPutBackTogetherAsTheRequestItLogged() throws Exception {
        String line = "{\"id\":\"chatcmpl-1\",\"call_type\":\"acompletion\",\"status\":\"success\",\"model\":\"gpt-4o\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":\"Sure:\"}],"
                + "\"response\":{\"choices\":[]},\"model_parameters\":{ \"temperature\":0.2,\"max_tokens\":50},"
                + "\"metadata\":{\"user_api_key_alias\":\"k\"}}";
        LineSniffer.Request r = LineSniffer.read(line);
        assertThat(r.format()).isEqualTo(InputFormat.OPENAI_CHAT);
        JsonNode request = new ObjectMapper().readTree(r.json());
        assertThat(request.at("/model").asText()).isEqualTo("gpt-4o");
        assertThat(request.at("/messages/1/content").asText()).isEqualTo("Sure:");
        assertThat(request.at("/max_tokens").asInt()).isEqualTo(50);
        assertThat(request.at("/temperature").asDouble()).isEqualTo(0.2);
        assertThat(request.has("response")).isFalse();

        String anthropic = "{\"call_type\":\"anthropic_messages\",\"model\":\"claude-sonnet-4-5\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
                + "\"model_parameters\":{}}";
        LineSniffer.Request a = LineSniffer.read(anthropic);
        assertThat(a.format()).isEqualTo(InputFormat.ANTHROPIC);
        assertThat(a.json()).isEqualTo("{\"model\":\"claude-sonnet-4-5\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");

        TrafficSummary s = audit(line + "\n", GPT4O, 1);
        assertThat(s.requests()).as("%s", s.badExamples()).isEqualTo(1);
    }

    @Test
    void liteLlmSpendLogsAreReadFromProxyServerRequestOrSkippedWhenItWasNotKept() throws Exception {
        String body = new ObjectMapper().writeValueAsString(CHAT_USER_ONLY);
        LineSniffer.Request r = LineSniffer.read("{\"request_id\":\"x\",\"call_type\":\"acompletion\",\"messages\":\"[]\","
                + "\"proxy_server_request\":" + body + ",\"spend\":0.1}");
        assertThat(r.json()).isEqualTo(CHAT_USER_ONLY);
        assertThat(r.format()).isEqualTo(InputFormat.OPENAI_CHAT);

        assertThatThrownBy(() -> LineSniffer.read("{\"request_id\":\"x\",\"call_type\":\"acompletion\",\"messages\":\"{}\",\"proxy_server_request\":\"{}\"}"))
                .isInstanceOf(LineSniffer.SkippedLineException.class)
                .hasMessageContaining("store_prompts_in_spend_logs");
        assertThatThrownBy(() -> LineSniffer.read("{\"call_type\":\"aembedding\",\"messages\":[],\"model_parameters\":{}}"))
                .isInstanceOf(LineSniffer.SkippedLineException.class)
                .hasMessageStartingWith("embeddings request");
    }

    @Test
    void heliconeExportsAreReadFromRequestBodyInTheWireOfTheirPath() throws Exception {
        LineSniffer.Request r = LineSniffer.read("{\"response_id\":\"r\",\"request_path\":\"https://api.openai.com/v1/chat/completions\","
                + "\"request_body\":" + CHAT_USER_ONLY + ",\"response_body\":{\"choices\":[]}}");
        assertThat(r.json()).isEqualTo(CHAT_USER_ONLY);
        assertThat(r.format()).isEqualTo(InputFormat.OPENAI_CHAT);
    }

    @Test
    void anEnvelopeThatContradictsItsRequestIsABadLineSayingWhatItExpected() throws Exception {
        String log = String.join("\n",
                "{\"custom_id\":\"c\",\"url\":\"/v1/chat/completions\",\"body\":" + GEMINI + "}",
                "{\"url\":\"/v1beta/models/gemini-2.5-pro:generateContent\",\"body\":" + CHAT_USER_ONLY + "}",
                "{\"call_type\":\"some_new_call\",\"messages\":[],\"model_parameters\":{}}",
                "{\"call_type\":\"acompletion\",\"messages\":\"[]\",\"model_parameters\":{}}") + "\n";
        TrafficSummary s = audit(log, GPT4O, 1);
        assertThat(s.badLines()).isEqualTo(4);
        assertThat(s.badExamples().get(0).message())
                .isEqualTo("the url \"/v1/chat/completions\" says openai-chat, whose prompt is under \"messages\", but the request has \"contents\" instead");
        assertThat(s.badExamples().get(1).message()).contains("says gemini").contains("\"contents\"").contains("has \"messages\"");
        assertThat(s.badExamples().get(2).message()).contains("\"some_new_call\"").contains("completion, acompletion");
        assertThat(s.badExamples().get(3).message()).contains("not a list of messages");
    }

    @Test
    void aUrlThatSaysNothingKnownLeavesTheShapeToDecide() throws Exception {
        assertThat(LineSniffer.read("{\"request\":{\"url\":\"https://gateway.example/proxy\",\"body\":" + GEMINI + "}}").format())
                .isEqualTo(InputFormat.GEMINI);
        assertThat(LineSniffer.read("{\"request\":{\"url\":\"/v1/messages\",\"body\":" + ANTHROPIC_PLAIN + "}}").format())
                .isEqualTo(InputFormat.ANTHROPIC);
    }

    @Test
    void skippedLinesAreReportedByReasonInTextAndJson() throws Exception {
        String log = "{\"custom_id\":\"e1\",\"url\":\"/v1/embeddings\",\"body\":{\"input\":\"Hi\"}}\n" + ANTHROPIC_PLAIN + "\n";
        TrafficSummary s = audit(log, GPT4O, 1);
        assertThat(TrafficText.write(s))
                .contains("2 line(s), 1 request(s), 0 bad line(s), 1 skipped line(s), 1 target(s)")
                .contains("skipped lines (no prompt to audit): 1")
                .contains("1 × embeddings request: it holds text to embed, not a prompt (first: line 1)");
        JsonNode j = new ObjectMapper().readTree(TrafficJson.write(s));
        assertThat(j.at("/skippedLines/count").asLong()).isEqualTo(1);
        assertThat(j.at("/skippedLines/reasons/0/firstLine").asLong()).isEqualTo(1);
        assertThat(j.at("/badLines/count").asLong()).isZero();
    }
}
