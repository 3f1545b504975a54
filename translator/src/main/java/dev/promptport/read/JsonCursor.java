package dev.promptport.read;

import com.fasterxml.jackson.core.JsonToken;
import dev.promptport.Limits;
import dev.promptport.PromptPortException;
import dev.promptport.tree.Extra;
import dev.promptport.tree.Loc;
import dev.promptport.tree.RawJson;
import dev.promptport.tree.TextMemo;

import java.util.List;
import java.util.function.Supplier;

/**
 * A streaming reader over one JSON text ({@link JsonLexer}), with helpers that turn every wrong
 * turn into a {@link PromptPortException} naming the JSON pointer or line and column.
 */
final class JsonCursor {

    private final String source;
    private final JsonLexer lexer;
    private final Limits limits;
    private final TextMemo memo;

    JsonCursor(String source, Limits limits) {
        this(source, limits, null);
    }

    /** @param memo remembers the tags of long texts seen before, or null */
    JsonCursor(String source, Limits limits, TextMemo memo) {
        this(source, null, limits, memo);
    }

    /** @param view {@code source} one byte per char (see {@link JsonLexer}), or null to make it */
    JsonCursor(String source, byte[] view, Limits limits, TextMemo memo) {
        this.source = source;
        // With a memo, most of a request is matched where it stands, and finding the pool's
        // buffer through the thread's map (cold by then) costs more than a new copy: the peers'
        // 30 requests with a new question in each took 0.94-0.95 of their time unpooled. In full,
        // the pool keeps a request's allocation down.
        this.lexer = view == null ? new JsonLexer(source, limits.maxJsonDepth(), memo, memo == null)
                : new JsonLexer(source, view, limits.maxJsonDepth(), memo);
        this.limits = limits;
        this.memo = memo;
    }

    /** The memo for long texts, or null. */
    TextMemo memo() {
        return memo;
    }


    /** The limits the text of this request is scanned with. */
    Limits limits() {
        return limits;
    }

    JsonToken next() {
        return lexer.next();
    }

    JsonToken token() {
        return lexer.token();
    }

    /** The name of the field last read. */
    String fieldName() {
        return lexer.name();
    }

    /** The current string or field name decoded, or any other token as written. */
    String text() {
        JsonToken t = lexer.token();
        if (t == JsonToken.VALUE_STRING) {
            return lexer.string();
        }
        if (t == JsonToken.FIELD_NAME) {
            return lexer.name();
        }
        return t == null ? null : lexer.literal();
    }

    /** Skips the current value (and its children); the cursor then sits on its last token. */
    void skip() {
        lexer.skipChildren();
    }

    /** Refuses anything but white space after the value just read. */
    void requireEnd() {
        lexer.requireEnd();
    }

    /** The current value exactly as written in the input, consuming it. */
    RawJson raw() {
        return new RawJson(lexer.raw());
    }

    /**
     * Reads the object or array at the cursor with {@code read}; or, through the memo, takes what
     * {@code read} made of the same value written byte for byte the same way in an earlier
     * request, and skips it (see {@link JsonLexer#valueKey}). Traffic repeats whole values: the
     * tools of an application, the earlier turns of a conversation. {@code salt} tells apart
     * readings that depend on where the value stands: a message's index is in its JSON
     * pointers. What the reading added to {@code extras} is kept with it and added again.
     */
    @SuppressWarnings("unchecked")
    <T> T remembered(long salt, List<Extra> extras, Supplier<T> read) {
        long key = lexer.valueKey(salt);
        if (key == 0) {
            return read.get();
        }
        Object filed = memo.filed(key);
        for (Object e : ValueSlot.of(filed).entries()) {
            if (e instanceof WrittenValue w && w.written().value() instanceof Kept k && k.salt() == salt
                    && k.limits() == limits && lexer.skipIfWritten(w)) {
                extras.addAll(k.extras());
                return (T) k.value();
            }
        }
        int open = lexer.tokenStart();
        int before = extras.size();
        T value = read.get();
        List<Extra> added = List.copyOf(extras.subList(before, extras.size()));
        lexer.fileValue(key, filed, open, new Kept(salt, value, added, limits));
        return value;
    }

    /** What a reading made of a value, and under which limits: a stricter limit reads it again. */
    private record Kept(long salt, Object value, List<Extra> extras, Limits limits) {
    }

    /** The input offset where the current token starts. */
    long tokenStart() {
        return lexer.tokenStart();
    }

    /** The input from {@code start} to the end of the current token, as written. */
    RawJson rawFrom(long start) {
        return new RawJson(source.substring((int) start, lexer.tokenEnd()));
    }

    String string(Loc at) {
        JsonToken t = token();
        if (t == JsonToken.VALUE_STRING) {
            return text();
        }
        throw wrongType(at, "a string");
    }

    String stringOrNull(Loc at) {
        return token() == JsonToken.VALUE_NULL ? null : string(at);
    }

    Integer integer(Loc at) {
        JsonToken t = token();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            String digits = lexer.literal();
            try {
                return Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                throw new PromptPortException("the number is too large", at);
            }
        }
        throw wrongType(at, "an integer");
    }

    Double number(Loc at) {
        JsonToken t = token();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return Double.parseDouble(lexer.literal());
        }
        throw wrongType(at, "a number");
    }

    Boolean bool(Loc at) {
        JsonToken t = token();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return t == JsonToken.VALUE_TRUE;
        }
        throw wrongType(at, "true or false");
    }

    void expect(JsonToken expected, Loc at, String what) {
        if (token() != expected) {
            throw wrongType(at, what);
        }
    }

    PromptPortException wrongType(Loc at, String expected) {
        return new PromptPortException("expected " + expected + " but found " + describe(token()), at);
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the input";
        }
        switch (t) {
            case START_OBJECT: return "an object";
            case START_ARRAY: return "an array";
            case VALUE_STRING: return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE: return "a boolean";
            case VALUE_NULL: return "null";
            default: return t.asString() == null ? t.name() : "'" + t.asString() + "'";
        }
    }
}
