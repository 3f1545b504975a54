package dev.promptport.rules;

import dev.promptport.Finding;
import dev.promptport.InputFormat;
import dev.promptport.Options;
import dev.promptport.PromptPort;
import dev.promptport.Target;
import dev.promptport.read.PromptFileReader;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.TextMemo;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A long conversation re-sends its earlier turns with every request, and once it is longer than
 * the target's context window in bytes, each turn must be counted with OpenAI's tokenizer. With a
 * memo, each long text is counted once.
 */
class TokenCountMemoTest {

    @Test
    void aLongTextIsCountedOnceAndTheCountIsRememberedUnderItsTokenizer() {
        String text = "The quarterly report lists revenue, costs and the outlook for each region.\n".repeat(40);
        Conversation prompt = PromptFileReader.read(text, null);
        TextMemo memo = new TextMemo(16);

        long counted = TokenCount.count(prompt, "o200k_base", memo);

        assertThat(counted).isEqualTo(TokenCount.count(prompt, "o200k_base", null)).isBetween(400L, 1_000L);
        TokenCount.Counts remembered = memo.get(text, TokenCount.COUNTS, () -> fail("not remembered"));
        assertThat(remembered.counted("o200k_base")).isEqualTo(counted);
        assertThat(remembered.counted("cl100k_base")).isEqualTo(-1);
        // another tokenizer's count of the same text is its own
        assertThat(TokenCount.count(prompt, "cl100k_base", memo)).isEqualTo(TokenCount.count(prompt, "cl100k_base", null));
    }

    @Test
    void aConversationOverTheContextWindowGetsTheSameFindingWithAMemoEveryTime() {
        String turn = "Here is the next part of the log file to read closely. ".repeat(2_000);
        StringBuilder messages = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            messages.append("{\"role\":\"user\",\"content\":\"Part ").append(i).append(": ").append(turn).append("\"},")
                    .append("{\"role\":\"assistant\",\"content\":\"Read part ").append(i).append(".\"},");
        }
        String request = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":4096,\"messages\":[" + messages
                + "{\"role\":\"user\",\"content\":\"And now?\"}]}";
        Target gpt = Target.of("openai:gpt-4o");
        Options memo = Options.DEFAULT.withMemo(new TextMemo(64));

        List<Finding> fresh = PromptPort.translate(request, gpt).findings();
        assertThat(fresh).extracting(Finding::id).contains("PP136");
        for (int i = 0; i < 3; i++) {
            assertThat(PromptPort.translate(request, InputFormat.ANTHROPIC, gpt, memo).findings()).isEqualTo(fresh);
        }
    }
}
