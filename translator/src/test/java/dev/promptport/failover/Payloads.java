package dev.promptport.failover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Requests, replies and streams as the vendors really send them. */
final class Payloads {

    static final ObjectMapper JSON = new ObjectMapper();

    static final String ANTHROPIC_KEY = "sk-ant-api03-TESTKEY-anthropic-5f1c2e9a7b";
    static final String OPENAI_KEY = "sk-proj-TESTKEY-openai-0d4b8c1e6f";
    static final String GEMINI_KEY = "AIzaSyTESTKEY-gemini-9e8d7c6b5a";

    static final String REQUEST = """
            {"model":"claude-sonnet-4-5","max_tokens":256,
             "system":"You answer geography questions in one sentence.",
             "messages":[{"role":"user","content":"What is the capital of France?"}]}""";

    static final String STREAM_REQUEST = """
            {"model":"claude-sonnet-4-5","max_tokens":256,"stream":true,
             "messages":[{"role":"user","content":"Say hello to the world."}]}""";

    /** Ends with an assistant prefill, which OpenAI models cannot continue. */
    static final String PREFILL_REQUEST = """
            {"model":"claude-sonnet-4-5","max_tokens":100,
             "messages":[{"role":"user","content":"Classify this ticket as JSON: 'I was charged twice.'"},
                         {"role":"assistant","content":"{"}]}""";

    static String openAiCompletion(String content) {
        return OPENAI_COMPLETION.replace("\"Paris is the capital of France.\"", quote(content));
    }

    static final String ANTHROPIC_MESSAGE = """
            {"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",\
            "content":[{"type":"text","text":"The capital of France is Paris."}],"stop_reason":"end_turn",\
            "stop_sequence":null,"usage":{"input_tokens":21,"output_tokens":9}}""";

