package dev.promptport.rules;

import dev.promptport.Target;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the facts for a model id a user wrote, listed or not. Users pass their own ids (dated
 * snapshots, {@code -latest} aliases, newer point releases, Azure deployment names), and in an
 * outage a translation with cautious limits serves them better than a refusal. In order:
 * <ol>
 * <li>the id as listed;
 * <li>the same model under another name: the id without its alias suffixes names a listed
 *     model ({@link ModelIds#base}), whose facts are the model's own;
 * <li>a model of a listed line ({@link ModelIds#related}): of the listed models sharing the most
 *     leading name parts with the id, the nearest version ({@code claude-opus-4-6} borrows from
 *     {@code claude-opus-4-5}, not {@code claude-opus-4-1}; {@code gpt-5.2} from {@code gpt-5.1}),
 *     or where the id goes on with a word, the line's own model ({@code gpt-5.1-codex} from
 *     {@code gpt-5.1}, {@code o3-pro} from {@code o3}), else the one sharing most words
 *     ({@code gemini-3.5-pro} from {@code gemini-3-pro-preview});
 * <li>the vendor's most cautious model: the smallest context window, then the smallest
 *     output limit, then the first listed; of the models that take tools and a system prompt
 *     when the vendor lists any (an unknown Gemini id is a Gemini model, not a Gemma one that
 *     takes neither: cautious limits, not missing features).
 * </ol>
 * In the last two the facts are borrowed ({@link Target#factsFrom()}), and each translation
 * says so (PP208). An unknown vendor finds nothing. Immutable.
 */
final class TargetIndex {

    private final Map<String, Target> exact;
    /** {@code vendor:base} to the model it names. */
    private final Map<String, Target> byBase;
    /** Per vendor, the models a family match may name, longest base first. */
    private final Map<String, List<Named>> families;
    private final Map<String, Target> cautious;

    private record Named(String base, String[] parts, Target target) {
    }

    TargetIndex(Collection<Target> listed) {
        Map<String, Target> exact = new LinkedHashMap<>();
        Map<String, Target> byBase = new HashMap<>();
        Map<String, List<Named>> families = new HashMap<>();
        Map<String, Target> cautious = new HashMap<>();
        for (Target t : listed) {
            exact.putIfAbsent(t.id().toLowerCase(Locale.ROOT), t);
        }
        // a model's plain name first, so gpt-4o rather than its listed snapshot gpt-4o-2024-05-13
        // stands for "gpt-4o" and for the gpt-4o family
        List<Target> plainFirst = new ArrayList<>(listed);
        plainFirst.sort(Comparator.comparing(t -> !ModelIds.base(t.vendor(), t.model())
                .equals(t.model().toLowerCase(Locale.ROOT))));
        for (Target t : plainFirst) {
            String vendor = t.vendor().toLowerCase(Locale.ROOT);
            String base = ModelIds.base(vendor, t.model());
            if (byBase.putIfAbsent(vendor + ":" + base, t) != null) {
                continue; // a snapshot of a listed model: found by its exact id only
            }
            families.computeIfAbsent(vendor, v -> new ArrayList<>()).add(new Named(base, ModelIds.parts(base), t));
            cautious.merge(vendor, t, (a, b) -> preferredFallback(b, a) ? b : a);
        }
        this.exact = exact;
        this.byBase = byBase;
        this.families = families;
        this.cautious = cautious;
    }

    /** Whether {@code a} is the better model to borrow from than {@code b} when nothing matches. */
    private static boolean preferredFallback(Target a, Target b) {
        boolean fullA = takesToolsAndSystem(a);
        if (fullA != takesToolsAndSystem(b)) {
            return fullA;
        }
        return moreCautious(a, b);
    }

    private static boolean takesToolsAndSystem(Target t) {
        return t.facts().tools() && !"user".equals(t.facts().systemRole());
    }

    /** Whether {@code a} has smaller limits than {@code b} (ties keep the one listed first). */
    private static boolean moreCautious(Target a, Target b) {
        if (a.facts().contextWindow() != b.facts().contextWindow()) {
            return a.facts().contextWindow() < b.facts().contextWindow();
        }
        return a.facts().maxOutput() < b.facts().maxOutput();
    }

    /** The listed models, as listed. */
    Collection<Target> listed() {
        return exact.values();
    }

    /**
     * The target {@code spec} ({@code vendor:model}) resolves to, or {@code null} when the
     * vendor is unknown. A listed id costs one lookup, as it did before unlisted ids resolved.
     */
    Target resolve(String spec) {
        Target t = exact.get(spec.toLowerCase(Locale.ROOT));
        int colon = spec.indexOf(':');
        if (t != null) {
            // the request names the model as the user wrote it, whatever the list's case
            return spec.startsWith(t.model(), colon + 1) ? t : new Target(t.vendor(), spec.substring(colon + 1), t.facts());
        }
        String v = spec.substring(0, colon).toLowerCase(Locale.ROOT);
        String model = spec.substring(colon + 1);
        List<Named> family = families.get(v);
        if (family == null) {
            return null;
        }
        String base = ModelIds.base(v, model);
        Target same = byBase.get(v + ":" + base);
        if (same != null) {
            return new Target(same.vendor(), model, same.facts());
        }
        Named relative = relative(ModelIds.parts(base), family);
        if (relative != null) {
            return new Target(relative.target().vendor(), model, relative.target().facts(), relative.target().id());
        }
        Target c = cautious.get(v);
        return new Target(c.vendor(), model, c.facts(), c.id());
    }

    /** The listed model of the id's line nearest to it (see the class comment), or null. */
    private static Named relative(String[] id, List<Named> family) {
        Named best = null;
        int bestCommon = 0;
        for (Named n : family) {
            if (!ModelIds.related(id, n.parts())) {
                continue;
            }
            int c = ModelIds.common(id, n.parts());
            if (best == null || c > bestCommon || c == bestCommon && nearer(id, c, n.parts(), best.parts())) {
                best = n;
                bestCommon = c;
            }
        }
        return best;
    }

    /** Whether {@code a} is nearer the id than {@code b}, both sharing its first {@code c} parts. */
    private static boolean nearer(String[] id, int c, String[] a, String[] b) {
        int want = ModelIds.number(id, c);
        int na = ModelIds.number(a, c);
        int nb = ModelIds.number(b, c);
        if (want >= 0 && c < id.length && (na >= 0 || nb >= 0)) {
            // a version: the nearest one not above it, else the lowest above it
            if (na < 0 || nb < 0) {
                return na >= 0;
            }
            if (na != nb) {
                boolean aBelow = na <= want;
                boolean bBelow = nb <= want;
                return aBelow != bBelow ? aBelow : aBelow ? na > nb : na < nb;
            }
            return a.length < b.length;
        }
        // a word, or nothing more: the line's own model first, then the most words in common
        if ((a.length == c) != (b.length == c)) {
            return a.length == c;
        }
        int sa = shared(id, a);
        int sb = shared(id, b);
        return sa != sb ? sa > sb : a.length < b.length;
    }

    /** How many of the id's parts the listed name has anywhere. */
    private static int shared(String[] id, String[] listed) {
        int n = 0;
        for (String p : id) {
            for (String q : listed) {
                if (p.equals(q)) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }
}
