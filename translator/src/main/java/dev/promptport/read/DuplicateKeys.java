package dev.promptport.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A key twice in one JSON object. RFC 8259 §4 says the names in an object SHOULD be unique and
 * that parsers differ on such an object (some keep the last value, some the first, some
 * refuse it); Jackson's tree keeps the last, so the other value (a message's text, a turn's
 * content) would be lost without a word. Readers of requests and replies build their trees with
 * {@code DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY}, which costs nothing until a key
 * repeats (the tree's map returns the value it replaces anyway), and turn its error into one
 * that points at the key.
 */
public final class DuplicateKeys {

    private DuplicateKeys() {
    }

    /** The JSON pointer of the key {@code e} says is in its object twice; {@code null} when {@code e} says something else. */
    public static String pointer(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (e instanceof MismatchedInputException && m != null && m.startsWith("Duplicate field '")
                && e.getProcessor() instanceof JsonParser p) {
            return p.getParsingContext().pathAsPointer().toString();
        }
        return null;
    }

    /** Why {@code what} ("the request", "the gemini reply") is refused, naming the key at {@code pointer}. */
    public static String message(String what, String pointer) {
        JsonPointer p = JsonPointer.compile(pointer);
        String key = p.last() == null ? pointer : p.last().getMatchingProperty();
        return "the key \"" + key + "\" appears twice in the same JSON object of " + what
                + "; JSON readers differ on which of the two values counts, so one would be lost unseen: keep one";
    }
}
