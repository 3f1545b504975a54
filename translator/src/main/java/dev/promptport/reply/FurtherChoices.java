package dev.promptport.reply;

import java.util.HashSet;
import java.util.Set;

/**
 * The choices (OpenAI Chat) or candidates (Gemini) after the first, which an Anthropic reply has
 * no room for. A stream sends each again and again, one piece per chunk, so they are counted by
 * index and named once, when the reply ends.
 */
final class FurtherChoices {

    private final String word;
    private final Set<Integer> seen = new HashSet<>();

    /** {@code word}: what the vendor calls them, "choice" or "candidate". */
    FurtherChoices(String word) {
        this.word = word;
    }

    void add(int index) {
        seen.add(index);
    }

    /** Names them, if there were any. */
    void name(BlockSink sink) {
        if (!seen.isEmpty()) {
            sink.leftOut(seen.size() + " further " + word + "(s): an Anthropic reply holds one");
        }
    }
}