    static final String ANTHROPIC_OVERLOADED =
            "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"},"
                    + "\"request_id\":\"req_011CSHoEeqs5C35K2UUqR7Fy\"}";

    static final String ANTHROPIC_RATE_LIMITED =
            "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Number of request tokens has "
                    + "exceeded your per-minute rate limit\"}}";

    static final String OPENAI_COMPLETION = """
            {"id":"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG","object":"chat.completion","created":1741570283,\
            "model":"gpt-4o-2024-08-06","choices":[{"index":0,"message":{"role":"assistant",\
            "content":"Paris is the capital of France.","refusal":null,"annotations":[]},"logprobs":null,\
            "finish_reason":"stop"}],"usage":{"prompt_tokens":28,"completion_tokens":8,"total_tokens":36,\
            "prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},"completion_tokens_details":\
            {"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},\
            "service_tier":"default","system_fingerprint":"fp_fc9f1d7035"}""";

    static final String OPENAI_SERVER_ERROR = """
            {"error":{"message":"The server had an error while processing your request. Sorry about that!",\
            "type":"server_error","param":null,"code":null}}""";

    static final String GEMINI_RESPONSE = """
            {"candidates":[{"content":{"parts":[{"text":"Paris is the capital of France."}],"role":"model"},\
            "finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":12,"candidatesTokenCount":8,\
            "totalTokenCount":20},"modelVersion":"gemini-2.5-flash","responseId":"mCGoaP3nD5qP1dkP4q-Y8QQ"}""";

    static final String RESPONSES_RESPONSE = """
            {"id":"resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b","object":"response","created_at":1741476542,\
            "status":"completed","error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":256,\
            "model":"gpt-4o-2024-08-06","output":[{"type":"message","id":"msg_67ccd2bf17f0819081ff3bb2cf6508e6",\
            "status":"completed","role":"assistant","content":[{"type":"output_text",\
            "text":"Paris is the capital of France.","annotations":[]}]}],"parallel_tool_calls":true,\
            "previous_response_id":null,"reasoning":{"effort":null,"summary":null},"store":false,"temperature":1.0,\
            "text":{"format":{"type":"text"}},"tool_choice":"auto","tools":[],"top_p":1.0,"truncation":"disabled",\
            "usage":{"input_tokens":36,"input_tokens_details":{"cached_tokens":0},"output_tokens":8,\
            "output_tokens_details":{"reasoning_tokens":0},"total_tokens":44},"user":null,"metadata":{}}""";

    private Payloads() {
    }

    // ---- Anthropic stream ------------------------------------------------------------------

    static String anthropicEvent(String type, String data) {
        return "event: " + type + "\ndata: " + data + "\n\n";
    }

    static List<String> anthropicStart() {
        return List.of(
                anthropicEvent("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_014p7gG3wDgGV9EUtLvnow3U\","
                        + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5-20250929\",\"content\":[],"
                        + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":14,\"output_tokens\":1}}}"),
                anthropicEvent("content_block_start",
                        "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"),
                anthropicEvent("ping", "{\"type\": \"ping\"}"));
    }

    static String anthropicDelta(String text) {
        return anthropicEvent("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"text_delta\",\"text\":" + quote(text) + "}}");
    }

    static List<String> anthropicEnd() {
        return List.of(
                anthropicEvent("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"),
                anthropicEvent("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                        + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":5}}"),
                anthropicEvent("message_stop", "{\"type\":\"message_stop\"}"));
    }

    static String[] anthropicStream(String... pieces) {
        List<String> all = new ArrayList<>(anthropicStart());
        for (String p : pieces) {
            all.add(anthropicDelta(p));
        }
        all.addAll(anthropicEnd());
        return all.toArray(String[]::new);
    }

    // ---- OpenAI Chat Completions stream ----------------------------------------------------

    private static final String CHUNK_HEAD = "{\"id\":\"chatcmpl-C1tQd3nRHQ7qf2\",\"object\":\"chat.completion.chunk\","
            + "\"created\":1754512345,\"model\":\"gpt-4o-2024-08-06\",\"service_tier\":\"default\","
            + "\"system_fingerprint\":\"fp_07871e2ad8\",\"choices\":[";

    static String openAiRole() {
        return "data: " + CHUNK_HEAD + "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},"
                + "\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n";
    }

    static String openAiDelta(String text) {
        return "data: " + CHUNK_HEAD + "{\"index\":0,\"delta\":{\"content\":" + quote(text) + "},"
                + "\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n";
    }

    static List<String> openAiEnd() {
        return List.of(
                "data: " + CHUNK_HEAD + "{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
                        + "\"usage\":null}\n\n",
                "data: " + CHUNK_HEAD + "],\"usage\":{\"prompt_tokens\":13,\"completion_tokens\":4,\"total_tokens\":17,"
                        + "\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},"
                        + "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
                        + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}}\n\n",
                "data: [DONE]\n\n");
    }

    static String[] openAiStream(String... pieces) {
        List<String> all = new ArrayList<>();
        all.add(openAiRole());
        for (String p : pieces) {
            all.add(openAiDelta(p));
        }
        all.addAll(openAiEnd());
        return all.toArray(String[]::new);
    }

    // ---- Gemini streamGenerateContent?alt=sse --------------------------------------------

    static String[] geminiStream(String... pieces) {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < pieces.length; i++) {
            boolean last = i == pieces.length - 1;
            all.add("data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": " + quote(pieces[i])
                    + "}],\"role\": \"model\"}" + (last ? ",\"finishReason\": \"STOP\"" : "") + ",\"index\": 0}],"
                    + "\"usageMetadata\": {\"promptTokenCount\": 9,\"candidatesTokenCount\": " + (i + 1)
                    + ",\"totalTokenCount\": " + (10 + i) + "},\"modelVersion\": \"gemini-2.5-flash\","
                    + "\"responseId\": \"mCGoaP3nD5qP1dkP4q-Y8QQ\"}\r\n\r\n");
        }
        return all.toArray(String[]::new);
    }

    // ---- reading what the caller got -------------------------------------------------------

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code data:} payload of one Anthropic SSE event string. */
    static JsonNode data(String event) {
        for (String line : event.split("\n")) {
            if (line.startsWith("data:")) {
                return tree(line.substring(5).trim());
            }
        }
        throw new AssertionError("no data line in " + event);
    }

    static List<String> types(List<String> events) {
        return events.stream().map(e -> data(e).path("type").asText()).toList();
    }

    /** The reply text the caller saw: every text delta, in order. */
    static String text(List<String> events) {
        StringBuilder b = new StringBuilder();
        for (String e : events) {
            JsonNode d = data(e);
            if ("content_block_delta".equals(d.path("type").asText())
                    && "text_delta".equals(d.path("delta").path("type").asText())) {
                b.append(d.path("delta").path("text").asText());
            }
        }
        return b.toString();
    }

    static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
