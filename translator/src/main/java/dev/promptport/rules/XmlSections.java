package dev.promptport.rules;

import dev.promptport.tree.LineIndex;
import dev.promptport.tree.Loc;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The way back: Markdown sections ({@code # Instructions}) become XML-tagged sections
 * ({@code <instructions>}), the structure Anthropic recommends for Claude. A heading's section
 * runs to the next heading of the same or a higher level. Headings inside fenced code are
 * not headings. Text between headings is copied byte for byte.
 */
final class XmlSections {

    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})[ \\t]+(.+?)[ \\t]*#*[ \\t]*$");
    private static final Pattern NUMBERED = Pattern.compile("^(.*?)[ \\t]+(\\d{1,4})$");

    private XmlSections() {
    }

    static String rewrite(String text, dev.promptport.tree.Markup markup, TagVocabulary vocab, Loc base, FindingSink sink) {
        if (text.indexOf('#') < 0) {
            return text;
        }
        // a heading inside a document the prompt quotes is the document's, not the prompt's
        java.util.List<int[]> data = markup == null ? java.util.List.of() : dataRanges(markup.nodes(), vocab, new java.util.ArrayList<>());
        StringBuilder out = new StringBuilder(text.length() + 64);
        Deque<Integer> levels = new ArrayDeque<>();
        Deque<String> tags = new ArrayDeque<>();
        Set<String> names = new LinkedHashSet<>();
        int firstAt = -1;
        int count = 0;
        String fence = null;
        int pos = 0;
        int n = text.length();
        StringBuilder pending = new StringBuilder();
        while (pos < n) {
            int end = text.indexOf('\n', pos);
            int next = end < 0 ? n : end + 1;
            String line = text.substring(pos, end < 0 ? n : end);
            String stripped = line.strip();
            if (fence != null) {
                if (stripped.startsWith(fence)) {
                    fence = null;
                }
                pending.append(text, pos, next);
            } else if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
                fence = stripped.substring(0, 3);
                pending.append(text, pos, next);
            } else {
                Matcher m = HEADING.matcher(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
                if (m.matches() && !inside(data, pos)) {
                    int level = m.group(1).length();
                    flush(out, pending);
                    while (!levels.isEmpty() && levels.peek() >= level) {
                        levels.pop();
                        close(out, tags.pop());
                    }
                    String[] tag = tagFor(m.group(2));
                    out.append('<').append(tag[0]);
                    if (tag[1] != null) {
                        out.append(" index=\"").append(tag[1]).append('"');
                    }
                    out.append(">\n");
                    levels.push(level);
                    tags.push(tag[0]);
                    names.add(tag[0]);
                    if (firstAt < 0) {
                        firstAt = pos;
                    }
                    count++;
                } else {
                    pending.append(text, pos, next);
                }
            }
            pos = next;
        }
        if (count == 0) {
            return text;
        }
        flush(out, pending);
        while (!tags.isEmpty()) {
            close(out, tags.pop());
        }
        if (text.endsWith("\n") && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
        sink.report("PP153", LineIndex.of(text).locate(base, firstAt), count, NameList.of(names));
        return out.toString();
    }

    private static java.util.List<int[]> dataRanges(java.util.List<dev.promptport.tree.Markup.Node> nodes, TagVocabulary vocab,
                                                    java.util.List<int[]> out) {
        for (dev.promptport.tree.Markup.Node n : nodes) {
            if (n instanceof dev.promptport.tree.Markup.Element e) {
                if (vocab.isData(e.name())) {
                    out.add(new int[] {e.start(), e.end()});
                } else {
                    dataRanges(e.children(), vocab, out);
                }
            }
        }
        return out;
    }

    private static boolean inside(java.util.List<int[]> ranges, int offset) {
        for (int[] r : ranges) {
            if (offset >= r[0] && offset < r[1]) {
                return true;
            }
        }
        return false;
    }

    /** Section text without the blank lines that only separated it from its heading. */
    private static void flush(StringBuilder out, StringBuilder pending) {
        String body = pending.toString();
        pending.setLength(0);
        int start = 0;
        while (start < body.length() && (body.charAt(start) == '\n' || body.charAt(start) == '\r')) {
            start++;
        }
        int end = body.length();
        while (end > start && Character.isWhitespace(body.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.append(body, start, end).append('\n');
        }
    }

    private static void close(StringBuilder out, String tag) {
        out.append("</").append(tag).append(">\n");
    }

    /** "Output format" becomes output_format; "Example 2" becomes example with index 2. */
    static String[] tagFor(String title) {
        String index = null;
        Matcher m = NUMBERED.matcher(title.strip());
        String words = title.strip();
        if (m.matches()) {
            words = m.group(1);
            index = m.group(2);
        }
        StringBuilder b = new StringBuilder();
        for (char c : words.toLowerCase(Locale.ROOT).toCharArray()) {
            boolean ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (ok) {
                b.append(c);
            } else if (b.length() > 0 && b.charAt(b.length() - 1) != '_') {
                b.append('_');
            }
        }
        while (b.length() > 0 && b.charAt(b.length() - 1) == '_') {
            b.setLength(b.length() - 1);
        }
        if (b.length() == 0 || !Character.isLetter(b.charAt(0))) {
            b.insert(0, "section_");
        }
        return new String[] {b.toString(), index};
    }
}
