package dev.promptport.reply;

/**
 * Replies that once translated wrong, as captured: from OpenAI-compatible vendors (Qwen,
 * DeepSeek, Mistral, Kimi, Azure) and from corners of OpenAI's and Gemini's own.
 */
final class QuirkFixtures {

    private QuirkFixtures() {
    }

    /** Qwen3: the arguments arrive as a JSON string holding the object, in one piece. */
    static final String CHAT_DOUBLE_ENCODED_ONE_PIECE_SSE = """
            data: {"id":"chatcmpl-D","object":"chat.completion.chunk","model":"qwen3-235b-a22b","choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_d1","type":"function","function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}]}

            data: {"id":"chatcmpl-D","object":"chat.completion.chunk","model":"qwen3-235b-a22b","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\\"{\\\\\\"location\\\\\\": \\\\\\"Paris\\\\\\"}\\""}}]},"finish_reason":null}]}

            data: {"id":"chatcmpl-D","object":"chat.completion.chunk","model":"qwen3-235b-a22b","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":80,"completion_tokens":12,"total_tokens":92}}

            data: [DONE]

            """;

    /** Qwen3: arguments encoded twice, in two pieces. */
    static final String CHAT_DOUBLE_ENCODED_SSE = """
            data: {"id":"chatcmpl-D","object":"chat.completion.chunk","created":1,"model":"qwen3-235b-a22b","choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_d1","type":"function","function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}]}

            data: {"id":"chatcmpl-D","object":"chat.completion.chunk","created":1,"model":"qwen3-235b-a22b","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\\"{\\\\\\"location\\\\\\": "}}]},"finish_reason":null}]}

            data: {"id":"chatcmpl-D","object":"chat.completion.chunk","created":1,"model":"qwen3-235b-a22b","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\\\\\\"Paris\\\\\\"}\\""}}]},"finish_reason":null}]}

            data: {"id":"chatcmpl-D","object":"chat.completion.chunk","created":1,"model":"qwen3-235b-a22b","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":80,"completion_tokens":12,"total_tokens":92}}

            data: [DONE]

            """;

    /** The same reply whole. */
    static final String CHAT_DOUBLE_ENCODED = """
            {"id":"chatcmpl-D","object":"chat.completion","created":1,"model":"qwen3-235b-a22b","choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_d1","type":"function","function":{"name":"get_weather","arguments":"\\"{\\\\\\"location\\\\\\": \\\\\\"Paris\\\\\\"}\\""}}]},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":80,"completion_tokens":12,"total_tokens":92}}
            """;

    /** DeepSeek: arguments written as a Python dict. */
    static final String CHAT_PYTHON_ARGS_SSE = """
            data: {"id":"chatcmpl-E","object":"chat.completion.chunk","created":1,"model":"deepseek-chat","choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_e1","type":"function","function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}]}

            data: {"id":"chatcmpl-E","object":"chat.completion.chunk","created":1,"model":"deepseek-chat","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{'location': 'Paris'}"}}]},"finish_reason":null}]}

            data: {"id":"chatcmpl-E","object":"chat.completion.chunk","created":1,"model":"deepseek-chat","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":80,"completion_tokens":12,"total_tokens":92}}

            data: [DONE]

            """;

    /** GPT-4.1 stopped by the output limit inside a call's arguments. */
    static final String CHAT_TRUNCATED_ARGS_SSE = """
            data: {"id":"chatcmpl-T","object":"chat.completion.chunk","created":1,"model":"gpt-4.1","choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_t","type":"function","function":{"name":"write_file","arguments":""}}],"refusal":null},"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-T","object":"chat.completion.chunk","created":1,"model":"gpt-4.1","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"path\\": \\"a.txt\\", \\"content\\": \\"hel"}}]},"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-T","object":"chat.completion.chunk","created":1,"model":"gpt-4.1","choices":[{"index":0,"delta":{},"finish_reason":"length"}],"usage":null}

            data: {"id":"chatcmpl-T","object":"chat.completion.chunk","created":1,"model":"gpt-4.1","choices":[],"usage":{"prompt_tokens":50,"completion_tokens":16,"total_tokens":66}}

            data: [DONE]

            """;

