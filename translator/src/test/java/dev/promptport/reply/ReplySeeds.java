package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The reply fuzz campaign's seeds: the reply and stream fixtures the tests hold. The named
 * fixtures ({@link ReplyFixtures}, {@link QuirkFixtures}) are listed; the rest, written inline in
 * the reply tests (the {@code *ReplyCasesTest} classes and others), are read from the test
 * sources: every text block and string literal that is a vendor reply, chunk or SSE body.
 */
final class ReplySeeds {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"[ \\t]*\\n(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    private ReplySeeds() {
    }

    static List<ReplyFuzzCampaign.Seed> load() {
        Map<String, ReplyFuzzCampaign.Seed> seeds = new LinkedHashMap<>();
        String[][] named = {
            {"CHAT_TEXT", ReplyFixtures.CHAT_TEXT}, {"CHAT_TOOLS", ReplyFixtures.CHAT_TOOLS},
            {"DEEPSEEK_REASONER", ReplyFixtures.DEEPSEEK_REASONER}, {"CHAT_REFUSAL", ReplyFixtures.CHAT_REFUSAL},
            {"CHAT_ERROR_429", ReplyFixtures.CHAT_ERROR_429}, {"CHAT_ERROR_QUOTA", ReplyFixtures.CHAT_ERROR_QUOTA},
            {"CHAT_STREAM_TEXT", ReplyFixtures.CHAT_STREAM_TEXT}, {"CHAT_STREAM_TOOLS", ReplyFixtures.CHAT_STREAM_TOOLS},
            {"DEEPSEEK_STREAM", ReplyFixtures.DEEPSEEK_STREAM},
            {"RESPONSES_REASONING_TEXT", ReplyFixtures.RESPONSES_REASONING_TEXT},
            {"RESPONSES_TOOLS", ReplyFixtures.RESPONSES_TOOLS}, {"RESPONSES_REFUSAL", ReplyFixtures.RESPONSES_REFUSAL},
            {"RESPONSES_FAILED", ReplyFixtures.RESPONSES_FAILED},
            {"RESPONSES_INCOMPLETE", ReplyFixtures.responsesIncomplete("max_output_tokens", "Cut")},
            {"RESPONSES_STREAM_REASONING_TEXT", ReplyFixtures.RESPONSES_STREAM_REASONING_TEXT},
            {"RESPONSES_STREAM_TOOLS", ReplyFixtures.RESPONSES_STREAM_TOOLS},
            {"GEMINI_TEXT", ReplyFixtures.GEMINI_TEXT}, {"GEMINI_TOOLS", ReplyFixtures.GEMINI_TOOLS},
            {"GEMINI_SAFETY_NO_CONTENT", ReplyFixtures.GEMINI_SAFETY_NO_CONTENT},
            {"GEMINI_BLOCKED_PROMPT", ReplyFixtures.GEMINI_BLOCKED_PROMPT},
            {"GEMINI_ERROR_429", ReplyFixtures.GEMINI_ERROR_429}, {"GEMINI_ERROR_503", ReplyFixtures.GEMINI_ERROR_503},
            {"GEMINI_STREAM_TEXT", ReplyFixtures.GEMINI_STREAM_TEXT}, {"GEMINI_STREAM_TOOLS", ReplyFixtures.GEMINI_STREAM_TOOLS},
            {"CHAT_DOUBLE_ENCODED_ONE_PIECE_SSE", QuirkFixtures.CHAT_DOUBLE_ENCODED_ONE_PIECE_SSE},
            {"CHAT_DOUBLE_ENCODED_SSE", QuirkFixtures.CHAT_DOUBLE_ENCODED_SSE},
            {"CHAT_DOUBLE_ENCODED", QuirkFixtures.CHAT_DOUBLE_ENCODED}, {"CHAT_PYTHON_ARGS_SSE", QuirkFixtures.CHAT_PYTHON_ARGS_SSE},
            {"CHAT_TRUNCATED_ARGS_SSE", QuirkFixtures.CHAT_TRUNCATED_ARGS_SSE},
            {"CHAT_TRUNCATED_ARGS", QuirkFixtures.CHAT_TRUNCATED_ARGS}, {"CHAT_INTERLEAVED_SSE", QuirkFixtures.CHAT_INTERLEAVED_SSE},
            {"CHAT_WHITESPACE_BEFORE_TOOLS", QuirkFixtures.CHAT_WHITESPACE_BEFORE_TOOLS},
            {"CHAT_WHITESPACE_BEFORE_TOOLS_SSE", QuirkFixtures.CHAT_WHITESPACE_BEFORE_TOOLS_SSE},
            {"MISTRAL_THINKING", QuirkFixtures.MISTRAL_THINKING}, {"MISTRAL_THINKING_SSE", QuirkFixtures.MISTRAL_THINKING_SSE},
            {"AZURE_SSE", QuirkFixtures.AZURE_SSE}, {"KIMI_USAGE", QuirkFixtures.KIMI_USAGE},
            {"KIMI_USAGE_SSE", QuirkFixtures.KIMI_USAGE_SSE}, {"HUNYUAN_EMPTY_FINISH_SSE", QuirkFixtures.HUNYUAN_EMPTY_FINISH_SSE},
            {"HUNYUAN_EMPTY_FINISH", QuirkFixtures.HUNYUAN_EMPTY_FINISH}, {"GROQ_USAGE_SSE", QuirkFixtures.GROQ_USAGE_SSE},
            {"GROQ_USAGE", QuirkFixtures.GROQ_USAGE},
            {"GEMINI3_SIGNATURE_ON_LAST_TEXT_SSE", QuirkFixtures.GEMINI3_SIGNATURE_ON_LAST_TEXT_SSE},
            {"GEMINI3_THOUGHTS_SIGNATURE_ON_LAST_TEXT_SSE", QuirkFixtures.GEMINI3_THOUGHTS_SIGNATURE_ON_LAST_TEXT_SSE},
            {"GEMINI_MALFORMED_FUNCTION_CALL", QuirkFixtures.GEMINI_MALFORMED_FUNCTION_CALL},
            {"GEMINI_TWO_CANDIDATES_SSE", QuirkFixtures.GEMINI_TWO_CANDIDATES_SSE},
            {"GEMINI_TWO_CANDIDATES", QuirkFixtures.GEMINI_TWO_CANDIDATES},
            {"RESPONSES_DONE_ONLY_SSE", QuirkFixtures.RESPONSES_DONE_ONLY_SSE},
            {"RESPONSES_COMPLETED_ONLY_SSE", QuirkFixtures.RESPONSES_COMPLETED_ONLY_SSE},
            {"RESPONSES_INTERLEAVED_SSE", QuirkFixtures.RESPONSES_INTERLEAVED_SSE},
            {"RESPONSES_PARALLEL_WRAPPER_SSE", QuirkFixtures.RESPONSES_PARALLEL_WRAPPER_SSE},
        };
        for (String[] n : named) {
            add(seeds, n[0], n[1]);
        }
        Path dir = ReplyFuzzCampaign.root().resolve("translator/src/test/java/dev/promptport/reply");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    harvest(seeds, f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(seeds.values());
    }

    /** Every text block and string literal of {@code source} that is a reply, a chunk or an SSE body. */
    static void harvest(Map<String, ReplyFuzzCampaign.Seed> seeds, String file, String source) {
        Matcher blocks = TEXT_BLOCK.matcher(source);
        StringBuilder rest = new StringBuilder();
        int last = 0;
        int k = 0;
        while (blocks.find()) {
            rest.append(source, last, blocks.start());
            last = blocks.end();
            String text;
            try {
                text = blocks.group(1).stripIndent().translateEscapes();
            } catch (IllegalArgumentException e) {
                continue;
            }
            add(seeds, file + " text block " + ++k, text);
        }
        rest.append(source.substring(last));
        Matcher lits = LITERAL.matcher(rest);
        k = 0;
        while (lits.find()) {
            if (lits.group(1).length() < 30) {
                continue;
            }
            String text;
            try {
                text = lits.group(1).translateEscapes();
            } catch (IllegalArgumentException e) {
                continue;
            }
            String t = text.strip();
            if (t.startsWith("data:") || t.startsWith("event:")) {
                add(seeds, file + " literal " + ++k, text.endsWith("\n") ? text : text + "\n\n");
            } else if (t.startsWith("{") && parses(t)) {
                add(seeds, file + " literal " + ++k, t);
                add(seeds, file + " literal " + k + " as a chunk", "data: " + t + "\n\n");
            }
        }
    }

    private static void add(Map<String, ReplyFuzzCampaign.Seed> seeds, String name, String text) {
        ReplyFormat f = formatOf(text);
        if (f == null || seeds.values().stream().anyMatch(s -> s.text().equals(text))) {
            return;
        }
        boolean stream = text.lines().anyMatch(l -> l.startsWith("data:") || l.startsWith("event:"))
                || f == ReplyFormat.GEMINI && text.strip().startsWith("[");
        seeds.putIfAbsent(name, new ReplyFuzzCampaign.Seed(name, f, stream, text));
    }

    /** The format a fixture is written in, by its fields; {@code null} for text that is no reply. */
    static ReplyFormat formatOf(String text) {
        if (text.contains("candidates") || text.contains("usageMetadata") || text.contains("promptFeedback")) {
            return ReplyFormat.GEMINI;
        }
        if (text.contains("\"response.") || text.contains("\"object\":\"response\"") || text.contains("\"object\": \"response\"")
                || text.contains("\"output\"") || text.contains("output_text")) {
            return ReplyFormat.OPENAI_RESPONSES;
        }
        if (text.contains("choices") || text.contains("chat.completion") || text.contains("[DONE]")
                || text.contains("\"error\"")) {
            return ReplyFormat.OPENAI_CHAT;
        }
        return null;
    }

    private static boolean parses(String t) {
        try {
            JsonNode n = JSON.readTree(t);
            return n != null && n.isObject();
        } catch (IOException e) {
            return false;
        }
    }
}
