package dev.promptport.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The free-form text of a call to an OpenAI custom tool, which the tree holds as the one string
 * field, {@code input}, of the function tool the custom tool was read as. Read only for calls to
 * custom tools, which are rare.
 */
final class CustomToolInput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CustomToolInput() {
    }

    /** The call's text; arguments of another shape (a model that ignored the schema) as their JSON text. */
    static String text(String arguments) {
        try {
            JsonNode input = JSON.readTree(arguments).get("input");
            if (input != null && input.isTextual()) {
                return input.asText();
            }
        } catch (JsonProcessingException e) {
            // not JSON: the text as it is
        }
        return arguments;
    }
}
