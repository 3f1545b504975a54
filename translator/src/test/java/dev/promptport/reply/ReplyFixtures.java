package dev.promptport.reply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Replies as the vendors send them, written after captured traffic (ids, fingerprints,
 * obfuscation fields and usage details included): whole replies and SSE bodies.
 */
final class ReplyFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code s} as a JSON string, quoted and escaped as Jackson writes it. */
    static String quoted(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ReplyFixtures() {
    }

    // ================================================================== OpenAI Chat Completions

    static final String CHAT_TEXT = """
            {
              "id": "chatcmpl-CK4pQ9s2vJ7Yb1mXwRt0aLkEuN3fD",
              "object": "chat.completion",
              "created": 1759218437,
              "model": "gpt-4o-2024-08-06",
              "choices": [
                {
                  "index": 0,
                  "message": {
                    "role": "assistant",
                    "content": "Your October invoice was charged twice (2 × €1,490). I've flagged it for a refund; you'll see it within 5–7 business days.",
                    "refusal": null,
                    "annotations": []
                  },
                  "logprobs": null,
                  "finish_reason": "stop"
                }
              ],
              "usage": {
                "prompt_tokens": 1117,
                "completion_tokens": 46,
                "total_tokens": 1163,
                "prompt_tokens_details": {"cached_tokens": 1024, "audio_tokens": 0},
                "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0, "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}
              },
              "service_tier": "default",
              "system_fingerprint": "fp_f33640a400"
            }
            """;

    static final String CHAT_TOOLS = """
            {
              "id": "chatcmpl-CK4rB2mYc8WnZ0qQe5TtVhL1pXsAd",
              "object": "chat.completion",
              "created": 1759218562,
              "model": "gpt-4o-2024-08-06",
              "choices": [
                {
                  "index": 0,
                  "message": {
                    "role": "assistant",
                    "content": "Let me check both cities.",
                    "tool_calls": [
                      {
                        "id": "call_Xr4QmT2bWv9LkN0pYs7dHa3E",
                        "type": "function",
                        "function": {"name": "get_weather", "arguments": "{\\"city\\":\\"Lisbon\\",\\"unit\\":\\"celsius\\",\\"days\\":3}"}
                      },
                      {
                        "id": "call_8JfGz1sUoP6cRq2vXe5WmK0t",
                        "type": "function",
                        "function": {"name": "mcp__billing__lookup_invoice", "arguments": "{\\"invoice_id\\":\\"INV-2025-0881\\",\\"amount\\":1490.10,\\"ref\\":12345678901234567890}"}
                      }
                    ],
                    "refusal": null,
                    "annotations": []
                  },
                  "logprobs": null,
                  "finish_reason": "tool_calls"
                }
              ],
              "usage": {"prompt_tokens": 402, "completion_tokens": 61, "total_tokens": 463,
                        "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
                        "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0, "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}},
              "service_tier": "default",
              "system_fingerprint": "fp_f33640a400"
            }
            """;

    static final String DEEPSEEK_REASONER = """
            {
              "id": "5f0c2a9e-8b1d-4c3e-9a7f-2d6b1e0c4f88",
              "object": "chat.completion",
              "created": 1759219011,
              "model": "deepseek-reasoner",
              "choices": [
                {
                  "index": 0,
                  "message": {
                    "role": "assistant",
                    "content": "{\\"category\\": \\"billing\\", \\"urgency\\": 3, \\"language\\": \\"es\\", \\"needs_human\\": true}",
                    "reasoning_content": "The customer was charged twice for October and needs a refund before Friday. That is billing, fairly urgent, written in Spanish."
                  },
                  "logprobs": null,
                  "finish_reason": "stop"
                }
              ],
              "usage": {
                "prompt_tokens": 211,
                "completion_tokens": 138,
                "total_tokens": 349,
                "prompt_tokens_details": {"cached_tokens": 128},
                "completion_tokens_details": {"reasoning_tokens": 104},
                "prompt_cache_hit_tokens": 128,
                "prompt_cache_miss_tokens": 83
              },
              "system_fingerprint": "fp_7e0991cad4_prod0820_fp8_kvcache"
            }
            """;

    /** A chat reply whose only text is {@code content}, finish reason {@code finish}. */
    static String chatReply(String contentJson, String finish) {
        return """
                {"id":"chatcmpl-CK5aa1","object":"chat.completion","created":1759219100,"model":"gpt-4o-mini-2024-07-18",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s,"refusal":null,"annotations":[]},
                 "logprobs":null,"finish_reason":"%s"}],
                 "usage":{"prompt_tokens":50,"completion_tokens":20,"total_tokens":70}}
                """.formatted(contentJson, finish);
    }

    static final String CHAT_REFUSAL = """
            {"id":"chatcmpl-CK5bRf","object":"chat.completion","created":1759219150,"model":"gpt-4o-2024-08-06",
             "choices":[{"index":0,"message":{"role":"assistant","content":null,
               "refusal":"I'm sorry, I can't help with that request.","annotations":[]},"logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":88,"completion_tokens":11,"total_tokens":99}}
            """;

    static final String CHAT_ERROR_429 = """
            {
              "error": {
                "message": "Rate limit reached for gpt-4o in organization org-q7Ls2 on tokens per min (TPM): Limit 30000, Used 29512, Requested 1840. Please try again in 2.704s.",
                "type": "tokens",
                "param": null,
                "code": "rate_limit_exceeded"
              }
            }
            """;

    static final String CHAT_ERROR_QUOTA = """
            {"error":{"message":"You exceeded your current quota, please check your plan and billing details.",
              "type":"insufficient_quota","param":null,"code":"insufficient_quota"}}
            """;

    // ------------------------------------------------------------------ OpenAI Chat streams

    private static final String CHUNK = "{\"id\":\"chatcmpl-CK6s1\",\"object\":\"chat.completion.chunk\",\"created\":1759219300,"
            + "\"model\":\"gpt-4o-2024-08-06\",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_f33640a400\",";

    /** One chunk line ({@code data: …} and the blank line) with the given choices and usage. */
    static String chunk(String choicesJson, String usageJson) {
        return "data: " + CHUNK + "\"choices\":" + choicesJson + ",\"usage\":" + usageJson + ",\"obfuscation\":\"Qk3\"}\n\n";
    }

    static String deltaChunk(String deltaJson, String finish) {
        return chunk("[{\"index\":0,\"delta\":" + deltaJson + ",\"logprobs\":null,\"finish_reason\":"
                + (finish == null ? "null" : "\"" + finish + "\"") + "}]", "null");
    }

    static final String CHAT_STREAM_TEXT =
            deltaChunk("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", null)
            + deltaChunk("{\"content\":\"Your October\"}", null)
            + deltaChunk("{\"content\":\" invoice was\"}", null)
            + deltaChunk("{\"content\":\" charged twice.\"}", null)
            + deltaChunk("{}", "stop")
            + chunk("[]", "{\"prompt_tokens\":1117,\"completion_tokens\":46,\"total_tokens\":1163,"
                    + "\"prompt_tokens_details\":{\"cached_tokens\":1024,\"audio_tokens\":0},"
                    + "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0}}")
            + "data: [DONE]\n\n";

    static final String CHAT_STREAM_TOOLS =
            deltaChunk("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_Xr4QmT2bWv9LkN0pYs7dHa3E\","
                    + "\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}],\"refusal\":null}", null)
            + deltaChunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"ci\"}}]}", null)
            + deltaChunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"ty\\\":\\\"Lis\"}}]}", null)
            + deltaChunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"bon\\\"}\"}}]}", null)
            + deltaChunk("{\"tool_calls\":[{\"index\":1,\"id\":\"call_8JfGz1sUoP6cRq2vXe5WmK0t\",\"type\":\"function\","
                    + "\"function\":{\"name\":\"mcp__billing__lookup_invoice\",\"arguments\":\"\"}}]}", null)
            + deltaChunk("{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"{\\\"invoice_id\\\":\"}}]}", null)
            + deltaChunk("{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"\\\"INV-2025-0881\\\"}\"}}]}", null)
            + deltaChunk("{}", "tool_calls")
            + chunk("[]", "{\"prompt_tokens\":402,\"completion_tokens\":61,\"total_tokens\":463,"
                    + "\"prompt_tokens_details\":{\"cached_tokens\":0}}")
            + "data: [DONE]\n\n";

    static final String DEEPSEEK_STREAM =
            "data: {\"id\":\"8c1e\",\"object\":\"chat.completion.chunk\",\"created\":1759219400,\"model\":\"deepseek-reasoner\","
                    + "\"system_fingerprint\":\"fp_7e0991cad4_prod0820_fp8_kvcache\",\"choices\":[{\"index\":0,\"delta\":"
                    + "{\"role\":\"assistant\",\"content\":null,\"reasoning_content\":\"\"},\"logprobs\":null,\"finish_reason\":null}]}\n\n"
            + ds("{\"content\":null,\"reasoning_content\":\"Charged twice\"}", null)
            + ds("{\"content\":null,\"reasoning_content\":\" for October: billing.\"}", null)
            + ds("{\"content\":\"{\\\"category\\\"\",\"reasoning_content\":null}", null)
            + ds("{\"content\":\": \\\"billing\\\"}\",\"reasoning_content\":null}", "stop")
            + "data: {\"id\":\"8c1e\",\"object\":\"chat.completion.chunk\",\"created\":1759219400,\"model\":\"deepseek-reasoner\","
                    + "\"system_fingerprint\":\"fp_7e0991cad4_prod0820_fp8_kvcache\",\"choices\":[],\"usage\":{\"prompt_tokens\":211,"
                    + "\"completion_tokens\":138,\"total_tokens\":349,\"prompt_tokens_details\":{\"cached_tokens\":128},"
                    + "\"completion_tokens_details\":{\"reasoning_tokens\":104},\"prompt_cache_hit_tokens\":128,"
                    + "\"prompt_cache_miss_tokens\":83}}\n\n"
            + "data: [DONE]\n\n";

    private static String ds(String delta, String finish) {
        return "data: {\"id\":\"8c1e\",\"object\":\"chat.completion.chunk\",\"created\":1759219400,\"model\":\"deepseek-reasoner\","
                + "\"system_fingerprint\":\"fp_7e0991cad4_prod0820_fp8_kvcache\",\"choices\":[{\"index\":0,\"delta\":" + delta
                + ",\"logprobs\":null,\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"") + "}]}\n\n";
    }

    // ================================================================== OpenAI Responses

    private static final String RESPONSE_COMMON = """
              "object": "response",
              "created_at": 1759220000,
              "background": false,
              "error": null,
              "instructions": null,
              "max_output_tokens": 2000,
              "max_tool_calls": null,
              "parallel_tool_calls": true,
              "previous_response_id": null,
              "reasoning": {"effort": "medium", "summary": "detailed"},
              "service_tier": "default",
              "store": false,
              "temperature": 1.0,
              "text": {"format": {"type": "text"}, "verbosity": "medium"},
              "tool_choice": "auto",
              "top_logprobs": 0,
              "top_p": 1.0,
              "truncation": "disabled",
              "metadata": {},
            """;

    static final String RESPONSES_REASONING_TEXT = """
            {
              "id": "resp_68d5c1e40b7c8190a2f1d3e4b5c6a7d80e1f2a3b4c5d6e7f",
            """ + RESPONSE_COMMON + """
              "status": "completed",
              "incomplete_details": null,
              "model": "o4-mini-2025-04-16",
              "tools": [],
              "output": [
                {
                  "id": "rs_68d5c1e5a1b08190b3c4d5e6f7a8b9c0",
                  "type": "reasoning",
                  "encrypted_content": "gAAAAABo1cHl9kQ2x_Zc1vR8",
                  "summary": [
                    {"type": "summary_text", "text": "**Classifying the ticket**\\n\\nDouble charge, refund requested."},
                    {"type": "summary_text", "text": "**Choosing urgency**\\n\\nDeadline Friday: urgency 3."}
                  ]
                },
                {
                  "id": "msg_68d5c1e6c2d181909a8b7c6d5e4f3a2b",
                  "type": "message",
                  "status": "completed",
                  "role": "assistant",
                  "content": [
                    {"type": "output_text", "annotations": [], "logprobs": [], "text": "{\\"category\\":\\"billing\\",\\"urgency\\":3}"}
                  ]
                }
              ],
              "usage": {
                "input_tokens": 1320,
                "input_tokens_details": {"cached_tokens": 1152, "cache_write_tokens": 0},
                "output_tokens": 412,
                "output_tokens_details": {"reasoning_tokens": 320},
                "total_tokens": 1732
              }
            }
            """;

    static final String RESPONSES_TOOLS = """
            {
              "id": "resp_68d5c2a1f3e48190bb1c2d3e4f5a6b7c",
            """ + RESPONSE_COMMON + """
              "status": "completed",
              "incomplete_details": null,
              "model": "gpt-4.1-2025-04-14",
              "tools": [
                {"type": "function", "name": "get_weather", "description": "Current weather", "strict": false,
                 "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}
              ],
              "output": [
                {"id": "fc_68d5c2a2a0b881909f8e7d6c5b4a3928", "type": "function_call", "status": "completed",
                 "call_id": "call_k2Lm9Nq4Rs7Tu1Vw3Xy5Za8B", "name": "get_weather", "arguments": "{\\"city\\":\\"Lisbon\\"}"},
                {"id": "fc_68d5c2a2b1c98190a7b6c5d4e3f2a1b0", "type": "function_call", "status": "completed",
                 "call_id": "call_P0oI9uY8tR7eW6qA5sD4fG3h", "name": "get_weather", "arguments": "{\\"city\\":\\"Porto\\"}"}
              ],
              "usage": {"input_tokens": 298, "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0},
                        "output_tokens": 44, "output_tokens_details": {"reasoning_tokens": 0}, "total_tokens": 342}
            }
            """;

    static String responsesIncomplete(String reason, String text) {
        return """
                {"id":"resp_68d5c3b0","object":"response","created_at":1759220100,"status":"incomplete",
                 "incomplete_details":{"reason":"%s"},"model":"gpt-4.1-mini-2025-04-14","error":null,
                 "output":[{"id":"msg_68d5c3b1","type":"message","status":"incomplete","role":"assistant",
                   "content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"%s"}]}],
                 "usage":{"input_tokens":40,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},
                          "output_tokens":16,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":56}}
                """.formatted(reason, text);
    }

    static final String RESPONSES_REFUSAL = """
            {"id":"resp_68d5c4c0","object":"response","created_at":1759220200,"status":"completed","incomplete_details":null,
             "model":"gpt-4o-2024-08-06","error":null,
             "output":[{"id":"msg_68d5c4c1","type":"message","status":"completed","role":"assistant",
               "content":[{"type":"refusal","refusal":"I can't help with that."}]}],
             "usage":{"input_tokens":30,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},
                      "output_tokens":8,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":38}}
            """;

    static final String RESPONSES_FAILED = """
            {"id":"resp_68d5c5d0","object":"response","created_at":1759220300,"status":"failed",
             "error":{"code":"server_error","message":"The model failed to generate a response."},
             "incomplete_details":null,"model":"o3-2025-04-16","output":[],"usage":null}
            """;

    // ------------------------------------------------------------------ Responses stream

    static String rev(String type, int seq, String body) {
        return "event: " + type + "\ndata: {\"type\":\"" + type + "\",\"sequence_number\":" + seq + (body.isEmpty() ? "" : "," + body) + "}\n\n";
    }

    private static final String RESP_IN_PROGRESS = "\"response\":{\"id\":\"resp_68d5d0a1\",\"object\":\"response\",\"created_at\":1759221000,"
            + "\"status\":\"in_progress\",\"error\":null,\"incomplete_details\":null,\"model\":\"o4-mini-2025-04-16\","
            + "\"output\":[],\"usage\":null}";

    static final String RESPONSES_STREAM_REASONING_TEXT =
            rev("response.created", 0, RESP_IN_PROGRESS)
            + rev("response.in_progress", 1, RESP_IN_PROGRESS)
            + rev("response.output_item.added", 2, "\"output_index\":0,\"item\":{\"id\":\"rs_1\",\"type\":\"reasoning\",\"summary\":[]}")
            + rev("response.reasoning_summary_part.added", 3, "\"item_id\":\"rs_1\",\"output_index\":0,\"summary_index\":0,\"part\":{\"type\":\"summary_text\",\"text\":\"\"}")
            + rev("response.reasoning_summary_text.delta", 4, "\"item_id\":\"rs_1\",\"output_index\":0,\"summary_index\":0,\"delta\":\"**Classifying**\",\"obfuscation\":\"a1\"")
            + rev("response.reasoning_summary_text.delta", 5, "\"item_id\":\"rs_1\",\"output_index\":0,\"summary_index\":0,\"delta\":\" billing.\",\"obfuscation\":\"b2\"")
            + rev("response.reasoning_summary_text.done", 6, "\"item_id\":\"rs_1\",\"output_index\":0,\"summary_index\":0,\"text\":\"**Classifying** billing.\"")
            + rev("response.reasoning_summary_part.added", 7, "\"item_id\":\"rs_1\",\"output_index\":0,\"summary_index\":1,\"part\":{\"type\":\"summary_text\",\"text\":\"\"}")
            + rev("response.reasoning_summary_text.delta", 8, "\"item_id\":\"rs_1\",\"output_index\":0,\"summary_index\":1,\"delta\":\"**Urgency** 3.\"")
            + rev("response.output_item.done", 9, "\"output_index\":0,\"item\":{\"id\":\"rs_1\",\"type\":\"reasoning\",\"encrypted_content\":\"gAAAAABo1cHl9kQ2\","
                    + "\"summary\":[{\"type\":\"summary_text\",\"text\":\"**Classifying** billing.\"},{\"type\":\"summary_text\",\"text\":\"**Urgency** 3.\"}]}")
            + rev("response.output_item.added", 10, "\"output_index\":1,\"item\":{\"id\":\"msg_1\",\"type\":\"message\",\"status\":\"in_progress\",\"content\":[],\"role\":\"assistant\"}")
            + rev("response.content_part.added", 11, "\"item_id\":\"msg_1\",\"output_index\":1,\"content_index\":0,\"part\":{\"type\":\"output_text\",\"annotations\":[],\"logprobs\":[],\"text\":\"\"}")
            + rev("response.output_text.delta", 12, "\"item_id\":\"msg_1\",\"output_index\":1,\"content_index\":0,\"delta\":\"{\\\"category\\\"\",\"logprobs\":[],\"obfuscation\":\"x\"")
            + rev("response.output_text.delta", 13, "\"item_id\":\"msg_1\",\"output_index\":1,\"content_index\":0,\"delta\":\":\\\"billing\\\"}\",\"logprobs\":[],\"obfuscation\":\"y\"")
            + rev("response.output_text.done", 14, "\"item_id\":\"msg_1\",\"output_index\":1,\"content_index\":0,\"text\":\"{\\\"category\\\":\\\"billing\\\"}\",\"logprobs\":[]")
            + rev("response.content_part.done", 15, "\"item_id\":\"msg_1\",\"output_index\":1,\"content_index\":0,\"part\":{\"type\":\"output_text\",\"annotations\":[],\"logprobs\":[],\"text\":\"{\\\"category\\\":\\\"billing\\\"}\"}")
            + rev("response.output_item.done", 16, "\"output_index\":1,\"item\":{\"id\":\"msg_1\",\"type\":\"message\",\"status\":\"completed\",\"role\":\"assistant\","
                    + "\"content\":[{\"type\":\"output_text\",\"annotations\":[],\"logprobs\":[],\"text\":\"{\\\"category\\\":\\\"billing\\\"}\"}]}")
            + rev("response.completed", 17, "\"response\":{\"id\":\"resp_68d5d0a1\",\"object\":\"response\",\"created_at\":1759221000,"
                    + "\"status\":\"completed\",\"error\":null,\"incomplete_details\":null,\"model\":\"o4-mini-2025-04-16\",\"output\":[],"
                    + "\"usage\":{\"input_tokens\":1320,\"input_tokens_details\":{\"cached_tokens\":1152,\"cache_write_tokens\":0},"
                    + "\"output_tokens\":412,\"output_tokens_details\":{\"reasoning_tokens\":320},\"total_tokens\":1732}}");

    static final String RESPONSES_STREAM_TOOLS =
            rev("response.created", 0, RESP_IN_PROGRESS)
            + rev("response.output_item.added", 1, "\"output_index\":0,\"item\":{\"id\":\"fc_1\",\"type\":\"function_call\",\"status\":\"in_progress\","
                    + "\"arguments\":\"\",\"call_id\":\"call_k2Lm9Nq4Rs7Tu1Vw3Xy5Za8B\",\"name\":\"get_weather\"}")
            + rev("response.function_call_arguments.delta", 2, "\"item_id\":\"fc_1\",\"output_index\":0,\"delta\":\"{\\\"city\\\":\"")
            + rev("response.function_call_arguments.delta", 3, "\"item_id\":\"fc_1\",\"output_index\":0,\"delta\":\"\\\"Lisbon\\\"}\"")
            + rev("response.function_call_arguments.done", 4, "\"item_id\":\"fc_1\",\"output_index\":0,\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Lisbon\\\"}\"")
            + rev("response.output_item.done", 5, "\"output_index\":0,\"item\":{\"id\":\"fc_1\",\"type\":\"function_call\",\"status\":\"completed\","
                    + "\"arguments\":\"{\\\"city\\\":\\\"Lisbon\\\"}\",\"call_id\":\"call_k2Lm9Nq4Rs7Tu1Vw3Xy5Za8B\",\"name\":\"get_weather\"}")
            + rev("response.output_item.added", 6, "\"output_index\":1,\"item\":{\"id\":\"fc_2\",\"type\":\"function_call\",\"status\":\"in_progress\","
                    + "\"arguments\":\"\",\"call_id\":\"call_P0oI9uY8tR7eW6qA5sD4fG3h\",\"name\":\"get_weather\"}")
            + rev("response.function_call_arguments.delta", 7, "\"item_id\":\"fc_2\",\"output_index\":1,\"delta\":\"{\\\"city\\\":\\\"Porto\\\"}\"")
            + rev("response.output_item.done", 8, "\"output_index\":1,\"item\":{\"id\":\"fc_2\",\"type\":\"function_call\",\"status\":\"completed\","
                    + "\"arguments\":\"{\\\"city\\\":\\\"Porto\\\"}\",\"call_id\":\"call_P0oI9uY8tR7eW6qA5sD4fG3h\",\"name\":\"get_weather\"}")
            + rev("response.completed", 9, "\"response\":{\"id\":\"resp_68d5d0a1\",\"object\":\"response\",\"status\":\"completed\","
                    + "\"model\":\"gpt-4.1-2025-04-14\",\"output\":[],\"usage\":{\"input_tokens\":298,\"input_tokens_details\":"
                    + "{\"cached_tokens\":0,\"cache_write_tokens\":0},\"output_tokens\":44,\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":342}}");

    // ================================================================== Gemini

    static final String GEMINI_TEXT = """
            {
              "candidates": [
                {
                  "content": {
                    "parts": [
                      {"text": "Your October invoice was charged twice. "},
                      {"text": "A refund is on its way."}
                    ],
                    "role": "model"
                  },
                  "finishReason": "STOP",
                  "avgLogprobs": -0.1184,
                  "index": 0
                }
              ],
              "usageMetadata": {
                "promptTokenCount": 812,
                "candidatesTokenCount": 57,
                "totalTokenCount": 1101,
                "cachedContentTokenCount": 512,
                "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 812}],
                "cacheTokensDetails": [{"modality": "TEXT", "tokenCount": 512}],
                "thoughtsTokenCount": 232
              },
              "modelVersion": "gemini-2.5-flash",
              "responseId": "qJ3aaK2xE9-Dz7IPyPSV2Qg"
            }
            """;

    static final String GEMINI_TOOLS = """
            {
              "candidates": [
                {
                  "content": {
                    "parts": [
                      {"text": "**Planning the lookups**\\nBoth cities are needed.", "thought": true},
                      {"functionCall": {"name": "get_weather", "args": {"city": "Lisbon", "unit": "celsius", "days": 3}},
                       "thoughtSignature": "CiQB0e2Kb5rQ3x7vYy0Zx9mN8pL6kJ4hG2fD1sA0qW9eR8tY7uI="},
                      {"functionCall": {"name": "mcp__billing__lookup_invoice", "args": {"invoice_id": "INV-2025-0881", "amount": 1490.10}}}
                    ],
                    "role": "model"
                  },
                  "finishReason": "STOP",
                  "index": 0
                }
              ],
              "usageMetadata": {"promptTokenCount": 356, "candidatesTokenCount": 48, "totalTokenCount": 512, "thoughtsTokenCount": 108,
                                "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 356}]},
              "modelVersion": "gemini-2.5-pro",
              "responseId": "zK7aaN3yF5-Ez7IP0uDq8Aw"
            }
            """;

    static String geminiFinish(String finishReason, String text) {
        return """
                {"candidates":[{"content":{"parts":[{"text":"%s"}],"role":"model"},"finishReason":"%s","index":0,
                  "safetyRatings":[{"category":"HARM_CATEGORY_DANGEROUS_CONTENT","probability":"MEDIUM"}]}],
                 "usageMetadata":{"promptTokenCount":20,"candidatesTokenCount":9,"totalTokenCount":29},
                 "modelVersion":"gemini-2.5-flash","responseId":"r1"}
                """.formatted(text, finishReason);
    }

    static final String GEMINI_SAFETY_NO_CONTENT = """
            {"candidates":[{"finishReason":"SAFETY","index":0,"safetyRatings":[
               {"category":"HARM_CATEGORY_SEXUALLY_EXPLICIT","probability":"NEGLIGIBLE"},
               {"category":"HARM_CATEGORY_DANGEROUS_CONTENT","probability":"HIGH","blocked":true}]}],
             "usageMetadata":{"promptTokenCount":41,"totalTokenCount":41},"modelVersion":"gemini-2.0-flash","responseId":"s2"}
            """;

    static final String GEMINI_BLOCKED_PROMPT = """
            {
              "promptFeedback": {
                "blockReason": "PROHIBITED_CONTENT",
                "safetyRatings": [{"category": "HARM_CATEGORY_DANGEROUS_CONTENT", "probability": "HIGH", "blocked": true}]
              },
              "usageMetadata": {"promptTokenCount": 97, "totalTokenCount": 97},
              "modelVersion": "gemini-2.5-flash",
              "responseId": "b3Xa"
            }
            """;

    static final String GEMINI_ERROR_429 = """
            {
              "error": {
                "code": 429,
                "message": "You exceeded your current quota, please check your plan and billing details. Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_requests, limit: 10",
                "status": "RESOURCE_EXHAUSTED",
                "details": [
                  {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "38s"}
                ]
              }
            }
            """;

    static final String GEMINI_ERROR_503 = """
            {"error":{"code":503,"message":"The model is overloaded. Please try again later.","status":"UNAVAILABLE"}}
            """;

    // ------------------------------------------------------------------ Gemini streams (alt=sse, CRLF as Google sends them)

    static String gchunk(String partsJson, String finish, String usageJson) {
        return "data: {\"candidates\": [{\"content\": {\"parts\": " + partsJson + ",\"role\": \"model\"}"
                + (finish == null ? "" : ",\"finishReason\": \"" + finish + "\"") + ",\"index\": 0}],"
                + "\"usageMetadata\": " + usageJson + ",\"modelVersion\": \"gemini-2.5-flash\",\"responseId\": \"kP3aaL-8Ccmz7IPm6fX0Aw\"}\r\n\r\n";
    }

    static final String G_USAGE_EARLY = "{\"promptTokenCount\": 812,\"totalTokenCount\": 812,\"promptTokensDetails\": [{\"modality\": \"TEXT\",\"tokenCount\": 812}]}";
    static final String G_USAGE_FINAL = "{\"promptTokenCount\": 812,\"candidatesTokenCount\": 57,\"totalTokenCount\": 1101,"
            + "\"cachedContentTokenCount\": 512,\"thoughtsTokenCount\": 232}";

    static final String GEMINI_STREAM_TEXT =
            gchunk("[{\"text\": \"**Checking the invoice**\\nTwo charges.\",\"thought\": true}]", null, G_USAGE_EARLY)
            + gchunk("[{\"text\": \"Your October invoice\",\"thoughtSignature\": \"Cs0BAdHtim9Q\"}]", null, G_USAGE_EARLY)
            + gchunk("[{\"text\": \" was charged twice.\"}]", null, G_USAGE_EARLY)
            + gchunk("[{\"text\": \" A refund is on its way.\"}]", "STOP", G_USAGE_FINAL);

    static final String GEMINI_STREAM_TOOLS =
            gchunk("[{\"text\": \"Checking both.\"}]", null, G_USAGE_EARLY)
            + gchunk("[{\"functionCall\": {\"name\": \"get_weather\",\"args\": {\"city\": \"Lisbon\"}},\"thoughtSignature\": \"CiQB0e2K\"},"
                    + "{\"functionCall\": {\"name\": \"mcp__billing__lookup_invoice\",\"args\": {\"invoice_id\": \"INV-2025-0881\"}}}]",
                    "STOP", G_USAGE_FINAL);
}
