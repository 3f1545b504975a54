package dev.promptport.write;

import dev.promptport.tree.MediaSource;
import dev.promptport.tree.Part;

/** How images and documents are spelled in formats that take URLs and inline text. */
final class Media {

    private Media() {
    }

    /** A URL for the source: the URL itself, or a data URL for inline bytes. */
    static String url(MediaSource s) {
        if (s instanceof MediaSource.Url u) {
            return u.url();
        }
        if (s instanceof MediaSource.Base64 b) {
            String type = b.mediaType() == null ? "application/octet-stream" : b.mediaType();
            return "data:" + type + ";base64," + b.data();
        }
        throw new IllegalArgumentException("no URL form for " + s.getClass().getSimpleName());
    }

    static String filename(Part.Document d) {
        String title = d.title() == null || d.title().isBlank() ? "document" : d.title().strip();
        return title.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf") ? title : title + ".pdf";
    }

    /** A plain-text document inside {@code <document>} tags, so its text stays data. */
    static String documentText(Part.Document d, MediaSource.PlainText pt) {
        StringBuilder b = new StringBuilder(pt.text().length() + 64);
        b.append("<document");
        if (d.title() != null) {
            b.append(" title=\"").append(attribute(d.title())).append('"');
        }
        if (d.context() != null) {
            b.append(" context=\"").append(attribute(d.context())).append('"');
        }
        return b.append(">\n").append(pt.text()).append("\n</document>").toString();
    }

    static String documentContext(Part.Document d) {
        return "Context for the document" + (d.title() == null ? "" : " \"" + d.title() + "\"") + ": " + d.context();
    }

    /**
     * The text put before a document in formats whose file part carries no name: its context,
     * which names it, or else its title; null when it has neither.
     */
    static String documentLabel(Part.Document d) {
        if (d.context() != null) {
            return documentContext(d);
        }
        return d.title() == null || d.title().isBlank() ? null : "Document \"" + d.title().strip() + "\":";
    }

    private static String attribute(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace("\n", " ");
    }
}
