package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.PromptPortException;
import dev.promptport.tree.Loc;
import dev.promptport.tree.ReasoningSignature;

import java.util.ArrayList;
import java.util.List;

/**
 * Gemini {@code GenerateContentResponse} → Anthropic. A whole reply and each stream chunk have
 * the same shape, so both go through {@link #event}. Parts of the candidate with index 0 (a
 * candidate without one is 0; the others are named as left out, since an Anthropic reply holds
 * one), in order:
 * {@code thought: true} text → {@code thinking}; text → {@code text} (consecutive parts join
 * one block); {@code functionCall} → {@code tool_use} (the arguments arrive whole, as one
 * {@code input_json_delta}, also when Gemini streams them in {@code partialArgs} pieces
 * ({@link GeminiPartialArgs}); Gemini gives no id, so one is made up unless it does). A
 * {@code thoughtSignature} goes, marked as Gemini's, into the signature of a thinking block,
 * since Gemini needs it back in the next request and Claude must not get it; streams and whole
 * replies alike:
 * <ul>
 *   <li>on a thought part, or on a text part while a thinking block is open: that thinking
 *       block's;</li>
 *   <li>on any other text part: a thinking block of its own after the text block it is part
 *       of (Gemini 3 puts it on the last piece of its answer, which must stay one block);</li>
 *   <li>on a function call or any other part: the open thinking block's, or one of its own,
 *       before the part (Gemini checks it on the call, and the request writer puts a thinking
 *       block's signature on the part that follows it).</li>
 * </ul>
 * {@code executableCode} and {@code codeExecutionResult} (Gemini's code
 * execution, which a request with Claude's code execution tool turns on) → Claude's own
 * {@code server_tool_use} and {@code code_execution_tool_result} blocks. Inline data and other
 * parts have no Anthropic block in a reply and are left out. A reply whose turn failed
 * ({@link GeminiFinish}: a tool call Gemini dropped, too many tool calls, no image, an unnamed
 * reason) is an {@code api_error} when it holds nothing else, and names what was lost when it
 * does; the {@code finishMessage} of any other reply that did not end with {@code STOP} is left
 * out by name.
 */
final class GeminiFeed implements StreamFeed {

    private final BlockSink sink;
    private String finish;
    private String blockReason;
    /** The {@code promptFeedback} that blocked the prompt, and the candidate's last safety ratings: the reason for a refusal. */
    private JsonNode promptFeedback;
    private JsonNode safetyRatings;
    private Usage usage = Usage.ZERO;
    /** The last cached-content and thoughts counts a chunk gave, for a later chunk that leaves them out. */
    private long cachedSeen;
    private long thoughtsSeen;
    private String finishMessage;
    private boolean finished;
    private boolean logprobsNamed;
    /** The candidate's sources (grounding, citations, fetched pages), named when the reply ends. */
    private GeminiSources sources;
    /** The arguments of a function call Gemini is streaming piece by piece, while it is open. */
    private GeminiPartialArgs streamedCall;
    /** Signatures of text parts, for after the text block they came in. */
    private final List<String> afterText = new ArrayList<>();
    /** Candidates other than the first (index 0): the reply is the first, the others are named. */
    private final FurtherChoices further = new FurtherChoices("candidate");
    /** What this stream's text chunks repeat ({@link GeminiTextChunk.Runs}). */
    private final GeminiTextChunk.Runs runs = new GeminiTextChunk.Runs();

    GeminiFeed(BlockSink sink) {
        this.sink = sink;
    }

