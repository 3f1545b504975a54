package dev.promptport.rules;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which tag names carry data and which are an output contract ({@code rules/tags.yaml}).
 * Names are compared in one spelling: case, {@code -} for {@code _} and camelCase do not
 * matter ({@code <userInput>} and {@code <user-input>} are {@code user_input}), and a name
 * that ends in a listed data word after an underscore holds data ({@code <retrieved_documents>}).
 *
 * <p>A value: two vocabularies of the same words are equal. It is a class rather than a record
 * only to keep what each name it is asked about says ({@link NameFacts}), which is no part of
 * its value.
 */
public final class TagVocabulary {

    private final Set<String> data;
    private final Set<String> output;
    private final NameFacts names = new NameFacts(this);

    public TagVocabulary(Set<String> data, Set<String> output) {
        this.data = Set.copyOf(data);
        this.output = Set.copyOf(output);
    }

    public Set<String> data() {
        return data;
    }

    public Set<String> output() {
        return output;
    }

    /** What each section name says, worked out once per name for this vocabulary. */
    NameFacts names() {
        return names;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TagVocabulary v && data.equals(v.data) && output.equals(v.output);
    }

    @Override
    public int hashCode() {
        return Objects.hash(data, output);
    }

    @Override
    public String toString() {
        return "TagVocabulary[data=" + data + ", output=" + output + "]";
    }

    public boolean isData(String tag) {
        return listed(data, normal(tag));
    }

    /** Exact words only: {@code <ideal_response>} in an example is not a tag the reply is asked for. */
    public boolean isOutput(String tag) {
        return output.contains(normal(tag));
    }

    /**
     * Data words that still mean data at the end of a longer name; agents' prompts use others
     * ({@code <open_file>}, {@code <citing_code>}, {@code <command_message>}) for commands and
     * instructions.
     */
    private static final List<String> DATA_ENDINGS = List.of("document", "documents", "input", "query", "transcript",
            "email", "emails", "history", "data", "excerpt", "passage", "article", "logs", "search_results",
            "conversation", "reviews", "thread", "attachment", "attachments");

    private static boolean listed(Set<String> words, String name) {
        if (words.contains(name)) {
            return true;
        }
        if (name.indexOf('_') < 0) {
            return false;
        }
        for (String ending : DATA_ENDINGS) {
            int at = name.length() - ending.length();
            if (at > 0 && name.charAt(at - 1) == '_' && name.endsWith(ending) && words.contains(ending)) {
                return !saysWhen(name, at - 1);
            }
        }
        return false;
    }

    /** Words that make a name a rule about its last word: {@code <situations_where_i_always_use_compose_email>}. */
    private static final List<String> RULE_WORDS = List.of("where", "when", "how", "use", "using", "never", "always");

    /** Whether one of {@link #RULE_WORDS} is a word of {@code name} before {@code end}. */
    private static boolean saysWhen(String name, int end) {
        int start = 0;
        for (int i = 0; i <= end; i++) {
            if (i == end || name.charAt(i) == '_') {
                for (String w : RULE_WORDS) {
                    if (w.length() == i - start && name.startsWith(w, start)) {
                        return true;
                    }
                }
                start = i + 1;
            }
        }
        return false;
    }

    /** Lower case, words joined by {@code _}; the name itself when it is spelled so already, as most are. */
    static String normal(String tag) {
        if (plain(tag)) {
            return tag;
        }
        StringBuilder b = new StringBuilder(tag.length() + 4);
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (c == '-' || c == '.' || c == ' ') {
                b.append('_');
            } else if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(tag.charAt(i - 1))) {
                b.append('_').append(Character.toLowerCase(c));
            } else {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean plain(String tag) {
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
