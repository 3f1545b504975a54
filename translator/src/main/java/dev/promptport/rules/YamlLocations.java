package dev.promptport.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.promptport.PromptPortException;
import dev.promptport.tree.Loc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document read as a tree, with the line and column where each value starts, so an
 * error in a rule or config file can name the exact place.
 */
final class YamlLocations {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final ObjectMapper TREE = new ObjectMapper(YAML);

    private final String file;
    private final String text;
    private final JsonNode root;
    /**
     * Where each value starts, found on the first error: a second pass of the YAML parser over
     * the whole file, which the built-in rules, read at every start, never need.
     */
    private Map<String, Loc> places;

    private YamlLocations(String file, String text, JsonNode root) {
        this.file = file;
        this.text = text;
        this.root = root;
    }

    static YamlLocations read(String file, String text) {
        try {
            JsonNode root = TREE.readTree(text);
            return new YamlLocations(file, text, root == null ? TREE.createObjectNode() : root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String msg = e.getOriginalMessage();
            int nl = msg.indexOf('\n');
            String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new PromptPortException(file + where + ": not valid YAML: " + (nl > 0 ? msg.substring(0, nl) : msg),
                    Loc.NONE, e);
        } catch (IOException e) {
            throw new PromptPortException(file + ": cannot be read: " + e.getMessage(), Loc.NONE, e);
        }
    }

    JsonNode root() {
        return root;
    }

    /** Where the value at {@code pointer} starts, or the closest enclosing value's place. */
    Loc at(String pointer) {
        if (places == null) {
            places = locate(text);
        }
        String p = pointer;
        while (true) {
            Loc l = places.get(p);
            if (l != null) {
                return l;
            }
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return Loc.position(1, 1);
            }
            p = p.substring(0, slash);
        }
    }

    /** An error worded {@code file:line:column: problem}, as compilers and linters print them. */
    PromptPortException error(String pointer, String problem) {
        Loc at = at(pointer);
        return new PromptPortException(file + ":" + at.line() + ":" + at.column() + ": " + problem, Loc.NONE);
    }

    /** The places of a text that {@link #read} parsed, so a second parse cannot fail. */
    private static Map<String, Loc> locate(String text) {
        Map<String, Loc> places = new HashMap<>();
        try (JsonParser p = YAML.createParser(text)) {
            Deque<String> path = new ArrayDeque<>();
            Deque<int[]> indexes = new ArrayDeque<>();
            String pendingField = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    pendingField = p.currentName();
                    // a field's place is its key: that is where a person looks for a wrong setting
                    JsonLocation key = p.currentTokenLocation();
                    places.putIfAbsent((path.isEmpty() ? "" : path.peekLast()) + "/" + pendingField,
                            Loc.position(key.getLineNr(), key.getColumnNr()));
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    path.pollLast();
                    indexes.pollLast();
                    continue;
                }
                String here;
                if (pendingField != null) {
                    here = (path.isEmpty() ? "" : path.peekLast()) + "/" + pendingField;
                    pendingField = null;
                } else if (!indexes.isEmpty() && indexes.peekLast() != null && indexes.peekLast().length == 1) {
                    here = path.peekLast() + "/" + indexes.peekLast()[0]++;
                } else {
                    here = "";
                }
                JsonLocation at = p.currentTokenLocation();
                places.putIfAbsent(here, Loc.position(at.getLineNr(), at.getColumnNr()));
                if (t == JsonToken.START_OBJECT) {
                    path.addLast(here);
                    indexes.addLast(new int[0]);
                } else if (t == JsonToken.START_ARRAY) {
                    path.addLast(here);
                    indexes.addLast(new int[] {0});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return places;
    }
}
