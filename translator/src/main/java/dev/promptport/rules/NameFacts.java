package dev.promptport.rules;

import java.util.concurrent.ConcurrentHashMap;

/**
 * What a section's tag name alone says, in one vocabulary ({@link NameFlags}), and
 * its heading's words ({@link SectionTitle#words}), remembered per name. An application sends
 * the same few names in request after request, and working them out again (each name in one
 * spelling, looked up in the word lists, split into a title) was about a tenth of the time a
 * typical request's rewrite took.
 *
 * <p>Bounded, so that a log of made-up names cannot grow it: past {@link #MAX_NAMES} names, and
 * for a name longer than {@link #MAX_LENGTH}, the facts are worked out each time and not kept.
 * Thread-safe: the facts of a name are the same whoever works them out first.
 */
final class NameFacts {

    static final int MAX_NAMES = 4096;
    static final int MAX_LENGTH = 64;

    /** @param flags the name's {@link NameFlags}; {@code words} the title's words */
    record Facts(int flags, String words) {
    }

    private final TagVocabulary vocab;
    private final ConcurrentHashMap<String, Facts> known = new ConcurrentHashMap<>();

    NameFacts(TagVocabulary vocab) {
        this.vocab = vocab;
    }

    Facts of(String name) {
        Facts f = known.get(name);
        if (f != null) {
            return f;
        }
        f = new Facts(NameFlags.of(name, vocab), SectionTitle.words(name));
        if (name.length() <= MAX_LENGTH && known.size() < MAX_NAMES) {
            known.putIfAbsent(name, f);
        }
        return f;
    }

    /** How many names are kept (for tests). */
    int size() {
        return known.size();
    }
}