    /** A whole reply; {@code text} is its JSON as it came ({@link #normalized}). */
    static void whole(JsonNode reply, String text, BlockSink sink) {
        JsonNode root = text.indexOf('_') < 0 ? reply : GeminiCase.camel(reply);
        if (root.isArray()) {
            streamedArray(root, sink);
            return;
        }
        if (!Json.isObject(root)) {
            throw new PromptPortException("not a Gemini generateContent reply: expected a JSON object", Loc.pointer(""));
        }
        JsonNode err = root.get("error");
        if (Json.isObject(err)) {
            sink.fail(AnthropicErrors.typeOfErrorObject(err), String.valueOf(Json.text(err, "message")));
        }
        JsonNode candidates = root.get("candidates");
        boolean blocked = Json.text(root.path("promptFeedback"), "blockReason") != null;
        if ((candidates == null || !candidates.isArray()) && !blocked) {
            throw new PromptPortException("not a Gemini generateContent reply: no candidates array and no promptFeedback.blockReason",
                    Loc.pointer("/candidates"));
        }
        ReplyShapes.geminiCandidates(candidates, "");
        ForeignReply.check(root, ReplyFormat.GEMINI, candidates == null || !candidates.isArray() || candidates.isEmpty(), sink);
        GeminiFeed f = new GeminiFeed(sink);
        f.event(null, root);
        f.complete();
    }

    /**
     * Snake_case keys read as camelCase ({@link GeminiCase}), before {@link #idle} and
     * {@link #event}. A chunk whose text holds no underscore has no snake_case key, and most
     * chunks of prose have none: they are not walked.
     */
    @Override
    public JsonNode normalized(JsonNode chunk, String text) {
        return text.indexOf('_') < 0 ? chunk : GeminiCase.camel(chunk);
    }

    /** A chunk without candidates that blocks no prompt and reports no error: nothing of the reply. */
    @Override
    public boolean idle(JsonNode chunk) {
        if (!Json.isObject(chunk) || Json.isObject(chunk.get("error"))) {
            return false;
        }
        JsonNode candidates = chunk.get("candidates");
        return (candidates == null || !candidates.isArray() || candidates.isEmpty())
                && Json.text(chunk.path("promptFeedback"), "blockReason") == null;
    }

    /**
     * The JSON array {@code streamGenerateContent} returns without {@code ?alt=sse}: its items
     * are the stream's chunks, put together into one reply as a stream's are.
     */
    private static void streamedArray(JsonNode items, BlockSink sink) {
        if (items.isEmpty()) {
            throw new PromptPortException("not a Gemini reply: an empty JSON array", Loc.pointer(""));
        }
        GeminiFeed f = new GeminiFeed(sink);
        int i = 0;
        for (JsonNode item : items) {
            if (!Json.isObject(item)) {
                throw new PromptPortException("not a Gemini streamGenerateContent array: item " + i + " is not a JSON object",
                        Loc.pointer("/" + i));
            }
            ReplyShapes.geminiCandidates(item.get("candidates"), "/" + i);
            f.event(null, item);
            i++;
        }
        // as a stream's end: an array whose chunks never say why the reply stopped is one cut short
        f.end();
    }

    /** A chunk of text alone ({@link GeminiTextChunk}): what {@link #event} does with it, without a tree. */
    @Override
    public boolean quick(String text) {
        if (streamedCall != null) {
            // the text ends the call Gemini was streaming, which the tree's way does
            return false;
        }
        GeminiTextChunk c = GeminiTextChunk.read(text, runs);
        if (c == null) {
            return false;
        }
        if (!finished) {
            if (c.counts() != null) {
                usage(c.counts(), c.serviceTier());
            }
            if (!sink.started()) {
                sink.start(c.responseId(), c.modelVersion(), usage);
            }
            sink.text(c.text(), null);
        }
        return true;
    }

    /**
     * The usage so far, from a chunk's counts: a cached or thoughts count the chunk leaves out
     * keeps the earlier chunk's. The service tier goes before message_start, which carries it;
     * the sink takes the first and ignores the repeats.
     */
    private void usage(Usage.GeminiCounts k, String serviceTier) {
        cachedSeen = k.cached() < 0 ? cachedSeen : k.cached();
        thoughtsSeen = k.thoughts() < 0 ? thoughtsSeen : k.thoughts();
        usage = Usage.gemini(k.prompt(), cachedSeen, k.candidates(), thoughtsSeen, k.total());
        sink.serviceTier(serviceTier, "usageMetadata.serviceTier");
    }

