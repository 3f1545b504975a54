package dev.promptport.reply;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.LimitExceededException;
import dev.promptport.Limits;
import dev.promptport.PromptPortException;
import dev.promptport.read.DuplicateKeys;
import dev.promptport.tree.Loc;

/**
 * Whole vendor replies → Anthropic {@code Message} JSON.
 *
 * <p>The result has Anthropic's shape exactly: {@code id} (the vendor's id with {@code msg_} in
 * front), {@code type: "message"}, {@code role: "assistant"}, {@code model} (the context's model
 * when set, else the vendor's), {@code content} (thinking, text and tool_use blocks in the
 * vendor's order, tool names restored, the prefill put back in the first text block, no text
 * block of whitespace alone),
 * {@code stop_reason}, {@code stop_sequence: null} and {@code usage} with all four counts.
 * See {@link StopReasons} for stop reasons, {@link ToolInput} for tool arguments that are not a
 * JSON object, {@link PrefixGate} for the prefill.
 */
public final class Replies {

    private Replies() {
    }

    /**
     * Translates one successful vendor reply.
     *
     * @throws PromptPortException when the text is not JSON (the location gives line and column),
     *     is not a reply of that format, is an error body, is an unfinished reply, or holds a key
     *     twice in one object (the location is a JSON pointer to the field at fault)
     */
    public static String toAnthropic(String vendorJson, ReplyFormat format, ReplyContext ctx) {
        return toAnthropic(vendorJson, format, ctx, null);
    }

    /**
     * As {@link #toAnthropic(String, ReplyFormat, ReplyContext)}, refusing a reply that nests
     * deeper than {@code limits} allow with a {@link LimitExceededException}. Without limits
     * ({@code null}) Jackson's own nesting limit of 1000 applies.
     */
    public static String toAnthropic(String vendorJson, ReplyFormat format, ReplyContext ctx, Limits limits) {
        return translate(vendorJson, format, ctx, limits).json();
    }

    /**
     * As {@link #toAnthropic(String, ReplyFormat, ReplyContext, Limits)}, with what the reply
     * held that Anthropic's shape has no place for.
     */
    public static ReplyTranslation translate(String vendorJson, ReplyFormat format, ReplyContext ctx, Limits limits) {
        return translate(vendorJson, format, ctx, limits, true);
    }

    /**
     * @param quick whether a reply {@link ChatReply} reads may be read without a tree; the tests
     *     compare the two ways
     */
    static ReplyTranslation translate(String vendorJson, ReplyFormat format, ReplyContext ctx, Limits limits, boolean quick) {
        try {
            return translateOnStack(vendorJson, format, ctx, limits, quick);
        } catch (StackOverflowError e) {
            // only a depth limit set far past the default lets a value nest this deep
            throw new PromptPortException("the reply is nested too deeply to translate on this thread's stack; lower the"
                    + " JSON depth limit (Limits.withMaxJsonDepth)", Loc.pointer(""));
        }
    }

    private static ReplyTranslation translateOnStack(String vendorJson, ReplyFormat format, ReplyContext ctx, Limits limits,
                                                     boolean quick) {
        if (format == null) {
            throw new PromptPortException("no reply format given (openai-chat, openai-responses or gemini)", Loc.NONE);
        }
        ReplyContext c = ctx == null ? ReplyContext.NONE : ctx;
        JsonFactory factory = limits == null ? null : Json.factory(limits);
        ChatReply chat = quick && format == ReplyFormat.OPENAI_CHAT && vendorJson != null
                ? ChatReply.read(vendorJson, (factory == null ? Json.FACTORY : factory).streamReadConstraints()) : null;
        JsonNode root = chat != null ? null : parse(vendorJson, format, limits, factory);
        MessageBuilder b = new MessageBuilder(c, Loc.pointer("/error"));
        try {
            switch (format) {
                case OPENAI_CHAT -> {
                    if (chat != null) {
                        OpenAiChatFeed.whole(chat, b);
                    } else {
                        OpenAiChatFeed.whole(root, b);
                    }
                }
                case OPENAI_RESPONSES -> ResponsesFeed.whole(root, b);
                case GEMINI -> GeminiFeed.whole(root, vendorJson, b);
            }
        } catch (PromptPortException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PromptPortException("the " + format.id() + " reply could not be translated: " + e, Loc.pointer(""), e);
        }
        return new ReplyTranslation(b.json(), b.leftOutSoFar());
    }

    private static JsonNode parse(String text, ReplyFormat format, Limits limits, JsonFactory factory) {
        if (text == null || text.isBlank()) {
            throw new PromptPortException("empty " + format.id() + " reply", Loc.position(1, 1));
        }
        try {
            JsonNode n = Json.readReply(text, factory);
            if (n == null || n.isMissingNode()) {
                throw new PromptPortException("empty " + format.id() + " reply", Loc.position(1, 1));
            }
            return n;
        } catch (JsonProcessingException e) {
            String twice = DuplicateKeys.pointer(e);
            if (twice != null) {
                throw new PromptPortException(DuplicateKeys.message("the " + format.id() + " reply", twice), Loc.pointer(twice));
            }
            JsonLocation at = e.getLocation();
            Loc loc = at == null ? Loc.NONE : Loc.position(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
            if (limits != null && Json.tooDeep(e)) {
                throw LimitExceededException.jsonDepth(limits.maxJsonDepth(), loc);
            }
            throw new PromptPortException("invalid JSON: " + e.getOriginalMessage(), loc, e);
        }
    }
}
