package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptport.ModelFacts;
import dev.promptport.Target;
import dev.promptport.read.AnthropicRequestReader;
import dev.promptport.rules.Pipeline;
import dev.promptport.rules.RuleSet;
import dev.promptport.rules.StepContext;
import dev.promptport.rules.Style;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Generation;
import dev.promptport.tree.Loc;
import dev.promptport.tree.Part;
import dev.promptport.tree.SourceKind;
import dev.promptport.tree.Tool;
import dev.promptport.tree.ToolChoice;
import dev.promptport.tree.Turn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The Gemini writer tests' targets, and their ways to translate a request and read the body. */
final class GeminiWrites {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** gemini-2.5-pro as rules/targets.yaml lists it: thinking budget 128..32768, cannot turn it off. */
    static final Target PRO = new Target("gemini", "gemini-2.5-pro", new ModelFacts("gemini", 1048576, 65536,
            "system", "budget", List.of(), "maxOutputTokens", true, true, true, true, 5, Set.of(), "markdown", 128,
            "estimate", Set.of("web_search", "web_fetch", "code_execution"), false, 128, 32768));

    /** gemini-2.5-flash: thinking budget 0..24576 (0 turns thinking off). */
    static final Target FLASH = new Target("gemini", "gemini-2.5-flash", new ModelFacts("gemini", 1048576, 65536,
            "system", "budget", List.of(), "maxOutputTokens", true, true, true, true, 5, Set.of(), "markdown", 128,
            "estimate", Set.of("web_search", "web_fetch", "code_execution"), false, 0, 24576));

    /** gemini-2.0-flash: no thinking, schemas only in the OpenAPI subset. */
    static final Target FLASH_20 = new Target("gemini", "gemini-2.0-flash", new ModelFacts("gemini", 1048576, 8192,
            "system", "none", List.of(), "maxOutputTokens", true, true, true, true, 5, Set.of("json_schema"), "markdown", 128,
            "estimate", Set.of("web_search", "code_execution"), false, 0, 0));

    /** A tool and a reply schema with objects that list no properties (a map, any object, a list of objects). */
    static final String OPEN_OBJECTS = request("[{\"role\":\"user\",\"content\":\"GET it\"}]",
            "\"tools\":[{\"name\":\"http_request\",\"description\":\"Send an HTTP request\",\"input_schema\":"
            + "{\"type\":\"object\",\"properties\":{\"url\":{\"type\":\"string\"},"
            + "\"headers\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}},"
            + "\"body\":{\"type\":\"object\"}},\"required\":[\"url\"]}}],"
            + "\"output_config\":{\"format\":{\"type\":\"json_schema\",\"schema\":{\"type\":\"object\","
            + "\"properties\":{\"items\":{\"type\":\"array\",\"items\":{\"type\":\"object\"}}},"
            + "\"required\":[\"items\"],\"additionalProperties\":false}}}");

    private GeminiWrites() {
    }

    static Conversation fit(String anthropicJson, Target target) {
        Conversation c = AnthropicRequestReader.read(anthropicJson);
        return Pipeline.run(c, new StepContext(target, RuleSet.builtIn(), Style.AUTO));
    }

    static String translate(String anthropicJson, Target target) {
        return GeminiWriter.write(fit(anthropicJson, target), target, true);
    }

    static JsonNode body(String anthropicJson, Target target) {
        return tree(translate(anthropicJson, target));
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path corpus() {
        return Path.of(System.getProperty("promptport.root", "..")).resolve("corpus");
    }

    static String corpusInput(String name) {
        try {
            return Files.readString(corpus().resolve(name).resolve("input.json"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String request(String messages, String extra) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1000," + (extra.isEmpty() ? "" : extra + ",")
                + "\"messages\":" + messages + "}";
    }

    static Part.Text text(String s) {
        return new Part.Text(s, null, null, Loc.NONE);
    }

    static Conversation conversation(List<Turn> turns, List<Tool> tools, ToolChoice choice) {
        return new Conversation(SourceKind.REQUEST, "m", List.of(), turns, tools, choice, Generation.NONE, null, List.of());
    }

    static List<String> texts(JsonNode parts) {
        List<String> out = new ArrayList<>();
        parts.forEach(p -> {
            if (p.has("text")) {
                out.add(p.path("text").asText());
            }
        });
        return out;
    }

    /** The values of every part field {@code kind} in the contents, in order. */
    static List<JsonNode> find(JsonNode body, String kind) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode content : body.path("contents")) {
            for (JsonNode part : content.path("parts")) {
                if (part.has(kind)) {
                    out.add(part.get(kind));
                }
            }
        }
        return out;
    }
}
