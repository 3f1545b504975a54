package dev.promptport.reply;

import java.util.Objects;

/**
 * Receives a reply as a sequence of content pieces and keeps Anthropic's block structure: one
 * block open at a time, a new block when the kind (or the vendor's part key) changes, the
 * prefill restored in the first text block, no text block of whitespace alone.
 * {@link MessageBuilder} collects a whole {@code Message}; {@link EventEmitter} writes stream
 * events. The vendor readers are written once against this class and serve both.
 */
abstract class BlockSink {

    enum Kind { TEXT, THINKING, TOOL_USE, SERVER_TOOL_USE }

    protected final ReplyContext ctx;
    private Kind open;
    private Object openKey;
    private boolean openStarted;
    /** The open thinking block has its signature: a second one is another block's. */
    private boolean openSigned;
    private PrefixGate gate;
    private boolean gateUsed;
    private boolean sawToolUse;
    /** A block other than thinking was written: text, a tool call, code the vendor ran. */
    private boolean sawContent;
    private String lastCodeRun;
    /**
     * The arguments of the open tool call, checked as a whole when the call ends: a piece alone
     * cannot tell arguments encoded twice, or cut off, from good ones.
     */
    private StringBuilder toolInput;
    /** The open tool call's id and name as the caller sees them, to name it if its arguments are wrapped. */
    private String toolId;
    private String toolName;
    /**
     * The open tool call may be OpenAI's wrapper of parallel calls ({@link ParallelWrapper}): its
     * block starts only when its arguments have told what it is.
     */
    private boolean maybeWrapper;
    /**
     * Whitespace a text block began with, held back until text that is not whitespace follows:
     * Anthropic refuses a text block of whitespace alone when the history is sent back, and
     * DeepSeek writes a blank line before its tool calls.
     */
    private StringBuilder leadingSpace;
    /** The first half of a surrogate pair a text or thinking delta ended with, held for the delta after it; 0 when none. */
    private char heldHigh;
    private String refusalExplanation;
    private String serviceTier;
    private boolean serviceTierSeen;
    /** What the vendor sent that has no place in Anthropic's shape, each said once, in order. */
    private java.util.Set<String> leftOut;
    /** The tool-use ids given so far, made at the second call: most replies make one call or none. */
    private java.util.Set<String> toolIds;
    private String firstToolId;

    BlockSink(ReplyContext ctx) {
        this.ctx = ctx;
    }

    // ------------------------------------------------------------------ what the vendor readers call

    /** The message begins; {@code id} and {@code model} are the vendor's (either may be null). */
    abstract void start(String vendorId, String vendorModel, Usage usage);

    /** Whether {@link #start} was called. */
    abstract boolean started();

    /** The message ends normally. */
    abstract void finish(String stopReason, Usage usage);

    /** The vendor reported an error instead of (the rest of) a reply. */
    abstract void fail(String errorType, String message);

    /**
     * The vendor's reply cannot be translated ({@code pointer}: where, in a whole reply). A whole
     * reply throws; a stream ends with an {@code api_error} event.
     */
    abstract void broken(String message, String pointer);

    /** Starts a tool call, or reports the reply broken when the vendor gave no name. */
    final boolean toolStartNamed(String vendorId, String sentName, String pointer) {
        if (sentName == null || sentName.isEmpty()) {
            broken("the vendor sent a tool call without a function name; Anthropic tool_use blocks need one", pointer);
            return false;
        }
        toolStart(vendorId, sentName);
        return true;
    }

    /**
     * Text. {@code key} names the vendor's part: text with another non-null key starts a new
     * block; {@code null} continues the open text block.
     */
    final void text(String piece, Object key) {
        if (piece == null || piece.isEmpty()) {
            return;
        }
        ensureStarted();
        if (open != Kind.TEXT || key != null && !Objects.equals(key, openKey)) {
            endBlock();
            open = Kind.TEXT;
            openKey = key;
            openStarted = false;
            if (ctx.prefill() != null && !gateUsed) {
                gate = new PrefixGate(ctx.prefill(), ctx.prefillMode());
                gateUsed = true;
            }
        }
        String out = gate != null ? gate.offer(piece) : piece;
        emitText(out);
    }