    /** The same reply whole. */
    static final String CHAT_TRUNCATED_ARGS = """
            {"id":"chatcmpl-T","object":"chat.completion","created":1,"model":"gpt-4.1","choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_t","type":"function","function":{"name":"write_file","arguments":"{\\"path\\": \\"a.txt\\", \\"content\\": \\"hel"}}],"refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"length"}],"usage":{"prompt_tokens":50,"completion_tokens":16,"total_tokens":66,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}
            """;

    /** One chunk opens calls 0 and 1, the next carries arguments for both. */
    static final String CHAT_INTERLEAVED_SSE = """
            data: {"id":"chatcmpl-I","object":"chat.completion.chunk","created":1,"model":"gpt-4.1","choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_a","type":"function","function":{"name":"get_weather","arguments":""}},{"index":1,"id":"call_b","type":"function","function":{"name":"get_time","arguments":""}}]},"finish_reason":null}]}

            data: {"id":"chatcmpl-I","object":"chat.completion.chunk","created":1,"model":"gpt-4.1","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"location\\":\\"Paris\\"}"}},{"index":1,"function":{"arguments":"{\\"tz\\":\\"CET\\"}"}}]},"finish_reason":null}]}

            data: {"id":"chatcmpl-I","object":"chat.completion.chunk","created":1,"model":"gpt-4.1","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}

            data: [DONE]

            """;

    /** DeepSeek: a blank line of content before the tool calls. */
    static final String CHAT_WHITESPACE_BEFORE_TOOLS = """
            {"id":"chatcmpl-W","object":"chat.completion","created":1,"model":"deepseek-chat","choices":[{"index":0,"message":{"role":"assistant","content":"\\n\\n","tool_calls":[{"index":0,"id":"call_0_6f2b","type":"function","function":{"name":"get_weather","arguments":"{\\"location\\":\\"Paris\\"}"}}]},"logprobs":null,"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":200,"completion_tokens":20,"total_tokens":220,"prompt_tokens_details":{"cached_tokens":128},"prompt_cache_hit_tokens":128,"prompt_cache_miss_tokens":72}}
            """;

    /** The same, streamed. */
    static final String CHAT_WHITESPACE_BEFORE_TOOLS_SSE = """
            data: {"id":"chatcmpl-W2","object":"chat.completion.chunk","created":1,"model":"deepseek-chat","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}

            data: {"id":"chatcmpl-W2","object":"chat.completion.chunk","created":1,"model":"deepseek-chat","choices":[{"index":0,"delta":{"content":"\\n\\n"},"finish_reason":null}]}

            data: {"id":"chatcmpl-W2","object":"chat.completion.chunk","created":1,"model":"deepseek-chat","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_0_6f2b","type":"function","function":{"name":"get_weather","arguments":"{\\"location\\":\\"Paris\\"}"}}]},"finish_reason":null}]}

            data: {"id":"chatcmpl-W2","object":"chat.completion.chunk","created":1,"model":"deepseek-chat","choices":[{"index":0,"delta":{"content":""},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":200,"completion_tokens":20,"total_tokens":220,"prompt_cache_hit_tokens":128,"prompt_cache_miss_tokens":72}}

            data: [DONE]

            """;

    /** Magistral: a thinking part whose thinking is an array of text parts. */
    static final String MISTRAL_THINKING = """
            {"id":"0c3f9a","object":"chat.completion","created":1760000000,"model":"magistral-medium-2509","choices":[{"index":0,"message":{"role":"assistant","tool_calls":null,"content":[{"type":"thinking","thinking":[{"type":"text","text":"The user asks 2+2. That is 4."}]},{"type":"text","text":"2 + 2 = 4."}]},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"total_tokens":60,"completion_tokens":48}}
            """;

