package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;

/** What translation tests read from a {@link Translation}: its request as a tree, its findings by id. */
final class Translations {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Translations() {
    }

    static JsonNode json(Translation t) throws Exception {
        return JSON.readTree(t.json());
    }

    static List<String> ids(Translation t) {
        return t.findings().stream().map(Finding::id).toList();
    }

    /** The first finding of rule {@code id}. */
    static Finding finding(Translation t, String id) {
        return t.findings().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }
}
