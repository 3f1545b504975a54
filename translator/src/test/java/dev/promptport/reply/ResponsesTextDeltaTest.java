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
 * The text delta of a Responses stream is read without a tree, and only that event: a stream
 * translates to the same events whether its deltas go the quick way or through the tree.
 */
class ResponsesTextDeltaTest {

    @Test
    void theTextDeltaIsReadWithItsItemPlaceAndText() {
        assertThat(ResponsesTextDelta.read("{\"type\":\"response.output_text.delta\",\"sequence_number\":4,\"item_id\":\"msg_1\","
                + "\"output_index\":1,\"content_index\":0,\"delta\":\"Hi \\\"there\\\" 🙂\",\"logprobs\":[],\"obfuscation\":\"aB3\"}"))
                .isEqualTo(new ResponsesTextDelta("msg_1", 1, 0, "Hi \"there\" 🙂"));
        assertThat(ResponsesTextDelta.read("{\"type\":\"response.output_text.delta\",\"delta\":\"\"}"))
                .isEqualTo(new ResponsesTextDelta(null, -1, 0, ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a key twice, which the tree refuses
        "{\"type\":\"response.output_text.delta\",\"delta\":\"a\",\"delta\":\"b\"}",
        // another event, or more than text
        "{\"type\":\"response.refusal.delta\",\"delta\":\"a\"}",
        "{\"type\":\"response.output_text.done\",\"text\":\"a\"}",
        "{\"type\":\"response.output_text.delta\",\"delta\":\"a\",\"logprobs\":[{\"token\":\"a\",\"logprob\":-0.1}]}",
        "{\"type\":\"response.output_text.delta\",\"delta\":\"a\",\"annotations\":[]}",
        // no type, which the event's name would give
        "{\"delta\":\"a\",\"output_index\":0}",
        // values of another kind
        "{\"type\":\"response.output_text.delta\",\"delta\":null}",
        "{\"type\":\"response.output_text.delta\",\"delta\":\"a\",\"output_index\":\"0\"}",
        "{\"type\":\"response.output_text.delta\",\"delta\":\"a\",\"output_index\":-1}",
        "{\"type\":\"response.output_text.delta\",\"delta\":\"a\",\"output_index\":99999999999}",
        "{\"type\":\"response.output_text.delta\",\"delta\":\"a\",\"content_index\":0.0}",
        "{\"type\":\"response.output_text.delta\",\"delta\":\"a\",\"item_id\":7}",
        // not one JSON object
        "{\"type\":\"response.output_text.delta\",\"delta\":\"a\"} {}",
        "{\"type\":\"response.output_text.delta\",\"delta\":\"a\""})
    void anyOtherEventIsLeftToTheTree(String event) {
        assertThat(ResponsesTextDelta.read(event)).isNull();
    }

    @Provide
    Arbitrary<List<String>> pieces() {
        Arbitrary<String> odd = Arbitraries.of("\"", "\\", "\n", "\u0000", "é", "中文", "🙂", "\ud800", "</s>", " ", "");
        Arbitrary<String> plain = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12);
        return Arbitraries.oneOf(odd, plain).list().ofMinSize(1).ofMaxSize(20);
    }

