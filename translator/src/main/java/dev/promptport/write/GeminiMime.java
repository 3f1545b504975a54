package dev.promptport.write;

import java.util.Locale;
import java.util.Map;

/** The MIME type of a file Gemini fetches by URI ({@code fileData.mimeType}), from the URL's extension. */
public final class GeminiMime {

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("webp", "image/webp"),
            Map.entry("gif", "image/gif"),
            Map.entry("heic", "image/heic"),
            Map.entry("heif", "image/heif"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("txt", "text/plain"),
            Map.entry("md", "text/markdown"),
            Map.entry("csv", "text/csv"),
            Map.entry("html", "text/html"),
            Map.entry("htm", "text/html"),
            Map.entry("xml", "text/xml"),
            Map.entry("json", "application/json"));

    /**
     * The type declared for an image whose address names none: fileData needs a mimeType, and
     * JPEG is the most common type of an image served without an extension.
     */
    public static final String IMAGE_GUESS = "image/jpeg";

    private GeminiMime() {
    }

    /** The type the URL's last path segment names by its extension, else {@code fallback}. */
    public static String fromUrl(String url, String fallback) {
        String path = url;
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot <= slash + 1 || dot == path.length() - 1) {
            return fallback;
        }
        String type = BY_EXTENSION.get(path.substring(dot + 1).toLowerCase(Locale.ROOT));
        return type != null ? type : fallback;
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
