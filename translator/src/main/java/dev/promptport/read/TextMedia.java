package dev.promptport.read;

import dev.promptport.tree.MediaSource;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Inline bytes that are text: every writer sends text as text (Claude's base64 documents are
 * PDFs only), so text bytes are read as a plain-text document.
 */
final class TextMedia {

    /** Types outside text/* that hold text, as Gemini lists them among the ones it reads. */
    private static final Set<String> TEXT_APPLICATIONS = Set.of("application/json", "application/xml",
            "application/x-yaml", "application/yaml", "application/javascript", "application/x-javascript",
            "application/typescript", "application/x-typescript", "application/x-python", "application/x-sh",
            "application/sql", "application/rtf", "application/x-tex", "application/csv", "application/ld+json");

    private TextMedia() {
    }

    /** Whether bytes of this type are text (a JSON or XML dialect among them). */
    static boolean textLike(String mediaType) {
        String type = mediaType.toLowerCase(Locale.ROOT);
        int params = type.indexOf(';');
        if (params >= 0) {
            type = type.substring(0, params).trim();
        }
        return type.startsWith("text/") || TEXT_APPLICATIONS.contains(type) || type.endsWith("+json")
                || type.endsWith("+xml");
    }

    /** The text base64 {@code data} holds, or null when it is not base64 of UTF-8 text. */
    static MediaSource.PlainText decode(String mediaType, String data) {
        try {
            byte[] bytes = java.util.Base64.getMimeDecoder().decode(data);
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            return new MediaSource.PlainText(mediaType, text);
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return null;
        }
    }
}