    /** The same, streamed. */
    static final String MISTRAL_THINKING_SSE = """
            data: {"id":"0c3f9b","object":"chat.completion.chunk","created":1760000000,"model":"magistral-medium-2509","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}

            data: {"id":"0c3f9b","object":"chat.completion.chunk","created":1760000000,"model":"magistral-medium-2509","choices":[{"index":0,"delta":{"content":[{"type":"thinking","thinking":[{"type":"text","text":"The user asks 2+2."}]}]},"finish_reason":null}]}

            data: {"id":"0c3f9b","object":"chat.completion.chunk","created":1760000000,"model":"magistral-medium-2509","choices":[{"index":0,"delta":{"content":[{"type":"thinking","thinking":[{"type":"text","text":" That is 4."}]}]},"finish_reason":null}]}

            data: {"id":"0c3f9b","object":"chat.completion.chunk","created":1760000000,"model":"magistral-medium-2509","choices":[{"index":0,"delta":{"content":"2 + 2 = 4."},"finish_reason":null}]}

            data: {"id":"0c3f9b","object":"chat.completion.chunk","created":1760000000,"model":"magistral-medium-2509","choices":[{"index":0,"delta":{"content":""},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"total_tokens":60,"completion_tokens":48}}

            data: [DONE]

            """;

    /** Azure OpenAI: a first chunk with empty id, model and choices (the prompt filter's results). */
    static final String AZURE_SSE = """
            data: {"choices":[],"created":0,"id":"","model":"","object":"","prompt_filter_results":[{"prompt_index":0,"content_filter_results":{"hate":{"filtered":false,"severity":"safe"},"self_harm":{"filtered":false,"severity":"safe"},"sexual":{"filtered":false,"severity":"safe"},"violence":{"filtered":false,"severity":"safe"}}}]}

            data: {"choices":[{"content_filter_results":{},"delta":{"content":"","refusal":null,"role":"assistant"},"finish_reason":null,"index":0,"logprobs":null}],"created":1750000000,"id":"chatcmpl-AZ1","model":"gpt-4o-2024-11-20","object":"chat.completion.chunk","system_fingerprint":"fp_ee"}

            data: {"choices":[{"content_filter_results":{"hate":{"filtered":false,"severity":"safe"}},"delta":{"content":"Hello"},"finish_reason":null,"index":0,"logprobs":null}],"created":1750000000,"id":"chatcmpl-AZ1","model":"gpt-4o-2024-11-20","object":"chat.completion.chunk","system_fingerprint":"fp_ee"}

            data: {"choices":[{"content_filter_results":{},"delta":{},"finish_reason":"stop","index":0,"logprobs":null}],"created":1750000000,"id":"chatcmpl-AZ1","model":"gpt-4o-2024-11-20","object":"chat.completion.chunk","system_fingerprint":"fp_ee"}

            data: [DONE]

            """;

    /** Kimi (Moonshot): cached tokens at the top level of usage. */
    static final String KIMI_USAGE = """
            {"id":"chatcmpl-6a2","object":"chat.completion","created":1760000000,"model":"kimi-k2-0905-preview","choices":[{"index":0,"message":{"role":"assistant","content":"Hello!"},"finish_reason":"stop"}],"usage":{"prompt_tokens":1200,"completion_tokens":3,"total_tokens":1203,"cached_tokens":1024}}
            """;

    /** Kimi streamed: the usage inside the choice. */
    static final String KIMI_USAGE_SSE = """
            data: {"id":"chatcmpl-6a1","object":"chat.completion.chunk","created":1760000000,"model":"kimi-k2-0905-preview","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}

            data: {"id":"chatcmpl-6a1","object":"chat.completion.chunk","created":1760000000,"model":"kimi-k2-0905-preview","choices":[{"index":0,"delta":{"content":"Hello!"},"finish_reason":null}]}

            data: {"id":"chatcmpl-6a1","object":"chat.completion.chunk","created":1760000000,"model":"kimi-k2-0905-preview","choices":[{"index":0,"delta":{},"finish_reason":"stop","usage":{"prompt_tokens":1200,"completion_tokens":3,"total_tokens":1203,"cached_tokens":1024}}]}

            data: [DONE]

            """;

