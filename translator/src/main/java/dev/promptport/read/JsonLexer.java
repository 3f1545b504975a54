package dev.promptport.read;

import com.fasterxml.jackson.core.JsonToken;
import dev.promptport.LimitExceededException;
import dev.promptport.tree.ByteWords;
import dev.promptport.tree.Loc;
import dev.promptport.tree.TextMemo;

import java.util.Arrays;


/**
 * A strict JSON pull lexer (RFC 8259) over one request text, for the translate hot path.
 *
 * <p>Why not Jackson's parser: requests are mostly long strings with escaped line breaks, and
 * Jackson copies such a string one character at a time. Here a string's end, its escapes and
 * any forbidden control character are found with vectorised searches, each made once over the
 * whole text, and the decoded value is cut from the source in bulk copies between escapes. A
 * string is decoded only when asked for: skipped values are checked, never decoded. Line and
 * column are worked out only for an error. About three times faster than Jackson on long
 * prompts; {@code JsonLexerProperties} checks it reads what Jackson reads.
 *
 * <p>It reads exactly one value; {@link #requireEnd()} refuses anything but white space after it.
 * Public for the library's own line sniffer (the traffic audit); not part of promptport's API.
 */
public final class JsonLexer {


    /*
     * The other JSON parsers that later read parts of a request verbatim (tool schemas, tool
     * inputs) use Jackson's default limits on names and numbers; refusing longer ones here
     * keeps them from failing on what this one accepted.
     */
    static final int MAX_NAME_LENGTH = 50_000;
    static final int MAX_NUMBER_LENGTH = 1_000;


    private static final long EIGHT_SPACES = 0x2020202020202020L;

    /** What the next token may be. */
    private static final int VALUE = 0;
    private static final int NAME_OR_END = 1;
    private static final int NAME = 2;
    private static final int COMMA_OR_END = 3;
    private static final int DONE = 4;
    private static final int ELEMENT_OR_END = 5;

    private final String source;
    /** The source one byte per char, in a pooled buffer that may be longer; null once given back. */
    private byte[] bytes;
    /** Whether {@link #bytes} came from the pool and goes back to it at the end. */
    private final boolean pooled;
    private final int length;
    private final int maxDepth;
    private final TextMemo memo;
    /** The current string's value when it is already known (remembered), else null. */
    private String known;

    /** One flag per open container: true for an object. */
    private boolean[] objects = new boolean[16];
    private int depth;
    private int expect = VALUE;

    private int pos;
    private JsonToken token;
    private int start;
    private int end;
    /** For a string or name: whether it holds an escape, so decoding needs more than a copy. */
    private boolean escaped;
    private String name;
    /** Inside {@link #skipChildren()}, which reads no name. */
    private boolean skipping;
    /** Where each string ends, and where the current one's escapes are. */
    private final StringEnds strings;

    /** A lexer whose one-byte copy is its own: for short texts and callers that may not read to the end. */
    public JsonLexer(String source, int maxDepth) {
        this(source, maxDepth, null, false);
    }

    /**
     * @param memo where long strings seen before are remembered as written (see {@link WrittenString}), or null
     * @param pooled whether the one-byte copy may come from the pool: the caller reads to the
     *     end and calls {@link #requireEnd()}, which gives it back
     */
    JsonLexer(String source, int maxDepth, TextMemo memo, boolean pooled) {
        // One byte per char: Latin-1 keeps every ASCII char, so every JSON structural char, in place.
        this(source, pooled ? SourceBytes.pooled(source) : ByteWords.oneBytePerChar(source), pooled, maxDepth, memo);
    }

    /**
     * A lexer whose one-byte copy of {@code source} comes from the pool: for a caller that reads
     * to the end and calls {@link #requireEnd()}, which gives it back. One that stops early only
     * leaves the pool to make a new copy.
     */
    public static JsonLexer pooled(String source, int maxDepth) {
        return new JsonLexer(source, maxDepth, null, true);
    }

