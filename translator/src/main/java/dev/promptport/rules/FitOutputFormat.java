package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.OutputFormat;
import dev.promptport.tree.Part;
import dev.promptport.tree.RawJson;
import dev.promptport.write.GeminiWriter;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits a structured output (the reply must be JSON, maybe to a schema) to the target: OpenAI's
 * strict mode where the schema allows it, JSON mode where the endpoint takes no schema, Gemini's
 * schema subset, Claude's as its SDKs rewrite a schema; and names what the target cannot enforce.
 */
final class FitOutputFormat implements RewriteStep {

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();
    /** What the system prompt says where a reply schema cannot go as structured output. */
    static final String SCHEMA_IN_PROMPT = "Reply with only a JSON value, no other text, that matches this JSON schema: ";

    @Override
    public Conversation apply(Conversation c, StepContext ctx) {
        OutputFormat f = c.generation().format();
        if (f == null) {
            return c;
        }
        if ("anthropic".equals(ctx.target().facts().wire())) {
            return claude(c, f, ctx);
        }
        if (ctx.target().facts().rejectsParameter("structured_output")) {
            // o1-mini refuses response_format of either kind
            ctx.sink().report("PP184", f.loc(), ctx.targetName(), unsent(f));
            return withFormat(c, null);
        }
        if ("openai-chat".equals(ctx.target().facts().wire()) && !ctx.chatDialect().jsonSchema() && !f.jsonMode()) {
            return jsonModeOnly(c, f, ctx);
        }
        if (f.jsonMode() && ctx.target().facts().wire().startsWith("openai-")) {
            return JsonModeWord.ensure(c, f, ctx);
        }
        OutputFormat fitted = switch (ctx.target().facts().wire()) {
            case "openai-chat", "openai-responses" -> openAi(f, ctx);
            case "gemini" -> gemini(f, ctx);
            default -> f;
        };
        return fitted == f ? c : c.withGeneration(c.generation().withFormat(fitted));
    }

    private static OutputFormat openAi(OutputFormat f, StepContext ctx) {
        if (f.jsonMode()) {
            return f;
        }
        String name = f.name() != null && ToolNames.valid(f.name(), false) ? f.name() : "response";
        if (f.strict() != null) {
            // the request said how strict; an OpenAI request comes back as it was
            return new OutputFormat(f.schema(), name, f.strict(), f.description(), f.loc());
        }
        StrictFit fit = StrictFit.of(f.schema(), ctx.memo());
        if (!fit.strict()) {
            ctx.sink().report("PP161", f.loc(), ctx.targetName(), String.join("; ", fit.problems()));
        } else if (!fit.rewrites().isEmpty()) {
            ctx.sink().report("PP188", f.loc(), "The schema the reply must follow", ctx.targetName(),
                    String.join("; ", fit.rewrites()));
        }
        return new OutputFormat(fit.schema(), name, fit.strict(), f.description(), f.loc());
    }

    private static OutputFormat gemini(OutputFormat f, StepContext ctx) {
        f = describedInSchema(f, ctx);
        if (!f.jsonMode()) {
            GeminiWriter.Converted cv = GeminiWriter.convert(f.schema().json(), ctx.memo(),
                    GeminiWriter.takesJsonSchema(ctx.target().facts()));
            if (cv.lossy()) {
                ctx.sink().report("PP161", f.loc(), ctx.targetName(), cv.describe(3));
            }
        }
        return f;
    }

    private static Conversation claude(Conversation c, OutputFormat f, StepContext ctx) {
        if (ctx.target().facts().rejectsParameter("structured_output")) {
            ctx.sink().report("PP184", f.loc(), ctx.targetName(), unsent(f));
            return withFormat(c, null);
        }
        if (f.jsonMode()) {
            ctx.sink().report("PP163", f.loc(), ctx.targetName());
            return withFormat(c, null);
        }
        f = describedInSchema(f, ctx);
        ClaudeSchemaFit fit = ClaudeSchemaFit.of(f.schema(), ctx.memo());
        String problem = fit.fits() ? ClaudeStrictLimits.weight(fit.schema(), ctx.memo()).overAlone() : fit.problem();
        if (problem != null) {
            // Claude refuses the request with such a schema; in the system prompt it still guides the reply
            ctx.sink().report("PP161", f.loc(), ctx.targetName(), problem
                    + "; the schema went into the system prompt instead of structured output");
            List<Part> system = new ArrayList<>(c.system());
            system.add(new Part.Text(SCHEMA_IN_PROMPT + compact(f.schema().json()), null, null, f.loc()));
            return withFormat(c.withSystem(system), null);
        }
        if (fit.rewrites().isEmpty()) {
            return withFormat(c, f);
        }
        ctx.sink().report("PP197", f.loc(), "The schema the reply must follow", ctx.targetName(),
                String.join("; ", fit.rewrites()));
        return withFormat(c, f.withSchema(fit.schema(), f.description()));
    }

    /**
     * An endpoint that takes JSON mode but no schema (DeepSeek): the schema, and the name and
     * description beside it, go into the system prompt, where the model reads them; DeepSeek asks
     * for the word "json" and the expected shape in the prompt for its JSON mode anyway.
     */
    private static Conversation jsonModeOnly(Conversation c, OutputFormat f, StepContext ctx) {
        StringBuilder said = new StringBuilder(SCHEMA_IN_PROMPT).append(compact(f.schema().json()));
        if (f.name() != null) {
            said.append("\nThe schema's name: ").append(f.name());
        }
        if (f.description() != null) {
            said.append("\nWhat the reply is for: ").append(f.description());
        }
        String besides = (f.name() == null ? "" : " \"" + f.name() + "\"") + (f.description() == null ? ""
                : " and its description");
        ctx.sink().report("PP162", f.loc(), ctx.targetName(), besides);
        List<Part> system = new ArrayList<>(c.system());
        system.add(new Part.Text(said.toString(), null, null, f.loc()));
        return withFormat(c.withSystem(system), new OutputFormat(null, null, null, f.loc()));
    }

    /** What of the reply format a model without structured output is not sent. */
    private static String unsent(OutputFormat f) {
        return f.jsonMode() ? "JSON mode (a reply that is any JSON object)" : "the JSON schema the reply must follow";
    }

    /** The schema on one line, as the input wrote it where it is not JSON. */
    private static String compact(String json) {
        try {
            return MAPPER.readTree(json).toString();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return json.strip();
        }
    }

    private static Conversation withFormat(Conversation c, OutputFormat f) {
        return c.withGeneration(c.generation().withFormat(f));
    }

    /**
     * Claude's and Gemini's reply formats have no description beside the schema, but the schema
     * has one the model reads: the format's description goes there unless the schema has its own.
     */
    private static OutputFormat describedInSchema(OutputFormat f, StepContext ctx) {
        if (f.description() == null || f.jsonMode()) {
            return f;
        }
        String said = "\"" + Snippets.abbreviate(f.description(), 60) + "\"";
        JsonNode schema = RawTrees.parse(f.schema().json());
        if (!(schema instanceof ObjectNode o) || o.has("description")) {
            ctx.sink().report("PP196", f.loc().child("description"), said, ctx.targetName(),
                    "the schema has a top-level description of its own, so this one was not sent and the model does not see it");
            return f.withSchema(f.schema(), null);
        }
        ObjectNode described = RawTrees.object();
        described.put("description", f.description());
        described.setAll(o);
        ctx.sink().report("PP196", f.loc().child("description"), said, ctx.targetName(),
                "it was put in the schema as its top-level description, which the model reads");
        return f.withSchema(new RawJson(described.toString()), null);
    }
}