    @Override
    public void event(String eventName, JsonNode chunk) {
        if (!finished && chunk != null && chunk.isArray()) {
            // chunks batched into one event, as streamGenerateContent returns them without
            // ?alt=sse: each is read in turn, as if it had come in an event of its own
            for (JsonNode item : chunk) {
                event(eventName, item);
            }
            return;
        }
        if (finished || !Json.isObject(chunk)) {
            return;
        }
        JsonNode err = chunk.get("error");
        if (Json.isObject(err)) {
            finished = true;
            String status = Json.text(err, "status");
            sink.fail(AnthropicErrors.typeOfErrorObject(err), "gemini stream error"
                    + (status != null ? " " + status : "") + ": " + Json.text(err, "message"));
            return;
        }
        JsonNode um = chunk.get("usageMetadata");
        if (Json.isObject(um)) {
            usage(Usage.GeminiCounts.of(um), Json.text(um, "serviceTier"));
        }
        if (idle(chunk)) {
            // a keep-alive does not start the reply: the caller could then not be failed over
            return;
        }
        if (!sink.started()) {
            sink.start(Json.text(chunk, "responseId"), Json.text(chunk, "modelVersion"), usage);
        }
        JsonNode candidates = chunk.get("candidates");
        if (candidates == null || !candidates.isArray() || candidates.isEmpty()) {
            String reason = Json.text(chunk.path("promptFeedback"), "blockReason");
            if (reason != null) {
                blockReason = reason;
                promptFeedback = chunk.get("promptFeedback");
                endStreamedCall();
                signaturesAfterText();
                sink.endBlock();
            }
            return;
        }
        JsonNode cand = null;
        int position = 0;
        for (JsonNode c : candidates) {
            JsonNode index = c.get("index");
            int i = index == null ? 0 : index.asInt(0);
            if (i == 0 && cand == null) {
                cand = c;
            } else {
                // two without an index can only be told apart by where they stand
                further.add(i == 0 ? position : i);
            }
            position++;
        }
        if (cand == null) {
            // a chunk of another candidate alone: its text and its finish are not the reply's
            return;
        }
        JsonNode content = cand.get("content");
        JsonNode parts = content == null ? null : content.get("parts");
        if (parts != null && parts.isArray()) {
            for (JsonNode part : parts) {
                if (!part.isObject()) {
                    // a whole reply refuses it (shape); a stream already under way names it
                    sink.leftOut("a part of no known shape (" + Json.kind(part) + ")");
                    continue;
                }
                part(part);
                if (finished) {
                    return;
                }
            }
        } else if (content != null && !content.isNull() && (!content.isObject() || parts != null && !parts.isNull())) {
            sink.leftOut("the candidate's content, of no known shape (" + Json.kind(content.isObject() ? parts : content) + ")");
        }
        if (!logprobsNamed) {
            logprobs(cand);
        }
        if (GeminiSources.any(cand)) {
            if (sources == null) {
                sources = new GeminiSources();
            }
            sources.add(cand);
        }
        JsonNode ratings = cand.get("safetyRatings");
        if (ratings != null) {
            safetyRatings = ratings;
        }
        String message = Json.text(cand, "finishMessage");
        if (message != null) {
            finishMessage = message;
        }
        String fr = Json.text(cand, "finishReason");
        if (fr != null && !fr.isEmpty()) {
            finish = fr;
            endStreamedCall();
            signaturesAfterText();
            sink.endBlock();
        }
    }

