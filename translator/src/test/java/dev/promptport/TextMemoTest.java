package dev.promptport;

import dev.promptport.tree.TextMemo;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextMemoTest {

    private static final String PROMPT = "<instructions>\n" + "Answer briefly and politely.\n".repeat(20)
            + "Put the answer in <answer> tags.\n</instructions>\n\n<context>\nWe sell widgets.\n</context>\n";

    @Test
    void aLongTextIsWorkedOutOnceForEachKey() {
        TextMemo memo = new TextMemo(16);
        AtomicInteger calls = new AtomicInteger();
        Object key = new Object();
        for (int i = 0; i < 3; i++) {
            // a new string each time, as every request's JSON is parsed into new strings
            assertThat(memo.get(new String(PROMPT), key, calls::incrementAndGet)).isEqualTo(1);
        }
        assertThat(memo.get(PROMPT, new Object(), calls::incrementAndGet)).isEqualTo(2);
    }

    @Test
    void textsThatDifferOnlyBetweenTheSampledCharactersAreToldApart() {
        TextMemo memo = new TextMemo(16);
        Object key = new Object();
        char[] other = PROMPT.toCharArray();
        other[25] = 'X'; // past the first 24 characters, between the samples every n/32-th character
        assertThat(memo.get(PROMPT, key, () -> "first")).isEqualTo("first");
        assertThat(memo.get(new String(other), key, () -> "second")).isEqualTo("second");
    }

    @Test
    void textsWhoseSamplesAgreeAreEachRememberedNeitherPushingTheOtherOut() {
        // one conversation's tool results, the same length and differing in an id between samples:
        // each request re-sends all of them, and each must be worked out once, not once a request
        TextMemo memo = new TextMemo(16);
        Object key = new Object();
        AtomicInteger calls = new AtomicInteger();
        java.util.List<String> results = new java.util.ArrayList<>();
        for (char id = 'A'; id < 'F'; id++) {
            char[] text = PROMPT.toCharArray();
            text[25] = id; // between the sampled places
            results.add(new String(text));
        }
        for (int request = 0; request < 4; request++) {
            for (String r : results) {
                memo.get(new String(r), key, calls::incrementAndGet);
                assertThat(memo.canonical(new String(r))).isEqualTo(r);
            }
        }
        assertThat(calls).hasValue(results.size());
    }

    @Test
    void aFullMemoForgetsWhatItHeldSoMemoryStaysBounded() {
        TextMemo memo = new TextMemo(2);
        Object key = new Object();
        AtomicInteger calls = new AtomicInteger();
        for (String text : new String[] {PROMPT + "a", PROMPT + "b", PROMPT + "c", PROMPT + "a"}) {
            memo.get(text, key, calls::incrementAndGet);
        }
        assertThat(calls).hasValue(4);
    }

    @Test
    void aMemoAlsoForgetsWhenItsTextsOutgrowItsCharacters() {
        TextMemo memo = new TextMemo(100, 3L * PROMPT.length());
        Object key = new Object();
        AtomicInteger calls = new AtomicInteger();
        for (String text : new String[] {PROMPT + "a", PROMPT + "b", PROMPT + "a", PROMPT + "c", PROMPT + "a"}) {
            memo.get(text, key, calls::incrementAndGet);
        }
        // a and b fit; c does not, so all are forgotten and a is worked out again
        assertThat(calls).hasValue(4);
        assertThatThrownBy(() -> new TextMemo(10, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxChars");
    }

    @Test
    void whatTheReaderFilesIsForgottenWhenItOutgrowsTheCharacters() {
        TextMemo memo = new TextMemo(100, 1000);
        memo.file(1, "first", 600);
        memo.file(2, "second", 300);
        assertThat(memo.filed(1)).isEqualTo("first");
        // the third passes 1,000 characters filed: what was filed before goes, the new one stays
        memo.file(3, "third", 200);
        assertThat(memo.filed(1)).isNull();
        assertThat(memo.filed(2)).isNull();
        assertThat(memo.filed(3)).isEqualTo("third");
    }

    @Test
    void workThatOnlyPaysOnRepeatIsRememberedFromTheSecondSightingOn() {
        TextMemo memo = new TextMemo(16);
        Object key = new Object();
        AtomicInteger calls = new AtomicInteger();
        assertThat((Integer) memo.getOnceSeenBefore(new String(PROMPT), key, calls::incrementAndGet)).isNull();
        assertThat((Integer) memo.getOnceSeenBefore(new String(PROMPT), key, calls::incrementAndGet)).isEqualTo(1);
        assertThat((Integer) memo.getOnceSeenBefore(new String(PROMPT), key, calls::incrementAndGet)).isEqualTo(1);
        assertThat(calls).hasValue(1);
    }

    @Test
    void shortTextsAreNotWorthRemembering() {
        assertThat(TextMemo.worthIt("Be brief.")).isFalse();
        assertThat(TextMemo.worthIt(PROMPT)).isTrue();
        assertThat(TextMemo.worthIt(null)).isFalse();
    }

    @Test
    void aMemoOfNoTextsIsRefused() {
        assertThatThrownBy(() -> new TextMemo(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxTexts");
    }

    @Test
    void rememberedFindingsAreLocatedInEachRequestThatCarriesTheText() {
        Options options = Options.DEFAULT.withMemo(new TextMemo(16));
        String quoted = PROMPT.replace("\n", "\\n");
        String asString = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"system\":\"" + quoted
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
        String asBlocks = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"system\":[{\"type\":\"text\",\"text\":\""
                + quoted + "\"}],\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
        Target gpt = Target.of("openai:gpt-4o");
        for (String request : new String[] {asString, asBlocks, asString}) {
            Translation remembered = PromptPort.translate(request, InputFormat.ANTHROPIC, gpt, options);
            Translation fresh = PromptPort.translate(request, gpt);
            assertThat(remembered.json()).isEqualTo(fresh.json());
            assertThat(remembered.findings()).isEqualTo(fresh.findings()).isNotEmpty();
        }
    }
}