    /**
     * A lexer over a source whose one-byte copy the caller already has: an ASCII text's own
     * bytes, which are that copy. The lexer only reads {@code view} and never pools it.
     *
     * @param view {@code source} one byte per char, in its first {@code source.length()} bytes
     */
    public JsonLexer(String source, byte[] view, int maxDepth, TextMemo memo) {
        this(source, view, false, maxDepth, memo);
    }

    private JsonLexer(String source, byte[] view, boolean pooled, int maxDepth, TextMemo memo) {
        this.source = source;
        this.memo = memo;
        this.length = source.length();
        this.bytes = view;
        this.pooled = pooled;
        this.maxDepth = maxDepth;
        this.strings = new StringEnds(source, view, length);
    }

    public JsonToken token() {
        return token;
    }

    /** Where the current token starts in the source. */
    public int tokenStart() {
        return start;
    }

    /** Just past the current token's last character. */
    public int tokenEnd() {
        return end;
    }

    /** The last field name read. */
    public String name() {
        return name;
    }

    /**
     * Where the lexer stands, and the containers open there: the start or end of a {@link Run}.
     * A place just after a field name also holds the name.
     */
    public Place place() {
        return new Place(pos, expect, token, Arrays.copyOf(objects, depth), token == JsonToken.FIELD_NAME ? name : null, maxDepth);
    }

    /**
     * If the source holds {@code run}'s characters from here, and the lexer stands as it stood at
     * the run's start, the lexer skips them to stand where it stood at the run's end (just after
     * a field name, or past the end of the value): the same characters read from the same place,
     * under the same depth limit, give the same tokens. Whether it did; when not, nothing moved.
     */
    public boolean skip(Run run) {
        Place from = run.from;
        Place to = run.to;
        if (expect != from.expect || maxDepth != from.maxDepth || depth != from.nesting.length
                || !Arrays.equals(objects, 0, depth, from.nesting, 0, depth) || !holds(pos, run.text)) {
            return false;
        }
        if (to.nesting.length > objects.length) {
            objects = Arrays.copyOf(objects, to.nesting.length);
        }
        System.arraycopy(to.nesting, 0, objects, 0, to.nesting.length);
        depth = to.nesting.length;
        pos += run.text.length;
        start = pos;
        end = pos;
        if (to.name != null) {
            name = to.name;
        }
        expect = to.expect;
        token = to.token;
        return true;
    }

    /** Where a lexer stood ({@link #place()}). */
    public static final class Place {

        private final int pos;
        private final int expect;
        private final JsonToken token;
        /** One flag per open container: true for an object. */
        private final boolean[] nesting;
        /** The field name the place is just after, or null. */
        private final String name;
        /** The lexer's depth limit, which a run's nesting inside was read under. */
        private final int maxDepth;

        private Place(int pos, int expect, JsonToken token, boolean[] nesting, String name, int maxDepth) {
            this.pos = pos;
            this.expect = expect;
            this.token = token;
            this.nesting = nesting;
            this.name = name;
            this.maxDepth = maxDepth;
        }

        /** The place's index in the text. */
        public int pos() {
            return pos;
        }
    }

    /**
     * The characters between two places of a text, the second just after a field name or past the
     * end of the value, for {@link #skip(Run)} in a later text that holds them too: what a
     * stream's events repeat.
     */
    public static final class Run {

        private final Place from;
        private final Place to;
        /** One byte per char ({@link ByteWords#exactBytes}). */
        private final byte[] text;

        private Run(Place from, Place to, byte[] text) {
            this.from = from;
            this.to = to;
            this.text = text;
        }

        /**
         * The run of {@code source} from {@code from} to {@code to}, two places of one lexer over
         * it; null when it holds a char past U+00FF or a '?', which the one-byte copy cannot tell
         * apart.
         */
        public static Run of(String source, Place from, Place to) {
            if (to.name == null && to.expect != DONE || to.pos < from.pos) {
                throw new IllegalArgumentException("a run ends just after a field name or the value's end, after its start");
            }
            byte[] text = ByteWords.exactBytes(source, from.pos, to.pos);
            if (text == null) {
                return null;
            }
            return new Run(from, to, text);
        }

        /** How many chars it holds. */
        public int length() {
            return text.length;
        }
    }

