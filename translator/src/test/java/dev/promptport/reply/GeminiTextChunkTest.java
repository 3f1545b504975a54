package dev.promptport.reply;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static dev.promptport.reply.ReplyFixtures.quoted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text chunk of a Gemini stream is read without a tree, and only that chunk: a stream
 * translates to the same events whether its chunks go the quick way or through the tree.
 */
class GeminiTextChunkTest {

    @Test
    void theTextChunkIsReadWithItsIdModelUsageAndText() {
        // as Gemini 2.5 writes it, a space after each colon and comma
        String chunk = "{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Hello \\\"world\\\" é 🙂\\n\"}],\"role\": \"model\"},"
                + "\"index\": 0}],\"usageMetadata\": {\"promptTokenCount\": 1840,\"candidatesTokenCount\": 7,"
                + "\"totalTokenCount\": 1900,\"promptTokensDetails\": [{\"modality\": \"TEXT\",\"tokenCount\": 1840}],"
                + "\"thoughtsTokenCount\": 53},\"modelVersion\": \"gemini-2.5-flash\",\"responseId\": \"mFoxaPzj\"}";
        // the cached content's count left out: -1, so that an earlier chunk's stands
        assertThat(GeminiTextChunk.read(chunk)).isEqualTo(new GeminiTextChunk("mFoxaPzj", "gemini-2.5-flash",
                new Usage.GeminiCounts(1840, -1, 7, 53, 1900), null, "Hello \"world\" é 🙂\n"));
        assertThat(GeminiTextChunk.read("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"x\"}]}}],\"usageMetadata\":"
                + "{\"promptTokenCount\":10,\"cachedContentTokenCount\":4,\"candidatesTokenCount\":8,\"thoughtsTokenCount\":5,"
                + "\"totalTokenCount\":18,\"serviceTier\":\"priority\"}}"))
                .isEqualTo(new GeminiTextChunk(null, null, new Usage.GeminiCounts(10, 4, 8, 5, 18), "priority", "x"));
        // the thoughts inside the candidates' count (prompt + candidates = total) are not added again
        assertThat(Usage.gemini(10, 4, 8, 5, 18)).isEqualTo(new Usage(6, 8, 4, 0));
        assertThat(GeminiTextChunk.read("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"\"}]}}]}"))
                .isEqualTo(new GeminiTextChunk(null, null, null, null, ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a key twice, which the tree refuses
        "{\"responseId\":\"a\",\"responseId\":\"b\",\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"x\"}]}}]}",
        "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"x\",\"text\":\"y\"}]}}]}",
        "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"x\"}]}}],\"usageMetadata\":{\"promptTokenCount\":1,"
            + "\"promptTokenCount\":2}}",
        "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"x\"}]}}],\"usageMetadata\":{\"promptTokensDetails\":"
            + "[{\"modality\":\"TEXT\",\"modality\":\"TEXT\",\"tokenCount\":1}]}}",
        // more than text
        "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"x\"}]},\"finishReason\":\"STOP\"}]}",
        "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"x\",\"thought\":true}]}}]}",
        "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"x\",\"thoughtSignature\":\"c2ln\"}]}}]}",
        "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"x\"},{\"text\":\"y\"}]}}]}",
        "{\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"name\":\"f\",\"args\":{}}}]}}]}",
        "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"x\"}]},\"safetyRatings\":[]}]}",
        "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"x\"}]},\"groundingMetadata\":{}}]}",
        "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"x\"}]}}],\"promptFeedback\":{}}",
        "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"x\"}]}}],\"usageMetadata\":{\"promptTokenCount\":1.5}}",
        "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"x\"}]}}],\"usageMetadata\":{\"promptTokenCount\":99999999999999999999}}",
        "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"x\"}]}}],\"usageMetadata\":{\"newCount\":1}}",
        "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"x\"}]}}],\"usageMetadata\":{\"responseTokenCount\":1}}",
        "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"x\"}]}}],\"error\":{\"code\":500}}",
        // snake_case, which the tree's way renames
        "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"x\"}]}}],\"usage_metadata\":{}}",
        // another candidate, or none
        "{\"candidates\":[{\"index\":1,\"content\":{\"parts\":[{\"text\":\"x\"}]}}]}",
        "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"x\"}]}},{\"index\":1,\"content\":{\"parts\":[{\"text\":\"y\"}]}}]}",
        "{\"candidates\":[]}",
        "{\"responseId\":\"a\"}",
        // values of another kind
        "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":null}]}}]}",
        "{\"candidates\":[{\"content\":{\"parts\":[]}}]}",
        "{\"modelVersion\":5,\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"x\"}]}}]}",
        "{\"candidates\":[{\"index\":0.0,\"content\":{\"parts\":[{\"text\":\"x\"}]}}]}",
        // not one JSON object
        "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"x\"}]}}]} {}",
        "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"x\"}]}}]",
        "[{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"x\"}]}}]}]"})
    void anyOtherEventIsLeftToTheTree(String event) {
        assertThat(GeminiTextChunk.read(event)).isNull();
    }

    @Provide
    Arbitrary<List<String>> pieces() {
        Arbitrary<String> odd = Arbitraries.of("\"", "\\", "\n", "\u0000", "\u001f", "é", "中文", "🙂", "\ud800", "</s>",
                "\u2028", "{\"a\":1}", " ", "", "snake_case");
        Arbitrary<String> plain = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12);
        return Arbitraries.oneOf(odd, plain).list().ofMinSize(1).ofMaxSize(20);
    }

    /**
     * Each chunk once as the vendor sends it, and once with a key the feed ignores, which sends it
     * through the tree: the events are the same. Chunks that only the tree reads (a thought, a
     * function call, a signed piece of text) come between them, as they do in a real stream.
     */
    @Property(tries = 300)
    void aStreamTranslatesTheSameTheQuickWayAndThroughTheTree(@ForAll("pieces") List<String> texts,
                                                            @ForAll long seed) {
        List<String> quick = new ArrayList<>();
        List<String> tree = new ArrayList<>();
        Random r = new Random(seed);
        for (int i = 0; i < texts.size(); i++) {
            if (r.nextInt(5) == 0) {
                String other = other(r, texts.get(i));
                quick.add("data: " + other);
                tree.add("data: " + other);
            }
            String c = variant(texts.get(i), r, i);
            assertThat(GeminiTextChunk.read(c)).as(c).isNotNull();
            quick.add("data: " + c);
            tree.add("data: " + c.substring(0, c.length() - 1) + ",\"xIgnored\":null}");
        }
        String end = "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"\"}]},\"finishReason\":\"STOP\",\"index\":0}],"
                + "\"usageMetadata\":{\"promptTokenCount\":12,\"candidatesTokenCount\":" + texts.size() + ",\"totalTokenCount\":"
                + (12 + texts.size()) + "}}";
        assertThat(events(quick, end)).isEqualTo(events(tree, end));
    }

    /**
     * Chunks as Gemini writes them, the text and the counts so far first, and a rest that is
     * mostly the last chunk's: now and then another, one that holds a key again, a count the
     * quick way does not read, or white space. Read no further than the rest they share with the
     * last, they give the events the tree gives, down to the last chunk's usage.
     */
    @Property(tries = 300)
    void chunksThatEndAlikeTranslateAsThroughTheTree(@ForAll("pieces") List<String> texts, @ForAll long seed) {
        Random r = new Random(seed);
        String[] usageRests = {
            ",\"promptTokensDetails\":[{\"modality\":\"TEXT\",\"tokenCount\":40}],\"thoughtsTokenCount\":139",
            ",\"thoughtsTokenCount\":12",
            ",\"serviceTier\":\"priority\",\"cachedContentTokenCount\":30",
            "",
            ",\"totalTokenCount\":5",
            ",\"responseTokenCount\":3",
            " , \"thoughtsTokenCount\" : 12 "};
        String[] chunkRests = {
            ",\"modelVersion\":\"gemini-2.5-flash\",\"responseId\":\"r1\"}",
            ",\"modelVersion\":\"gemini-2.5-pro\"}",
            ",\"responseId\":\"r2\"}",
            "}",
            ",\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"again\"}]}}]}",
            ",\"modelVersion\":\"m\",\"modelVersion\":\"m\"}",
            ",\"usageMetadata\":{}}",
            ",\"createTime\":\"2026-11-29T12:00:00Z\"}  "};
        int usageRest = 0;
        int chunkRest = 0;
        List<String> quick = new ArrayList<>();
        List<String> tree = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            usageRest = r.nextInt(4) == 0 ? r.nextInt(usageRests.length) : usageRest;
            chunkRest = r.nextInt(4) == 0 ? r.nextInt(chunkRests.length) : chunkRest;
            String counts = r.nextInt(6) == 0 ? "\"promptTokenCount\":40,\"totalTokenCount\":" + (40 + i) + ",\"candidatesTokenCount\":" + i
                    : "\"promptTokenCount\":40,\"candidatesTokenCount\":" + i + ",\"totalTokenCount\":" + (40 + i);
            String c = "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":" + quoted(texts.get(i)) + "}],\"role\":\"model\"},"
                    + "\"index\":0}],\"usageMetadata\":{" + counts + usageRests[usageRest] + "}" + chunkRests[chunkRest];
            quick.add("data: " + c);
            tree.add("data: " + c.replaceFirst("^\\{", "{\"xIgnored\":null,"));
        }
        // no usage at the end: the last text chunk's is the reply's
        String end = "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"\"}]},\"finishReason\":\"STOP\",\"index\":0}]}";
        assertThat(events(quick, end)).isEqualTo(events(tree, end));
    }

    /**
     * Chunks that mostly open as the last one did, up to their text: now and then with another
     * opening, one with a key before the candidates, the index or the role first, or a chunk that
     * opens alike but holds more than text (a thought, a second part, a finish reason, the
     * candidates again). Read from their text on, they give the events the tree gives.
     */
    @Property(tries = 300)
    void chunksThatOpenAlikeTranslateAsThroughTheTree(@ForAll("pieces") List<String> texts, @ForAll long seed) {
        Random r = new Random(seed);
        String[] openings = {
            "{\"candidates\": [{\"content\": {\"parts\": [{\"text\": ",
            "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":",
            "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":",
            "{\"candidates\":[{\"index\":0,\"content\":{\"parts\":[{\"text\":",
            "{\"responseId\":\"r1\",\"candidates\":[{\"content\":{\"parts\":[{\"text\":"};
        String[] afterTexts = {
            "}],\"role\": \"model\"},\"index\": 0}]",
            "}]}}]",
            ",\"thought\":true}]}}]",
            "},{\"text\":\"more\"}]}}]",
            "}]},\"finishReason\":\"STOP\"}]",
            "}]}}],\"candidates\":[]",
            "}],\"role\":\"model\",\"role\":\"model\"}}]"};
        int[] at = new int[2];
        List<String> quick = new ArrayList<>();
        List<String> tree = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            at[0] = r.nextInt(4) == 0 ? r.nextInt(openings.length) : at[0];
            at[1] = r.nextInt(3) == 0 ? r.nextInt(afterTexts.length) : 0;
            String c = openings[at[0]] + quoted(texts.get(i)) + afterTexts[at[1]]
                    + ",\"usageMetadata\": {\"promptTokenCount\": 40,\"totalTokenCount\": " + (40 + i) + "}"
                    + (r.nextInt(4) == 0 ? ",\"responseId\":\"r1\"}" : "}");
            quick.add("data: " + c);
            tree.add("data: " + c.substring(0, c.length() - 1) + ",\"xIgnored\":null}");
        }
        String end = "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"\"}]},\"finishReason\":\"STOP\",\"index\":0}]}";
        assertThat(events(quick, end)).isEqualTo(events(tree, end));
    }

    /**
     * Chunks whose stretch from the text into the usage's counts is mostly the last chunk's: now
     * and then another, one with a key of the candidate, the chunk or the usage before or after
     * it again, or with a role twice. Skipping the stretch they share with the last, they give
     * the events the tree gives.
     */
    @Property(tries = 300)
    void chunksWithTheLastMiddleTranslateAsThroughTheTree(@ForAll("pieces") List<String> texts, @ForAll long seed) {
        Random r = new Random(seed);
        String[] openings = {
            "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":",
            "{\"candidates\":[{\"index\":0,\"content\":{\"parts\":[{\"text\":",
            "{\"usageMetadata\":{},\"candidates\":[{\"content\":{\"parts\":[{\"text\":",
            "{\"modelVersion\":\"m\",\"candidates\":[{\"content\":{\"parts\":[{\"text\":"};
        String[] middles = {
            "}],\"role\": \"model\"},\"index\": 0}],\"usageMetadata\": {\"promptTokenCount\": 40, \"candidatesTokenCount\": ",
            "}]},\"index\":0}],\"modelVersion\":\"m\",\"usageMetadata\":{\"promptTokenCount\":40,\"candidatesTokenCount\":",
            "}]}}],\"usageMetadata\":{\"serviceTier\":\"priority\",\"promptTokenCount\":40,\"candidatesTokenCount\":",
            "}]}}],\"usageMetadata\":{\"candidatesTokenCount\":",
            "}],\"role\":\"model\",\"role\":\"model\"}}],\"usageMetadata\":{\"candidatesTokenCount\":",
            "}]}}],\"usageMetadata\":{\"promptTokenCount\":41,\"candidatesTokenCount\":"};
        String[] ends = {
            "}",
            ",\"modelVersion\":\"m\"}",
            ",\"usageMetadata\":{}}",
            ",\"promptTokenCount\":7}}"};
        int[] at = new int[3];
        List<String> quick = new ArrayList<>();
        List<String> tree = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            at[0] = r.nextInt(4) == 0 ? r.nextInt(openings.length) : at[0];
            at[1] = r.nextInt(4) == 0 ? r.nextInt(middles.length) : at[1];
            at[2] = r.nextInt(4) == 0 ? r.nextInt(ends.length) : 0;
            String c = openings[at[0]] + quoted(texts.get(i)) + middles[at[1]] + i + ",\"totalTokenCount\":" + (40 + i)
                    + (at[2] == 3 ? ends[3] : "}" + ends[at[2]]);
            quick.add("data: " + c);
            tree.add("data: " + c.substring(0, c.length() - 1) + ",\"xIgnored\":null}");
        }
        String end = "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"\"}]},\"finishReason\":\"STOP\",\"index\":0}]}";
        assertThat(events(quick, end)).isEqualTo(events(tree, end));
    }

    @Test
    void aChunkThatHoldsTheLastMiddleSkipsItIntoItsUsage() {
        GeminiTextChunk.Runs runs = new GeminiTextChunk.Runs();
        String middle = "}]},\"index\":0}],\"modelVersion\":\"m\",\"usageMetadata\":{\"promptTokenCount\":40,\"candidatesTokenCount\":";
        for (int i = 1; i <= 3; i++) {
            String c = "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"" + i + "\"" + middle + i + "}}";
            assertThat(GeminiTextChunk.read(c, runs)).isEqualTo(new GeminiTextChunk(null, "m", new Usage.GeminiCounts(40, -1, i, -1, 0),
                    null, String.valueOf(i)));
        }
        // the middle's keys still count once: the model again after it is no text chunk
        String again = "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"4\"" + middle + "4},\"modelVersion\":\"m\"}";
        assertThat(GeminiTextChunk.read(again, runs)).isNull();
        // nor is one whose candidate has its index before the content, which the middle holds again
        String index = "{\"candidates\":[{\"index\":0,\"content\":{\"parts\":[{\"text\":\"5\"" + middle + "5}}";
        assertThat(GeminiTextChunk.read(index, runs)).isNull();
    }

    @Test
    void aStreamWhoseChunksChangeEachTimeIsStillReadRightOnceItStopsLearningThem() {
        GeminiTextChunk.Runs runs = new GeminiTextChunk.Runs();
        for (int k = 0; k < 12; k++) {
            for (int i = 0; i < 3; i++) {
                String c = "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"t" + i + "\"}],\"role\":\"m" + k + "\"}}],"
                        + "\"usageMetadata\":{\"promptTokenCount\":" + k + ",\"candidatesTokenCount\":" + i + ",\"totalTokenCount\":"
                        + (k + i) + "},\"responseId\":\"r" + k + "\"}";
                assertThat(GeminiTextChunk.read(c, runs)).isEqualTo(new GeminiTextChunk("r" + k, null,
                        new Usage.GeminiCounts(k, -1, i, -1, k + i), null, "t" + i));
            }
        }
    }

    @Test
    void aChunkThatOpensAsTheLastIsReadFromItsText() {
        GeminiTextChunk.Runs runs = new GeminiTextChunk.Runs();
        String first = "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"a\"}],\"role\":\"model\"}}],\"modelVersion\":\"m\"}";
        assertThat(GeminiTextChunk.read(first, runs)).isEqualTo(new GeminiTextChunk(null, "m", null, null, "a"));
        assertThat(GeminiTextChunk.read(first.replace("\"a\"", "\"b\""), runs)).isEqualTo(new GeminiTextChunk(null, "m", null, null, "b"));
        // the keys of the opening still count once: the candidates or a part's text again is no text chunk
        assertThat(GeminiTextChunk.read(first.replace("\"m\"}", "\"m\",\"candidates\":[]}"), runs)).isNull();
        assertThat(GeminiTextChunk.read(first.replace("\"a\"}", "\"a\",\"text\":\"b\"}"), runs)).isNull();
        // nor one whose text is of another kind
        assertThat(GeminiTextChunk.read(first.replace("\"a\"", "[[\"a\"]]"), runs)).isNull();
    }

    @Test
    void aChunkThatEndsAsTheLastAfterACountIsReadNoFurther() {
        GeminiTextChunk.Runs runs = new GeminiTextChunk.Runs();
        String rest = ",\"thoughtsTokenCount\":53,\"serviceTier\":\"priority\"},\"modelVersion\":\"gemini-2.5-flash\",\"responseId\":\"r1\"}";
        String first = "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"a\"}]}}],\"usageMetadata\":{\"promptTokenCount\":10,"
                + "\"candidatesTokenCount\":1,\"totalTokenCount\":11" + rest;
        String second = first.replace("\"a\"", "\"b\"").replace(":1,", ":2,").replace(":11", ":12");
        String third = second.replace("\"b\"", "\"c\"").replace(":2,", ":3,").replace(":12", ":13");
        assertThat(GeminiTextChunk.read(first, runs)).isEqualTo(chunk(1, 11, "a"));
        assertThat(GeminiTextChunk.read(second, runs)).isEqualTo(chunk(2, 12, "b"));
        // the rest the two share, from the total on, is taken as read
        assertThat(GeminiTextChunk.read(third, runs)).isEqualTo(chunk(3, 13, "c"));
        // its keys still count once: a model before it is no text chunk
        assertThat(GeminiTextChunk.read(third.replace("{\"candidates\"", "{\"modelVersion\":\"x\",\"candidates\""), runs)).isNull();
        assertThat(GeminiTextChunk.read(third.replace("\"c\"", "\"d\""), runs)).isEqualTo(chunk(3, 13, "d"));
        // nor is a chunk with more after it
        assertThat(GeminiTextChunk.read(third + "{}", runs)).isNull();
    }

    private static GeminiTextChunk chunk(long candidates, long total, String text) {
        return new GeminiTextChunk("r1", "gemini-2.5-flash", new Usage.GeminiCounts(10, -1, candidates, 53, total), "priority", text);
    }

    /** A chunk the quick way does not read: a thought, a call (whole or streamed in pieces), a signed text. */
    private static String other(Random r, String text) {
        String part = switch (r.nextInt(4)) {
            case 0 -> "{\"text\":" + quoted(text) + ",\"thought\":true}";
            case 1 -> "{\"functionCall\":{\"name\":\"lookup\",\"args\":{\"q\":" + quoted(text) + "}}}";
            case 2 -> "{\"functionCall\":{\"name\":\"lookup\",\"partialArgs\":[{\"jsonPath\":\"$.q\",\"stringValue\":"
                    + quoted(text) + "}],\"willContinue\":true}}";
            default -> "{\"text\":" + quoted(text) + ",\"thoughtSignature\":\"c2lnbmVk\"}";
        };
        return "{\"candidates\":[{\"content\":{\"parts\":[" + part + "],\"role\":\"model\"},\"index\":0}]}";
    }

    /** A text chunk with its keys in some order, some of the optional ones left out. */
    private static String variant(String text, Random r, int i) {
        List<String> keys = new ArrayList<>(List.of("\"candidates\":[{" + candidate(text, r) + "}]"));
        if (r.nextBoolean()) {
            keys.add("\"modelVersion\":\"gemini-2.5-flash\"");
        }
        if (r.nextBoolean()) {
            keys.add("\"responseId\":\"resp-" + r.nextInt(3) + "\"");
        }
        if (r.nextInt(4) == 0) {
            keys.add("\"createTime\":\"2026-11-28T12:00:00Z\"");
        }
        if (r.nextInt(5) > 0) {
            keys.add("\"usageMetadata\":{" + usage(r, i) + "}");
        }
        Collections.shuffle(keys, r);
        return "{" + String.join(r.nextBoolean() ? "," : ", ", keys) + "}";
    }

    private static String candidate(String text, Random r) {
        String parts = "\"parts\":[{\"text\":" + quoted(text) + "}]";
        List<String> content = new ArrayList<>(List.of(parts));
        if (r.nextBoolean()) {
            content.add("\"role\":\"model\"");
        }
        Collections.shuffle(content, r);
        List<String> keys = new ArrayList<>(List.of("\"content\":{" + String.join(",", content) + "}"));
        if (r.nextBoolean()) {
            keys.add("\"index\":0");
        }
        Collections.shuffle(keys, r);
        return String.join(",", keys);
    }

    private static String usage(Random r, int i) {
        List<String> keys = new ArrayList<>();
        int prompt = r.nextInt(3) * 100;
        int candidates = i + r.nextInt(2);
        int thoughts = r.nextInt(3) * 7;
        keys.add("\"promptTokenCount\":" + prompt);
        if (r.nextBoolean()) {
            keys.add("\"candidatesTokenCount\":" + candidates);
        }
        if (r.nextBoolean()) {
            keys.add("\"thoughtsTokenCount\":" + thoughts);
        }
        if (r.nextBoolean()) {
            keys.add("\"totalTokenCount\":" + (prompt + candidates + (r.nextBoolean() ? thoughts : 0)));
        }
        if (r.nextInt(4) == 0) {
            keys.add("\"cachedContentTokenCount\":" + prompt / 2);
        }
        if (r.nextInt(4) == 0) {
            keys.add("\"toolUsePromptTokenCount\":" + (r.nextBoolean() ? 9 : -1));
        }
        if (r.nextInt(3) == 0) {
            keys.add("\"promptTokensDetails\":[{\"modality\":\"TEXT\",\"tokenCount\":" + prompt + "}]");
        }
        if (r.nextInt(4) == 0) {
            keys.add("\"serviceTier\":\"" + (r.nextBoolean() ? "priority" : "standard") + "\"");
        }
        if (r.nextInt(4) == 0) {
            keys.add("\"trafficType\":\"ON_DEMAND\"");
        }
        Collections.shuffle(keys, r);
        return String.join(",", keys);
    }

    private static List<String> events(List<String> lines, String end) {
        StreamTranslator t = new StreamTranslator(ReplyFormat.GEMINI, ReplyContext.NONE);
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.addAll(t.accept(l));
            out.addAll(t.accept(""));
        }
        out.addAll(t.accept(end));
        out.addAll(t.accept(""));
        out.addAll(t.finish());
        // ids made up where the stream gives none differ from run to run
        return out.stream().map(e -> e.replaceAll("\"(msg|toolu)_[A-Za-z0-9]+\"", "\"$1_made_up\"")).toList();
    }
}
