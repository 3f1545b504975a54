package dev.promptport.write;

import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import dev.promptport.tree.ByteWords;
import dev.promptport.tree.DeferredText;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes one request's JSON text, compact or pretty, exactly as Jackson's generator with its
 * default pretty printer writes it (property-tested against it), with the generator's method
 * names so the writers read the same. The writers only ever write small objects of known
 * shape around a few long texts; a general generator's bookkeeping per call (its output
 * contexts, its escape table per character, a writer behind its buffer) was a third of a
 * remembered translation. Here a value is appended to one pooled char buffer, and the text is
 * made into a String once.
 *
 * <p>Not thread-safe; one per request. {@link #finish} returns the text and the buffer.
 */
final class JsonOut {

    /** Buffers longer than this are not kept in the pool, so it holds no huge one. */
    private static final int MAX_POOLED = 1 << 16;
    /** Strings at least this long are scanned eight characters a step. */
    static final int LONG_STRING = 64;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final String INDENT = "\n" + " ".repeat(64);
    /** The longest ints and longs written: their minimum values, sign and all. */
    private static final int MAX_INT_CHARS = String.valueOf(Integer.MIN_VALUE).length();
    private static final int MAX_LONG_CHARS = String.valueOf(Long.MIN_VALUE).length();

    private final boolean pretty;
    /** Written for {@link #finishUtf8}: values already in UTF-8 are then kept as they are. */
    private final boolean utf8;
    private final BufferRecycler recycler;
    private char[] buf;
    private int len;

    /**
     * Values written as UTF-8 ({@link #writeRawUtf8}), each spliced in at its place in the
     * characters when the text is encoded. A remembered system prompt is then copied once, at
     * the end, instead of being widened into the characters and encoded back.
     */
    private byte[][] pieces;
    private int[] pieceAt;
    private int pieceCount;
    private int pieceBytes;

    /** Per open object or array: how many values it holds. */
    private int[] counts = new int[16];
    private int depth;
    /** Objects open: the pretty printer indents by these, not by arrays, which stay on one line. */
    private int nesting;
    /** A field name was written and its value is next. */
    private boolean afterName;
    /** Made when the first deferred text is written. */
    private Quoting quoting;

    JsonOut(boolean pretty) {
        this(pretty, false);
    }

    /** @param utf8 whether the text is finished with {@link #finishUtf8} rather than {@link #finish} */
    JsonOut(boolean pretty, boolean utf8) {
        this.pretty = pretty;
        this.utf8 = utf8;
        this.recycler = JsonRecyclerPools.defaultPool().acquireAndLinkPooled();
        this.buf = recycler.allocCharBuffer(BufferRecycler.CHAR_CONCAT_BUFFER, 2000);
    }

    /** The text written, and the buffer back to the pool. */
    String finish() {
        String text = new String(buf, 0, len);
        giveBack();
        return text;
    }

    /**
     * The text written as UTF-8, what goes on the wire, and the buffer back to the pool. A
     * String of text with one character past U+00FF (an en dash, a curly quote) costs two bytes
     * a character, and three while it is made from the buffer; its UTF-8 costs one for each
     * ASCII character. An unpaired surrogate, which has no UTF-8 form, is written as the
     * <code>&#92;uXXXX</code> escape it meant: the writers write characters only inside
     * strings, where the escape is the same character to every JSON parser.
     */
    byte[] finishUtf8() {
        byte[] out = utf8(buf, len, pieces, pieceAt, pieceCount, pieceBytes, recycler);
        giveBack();
        return out;
    }

    /** The buffer back to the pool, unless it grew past what the pool keeps. */
    private void giveBack() {
        if (buf.length <= MAX_POOLED) {
            recycler.releaseCharBuffer(BufferRecycler.CHAR_CONCAT_BUFFER, buf);
        }
        recycler.releaseToPool();
        buf = null;
    }

    /**
     * The runs of ASCII are copied by the JDK's ASCII encoder, which the JIT compiles to vector
     * instructions: ten times as fast as a loop over the characters. It stops at each other
     * character, which is encoded here.
     */
    private static byte[] utf8(char[] chars, int n, byte[][] pieces, int[] pieceAt, int pieceCount, int pieceBytes,
                               BufferRecycler recycler) {
        // a byte a character, as for ASCII, and grown for the rest: a buffer sized for the worst
        // case would be three times the text, past what the pool keeps for a long request. Past
        // that size the buffer is new either way; sized for ASCII, an ASCII request fills it
        // exactly and it is handed over as it is, not copied once more
        int ascii = n + pieceBytes;
        byte[] b = ascii + 16 > MAX_POOLED ? new byte[ascii]
                : recycler.allocByteBuffer(BufferRecycler.BYTE_WRITE_CONCAT_BUFFER, ascii + 16);
        CharsetEncoder encoder = StandardCharsets.US_ASCII.newEncoder();
        ByteBuffer out = ByteBuffer.wrap(b);
        int from = 0;
        for (int k = 0; k < pieceCount; k++) {
            out = encode(chars, from, pieceAt[k], encoder, out);
            byte[] piece = pieces[k];
            if (out.remaining() < piece.length) {
                out = grown(out, piece.length);
            }
            out.put(piece);
            from = pieceAt[k];
        }
        out = encode(chars, from, n, encoder, out);
        byte[] last = out.array();
        if (out.position() == last.length) {
            // not given back to the pool, so the caller's alone
            return last;
        }
        byte[] written = Arrays.copyOf(last, out.position());
        if (last.length <= MAX_POOLED) {
            recycler.releaseByteBuffer(BufferRecycler.BYTE_WRITE_CONCAT_BUFFER, last);
        }
        return written;
    }

    /** A buffer with the bytes written so far and room for {@code more}: half as large again, at least. */
    private static ByteBuffer grown(ByteBuffer out, int more) {
        byte[] b = out.array();
        int p = out.position();
        ByteBuffer bigger = ByteBuffer.wrap(Arrays.copyOf(b, b.length + Math.max(Math.max(b.length / 2, 16), more)));
        bigger.position(p);
        return bigger;
    }

    /** Encodes {@code chars[from, to)} at {@code out}'s position; returns the buffer, grown if it had to be. */
    private static ByteBuffer encode(char[] chars, int from, int to, CharsetEncoder ascii, ByteBuffer out) {
        CharBuffer in = CharBuffer.wrap(chars, from, to - from);
        byte[] b = out.array();
        CoderResult r;
        while (!(r = ascii.encode(in, out, true)).isUnderflow()) {
            int p = out.position();
            // the longest a character is written: an escaped surrogate, six bytes
            if (r.isOverflow() || b.length - p < 6) {
                out = grown(out, 6);
                b = out.array();
                if (r.isOverflow()) {
                    continue;
                }
            }
            int i = in.position();
            char c = chars[i++];
            if (c < 0x800) {
                b[p++] = (byte) (0xC0 | c >> 6);
                b[p++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                b[p++] = (byte) (0xE0 | c >> 12);
                b[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[p++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i < to && Character.isLowSurrogate(chars[i])) {
                int cp = Character.toCodePoint(c, chars[i++]);
                b[p++] = (byte) (0xF0 | cp >> 18);
                b[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[p++] = (byte) (0x80 | cp & 0x3F);
            } else {
                b[p++] = '\\';
                b[p++] = 'u';
                b[p++] = (byte) HEX[c >> 12];
                b[p++] = (byte) HEX[c >> 8 & 0xF];
                b[p++] = (byte) HEX[c >> 4 & 0xF];
                b[p++] = (byte) HEX[c & 0xF];
            }
            in.position(i);
            out.position(p);
        }
        return out;
    }

    /** Gives the buffer back without a text, when writing failed. */
    void abandon() {
        if (buf != null) {
            recycler.releaseToPool();
            buf = null;
        }
    }

    void useDefaultPrettyPrinter() {
        // chosen at construction; kept so the writers read like Jackson's API
    }

    // ---- structure

    void writeStartObject() {
        beforeValue();
        append('{');
        push();
        nesting++;
    }

    void writeEndObject() {
        int count = pop();
        nesting--;
        if (pretty) {
            if (count > 0) {
                indent();
            } else {
                append(' ');
            }
        }
        append('}');
    }

    void writeStartArray() {
        beforeValue();
        append('[');
        push();
    }

    void writeEndArray() {
        pop();
        if (pretty) {
            append(' ');
        }
        append(']');
    }

    void writeFieldName(String name) {
        int count = counts[depth - 1]++;
        if (count > 0) {
            append(',');
        }
        if (pretty) {
            indent();
        }
        quote(name);
        if (pretty) {
            append(" : ");
        } else {
            append(':');
        }
        afterName = true;
    }

    void writeObjectFieldStart(String name) {
        writeFieldName(name);
        writeStartObject();
    }

    void writeArrayFieldStart(String name) {
        writeFieldName(name);
        writeStartArray();
    }

    // ---- values

    /** {@code text} as a JSON string; null as JSON's null, as Jackson writes it. */
    void writeString(String text) {
        beforeValue();
        if (text == null) {
            append("null");
        } else {
            quote(text);
        }
    }

    /**
     * A text written only when read, as a JSON string: copied from the characters it is written
     * in, so it is never made a String of its own.
     */
    void writeDeferred(DeferredText text) {
        beforeValue();
        if (quoting == null) {
            quoting = new Quoting();
        }
        text.writeTo(quoting);
    }

    /** Quotes a deferred text at the writer's place. */
    private final class Quoting implements DeferredText.Sink {

        @Override
        public void chars(char[] chars, int length) {
            quote(chars, length);
        }

        @Override
        public void text(String text) {
            quote(text);
        }
    }

    void writeStringField(String name, String value) {
        writeFieldName(name);
        writeString(value);
    }

    // digits straight into the buffer, as Jackson's generator writes them, not through a String
    void writeNumber(int value) {
        beforeValue();
        ensure(MAX_INT_CHARS);
        len = NumberOutput.outputInt(value, buf, len);
    }

    void writeNumber(long value) {
        beforeValue();
        ensure(MAX_LONG_CHARS);
        len = NumberOutput.outputLong(value, buf, len);
    }

    void writeNumber(double value) {
        if (!Double.isFinite(value)) {
            // Jackson's default: NaN and the infinities, which JSON has no number for, as strings
            writeString(Double.toString(value));
            return;
        }
        beforeValue();
        append(NumberOutput.toString(value, true));
    }

    void writeNumberField(String name, int value) {
        writeFieldName(name);
        writeNumber(value);
    }

    void writeNumberField(String name, long value) {
        writeFieldName(name);
        writeNumber(value);
    }

    void writeNumberField(String name, double value) {
        writeFieldName(name);
        writeNumber(value);
    }

    void writeBoolean(boolean value) {
        beforeValue();
        append(value ? "true" : "false");
    }

    void writeBooleanField(String name, boolean value) {
        writeFieldName(name);
        writeBoolean(value);
    }

    /** {@code text} as a JSON string on its own, to keep and copy in later with {@link #writeRawValue}. */
    static String quoted(String text) {
        return JsonText.write(false, g -> g.writeString(text));
    }

    /** {@code text} as a JSON string on its own in UTF-8, to keep and copy in later with {@link #writeRawUtf8}. */
    static byte[] quotedUtf8(String text) {
        return JsonText.writeUtf8(false, g -> g.writeString(text));
    }

    /** A value already written as JSON (a schema, a quoted text), copied in as it is. */
    void writeRawValue(String json) {
        beforeValue();
        append(json);
    }

    /**
     * A value already written as JSON in UTF-8 ({@link #quotedUtf8}), copied in as it is: kept
     * aside and spliced in by {@link #finishUtf8}. Only for a text finished as UTF-8 (see
     * {@link #writesUtf8}).
     */
    void writeRawUtf8(byte[] json) {
        if (!utf8) {
            throw new IllegalStateException("this text is finished as a String; write the value as a String");
        }
        beforeValue();
        if (pieces == null) {
            pieces = new byte[4][];
            pieceAt = new int[4];
        } else if (pieceCount == pieces.length) {
            pieces = Arrays.copyOf(pieces, pieceCount * 2);
            pieceAt = Arrays.copyOf(pieceAt, pieceCount * 2);
        }
        pieces[pieceCount] = json;
        pieceAt[pieceCount++] = len;
        pieceBytes += json.length;
    }

    /** Whether this text is finished as UTF-8, where {@link #writeRawUtf8} costs one copy. */
    boolean writesUtf8() {
        return utf8;
    }

    /** Text copied in with no separator: for a caller that writes a value in pieces. */
    void writeRaw(String text) {
        append(text);
    }

    void writeRaw(char c) {
        append(c);
    }

    // ---- internals

    private void beforeValue() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth == 0) {
            return;
        }
        // a value in an array: the pretty printer keeps arrays on one line, "[ a, b ]"
        int count = counts[depth - 1]++;
        if (count > 0) {
            append(',');
        }
        if (pretty) {
            append(' ');
        }
    }

    private void push() {
        if (depth == counts.length) {
            counts = Arrays.copyOf(counts, depth * 2);
        }
        counts[depth] = 0;
        depth++;
    }

    private int pop() {
        return counts[--depth];
    }

    private void indent() {
        int spaces = 2 * nesting;
        if (spaces + 1 <= INDENT.length()) {
            append(INDENT, 0, spaces + 1);
        } else {
            append('\n');
            for (int i = 0; i < spaces; i++) {
                append(' ');
            }
        }
    }

    /** {@code text} as a JSON string, escaped as Jackson escapes it. */
    private void quote(String text) {
        int n = text.length();
        ensure(n + 2);
        buf[len++] = '"';
        if (n >= LONG_STRING) {
            quoteLong(text);
        } else {
            // a short text almost never needs an escape: copy it whole, then look
            int start = len;
            text.getChars(0, n, buf, start);
            for (int i = start, end = start + n; i < end; i++) {
                char c = buf[i];
                if (c < 0x20 || c == '"' || c == '\\') {
                    len = i;
                    escapeFrom(text, i - start);
                    append('"');
                    return;
                }
            }
            len = start + n;
        }
        append('"');
    }

    /** The rest of {@code text} from {@code i}, character by character. */
    private void escapeFrom(String text, int i) {
        for (int n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                escape(c);
            } else {
                append(c);
            }
        }
    }

    /**
     * A long text is runs of plain characters between escaped line breaks: the runs are found
     * eight characters a step and copied whole. The search reads each character's low byte, in a
     * buffer from the writer's pool rather than a copy of the text per string: every character
     * to escape is below U+0080 and keeps its byte, and a wider one whose low byte looks like
     * one (U+2022 ends in 0x22, a quote) is told apart by the text itself.
     */
    private void quoteLong(String text) {
        int n = text.length();
        byte[] b = recycler.allocByteBuffer(BufferRecycler.BYTE_WRITE_CONCAT_BUFFER, n);
        lowBytes(text, b);
        int run = 0;
        int i = 0;
        while ((i = special(b, i, n)) < n) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                append(text, run, i);
                escape(c);
                run = i + 1;
            }
            i++;
        }
        append(text, run, n);
        if (b.length <= MAX_POOLED) {
            recycler.releaseByteBuffer(BufferRecycler.BYTE_WRITE_CONCAT_BUFFER, b);
        }
    }

    /** As {@link #quoteLong}, for a text that is {@code chars[0, n)}. */
    private void quote(char[] chars, int n) {
        ensure(n + 2);
        buf[len++] = '"';
        byte[] b = recycler.allocByteBuffer(BufferRecycler.BYTE_WRITE_CONCAT_BUFFER, n);
        // a loop narrowing each char is not vectorised by the JIT: four times as slow
        ByteWords.oneBytePerChar(chars, n, b);
        int run = 0;
        int i = 0;
        while ((i = special(b, i, n)) < n) {
            char c = chars[i];
            if (c < 0x20 || c == '"' || c == '\\') {
                append(chars, run, i);
                escape(c);
                run = i + 1;
            }
            i++;
        }
        append(chars, run, n);
        if (b.length <= MAX_POOLED) {
            recycler.releaseByteBuffer(BufferRecycler.BYTE_WRITE_CONCAT_BUFFER, b);
        }
        append('"');
    }

    @SuppressWarnings("deprecation") // the low byte of each char is what the search wants
    private static void lowBytes(String text, byte[] into) {
        text.getBytes(0, text.length(), into, 0);
    }

    /** The first index at or after {@code i} before {@code n} whose byte is a quote, a backslash or a control character, or {@code n}. */
    private static int special(byte[] b, int i, int n) {
        int limit = n - 8;
        while (i <= limit) {
            long w = ByteWords.word(b, i);
            long m = ByteWords.equalTo(w, '"') | ByteWords.equalTo(w, '\\') | ByteWords.below(w, 0x20);
            if (m != 0) {
                return i + ByteWords.first(m);
            }
            i += 8;
        }
        while (i < n) {
            byte c = b[i];
            if (c == '"' || c == '\\' || (c >= 0 && c < 0x20)) {
                return i;
            }
            i++;
        }
        return n;
    }

    private void escape(char c) {
        switch (c) {
            case '"' -> append("\\\"");
            case '\\' -> append("\\\\");
            case '\n' -> append("\\n");
            case '\r' -> append("\\r");
            case '\t' -> append("\\t");
            case '\b' -> append("\\b");
            case '\f' -> append("\\f");
            default -> {
                append("\\u00");
                append(HEX[c >> 4]);
                append(HEX[c & 0xF]);
            }
        }
    }

    private void append(char c) {
        if (len == buf.length) {
            grow(1);
        }
        buf[len++] = c;
    }

    private void append(String s) {
        append(s, 0, s.length());
    }

    private void append(String s, int from, int to) {
        int n = to - from;
        ensure(n);
        s.getChars(from, to, buf, len);
        len += n;
    }

    private void append(char[] chars, int from, int to) {
        int n = to - from;
        ensure(n);
        System.arraycopy(chars, from, buf, len, n);
        len += n;
    }

    private void ensure(int more) {
        if (buf.length - len < more) {
            grow(more);
        }
    }

    private void grow(int more) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
}
