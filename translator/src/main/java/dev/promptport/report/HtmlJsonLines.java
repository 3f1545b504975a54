package dev.promptport.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The line on which each value of a JSON text starts, by JSON pointer (RFC 6901), so that a
 * finding located by a pointer can be marked in the original request.
 *
 * <p>The text is walked once with Jackson's streaming parser. Lines are 1-based and count
 * {@code \n} line feeds, as the HTML report splits the text. When a key occurs twice in one
 * object, the first occurrence is kept. Text that is not JSON keeps the values read before the
 * error.
 */
final class HtmlJsonLines {

    /** Deep enough for any request read with the default limits, and for its translation. */
    static final int DEFAULT_DEPTH = 1000;
    private static final JsonFactory FACTORY = factory(DEFAULT_DEPTH);

    private final Map<String, Integer> lines;

    private HtmlJsonLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** The start line of every value in {@code json}. */
    static HtmlJsonLines of(String json) {
        return of(json, DEFAULT_DEPTH);
    }

    /**
     * The start line of every value in {@code json}, read as deep as {@code maxDepth}: a run
     * that read its requests deeper than the default must find its findings' lines there too.
     */
    static HtmlJsonLines of(String json, int maxDepth) {
        Map<String, Integer> lines = new HashMap<>();
        if (json == null) {
            return new HtmlJsonLines(lines);
        }
        int[] lineStarts = lineStarts(json);
        Deque<Frame> stack = new ArrayDeque<>();
        try (JsonParser p = factoryFor(maxDepth).createParser(json)) {
            String name = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    name = escape(p.currentName());
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    stack.pop();
                    if (stack.isEmpty()) {
                        break;
                    }
                    continue;
                }
                Frame parent = stack.peek();
                String pointer;
                if (parent == null) {
                    pointer = "";
                } else if (parent.array) {
                    pointer = parent.pointer + "/" + parent.next++;
                } else {
                    pointer = parent.pointer + "/" + name;
                }
                lines.putIfAbsent(pointer, line(lineStarts, p.currentTokenLocation().getCharOffset()));
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    stack.push(new Frame(pointer, t == JsonToken.START_ARRAY));
                } else if (parent == null) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not JSON (or too deep): keep the lines found before the error
        }
        return new HtmlJsonLines(lines);
    }

    private static JsonFactory factoryFor(int maxDepth) {
        return maxDepth <= DEFAULT_DEPTH ? FACTORY : factory(maxDepth);
    }

    private static JsonFactory factory(int maxDepth) {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxDepth)
                        .maxStringLength(Integer.MAX_VALUE)
                        .build())
                .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(maxDepth).build())
                .build();
    }

    /** The line where {@code pointer}'s value starts in {@code json}; see {@link #line(String)}. */
    static int line(String json, String pointer) {
        return of(json).line(pointer);
    }

    /**
     * The 1-based line where the value {@code pointer} names starts, or where its closest
     * ancestor present in the text starts; 0 when not even the root value was read.
     */
    int line(String pointer) {
        String p = pointer == null ? "" : pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 0;
            }
            int slash = p.lastIndexOf('/');
            p = slash <= 0 ? "" : p.substring(0, slash);
        }
    }

    /**
     * {@code json} indented for reading when it is JSON written on one line; any other text,
     * and JSON that already spans lines, unchanged. Values are copied exactly.
     */
    static String readable(String json) {
        return readable(json, DEFAULT_DEPTH);
    }

    /** {@link #readable(String)} for JSON as deep as {@code maxDepth}. */
    static String readable(String json, int maxDepth) {
        if (json == null || json.indexOf('\n') >= 0) {
            return json;
        }
        StringWriter out = new StringWriter();
        JsonFactory factory = factoryFor(maxDepth);
        try (JsonParser p = factory.createParser(json); JsonGenerator g = factory.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            JsonToken t = p.nextToken();
            int depth = 0;
            while (true) {
                if (t == null) {
                    return json;
                }
                g.copyCurrentEventExact(p);
                depth += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
                if (depth == 0 && t != JsonToken.FIELD_NAME) {
                    break;
                }
                t = p.nextToken();
            }
            if (p.nextToken() != null) {
                return json;
            }
        } catch (IOException | RuntimeException e) {
            return json;
        }
        return out.toString();
    }

    private static String escape(String token) {
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
            return token;
        }
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static int[] lineStarts(String text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        for (int i = 0, n = 1; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[n++] = i + 1;
            }
        }
        return starts;
    }

    /** The 1-based line holding char {@code offset}; Jackson's own line count also breaks at a lone CR. */
    private static int line(int[] lineStarts, long offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    private static final class Frame {
        final String pointer;
        final boolean array;
        int next;

        Frame(String pointer, boolean array) {
            this.pointer = pointer;
            this.array = array;
        }
    }
}
