package dev.promptport.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * The entries of a Responses request's {@code include} that the request carried, so the writer
 * can add its own beside them without writing one twice. Read only when a request has one.
 */
final class ResponsesInclude {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResponsesInclude() {
    }

    static List<String> entries(String json) {
        JsonNode list;
        try {
            list = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode entry : list) {
            if (entry.isTextual() && !out.contains(entry.asText())) {
                out.add(entry.asText());
            }
        }
        return out;
    }
}
