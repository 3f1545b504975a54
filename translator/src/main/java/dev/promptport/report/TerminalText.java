package dev.promptport.report;

import java.util.Locale;

/**
 * Makes text from an input safe to print where a person reads it: a terminal, a CI log, a
 * one-line-per-finding report. File names, JSON keys, tag and placeholder names, tool names
 * and snippets all come from the input, and the input may be hostile.
 *
 * <p>A character that a terminal or a log viewer would act on rather than show is written
 * as <code>&#92;u{1B}</code> (its UTF-16 code unit in hexadecimal, Rust and JavaScript style),
 * so the reader sees that it is there:
 * <ul>
 *   <li>C0 controls (tab and line breaks too), DEL and C1 controls: ESC and the one-character
 *       CSI U+009B start escape sequences, CR and LF and NEL U+0085 start a line that could
 *       pass for another finding;</li>
 *   <li>the line and paragraph separators U+2028 and U+2029, line breaks to some viewers;</li>
 *   <li>bidirectional formatting characters (the same set the HTML report shows), which
 *       reorder what follows them on the line;</li>
 *   <li>unpaired surrogates, which have no UTF-8 form: printed as is they became {@code ?} and
 *       writing the report to a file failed.</li>
 * </ul>
 * Everything else, right-to-left scripts and emoji among it, is kept as it is. A backslash is
 * not escaped: Windows paths stay readable, and a literal <code>&#92;u{1B}</code> in the input
 * shows as harmless text either way.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /** {@code s} with every character that could act on a terminal or break the line escaped; null is empty. */
    public static String escape(String s) {
        return s == null ? "" : UnsafeChars.replace(s, TerminalText::unsafe,
                c -> "\\u{" + Integer.toHexString(c).toUpperCase(Locale.ROOT) + "}");
    }

    /**
     * A finding's message for a format that prints one finding per line: its line breaks become
     * spaces, as in every such format (a rule's message may span lines in its YAML), then the
     * rest is {@linkplain #escape escaped}.
     */
    public static String message(String s) {
        return escape(LintText.oneLine(s));
    }

    private static boolean unsafe(int c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F || c == '\u2028' || c == '\u2029'
                || HtmlText.isBidiControl((char) c);
    }
}
