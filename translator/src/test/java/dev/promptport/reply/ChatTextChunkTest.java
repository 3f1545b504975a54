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
 * The text chunk of an OpenAI Chat stream is read without a tree, and only that chunk: a stream
 * translates to the same events whether its chunks go the quick way or through the tree.
 */
class ChatTextChunkTest {

    private static String chunk(String content) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1732636800,\"model\":\"gpt-4o\","
                + "\"system_fingerprint\":\"fp_1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":" + quoted(content)
                + "},\"logprobs\":null,\"finish_reason\":null}]}";
    }

    @Test
    void theTextChunkIsReadWithItsIdModelAndText() {
        assertThat(ChatTextChunk.read(chunk("Hello \"world\" \\ é 🙂\n")))
                .isEqualTo(new ChatTextChunk("chatcmpl-1", "gpt-4o", null, "Hello \"world\" \\ é 🙂\n"));
        assertThat(ChatTextChunk.read("{\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}"))
                .isEqualTo(new ChatTextChunk(null, null, null, ""));
        // as OpenAI sends it: its service tier, usage null with include_usage, and the obfuscation padding
        assertThat(ChatTextChunk.read("{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
                + "\"service_tier\":\"default\",\"system_fingerprint\":\"fp_1\",\"choices\":[{\"index\":0,\"delta\":"
                + "{\"content\":\"Hi\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"x9Q\"}"))
                .isEqualTo(new ChatTextChunk("c", "gpt-4o", "default", "Hi"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a key twice, which the tree refuses
        "{\"id\":\"a\",\"id\":\"b\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\",\"content\":\"y\"}}]}",
        // more than text
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"},\"finish_reason\":\"stop\"}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\",\"tool_calls\":[]}}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\",\"reasoning_content\":\"r\"}}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}],\"usage\":{\"prompt_tokens\":1}}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}],\"obfuscation\":null}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"},\"logprobs\":{\"content\":[]}}]}",
        // another choice, or none
        "{\"choices\":[{\"index\":1,\"delta\":{\"content\":\"x\"}}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}},{\"index\":1,\"delta\":{\"content\":\"y\"}}]}",
        "{\"choices\":[]}",
        "{\"id\":\"a\"}",
        // values of another kind
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":null}}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}",
        "{\"id\":5,\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}]}",
        "{\"choices\":[{\"index\":0.0,\"delta\":{\"content\":\"x\"}}]}",
        // not one JSON object
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}]} {}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}]",
        "[1]"})
    void anyOtherEventIsLeftToTheTree(String event) {
        assertThat(ChatTextChunk.read(event)).isNull();
    }

    @Provide
    Arbitrary<List<String>> pieces() {
        Arbitrary<String> odd = Arbitraries.of("\"", "\\", "\n", "\u0000", "\u001f", "é", "中文", "🙂", "\ud800", "</s>",
                "\u2028", "{\"a\":1}", " ", "");
        Arbitrary<String> plain = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12);
        return Arbitraries.oneOf(odd, plain).list().ofMinSize(1).ofMaxSize(20);
    }

    /**
     * Each chunk once as the vendor sends it, and once with a key the feed ignores, which sends it
     * through the tree: the events are the same.
     */
    @Property(tries = 300)
    void aStreamTranslatesTheSameTheQuickWayAndThroughTheTree(@ForAll("pieces") List<String> texts,
                                                            @ForAll long seed) {
        List<String> quick = new ArrayList<>();
        List<String> tree = new ArrayList<>();
        Random r = new Random(seed);
        for (int i = 0; i < texts.size(); i++) {
            String c = variant(texts.get(i), r, i == 0);
            assertThat(ChatTextChunk.read(c)).as(c).isNotNull();
            quick.add("data: " + c);
            tree.add("data: " + c.substring(0, c.length() - 1) + ",\"x_ignored\":null}");
        }
        String end = "data: {\"id\":\"chatcmpl-1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}";
        assertThat(events(quick, end)).isEqualTo(events(tree, end));
    }

    /**
     * A stream whose chunks open alike, as OpenAI's do, now and then with another opening, a
     * chunk that opens alike but is no text chunk, or one that only starts like the opening: read
     * from their choices on after the first, they give the events the tree gives.
     */
    @Property(tries = 300)
    void chunksThatOpenAlikeTranslateAsThroughTheTree(@ForAll("pieces") List<String> texts, @ForAll long seed) {
        Random r = new Random(seed);
        String[] openings = {
            "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1732636800,\"model\":\"gpt-4o\","
                + "\"service_tier\":\"default\",\"system_fingerprint\":\"fp_1\",\"choices\":",
            "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1732636801,\"model\":\"gpt-4o\",\"choices\": ",
            "{\"id\":\"chatcmpl-1\",\"choices\":",
            "{\"id\":\"chatcmpl-1\",\"model\":\"gpt-4o\",\"choices\":",
            "{\"id\":\"chatcmpl-1\",\"id\":\"chatcmpl-2\",\"choices\":"};
        List<String> quick = new ArrayList<>();
        List<String> tree = new ArrayList<>();
        for (String text : texts) {
            String opening = openings[r.nextInt(4) == 0 ? r.nextInt(openings.length) : 0];
            String choices = switch (r.nextInt(10)) {
                case 0 -> "[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\","
                        + "\"function\":{\"name\":\"f\",\"arguments\":" + quoted(text) + "}}]}}]";
                case 1 -> "[{\"index\":0,\"delta\":{\"content\":" + quoted(text) + "}}],\"usage\":null,\"usage\":null";
                case 2 -> "[]";
                default -> "[{\"index\":0,\"delta\":{\"content\":" + quoted(text) + "},\"finish_reason\":null}]";
            };
            String tail = r.nextInt(5) == 0 ? ",\"obfuscation\":\"x9Q\"}" : "}";
            String chunk = opening + choices + tail;
            quick.add("data: " + chunk);
            tree.add("data: " + chunk.substring(0, chunk.length() - 1) + ",\"x_ignored\":null}");
        }
        String end = "data: {\"id\":\"chatcmpl-1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}";
        assertThat(events(quick, end)).isEqualTo(events(tree, end));
    }

    @Test
    void aChunkThatOpensAsTheLastIsReadFromItsChoices() {
        ChatTextChunk.Opening opening = new ChatTextChunk.Opening();
        String first = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
                + "\"service_tier\":\"default\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}";
        String second = first.replace("\"a\"", "\"b\"");
        assertThat(ChatTextChunk.read(first, opening)).isEqualTo(new ChatTextChunk("c1", "gpt-4o", "default", "a"));
        assertThat(ChatTextChunk.read(second, opening)).isEqualTo(new ChatTextChunk("c1", "gpt-4o", "default", "b"));
        // the opening's keys still count once: a second model after the choices is no text chunk
        assertThat(ChatTextChunk.read(second.replace("]}", "],\"model\":\"x\"}"), opening)).isNull();
        // another opening is read whole, and becomes the one looked for
        String other = second.replace("\"c1\"", "\"c2\"");
        assertThat(ChatTextChunk.read(other, opening)).isEqualTo(new ChatTextChunk("c2", "gpt-4o", "default", "b"));
        assertThat(ChatTextChunk.read(other, opening)).isEqualTo(new ChatTextChunk("c2", "gpt-4o", "default", "b"));
    }

    @Test
    void anOpeningWhoseCharsTheOneByteCopyCannotTellApartIsReadWholeEachTime() {
        ChatTextChunk.Opening opening = new ChatTextChunk.Opening();
        String first = "{\"id\":\"c中\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}";
        assertThat(ChatTextChunk.read(first, opening)).isEqualTo(new ChatTextChunk("c中", null, null, "a"));
        assertThat(ChatTextChunk.read(first.replace('中', '文'), opening)).isEqualTo(new ChatTextChunk("c文", null, null, "a"));
        assertThat(ChatTextChunk.read(first.replace('中', '?'), opening)).isEqualTo(new ChatTextChunk("c?", null, null, "a"));
        assertThat(ChatTextChunk.read(first, opening)).isEqualTo(new ChatTextChunk("c中", null, null, "a"));
    }

    /** A text chunk with its keys in some order, some of the optional ones left out. */
    private static String variant(String content, Random r, boolean first) {
        List<String> keys = new ArrayList<>(List.of("\"id\":\"chatcmpl-1\"", "\"model\":\"gpt-4o\"",
                "\"choices\":[{" + choice(content, r, first) + "}]"));
        if (r.nextBoolean()) {
            keys.add("\"object\":\"chat.completion.chunk\"");
        }
        if (r.nextBoolean()) {
            keys.add("\"created\":1732636800");
        }
        if (r.nextBoolean()) {
            keys.add(r.nextBoolean() ? "\"system_fingerprint\":null" : "\"system_fingerprint\":\"fp_1\"");
        }
        if (r.nextBoolean()) {
            keys.add("\"usage\":null");
        }
        if (r.nextBoolean()) {
            keys.add("\"obfuscation\":\"" + "aZ09".repeat(r.nextInt(4)) + "\"");
        }
        if (r.nextBoolean()) {
            keys.add(r.nextBoolean() ? "\"service_tier\":\"default\"" : r.nextBoolean() ? "\"service_tier\":\"priority\""
                    : "\"service_tier\":null");
        }
        Collections.shuffle(keys, r);
        return "{" + String.join(",", keys) + "}";
    }

    private static String choice(String content, Random r, boolean first) {
        String delta = first && r.nextBoolean()
                ? "\"delta\":{\"role\":\"assistant\",\"content\":" + quoted(content) + "}"
                : "\"delta\":{\"content\":" + quoted(content) + "}";
        List<String> keys = new ArrayList<>(List.of(delta));
        if (r.nextBoolean()) {
            keys.add("\"index\":0");
        }
        if (r.nextBoolean()) {
            keys.add("\"logprobs\":null");
        }
        if (r.nextBoolean()) {
            keys.add("\"finish_reason\":null");
        }
        Collections.shuffle(keys, r);
        return String.join(",", keys);
    }

    private static List<String> events(List<String> lines, String end) {
        StreamTranslator t = new StreamTranslator(ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.addAll(t.accept(l));
            out.addAll(t.accept(""));
        }
        out.addAll(t.accept(end));
        out.addAll(t.accept(""));
        out.addAll(t.accept("data: [DONE]"));
        out.addAll(t.accept(""));
        out.addAll(t.finish());
        return out;
    }
}
