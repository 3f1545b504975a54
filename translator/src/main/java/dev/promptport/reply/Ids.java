package dev.promptport.reply;

import java.util.concurrent.ThreadLocalRandom;

/** Message and tool-use ids in the forms Anthropic clients accept. */
final class Ids {

    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private Ids() {
    }

    /** The vendor's id with the {@code msg_} prefix (added unless already there), or a fresh one. */
    static String message(String vendorId) {
        if (vendorId == null || vendorId.isBlank()) {
            return "msg_" + random(24);
        }
        return vendorId.startsWith("msg_") ? vendorId : "msg_" + vendorId;
    }

    /**
     * The vendor's tool-call id with every character outside {@code [A-Za-z0-9_-]} replaced by
     * {@code _} (Anthropic rejects other ids when the history is sent back), or a fresh
     * {@code toolu_} id when the vendor gave none (Gemini often does not).
     */
    static String tool(String vendorId) {
        if (vendorId == null || vendorId.isEmpty()) {
            return "toolu_" + random(24);
        }
        StringBuilder sb = null;
        for (int i = 0; i < vendorId.length(); i++) {
            char c = vendorId.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
            if (!ok && sb == null) {
                sb = new StringBuilder(vendorId.length()).append(vendorId, 0, i);
            }
            if (sb != null) {
                sb.append(ok ? c : '_');
            }
        }
        return sb == null ? vendorId : sb.toString();
    }

    /** A fresh id for a block the vendor ran on its side, in the form Claude gives its own. */
    static String serverTool() {
        return "srvtoolu_" + random(24);
    }

    static String random(int n) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        char[] out = new char[n];
        for (int i = 0; i < n; i++) {
            out[i] = ALPHABET[r.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
