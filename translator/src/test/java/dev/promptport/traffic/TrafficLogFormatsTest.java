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

    /** A Claude request as Bedrock's InvokeModel takes it: the version in the body, no model. */
    static final String BEDROCK_BODY = """
            {"anthropic_version":"bedrock-2023-05-31","max_tokens":100,"messages":[{"role":"user","content":"Hi"}]}""";

    /** An Amazon Bedrock model invocation log line, as CloudWatch Logs and S3 delivery write it. */
    static String bedrockLog(String operation, String modelId, String input) {
        return "{\"schemaType\":\"ModelInvocationLog\",\"schemaVersion\":\"1.0\",\"timestamp\":\"2025-04-09T23:00:17Z\","
                + "\"accountId\":\"123456789012\",\"identity\":{\"arn\":\"arn:aws:sts::123456789012:assumed-role/app/s\"},"
                + "\"region\":\"us-east-1\",\"requestId\":\"915a6a04\",\"operation\":\"" + operation + "\",\"modelId\":\"" + modelId + "\","
                + "\"input\":" + input + ",\"output\":{\"outputContentType\":\"application/json\",\"outputBodyJson\":"
                + "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Hello\"}]},"
                + "\"outputTokenCount\":2}}";
    }

    static String bedrockInput(String body) {
        return "{\"inputContentType\":\"application/json\",\"inputBodyJson\":" + body + ",\"inputTokenCount\":8}";
    }

    @Test
    void bedrockInvocationLogsOfClaudeAreReadFromInputBodyJsonAsAnthropic() throws Exception {
        LineSniffer.Request r = LineSniffer.read(bedrockLog("InvokeModel", "anthropic.claude-3-5-sonnet-20241022-v2:0",
                bedrockInput(BEDROCK_BODY)));
        assertThat(r.json()).isEqualTo(BEDROCK_BODY);
        assertThat(r.format()).isEqualTo(InputFormat.ANTHROPIC);

        // a cross-region inference profile, streamed
        assertThat(LineSniffer.read(bedrockLog("InvokeModelWithResponseStream",
                "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-5-20250929-v1:0",
                bedrockInput(BEDROCK_BODY))).format()).isEqualTo(InputFormat.ANTHROPIC);
        // an application inference profile's ARN does not name the model: the body's anthropic_version does
        assertThat(LineSniffer.read(bedrockLog("InvokeModel",
                "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3",
                bedrockInput(BEDROCK_BODY))).format()).isEqualTo(InputFormat.ANTHROPIC);
        // the body as a string of JSON
        String quoted = new ObjectMapper().writeValueAsString(BEDROCK_BODY);
        LineSniffer.Request fromString = LineSniffer.read(bedrockLog("InvokeModel", "anthropic.claude-3-haiku-20240307-v1:0",
                "{\"inputContentType\":\"application/json\",\"inputBodyJson\":" + quoted + "}"));
        assertThat(fromString.json()).isEqualTo(BEDROCK_BODY);
        assertThat(fromString.format()).isEqualTo(InputFormat.ANTHROPIC);

        TrafficSummary s = audit(bedrockLog("InvokeModel", "anthropic.claude-3-5-sonnet-20241022-v2:0",
                bedrockInput(BEDROCK_BODY.replace("\"max_tokens\"", "\"top_k\":5,\"max_tokens\""))) + "\n", GPT4O, 1);
        assertThat(s.requests()).isEqualTo(1);
        assertThat(s.badLines()).isZero();
        // the body's version is no risk; its top_k is
        assertThat(s.targets().get(0).features()).extracting(TrafficSummary.FeatureTraffic::feature).containsExactly("top_k");
    }

    @Test
    void aBedrockConverseCallToClaudeIsAuditedAsTheMessagesRequestItStandsFor() throws Exception {
        String converse = """
                {"messages":[
                  {"role":"user","content":[{"text":"Read the report."},
                    {"document":{"format":"pdf","name":"Q3 report","source":{"bytes":"JVBERi0x"}}},{"cachePoint":{"type":"default"}}]},
                  {"role":"assistant","content":[{"reasoningContent":{"reasoningText":{"text":"Check page 2.","signature":"sig"}}},
                    {"toolUse":{"toolUseId":"t1","name":"lookup","input":{"page":2}}}]},
                  {"role":"user","content":[{"toolResult":{"toolUseId":"t1","content":[{"json":{"revenue":12}}],"status":"error"}},
                    {"image":{"format":"jpeg","source":{"s3Location":{"uri":"s3://bucket/chart.jpg"}}}},
                    {"guardContent":{"text":{"text":"Is revenue up?"}}},
                    {"document":{"format":"txt","name":"notes","source":{"content":[{"text":"Page 2 matters."}]}}}]}],
                 "system":[{"text":"<instructions>Answer from the report.</instructions>"},{"cachePoint":{"type":"default"}}],
                 "inferenceConfig":{"maxTokens":512,"temperature":0.2,"topP":0.9,"stopSequences":["END"]},
                 "toolConfig":{"tools":[{"toolSpec":{"name":"lookup","description":"Looks up a page.",
                   "inputSchema":{"json":{"type":"object","properties":{"page":{"type":"integer"}}}}}}],"toolChoice":{"any":{}}},
                 "additionalModelRequestFields":{"top_k":40},
                 "guardrailConfig":{"guardrailIdentifier":"g1","guardrailVersion":"1"},
                 "requestMetadata":{"team":"finance"}}""";
        LineSniffer.Request r = LineSniffer.read(bedrockLog("ConverseStream", "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
                bedrockInput(converse)));
        assertThat(r.format()).isEqualTo(InputFormat.ANTHROPIC);
        JsonNode req = new ObjectMapper().readTree(r.json());
        assertThat(req.at("/system/0/text").asText()).isEqualTo("<instructions>Answer from the report.</instructions>");
        assertThat(req.at("/system/0/cache_control/type").asText()).isEqualTo("ephemeral");
        assertThat(req.at("/messages/0/content/1/type").asText()).isEqualTo("document");
        assertThat(req.at("/messages/0/content/1/title").asText()).isEqualTo("Q3 report");
        assertThat(req.at("/messages/0/content/1/source/media_type").asText()).isEqualTo("application/pdf");
        assertThat(req.at("/messages/0/content/1/cache_control/type").asText()).isEqualTo("ephemeral");
        assertThat(req.at("/messages/0/content")).hasSize(2);
        assertThat(req.at("/messages/1/content/0/thinking").asText()).isEqualTo("Check page 2.");
        assertThat(req.at("/messages/1/content/1/type").asText()).isEqualTo("tool_use");
        assertThat(req.at("/messages/1/content/1/input/page").asInt()).isEqualTo(2);
        assertThat(req.at("/messages/2/content/0/tool_use_id").asText()).isEqualTo("t1");
        assertThat(req.at("/messages/2/content/0/is_error").asBoolean()).isTrue();
        assertThat(req.at("/messages/2/content/0/content/0/text").asText()).isEqualTo("{\"revenue\":12}");
        assertThat(req.at("/messages/2/content/1/source/url").asText()).isEqualTo("s3://bucket/chart.jpg");
        assertThat(req.at("/messages/2/content/2/text").asText()).isEqualTo("Is revenue up?");
        assertThat(req.at("/messages/2/content/3/source/type").asText()).isEqualTo("content");
        assertThat(req.at("/messages/2/content/3/source/content/0/text").asText()).isEqualTo("Page 2 matters.");
        assertThat(req.at("/max_tokens").asInt()).isEqualTo(512);
        assertThat(req.at("/top_p").asDouble()).isEqualTo(0.9);
        assertThat(req.at("/stop_sequences/0").asText()).isEqualTo("END");
        assertThat(req.at("/top_k").asInt()).isEqualTo(40);
        assertThat(req.at("/tools/0/input_schema/properties/page/type").asText()).isEqualTo("integer");
        assertThat(req.at("/tool_choice/type").asText()).isEqualTo("any");
        // no Messages counterpart: kept, so the audit names it; the log's own tags are not the prompt's
        assertThat(req.has("guardrailConfig")).isTrue();
        assertThat(req.has("requestMetadata")).isFalse();

        // one line of the log
        String logged = bedrockLog("Converse", "anthropic.claude-3-5-sonnet-20241022-v2:0", bedrockInput(converse.replace("\n", "")));
        TrafficSummary s = audit(logged + "\n"
                + bedrockLog("Converse", "anthropic.claude-3-5-sonnet-20241022-v2:0",
                        bedrockInput("{\"messages\":[{\"role\":\"user\",\"content\":[{\"video\":{\"format\":\"mp4\"}}]}]}")) + "\n",
                GPT4O, 1);
        assertThat(s.requests()).isEqualTo(1);
        assertThat(s.targets().get(0).features()).extracting(TrafficSummary.FeatureTraffic::feature).contains("top_k", "documents");
        // a block not read here is named, never dropped
        assertThat(s.badExamples()).singleElement().satisfies(b -> {
            assertThat(b.line()).isEqualTo(2);
            assertThat(b.message()).contains("\"video\"", "message 0");
        });
    }

    @Test
    void aCloudWatchExportsTimeBeforeEachEventIsSkipped() throws Exception {
        String event = bedrockLog("InvokeModel", "anthropic.claude-3-5-sonnet-20241022-v2:0", bedrockInput(BEDROCK_BODY));
        LineSniffer.Request r = LineSniffer.read("2025-04-09T23:00:17.512Z " + event);
        assertThat(r.json()).isEqualTo(BEDROCK_BODY);
        assertThat(LineSniffer.read("2025-04-09T23:00:17+02:00 " + ANTHROPIC_PLAIN).json()).isEqualTo(ANTHROPIC_PLAIN);
        // with its bytes, as the audit reads an ASCII line
        String line = "2025-04-09T23:00:17Z " + ANTHROPIC_PLAIN;
        LineSniffer.Request ascii = LineSniffer.read(line, line.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                dev.promptport.Limits.DEFAULTS);
        assertThat(ascii.view()).isEqualTo(ANTHROPIC_PLAIN.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        // an error's column is the line's
        assertThatThrownBy(() -> LineSniffer.read("2025-04-09T23:00:17Z {\"a\" 1}"))
                .isInstanceOf(LineSniffer.BadLineException.class).hasMessageContaining("at column 27");
        // anything else before the JSON is still a bad line
        assertThatThrownBy(() -> LineSniffer.read("INFO " + ANTHROPIC_PLAIN)).isInstanceOf(LineSniffer.BadLineException.class);
        assertThatThrownBy(() -> LineSniffer.read("2025-04-09 " + ANTHROPIC_PLAIN)).isInstanceOf(LineSniffer.BadLineException.class);
    }

    @Test
    void bedrockCallsToOtherModelsBodiesKeptInS3AndBatchOutputAreSkippedWithTheirReasons() throws Exception {
        String nova = bedrockLog("Converse", "amazon.nova-micro-v1:0",
                bedrockInput("{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hi\"}]}]}"));
        String titan = bedrockLog("InvokeModel", "amazon.titan-text-express-v1", bedrockInput("{\"inputText\":\"Hi\"}"));
        String inS3 = bedrockLog("InvokeModel", "anthropic.claude-3-5-sonnet-20241022-v2:0",
                "{\"inputContentType\":\"application/json\",\"inputBodyS3Path\":\"s3://logs/AWSLogs/123/BedrockModelInvocationLogs/x.json\"}");
        String batchOutput = "{\"recordId\":\"CALL0000001\",\"modelInput\":" + BEDROCK_BODY + ",\"modelOutput\":{\"id\":\"msg_1\","
                + "\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Hello\"}]}}";
        String batchInput = "{\"recordId\":\"CALL0000002\",\"modelInput\":" + BEDROCK_BODY + "}";
        String claude2 = bedrockLog("InvokeModel", "anthropic.claude-v2:1", bedrockInput(
                "{\"prompt\":\"\\n\\nHuman: Hi\\n\\nAssistant:\",\"max_tokens_to_sample\":300}"));
        TrafficSummary s = audit(String.join("\n", nova, titan, inS3, batchOutput, batchInput, claude2) + "\n", GPT4O, 1);
        assertThat(s.badLines()).as("%s", s.badExamples()).isZero();
        assertThat(s.requests()).isEqualTo(1);
        assertThat(s.skippedLines()).isEqualTo(5);
        assertThat(s.skipped()).extracting(TrafficSummary.SkippedLines::reason)
                .anySatisfy(r -> assertThat(r).startsWith("legacy completions request"))
                .anySatisfy(r -> assertThat(r).startsWith("Bedrock call to a model other than Claude"))
                .anySatisfy(r -> assertThat(r).contains("stored apart in S3"))
                .anySatisfy(r -> assertThat(r).startsWith("Bedrock batch output"));

        assertThat(s.skipped()).filteredOn(k -> k.reason().startsWith("Bedrock call to a model other than Claude"))
                .singleElement().satisfies(k -> assertThat(k.lines()).isEqualTo(2));
        assertThat(LineSniffer.read(batchInput).json()).isEqualTo(BEDROCK_BODY);
        // an "input" object that is no Bedrock holder is still a Responses input, and still refused as one
        assertThat(LineSniffer.read("{\"model\":\"gpt-5\",\"input\":{\"text\":\"Hi\"}}").format()).isEqualTo(InputFormat.OPENAI_RESPONSES);
    }

    @Test
    void aLineOfALogNotKnownByNameIsReadFromTheOneObjectThatHoldsARequest() throws Exception {
        // Vertex AI's request-response log of a Claude call, as a BigQuery export writes its row
        String vertexBody = """
                {"anthropic_version":"vertex-2023-10-16","max_tokens":100,"messages":[{"role":"user","content":"Hi"}]}""";
        String vertex = "{\"endpoint\":\"projects/p/locations/us-east5/publishers/anthropic/models/claude-sonnet-4-5\","
                + "\"logging_time\":\"2025-06-01T10:00:00Z\",\"request_id\":\"1\",\"metadata\":{\"latency_ms\":800},"
                + "\"full_request\":" + vertexBody + ",\"full_response\":{\"id\":\"msg_1\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Hello\"}]}}";
        LineSniffer.Request r = LineSniffer.read(vertex);
        assertThat(r.json()).isEqualTo(vertexBody);
        assertThat(r.format()).isEqualTo(InputFormat.ANTHROPIC);

        // a Gemini call the same way, beside its reply
        String gemini = "{\"full_request\":" + GEMINI + ",\"full_response\":{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hi\"}]}}]}}";
        assertThat(LineSniffer.read(gemini).format()).isEqualTo(InputFormat.GEMINI);
        // and a known wrapper one level down
        LineSniffer.Request nested = LineSniffer.read("{\"event\":{\"url\":\"/v1/chat/completions\",\"body\":" + CHAT_USER_ONLY + "}}");
        assertThat(nested.json()).isEqualTo(CHAT_USER_ONLY);
        assertThat(nested.format()).isEqualTo(InputFormat.OPENAI_CHAT);

        // two objects that hold one: the line says which, and is not guessed at
        assertThatThrownBy(() -> LineSniffer.read("{\"before\":" + ANTHROPIC_PLAIN + ",\"after\":" + ANTHROPIC_PLAIN + "}"))
                .isInstanceOf(LineSniffer.BadLineException.class)
                .hasMessageContaining("\"before\"").hasMessageContaining("\"after\"").hasMessageContaining("not clear");
        // a bare request's own objects are never taken for one
        String withObjects = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10,\"metadata\":{\"user_id\":\"u\"},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
        assertThat(LineSniffer.read(withObjects).json()).isEqualTo(withObjects);
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