    /**
     * The candidate's log-probabilities of its tokens ({@code logprobsResult}), named once, with
     * their average. The average alone ({@code avgLogprobs}) is not named: Gemini sends it
     * with every reply, asked for or not, and a line on every reply would hide the ones that
     * matter.
     */
    private void logprobs(JsonNode cand) {
        if (LeftOut.holdsLogprobs(cand.get("logprobsResult"))) {
            logprobsNamed = true;
            sink.leftOut(LeftOut.logprobs(cand.path("avgLogprobs").isNumber() ? "logprobsResult, avgLogprobs" : "logprobsResult"));
        }
    }

    private void part(JsonNode part) {
        String token = Json.text(part, "thoughtSignature");
        String sig = token == null || token.isEmpty() ? null : ReasoningSignature.gemini(token);
        JsonNode call = part.get("functionCall");
        if (streamedCall != null) {
            if (Json.isObject(call) && unnamed(call) && noArgs(call.get("args"))) {
                if (sig != null) {
                    // the open block is the call's: the signature goes after it
                    afterText.add(sig);
                }
                continueStreamedCall(call);
                return;
            }
            endStreamedCall();
        }
        JsonNode text = part.get("text");
        boolean thought = part.path("thought").asBoolean(false);
        if (text != null && text.isTextual() && !thought) {
            if (sig != null && sink.openKind() == BlockSink.Kind.THINKING) {
                sink.signature(sig);
            } else if (sig != null) {
                afterText.add(sig);
            }
            sink.text(text.textValue(), null);
            if (!Json.isObject(call)) {
                return;
            }
            // a part is text or a call; one with both (a proxy's merge) keeps its call too, signed once
            sig = null;
        }
        signaturesAfterText();
        if (thought) {
            sink.thinking(Json.text(part, "text"), null);
            sink.signature(sig);
            if (!Json.isObject(call)) {
                return;
            }
            // a call marked as thought is still a call: the flag tells only how a text is meant
            sig = null;
        }
        sink.signature(sig);
        JsonNode code = part.get("executableCode");
        if (Json.isObject(code)) {
            sink.codeRun(Json.text(code, "code"));
            return;
        }
        JsonNode result = part.get("codeExecutionResult");
        if (Json.isObject(result)) {
            String output = Json.text(result, "output");
            String outcome = Json.text(result, "outcome");
            boolean ok = outcome == null || outcome.equals("OUTCOME_OK") || outcome.equals("OUTCOME_UNSPECIFIED");
            if (ok) {
                sink.codeResult(output, "", 0);
            } else {
                // the outcome names what went wrong ("OUTCOME_DEADLINE_EXCEEDED") when the output does not
                sink.codeResult("", output == null || output.isEmpty() ? outcome : output, 1);
            }
            return;
        }
        if (Json.isObject(call)) {
            if (unnamed(call) && noArgs(call.get("args")) && call.get("partialArgs") == null) {
                // the end mark of a streamed call that its last pieces already ended: nothing to pass on
                return;
            }
            if (!sink.toolStartNamed(Json.text(call, "id"), Json.text(call, "name"), "/candidates/0/content/parts")) {
                finished = true;
                return;
            }
            JsonNode args = call.get("args");
            if (noArgs(args) && (call.path("willContinue").asBoolean(false) || call.has("partialArgs"))) {
                streamedCall = new GeminiPartialArgs();
                continueStreamedCall(call);
                return;
            }
            if (args != null && !args.isNull()) {
                sink.toolArgs(Json.compact(args));
            }
            sink.endBlock();
            return;
        }
        JsonNode inline = part.get("inlineData");
        if (Json.isObject(inline)) {
            String data = Json.text(inline, "data");
            sink.leftOut(LeftOut.withArticle(String.valueOf(Json.text(inline, "mimeType"))) + " part the model made (inlineData, "
                    + (data == null ? 0 : data.length() * 3 / 4) + " bytes): an Anthropic reply holds no media");
            return;
        }
        if (part.fieldNames().hasNext()) {
            String key = part.fieldNames().next();
            if (!key.equals("thoughtSignature") || part.size() > 1) {
                sink.leftOut(LeftOut.kind(key.equals("thoughtSignature") ? nextKey(part) : key, "part"));
            }
        }
    }

