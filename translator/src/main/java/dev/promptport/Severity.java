package dev.promptport;

import java.util.Locale;

/** How much a finding matters for a migration, from harmless to blocking. */
public enum Severity {
    INFO,
    LOW,
    MEDIUM,
    HIGH,
    BLOCKER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + s
                    + "' (expected info, low, medium, high or blocker)");
        }
    }
}
