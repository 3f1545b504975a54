package dev.promptport.failover;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Removes every configured secret (API keys, credential header values) from text that leaves
 * the library (attempt details, exception messages, error bodies a vendor echoed back, log
 * lines). Secrets are never put in such text on purpose; this is the second line of defence
 * against a server that echoes them. It must run before any such text is clipped: a secret cut
 * in two no longer matches.
 */
final class Redactor {

    static final String MASK = "[redacted]";
    private static final int MIN_LENGTH = 6;

    private final List<String> secrets;

    Redactor(List<String> secrets) {
        List<String> s = new ArrayList<>();
        for (String k : secrets) {
            if (k != null && k.length() >= MIN_LENGTH && !s.contains(k)) {
                s.add(k);
            }
        }
        s.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(s);
    }

    /**
     * {@code text} on one line, secrets masked, cut to {@code limit} characters: masked first,
     * since a secret the cut runs through would no longer match.
     */
    String clip(String text, int limit) {
        String s = apply(text == null ? "" : text.strip().replaceAll("\\s+", " "));
        return s.length() > limit ? s.substring(0, limit) + "…" : s;
    }

    String apply(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String out = text;
        for (String k : secrets) {
            if (out.contains(k)) {
                out = out.replace(k, MASK);
            }
        }
        return out;
    }
}
