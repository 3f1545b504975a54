package dev.promptport.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Makes a tool name fit the common rule {@code ^[a-zA-Z0-9_-]{1,64}$}, stably; for Gemini,
 * which wants a letter or {@code _} first, a name that starts otherwise gains a leading {@code _}.
 */
final class ToolNames {

    static final int MAX = 64;

    private ToolNames() {
    }

    static boolean valid(String name, boolean letterFirst) {
        if (name.isEmpty() || name.length() > MAX || letterFirst && !startsWell(name)) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!allowed(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Replaces every other character with {@code _}; a name still too long keeps its first 55
     * characters and gains {@code _} and 8 hex digits of its SHA-256, so two long names that
     * share a prefix stay distinct.
     */
    static String fit(String name, boolean letterFirst) {
        StringBuilder b = new StringBuilder(name.length() + 1);
        if (letterFirst && !startsWell(name)) {
            b.append('_');
        }
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            b.append(allowed(ch) ? ch : '_');
        }
        if (b.isEmpty()) {
            b.append("tool");
        }
        if (b.length() > MAX) {
            return b.substring(0, 55) + "_" + hash(name);
        }
        return b.toString();
    }

    /** A fitted name that differs from every other fitted name: the fit plus a hash of the original. */
    static String distinct(String name, boolean letterFirst) {
        String base = fit(name, letterFirst);
        String suffix = "_" + hash(name);
        return (base.length() + suffix.length() > MAX ? base.substring(0, MAX - suffix.length()) : base) + suffix;
    }

    /** An empty name counts as starting well: it becomes "tool". */
    private static boolean startsWell(String name) {
        if (name.isEmpty()) {
            return true;
        }
        char ch = name.charAt(0);
        return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch == '_';
    }

    private static boolean allowed(char ch) {
        return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '_' || ch == '-';
    }

    private static String hash(String s) {
        return sha256Hex(s).substring(0, 8);
    }

    /** The SHA-256 of the text's UTF-8 bytes, as 64 hex digits. */
    static String sha256Hex(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
