package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a Gemini candidate says about its sources, none of which an Anthropic reply can hold:
 * the pages Google Search found ({@code groundingMetadata.groundingChunks}), the searches it ran
 * ({@code webSearchQueries}) and the search suggestions Google requires apps to show beside
 * a grounded reply ({@code searchEntryPoint}), the sources it recited ({@code citationMetadata}),
 * and the pages it fetched ({@code urlContextMetadata}). A stream repeats them chunk after
 * chunk, each time with what came before, so they are collected over the whole reply, each
 * entry once, and named when it ends: one line per kind, with the reply's count.
 */
final class GeminiSources {

    /** Entries of one kind, each counted once however often a stream repeats it. */
    private static final class Entries {
        private final Set<String> seen = new HashSet<>();
        private final List<String> urls = new ArrayList<>();

        void addAll(JsonNode list) {
            for (JsonNode item : list) {
                if (seen.add(Json.compact(item))) {
                    String url = LeftOut.url(item);
                    if (url != null && !urls.contains(url)) {
                        urls.add(url);
                    }
                }
            }
        }

        int count() {
            return seen.size();
        }
    }

    private final Entries grounding = new Entries();
    private final Entries cited = new Entries();
    private final Entries fetched = new Entries();
    private final List<String> queries = new ArrayList<>();
    private boolean entryPoint;

    /** Whether {@code candidate} has anything this class names: most have not, and then nothing is made. */
    static boolean any(JsonNode candidate) {
        return candidate.has("groundingMetadata") || candidate.has("citationMetadata") || candidate.has("urlContextMetadata");
    }

    /** The sources of one candidate (a whole reply's, or a stream chunk's). */
    void add(JsonNode candidate) {
        JsonNode g = candidate.path("groundingMetadata");
        if (g.isObject()) {
            grounding.addAll(g.path("groundingChunks"));
            for (JsonNode q : g.path("webSearchQueries")) {
                if (q.isTextual() && !q.asText().isBlank() && !queries.contains(q.asText())) {
                    queries.add(q.asText());
                }
            }
            entryPoint |= g.path("searchEntryPoint").isObject() && !g.path("searchEntryPoint").isEmpty();
        }
        cited.addAll(candidate.path("citationMetadata").path("citationSources"));
        fetched.addAll(candidate.path("urlContextMetadata").path("urlMetadata"));
    }

    /** One line per kind of source the reply had. */
    void name(BlockSink sink) {
        if (grounding.count() > 0) {
            sink.leftOut(LeftOut.citations(grounding.count(), grounding.urls, "groundingMetadata"));
        }
        if (!queries.isEmpty()) {
            sink.leftOut(queries.size() + (queries.size() == 1 ? " Google Search query" : " Google Search queries")
                    + " Gemini ran for the reply (groundingMetadata.webSearchQueries): \""
                    + String.join("\", \"", queries.subList(0, Math.min(3, queries.size()))) + '"'
                    + (queries.size() > 3 ? " and " + (queries.size() - 3) + " more" : ""));
        }
        if (entryPoint) {
            sink.leftOut("Google's search suggestions for the reply (groundingMetadata.searchEntryPoint), which Google requires"
                    + " apps to show beside a reply grounded in Google Search");
        }
        if (cited.count() > 0) {
            sink.leftOut(LeftOut.citations(cited.count(), cited.urls, "citationMetadata"));
        }
        if (fetched.count() > 0) {
            sink.leftOut(LeftOut.fetched(fetched.count(), fetched.urls, "urlContextMetadata"));
        }
    }
}
