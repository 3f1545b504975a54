package dev.promptport.read;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Gemini's function calls and responses need not carry ids; a response then answers a call by
 * name. Calls of one name are answered in the order they were made, as Gemini's parallel calls
 * are, so each response pairs with the earliest call of its name still unanswered: Claude and
 * OpenAI refuse a call left unanswered and a second result for one call.
 */
final class UnansweredCalls {

    private final Map<String, Deque<String>> byName = new HashMap<>();

    /** A call made under {@code id}. */
    void called(String name, String id) {
        byName.computeIfAbsent(name, n -> new ArrayDeque<>()).add(id);
    }

    /** The id of the earliest unanswered call named {@code name}, now answered; the name itself when none is left. */
    String answer(String name) {
        Deque<String> waiting = byName.get(name);
        return waiting == null || waiting.isEmpty() ? name : waiting.poll();
    }

    /** A response that names its call's id: that call is answered, so a later response without id skips it. */
    String answered(String name, String id) {
        Deque<String> waiting = byName.get(name);
        if (waiting != null) {
            waiting.remove(id);
        }
        return id;
    }
}
