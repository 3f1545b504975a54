package dev.promptport.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.tree.Loc;

import java.util.ArrayList;
import java.util.List;

/**
 * The items of a Gemini request's list field. Google's JSON reader takes one value where a list
 * is due, and its own examples write {@code "contents": {"role": "user", "parts": {"text": …}}};
 * such a value is a list of one, found at the field itself.
 */
final class GeminiLists {

    record Item(JsonNode node, Loc at) {
    }

    private GeminiLists() {
    }

    /** {@code list}'s items where {@code at} is the list's place; none for a missing or null list. */
    static List<Item> items(JsonNode list, Loc at) {
        if (list == null || list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            return List.of(new Item(list, at));
        }
        List<Item> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(new Item(list.get(i), at.child(i)));
        }
        return out;
    }
}
