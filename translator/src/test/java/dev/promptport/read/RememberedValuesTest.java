package dev.promptport.read;

import dev.promptport.InputFormat;
import dev.promptport.LimitExceededException;
import dev.promptport.Limits;
import dev.promptport.Options;
import dev.promptport.PromptPort;
import dev.promptport.Target;
import dev.promptport.Translation;
import dev.promptport.tree.TextMemo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Whole messages and tool lists that traffic repeats are taken from the memo, and give exactly
 * what a fresh reading gives: the same request, the same findings at the same pointers.
 */
class RememberedValuesTest {

    private static final Target GPT = Target.of("openai:gpt-4o");

    private static String message(String role, String text) {
        return "{\"role\": \"" + role + "\", \"content\": [{\"type\": \"text\", \"text\": \"" + text + "\"}]}";
    }

    private static String turn(int n) {
        return message(n % 2 == 0 ? "user" : "assistant",
                "Turn " + n + ": <context>the depot moved</context> " + "and the parcel waits. ".repeat(12));
    }

    private static String request(List<String> messages, String tools) {
        return "{\"model\": \"claude-sonnet-4-5\", \"max_tokens\": 300, " + tools
                + "\"messages\": [" + String.join(", ", messages) + "]}";
    }

    private static final String TOOLS = "\"tools\": [{\"name\": \"track\", \"description\": \"" + "Track a parcel. ".repeat(10)
            + "\", \"input_schema\": {\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}}},"
            + " \"vendor_hint\": \"fast\"}], ";

    private static void sameAsFresh(String request, Options remembering) {
        Translation fresh = PromptPort.translate(request, GPT);
        Translation remembered = PromptPort.translate(request, InputFormat.ANTHROPIC, GPT, remembering);
        assertThat(remembered.json()).isEqualTo(fresh.json());
        assertThat(remembered.findings()).isEqualTo(fresh.findings());
    }

    @Test
    void aGrowingConversationGivesWhatAFreshReadingGivesAtEveryTurn() {
        Options remembering = Options.DEFAULT.withMemo(new TextMemo(64));
        List<String> messages = new ArrayList<>();
        for (int n = 0; n < 7; n++) {
            messages.add(turn(n));
            if (n % 2 == 0) {
                // each request re-sends the turns before it, at the same places
                for (int again = 0; again < 3; again++) {
                    sameAsFresh(request(messages, TOOLS), remembering);
                }
            }
        }
    }

    @Test
    void aRememberedMessageMovedToAnotherPlaceIsPointedToWhereItNowStands() {
        Options remembering = Options.DEFAULT.withMemo(new TextMemo(64));
        String unclosed = message("user", "<rules>Never guess. " + "Ask when unsure. ".repeat(15));
        List<String> first = List.of(unclosed, turn(1), turn(2));
        List<String> moved = List.of(turn(0), turn(1), unclosed);
        for (int again = 0; again < 3; again++) {
            sameAsFresh(request(first, ""), remembering);
        }
        sameAsFresh(request(moved, ""), remembering);
        assertThat(PromptPort.translate(request(moved, ""), InputFormat.ANTHROPIC, GPT, remembering).findings())
                .anyMatch(f -> f.location().pointer().startsWith("/messages/2"));
    }

    @Test
    void aRememberedToolListStillReportsItsUnknownField() {
        Options remembering = Options.DEFAULT.withMemo(new TextMemo(64));
        String request = request(List.of(turn(0)), TOOLS);
        for (int again = 0; again < 4; again++) {
            sameAsFresh(request, remembering);
        }
        assertThat(PromptPort.translate(request, InputFormat.ANTHROPIC, GPT, remembering).findings())
                .anyMatch(f -> f.location().pointer().equals("/tools/0/vendor_hint"));
    }

    /**
     * {@code count} tool lists that open with the same tool, longer than the bytes a list's
     * memo key hashes, and differ after it: one application's requests, each offering the
     * common tool and one of its own.
     */
    private static List<String> toolListsThatOpenAlike(int count) {
        String common = "{\"name\": \"track\", \"description\": \"" + "Track a parcel by its waybill. ".repeat(10)
                + "\", \"input_schema\": {\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}}}}";
        List<String> requests = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            String own = "{\"name\": \"tool_" + k + "\", \"description\": \"" + "Do one thing. ".repeat(k + 1)
                    + "\", \"input_schema\": {\"type\": \"object\"}}";
            requests.add(request(List.of(turn(0)), "\"tools\": [" + common + ", " + own + "], "));
        }
        return requests;
    }

    @Test
    void toolListsThatOpenAlikeAreEachRememberedWhenSentInTurn() {
        TextMemo memo = new TextMemo(64);
        List<String> requests = toolListsThatOpenAlike(6);
        List<Object> lastRound = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            List<Object> tools = new ArrayList<>();
            for (String r : requests) {
                tools.add(AnthropicRequestReader.read(r, Limits.DEFAULTS, memo).tools());
            }
            if (round == 2) {
                // remembered: the same lists as the round before, not read again
                for (int k = 0; k < tools.size(); k++) {
                    assertThat(tools.get(k)).isSameAs(lastRound.get(k));
                }
            }
            lastRound = tools;
        }
        for (String r : requests) {
            sameAsFresh(r, Options.DEFAULT.withMemo(memo));
        }
    }

    @Test
    void moreListsOpeningAlikeThanAKeyHoldsAreStillReadRight() {
        Options remembering = Options.DEFAULT.withMemo(new TextMemo(64));
        List<String> requests = toolListsThatOpenAlike(ValueSlot.MAX * 2 + 1);
        for (int round = 0; round < 3; round++) {
            for (String r : requests) {
                sameAsFresh(r, remembering);
            }
        }
    }

    @Test
    void aMessageRememberedUnderLooseLimitsIsCheckedAgainUnderStricterOnes() {
        TextMemo memo = new TextMemo(64);
        String request = request(List.of(turn(0), turn(1)), "");
        for (int again = 0; again < 3; again++) {
            PromptPort.translate(request, InputFormat.ANTHROPIC, GPT, Options.DEFAULT.withMemo(memo));
        }
        Options strict = Options.DEFAULT.withMemo(memo).withLimits(Limits.DEFAULTS.withMaxTags(1));
        assertThatThrownBy(() -> PromptPort.translate(request, InputFormat.ANTHROPIC, GPT, strict))
                .isInstanceOf(LimitExceededException.class);
    }
}
