package dev.promptport.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The section names a rewrite finding lists: a long prompt converts dozens of sections. */
final class NameList {

    private static final int LISTED = 8;

    private NameList() {
    }

    /** Up to ten names in full; past that the first eight and how many more. */
    static String of(Collection<String> names) {
        // "and 1 more" would be longer than the name it hides
        if (names.size() <= LISTED + 2) {
            return String.join(", ", names);
        }
        List<String> first = new ArrayList<>(names).subList(0, LISTED);
        return String.join(", ", first) + " and " + (names.size() - LISTED) + " more";
    }
}
