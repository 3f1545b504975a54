package dev.promptport.rules;

import java.util.Locale;
import java.util.Set;

/**
 * Which tag names carry data and which are an output contract ({@code rules/tags.yaml}).
 * Names are compared case-insensitively.
 */
public record TagVocabulary(Set<String> data, Set<String> output) {

    public TagVocabulary {
        data = Set.copyOf(data);
        output = Set.copyOf(output);
    }

    public boolean isData(String tag) {
        return data.contains(tag.toLowerCase(Locale.ROOT));
    }

    public boolean isOutput(String tag) {
        return output.contains(tag.toLowerCase(Locale.ROOT));
    }
}