    /**
     * Whether a piece of a streamed call names no function: the pieces after the first carry no
     * name, or an empty one (Genkit's tests, a proto writer's default).
     */
    private static boolean unnamed(JsonNode call) {
        String name = Json.text(call, "name");
        return name == null || name.isEmpty();
    }

    /**
     * Whether a call carries no arguments of its own: none, null, or the empty object that
     * proto-JSON writers put for an unset Struct, also on the first piece of a streamed call.
     */
    private static boolean noArgs(JsonNode args) {
        return args == null || args.isNull() || args.isObject() && args.isEmpty();
    }

    /**
     * A piece of the streamed call: its {@code partialArgs}, the call's end when neither the
     * call nor its last pieces say more follows, or an empty {@code functionCall} (Gemini's mark
     * that the call is over). A piece with only {@code willContinue} adds nothing.
     */
    private void continueStreamedCall(JsonNode call) {
        JsonNode pieces = call.get("partialArgs");
        if (pieces != null && pieces.isArray()) {
            streamedCall.add(pieces);
            if (!call.path("willContinue").asBoolean(false) && !GeminiPartialArgs.continues(pieces)) {
                endStreamedCall();
            }
        } else if (!call.has("willContinue")) {
            endStreamedCall();
        }
    }

    /** Passes on the arguments of the call Gemini was streaming, if one is open, and ends its block. */
    private void endStreamedCall() {
        if (streamedCall != null) {
            sink.toolArgs(streamedCall.json());
            streamedCall = null;
            sink.endBlock();
        }
    }

    /**
     * The reply is over: a normal stop, or an error when the model's turn failed and left
     * nothing but thinking ({@link GeminiFinish}).
     */
    private void complete() {
        finished = true;
        endStreamedCall();
        signaturesAfterText();
        sink.endBlock();
        if (sources != null) {
            sources.name(sink);
        }
        if (GeminiFinish.turnFailed(finish) && !sink.sawContent()) {
            sink.fail("api_error", GeminiFinish.failure(finish, finishMessage));
            return;
        }
        further.name(sink);
        String stop = stopReason();
        if (StopReasons.REFUSAL.equals(stop)) {
            // the finish message goes with the reason, in stop_details
            sink.refusalExplanation(blockReason != null ? RefusalReasons.geminiPrompt(promptFeedback)
                    : RefusalReasons.geminiFinish(finish, safetyRatings, finishMessage));
        } else {
            String said = GeminiFinish.leftOut(finish, finishMessage);
            if (said != null) {
                sink.leftOut(said);
            }
        }
        sink.finish(stop, usage);
    }

    /** The signatures text parts carried, each a thinking block after the text. */
    private void signaturesAfterText() {
        for (String sig : afterText) {
            sink.signature(sig);
        }
        afterText.clear();
    }

    /** The first field of a part after its signature. */
    private static String nextKey(JsonNode part) {
        java.util.Iterator<String> it = part.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!k.equals("thoughtSignature")) {
                return k;
            }
        }
        return "thoughtSignature";
    }

    private String stopReason() {
        if (blockReason != null) {
            return StopReasons.REFUSAL;
        }
        return StopReasons.gemini(finish, sink.sawToolUse());
    }

    @Override
    public void doneMarker() {
        // Gemini does not send [DONE]; a proxy that adds one ends the stream like the end of input
        end();
    }

    @Override
    public void end() {
        if (finished) {
            return;
        }
        if (finish != null || blockReason != null) {
            complete();
        } else {
            finished = true;
            // a reply cut short, not an error the vendor sent: broken, at no field of its own
            sink.broken("the gemini stream ended before the reply was complete (no finishReason)", "");
        }
    }
}
