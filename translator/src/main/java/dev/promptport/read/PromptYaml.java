package dev.promptport.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.promptport.Limits;
import dev.promptport.PromptPortException;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Extra;
import dev.promptport.tree.Generation;
import dev.promptport.tree.Loc;
import dev.promptport.tree.Part;
import dev.promptport.tree.RawJson;
import dev.promptport.tree.Role;
import dev.promptport.tree.SourceKind;
import dev.promptport.tree.Turn;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * GitHub Models prompt files ({@code .prompt.yml}, {@code .prompt.yaml}): one YAML object with
 * {@code model}, {@code modelParameters} and a {@code messages} list of {@code role} and
 * {@code content}. The settings become generation options; {@code name}, {@code description},
 * {@code testData}, {@code evaluators} and any other key are kept as extras for the writer.
 */
public final class PromptYaml {

    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final ObjectMapper YAML = new ObjectMapper(FACTORY);

    private PromptYaml() {
    }

    /** Whether a file name is such a prompt file. */
    public static boolean isPromptYaml(String fileName) {
        String n = fileName.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".prompt.yml") || n.endsWith(".prompt.yaml");
    }

    /**
     * What is wrong, in the parser's own words: SnakeYAML writes what it was reading and what
     * it found on lines of their own, each followed by indented lines that quote the input with
     * a caret under the place, which the location already points at.
     */
    static String problem(com.fasterxml.jackson.core.JsonProcessingException e) {
        StringBuilder b = new StringBuilder();
        for (String line : String.valueOf(e.getOriginalMessage()).split("\n")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                b.append(b.length() == 0 ? "" : "; ").append(line.strip());
            }
        }
        return b.toString();
    }

    /** Where the parser stopped, {@code linesBefore} lines into the file. */
    static Loc where(com.fasterxml.jackson.core.JsonProcessingException e, int linesBefore) {
        if (e.getLocation() == null) {
            return Loc.position(linesBefore + 1, 1);
        }
        return Loc.position(linesBefore + Math.max(1, e.getLocation().getLineNr()), Math.max(1, e.getLocation().getColumnNr()));
    }

    /**
     * @throws PromptPortException when the text is not such a file, with the line of the problem
     */
    public static Conversation read(String text, Limits limits) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new PromptPortException("not valid YAML: " + problem(e), where(e, 0));
        }
        if (root == null || !root.isObject()) {
            throw new PromptPortException("a .prompt.yml file holds one YAML object with a \"messages\" list",
                    Loc.position(1, 1));
        }
        JsonNode messages = root.get("messages");
        if (messages == null || !messages.isArray()) {
            throw new PromptPortException("the prompt file has no \"messages\" list", Loc.position(1, 1));
        }
        List<Integer> lines = contentLines(text);
        List<Part> system = new ArrayList<>();
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            Loc at = Loc.position(i < lines.size() ? lines.get(i) : 1, 1);
            String role = m.path("role").asText("");
            JsonNode content = m.get("content");
            if (content == null || !content.isTextual()) {
                throw new PromptPortException("message " + (i + 1) + " has no text \"content\"", at);
            }
            String body = content.asText();
            Part.Text part = new Part.Text(body, TagScanner.mayContainTags(body) ? TagScanner.scan(body, limits, at) : null,
                    null, at);
            switch (role) {
                case "system", "developer" -> system.add(part);
                case "user" -> turns.add(new Turn(Role.USER, List.of(part), at));
                case "assistant" -> turns.add(new Turn(Role.ASSISTANT, List.of(part), at));
                default -> throw new PromptPortException("message " + (i + 1) + " has the role \"" + role
                        + "\" (expected system, user or assistant)", at);
            }
        }
        List<Extra> extras = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("model") && !e.getKey().equals("messages") && !e.getKey().equals("modelParameters")) {
                extras.add(new Extra(e.getKey(), new RawJson(e.getValue().toString()), Loc.position(1, 1)));
            }
        }
        JsonNode p = root.path("modelParameters");
        Integer limit = OutputLimit.promptFileOnce(p,
                FrontMatterPrompt.limitAt(text, dev.promptport.tree.PromptFileFormat.PROMPT_YAML), "max_tokens",
                "max_completion_tokens");
        Generation gen = new Generation(limit,
                number(p.path("temperature")), number(p.path("top_p")), null, FrontMatterPrompt.stopList(p.get("stop")), null, null, null);
        String model = root.path("model").asText(null);
        return new Conversation(SourceKind.PROMPT_FILE, model, system, turns, List.of(), null, gen, null, extras);
    }

    private static Double number(JsonNode n) {
        return n.isNumber() ? Double.valueOf(n.asDouble()) : null;
    }

    /**
     * The line where each message's text starts, in order: where its {@code content} value
     * stands, or the line after a {@code |} or {@code >} block indicator, whose text starts below.
     */
    private static List<Integer> contentLines(String text) {
        List<Integer> lines = new ArrayList<>();
        String[] source = text.split("\n", -1);
        try (JsonParser p = FACTORY.createParser(text)) {
            int depth = 0;
            boolean inMessages = false;
            int messagesDepth = -1;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                    if (inMessages && depth < messagesDepth) {
                        inMessages = false;
                    }
                } else if (t == JsonToken.FIELD_NAME && depth == 1 && "messages".equals(p.currentName())) {
                    inMessages = true;
                    messagesDepth = 2;
                } else if (t == JsonToken.FIELD_NAME && inMessages && depth == 3 && "content".equals(p.currentName())) {
                    p.nextToken();
                    int line = p.currentTokenLocation().getLineNr();
                    int column = p.currentTokenLocation().getColumnNr();
                    String l = line - 1 < source.length ? source[line - 1] : "";
                    char first = column - 1 < l.length() && column >= 1 ? l.charAt(column - 1) : ' ';
                    lines.add(first == '|' || first == '>' ? line + 1 : line);
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            // the tree above read the same text; a position is a nicety, never a reason to fail
        }
        return lines;
    }
}
