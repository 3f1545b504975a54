package dev.promptport.write;

import dev.promptport.tree.Part;
import dev.promptport.tree.Role;
import dev.promptport.tree.Turn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Where Gemini wants a user run's function responses: in the order of the calls they answer. */
final class CallOrder {

    private CallOrder() {
    }

    /**
     * The function responses of the user run [from, to) in the order of the calls they answer
     * in the model turns just before: Claude's clients send results in the order the calls
     * finished, and Gemini behind Google's Antigravity refuses responses out of their calls'
     * order ("functionResponse.id does not match functionCall.id", router-for-me/CLIProxyAPI
     * #5199). A result whose call is not there keeps its place after those whose calls are.
     */
    static List<Part.ToolResult> results(List<Turn> turns, int from, int to) {
        List<Part.ToolResult> results = new ArrayList<>();
        for (int k = from; k < to; k++) {
            for (Part p : turns.get(k).parts()) {
                if (p instanceof Part.ToolResult r) {
                    results.add(r);
                }
            }
        }
        if (results.size() < 2) {
            return results;
        }
        int model = from;
        while (model > 0 && turns.get(model - 1).role() == Role.ASSISTANT) {
            model--;
        }
        List<String> calls = new ArrayList<>();
        for (int k = model; k < from; k++) {
            for (Part p : turns.get(k).parts()) {
                if (p instanceof Part.ToolCall c) {
                    calls.add(c.id());
                }
            }
        }
        if (!calls.isEmpty()) {
            results.sort(Comparator.comparingInt(r -> {
                int at = r.callId() == null ? -1 : calls.indexOf(r.callId());
                return at < 0 ? Integer.MAX_VALUE : at;
            }));
        }
        return results;
    }
}
