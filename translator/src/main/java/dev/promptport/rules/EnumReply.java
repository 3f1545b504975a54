package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptport.tree.Extra;
import dev.promptport.tree.Loc;
import dev.promptport.tree.OutputFormat;
import dev.promptport.tree.RawJson;

import java.util.List;

/**
 * Gemini's enum reply ({@code responseMimeType: "text/x.enum"} with an enum schema): the reply is
 * one word of a list, as bare text. OpenAI and Claude have no such reply type, but they hold a
 * reply to a JSON schema whose root is an object; so the list goes as a reply schema of one
 * field, {@value #FIELD}, that must be one of the words. The reply then comes back as that JSON
 * object, not as the bare word: the reply translation does not unwrap it, since a caller that
 * reads the JSON gets the word without guessing.
 */
final class EnumReply {

    /** The field of the JSON reply that holds the word. */
    static final String FIELD = "value";

    /** The enum reply type and the schema beside it ({@code null} when the request has none). */
    record Asked(Extra mime, Extra schema) {

        /** Whether {@code e} is one of the settings the enum reply is made of, so nothing else names it. */
        boolean covers(Extra e) {
            String name = generationSetting(e.loc().pointer());
            return e == mime || name != null && schemaSetting(name);
        }
    }

    private EnumReply() {
    }

    /** The enum reply {@code extras} ask for, or {@code null}: cheap when there are no extras. */
    static Asked find(List<Extra> extras) {
        Extra mime = null;
        Extra schema = null;
        for (Extra e : extras) {
            String name = generationSetting(e.loc().pointer());
            if (name == null) {
                continue;
            }
            if (name.equals("response_mime_type") && e.value().json().strip().equals("\"text/x.enum\"")) {
                mime = e;
            } else if (schemaSetting(name) && schema == null) {
                schema = e;
            }
        }
        return mime == null ? null : new Asked(mime, schema);
    }

    private static boolean schemaSetting(String name) {
        return name.equals("response_schema") || name.equals("response_json_schema");
    }

    /**
     * The reply format that holds the reply to the list, reported (PP221); or {@code null}, the
     * loss named (PP173), when the request gives no list of words.
     */
    static OutputFormat format(Asked asked, StepContext ctx) {
        JsonNode schema = asked.schema() == null ? null : RawTrees.parse(asked.schema().value().json());
        JsonNode words = schema == null ? null : schema.get("enum");
        String mimeAt = FitOptions.dotted(asked.mime().loc().pointer());
        if (words == null || !words.isArray() || words.isEmpty()) {
            ctx.sink().report("PP173", asked.mime().loc(), mimeAt, "text/x.enum", ctx.targetName()
                    + " has no reply type of one word from a list, and the request gives no list (an enum in responseSchema)"
                    + " it could be held to as JSON");
            return null;
        }
        ObjectNode word = RawTrees.object();
        word.put("type", "string");
        if (schema.get("description") != null && schema.get("description").isTextual()) {
            word.put("description", schema.get("description").asText());
        }
        word.set("enum", words);
        ObjectNode root = RawTrees.object();
        root.put("type", "object");
        root.putObject("properties").set(FIELD, word);
        root.putArray("required").add(FIELD);
        root.put("additionalProperties", false);
        Loc at = asked.schema().loc();
        ctx.sink().report("PP221", at, mimeAt, Snippets.abbreviate(words.toString(), 80), ctx.targetName(), FIELD);
        return new OutputFormat(new RawJson(root.toString()), null, null, at);
    }

    /**
     * The name, in snake case, of one of Gemini's generation settings at {@code pointer}
     * ({@code /generationConfig/responseMimeType} → {@code response_mime_type}); else {@code null}.
     */
    private static String generationSetting(String pointer) {
        if (pointer == null) {
            return null;
        }
        int slash = pointer.indexOf('/', 1);
        if (slash < 0 || pointer.indexOf('/', slash + 1) >= 0) {
            return null;
        }
        String parent = pointer.substring(1, slash);
        return parent.equals("generationConfig") || parent.equals("generation_config")
                ? ForeignSettings.snake(pointer.substring(slash + 1)) : null;
    }
}
