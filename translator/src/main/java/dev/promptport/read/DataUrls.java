package dev.promptport.read;

import dev.promptport.tree.MediaSource;

/** {@code data:<type>;base64,<data>} URLs, as OpenAI requests carry inline images and files. */
final class DataUrls {

    private DataUrls() {
    }

    /**
     * A file given as a data URL: plain text when its type is text (as Claude and every writer
     * send text documents), else as {@link #source}.
     */
    static MediaSource document(String url) {
        MediaSource s = source(url, "application/pdf");
        if (s instanceof MediaSource.Base64 b && b.mediaType().startsWith("text/")) {
            MediaSource.PlainText text = TextMedia.decode(b.mediaType(), b.data());
            // not base64 of UTF-8 text: kept as bytes, and named where it cannot go
            return text == null ? s : text;
        }
        return s;
    }

    /**
     * Whether an "image" is a PDF's bytes: LiteLLM and others send a PDF as an image_url data
     * URL, and read it as a document, which every target but the plainest takes.
     */
    static boolean pdf(MediaSource s) {
        return s instanceof MediaSource.Base64 b && "application/pdf".equals(b.mediaType());
    }

    /**
     * The media type of a data URL whose {@code ;base64} starts at {@code end}, without the
     * parameters RFC 2397 allows before it ({@code data:image/jpeg;charset=utf-8;base64,}) and in
     * lower case, as vendors match types exactly ({@code image/jpeg}).
     */
    private static String mediaType(String url, int end) {
        int params = url.indexOf(';');
        String type = url.substring(5, params > 0 && params < end ? params : end).trim();
        for (int i = 0; i < type.length(); i++) {
            if (Character.isUpperCase(type.charAt(i))) {
                return type.toLowerCase(java.util.Locale.ROOT);
            }
        }
        return type;
    }

    /** The inline bytes of a data URL, or a URL source for anything else. */
    static MediaSource source(String url, String fallbackType) {
        if (url.startsWith("data:")) {
            int comma = url.indexOf(',');
            int semi = url.indexOf(";base64");
            if (comma > 0 && semi > 0 && semi < comma) {
                String type = mediaType(url, semi);
                return new MediaSource.Base64(type.isEmpty() ? fallbackType : type, url.substring(comma + 1));
            }
        }
        return new MediaSource.Url(url);
    }
}