    /** Hunyuan (also MiniMax, OpenCode): {@code "finish_reason": ""} on every chunk before the last. */
    static final String HUNYUAN_EMPTY_FINISH_SSE = """
            data: {"id":"chatcmpl_1","model":"hy3-free","choices":[{"index":0,"delta":{"reasoning_content":"checking"},"finish_reason":""}]}

            data: {"id":"chatcmpl_1","model":"hy3-free","choices":[{"index":0,"delta":{"content":"done"},"finish_reason":""}]}

            data: {"id":"chatcmpl_1","model":"hy3-free","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"read","arguments":"{\\"pa"}}]},"finish_reason":""}]}

            data: {"id":"chatcmpl_1","model":"hy3-free","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"th\\":\\"x\\"}"}}]},"finish_reason":""}]}

            data: {"id":"chatcmpl_1","model":"hy3-free","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":3,"completion_tokens":4,"total_tokens":7}}

            data: [DONE]

            """;

    /** The same reply whole, with an empty finish reason. */
    static final String HUNYUAN_EMPTY_FINISH = """
            {"id":"chatcmpl_1","object":"chat.completion","model":"hy3-free","choices":[{"index":0,"message":{"role":"assistant","reasoning_content":"checking","content":"done","tool_calls":[{"id":"call_1","type":"function","function":{"name":"read","arguments":"{\\"path\\":\\"x\\"}"}}]},"finish_reason":""}],"usage":{"prompt_tokens":3,"completion_tokens":4,"total_tokens":7}}
            """;

    /** Groq streamed: the usage in {@code x_groq} of the last chunk, none at the top level. */
    static final String GROQ_USAGE_SSE = """
            data: {"id":"chatcmpl-g","object":"chat.completion.chunk","created":1,"model":"llama-3.3-70b-versatile","system_fingerprint":"fp","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}],"x_groq":{"id":"req_1"}}

            data: {"id":"chatcmpl-g","object":"chat.completion.chunk","created":1,"model":"llama-3.3-70b-versatile","system_fingerprint":"fp","choices":[{"index":0,"delta":{"content":"Hello"},"logprobs":null,"finish_reason":null}]}

            data: {"id":"chatcmpl-g","object":"chat.completion.chunk","created":1,"model":"llama-3.3-70b-versatile","system_fingerprint":"fp","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"x_groq":{"id":"req_1","usage":{"queue_time":0.01,"prompt_tokens":40,"prompt_time":0.002,"completion_tokens":5,"completion_time":0.01,"total_tokens":45,"total_time":0.012}}}

            data: [DONE]

            """;

    /** A whole reply in Groq's manner: the usage only in {@code x_groq}. */
    static final String GROQ_USAGE = """
            {"id":"chatcmpl-g","object":"chat.completion","created":1,"model":"llama-3.3-70b-versatile","choices":[{"index":0,"message":{"role":"assistant","content":"Hello"},"logprobs":null,"finish_reason":"stop"}],"x_groq":{"id":"req_1","usage":{"queue_time":0.01,"prompt_tokens":40,"prompt_time":0.002,"completion_tokens":5,"completion_time":0.01,"total_tokens":45,"total_time":0.012}}}
            """;

    /** Gemini 3: the signature rides on the last text chunk. */
    static final String GEMINI3_SIGNATURE_ON_LAST_TEXT_SSE = """
            data: {"candidates":[{"content":{"parts":[{"text":"The capital of France"}],"role":"model"},"index":0}],"usageMetadata":{"promptTokenCount":10,"totalTokenCount":14},"modelVersion":"gemini-3-pro-preview","responseId":"r3"}

            data: {"candidates":[{"content":{"parts":[{"text":" is Paris.","thoughtSignature":"EpQCCpEC"}],"role":"model"},"finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":10,"candidatesTokenCount":7,"totalTokenCount":120,"thoughtsTokenCount":103},"modelVersion":"gemini-3-pro-preview","responseId":"r3"}

            """;

