package dev.promptport.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnippetsTest {

    @Test
    void aCutNeverSplitsAnEmojiInTwo() {
        String quoted = Snippets.abbreviate("a".repeat(36) + "\uD83D\uDE00 and more text after it", 40);
        assertThat(quoted).isEqualTo("a".repeat(36) + "...");
    }

    @Test
    void anEmojiBeforeTheCutIsKeptWhole() {
        String quoted = Snippets.abbreviate("a".repeat(35) + "\uD83D\uDE00 and more text after it", 40);
        assertThat(quoted).isEqualTo("a".repeat(35) + "\uD83D\uDE00...");
    }

    @Test
    void everyKindOfLineBreakIsShownAsBackslashN() {
        assertThat(Snippets.oneLine("a\r\nb\rc\nd")).isEqualTo("a\\nb\\nc\\nd");
    }

    @Test
    void shortTextIsQuotedWhole() {
        assertThat(Snippets.abbreviate("Here is the JSON:", 40)).isEqualTo("Here is the JSON:");
    }
}
