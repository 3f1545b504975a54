package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptport.PromptPortException;
import dev.promptport.read.GeminiFields;
import dev.promptport.tree.Loc;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Gemini replies in camelCase. Gemini's API is protobuf, whose JSON mapping lets every field be
 * spelled with its lowerCamelCase JSON name or its proto snake_case name ("Parsers accept both
 * the lowerCamelCase name ... and the original proto field name", protobuf.dev/programming-guides/proto3#json);
 * Gemini writes camelCase, but Python SDK dumps ({@code model_dump()}) and gateway logs store
 * snake_case ({@code function_call}, {@code finish_reason}, {@code usage_metadata}). The feed
 * reads camelCase, so a reply with any of Gemini's reply fields in snake_case is read through a
 * camelCase copy. Only Gemini's own field names ({@link #FIELDS}) are renamed: a key Gemini does not
 * define is named, where it is left out, as the vendor spelled it.
 *
 * <p>The values of {@code args} (a function call's arguments) and {@code partMetadata} are the
 * model's or the caller's own JSON ({@code google.protobuf.Struct}), whose keys are data: they
 * are kept as they are. A field spelled both ways in one object is refused, as Google's protobuf
 * parsers refuse it ("Field ... has already been set") and as the Gemini request reader and a key
 * twice in one object ({@link dev.promptport.read.DuplicateKeys}) are: which value counts is unknown.
 */
final class GeminiCase {

    /**
     * The snake_case names of the fields of Gemini's {@code GenerateContentResponse} and what it
     * holds (v1beta protos content, generative_service, safety, citation), with Vertex AI's
     * streamed-argument pieces ({@code partial_args}) and safety scores.
     */
    private static final Set<String> FIELDS = Set.of(
            "avg_logprobs", "block_reason", "block_reason_message", "cache_tokens_details", "cached_content_token_count",
            "candidates_token_count", "candidates_tokens_details", "chosen_candidates", "citation_metadata",
            "citation_sources", "code_execution_result",
            "end_index", "end_offset", "executable_code", "file_data", "file_uri", "finish_message", "finish_reason",
            "function_call", "function_response", "google_maps_uri", "google_maps_widget_context_token",
            "grounding_attributions", "grounding_chunk_indices", "grounding_chunks", "grounding_metadata", "grounding_supports",
            "inline_data", "log_probability", "log_probability_sum", "logprobs_result", "media_resolution", "mime_type",
            "model_version", "part_index", "part_metadata", "place_answer_sources", "place_id", "prompt_feedback",
            "prompt_token_count", "prompt_tokens_details", "rendered_content", "response_id", "retrieval_metadata",
            "response_token_count", "response_tokens_details", "retrieved_context", "retrieved_url", "review_id",
            "review_snippets", "safety_ratings", "search_entry_point",
            "start_index", "start_offset", "thought_signature", "thoughts_token_count", "token_count", "token_id",
            "tool_use_prompt_token_count", "tool_use_prompt_tokens_details", "top_candidates", "total_token_count",
            "url_context_metadata", "url_metadata", "url_retrieval_status", "usage_metadata", "video_metadata",
            "web_search_queries", "will_continue", "display_name", "create_time", "google_search_dynamic_retrieval_score",
            // Vertex AI
            "partial_args", "json_path", "string_value", "number_value", "bool_value", "null_value",
            "probability_score", "severity_score", "publication_date", "traffic_type", "blocked_reason");

    private GeminiCase() {
    }

    /**
     * {@code n} with its snake_case keys in camelCase: {@code n} itself when it has none (the
     * usual reply, read without a copy), else a copy.
     *
     * @throws PromptPortException at the snake_case key of a field spelled both ways in one object
     */
    static JsonNode camel(JsonNode n) {
        return n.isContainerNode() && snaky(n) ? copy(n, "") : n;
    }

    /** Whether a key of Gemini's is in snake_case anywhere in {@code n}: a walk of its keys, without a copy. */
    private static boolean snaky(JsonNode n) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                // a camelCase key has no underscore: the set is asked only about the others
                if (key.indexOf('_') > 0 && FIELDS.contains(key)) {
                    return true;
                }
                JsonNode v = e.getValue();
                if (v.isContainerNode() && !opaque(key) && snaky(v)) {
                    return true;
                }
            }
        } else {
            for (int i = 0, size = n.size(); i < size; i++) {
                JsonNode item = n.get(i);
                if (item.isContainerNode() && snaky(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static JsonNode copy(JsonNode n, String at) {
        if (n.isArray()) {
            ArrayNode out = ((ArrayNode) n).arrayNode(n.size());
            int i = 0;
            for (JsonNode item : n) {
                out.add(copy(item, at + '/' + i++));
            }
            return out;
        }
        if (!n.isObject()) {
            return n;
        }
        ObjectNode out = ((ObjectNode) n).objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String camel = FIELDS.contains(key) ? GeminiFields.camel(key) : key;
            String keyAt = at + '/' + key.replace("~", "~0").replace("/", "~1");
            if (!camel.equals(key) && n.has(camel)) {
                throw new PromptPortException("the field \"" + camel + "\" is set twice, as \"" + camel + "\" and as \""
                        + key + "\"; Gemini's JSON takes either name but not both in one object,"
                        + " so which one counts is unknown", Loc.pointer(keyAt));
            }
            out.set(camel, opaque(camel) ? e.getValue() : copy(e.getValue(), keyAt));
        }
        return out;
    }

    /** Fields whose value is JSON of the model's or the caller's, not of Gemini's API. */
    private static boolean opaque(String key) {
        return key.equals("args") || key.equals("partMetadata") || key.equals("part_metadata");
    }
}