    /**
     * Each delta once as OpenAI sends it, and once with a key the feed ignores, which sends it
     * through the tree: the events are the same. A reasoning item and a function call stream
     * beside the message, so that some deltas wait for another item to be done.
     */
    @Property(tries = 300)
    void aStreamTranslatesTheSameTheQuickWayAndThroughTheTree(@ForAll("pieces") List<String> texts,
                                                            @ForAll long seed) {
        Random r = new Random(seed);
        List<String[]> events = new ArrayList<>();
        events.add(new String[] {"{\"type\":\"response.created\",\"response\":{\"id\":\"resp_1\",\"model\":\"gpt-4o\",\"output\":[]}}"});
        int message = r.nextInt(3);
        boolean call = r.nextBoolean();
        int callAt = message == 0 ? 1 : 0;
        if (call) {
            events.add(new String[] {"{\"type\":\"response.output_item.added\",\"output_index\":" + callAt + ",\"item\":{\"id\":\"fc_1\","
                    + "\"type\":\"function_call\",\"call_id\":\"call_1\",\"name\":\"lookup\",\"arguments\":\"\"}}"});
        }
        events.add(new String[] {"{\"type\":\"response.output_item.added\",\"output_index\":" + message + ",\"item\":{\"id\":\"msg_1\","
                + "\"type\":\"message\",\"role\":\"assistant\",\"content\":[]}}"});
        for (int i = 0; i < texts.size(); i++) {
            String d = delta(texts.get(i), message, r, i);
            events.add(new String[] {d, d.substring(0, d.length() - 1) + ",\"x_ignored\":null}"});
            if (call && i == texts.size() / 2) {
                events.add(new String[] {"{\"type\":\"response.function_call_arguments.delta\",\"output_index\":" + callAt
                        + ",\"item_id\":\"fc_1\",\"delta\":\"{}\"}"});
                events.add(new String[] {"{\"type\":\"response.output_item.done\",\"output_index\":" + callAt + ",\"item\":{\"id\":\"fc_1\","
                        + "\"type\":\"function_call\",\"call_id\":\"call_1\",\"name\":\"lookup\",\"arguments\":\"{}\"}}"});
            }
        }
        // as OpenAI sends it, the done item holds the whole text again, which must not be passed on twice
        events.add(new String[] {"{\"type\":\"response.output_item.done\",\"output_index\":" + message + ",\"item\":{\"id\":\"msg_1\","
                + "\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"annotations\":[],"
                + "\"text\":" + quoted(String.join("", texts)) + "}]}}"});
        events.add(new String[] {"{\"type\":\"response.completed\",\"response\":{\"id\":\"resp_1\",\"model\":\"gpt-4o\",\"status\":"
                + "\"completed\",\"usage\":{\"input_tokens\":5,\"output_tokens\":" + texts.size() + "}}}"});
        assertThat(translated(events, 0)).isEqualTo(translated(events, 1));
    }

    /**
     * Deltas as OpenAI writes them (type, sequence number, item, indexes, text, log-probabilities,
     * padding), whose runs around the sequence number are mostly the last one's, now and then
     * another, one with a key of the run again after the text, white space, or no text at all:
     * read on after the runs, they give the events the tree gives.
     */
    @Property(tries = 300)
    void deltasThatHoldTheLastRunsTranslateAsThroughTheTree(@ForAll("pieces") List<String> texts, @ForAll long seed) {
        Random r = new Random(seed);
        String[] openings = {
            "{\"type\":\"response.output_text.delta\",\"sequence_number\":",
            "{ \"type\": \"response.output_text.delta\", \"sequence_number\": ",
            "{\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\",\"sequence_number\":",
            "{\"sequence_number\":",
            "{\"type\":\"response.refusal.delta\",\"sequence_number\":"};
        String[] middles = {
            ",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":",
            ",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":1,\"delta\":",
            ",\"output_index\":0,\"delta\":",
            // an item of which nothing was said, which waits for the message
            ",\"item_id\":\"msg_2\",\"output_index\":1,\"content_index\":0,\"delta\":",
            ",\"delta\":",
            ",\"item_id\":\"msg_1\",\"item_id\":\"msg_2\",\"delta\":",
            " ,\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\" : "};
        String[] tails = {
            ",\"logprobs\":[],\"obfuscation\":\"aB3\"}",
            "}",
            ",\"logprobs\":[]}",
            ",\"output_index\":0}",
            ",\"type\":\"response.output_text.delta\"}",
            ",\"logprobs\":[{\"token\":\"a\",\"logprob\":-0.1}]}"};
        List<String[]> events = new ArrayList<>();
        events.add(new String[] {"{\"type\":\"response.created\",\"response\":{\"id\":\"resp_1\",\"model\":\"gpt-4o\",\"output\":[]}}"});
        events.add(new String[] {"{\"type\":\"response.output_item.added\",\"output_index\":0,\"item\":{\"id\":\"msg_1\","
                + "\"type\":\"message\",\"role\":\"assistant\",\"content\":[]}}"});
        int[] at = new int[3];
        for (int i = 0; i < texts.size(); i++) {
            // each part mostly as in the last delta, so that every variant is also read on after
            for (int k = 0; k < at.length; k++) {
                at[k] = r.nextInt(4) == 0 ? r.nextInt(k == 0 ? openings.length : k == 1 ? middles.length : tails.length) : at[k];
            }
            String d = openings[at[0]] + (i + 3) + middles[at[1]] + quoted(texts.get(i)) + tails[at[2]];
            events.add(new String[] {d, d.substring(0, d.length() - 1) + ",\"x_ignored\":null}"});
        }
        events.add(new String[] {"{\"type\":\"response.completed\",\"response\":{\"id\":\"resp_1\",\"model\":\"gpt-4o\",\"status\":"
                + "\"completed\",\"usage\":{\"input_tokens\":5,\"output_tokens\":" + texts.size() + "}}}"});
        assertThat(translated(events, 0)).isEqualTo(translated(events, 1));
    }

