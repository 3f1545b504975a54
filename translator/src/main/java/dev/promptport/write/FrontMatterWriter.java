package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.promptport.Target;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Extra;
import dev.promptport.tree.Generation;
import dev.promptport.tree.PromptFileFormat;
import dev.promptport.tree.Role;
import dev.promptport.tree.Turn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a Dotprompt or Prompty file back for a new target: the front matter names the new
 * model and its settings in that format's words; keys promptport does not use are kept.
 */
public final class FrontMatterWriter {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Multi-line message texts as {@code |} blocks, which read as the prompt they are. */
    private static final ObjectMapper LITERAL_YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE));

    private FrontMatterWriter() {
    }

    /**
     * A file written back, and the connection settings it left out.
     *
     * @param leftOut the settings of the file's connection that do not apply to the new one
     */
    public record Written(String text, List<LeftOut> leftOut) {
        public Written {
            leftOut = List.copyOf(leftOut);
        }
    }

    /**
     * A connection setting not written back: its dotted name in the file, the connection it
     * belonged to ({@code azure_openai}, a Prompty 2 provider, or {@code null} when the file did
     * not say) and the one written for the target.
     */
    public record LeftOut(String name, String was, String now) {
    }

    public static Written write(Conversation c, Target target, PromptFileFormat flavor) {
        if (flavor == PromptFileFormat.PROMPT_YAML) {
            return new Written(promptYaml(c, target), List.of());
        }
        ObjectNode meta = YAML.createObjectNode();
        Generation g = c.generation();
        List<LeftOut> leftOut = new ArrayList<>();
        Extra model = flavor == PromptFileFormat.PROMPTY ? promptyModel(c) : null;
        if (model != null && PromptFileFormat.promptyV2Model(tree(model))) {
            promptyV2(meta, tree(model), target, g, leftOut);
        } else if (flavor == PromptFileFormat.PROMPTY) {
            promptyV1(meta, model == null ? YAML.createObjectNode() : tree(model), target, g, leftOut);
        } else {
            meta.put("model", (target.vendor().equals("gemini") ? "googleai" : target.vendor()) + "/" + target.model());
            ObjectNode config = meta.putObject("config");
            putIfSet(config, "maxOutputTokens", g.maxTokens());
            putIfSet(config, "temperature", g.temperature());
            putIfSet(config, "topP", g.topP());
            putIfSet(config, "topK", g.topK());
            if (g.stop() != null) {
                g.stop().forEach(config.withArray("stopSequences")::add);
            }
        }
        for (Extra e : c.extras()) {
            if (e != model) {
                meta.set(e.name(), tree(e));
            }
        }
        StringBuilder out = new StringBuilder("---\n");
        try {
            out.append(YAML.writeValueAsString(meta));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.append("---\n");
        String system = Texts.join(c.system(), "\n\n");
        boolean prompty = flavor == PromptFileFormat.PROMPTY;
        if (system != null) {
            out.append(prompty ? "system:\n" : "{{role \"system\"}}\n").append(system);
        }
        for (Turn t : c.turns()) {
            String text = Texts.join(t.parts(), "\n\n");
            if (text == null) {
                continue;
            }
            if (out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
            String role = t.role() == Role.USER ? "user" : t.role() == Role.SYSTEM ? "system" : prompty ? "assistant" : "model";
            // Prompty sets a role line off by a blank line; a text that already ends in one keeps just that
            boolean blank = out.length() > 1 && out.charAt(out.length() - 2) == '\n';
            out.append(prompty ? (blank ? "" : "\n") + role + ":\n" : "{{role \"" + role + "\"}}\n").append(text);
        }
        if (out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
        return new Written(out.toString(), leftOut);
    }

    /** The {@code model} key of a Prompty file, which its reader keeps as it came. */
    private static Extra promptyModel(Conversation c) {
        for (Extra e : c.extras()) {
            if (e.name().equals("model")) {
                return e;
            }
        }
        return null;
    }

    /**
     * Prompty 2's model: the new {@code id} and {@code provider}, the settings in
     * {@code options} by their camelCase names; options promptport does not use stay, and the
     * connection stays while the provider does.
     */
    private static void promptyV2(ObjectNode meta, JsonNode was, Target target, Generation g, List<LeftOut> leftOut) {
        ObjectNode model = meta.putObject("model");
        String vendor = target.vendor();
        String provider = vendor.equals("azure") ? "foundry" : vendor.equals("openai-responses") ? "openai" : vendor;
        model.put("id", target.model());
        model.put("provider", provider);
        String apiType = was.path("apiType").asText(null);
        if (vendor.equals("openai-responses")) {
            model.put("apiType", "responses");
        } else if (apiType != null) {
            model.put("apiType", apiType.equals("responses") && !vendor.equals("openai") && !vendor.equals("azure")
                    ? "chat" : apiType);
        }
        if (was.has("connection") && provider.equals(was.path("provider").asText(null))) {
            model.set("connection", was.get("connection"));
        } else if (was.has("connection")) {
            leftOut.add(new LeftOut("model.connection", was.path("provider").asText(null), provider));
        }
        ObjectNode options = was.path("options").isObject() ? ((ObjectNode) was.get("options")).deepCopy()
                : YAML.createObjectNode();
        options.remove(List.of("maxOutputTokens", "max_tokens", "temperature", "topP", "top_p", "topK",
                "top_k", "stopSequences", "stop"));
        putIfSet(options, "maxOutputTokens", g.maxTokens());
        putIfSet(options, "temperature", g.temperature());
        putIfSet(options, "topP", g.topP());
        putIfSet(options, "topK", g.topK());
        if (g.stop() != null) {
            g.stop().forEach(options.withArray("stopSequences")::add);
        }
        if (!options.isEmpty()) {
            model.set("options", options);
        }
    }

    /** The keys of Prompty 1's configuration that name the model, which the target's model replaces. */
    private static final Set<String> MODEL_KEYS = Set.of("type", "name", "azure_deployment", "model");

    /**
     * Prompty 1's model: a configuration for the target's connection, which keeps the old
     * connection's settings (endpoint, API version, key) when it is the same kind and leaves
     * them out otherwise; the settings in {@code parameters} by their snake_case names; and
     * the model's other keys ({@code response}) as they came.
     */
    private static void promptyV1(ObjectNode meta, JsonNode was, Target target, Generation g, List<LeftOut> leftOut) {
        ObjectNode model = meta.putObject("model");
        model.put("api", "chat");
        ObjectNode conf = model.putObject("configuration");
        String type = switch (target.vendor()) {
            case "azure" -> "azure_openai";
            case "openai-responses" -> "openai";
            default -> target.vendor();
        };
        conf.put("type", type);
        conf.put(type.equals("azure_openai") ? "azure_deployment" : "name", target.model());
        JsonNode wasConf = was.path("configuration");
        String wasType = connectionType(wasConf);
        for (Iterator<Map.Entry<String, JsonNode>> it = wasConf.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (MODEL_KEYS.contains(e.getKey())) {
                continue;
            }
            if (type.equals(wasType)) {
                conf.set(e.getKey(), e.getValue());
            } else {
                leftOut.add(new LeftOut("model.configuration." + e.getKey(), wasType, type));
            }
        }
        ObjectNode p = model.putObject("parameters");
        putIfSet(p, "max_tokens", g.maxTokens());
        putIfSet(p, "temperature", g.temperature());
        putIfSet(p, "top_p", g.topP());
        putIfSet(p, "top_k", g.topK());
        if (g.stop() != null) {
            g.stop().forEach(p.withArray("stop")::add);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = was.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!model.has(e.getKey())) {
                model.set(e.getKey(), e.getValue());
            }
        }
    }

    /**
     * The kind of connection a Prompty 1 configuration is for: its {@code type}, or Azure OpenAI
     * when it has Azure's keys without one; {@code null} when it does not say.
     */
    private static String connectionType(JsonNode conf) {
        if (conf.path("type").isTextual()) {
            return conf.get("type").asText();
        }
        for (Iterator<String> it = conf.fieldNames(); it.hasNext(); ) {
            if (it.next().startsWith("azure_")) {
                return "azure_openai";
            }
        }
        return null;
    }

    /**
     * A GitHub Models prompt file: its name and description first, as GitHub's examples have
     * them, then the model in GitHub's {@code publisher/model} form, its parameters, the
     * messages, and the other keys (test data, evaluators) as they came.
     */
    private static String promptYaml(Conversation c, Target target) {
        ObjectNode file = YAML.createObjectNode();
        for (Extra e : c.extras()) {
            if (e.name().equals("name") || e.name().equals("description")) {
                file.set(e.name(), tree(e));
            }
        }
        file.put("model", target.vendor() + "/" + target.model());
        Generation g = c.generation();
        ObjectNode p = YAML.createObjectNode();
        putIfSet(p, "max_tokens", g.maxTokens());
        putIfSet(p, "temperature", g.temperature());
        putIfSet(p, "top_p", g.topP());
        if (g.stop() != null) {
            g.stop().forEach(p.withArray("stop")::add);
        }
        if (!p.isEmpty()) {
            file.set("modelParameters", p);
        }
        var messages = file.putArray("messages");
        String system = Texts.join(c.system(), "\n\n");
        if (system != null) {
            messages.addObject().put("role", "system").put("content", system);
        }
        for (Turn t : c.turns()) {
            String text = Texts.join(t.parts(), "\n\n");
            if (text != null) {
                messages.addObject().put("role", t.role() == Role.USER ? "user" : t.role() == Role.SYSTEM ? "system" : "assistant")
                        .put("content", text);
            }
        }
        for (Extra e : c.extras()) {
            if (!e.name().equals("name") && !e.name().equals("description")) {
                file.set(e.name(), tree(e));
            }
        }
        try {
            return LITERAL_YAML.writeValueAsString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(Extra e) {
        try {
            return JSON.readTree(e.value().json());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void putIfSet(ObjectNode n, String key, Number v) {
        if (v instanceof Integer i) {
            n.put(key, i);
        } else if (v instanceof Double d) {
            n.put(key, d);
        }
    }
}
