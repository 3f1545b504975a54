package dev.promptport.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one text's kept tags are for, by name, each told once where it first appears: tags the
 * prompt asks the reply to use (PP102), tags only its examples show an answer in (PP212), and
 * sections that hold data (PP103). A name asked for anywhere is the reply's, and PP102 alone
 * says so; a name whose tags a sentence keeps out of the reply ({@link LeftOutTags}) asks for
 * nothing.
 */
final class TagRoleFindings {

    // made when the first name of each kind is met: most texts have none of some kinds
    private Map<String, Integer> asked;
    private Map<String, Integer> shown;
    private Map<String, Integer> data;

    void asked(String name, int offset) {
        asked = first(asked, name, offset);
    }

    void shown(String name, int offset) {
        shown = first(shown, name, offset);
    }

    void data(String name, int offset) {
        data = first(data, name, offset);
    }

    private static Map<String, Integer> first(Map<String, Integer> places, String name, int offset) {
        Map<String, Integer> m = places != null ? places : new LinkedHashMap<>();
        m.merge(name, offset, Math::min);
        return m;
    }

    /** Adds the findings to {@code out}, which the caller puts in text order. */
    void addTo(List<SectionFinding> out, String text) {
        if (asked != null) {
            asked.forEach((name, offset) -> {
                if (!LeftOutTags.afterMention(text, offset, name) && !TagMentions.forbidden(text, offset)) {
                    out.add(new SectionFinding(offset, "PP102", name));
                }
            });
        }
        if (shown != null) {
            shown.forEach((name, offset) -> {
                if ((asked == null || !asked.containsKey(name)) && !LeftOutTags.afterMention(text, offset, name)) {
                    out.add(new SectionFinding(offset, "PP212", name));
                }
            });
        }
        if (data != null) {
            data.forEach((name, offset) -> out.add(new SectionFinding(offset, "PP103", name)));
        }
    }
}