    /**
     * Whether the source holds {@code text} from {@code at}, {@code text} being one byte per char
     * as {@link ByteWords#exactBytes} gives them. Compared on whole vectors, where
     * {@link String#startsWith(String, int)} compares a char at a time.
     */
    private boolean holds(int at, byte[] text) {
        return at >= 0 && text.length <= length - at && Arrays.equals(bytes, at, at + text.length, text, 0, text.length);
    }

    public JsonToken next() {
        int i = skipSpace(pos);
        switch (expect) {
            case NAME_OR_END, NAME -> {
                if (i < length && bytes[i] == '"') {
                    string(i);
                    if (end - start - 2 > MAX_NAME_LENGTH) {
                        throw errors().tooLong(i, "a field name", end - start - 2, MAX_NAME_LENGTH);
                    }
                    if (skipping) {
                        // nobody reads a skipped name: its String is not made (its escapes were checked finding its end)
                        name = null;
                    } else {
                        String constant = escaped ? null : FieldNames.known(bytes, start + 1, end - 1);
                        name = constant != null ? constant : text();
                    }
                    int colon = skipSpace(end);
                    if (colon >= length || bytes[colon] != ':') {
                        throw errors().unexpected(colon, "a ':' after the field name");
                    }
                    pos = colon + 1;
                    expect = VALUE;
                    return token = JsonToken.FIELD_NAME;
                }
                if (expect == NAME_OR_END && i < length && bytes[i] == '}') {
                    return close(i);
                }
                throw errors().unexpected(i, expect == NAME ? "a field name in double quotes" : "a field name in double quotes or '}'");
            }
            case COMMA_OR_END -> {
                if (i < length) {
                    byte c = bytes[i];
                    boolean object = objects[depth - 1];
                    if (c == ',') {
                        expect = object ? NAME : VALUE;
                        return next(i + 1);
                    }
                    if (c == (object ? '}' : ']')) {
                        return close(i);
                    }
                }
                throw errors().unexpected(i, objects[depth - 1] ? "',' or '}'" : "',' or ']'");
            }
            case ELEMENT_OR_END -> {
                if (i < length && bytes[i] == ']') {
                    return close(i);
                }
                return value(i);
            }
            case DONE -> {
                pos = i;
                return token = null;
            }
            default -> {
                return value(i);
            }
        }
    }

    private JsonToken next(int from) {
        pos = from;
        return next();
    }

    /**
     * The current value exactly as written, consuming it: the lexer then sits on its last
     * token. Through the memo, a long object or array seen before (a tool's schema, which every
     * request of an application carries) is matched where it stands and skipped whole; see
     * {@link #valueKey}.
     */
    String raw() {
        int open = start;
        long key = valueKey(0);
        if (key == 0) {
            skipChildren();
            return source.substring(open, end);
        }
        Object filed = memo.filed(key);
        for (Object e : ValueSlot.of(filed).entries()) {
            // a reader's kept value (see JsonCursor#remembered) may share the key: it is not text
            if (e instanceof WrittenValue w && w.written().value() instanceof String text && skipIfWritten(w)) {
                return text;
            }
        }
        skipChildren();
        String text = source.substring(open, end);
        fileValue(key, filed, open, text);
        return text;
    }

    /**
     * The memo key of the long object or array the lexer is on, or 0 when it is not one or there
     * is no memo. Such a value, once seen twice (see {@link #fileValue}), is matched byte for
     * byte where it stands ({@link #skipIfWritten}) and skipped whole, as long strings are (see
     * {@link #remembered(int)}). Its length is unknown before it is read, so the key hashes its
     * first {@link TextMemo#MIN_CHARS} bytes, and {@code salt}, which tells apart what callers
     * keep for the same bytes (a message's place in the request, say).
     */
    long valueKey(long salt) {
        boolean container = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY;
        if (!container || memo == null || length - start < TextMemo.MIN_CHARS) {
            return 0;
        }
        return WrittenKeys.value(bytes, start, salt);
    }

