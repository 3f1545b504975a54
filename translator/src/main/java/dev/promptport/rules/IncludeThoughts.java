package dev.promptport.rules;

import dev.promptport.tree.Conversation;
import dev.promptport.tree.Extra;
import dev.promptport.tree.RawJson;

import java.util.List;

/**
 * Gemini's {@code thinkingConfig.includeThoughts} and OpenAI's {@code reasoning.summary}: the
 * reply should carry the model's thoughts. Gemini takes it as written; Claude returns its thinking
 * whenever extended thinking is on. OpenAI returns reasoning text only as the Responses API's
 * summaries, which promptport asks for only where the request asked OpenAI for them: OpenAI gives
 * them only to verified organisations and refuses the request otherwise. So elsewhere the loss is
 * named (PP222). A request with thinking on tells the Gemini writer itself ({@code ReasoningConfig.shown}).
 */
final class IncludeThoughts {

    /**
     * The OpenAI Responses reader's name for the summary it read, under whichever name the request
     * gave it ({@code summary}, or the older {@code generate_summary}, sent on under the current one).
     */
    private static final String SUMMARY = "summary";

    private IncludeThoughts() {
    }

    /** Whether {@code e} is the setting. */
    static boolean is(Extra e) {
        String p = e.loc().pointer();
        return p != null && (p.indexOf("/thinking") > 0 && (p.endsWith("/includeThoughts") || p.endsWith("/include_thoughts"))
                || SUMMARY.equals(e.name()) && p.startsWith("/reasoning/"));
    }

    /** Keeps the setting in {@code kept} where the target takes it; names its loss where it does not. */
    static void fit(Extra e, Conversation c, StepContext ctx, List<Extra> kept) {
        boolean thinks = c.reasoning() != null && c.reasoning().thinks();
        String why = switch (ctx.target().facts().wire()) {
            case "gemini" -> {
                if (c.reasoning() == null) {
                    // with a budget or level the writer asks for the thoughts itself
                    kept.add(new Extra(Extra.GENERATION_CONFIG + "thinkingConfig", new RawJson("{\"includeThoughts\":true}"),
                            e.loc()));
                }
                yield null;
            }
            case "anthropic" -> thinks ? null
                    : "thinks, and returns its thinking, only with extended thinking on, which the request does not turn on";
            case "openai-responses" -> {
                if (!ctx.target().facts().reasons()) {
                    yield "returns none of its reasoning as text";
                }
                if (SUMMARY.equals(e.name())) {
                    // the request asked OpenAI for summaries already, so its organisation may have them
                    kept.add(new Extra(Extra.REASONING_SUMMARY, e.value(), e.loc()));
                    yield null;
                }
                yield "returns its reasoning as text only in summaries, which were not asked for";
            }
            default -> "returns none of its reasoning as text";
        };
        if (why != null) {
            ctx.sink().report("PP222", e.loc(), FitOptions.dotted(e.loc().pointer()), ctx.targetName(), why);
        }
    }
}
