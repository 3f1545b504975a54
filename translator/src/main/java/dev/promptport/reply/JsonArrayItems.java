package dev.promptport.reply;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a JSON array of objects that arrives line by line into its items: Gemini's
 * {@code streamGenerateContent} without {@code ?alt=sse} streams one array,
 * <code>[{…}\n,\r\n{…}\n]</code>, each item a whole {@code GenerateContentResponse} spread over
 * lines. Only the text of the item being read is held; what stands between items (the
 * brackets, commas, blanks) is passed over.
 */
final class JsonArrayItems {

    private final StringBuilder item = new StringBuilder();
    private boolean opened;
    private int depth;
    private boolean inString;
    private boolean escaped;

    /** Reads one line; returns the items it completed, in order (most lines complete none). */
    List<String> line(String line) {
        List<String> done = List.of();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (depth == 0) {
                if (c == '[' && !opened) {
                    opened = true;
                } else if (c == '{' && opened) {
                    depth = 1;
                    item.append(c);
                }
                continue;
            }
            item.append(c);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                if (done.isEmpty()) {
                    done = new ArrayList<>(1);
                }
                done.add(item.toString());
                item.setLength(0);
            }
        }
        if (depth > 0) {
            item.append('\n');
        }
        return done;
    }
}
