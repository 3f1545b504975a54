package dev.promptport.read;

import dev.promptport.tree.ByteWords;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The field names the readers look for, the values requests repeat and the commonest tag names,
 * as constants. A request, a reply or a stream event names the same few keys again and again
 * ("role", "content", "type" in every message) with the same few values ("user", "text"), and a
 * prompt's sections the same few names ("context", "rules"): each would otherwise be cut from the
 * source as a String of its own.
 */
final class FieldNames {

    private static final String[] NAMES = {
        // Anthropic Messages
        "model", "max_tokens", "system", "messages", "role", "content", "type", "text", "cache_control", "ttl",
        "tools", "tool_choice", "name", "description", "input_schema", "temperature", "top_p", "top_k",
        "stop_sequences", "stream", "metadata", "user_id", "thinking", "budget_tokens", "signature", "data",
        "source", "media_type", "url", "file_id", "id", "input", "tool_use_id", "is_error", "citations", "title",
        "context", "service_tier", "properties", "required", "items", "enum", "additionalProperties",
        "disable_parallel_tool_use", "output_format", "schema", "effort", "output_config",
        // OpenAI Chat and Responses
        "tool_calls", "function", "arguments", "tool_call_id", "response_format", "json_schema", "strict",
        "max_completion_tokens", "reasoning_effort", "n", "seed", "user", "logprobs", "top_logprobs",
        "stream_options", "include_usage", "parallel_tool_calls", "image_url", "detail", "instructions",
        "max_output_tokens", "reasoning", "summary", "call_id", "output", "previous_response_id", "store",
        "object", "created", "choices", "index", "delta", "message", "finish_reason", "usage", "prompt_tokens",
        "completion_tokens", "total_tokens", "system_fingerprint", "refusal", "annotations",
        "prompt_tokens_details", "cached_tokens", "completion_tokens_details", "reasoning_tokens",
        "reasoning_content", "status", "error", "code", "param", "input_tokens", "output_tokens",
        "input_tokens_details", "output_tokens_details", "sequence_number", "item_id", "output_index",
        "content_index", "item", "response", "part", "obfuscation", "response.output_text.delta",
        // Gemini
        "contents", "parts", "systemInstruction", "generationConfig", "maxOutputTokens", "topP", "topK",
        "stopSequences", "candidates", "finishReason", "usageMetadata", "promptTokenCount",
        "candidatesTokenCount", "totalTokenCount", "thoughtsTokenCount", "cachedContentTokenCount",
        "functionCall", "functionResponse", "functionDeclarations", "parameters", "args", "inlineData",
        "mimeType", "fileData", "fileUri", "thought", "thoughtSignature", "thinkingConfig", "thinkingBudget",
        "includeThoughts", "modelVersion", "responseId", "safetyRatings", "category", "probability",
        "toolConfig", "functionCallingConfig", "mode", "responseMimeType", "responseSchema", "promptTokensDetails",
        "candidatesTokensDetails", "modality", "tokenCount", "createTime",
        // values every request repeats: roles, block types, schema types
        "assistant", "developer", "tool", "image", "document", "tool_use", "tool_result", "base64",
        "ephemeral", "auto", "any", "none", "enabled", "disabled", "redacted_thinking", "object", "string",
        "integer", "number", "boolean", "array", "input_text", "output_text", "function_call",
        "function_call_output", "image/png", "image/jpeg", "application/pdf", "MODEL", "USER", "STOP",
        // the tag names prompts use most, which the tag scanner takes from here too
        "instructions", "rules", "example", "examples", "document", "documents", "task", "question",
        "answer", "thinking", "guidelines", "constraints", "background", "persona", "format", "steps",
        "goal", "tone", "style", "notes", "scratchpad", "response", "query", "user_input", "data",
        "search_results", "policy", "important", "critical", "objective", "capabilities", "workflow"};

    private static final int MASK = 1023;
    private static final String[] TABLE = new String[MASK + 1];
    /** Each name's bytes in the same slot, for the lexer, which reads one byte per char. */
    private static final byte[][] BYTES = new byte[MASK + 1][];
    /**
     * Each name's first eight bytes as one word (zero past a shorter name's end), and its last
     * eight: a name of up to sixteen bytes, which is nearly every one, is told by comparing
     * two words rather than through a call that compares arrays.
     */
    private static final long[] HEAD = new long[MASK + 1];
    private static final long[] TAIL = new long[MASK + 1];

    static {
        for (String name : NAMES) {
            int slot = hash(name, 0, name.length()) & MASK;
            while (TABLE[slot] != null && !TABLE[slot].equals(name)) {
                slot = (slot + 1) & MASK;
            }
            TABLE[slot] = name;
            byte[] b = name.getBytes(StandardCharsets.US_ASCII);
            BYTES[slot] = b;
            byte[] padded = Arrays.copyOf(b, Math.max(8, b.length));
            HEAD[slot] = ByteWords.word(padded, 0);
            TAIL[slot] = ByteWords.word(padded, padded.length - 8);
        }
    }

    private FieldNames() {
    }

    /** The constant for {@code source}'s [from, to), which holds no escape, or null when it is none of the names. */
    static String known(String source, int from, int to) {
        int length = to - from;
        if (length == 0 || length > 32) {
            return null;
        }
        for (int slot = hash(source, from, to) & MASK; ; slot = (slot + 1) & MASK) {
            String name = TABLE[slot];
            if (name == null) {
                return null;
            }
            if (name.length() == length && source.regionMatches(from, name, 0, length)) {
                return name;
            }
        }
    }

    /**
     * As {@link #known(String, int, int)}, from the lexer's one-byte copy of the source
     * ({@link dev.promptport.tree.ByteWords#oneBytePerChar}): the names are ASCII without
     * {@code ?}, so bytes equal to a name's are that name's chars.
     */
    static String known(byte[] source, int from, int to) {
        int length = to - from;
        if (length == 0 || length > 32) {
            return null;
        }
        for (int slot = hash(length, source[from], source[from + length / 2], source[to - 1]) & MASK; ;
             slot = (slot + 1) & MASK) {
            byte[] name = BYTES[slot];
            if (name == null) {
                return null;
            }
            if (name.length == length && same(source, from, to, slot)) {
                return TABLE[slot];
            }
        }
    }

    /** Whether {@code source}'s [from, to) holds the name in {@code slot}, which is as long. */
    private static boolean same(byte[] source, int from, int to, int slot) {
        int length = to - from;
        if (length <= 8) {
            if (from + 8 > source.length) {
                return Arrays.equals(source, from, to, BYTES[slot], 0, length);
            }
            long mask = length == 8 ? -1L : (1L << (length << 3)) - 1;
            return (ByteWords.word(source, from) & mask) == HEAD[slot];
        }
        if (length <= 16) {
            return ByteWords.word(source, from) == HEAD[slot] && ByteWords.word(source, to - 8) == TAIL[slot];
        }
        return Arrays.equals(source, from, to, BYTES[slot], 0, length);
    }

    /** From the length and the first, middle and last characters: enough to spread these names. */
    private static int hash(String s, int from, int to) {
        int n = to - from;
        return hash(n, s.charAt(from), s.charAt(from + n / 2), s.charAt(to - 1));
    }

    private static int hash(int length, int first, int middle, int last) {
        int h = ((length * 31 + first) * 31 + middle) * 31 + last;
        return h ^ (h >>> 7);
    }
}
