package dev.promptport.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.tree.Extra;
import dev.promptport.tree.Loc;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys the reader reads in each kind of object below a Gemini request's top level, in
 * both spellings. Any other key is kept as an {@link Extra} at its pointer, so its loss is
 * named rather than silent; a key under both its names is refused ({@link GeminiFields#requireOneSpelling}).
 */
final class GeminiKeys {

    static final Set<String> CONTENT = both("role", "parts");
    /** {@code mediaResolution} is a setting of the part's own, read as a setting. */
    static final Set<String> PART = both("text", "thought", "thoughtSignature", "inlineData", "fileData",
            "functionCall", "functionResponse", "executableCode", "codeExecutionResult", "mediaResolution");
    static final Set<String> FUNCTION_CALL = both("id", "name", "args");
    static final Set<String> FUNCTION_RESPONSE = both("id", "name", "response", "parts");
    static final Set<String> RESPONSE_PART = both("inlineData", "fileData");
    static final Set<String> TOOL = both("functionDeclarations", "googleSearch", "googleSearchRetrieval", "urlContext",
            "codeExecution");
    static final Set<String> DECLARATION = both("name", "description", "parameters", "parametersJsonSchema");
    static final Set<String> TOOL_CONFIG = both("functionCallingConfig");
    static final Set<String> CALLING_CONFIG = both("mode", "allowedFunctionNames");

    private GeminiKeys() {
    }

    /** Adds to {@code out} each key of {@code n} not in {@code known}, at its pointer below {@code at}. */
    static void unknown(JsonNode n, Set<String> known, Loc at, List<Extra> out) {
        GeminiFields.requireOneSpelling(n, at);
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!known.contains(e.getKey())) {
                out.add(new Extra(e.getKey(), JsonTreeReader.raw(e.getValue()), at.child(e.getKey())));
            }
        }
    }

    private static Set<String> both(String... camel) {
        Set<String> keys = new HashSet<>();
        for (String k : camel) {
            keys.add(k);
            keys.add(GeminiFields.snake(k));
        }
        return Set.copyOf(keys);
    }
}
