package dev.promptport.rules;

/**
 * How vendors spell one model several ways: a dated snapshot ({@code gpt-4o-2024-08-06},
 * {@code claude-sonnet-4-5-20250929}, {@code gemini-2.5-flash-preview-09-2025}), a version
 * ({@code gemini-2.5-pro-001}, {@code gpt-3.5-turbo-0125}, {@code mistral-large-2411}), a
 * moving alias ({@code -latest}), a path prefix ({@code models/gemini-2.5-pro},
 * {@code openai/gpt-4o}). LiteLLM and the Vercel AI SDK match ids the same way: strip the
 * date, then compare by prefix. Char checks, no regex: {@code Target.of} may run per request.
 */
final class ModelIds {

    private ModelIds() {
    }

    /**
     * The model's name without its path prefix and alias suffixes, lower case:
     * {@code gpt-4o} for {@code GPT-4o-2024-08-06}.
     */
    static String base(String vendor, String model) {
        String m = model.toLowerCase(java.util.Locale.ROOT);
        if (m.startsWith("models/")) {
            m = m.substring("models/".length());
        } else if (m.startsWith(vendor + "/")) {
            m = m.substring(vendor.length() + 1);
        }
        int end = m.length();
        int cut;
        while ((cut = suffix(m, end)) > 0) {
            end = cut;
        }
        return m.substring(0, end);
    }

    /** Where an alias suffix ending at {@code end} starts, or -1 when there is none. */
    private static int suffix(String m, int end) {
        if (endsWith(m, end, "-latest")) {
            return end - "-latest".length();
        }
        int dash = m.lastIndexOf('-', end - 1);
        if (dash <= 0 || !allDigits(m, dash + 1, end)) {
            return -1;
        }
        int digits = end - dash - 1;
        if (digits == 2 || digits == 4) {
            // -preview-09-2025, -preview-05-06 (Gemini previews)
            int month = group(m, dash, 2);
            if (month > 0 && endsWith(m, month, "-preview")) {
                return month - "-preview".length();
            }
        }
        if (digits == 2) {
            // -2024-08-06: this group is the day, before it the month and the year
            int month = group(m, dash, 2);
            return month < 0 ? -1 : group(m, month, 4);
        }
        // -001 (a Gemini version), -0125 or -2411 (an OpenAI or Mistral date), -20250929
        return digits == 3 || digits == 4 || digits == 8 ? dash : -1;
    }

    /** The dash in front of the {@code n} digits that end at {@code dash}, or -1 when they are not there. */
    private static int group(String m, int dash, int n) {
        int start = dash - n;
        if (start <= 0 || m.charAt(start - 1) != '-' || !allDigits(m, start, dash)) {
            return -1;
        }
        return start - 1;
    }

    private static boolean allDigits(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWith(String s, int end, String suffix) {
        return end >= suffix.length() && s.startsWith(suffix, end - suffix.length());
    }

    /** A name's parts, split where a word ends: {@code [gpt, 5, 1, codex]} for {@code gpt-5.1-codex}. */
    static String[] parts(String base) {
        java.util.List<String> out = new java.util.ArrayList<>(6);
        int start = 0;
        for (int i = 0; i <= base.length(); i++) {
            if (i == base.length() || endsWord(base.charAt(i))) {
                if (i > start) {
                    out.add(base.substring(start, i));
                }
                start = i + 1;
            }
        }
        return out.toArray(new String[0]);
    }

    /** How many leading parts {@code a} and {@code b} have in common. */
    static int common(String[] a, String[] b) {
        int n = 0;
        while (n < a.length && n < b.length && a[n].equals(b[n])) {
            n++;
        }
        return n;
    }

    /**
     * Whether a model named {@code id} is of the listed model's line: the two share their first
     * two parts ({@code claude-opus-4-6} and {@code claude-opus-4-5}), or the listed name is the
     * start of the id ({@code o3-pro} of {@code o3}). One shared word ({@code gpt},
     * {@code deepseek}) is only the vendor's brand.
     */
    static boolean related(String[] id, String[] listed) {
        int c = common(id, listed);
        return c >= 2 || c >= 1 && c == listed.length;
    }

    /** The part's number, or -1 when it is not one: versions compare as numbers. */
    static int number(String[] parts, int i) {
        if (i >= parts.length) {
            return 0; // claude-sonnet-4 stands for claude-sonnet-4-0
        }
        String p = parts[i];
        return p.length() <= 6 && allDigits(p, 0, p.length()) ? Integer.parseInt(p) : -1;
    }

    /**
     * Whether {@code model} is {@code family} or a model of it: it starts with it and the next
     * character ends a word ({@code gpt-5.1} of {@code gpt-5}, {@code llama3.1:8b} of
     * {@code llama3.1}; not {@code gpt-4o} of {@code gpt-4}).
     */
    static boolean ofFamily(String model, String family) {
        if (!model.startsWith(family)) {
            return false;
        }
        if (model.length() == family.length()) {
            return true;
        }
        return endsWord(model.charAt(family.length()));
    }

    private static boolean endsWord(char c) {
        return c == '-' || c == '.' || c == ':' || c == '/' || c == '_' || c == '@';
    }
}