    /**
     * Skips the object or array the lexer is on if the source holds {@code w} exactly there and
     * its nesting fits under the depth limit from here; the lexer then sits on its end.
     */
    boolean skipIfWritten(WrittenValue w) {
        int open = start;
        if (depth + w.nesting() > maxDepth || !w.written().isAt(source, bytes, open)) {
            return false;
        }
        boolean object = objects[--depth];
        start = open + w.written().length() - 1;
        end = start + 1;
        pos = end;
        afterValue();
        token = object ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
        return true;
    }

    /**
     * Files the value just read, from {@code open} to the end of the current token, under
     * {@code key}, beside the other values that open alike ({@link ValueSlot}): noted the first
     * time it is seen, kept as written (with {@code kept}, what the caller made of it) the
     * second. One of the same length kept already keeps its place.
     */
    void fileValue(long key, Object filed, int open, Object kept) {
        int n = end - open;
        ValueSlot slot = ValueSlot.of(filed);
        if (slot.noted(n)) {
            WrittenString written = WrittenString.of(source, bytes, open, end, kept);
            memo.file(key, slot.remembering(new WrittenValue(written, WrittenKeys.nesting(bytes, open, end) - 1)), n);
        } else if (!slot.holds(n)) {
            memo.file(key, slot.noting(n), 0);
        }
    }

