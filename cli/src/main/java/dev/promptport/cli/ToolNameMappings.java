package dev.promptport.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --tool-name SENT=ORIGINAL} values of {@code reply}: the name a tool was sent to the
 * vendor under, and its own. A name left empty would put a tool call with no name in the reply,
 * which Claude's clients cannot route, so each part must be there, and each sent name map once.
 */
final class ToolNameMappings {

    private ToolNameMappings() {
    }

    /** @throws IllegalArgumentException with a one-line message saying what to give */
    static Map<String, String> parse(List<String> values) {
        Map<String, String> byName = new LinkedHashMap<>();
        if (values == null) {
            return byName;
        }
        for (String v : values) {
            int eq = v.indexOf('=');
            if (eq < 0 || eq != v.lastIndexOf('=')) {
                throw new IllegalArgumentException("--tool-name '" + v + "' is not SENT=ORIGINAL with one '=': give the"
                        + " name the vendor was sent, '=', and the tool's own name, e.g. order_lookup=order.lookup");
            }
            String sent = v.substring(0, eq);
            String original = v.substring(eq + 1);
            if (sent.isBlank() || original.isBlank()) {
                throw new IllegalArgumentException("--tool-name '" + v + "' leaves the " + (sent.isBlank() ? "SENT" : "ORIGINAL")
                        + " name empty; give both, e.g. order_lookup=order.lookup");
            }
            String before = byName.putIfAbsent(sent, original);
            if (before != null && !before.equals(original)) {
                throw new IllegalArgumentException("--tool-name maps '" + sent + "' twice, to '" + before + "' and to '"
                        + original + "'; give one ORIGINAL for each SENT name");
            }
        }
        return byName;
    }
}
