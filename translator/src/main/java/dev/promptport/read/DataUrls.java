package dev.promptport.read;

import dev.promptport.tree.MediaSource;

/** {@code data:<type>;base64,<data>} URLs, as OpenAI requests carry inline images and files. */
final class DataUrls {

    private DataUrls() {
    }

    /** The inline bytes of a data URL, or a URL source for anything else. */
    static MediaSource source(String url, String fallbackType) {
        if (url.startsWith("data:")) {
            int comma = url.indexOf(',');
            int semi = url.indexOf(";base64");
            if (comma > 0 && semi > 0 && semi < comma) {
                String type = url.substring(5, semi);
                return new MediaSource.Base64(type.isEmpty() ? fallbackType : type, url.substring(comma + 1));
            }
        }
        return new MediaSource.Url(url);
    }
}
