package dev.promptport.rules;

import dev.promptport.tree.Conversation;
import dev.promptport.tree.Extra;
import dev.promptport.tree.Generation;
import dev.promptport.tree.Loc;

/** A request field that is set, named by its JSON pointer ({@code /top_k}, {@code /metadata/user_id}). */
final class FieldMatch {

    private FieldMatch() {
    }

    static void check(RuleInfo rule, Conversation c, StepContext ctx) {
        String pointer = rule.match().get("field");
        Object value = value(c, pointer);
        if (value != null) {
            // a generation option is shown where the input set it (Gemini's generationConfig)
            Loc set = c.generation().at().of(pointer);
            ctx.sink().report(rule.id(), set != null ? set : Loc.pointer(pointer), value, ctx.targetName());
        }
    }

    /** The field's value as people read it, or {@code null} when the request does not set it. */
    static Object value(Conversation c, String pointer) {
        Generation g = c.generation();
        Object known = switch (pointer) {
            case "/model" -> c.model();
            case "/max_tokens" -> g.maxTokens();
            case "/temperature" -> g.temperature();
            case "/top_p" -> g.topP();
            case "/top_k" -> g.topK();
            case "/stop_sequences" -> g.stop();
            case "/stream" -> g.stream();
            case "/metadata/user_id" -> g.user();
            case "/service_tier" -> g.serviceTier();
            case "/system" -> c.system().isEmpty() ? null : "(system prompt)";
            case "/tools" -> c.tools().isEmpty() ? null : c.tools().size() + " tools";
            case "/tool_choice" -> c.toolChoice() == null ? null : c.toolChoice().mode().name().toLowerCase(java.util.Locale.ROOT);
            case "/thinking" -> c.reasoning() == null ? null : c.reasoning().mode().name().toLowerCase(java.util.Locale.ROOT);
            default -> null;
        };
        if (known != null) {
            return known;
        }
        for (Extra e : c.extras()) {
            String at = e.loc().pointer();
            if (at != null && (at.equals(pointer) || at.startsWith(pointer + "/"))) {
                return e.value().json().length() > 60 ? e.value().json().substring(0, 57) + "..." : e.value().json();
            }
        }
        return null;
    }
}
