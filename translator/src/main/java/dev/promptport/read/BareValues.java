package dev.promptport.read;

/**
 * Where JSON's bare values end, checked as RFC 8259 writes them: a number, and the words
 * {@code true}, {@code false} and {@code null}. A letter, digit or sign straight after one makes
 * the whole run one bad token ("trueish", "12ab"), as Jackson reports it. For {@link JsonLexer},
 * over its one-byte copy of the text; the error, rare, is made only when one is thrown.
 */
final class BareValues {

    private BareValues() {
    }

    /**
     * The end of the number at {@code i}, shifted left by one, with the low bit set when it has a
     * fraction or an exponent (Jackson's float token) and clear for a whole number.
     *
     * @throws dev.promptport.PromptPortException when it is no JSON number, or longer than
     *     {@link JsonLexer#MAX_NUMBER_LENGTH}
     */
    static long number(String source, byte[] bytes, int length, int i) {
        int j = i;
        if (bytes[j] == '-') {
            j++;
        }
        if (j >= length || !digit(bytes[j])) {
            throw errors(source, bytes, length).error(j, "a number needs a digit after its minus sign");
        }
        if (bytes[j] == '0') {
            j++;
            if (j < length && digit(bytes[j])) {
                throw errors(source, bytes, length).error(j, "a number cannot start with a zero followed by more digits");
            }
        } else {
            j = digits(bytes, length, j);
        }
        boolean fraction = false;
        if (j < length && bytes[j] == '.') {
            fraction = true;
            j++;
            if (j >= length || !digit(bytes[j])) {
                throw errors(source, bytes, length).error(j, "a decimal point must be followed by a digit");
            }
            j = digits(bytes, length, j);
        }
        if (j < length && (bytes[j] == 'e' || bytes[j] == 'E')) {
            fraction = true;
            j++;
            if (j < length && (bytes[j] == '+' || bytes[j] == '-')) {
                j++;
            }
            if (j >= length || !digit(bytes[j])) {
                throw errors(source, bytes, length).error(j, "an exponent must have a digit");
            }
            j = digits(bytes, length, j);
        }
        if (j < length && isWordChar(bytes[j])) {
            throw errors(source, bytes, length).unrecognized(i);
        }
        if (j - i > JsonLexer.MAX_NUMBER_LENGTH) {
            throw errors(source, bytes, length).tooLong(i, "a number", j - i, JsonLexer.MAX_NUMBER_LENGTH);
        }
        return (long) j << 1 | (fraction ? 1 : 0);
    }

    /**
     * The end of {@code word} at {@code i}.
     *
     * @throws dev.promptport.PromptPortException when the text there is not that word alone
     */
    static int word(String source, byte[] bytes, int length, int i, String word) {
        int n = word.length();
        if (i + n > length || !source.startsWith(word, i) || (i + n < length && isWordChar(bytes[i + n]))) {
            throw errors(source, bytes, length).unrecognized(i);
        }
        return i + n;
    }

    private static int digits(byte[] bytes, int length, int j) {
        while (j < length && digit(bytes[j])) {
            j++;
        }
        return j;
    }

    private static boolean digit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** A character that would continue a bare word, so "trueish" or "12ab" is one bad token. */
    private static boolean isWordChar(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
                || c == '-' || c == '+' || c < 0 || c == '?';
    }

    private static JsonErrors errors(String source, byte[] bytes, int length) {
        return new JsonErrors(source, bytes, length);
    }
}
