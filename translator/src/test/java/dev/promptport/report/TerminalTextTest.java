package dev.promptport.report;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalTextTest {

    @Test
    void plainTextRightToLeftScriptsAndEmojiAreKeptAsTheyAre() {
        String text = "<script>alert(1)</script> \"quoted\" 'single' C:\\dir\\file.json"
                + " مرحبا שלום 日本語 😀 👩‍💻";
        assertThat(TerminalText.escape(text)).isSameAs(text);
    }

    @Test
    void ansiEscapeSequencesAreShownNotSent() {
        assertThat(TerminalText.escape("\u001B[31mred\u001B[0m")).isEqualTo("\\u{1B}[31mred\\u{1B}[0m");
        // an operating system command that retitles the window, ended by BEL
        assertThat(TerminalText.escape("\u001B]0;pwned\u0007")).isEqualTo("\\u{1B}]0;pwned\\u{7}");
    }

    @Test
    void everyC0AndC1ControlAndDelIsEscaped() {
        for (char c = 0; c <= 0x9F; c++) {
            if (c >= 0x20 && c < 0x7F) {
                continue;
            }
            String hex = Integer.toHexString(c).toUpperCase(Locale.ROOT);
            assertThat(TerminalText.escape("a" + c + "b")).isEqualTo("a\\u{" + hex + "}b");
        }
        // the one-character CSI and NEL, which some terminals honour
        assertThat(TerminalText.escape("\u009B31m\u0085")).isEqualTo("\\u{9B}31m\\u{85}");
    }

    @Test
    void lineBreaksOfEveryKindCannotStartAFakeLine() {
        assertThat(TerminalText.escape("a\r\nb\rc\nd\u2028e\u2029f\u0085g"))
                .isEqualTo("a\\u{D}\\u{A}b\\u{D}c\\u{A}d\\u{2028}e\\u{2029}f\\u{85}g");
    }

    @Test
    void bidiFormattingCharactersAreEscaped() {
        assertThat(TerminalText.escape("\u202Ax\u202By\u202Cz\u202D\u202Eevil\u2066\u2067\u2068\u2069\u200E\u200F\u061C"))
                .isEqualTo("\\u{202A}x\\u{202B}y\\u{202C}z\\u{202D}\\u{202E}evil\\u{2066}\\u{2067}\\u{2068}\\u{2069}"
                        + "\\u{200E}\\u{200F}\\u{61C}");
    }

    @Test
    void unpairedSurrogatesAreEscapedAndPairsKept() {
        assertThat(TerminalText.escape("a\uD800b")).isEqualTo("a\\u{D800}b");
        assertThat(TerminalText.escape("a\uDC00b")).isEqualTo("a\\u{DC00}b");
        assertThat(TerminalText.escape("end\uD83D")).isEqualTo("end\\u{D83D}");
        assertThat(TerminalText.escape("\uDE00\uD83D")).isEqualTo("\\u{DE00}\\u{D83D}");
        assertThat(TerminalText.escape("\uD83D\uDE00\u001B")).isEqualTo("\uD83D\uDE00\\u{1B}");
    }

    @Test
    void nulIsEscapedAndNullIsEmpty() {
        assertThat(TerminalText.escape("a\u0000b")).isEqualTo("a\\u{0}b");
        assertThat(TerminalText.escape(null)).isEmpty();
    }

    @Test
    void messageTurnsItsLineBreaksIntoSpacesAndEscapesTheRest() {
        assertThat(TerminalText.message("first\nsecond\r\nthird\rfourth")).isEqualTo("first second third fourth");
        assertThat(TerminalText.message("name \"x\n::error::y\u2028\u202E\u001B\"")).isEqualTo(
                "name \"x ::error::y\\u{2028}\\u{202E}\\u{1B}\"");
    }
}
