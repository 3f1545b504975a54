package dev.promptport.write;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.promptport.Target;
import dev.promptport.read.FrontMatterPrompt;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Extra;
import dev.promptport.tree.Generation;
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

    private FrontMatterWriter() {
    }

    public static String write(Conversation c, Target target, FrontMatterPrompt.Flavor flavor) {
        ObjectNode meta = YAML.createObjectNode();
        Generation g = c.generation();
        if (flavor == FrontMatterPrompt.Flavor.PROMPTY) {
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
            try {
                meta.set(e.name(), JSON.readTree(e.value().json()));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
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
        boolean prompty = flavor == FrontMatterPrompt.Flavor.PROMPTY;
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
            out.append(prompty ? "\n" + role + ":\n" : "{{role \"" + role + "\"}}\n").append(text);
        }
        if (out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
        return out.toString();
    }

    private static void putIfSet(ObjectNode n, String key, Number v) {
        if (v instanceof Integer i) {
            n.put(key, i);
        } else if (v instanceof Double d) {
            n.put(key, d);
        }
    }
}
