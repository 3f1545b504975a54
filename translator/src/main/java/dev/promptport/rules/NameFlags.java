package dev.promptport.rules;

/**
 * What a section's tag name alone says of it, as bits: worked out once per name and vocabulary
 * ({@link NameFacts} keeps them), then read by the section plan for every element of that name.
 */
final class NameFlags {

    /** A data section ({@code <document>}, {@code <user_input>}): kept as a boundary. */
    static final int DATA_NAME = 1;
    /** A tag the reply writes ({@code <answer>}). */
    static final int OUTPUT_NAME = 2;
    /** An HTML element or a dotted component name: markup pasted in. */
    static final int WEB_NAME = 4;
    /** A tag the model writes in its turn (a tool call's wrapper). */
    static final int MODEL_WRITES = 8;
    /** A section that describes the reply ({@code <output_format>}, {@code <response_schema>}). */
    static final int DESCRIBES_OUTPUT = 16;

    private NameFlags() {
    }

    static int of(String name, TagVocabulary vocab) {
        return (vocab.isData(name) ? DATA_NAME : 0) | (vocab.isOutput(name) ? OUTPUT_NAME : 0)
                | (WebMarkup.isHtmlName(name) || name.indexOf('.') >= 0 ? WEB_NAME : 0)
                | (ShownSections.writtenByTheModel(name) ? MODEL_WRITES : 0)
                | (describesOutput(name) ? DESCRIBES_OUTPUT : 0);
    }

    private static boolean describesOutput(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return namesFormat(name) || n.contains("template") || n.contains("schema")
                || n.startsWith("output") || n.startsWith("response");
    }

    /**
     * "format" as a word of the name ({@code <format>}, {@code <output_format>},
     * {@code <responseFormat>}, {@code <outputformat>}), not the letters inside
     * {@code <information_priority>} or {@code <transformations>}.
     */
    private static boolean namesFormat(String name) {
        for (int i = indexOfFormat(name, 0); i >= 0; i = indexOfFormat(name, i + 1)) {
            if (i == 0 || !Character.isLetter(name.charAt(i - 1)) || Character.isUpperCase(name.charAt(i))
                    || endsWithReplyWord(name, i)) {
                return true;
            }
        }
        return false;
    }

    private static int indexOfFormat(String name, int from) {
        for (int i = from; i + 6 <= name.length(); i++) {
            if (name.regionMatches(true, i, "format", 0, 6)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a word the reply goes by ends just before {@code at}: "outputformat". */
    private static boolean endsWithReplyWord(String name, int at) {
        for (String w : new String[] {"output", "response", "answer", "reply"}) {
            if (at >= w.length() && name.regionMatches(true, at - w.length(), w, 0, w.length())) {
                return true;
            }
        }
        return false;
    }
}