    /** Gemini 3 with thoughts: the signature on the last text chunk, after the thinking ended. */
    static final String GEMINI3_THOUGHTS_SIGNATURE_ON_LAST_TEXT_SSE = """
            data: {"candidates": [{"content": {"parts": [{"text": "**Recalling geography**\\nFrance's capital is Paris.","thought": true}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 10,"totalTokenCount": 60,"thoughtsTokenCount": 50},"modelVersion": "gemini-3-pro-preview","responseId": "r4"}

            data: {"candidates": [{"content": {"parts": [{"text": "The capital of France"}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 10,"candidatesTokenCount": 4,"totalTokenCount": 64,"thoughtsTokenCount": 50},"modelVersion": "gemini-3-pro-preview","responseId": "r4"}

            data: {"candidates": [{"content": {"parts": [{"text": " is Paris.","thoughtSignature":"EpQCCpEC"}],"role": "model"},"finishReason": "STOP","index": 0}],"usageMetadata": {"promptTokenCount": 10,"candidatesTokenCount": 7,"totalTokenCount": 67,"thoughtsTokenCount": 50},"modelVersion": "gemini-3-pro-preview","responseId": "r4"}

            """;

    /** Gemini could not parse the model's function call: no content, a finishMessage. */
    static final String GEMINI_MALFORMED_FUNCTION_CALL = """
            {"candidates":[{"content":{},"finishReason":"MALFORMED_FUNCTION_CALL","finishMessage":"Malformed function call: print(default_api.get_weather(location=\\"Paris\\", unit=celsius))","index":0}],"usageMetadata":{"promptTokenCount":310,"totalTokenCount":352,"thoughtsTokenCount":42},"modelVersion":"gemini-2.5-flash","responseId":"mfc1"}
            """;

    /** Gemini with {@code candidateCount: 2}, streamed: chunks of the two candidates take turns. */
    static final String GEMINI_TWO_CANDIDATES_SSE = """
            data: {"candidates":[{"content":{"parts":[{"text":"A1"}],"role":"model"},"index":0}],"modelVersion":"gemini-2.5-flash","responseId":"r14"}

            data: {"candidates":[{"content":{"parts":[{"text":"B1"}],"role":"model"},"finishReason":"STOP","index":1}],"modelVersion":"gemini-2.5-flash","responseId":"r14"}

            data: {"candidates":[{"content":{"parts":[{"text":" A2"}],"role":"model"},"finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":5,"candidatesTokenCount":8,"totalTokenCount":13},"modelVersion":"gemini-2.5-flash","responseId":"r14"}

            """;

    /** The same reply whole. */
    static final String GEMINI_TWO_CANDIDATES = """
            {"candidates":[{"content":{"parts":[{"text":"A1 A2"}],"role":"model"},"finishReason":"STOP","index":0},{"content":{"parts":[{"text":"B1 B2"}],"role":"model"},"finishReason":"STOP","index":1}],"usageMetadata":{"promptTokenCount":5,"candidatesTokenCount":8,"totalTokenCount":13},"modelVersion":"gemini-2.5-flash","responseId":"r14"}
            """;

    /** A Responses stream whose message arrives only in {@code output_item.done}, with no text deltas. */
    static final String RESPONSES_DONE_ONLY_SSE = """
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_s5","object":"response","status":"in_progress","model":"gpt-4o","output":[],"usage":null}}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":1,"output_index":0,"item":{"id":"msg_1","type":"message","status":"completed","role":"assistant","content":[{"type":"output_text","text":"Only in done.","annotations":[]}]}}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":2,"output_index":1,"item":{"id":"fc_1","type":"function_call","status":"completed","arguments":"{\\"a\\":1}","call_id":"call_D","name":"f"}}

            event: response.completed
            data: {"type":"response.completed","sequence_number":3,"response":{"id":"resp_s5","object":"response","status":"completed","model":"gpt-4o","output":[],"usage":{"input_tokens":5,"output_tokens":6,"total_tokens":11}}}

            """;

    /** A Responses stream whose output arrives only in {@code response.completed}. */
    static final String RESPONSES_COMPLETED_ONLY_SSE = """
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_s4","object":"response","status":"in_progress","model":"gpt-4o","output":[],"usage":null}}

            event: response.completed
            data: {"type":"response.completed","sequence_number":1,"response":{"id":"resp_s4","object":"response","status":"completed","model":"gpt-4o","output":[{"type":"message","id":"msg_1","role":"assistant","content":[{"type":"output_text","text":"Whole answer","annotations":[]}]},{"type":"function_call","id":"fc_9","call_id":"call_9","name":"f","arguments":"{}"}],"usage":{"input_tokens":5,"output_tokens":1,"total_tokens":6}}}

            """;