    /** Reasoning text; {@code key} as for {@link #text}. */
    final void thinking(String piece, Object key) {
        if (piece == null || piece.isEmpty()) {
            return;
        }
        ensureStarted();
        // a signature closes the thinking it signs: more thinking is another block
        if (open != Kind.THINKING || openSigned || key != null && !Objects.equals(key, openKey)) {
            endBlock();
            open = Kind.THINKING;
            openKey = key;
            openStarted = true;
            openSigned = false;
            onStart(Kind.THINKING, null, null);
        }
        String out = held(piece);
        if (!out.isEmpty()) {
            onThinking(out);
        }
    }

    /**
     * A vendor's token for its reasoning, already in the form {@link
     * dev.promptport.tree.ReasoningSignature} gives it: attached to the open thinking block, or
     * carried by a thinking block of its own (with empty thinking text) when none is open or the
     * open one has its signature, so that the caller keeps it with the history and it can be
     * sent back to the vendor that wrote it.
     */
    final void signature(String sig) {
        if (sig == null || sig.isEmpty()) {
            return;
        }
        ensureStarted();
        if (open == Kind.THINKING && !openSigned) {
            // the signature ends the thinking it signs, with all its text
            flushHeld();
            openSigned = true;
            onSignature(sig);
            return;
        }
        endBlock();
        open = Kind.THINKING;
        openKey = null;
        openStarted = true;
        onStart(Kind.THINKING, null, null);
        onSignature(sig);
        endBlock();
    }

    /** A tool call begins; {@code vendorId} and {@code sentName} as the vendor gave them. */
    final void toolStart(String vendorId, String sentName) {
        ensureStarted();
        endBlock();
        open = Kind.TOOL_USE;
        openKey = null;
        openStarted = true;
        sawToolUse = true;
        sawContent = true;
        toolInput = new StringBuilder();
        toolId = unique(Ids.tool(vendorId));
        toolName = ctx.toolName(sentName);
        maybeWrapper = ParallelWrapper.mayBe(sentName, ctx);
        if (maybeWrapper) {
            openStarted = false;
            return;
        }
        onStart(Kind.TOOL_USE, toolId, toolName);
    }

    /**
     * A piece of the open tool call's arguments (JSON text, possibly partial). The pieces are
     * kept until the call ends and then passed on at once, as {@link ToolInput} makes them, so
     * that a stream gives the same {@code input} as the whole reply.
     */
    final void toolArgs(String piece) {
        if (piece == null || piece.isEmpty()) {
            return;
        }
        if (open != Kind.TOOL_USE) {
            if (!piece.isBlank()) {
                leftOut(ORPHAN_ARGUMENTS);
            }
            return;
        }
        toolInput.append(piece);
    }

    /**
     * The open tool call's finished arguments, as a vendor's done event repeats them: they stand
     * for the call when the pieces before them are only their start (a server that streams only
     * the start, or a stream cut short), since the pieces were held, not yet passed on. Pieces
     * that say something else (a corrupted event) stand as they came: replacing them would lose
     * their text.
     */
    final void toolArgsWhole(String whole) {
        if (open != Kind.TOOL_USE || whole == null || whole.length() <= toolInput.length()
                || !whole.startsWith(toolInput.toString())) {
            return;
        }
        toolInput.append(whole, toolInput.length(), whole.length());
    }

    /**
     * Arguments that came while no tool call was open (the vendor never named the call, or a
     * corrupted event lost which call they belong to): a tool_use needs a name, so they cannot
     * be placed, and they are named instead of dropped without a word.
     */
    static final String ORPHAN_ARGUMENTS = "tool-call arguments that belong to no call the vendor opened (no call"
            + " name or id came before them): an Anthropic reply has no tool_use to put them in";

