package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Token counts in Anthropic's terms: {@code input} excludes the tokens read from or written
 * to a cache, so {@code input + cacheRead + cacheCreation} is the whole prompt.
 */
record Usage(long input, long output, long cacheRead, long cacheCreation) {

    static final Usage ZERO = new Usage(0, 0, 0, 0);

    /**
     * OpenAI Chat {@code usage}: {@code prompt_tokens} less {@code prompt_tokens_details.cached_tokens}
     * (DeepSeek: {@code prompt_cache_hit_tokens}; Kimi: {@code cached_tokens} beside the counts)
     * and {@code cache_write_tokens} (vLLM: {@code created_cache_tokens}). Output is
     * {@code completion_tokens}, which holds the reasoning tokens, except where
     * {@code total_tokens} shows they were counted apart (xAI: total = prompt + completion +
     * reasoning); then they are added.
     */
    static Usage openAiChat(JsonNode u) {
        if (u == null || !u.isObject()) {
            return ZERO;
        }
        JsonNode details = u.get("prompt_tokens_details");
        return new ChatCounts(Json.count(u, "prompt_tokens"), Json.count(u, "completion_tokens"),
                Json.count(u, "total_tokens"), Json.count(u, "prompt_cache_hit_tokens"), Json.count(u, "cached_tokens"),
                Json.count(u, "cache_read_input_tokens"), Json.count(u, "cache_creation_input_tokens"),
                Json.count(details, "cached_tokens"), Json.count(details, "cache_write_tokens"),
                Json.count(details, "cache_creation_tokens"), Json.count(details, "cache_creation_input_tokens"),
                Json.count(details, "created_cache_tokens"),
                Json.count(u.get("completion_tokens_details"), "reasoning_tokens")).usage();
    }

    /**
     * The counts an OpenAI Chat {@code usage} may hold, each 0 when left out, wherever they were
     * read from: the tree, or a reply read without one ({@link ChatReply}).
     */
    record ChatCounts(long prompt, long completion, long total, long promptCacheHit, long cached, long cacheReadInput,
                      long cacheCreationInput, long detailsCached, long detailsCacheWrite, long detailsCacheCreation,
                      long detailsCacheCreationInput, long detailsCreatedCache, long reasoning) {

        /** The usage they stand for, by the first of each vendor's names that is not 0. */
        Usage usage() {
            // OpenAI, DeepSeek, Kimi, and Claude's own name that proxies in front of it (LiteLLM) pass on
            long cached = firstNonZero(detailsCached, promptCacheHit, this.cached, cacheReadInput);
            // OpenAI-compatible servers, Alibaba (Qwen) with explicit caching, vLLM (counted inside
            // prompt_tokens like the reads), Claude's own name
            long written = firstNonZero(detailsCacheWrite, detailsCacheCreation, detailsCacheCreationInput,
                    detailsCreatedCache, cacheCreationInput);
            long output = completion;
            if (reasoning > 0) {
                long promptAll = cached > prompt ? prompt + cached : prompt;
                if (total == promptAll + completion + reasoning) {
                    output += reasoning;
                }
            }
            return new Usage(uncached(prompt, cached, written), output, cached, written);
        }

        private static long firstNonZero(long... counts) {
            for (long c : counts) {
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
    }

    /**
     * The prompt tokens read from no cache. A vendor whose cache reads exceed the prompt count
     * (xAI) counts them apart from it: the prompt count is then the uncached part.
     */
    private static long uncached(long prompt, long cached, long written) {
        return cached > prompt ? prompt : Math.max(0, prompt - cached - written);
    }

    /** OpenAI Responses {@code usage}: {@code input_tokens} less {@code input_tokens_details.cached_tokens} and {@code cache_write_tokens}. */
    static Usage responses(JsonNode u) {
        if (u == null || !u.isObject()) {
            return ZERO;
        }
        long in = Json.count(u, "input_tokens");
        JsonNode details = u.get("input_tokens_details");
        long cached = Json.count(details, "cached_tokens");
        long written = Json.count(details, "cache_write_tokens");
        return new Usage(uncached(in, cached, written), Json.count(u, "output_tokens"), cached, written);
    }

    /**
     * Gemini {@code usageMetadata}'s counts. {@code prompt} holds the tool-use prompt's and
     * {@code candidates} the Live API's {@code responseTokenCount} when there is no candidates'
     * count; {@code cached} and {@code thoughts} are -1 when left out, since in a stream the last
     * one an earlier chunk gave then stands (a gateway drops {@code cachedContentTokenCount} from
     * later chunks, some streams the thoughts' count), as the prompt's cached part and the
     * thinking done do not shrink while a reply streams.
     */
    record GeminiCounts(long prompt, long cached, long candidates, long thoughts, long total) {

        static GeminiCounts of(JsonNode u) {
            long candidates = Json.count(u, "candidatesTokenCount");
            if (candidates == 0) {
                // the Live API (BidiGenerateContent) names the reply's tokens so, as a bridge passes them on
                candidates = Json.count(u, "responseTokenCount");
            }
            return new GeminiCounts(Json.count(u, "promptTokenCount") + Json.count(u, "toolUsePromptTokenCount"),
                    u.has("cachedContentTokenCount") ? Json.count(u, "cachedContentTokenCount") : -1, candidates,
                    u.has("thoughtsTokenCount") ? Json.count(u, "thoughtsTokenCount") : -1, Json.count(u, "totalTokenCount"));
        }
    }

    /**
     * Gemini's usage: the prompt (plus tool-use prompt) less cached content; output is the
     * candidates <em>and</em> the thoughts, which Gemini counts apart, unless the total shows the
     * thoughts already inside the candidates' count (prompt + candidates = total, as some Vertex
     * models report), where adding them would count them twice.
     */
    static Usage gemini(long prompt, long cached, long candidates, long thoughts, long total) {
        boolean thoughtsInside = thoughts > 0 && total > 0 && prompt + candidates == total;
        return new Usage(Math.max(0, prompt - cached), thoughtsInside ? candidates : candidates + thoughts, cached, 0);
    }
}
