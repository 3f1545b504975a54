package dev.promptport.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.promptport.Limits;
import dev.promptport.PromptPortException;
import dev.promptport.tree.Loc;
import dev.promptport.tree.RawJson;
import dev.promptport.tree.TextMemo;

import java.io.IOException;

/**
 * A streaming parser over one JSON text, with helpers that turn every wrong turn into a
 * {@link PromptPortException} naming the JSON pointer or line and column.
 */
final class JsonCursor {

    private final String source;
    private final JsonParser parser;
    private final Limits limits;
    private final TextMemo memo;

    /** {@code parser} must come from {@link JsonLimits#factory(Limits)} for the same limits. */
    JsonCursor(String source, JsonParser parser, Limits limits) {
        this(source, parser, limits, null);
    }

    /** @param memo remembers the tags of long texts seen before, or null */
    JsonCursor(String source, JsonParser parser, Limits limits, TextMemo memo) {
        this.source = source;
        this.parser = parser;
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
        try {
            return parser.nextToken();
        } catch (StreamConstraintsException e) {
            throw constraint(e);
        } catch (IOException e) {
            throw syntax(e);
        }
    }

    JsonToken token() {
        return parser.currentToken();
    }

    String fieldName() {
        try {
            return parser.currentName();
        } catch (IOException e) {
            throw syntax(e);
        }
    }

    String text() {
        try {
            return parser.getText();
        } catch (IOException e) {
            throw syntax(e);
        }
    }

    /** Skips the current value (and its children); the cursor then sits on its last token. */
    void skip() {
        try {
            parser.skipChildren();
        } catch (StreamConstraintsException e) {
            throw constraint(e);
        } catch (IOException e) {
            throw syntax(e);
        }
    }

    private PromptPortException constraint(StreamConstraintsException e) {
        return JsonLimits.error(e, limits.maxJsonDepth(), parser);
    }

    /** The current value exactly as written in the input, consuming it. */
    RawJson raw() {
        long start = parser.currentTokenLocation().getCharOffset();
        skip();
        long end = parser.currentLocation().getCharOffset();
        if (start < 0 || end < start || end > source.length()) {
            throw new IllegalStateException("parser offsets unavailable");
        }
        return new RawJson(source.substring((int) start, (int) end));
    }

    /** The input offset where the current token starts. */
    long tokenStart() {
        return parser.currentTokenLocation().getCharOffset();
    }

    /** The input from {@code start} to the end of the current token, as written. */
    RawJson rawFrom(long start) {
        long end = parser.currentLocation().getCharOffset();
        return new RawJson(source.substring((int) start, (int) end));
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
            try {
                return parser.getIntValue();
            } catch (IOException e) {
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
            try {
                return parser.getDoubleValue();
            } catch (IOException e) {
                throw syntax(e);
            }
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

    private PromptPortException syntax(IOException e) {
        String msg = e.getMessage();
        Loc at = Loc.NONE;
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe) {
            msg = jpe.getOriginalMessage();
            at = position(jpe.getLocation());
        }
        return new PromptPortException("invalid JSON: " + plain(msg), at);
    }

    /** Jackson's message without its own source description, which names no file a user has. */
    static String plain(String msg) {
        if (msg == null) {
            return "unreadable input";
        }
        int nl = msg.indexOf('\n');
        String m = nl > 0 ? msg.substring(0, nl) : msg;
        return m.replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\][^)]*\\)", "");
    }

    private static Loc position(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) {
            return Loc.NONE;
        }
        return Loc.position(loc.getLineNr(), loc.getColumnNr());
    }
}
