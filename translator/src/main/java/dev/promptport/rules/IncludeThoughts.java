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

    /** Where an OpenAI Responses request asks for its reasoning's summary. */
    private static final String SUMMARY = "/reasoning/summary";
    /** Its older name, which the API still takes; sent on under the current one. */
    private static final String GENERATE_SUMMARY = "/reasoning/generate_summary";

    private IncludeThoughts() {
    }

    /** Whether {@code e} is the setting. */
    static boolean is(Extra e) {
        String p = e.loc().pointer();
        return p != null && (p.indexOf("/thinking") > 0 && (p.endsWith("/includeThoughts") || p.endsWith("/include_thoughts"))
                || p.equals(SUMMARY)
                // the older name beside the current one is not the setting read, and is named as unknown
                || p.equals(GENERATE_SUMMARY) && e.name().equals("summary"));
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
                if (SUMMARY.equals(e.loc().pointer()) || GENERATE_SUMMARY.equals(e.loc().pointer())) {
                    // the request asked OpenAI for summaries already, so its organisation may have them
                    kept.add(new Extra("reasoning/summary", e.value(), e.loc()));
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