    /** A Responses stream whose reasoning summary goes on after a function call began (synthetic). */
    static final String RESPONSES_INTERLEAVED_SSE = """
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_s4","object":"response","status":"in_progress","model":"gpt-4o","output":[],"usage":null}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"rs_1","type":"reasoning","summary":[]}}

            event: response.reasoning_summary_text.delta
            data: {"type":"response.reasoning_summary_text.delta","sequence_number":3,"item_id":"rs_1","output_index":0,"summary_index":0,"delta":"Plan."}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":4,"output_index":1,"item":{"id":"fc_1","type":"function_call","status":"in_progress","arguments":"","call_id":"call_1","name":"f"}}

            event: response.function_call_arguments.delta
            data: {"type":"response.function_call_arguments.delta","sequence_number":5,"item_id":"fc_1","output_index":1,"delta":"{\\"a\\":1}"}

            event: response.reasoning_summary_text.delta
            data: {"type":"response.reasoning_summary_text.delta","sequence_number":6,"item_id":"rs_1","output_index":0,"summary_index":0,"delta":" More."}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":7,"output_index":0,"item":{"id":"rs_1","type":"reasoning","summary":[{"type":"summary_text","text":"Plan. More."}],"encrypted_content":"ENC"}}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":8,"output_index":1,"item":{"id":"fc_1","type":"function_call","status":"completed","arguments":"{\\"a\\":1}","call_id":"call_1","name":"f"}}

            event: response.completed
            data: {"type":"response.completed","sequence_number":9,"response":{"id":"resp_s4","object":"response","status":"completed","model":"o3","output":[],"usage":{"input_tokens":5,"output_tokens":6,"total_tokens":11}}}

            """;

    /**
     * GPT-5.4 calls OpenAI's own wrapper of parallel calls as a function named {@code parallel}
     * (the Vercel AI SDK's fixture {@code issue-19067-parallel-tool-call-wrapper.chunks.txt}).
     */
    static final String RESPONSES_PARALLEL_WRAPPER_SSE = """
            event: response.created
            data: {"type":"response.created","response":{"id":"resp_parallel","object":"response","created_at":1787162400,"status":"in_progress","model":"gpt-5.4","output":[],"usage":null}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","output_index":0,"item":{"type":"function_call","id":"fc_parallel","call_id":"call_parallel","name":"parallel","arguments":"","status":"in_progress"}}

            event: response.function_call_arguments.delta
            data: {"type":"response.function_call_arguments.delta","item_id":"fc_parallel","output_index":0,"delta":"{\\"tool_uses\\":[{\\"recipient_name\\":\\"functions.weather\\",\\"parameters\\":{\\"location\\":\\"San Francisco\\"}},{\\"recipient_name\\":\\"functions.cityAttractions\\",\\"parameters\\":{\\"city\\":\\"Rome\\"}}]}"}

            event: response.function_call_arguments.done
            data: {"type":"response.function_call_arguments.done","item_id":"fc_parallel","output_index":0,"arguments":"{\\"tool_uses\\":[{\\"recipient_name\\":\\"functions.weather\\",\\"parameters\\":{\\"location\\":\\"San Francisco\\"}},{\\"recipient_name\\":\\"functions.cityAttractions\\",\\"parameters\\":{\\"city\\":\\"Rome\\"}}]}"}

            event: response.output_item.done
            data: {"type":"response.output_item.done","output_index":0,"item":{"type":"function_call","id":"fc_parallel","call_id":"call_parallel","name":"parallel","arguments":"{\\"tool_uses\\":[{\\"recipient_name\\":\\"functions.weather\\",\\"parameters\\":{\\"location\\":\\"San Francisco\\"}},{\\"recipient_name\\":\\"functions.cityAttractions\\",\\"parameters\\":{\\"city\\":\\"Rome\\"}}]}","status":"completed"}}

            event: response.completed
            data: {"type":"response.completed","response":{"id":"resp_parallel","object":"response","created_at":1787162400,"status":"completed","model":"gpt-5.4","output":[],"usage":{"input_tokens":34,"input_tokens_details":{"cached_tokens":0},"output_tokens":28,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":62}}}

            """;
}
