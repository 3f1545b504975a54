package dev.promptport.write;

import dev.promptport.tree.Extra;
import dev.promptport.tree.MediaSource;
import dev.promptport.tree.Part;
import dev.promptport.tree.Turn;

import java.util.ArrayList;
import java.util.List;

/** Text and tool results as the formats that take them as strings and messages of their own need them. */
final class Texts {

    private Texts() {
    }

    /** The text parts joined with {@code separator}, or {@code null} when there are none. */
    static String join(List<Part> parts, String separator) {
        return join(parts, separator, false);
    }

    /**
     * The separator between two pieces of one earlier reply. Claude splits a reply into text
     * blocks wherever a citation starts or ends, often mid-sentence ("According to the report, "
     * + "sales rose" + "."); such pieces are joined as they are. Pieces that each end and begin
     * a sentence are paragraphs and get a blank line between them.
     */
    static String replySeparator(CharSequence before, String after) {
        if (before.length() == 0 || after.isEmpty()) {
            return "";
        }
        char last = before.charAt(before.length() - 1);
        char first = after.charAt(0);
        boolean midSentence = Character.isWhitespace(last) || Character.isWhitespace(first)
                || ".,;:!?)]}»\"'’”…".indexOf(first) >= 0;
        return midSentence ? "" : "\n\n";
    }

    /** The text parts of an earlier reply as one string ({@link #replySeparator}), or {@code null} when there are none. */
    static String joinReply(List<Part> parts) {
        return join(parts, null, true);
    }

    private static String join(List<Part> parts, String separator, boolean reply) {
        String single = null;
        StringBuilder b = null;
        for (Part p : parts) {
            if (p instanceof Part.Text t) {
                if (single == null && b == null) {
                    // most turns are one piece: no copy of it
                    single = t.text();
                } else {
                    if (b == null) {
                        b = new StringBuilder(single);
                    }
                    b.append(reply ? replySeparator(b, t.text()) : separator).append(t.text());
                }
            }
        }
        return b != null ? b.toString() : single;
    }

    /** Writes one tool result as its own message; media it cannot carry go to {@code moved}. */
    interface ToolResultWriter {
        void write(Part.ToolResult r, List<Part> moved);
    }

    /**
     * Splits a user turn for the formats where tool results are messages of their own: each
     * result is written first through {@code results}, and the rest of the turn is returned,
     * led by the media the results could not carry, to follow as the user's own content.
     */
    static List<Part> afterToolResults(Turn t, ToolResultWriter results) {
        List<Part> rest = new ArrayList<>(t.parts().size());
        List<Part> moved = new ArrayList<>();
        for (Part p : t.parts()) {
            if (p instanceof Part.ToolResult r) {
                results.write(r, moved);
            } else {
                rest.add(p);
            }
        }
        rest.addAll(0, moved);
        return rest;
    }

    /**
     * A tool result as the text formats carry it: its text parts joined, prefixed with
     * "Error: " when the tool failed (those formats have no error flag), and its images and
     * documents added to {@code moved}, to follow as the user's own content.
     */
    static String toolResultText(Part.ToolResult r, List<Part> moved) {
        for (Part p : r.content()) {
            if (!hasResultText(p)) {
                moved.add(p);
            }
        }
        String text = resultTexts(r.content());
        return r.error() ? errorSaid(text) : text;
    }

    /**
     * The text of a tool result's parts that have one ({@link #resultText}), a blank line
     * between two, or "" when none has. Most results are one text, returned as it is: an agent
     * re-sends every earlier result with each request, and a copy of each would be a new String
     * that the memo must compare character by character to know again.
     */
    static String resultTexts(List<Part> content) {
        String single = null;
        StringBuilder joined = null;
        for (Part p : content) {
            String t = resultText(p);
            if (t == null) {
                continue;
            }
            if (single == null) {
                single = t;
            } else {
                if (joined == null) {
                    joined = new StringBuilder(single);
                }
                joined.append("\n\n").append(t);
            }
        }
        return joined != null ? joined.toString() : single != null ? single : "";
    }

    /**
     * The settings of the request's own vendor that the target has too, as the rewrite step
     * that fits options kept them (named as the target's fields), written as they came; a setting
     * inside an object the writer builds itself ({@code stream_options/include_obfuscation}) is
     * the writer's to place.
     */
    static void carriedSettings(JsonOut g, List<Extra> extras) {
        for (Extra e : extras) {
            if (e.name().indexOf('/') < 0) {
                g.writeFieldName(e.name());
                g.writeRawValue(CompactJson.of(e.value().json()));
            }
        }
    }

    /** The carried setting named {@code name}, or {@code null}. A loop: most requests carry none. */
    static Extra carried(List<Extra> extras, String name) {
        for (Extra e : extras) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    /**
     * A failed tool's text as the formats without an error flag carry it: after "Error: ",
     * unless the tool's own message already starts so ("Error: service unavailable").
     */
    static String errorSaid(String text) {
        return text.startsWith("Error:") ? text : "Error: " + text;
    }

    /** Whether {@link #resultText} has a text for {@code p}, without making it. */
    static boolean hasResultText(Part p) {
        return p instanceof Part.Text || p instanceof Part.Document d && d.source() instanceof MediaSource.PlainText;
    }

    /**
     * The text a part of a tool result contributes where results are text: its text, or a
     * plain-text document (a search result among them) in {@code <document>} tags with its title
     * and source; {@code null} for images and files, which cannot be text.
     */
    static String resultText(Part p) {
        if (p instanceof Part.Text t) {
            return t.text();
        }
        if (p instanceof Part.Document d && d.source() instanceof MediaSource.PlainText pt) {
            return Media.documentText(d, pt);
        }
        return null;
    }
}