    /** Skips the children of the current object or array; the lexer then sits on its end. */
    public void skipChildren() {
        if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
            return;
        }
        int target = depth - 1;
        String outer = name;
        skipping = true;
        try {
            while (depth > target) {
                if (next() == null) {
                    throw errors().unexpected(pos, "the end of the value");
                }
            }
        } finally {
            skipping = false;
        }
        // as Jackson's parser: the name is the one before the value skipped
        name = outer;
    }

    /** Refuses anything after the value but white space. The lexer is done with after this. */
    public void requireEnd() {
        int i = skipSpace(pos);
        if (i < length) {
            throw errors().error(i, "unexpected " + errors().describe(i) + " after the end of the JSON value");
        }
        if (pooled) {
            SourceBytes.giveBack(bytes);
        }
        bytes = null;
    }

    /**
     * Gives a pooled one-byte copy back to the pool for a caller that stops before the end (one
     * that reads to it has {@link #requireEnd()} do so). The lexer is done with after this.
     */
    public void release() {
        if (pooled && bytes != null) {
            SourceBytes.giveBack(bytes);
        }
        bytes = null;
    }

    /** The current string or name (checked by {@link #string(int)}), its escapes decoded. */
    private String text() {
        return escaped ? JsonEscapes.decode(source, bytes, start + 1, end - 1, strings.escapes(), strings.escapeCount())
                : source.substring(start + 1, end - 1);
    }

    /** The current string value, decoded; a common one (a role, a block's type) as a constant. */
    public String string() {
        if (known != null) {
            return known;
        }
        String constant = escaped ? null : FieldNames.known(bytes, start + 1, end - 1);
        return constant != null ? constant : text();
    }

    /**
     * Reads the long string at {@code open} through the memo: a string this memo has seen
     * written the same way, byte for byte, is taken whole without a scan or a decode; one seen
     * once before is remembered now; one never seen is only noted, so a string that traffic
     * does not repeat costs nothing extra to keep. Its end is found before any scan, by
     * {@link WrittenKeys#closingQuote}.
     */
    private void remembered(int open) {
        int q = WrittenKeys.closingQuote(source, bytes, strings.nextQuote(), open);
        boolean endKnown = q < length;
        if (!endKnown) {
            string(open);
        }
        int stop = endKnown ? q + 1 : end;
        int n = stop - open;
        if (n < TextMemo.MIN_CHARS) {
            if (endKnown) {
                string(open);
            }
            return;
        }
        long key = WrittenKeys.string(bytes, open, n);
        Object filed = memo.filed(key);
        if (filed instanceof WrittenString w && w.isAt(source, bytes, open)) {
            start = open;
            end = stop;
            escaped = false;
            known = w.decoded();
            return;
        }
        if (endKnown) {
            string(open);
        }
        if (filed instanceof Integer seen && seen == n) {
            known = memo.canonical(string());
            memo.file(key, WrittenString.of(source, bytes, start, end, known), n);
        } else if (!(filed instanceof WrittenString)) {
            memo.file(key, n, 0);
        }
    }

    /**
     * Whether the string opening at {@code open} may be long enough for the memo: its first
     * quote is far, or is escaped. Most strings in a request are short (roles, types, names)
     * and must not pay for a lookup.
     */
    private boolean mayBeLong(int open) {
        int quote = strings.quoteAfter(open);
        return length - open > TextMemo.MIN_CHARS
                && (quote - open > TextMemo.MIN_CHARS || bytes[quote - 1] == '\\');
    }

    /** The current number or literal exactly as written. */
    String literal() {
        return source.substring(start, end);
    }

    /** The line and column of a source offset, counting lines the way JSON does (LF, CR or CRLF). */
    Loc position(int offset) {
        return errors().position(offset);
    }

    private JsonToken value(int i) {
        if (i >= length) {
            throw errors().error(i, "unexpected end of the input where a value should start");
        }
        start = i;
        switch (bytes[i]) {
            case '{' -> {
                open(i, true);
                expect = NAME_OR_END;
                return token = JsonToken.START_OBJECT;
            }
            case '[' -> {
                open(i, false);
                expect = ELEMENT_OR_END;
                return token = JsonToken.START_ARRAY;
            }
            case '"' -> {
                known = null;
                if (memo != null && mayBeLong(i)) {
                    remembered(i);
                } else {
                    string(i);
                }
                pos = end;
                afterValue();
                return token = JsonToken.VALUE_STRING;
            }
            case 't' -> {
                return word(i, "true", JsonToken.VALUE_TRUE);
            }
            case 'f' -> {
                return word(i, "false", JsonToken.VALUE_FALSE);
            }
            case 'n' -> {
                return word(i, "null", JsonToken.VALUE_NULL);
            }
            default -> {
                byte c = bytes[i];
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number(i);
                }
                throw errors().unexpected(i, "a value (an object, array, string, number, true, false or null)");
            }
        }
    }

    private void open(int i, boolean object) {
        if (depth >= maxDepth) {
            throw LimitExceededException.jsonDepth(maxDepth, position(i));
        }
        if (depth == objects.length) {
            objects = Arrays.copyOf(objects, depth * 2);
        }
        objects[depth++] = object;
        start = i;
        end = i + 1;
        pos = end;
    }

    private JsonToken close(int i) {
        boolean object = objects[--depth];
        start = i;
        end = i + 1;
        pos = end;
        afterValue();
        return token = object ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
    }

    private void afterValue() {
        expect = depth == 0 ? DONE : COMMA_OR_END;
    }

    private JsonToken word(int i, String word, JsonToken t) {
        int after = BareValues.word(source, bytes, length, i, word);
        start = i;
        end = after;
        pos = end;
        afterValue();
        return token = t;
    }

    private JsonToken number(int i) {
        long ends = BareValues.number(source, bytes, length, i);
        start = i;
        end = (int) (ends >>> 1);
        pos = end;
        afterValue();
        return token = (ends & 1) != 0 ? JsonToken.VALUE_NUMBER_FLOAT : JsonToken.VALUE_NUMBER_INT;
    }

    /**
     * Finds the end of the string whose opening quote is at {@code open} ({@link StringEnds});
     * sets {@link #start}, {@link #end} and {@link #escaped}.
     */
    private void string(int open) {
        start = open;
        end = strings.end(open);
        escaped = strings.escaped();
    }

    private int skipSpace(int i) {
        while (i < length) {
            byte c = bytes[i];
            if (c == ' ') {
                if (i + 1 < length && bytes[i + 1] > ' ') {
                    // one space, as after a colon or a comma
                    return i + 1;
                }
                // pretty-printed requests indent every line: eight spaces a step
                while (i + 8 <= length && ByteWords.word(bytes, i) == EIGHT_SPACES) {
                    i += 8;
                }
                if (i >= length || bytes[i] != ' ') {
                    continue;
                }
            } else if (c != '\n' && c != '\r' && c != '\t') {
                return i;
            }
            i++;
        }
        return i;
    }

    /** Error messages are rare: their helper is made when one is needed. */
    private JsonErrors errors() {
        return new JsonErrors(source, bytes, length);
    }
}