    @Test
    void aDeltaThatHoldsTheLastRunsIsReadOnAfterThem() {
        ResponsesTextDelta.Runs runs = new ResponsesTextDelta.Runs();
        String first = "{\"type\":\"response.output_text.delta\",\"sequence_number\":4,\"item_id\":\"msg_1\","
                + "\"output_index\":1,\"content_index\":2,\"delta\":\"a\",\"logprobs\":[]}";
        String second = first.replace(":4,", ":15,").replace("\"a\"", "\"b\"");
        assertThat(ResponsesTextDelta.read(first, runs)).isEqualTo(new ResponsesTextDelta("msg_1", 1, 2, "a"));
        assertThat(ResponsesTextDelta.read(second, runs)).isEqualTo(new ResponsesTextDelta("msg_1", 1, 2, "b"));
        // the runs' keys still count once: an item after the text is no text delta
        assertThat(ResponsesTextDelta.read(second.replace("[]}", "[],\"item_id\":\"msg_1\"}"), runs)).isNull();
        // another item is read whole, and becomes the run looked for
        String other = second.replace("msg_1", "msg_2").replace("\"output_index\":1", "\"output_index\":3");
        assertThat(ResponsesTextDelta.read(other, runs)).isEqualTo(new ResponsesTextDelta("msg_2", 3, 2, "b"));
        assertThat(ResponsesTextDelta.read(other.replace(":15,", ":16,"), runs)).isEqualTo(new ResponsesTextDelta("msg_2", 3, 2, "b"));
        // a sequence number of another kind is no text delta, however the rest matches
        assertThat(ResponsesTextDelta.read(other.replace(":15,", ":1.5,"), runs)).isNull();
    }

    @Test
    void aStreamWhoseRunsChangeEachTimeIsStillReadRightOnceItStopsLearningThem() {
        ResponsesTextDelta.Runs runs = new ResponsesTextDelta.Runs();
        for (int item = 0; item < 12; item++) {
            for (int seq = 0; seq < 2; seq++) {
                String d = "{\"type\":\"response.output_text.delta\",\"sequence_number\":" + seq + ",\"item_id\":\"msg_" + item
                        + "\",\"output_index\":" + item + ",\"delta\":\"t" + seq + "\"}";
                assertThat(ResponsesTextDelta.read(d, runs)).isEqualTo(new ResponsesTextDelta("msg_" + item, item, 0, "t" + seq));
            }
        }
    }

    @Test
    void runsWhoseCharsTheOneByteCopyCannotTellApartAreReadWholeEachTime() {
        ResponsesTextDelta.Runs runs = new ResponsesTextDelta.Runs();
        String first = "{\"type\":\"response.output_text.delta\",\"sequence_number\":4,\"item_id\":\"msg_中\",\"delta\":\"a\"}";
        for (String item : List.of("中", "文", "?", "中")) {
            assertThat(ResponsesTextDelta.read(first.replace("中", item), runs)).isEqualTo(new ResponsesTextDelta("msg_" + item, -1, 0, "a"));
        }
    }

    /** A text delta with its keys in some order, some of the optional ones left out. */
    private static String delta(String text, int out, Random r, int i) {
        List<String> keys = new ArrayList<>(List.of("\"type\":\"response.output_text.delta\"", "\"delta\":" + quoted(text)));
        if (r.nextInt(5) > 0) {
            keys.add("\"output_index\":" + out);
        }
        if (r.nextBoolean()) {
            keys.add("\"item_id\":\"msg_1\"");
        }
        if (r.nextBoolean()) {
            keys.add("\"content_index\":" + r.nextInt(2));
        }
        if (r.nextBoolean()) {
            keys.add("\"sequence_number\":" + (i + 3));
        }
        if (r.nextBoolean()) {
            keys.add("\"logprobs\":[]");
        }
        if (r.nextBoolean()) {
            keys.add("\"obfuscation\":\"aB3dE\"");
        }
        Collections.shuffle(keys, r);
        return "{" + String.join(",", keys) + "}";
    }

    /** The events, each in its variant {@code way} where it has two. */
    private static List<String> translated(List<String[]> events, int way) {
        StreamTranslator t = new StreamTranslator(ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        List<String> out = new ArrayList<>();
        for (String[] e : events) {
            out.addAll(t.accept("data: " + e[Math.min(way, e.length - 1)]));
            out.addAll(t.accept(""));
        }
        out.addAll(t.finish());
        return out;
    }
}
