package dev.promptport.read;

import java.util.Base64;

/**
 * The media type that base64 data's first bytes show, for a Claude source block sent without its
 * {@code media_type}. Claude's API refuses such a block; other gateways fill in JPEG whatever the
 * bytes are, so a PNG goes out labelled JPEG and some vendors refuse it. Only the types Claude
 * reads are told apart: PNG, JPEG, GIF and WebP images and PDF documents; other data keeps no type,
 * as it came. Public for the rewrite that checks a declared type against the bytes (Claude refuses
 * a mismatch); not part of promptport's API.
 */
public final class Base64Types {

    private Base64Types() {
    }

    /** The type, or {@code null} when the bytes are none of those, too few to tell, or not base64. */
    public static String of(String data) {
        int n = Math.min(16, data.length() & ~3);
        if (n < 8) {
            return null;
        }
        byte[] b;
        try {
            b = Base64.getDecoder().decode(data.substring(0, n));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (starts(b, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(b, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (b.length >= 12 && starts(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        if (starts(b, '%', 'P', 'D', 'F')) {
            return "application/pdf";
        }
        return null;
    }

    private static boolean starts(byte[] b, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