    /**
     * Code the vendor ran on its side (Gemini's code execution, OpenAI's code interpreter), the
     * counterpart of Claude's code execution tool: a whole {@code server_tool_use} block named
     * {@code code_execution}, so a client that asked Claude for the tool reads the code where
     * Claude puts it. It does not make the stop reason {@code tool_use}: nothing is left for the
     * caller to run.
     */
    final void codeRun(String code) {
        ensureStarted();
        endBlock();
        sawContent = true;
        lastCodeRun = Ids.serverTool();
        onStart(Kind.SERVER_TOOL_USE, lastCodeRun, "code_execution");
        onToolArgs(Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("code", code == null ? "" : code);
            g.writeEndObject();
        }));
        onStop(Kind.SERVER_TOOL_USE);
    }

    /**
     * The outcome of the last {@link #codeRun}, as Claude's {@code code_execution_tool_result}
     * block; an outcome without a run before it gets an empty run, since Anthropic pairs every
     * result with the block that asked for it.
     */
    final void codeResult(String stdout, String stderr, int returnCode) {
        if (lastCodeRun == null) {
            codeRun("");
        }
        ensureStarted();
        endBlock();
        String id = lastCodeRun;
        lastCodeRun = null;
        onWholeBlock(Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("type", "code_execution_tool_result");
            g.writeStringField("tool_use_id", id);
            g.writeObjectFieldStart("content");
            g.writeStringField("type", "code_execution_result");
            g.writeStringField("stdout", stdout == null ? "" : stdout);
            g.writeStringField("stderr", stderr == null ? "" : stderr);
            g.writeNumberField("return_code", returnCode);
            g.writeArrayFieldStart("content");
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        }));
    }

    /**
     * Something of the vendor's reply that has no place in Anthropic's shape (an image it
     * made, its own web citations); named so that nothing is lost without a word.
     */
    final void leftOut(String what) {
        if (leftOut == null) {
            // most replies leave nothing out: no set until one does
            leftOut = new java.util.LinkedHashSet<>();
        }
        if (leftOut.size() < MAX_LEFT_OUT) {
            leftOut.add(what);
        }
    }

    /** A stream can go on for hours; the list of what was left out stays small. */
    private static final int MAX_LEFT_OUT = 32;

    /** What was left out of the reply so far ({@link #leftOut(String)}). */
    final java.util.List<String> leftOutSoFar() {
        return leftOut == null ? java.util.List.of() : java.util.List.copyOf(leftOut);
    }

    /**
     * The service tier the vendor says served the reply (OpenAI's {@code service_tier}), as
     * Anthropic's {@code usage.service_tier} where one of Anthropic's tiers means the same
     * ({@code priority}; OpenAI's {@code default} and Gemini's {@code standard} are Anthropic's
     * {@code standard}); any other is named as left out, as is one that comes after a stream's
     * {@code message_start}, which carries the tier. The first the vendor gives counts: a stream
     * repeats it on every chunk.
     */
    final void serviceTier(String vendorTier) {
        serviceTier(vendorTier, "service_tier");
    }

    /** As {@link #serviceTier(String)}, the vendor's field named {@code field} in what is left out. */
    final void serviceTier(String vendorTier, String field) {
        if (vendorTier == null || vendorTier.isEmpty() || serviceTierSeen) {
            return;
        }
        serviceTierSeen = true;
        String tier = switch (vendorTier) {
            case "priority" -> "priority";
            case "default", "standard" -> "standard";
            default -> null;
        };
        if (tier != null && !usageWritten()) {
            serviceTier = tier;
        } else {
            leftOut("the vendor's service tier " + vendorTier + " (" + field + "): "
                    + (tier == null ? "Anthropic's usage.service_tier names only standard, priority and batch"
                            : "it came after the stream's message_start, which holds the tier"));
        }
    }

    /** Anthropic's service tier for the reply's usage, or {@code null}. */
    final String serviceTier() {
        return serviceTier;
    }

    /** Whether the usage that holds the service tier has been written (a stream's {@code message_start}). */
    abstract boolean usageWritten();

    /**
     * The vendor's reason for refusing, written as the {@code explanation} of
     * {@code stop_details} when the reply ends with stop reason {@code refusal}.
     */
    final void refusalExplanation(String why) {
        refusalExplanation = why;
    }

    /** The {@code stop_details} for a reply that ends with {@code stopReason}, or {@code null}. */
    final String stopDetails(String stopReason) {
        if (refusalExplanation == null || !StopReasons.REFUSAL.equals(stopReason)) {
            return null;
        }
        String why = refusalExplanation;
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("type", "refusal");
            g.writeNullField("category");
            g.writeStringField("explanation", why);
            g.writeEndObject();
        });
    }

    /** Closes the open block, if any. */
    final void endBlock() {
        if (open == null) {
            return;
        }
        if (open == Kind.TEXT && gate != null) {
            String rest = gate.flush();
            gate = null;
            emitText(rest);
        }
        flushHeld();
        if (open == Kind.TOOL_USE) {
            String args = toolInput.toString();
            String input = ToolInput.object(args);
            if (maybeWrapper && endWrapper(input)) {
                return;
            }
            if (input == null) {
                input = ToolInput.wrapped(args);
                leftOut(ToolInput.wrappedNote(toolName, toolId));
            }
            onToolArgs(input);
            toolInput = null;
        }
        if (openStarted) {
            onStop(open);
        }
        leadingSpace = null;
        open = null;
        openKey = null;
        openStarted = false;
    }

    /**
     * {@code id}, or, when an earlier call of this reply has it, {@code id} with the first free
     * {@code _2}, {@code _3}…: Claude refuses a history whose tool-use ids repeat ("tool_use ids
     * must be unique"), and a tool result names its call by id. Vendors repeat them (a server
     * that numbers each turn's calls from 0), and making ids safe for Claude can make two equal
     * ({@code functions.read:0}, {@code functions.read_0}).
     */
    private String unique(String id) {
        if (firstToolId == null) {
            firstToolId = id;
            return id;
        }
        if (toolIds == null) {
            toolIds = new java.util.HashSet<>();
            toolIds.add(firstToolId);
        }
        String given = id;
        for (int n = 2; !toolIds.add(given); n++) {
            given = id + "_" + n;
        }
        return given;
    }

    /**
     * Ends the open call, held back as a possible wrapper: as the calls it wraps when it is the
     * wrapper (true), else started now, to end as any call does (false).
     */
    private boolean endWrapper(String input) {
        maybeWrapper = false;
        java.util.List<ParallelWrapper.Call> calls = input == null ? null : ParallelWrapper.unwrap(toolId, input, ctx);
        if (calls == null) {
            openStarted = true;
            onStart(Kind.TOOL_USE, toolId, toolName);
            return false;
        }
        for (ParallelWrapper.Call c : calls) {
            onStart(Kind.TOOL_USE, unique(c.id()), c.name());
            onToolArgs(c.input());
            onStop(Kind.TOOL_USE);
        }
        toolInput = null;
        leadingSpace = null;
        open = null;
        openKey = null;
        openStarted = false;
        return true;
    }

    final boolean sawToolUse() {
        return sawToolUse;
    }

    final boolean sawContent() {
        return sawContent;
    }

    final Kind openKind() {
        return open;
    }

    final Object openKey() {
        return openKey;
    }

    private void emitText(String out) {
        emitWhole(held(out));
    }

    /**
     * {@code piece} after the half character the last piece of the open block held back, less
     * a half it ends with itself: a stream can split a surrogate pair (an emoji) between two
     * deltas, and each half sent alone would be written as "?".
     */
    /** The half character held back, passed on as it came: the other half never came. */
    private void flushHeld() {
        if (heldHigh == 0) {
            return;
        }
        String half = String.valueOf(heldHigh);
        heldHigh = 0;
        if (open == Kind.TEXT) {
            emitWhole(half);
        } else {
            onThinking(half);
        }
    }

    private String held(String piece) {
        if (heldHigh != 0) {
            piece = heldHigh + piece;
            heldHigh = 0;
        }
        int n = piece.length();
        if (n > 0 && Character.isHighSurrogate(piece.charAt(n - 1))) {
            heldHigh = piece.charAt(n - 1);
            piece = piece.substring(0, n - 1);
        }
        return piece;
    }

    private void emitWhole(String out) {
        if (out.isEmpty()) {
            return;
        }
        if (!openStarted) {
            if (isWhitespace(out)) {
                if (leadingSpace == null) {
                    leadingSpace = new StringBuilder();
                }
                leadingSpace.append(out);
                return;
            }
            if (leadingSpace != null) {
                out = leadingSpace.append(out).toString();
                leadingSpace = null;
            }
            openStarted = true;
            sawContent = true;
            onStart(Kind.TEXT, null, null);
        }
        onText(out);
    }

    /**
     * Whitespace read widely (Java's, Unicode's space characters with the no-break spaces, NEL),
     * so that nothing a server might count as whitespace makes a text block of its own.
     */
    private static boolean isWhitespace(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\u0085') {
                return false;
            }
        }
        return true;
    }

    private void ensureStarted() {
        if (!started()) {
            start(null, null, Usage.ZERO);
        }
    }

    // ------------------------------------------------------------------ what the two sinks implement

    abstract void onStart(Kind kind, String toolId, String toolName);

    abstract void onText(String text);

    abstract void onThinking(String text);

    abstract void onSignature(String signature);

    abstract void onToolArgs(String json);

    abstract void onStop(Kind kind);

    /** A block that arrives whole, as its JSON object. */
    abstract void onWholeBlock(String json);
}
