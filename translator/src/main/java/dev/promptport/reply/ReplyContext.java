package dev.promptport.reply;

import dev.promptport.Translation;

import java.util.Map;

/**
 * What the reply translation needs to know about the request that was sent.
 *
 * @param model the model name to report in the reply (usually the Claude model the caller
 *     asked for), or {@code null} to report the vendor's model
 * @param prefill the assistant prefix that became an instruction ({@link Translation#prefill()}),
 *     or {@code null}
 * @param toolNames tool names changed for the vendor: the name sent → the caller's original name
 * @param prefillMode how {@link #prefill} is restored; {@link PrefillMode#PREPEND} unless set
 */
public record ReplyContext(String model, String prefill, Map<String, String> toolNames, PrefillMode prefillMode) {

    /** No model override, no prefill, no renamed tools. */
    public static final ReplyContext NONE = new ReplyContext(null, null, Map.of());

    /**
     * How a prefill is put back.
     *
     * <p>Claude's own API returns only the continuation of a prefilled assistant turn (the reply
     * to a prefill of <code>{</code> starts with <code>"name": …</code>), so code written for
     * Claude usually joins {@code prefill + reply} itself. The other vendors answer the
     * "begin your reply with …" instruction with a reply that may or may not repeat the prefix.
     */
    public enum PrefillMode {
        /** The first text block starts with the prefix exactly once (added unless the model repeated it). */
        PREPEND,
        /** The first text block holds only what follows the prefix, as Claude's API returns it (a repeated prefix is cut off). */
        CONTINUE
    }

    public ReplyContext {
        prefill = prefill == null || prefill.isEmpty() ? null : prefill;
        toolNames = toolNames == null ? Map.of() : Map.copyOf(toolNames);
        prefillMode = prefillMode == null ? PrefillMode.PREPEND : prefillMode;
    }

    public ReplyContext(String model, String prefill, Map<String, String> toolNames) {
        this(model, prefill, toolNames, PrefillMode.PREPEND);
    }

    /**
     * The context for a reply to the request {@code t} was translated from.
     *
     * @param requestedModel the model the caller asked for (reported in the reply), or {@code null}
     *     to report the vendor's model
     */
    public static ReplyContext of(Translation t, String requestedModel) {
        if (t == null) {
            return new ReplyContext(requestedModel, null, Map.of());
        }
        return new ReplyContext(requestedModel, t.prefill(), t.toolNames());
    }

    /** This context with another prefill mode. */
    public ReplyContext withPrefillMode(PrefillMode mode) {
        return new ReplyContext(model, prefill, toolNames, mode);
    }

    /** The caller's name for a tool the vendor called by {@code sent}. */
    String toolName(String sent) {
        if (sent == null) {
            return "";
        }
        String original = toolNames.get(sent);
        return original != null ? original : sent;
    }
}
