package dev.promptport.report;

import java.util.Locale;

/**
 * Finishes JSON text that Jackson wrote, without changing what it means. Jackson escapes the
 * C0 controls, the quote and the backslash and writes every other character as it is, which
 * leaves some characters from the input raw inside strings:
 * <ul>
 *   <li>unpaired surrogates (a request may spell one as <code>"&#92;ud800"</code>): they have
 *       no UTF-8 form, so writing the report to a file failed and printing it turned them
 *       into {@code ?};</li>
 *   <li>DEL, the C1 controls (U+009B is a one-character CSI to some terminals) and the
 *       bidirectional formatting characters, which act on the terminal of a person who
 *       prints the JSON;</li>
 *   <li>U+2028 and U+2029, line breaks to JavaScript before ES2019 and to some editors.</li>
 * </ul>
 * Each is written as a <code>&#92;uXXXX</code> escape. Jackson writes such characters only
 * inside string literals, where an escape is the same character to every JSON parser.
 */
public final class JsonEscapes {

    private JsonEscapes() {
    }

    /** {@code json} with the characters above escaped; the text is returned as is when it has none. */
    public static String escape(String json) {
        return UnsafeChars.replace(json, JsonEscapes::unsafe, c -> String.format(Locale.ROOT, "\\u%04X", c));
    }

    /** Below DEL, Jackson has escaped all but the pretty printer's own line feeds. */
    private static boolean unsafe(int c) {
        return c >= 0x7F && c <= 0x9F || c == '\u2028' || c == '\u2029' || HtmlText.isBidiControl((char) c);
    }
}
