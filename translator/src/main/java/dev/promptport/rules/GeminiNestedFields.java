package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Names for fields below a Gemini request's top level that the reader keeps as extras, so
 * {@link ForeignSettings} can say what each one's loss means: {@code /tools/0/googleMaps} is
 * {@code tools.google_maps}, {@code /contents/1/parts/0/functionCall/willContinue} is
 * {@code function_call.will_continue}, and a part of the system instruction that is not text
 * is {@code system_instruction.part}.
 */
final class GeminiNestedFields {

    private GeminiNestedFields() {
    }

    /** The field's name as its parent object and its own key, in snake case; null when it is not nested. */
    static String name(String[] parts) {
        int last = parts.length - 1;
        if (last < 1) {
            return null;
        }
        if (numeric(parts[last])) {
            // a part of the system instruction that is not text, kept whole
            String top = ForeignSettings.snake(parts[0]);
            return top.equals("system_instruction") && parts[1].equals("parts") ? "system_instruction.part" : null;
        }
        for (int i = last - 1; i >= 0; i--) {
            if (!numeric(parts[i])) {
                return ForeignSettings.snake(parts[i]) + "." + ForeignSettings.snake(parts[last]);
            }
        }
        return null;
    }

    /**
     * What a part of the system instruction that is not text held ({@code inlineData} of
     * {@code image/png}), from the part as written.
     */
    static String systemPart(String kind, String partJson) {
        JsonNode part = RawTrees.parse(partJson);
        JsonNode data = part == null ? null : part.path(kind);
        String type = data == null ? "" : data.path("mimeType").asText(data.path("mime_type").asText(""));
        String uri = data == null ? "" : data.path("fileUri").asText(data.path("file_uri").asText(""));
        String what = switch (kind) {
            case "inlineData", "inline_data" -> "inline " + (type.isEmpty() ? "data" : type + " data");
            case "fileData", "file_data" -> (type.isEmpty() ? "file" : type + " file")
                    + (uri.isEmpty() ? "" : " " + Snippets.abbreviate(uri, 120));
            default -> "\"" + kind + "\" part";
        };
        return what;
    }

    private static boolean numeric(String token) {
        return !token.isEmpty() && token.chars().allMatch(Character::isDigit);
    }
}
