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

    public static String write(Conversation c, Target target, PromptFileFormat flavor) {
        if (flavor == PromptFileFormat.PROMPT_YAML) {
            return promptYaml(c, target);
        }
        ObjectNode meta = YAML.createObjectNode();
        Generation g = c.generation();
        Extra promptyV2 = flavor == PromptFileFormat.PROMPTY ? promptyV2Model(c) : null;
        if (promptyV2 != null) {
            promptyV2(meta, tree(promptyV2), target, g);
        } else if (flavor == PromptFileFormat.PROMPTY) {
            ObjectNode model = meta.putObject("model");
            model.put("api", "chat");
            ObjectNode conf = model.putObject("configuration");
            conf.put("type", target.vendor().equals("azure") ? "azure_openai" : target.vendor());
            conf.put(target.vendor().equals("azure") ? "azure_deployment" : "name", target.model());
            ObjectNode p = model.putObject("parameters");
            putIfSet(p, "max_tokens", g.maxTokens());
            putIfSet(p, "temperature", g.temperature());
            putIfSet(p, "top_p", g.topP());
            putIfSet(p, "top_k", g.topK());
            if (g.stop() != null) {
                g.stop().forEach(p.withArray("stop")::add);
            }
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
            if (e != promptyV2) {
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
            String role = t.role() == Role.USER ? "user" : prompty ? "assistant" : "model";
            // Prompty sets a role line off by a blank line; a text that already ends in one keeps just that
            boolean blank = out.length() > 1 && out.charAt(out.length() - 2) == '\n';
            out.append(prompty ? (blank ? "" : "\n") + role + ":\n" : "{{role \"" + role + "\"}}\n").append(text);
        }
        if (out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
        return out.toString();
    }

    /** The {@code model} key of a Prompty 2 file, which its reader keeps as it came. */
    private static Extra promptyV2Model(Conversation c) {
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
    private static void promptyV2(ObjectNode meta, JsonNode was, Target target, Generation g) {
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
        }
        ObjectNode options = was.path("options").isObject() ? ((ObjectNode) was.get("options")).deepCopy()
                : YAML.createObjectNode();
        options.remove(java.util.List.of("maxOutputTokens", "max_tokens", "temperature", "topP", "top_p", "topK",
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
                messages.addObject().put("role", t.role() == Role.USER ? "user" : "assistant").put("content", text);
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
