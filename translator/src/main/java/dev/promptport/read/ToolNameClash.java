package dev.promptport.read;

import dev.promptport.PromptPortException;
import dev.promptport.tree.Tool;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A call names the tool it calls, so two tools of one name leave a call that could mean either.
 * Claude refuses such a request ("tools: Tool names must be unique.", anthropics/claude-code#10687),
 * Gemini too ("Duplicate function declaration found", owndev/Open-WebUI-Functions#135), and so do
 * OpenAI-compatible servers such as DeepSeek (router-for-me/CLIProxyAPI#4788). The readers refuse
 * it with both places, so the caller can see which copy to rename or remove. Only the caller's
 * function tools are compared: a function named as a vendor's own tool ({@code web_search} beside
 * Claude's web search, which clients send to gateways such as Ollama's) is one every writer
 * already tells apart or names, as hosted tools have no function name on most targets.
 */
final class ToolNameClash {

    /** Up to this many tools, comparing each pair costs less than filling a map. */
    private static final int PAIRWISE = 16;

    private ToolNameClash() {
    }

    /** @throws PromptPortException at the second of the first two function tools that share a name */
    static void requireDistinct(List<Tool> tools) {
        int n = tools.size();
        if (n < 2) {
            return;
        }
        if (n <= PAIRWISE) {
            for (int i = 1; i < n; i++) {
                Tool later = tools.get(i);
                if (counts(later)) {
                    for (int j = 0; j < i; j++) {
                        Tool earlier = tools.get(j);
                        if (counts(earlier) && earlier.name().equals(later.name())) {
                            throw clash(earlier, later);
                        }
                    }
                }
            }
            return;
        }
        Map<String, Tool> seen = new HashMap<>(n * 2);
        for (Tool t : tools) {
            if (counts(t)) {
                Tool earlier = seen.putIfAbsent(t.name(), t);
                if (earlier != null) {
                    throw clash(earlier, t);
                }
            }
        }
    }

    private static boolean counts(Tool t) {
        return t instanceof Tool.Function && t.name() != null;
    }

    private static PromptPortException clash(Tool earlier, Tool later) {
        return new PromptPortException("two tools are named \"" + later.name() + "\" (at " + earlier.loc().pointer()
                + " and " + later.loc().pointer() + "): a tool call names the tool it calls, so Claude, Gemini and"
                + " other APIs refuse a request whose tool names repeat; rename one of them or remove the copy",
                later.loc());
    }
}
