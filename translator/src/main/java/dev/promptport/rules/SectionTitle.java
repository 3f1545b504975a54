package dev.promptport.rules;

import dev.promptport.tree.Markup.Attribute;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Heading text for a tagged section: {@code <output_format>} → "Output format". */
final class SectionTitle {

    private static final Set<String> NUMBER = Set.of("index", "id", "n", "number");
    private static final Set<String> NAME = Set.of("name", "title");

    private SectionTitle() {
    }

    /**
     * The words of a tag name: split on {@code _ - . :} and spaces ({@code <UI Patterns>}), camelCase and a number after a word
     * ({@code example1} → "Example 1"), first letter capital.
     */
    static String words(String tag) {
        return isAscii(tag) ? asciiWords(tag) : anyWords(tag);
    }

    private static boolean isAscii(String tag) {
        for (int i = 0; i < tag.length(); i++) {
            if (tag.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #anyWords} for the names prompts use, spelt in ASCII, where changing a letter's case
     * never changes the length: written straight into one buffer, so the title is the only
     * String made, not also a String, an upper- and a lower-case copy per word and a list.
     */
    private static String asciiWords(String tag) {
        // a camelCase split adds a space, at most one per character
        byte[] out = new byte[2 * tag.length()];
        int n = 0;
        int start = 0;
        for (int i = 0; i <= tag.length(); i++) {
            boolean split = i == tag.length() || "_-.: ".indexOf(tag.charAt(i)) >= 0;
            if (split || i > start && (camelBoundary(tag, i) || numberAfterWord(tag, start, i))) {
                n = addAsciiWord(out, n, tag, start, i);
                start = split ? i + 1 : i;
            }
        }
        if (n == 0) {
            return tag;
        }
        String title = new String(out, 0, n, StandardCharsets.ISO_8859_1);
        return startsWithBrand(title) ? title : Character.toUpperCase(title.charAt(0)) + title.substring(1);
    }

    /** As {@link #addWord}: an acronym or a capital alone ("I") as it is, else lower case. */
    private static int addAsciiWord(byte[] out, int n, String tag, int start, int end) {
        if (start >= end) {
            return n;
        }
        boolean capital = false;
        boolean small = false;
        for (int i = start; i < end; i++) {
            char c = tag.charAt(i);
            capital |= c >= 'A' && c <= 'Z';
            small |= c >= 'a' && c <= 'z';
        }
        // a capital alone is a word as written: "I" in <situations_where_I_use_search>, "B" in <plan_B>
        boolean acronym = capital && !small;
        if (n > 0) {
            out[n++] = ' ';
        }
        String known = acronym ? null : acronym(tag, start, end);
        if (known == null && !acronym) {
            known = BRANDS.get(tag.substring(start, end).toLowerCase(Locale.ROOT));
        }
        if (known != null) {
            for (int i = 0; i < known.length(); i++) {
                out[n++] = (byte) known.charAt(i);
            }
            return n;
        }
        for (int i = start; i < end; i++) {
            char c = tag.charAt(i);
            out[n++] = (byte) (!acronym && c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
        return n;
    }

    /** {@link #words} for any name. */
    static String anyWords(String tag) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= tag.length(); i++) {
            boolean split = i == tag.length() || "_-.: ".indexOf(tag.charAt(i)) >= 0;
            if (split) {
                addWord(words, tag, start, i);
                start = i + 1;
            } else if (i > start && (camelBoundary(tag, i) || numberAfterWord(tag, start, i))) {
                addWord(words, tag, start, i);
                start = i;
            }
        }
        String joined = String.join(" ", words);
        return joined.isEmpty() ? tag : startsWithBrand(joined) ? joined
                : Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
    }

    /**
     * The full title from the tag's {@link #words}: number and name attributes join them ("Example 2", "Document: Q3
     * report"), other attributes follow in parentheses. {@code ordinal} numbers repeated
     * siblings; 0 when the section is not numbered that way.
     */
    static String of(String words, List<Attribute> attributes, int ordinal) {
        if (attributes.isEmpty()) {
            // most sections: the title is the words, numbered when siblings share the name
            return ordinal > 0 ? words + ' ' + ordinal : words;
        }
        String number = null;
        String name = null;
        List<String> others = new ArrayList<>();
        for (Attribute a : attributes) {
            String key = a.name().toLowerCase(Locale.ROOT);
            String value = clean(a.value());
            if (number == null && NUMBER.contains(key) && !value.isEmpty()) {
                number = value;
            } else if (name == null && NAME.contains(key) && !value.isEmpty()) {
                name = value;
            } else {
                String k = clean(a.name());
                others.add(value.isEmpty() ? k : k + ": " + value);
            }
        }
        StringBuilder title;
        if (name != null && startsWithWords(name, words)) {
            // <zone name="Zone 1">: the name says it all, not "Zone 1: Zone 1"
            title = new StringBuilder(name);
        } else {
            title = new StringBuilder(words);
            if (number != null) {
                title.append(' ').append(number);
            } else if (ordinal > 0) {
                title.append(' ').append(ordinal);
            }
            if (name != null) {
                title.append(": ").append(name);
            }
        }
        if (!others.isEmpty()) {
            title.append(" (").append(String.join(", ", others)).append(')');
        }
        return title.toString();
    }

    /** Whether {@code name} starts with {@code words}, in any case, as a whole word. */
    private static boolean startsWithWords(String name, String words) {
        int n = words.length();
        return name.regionMatches(true, 0, words, 0, n) && (name.length() == n || !Character.isLetterOrDigit(name.charAt(n)));
    }

    /** The number an {@code index}, {@code id}, {@code n} or {@code number} attribute gives, or null. */
    static String number(List<Attribute> attributes) {
        for (Attribute a : attributes) {
            String value = clean(a.value());
            if (NUMBER.contains(a.name().toLowerCase(Locale.ROOT)) && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    static boolean hasNumber(List<Attribute> attributes) {
        if (attributes.isEmpty()) {
            return false;
        }
        for (Attribute a : attributes) {
            if (NUMBER.contains(a.name().toLowerCase(Locale.ROOT)) && !clean(a.value()).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** XML-ish word breaks: userProfile → user Profile, XMLParser → XML Parser, v2Api → v2 Api. */
    private static boolean camelBoundary(String tag, int i) {
        char c = tag.charAt(i);
        char prev = tag.charAt(i - 1);
        if (!Character.isUpperCase(c)) {
            return false;
        }
        if (Character.isLowerCase(prev) || Character.isDigit(prev)) {
            return true;
        }
        return Character.isUpperCase(prev) && i + 1 < tag.length() && Character.isLowerCase(tag.charAt(i + 1));
    }

    /**
     * Names that end in a number are numbered sections, {@code <example1>}, {@code <doc3>}: the
     * number is a word of its own. A 0 inside a name is part of its word, {@code <mem0-dream>}. A single letter with a number is a name of its own
     * ({@code h1}, {@code v2}, {@code l7}), and so are the technical words listed.
     */
    private static boolean numberAfterWord(String tag, int start, int i) {
        char c = tag.charAt(i);
        if (c < '0' || c > '9' || i - start < 2) {
            return false;
        }
        for (int k = start; k < i; k++) {
            if (!Character.isLetter(tag.charAt(k))) {
                return false;
            }
        }
        int end = i;
        while (end < tag.length() && tag.charAt(end) >= '0' && tag.charAt(end) <= '9') {
            end++;
        }
        if (c == '0' && end < tag.length()) {
            // numbered parts count from 1: a 0 that words go on after is part of a product's
            // name, <mem0-memory-policy>, where <parameter1_name> is the first parameter's name
            return false;
        }
        // only names with a number get here, and a title is worked out once per name
        return !NUMBERED_WORDS.contains(tag.substring(start, end).toLowerCase(Locale.ROOT));
    }

    /** Technical words that end in digits, which a title keeps whole. */
    private static final Set<String> NUMBERED_WORDS = Set.of("md5", "sha1", "sha256", "sha512", "mp3", "mp4",
            "utf8", "utf16", "base64", "ipv4", "ipv6", "oauth2", "gpt4", "es6", "win32", "int32", "int64",
            "float32", "float64", "uint8", "ec2");

    private static void addWord(List<String> words, String tag, int start, int end) {
        if (start >= end) {
            return;
        }
        String w = tag.substring(start, end);
        boolean acronym = w.equals(w.toUpperCase(Locale.ROOT)) && !w.equals(w.toLowerCase(Locale.ROOT));
        String known = acronym ? null : acronym(tag, start, end);
        if (known == null && !acronym) {
            known = BRANDS.get(w.toLowerCase(Locale.ROOT));
        }
        words.add(acronym ? w : known != null ? known : w.toLowerCase(Locale.ROOT));
    }

    /** Whether the title opens with a name spelt from a small letter ("iOS guidelines"), which stays so. */
    private static boolean startsWithBrand(String title) {
        int space = title.indexOf(' ');
        String first = space < 0 ? title : title.substring(0, space);
        return Character.isLowerCase(first.charAt(0)) && BRANDS.containsValue(first);
    }

    /**
     * Names of products and standards that a heading spells as their makers do, however the tag
     * spells them: {@code <ios_guidelines>} is "iOS guidelines", {@code <github_actions>}
     * "GitHub actions". Only words that are never ordinary English ones, each spelt with as many
     * letters as the tag's word, which the ASCII path writes in place.
     */
    private static final java.util.Map<String, String> BRANDS = java.util.Map.ofEntries(
            java.util.Map.entry("ios", "iOS"), java.util.Map.entry("macos", "macOS"), java.util.Map.entry("github", "GitHub"),
            java.util.Map.entry("gitlab", "GitLab"), java.util.Map.entry("javascript", "JavaScript"),
            java.util.Map.entry("typescript", "TypeScript"), java.util.Map.entry("oauth", "OAuth"), java.util.Map.entry("oauth2", "OAuth2"),
            java.util.Map.entry("graphql", "GraphQL"), java.util.Map.entry("postgresql", "PostgreSQL"),
            java.util.Map.entry("mysql", "MySQL"), java.util.Map.entry("mongodb", "MongoDB"), java.util.Map.entry("openai", "OpenAI"),
            java.util.Map.entry("claude", "Claude"), java.util.Map.entry("anthropic", "Anthropic"), java.util.Map.entry("gemini", "Gemini"),
            java.util.Map.entry("youtube", "YouTube"), java.util.Map.entry("linkedin", "LinkedIn"),
            java.util.Map.entry("wordpress", "WordPress"), java.util.Map.entry("s3", "S3"),
            java.util.Map.entry("ec2", "EC2"), java.util.Map.entry("iam", "IAM"), java.util.Map.entry("sql", "SQL"),
            java.util.Map.entry("nosql", "NoSQL"), java.util.Map.entry("devops", "DevOps"), java.util.Map.entry("webgl", "WebGL"),
            java.util.Map.entry("websocket", "WebSocket"), java.util.Map.entry("websockets", "WebSockets"),
            java.util.Map.entry("iphone", "iPhone"), java.util.Map.entry("ipad", "iPad"));

    /**
     * Words a heading writes in capitals however the tag spells them: {@code <ui_navigation>} is
     * "UI navigation", not "Ui navigation". Only words that are never ordinary English ones
     * ("it", "us" and "am" are not here).
     */
    private static final String[] ACRONYMS = {"AI", "API", "APIs", "AWS", "CLI", "CPU", "CRM", "CSS", "CSV", "CTA",
        "DB", "DNS", "FAQ", "FAQs", "GCP", "GPU", "HTML", "HTTP", "HTTPS", "ID", "IDs", "IDE", "JS", "JSON", "JWT",
        "KPI", "KPIs", "LLM", "LLMs", "MCP", "ML", "NLP", "OCR", "OS", "PDF", "PDFs", "PII", "PR", "PRs", "QA", "RAG",
        "SDK", "SEO", "SLA", "SMS", "SQL", "SSH", "TTS", "UI", "URL", "URLs", "URI", "UX", "XML", "YAML"};

    /** {@link #ACRONYMS} by their letters in lower case packed into a long ({@link #key}), sorted. */
    private static final long[] ACRONYM_KEYS;
    private static final String[] ACRONYM_BY_KEY;

    static {
        String[] sorted = ACRONYMS.clone();
        Arrays.sort(sorted, Comparator.comparingLong(a -> key(a, 0, a.length())));
        ACRONYM_KEYS = new long[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            ACRONYM_KEYS[i] = key(sorted[i], 0, sorted[i].length());
        }
        ACRONYM_BY_KEY = sorted;
    }

    /**
     * The capitals of {@code tag}'s word at [start, end) when it is one of {@link #ACRONYMS}, else
     * null: looked up by its letters packed into one number, as every word of every title is.
     */
    private static String acronym(String tag, int start, int end) {
        int n = end - start;
        if (n < 2 || n > 5) {
            return null;
        }
        long k = key(tag, start, end);
        int i = k < 0 ? -1 : Arrays.binarySearch(ACRONYM_KEYS, k);
        return i >= 0 ? ACRONYM_BY_KEY[i] : null;
    }

    /** The ASCII letters of [start, end) in lower case, eight bits each; -1 for any other character. */
    private static long key(String s, int start, int end) {
        long k = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            } else if (c < 'a' || c > 'z') {
                return -1;
            }
            k = k << 8 | c;
        }
        return k;
    }

    /**
     * Attribute values go into a heading line, every character of them (a condition such as
     * {@code score>5} means what it says only whole), but none may start structure there: a
     * line break or a control character becomes a space. A value holds no tag's start ({@link
     * dev.promptport.read.TagScanner} reads none inside a tag), so a heading holds no tag either.
     */
    private static String clean(String value) {
        if (isClean(value)) {
            return value;
        }
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            b.append(Character.isWhitespace(c) || c < ' ' ? ' ' : c);
        }
        return collapseSpaces(b.toString().trim());
    }

    /** True when {@link #clean} would return {@code value} unchanged: the usual "1" or "Q3 report". */
    private static boolean isClean(String value) {
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == ' ') {
                // trimmed at either end, collapsed when doubled
                if (i == 0 || i == n - 1 || value.charAt(i - 1) == ' ') {
                    return false;
                }
            } else if (c < ' ' || (c > '~' && Character.isWhitespace(c))) {
                return false;
            }
        }
        return true;
    }

    private static String collapseSpaces(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != ' ' || b.charAt(b.length() - 1) != ' ') {
                b.append(s.charAt(i));
            }
        }
        return b.toString();
    }
}
