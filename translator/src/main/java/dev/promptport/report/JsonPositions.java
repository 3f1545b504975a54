package dev.promptport.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.promptport.Limits;
import dev.promptport.read.JsonLimits;
import dev.promptport.tree.LineIndex;
import dev.promptport.tree.Loc;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where each value of a JSON file starts, by JSON pointer, so that a finding on a request
 * ({@code /messages/1}) can be shown at a line and column of the file, as editors and code
 * scanning expect. Immutable.
 */
public final class JsonPositions {

    private static final JsonFactory DEFAULT = JsonLimits.factory(Limits.DEFAULTS);

    /** A 1-based line and column (UTF-16 units, as {@link LineIndex} counts them) in the file. */
    public record Position(int line, int column) {
        public static final Position START = new Position(1, 1);
    }

    private final String text;
    private final LineIndex lines;
    private final Map<String, Integer> starts;
    private final Set<String> strings;

    private JsonPositions(String text, Map<String, Integer> starts, Set<String> strings) {
        this.text = text;
        this.lines = LineIndex.of(text);
        this.starts = starts;
        this.strings = strings;
    }

    /**
     * Walks {@code jsonText} once. Text that is not JSON keeps the positions read before the
     * error, so a report never fails because of the file it reports on.
     */
    public static JsonPositions of(String jsonText) {
        return of(jsonText, DEFAULT);
    }

    /**
     * As {@link #of(String)} for a request read with {@code limits}: with lower limits than the
     * run's, a request the run accepted would lose its positions past the limit.
     */
    public static JsonPositions of(String jsonText, Limits limits) {
        return of(jsonText, JsonLimits.factory(limits));
    }

    private static JsonPositions of(String jsonText, JsonFactory json) {
        Map<String, Integer> starts = new HashMap<>();
        Set<String> strings = new HashSet<>();
        Deque<Frame> open = new ArrayDeque<>();
        try (JsonParser p = json.createParser(jsonText)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    open.peek().field = p.currentName();
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    open.pop();
                    continue;
                }
                if (open.isEmpty() && starts.containsKey("")) {
                    break; // a second root value is not what the reader used
                }
                String pointer = open.isEmpty() ? "" : open.peek().next();
                if (starts.containsKey(pointer)) {
                    // a repeated key: the reader keeps its last value, so the places of the earlier one go
                    forget(pointer, starts, strings);
                }
                starts.put(pointer, (int) p.currentTokenLocation().getCharOffset());
                if (t == JsonToken.VALUE_STRING) {
                    strings.add(pointer);
                } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    open.push(new Frame(pointer, t == JsonToken.START_ARRAY));
                }
            }
        } catch (IOException e) {
            // keep what was read; locate() falls back to the nearest value found
        }
        return new JsonPositions(jsonText, starts, strings);
    }

    /** Drops {@code pointer} and every place under it. */
    private static void forget(String pointer, Map<String, Integer> starts, Set<String> strings) {
        String below = pointer + "/";
        starts.keySet().removeIf(k -> k.equals(pointer) || k.startsWith(below));
        strings.removeIf(k -> k.equals(pointer) || k.startsWith(below));
    }

    /**
     * The file position of {@code loc}: the value its pointer names, or its closest ancestor
     * present in the file; with a line and column inside a string value (or a content block's
     * {@code text}), that place in the string when it can be mapped exactly, otherwise the
     * string's start.
     */
    public Position locate(Loc loc) {
        if (loc == null) {
            return Position.START;
        }
        if (loc.pointer() == null) {
            return new Position(Math.max(1, loc.line()), Math.max(1, loc.column()));
        }
        String pointer = loc.pointer();
        Integer at = starts.get(pointer);
        if (at != null && loc.hasPosition()) {
            String text = textOf(pointer);
            if (text != null) {
                return position(insideString(starts.get(text), loc.line(), Math.max(1, loc.column())));
            }
        }
        while (at == null && !pointer.isEmpty()) {
            pointer = parent(pointer);
            at = starts.get(pointer);
        }
        return at == null ? Position.START : position(at);
    }

    /**
     * The string a line and column under {@code pointer} count in: the value itself, or the
     * {@code text} member of a content block ({@code {"type": "text", "text": ...}}), which
     * readers name by the block so that a finding covers the block's other members too.
     */
    private String textOf(String pointer) {
        if (strings.contains(pointer)) {
            return pointer;
        }
        String text = pointer + "/text";
        return strings.contains(text) ? text : null;
    }

    private Position position(int offset) {
        return new Position(lines.line(offset), lines.column(offset));
    }

    /**
     * The file offset of the character at {@code line:column} of the decoded string whose
     * opening quote is at {@code quote}. A JSON string holds no raw line break, so a decoded
     * line starts after an escaped newline ({@code \\n} or {@code \\u000A}); every escape is
     * one decoded character for several file characters, and is walked exactly. A place the
     * string does not hold falls back to the string's start.
     */
    private int insideString(int quote, int line, int column) {
        int decodedLine = 1;
        int decodedColumn = 1;
        int i = quote + 1;
        while (i < text.length()) {
            if (decodedLine == line && decodedColumn == column) {
                return i;
            }
            char c = text.charAt(i);
            if (c == '"') {
                return quote; // the place is past the end of the string
            }
            if (c != '\\' || i + 1 >= text.length()) {
                i++;
                decodedColumn++;
                continue;
            }
            boolean newline = text.charAt(i + 1) == 'n' || isEscapedNewline(i);
            i += text.charAt(i + 1) == 'u' ? 6 : 2;
            if (newline) {
                decodedLine++;
                decodedColumn = 1;
            } else {
                decodedColumn++;
            }
        }
        return quote;
    }

    private boolean isEscapedNewline(int backslash) {
        return text.startsWith("u000a", backslash + 1) || text.startsWith("u000A", backslash + 1);
    }

    private static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }

    /** An open object or array and the pointer of its next member. */
    private static final class Frame {
        final String pointer;
        final boolean array;
        int index;
        String field;

        Frame(String pointer, boolean array) {
            this.pointer = pointer;
            this.array = array;
        }

        String next() {
            if (array) {
                return pointer + "/" + index++;
            }
            return pointer + "/" + field.replace("~", "~0").replace("/", "~1");
        }
    }
}
