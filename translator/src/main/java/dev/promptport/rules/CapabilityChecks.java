package dev.promptport.rules;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptport.ModelFacts;
import dev.promptport.PromptPortException;
import dev.promptport.Target;
import dev.promptport.read.JsonLexer;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Loc;
import dev.promptport.tree.MediaSource;
import dev.promptport.tree.Part;
import dev.promptport.tree.SourceKind;
import dev.promptport.tree.TextMemo;
import dev.promptport.tree.Tool;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/** Checks of a request against what the target can take, named by {@code check}. */
final class CapabilityChecks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    private CapabilityChecks() {
    }

    /** @param check the rule's {@code check}, read once when the rules were planned */
    static void check(RuleInfo rule, String check, Conversation c, Target target, StepContext ctx) {
        ModelFacts facts = target.facts();
        switch (check == null ? "" : check) {
            case "context_window" -> contextWindow(rule, c, facts, ctx);
            case "no_max_tokens" -> {
                // Claude requires max_tokens, so a request for it gets one (PP151) and never runs unbounded
                if (c.source() == SourceKind.REQUEST && c.generation().maxTokens() == null && !facts.anthropicWire()) {
                    ctx.sink().report(rule.id(), Loc.pointer(""), ctx.targetName(), facts.maxOutput());
                }
            }
            case "tool_count" -> {
                long n = functions(c.tools());
                if (facts.maxTools() > 0 && n > facts.maxTools()) {
                    ctx.sink().report(rule.id(), Loc.pointer("/tools"), n, ctx.targetName(), facts.maxTools());
                }
            }
            case "schema_root" -> {
                for (Tool t : c.tools()) {
                    if (t instanceof Tool.Function f) {
                        String type = rootType(f.schema().json(), ctx.memo());
                        if (type != null && !"object".equals(type)) {
                            ctx.sink().report(rule.id(), f.schemaLoc(), f.name(), type, ctx.targetName());
                        }
                    }
                }
            }
            // Claude's, Gemini's and OpenAI's requests leave out a type the model does not read, named
            // by the rewrite (PP121); a second finding on the same image would only repeat it
            case "image_format" -> Parts.forEach(c, p -> {
                if (p instanceof Part.Image img && img.source() instanceof MediaSource.Base64 b
                        && FitContent.readableImages(facts, ctx) == null && b.mediaType() != null && !IMAGE_TYPES.contains(b.mediaType())) {
                    ctx.sink().report(rule.id(), img.loc(), b.mediaType(), ctx.targetName());
                }
            });
            default -> {
            }
        }
    }

    private static void contextWindow(RuleInfo rule, Conversation c, ModelFacts facts, StepContext ctx) {
        if (facts.contextWindow() <= 0) {
            return;
        }
        int reply = c.generation().maxTokens() == null ? 0 : Math.min(c.generation().maxTokens(), facts.maxOutput());
        // a token is at least one UTF-8 byte, so a prompt this small cannot overflow: skip counting
        if (TokenCount.charBound(c) + reply <= facts.contextWindow()) {
            return;
        }
        TokenCount.Texts texts = TokenCount.texts(c, ctx.memo());
        if (texts.upperBound() + reply <= facts.contextWindow()) {
            return;
        }
        long tokens = texts.count(facts.tokenizer());
        if (tokens + reply > facts.contextWindow()) {
            ctx.sink().report(rule.id(), Loc.pointer(c.source() == SourceKind.REQUEST ? "/messages" : null),
                    tokens, reply > 0 ? " and asks for up to " + reply + " more" : "", ctx.targetName(), facts.contextWindow());
        }
    }

    /** The memo key of a schema's root type. */
    private static final Object ROOT_TYPE = new Object();

    /** The root's "type", remembered for a long schema that traffic repeats. */
    private static String rootType(String schema, TextMemo memo) {
        return memo != null && TextMemo.worthIt(schema) ? memo.get(schema, ROOT_TYPE, () -> rootType(schema))
                : rootType(schema);
    }

    /** The root's "type", read without building the schema's tree: every request with tools asks. */
    private static String rootType(String schema) {
        try {
            // the request was read under its own depth limit already
            JsonLexer p = new JsonLexer(schema, Integer.MAX_VALUE);
            if (p.next() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.next() == JsonToken.FIELD_NAME) {
                boolean type = "type".equals(p.name());
                JsonToken value = p.next();
                if (type) {
                    return value == JsonToken.VALUE_STRING ? p.string() : compact(schema);
                }
                p.skipChildren();
            }
            return null;
        } catch (PromptPortException e) {
            return null;
        }
    }

    /** A "type" that is not a string (a list of types, say), written compactly as the finding shows it. */
    private static String compact(String schema) {
        try {
            return JSON.readTree(schema).get("type").toString();
        } catch (IOException e) {
            return null;
        }
    }

    /** Counted in a loop: asked of every request, most with no tools, where a stream is all garbage. */
    private static int functions(List<Tool> tools) {
        int n = 0;
        for (int i = 0; i < tools.size(); i++) {
            if (tools.get(i) instanceof Tool.Function) {
                n++;
            }
        }
        return n;
    }
}
