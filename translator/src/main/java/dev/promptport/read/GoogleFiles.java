package dev.promptport.read;

import java.util.Locale;

/**
 * Addresses in a Gemini request that point into Google's own storage: Cloud Storage
 * ({@code gs://}) and files uploaded with Gemini's Files API. They look like URLs, but no other
 * vendor can fetch them, so they are read as stored files rather than addresses.
 */
final class GoogleFiles {

    private static final String FILES_API = "https://generativelanguage.googleapis.com/";

    private GoogleFiles() {
    }

    static boolean stored(String uri) {
        String u = uri.toLowerCase(Locale.ROOT);
        return u.startsWith("gs://") || u.startsWith(FILES_API) && u.contains("/files/") || u.startsWith("files/");
    }
}
