package dev.promptport.write;

import dev.promptport.tree.Part;

import java.util.List;

/** Joins the text parts of a list, for formats that take one string. */
final class Texts {

    private Texts() {
    }

    /** The text parts joined with {@code separator}, or {@code null} when there are none. */
    static String join(List<Part> parts, String separator) {
        String single = null;
        StringBuilder b = null;
        for (Part p : parts) {
            if (p instanceof Part.Text t) {
                if (single == null && b == null) {
                    single = t.text();
                } else {
                    if (b == null) {
                        b = new StringBuilder(single);
                    }
                    b.append(separator).append(t.text());
                }
            }
        }
        return b != null ? b.toString() : single;
    }

    /**
     * A tool result as the text formats carry it: its text parts joined, prefixed with
     * "Error: " when the tool failed (those formats have no error flag), and its images and
     * documents added to {@code moved}, to follow as the user's own content.
     */
    static String toolResultText(Part.ToolResult r, List<Part> moved) {
        StringBuilder text = new StringBuilder();
        if (r.error()) {
            text.append("Error: ");
        }
        String sep = "";
        for (Part p : r.content()) {
            if (p instanceof Part.Text t) {
                text.append(sep).append(t.text());
                sep = "\n\n";
            } else {
                moved.add(p);
            }
        }
        return text.toString();
    }
}
