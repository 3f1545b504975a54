package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.PromptPortException;
import dev.promptport.tree.Loc;
import dev.promptport.tree.ReasoningSignature;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * OpenAI Responses API → Anthropic. Output items in order: {@code reasoning} → {@code thinking}
 * (the summary texts joined by a blank line, else the reasoning content's texts joined so;
 * signature: the item's id and {@code encrypted_content}, marked as OpenAI's, when the request
 * asked for the content, else empty); {@code message} →
 * one {@code text} block per {@code output_text} part ({@code refusal} parts become text too,
 * with stop reason {@code refusal}); {@code function_call} → {@code tool_use} with
 * {@code call_id} as the id; {@code custom_tool_call} (a custom tool's free-form text) → a
 * {@code tool_use} whose input is <code>{"input": "the text"}</code>, as the request side
 * offers custom tools. Hosted-tool items (web search, file search, …) have no Anthropic
 * block and are left out; promptport does not send hosted tools. In a stream, an item of which
 * nothing was streamed is sent whole from its {@code output_item.done}, or from
 * {@code response.completed}'s output when only that holds it; an item is never sent twice.
 * Items are passed on one at a time ({@link ItemOrder}), so that each gives its blocks whole
 * however its events interleave with another's. The response's {@code service_tier} becomes
 * the usage's, as for Chat Completions.
 */
final class ResponsesFeed implements StreamFeed {

    private final BlockSink sink;
    private boolean refusal;
    private boolean finished;
    private boolean logprobsNamed;
    /** Output index of the open function call, and whether any of its arguments were passed on. */
    private int toolOutput = -1;
    /** The open call's item id, which tells its done event apart when that comes without an output index. */
    private String toolId;
    private boolean toolArgsSeen;
    /**
     * The free-form text streamed so far for the open custom tool call, which becomes its
     * input only whole; {@code null} when the open call (if any) is a function call.
     */
    private StringBuilder customInput;
    /** Summary (or content) part index of the last thinking delta. */
    private int reasoningPart = -1;
    /**
     * The output items whose content went out, by item id and by output index (tool calls and
     * other items apart), so that an item that arrives whole later (in {@code output_item.done}
     * or {@code response.completed}) is sent only when nothing of it was. A call never stands
     * for a message, nor a message for a call: at an index where only the other kind went out,
     * each with an id ({@link #givenWithoutIdAt} tells), an item of another id is another item,
     * as when a stream finishes a message and then a call at one index.
     */
    private final Set<String> givenIds = new HashSet<>();
    private final Set<Integer> callGivenAt = new HashSet<>();
    private final Set<Integer> otherGivenAt = new HashSet<>();
    private final Set<Integer> givenWithoutIdAt = new HashSet<>();
    /** What {@link #gave(int, String, boolean)} noted last, which noting again changes nothing. */
    private int lastGivenAt = Integer.MIN_VALUE;
    private String lastGivenId;
    private boolean lastGivenCall;
    private final ItemOrder<Held> order = new ItemOrder<>();
    /** What this stream's text deltas hold around their sequence number ({@link ResponsesTextDelta.Runs}). */
    private final ResponsesTextDelta.Runs runs = new ResponsesTextDelta.Runs();
    /** The block key of the content part text went to last, and its part: made once, not for every delta. */
    private String textKey;
    private int textKeyOut = -1;
    private int textKeyPart = -1;
    /** The reply's annotations, named when it ends. */
    private Annotations annotations;
    /**
     * A tool call, or other content, came without an output index or item id: no whole item of
     * its kind can then be told new. A message's text never stands for a call, nor a call for a
     * message, so each kind keeps its own.
     */
    private boolean unplacedCall;
    private boolean unplacedOther;

    ResponsesFeed(BlockSink sink) {
        this.sink = sink;
    }

    // ------------------------------------------------------------------ whole replies

    static void whole(JsonNode root, BlockSink sink) {
        if (!Json.isObject(root)) {
            throw new PromptPortException("not an OpenAI Responses reply: expected a JSON object", Loc.pointer(""));
        }
        String status = Json.text(root, "status");
        JsonNode err = root.get("error");
        if (Json.isObject(err) && (status == null || "failed".equals(status))) {
            sink.fail(AnthropicErrors.typeOfErrorObject(err), String.valueOf(Json.text(err, "message")));
        }
        String type = Json.text(root, "type");
        if (type != null && type.startsWith("response.")) {
            // a reply has no type; its stream's events have, and hold a piece of it, which would be lost here
            throw new PromptPortException("not a whole OpenAI Responses reply but one of its stream's events (\"type\": \""
                    + type + "\"): translate the stream as a stream (Replies.stream, or promptport reply --stream)",
                    Loc.pointer("/type"));
        }
        JsonNode output = root.get("output");
        if (output == null || !output.isArray()) {
            throw new PromptPortException("not an OpenAI Responses reply: no output array", Loc.pointer("/output"));
        }
        if (status != null && !"completed".equals(status) && !"incomplete".equals(status)) {
            throw new PromptPortException(switch (status) {
                case "cancelled" -> "the response was cancelled before it was finished (status cancelled): it holds no reply to translate";
                case "failed" -> "the response failed (status failed) without an error object saying why";
                default -> "the response is not finished (status " + status + ")";
            }, Loc.pointer("/status"));
        }
        ReplyShapes.responsesOutput(output);
        ForeignReply.check(root, ReplyFormat.OPENAI_RESPONSES, output.isEmpty(), sink);
        sink.serviceTier(servedTier(root));
        sink.start(Json.text(root, "id"), Json.text(root, "model"), Usage.ZERO);
        ResponsesFeed f = new ResponsesFeed(sink);
        int i = 0;
        for (JsonNode item : output) {
            f.item(item, i++);
        }
        sink.endBlock();
        f.finished = true;
        f.nameAnnotations();
        sink.finish(f.stopReason(root), Usage.responses(root.get("usage")));
    }

    private void item(JsonNode item, int index) {
        String type = Json.text(item, "type");
        if (type == null) {
            // a message in the input's short form (role and content, no type), as some servers
            // echo it; anything else without a type is named, not dropped unseen
            type = item.has("role") && item.has("content") ? "message" : "untyped";
        }
        switch (type) {
            case "reasoning" -> {
                sink.thinking(reasoningText(item), "reasoning:" + index);
                sink.signature(signature(item));
                sink.endBlock();
            }
            case "message" -> {
                JsonNode shortForm = item.get("content");
                if (shortForm != null && shortForm.isTextual()) {
                    sink.text(shortForm.textValue(), index + ":0");
                }
                int j = 0;
                for (JsonNode part : item.path("content")) {
                    String pt = Json.text(part, "type");
                    if ("output_text".equals(pt) || "text".equals(pt) || "input_text".equals(pt)) {
                        // text and input_text: servers that write the message as its input form
                        sink.text(Json.text(part, "text"), index + ":" + j);
                        logprobs(part.get("logprobs"));
                        annotate(index, part.get("annotations"));
                    } else if ("refusal".equals(pt)) {
                        refusal = true;
                        sink.text(Json.text(part, "refusal"), index + ":" + j);
                    } else {
                        sink.leftOut(LeftOut.kind(String.valueOf(pt), "message part"));
                    }
                    j++;
                }
                sink.endBlock();
            }
            case "function_call" -> {
                if (!sink.toolStartNamed(callId(item), Json.text(item, "name"), "/output/" + index + "/name")) {
                    // a stream has been ended with an error; a whole reply has thrown
                    finished = true;
                    return;
                }
                sink.toolArgs(Json.arguments(item, "arguments"));
                sink.endBlock();
            }
            case "custom_tool_call" -> {
                if (!sink.toolStartNamed(callId(item), Json.text(item, "name"), "/output/" + index + "/name")) {
                    finished = true;
                    return;
                }
                sink.toolArgs(ToolInput.custom(Json.text(item, "input")));
                sink.endBlock();
            }
            case "code_interpreter_call" -> codeRun(item);
            default -> sink.leftOut(LeftOut.kind(type, "item"));
        }
    }

    /**
     * OpenAI's code interpreter, which a request with Claude's code execution tool turns on, as
     * Claude's own code execution blocks: the code, then its logs as standard output. Image
     * outputs point into OpenAI's container and are left out.
     */
    private void codeRun(JsonNode item) {
        sink.codeRun(Json.text(item, "code"));
        StringBuilder logs = new StringBuilder();
        List<String> images = null;
        for (JsonNode o : item.path("outputs")) {
            String type = Json.text(o, "type");
            if ("logs".equals(type)) {
                String l = Json.text(o, "logs");
                if (l != null) {
                    logs.append(l);
                }
            } else if ("image".equals(type)) {
                if (images == null) {
                    images = new java.util.ArrayList<>();
                }
                String url = Json.text(o, "url");
                images.add(url == null ? "" : url);
            }
        }
        if (images != null) {
            sink.leftOut(LeftOut.codeImages(images, Json.text(item, "container_id")));
        }
        boolean failed = "failed".equals(Json.text(item, "status"));
        sink.codeResult(failed ? "" : logs.toString(), failed ? logs.toString() : "", failed ? 1 : 0);
    }

    /** The {@code logprobs} of an output text or of a piece of one, named once. */
    private void logprobs(JsonNode logprobs) {
        if (!logprobsNamed && LeftOut.holdsLogprobs(logprobs)) {
            logprobsNamed = true;
            sink.leftOut(LeftOut.logprobs("output_text.logprobs"));
        }
    }

    /**
     * A piece of a reasoning item's summary part or content part {@code part}: a new part of the
     * open thinking block starts after a blank line, as {@link #joinedParts} joins them whole.
     */
    private void reasoningDelta(JsonNode e, int out, int part) {
        String delta = Json.text(e, "delta");
        if (delta != null && !delta.isEmpty() && sink.openKind() == BlockSink.Kind.THINKING
                && ("reasoning:" + out).equals(sink.openKey()) && part != reasoningPart) {
            delta = "\n\n" + delta;
        }
        if (delta != null && !delta.isEmpty()) {
            reasoningPart = part;
        }
        gave(out, e, delta);
        sink.thinking(delta, "reasoning:" + out);
    }

    private static String reasoningText(JsonNode item) {
        String summary = joinedParts(item.path("summary"));
        return summary.isEmpty() ? joinedParts(item.path("content")) : summary;
    }

    /**
     * The texts of a reasoning item's summary or content parts, a blank line between two, as
     * their streamed deltas are joined: each part is a passage of its own.
     */
    private static String joinedParts(JsonNode parts) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode s : parts) {
            String t = Json.text(s, "text");
            if (t != null && !t.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append("\n\n");
                }
                sb.append(t);
            }
        }
        return sb.toString();
    }

    /**
     * The response's {@code service_tier}, unless it is {@code auto}: a response in progress
     * repeats the tier the request asked for, and {@code auto} names none that served it.
     */
    private static String servedTier(JsonNode response) {
        String tier = Json.text(response, "service_tier");
        return "auto".equals(tier) ? null : tier;
    }

    private static String callId(JsonNode item) {
        String id = Json.text(item, "call_id");
        return id != null ? id : Json.text(item, "id");
    }

    private String stopReason(JsonNode response) {
        if ("incomplete".equals(Json.text(response, "status"))
                && "content_filter".equals(Json.text(response.path("incomplete_details"), "reason"))) {
            sink.refusalExplanation(RefusalReasons.responsesContentFilter());
        }
        return StopReasons.responses(Json.text(response, "status"),
                Json.text(response.path("incomplete_details"), "reason"), sink.sawToolUse(), refusal);
    }

    // ------------------------------------------------------------------ streams

    /** A piece of text alone ({@link ResponsesTextDelta}): what {@link #event} does with it, without a tree. */
    @Override
    public boolean quick(String text) {
        ResponsesTextDelta d = ResponsesTextDelta.read(text, runs);
        if (d == null) {
            return false;
        }
        if (finished) {
            return true;
        }
        if (!order.passes(d.out())) {
            // it waits for the item streaming now, kept as a tree
            return false;
        }
        textDelta(d.out(), d.itemId(), d.contentIndex(), d.delta());
        return true;
    }

    /** A piece of the text of item {@code out}'s content part {@code part}. */
    private void textDelta(int out, String itemId, int part, String delta) {
        if (delta != null && !delta.isEmpty()) {
            gave(out, itemId, false);
        }
        sink.text(delta, textKey(out, part));
    }

    /** The block key of item {@code out}'s content part {@code part}: its text is one block. */
    private String textKey(int out, int part) {
        if (textKey == null || out != textKeyOut || part != textKeyPart) {
            textKey = out + ":" + part;
            textKeyOut = out;
            textKeyPart = part;
        }
        return textKey;
    }

    @Override
    public void event(String eventName, JsonNode e) {
        if (finished || !Json.isObject(e)) {
            return;
        }
        String type = Json.text(e, "type");
        if (type == null) {
            type = eventName == null ? "" : eventName;
        }
        JsonNode index = e.get("output_index");
        // only a number places an event (Jackson would read true as 1)
        int out = index != null && index.isIntegralNumber() ? index.asInt() : -1;
        if (!order.hold(out, new Held(type, out, e))) {
            handle(type, out, e);
        }
    }

    /** An event of an item that waits for the one streaming ({@link ItemOrder}). */
    private record Held(String type, int out, JsonNode event) {
    }

    private void replay(List<Held> events) {
        for (Held h : events) {
            if (finished) {
                return;
            }
            handle(h.type(), h.out(), h.event());
        }
    }

    private void handle(String type, int out, JsonNode e) {
        switch (type) {
            case "response.created", "response.in_progress", "response.queued" -> {
                if (!sink.started()) {
                    JsonNode r = e.path("response");
                    // before message_start, which carries it
                    sink.serviceTier(servedTier(r));
                    sink.start(Json.text(r, "id"), Json.text(r, "model"), Usage.responses(r.get("usage")));
                }
            }
            case "response.output_item.added" -> {
                JsonNode item = e.path("item");
                String itemType = Json.text(item, "type");
                boolean custom = "custom_tool_call".equals(itemType);
                if (custom || "function_call".equals(itemType)) {
                    if (!sink.toolStartNamed(callId(item), Json.text(item, "name"), null)) {
                        finished = true;
                        return;
                    }
                    toolOutput = out;
                    toolId = Json.text(item, "id");
                    gave(out, toolId, true);
                    String args = custom ? Json.text(item, "input") : Json.arguments(item, "arguments");
                    toolArgsSeen = args != null && !args.isEmpty();
                    if (custom) {
                        customInput = new StringBuilder(args == null ? "" : args);
                    } else {
                        sink.toolArgs(args);
                    }
                }
            }
            case "response.output_text.delta" -> {
                logprobs(e.get("logprobs"));
                textDelta(out, Json.text(e, "item_id"), e.path("content_index").asInt(0), Json.text(e, "delta"));
            }
            case "response.output_text.annotation.added" -> {
                JsonNode a = e.get("annotation");
                if (Json.isObject(a)) {
                    annotations().add(a, out);
                }
            }
            case "response.refusal.delta" -> {
                refusal = true;
                textDelta(out, Json.text(e, "item_id"), e.path("content_index").asInt(0), Json.text(e, "delta"));
            }
            case "response.reasoning_summary_text.delta" -> reasoningDelta(e, out, e.path("summary_index").asInt(0));
            case "response.reasoning_text.delta" -> reasoningDelta(e, out, e.path("content_index").asInt(0));
            case "response.function_call_arguments.delta" -> {
                String d = Json.text(e, "delta");
                // a call announced without its output_index takes the arguments that follow it
                if (out == toolOutput || out < 0 || toolOutput < 0 && sink.openKind() == BlockSink.Kind.TOOL_USE) {
                    if (d != null && !d.isEmpty()) {
                        toolArgsSeen = true;
                        sink.toolArgs(d);
                    }
                } else {
                    // a delta is never a repeat: its call never came, or has ended
                    orphanArguments(d);
                }
            }
            case "response.custom_tool_call_input.delta" -> {
                String d = Json.text(e, "delta");
                if (customInput != null && (out == toolOutput || out < 0) && d != null && !d.isEmpty()) {
                    toolArgsSeen = true;
                    customInput.append(d);
                }
            }
            case "response.custom_tool_call_input.done" -> {
                String whole = Json.text(e, "input");
                if (customInput != null && (out == toolOutput || out < 0) && !toolArgsSeen && whole != null) {
                    toolArgsSeen = true;
                    customInput.append(whole);
                }
            }
            case "response.function_call_arguments.done" -> {
                String args = Json.arguments(e, "arguments");
                if (out == toolOutput || out < 0 || toolOutput < 0 && sink.openKind() == BlockSink.Kind.TOOL_USE) {
                    // without its arguments the event leaves them to the finished item
                    if (args != null && toolArgsSeen) {
                        sink.toolArgsWhole(args);
                    } else if (args != null) {
                        toolArgsSeen = true;
                        sink.toolArgs(args);
                    }
                } else if (!given(out, Json.text(e, "item_id"), true)) {
                    // a repeat of a call already passed on is nothing new
                    orphanArguments(args);
                }
            }
            case "response.output_item.done" -> {
                itemDone(e.path("item"), out);
                replay(order.done(out));
            }
            case "response.completed", "response.incomplete" -> {
                replay(order.rest());
                if (finished) {
                    return;
                }
                endCustomCall(null);
                JsonNode r = e.path("response");
                // OpenAI says which tier served the reply only now, after message_start: Anthropic's
                // message_delta usage has no service_tier, so a tier not given before is named
                sink.serviceTier(servedTier(r));
                int i = 0;
                for (JsonNode item : r.path("output")) {
                    // a server that streams nothing but the finished response puts the reply here
                    if (!given(i, Json.text(item, "id"), isCall(Json.text(item, "type")))) {
                        item(item, i);
                        if (finished) {
                            return;
                        }
                    } else {
                        annotationsOf(item, i);
                    }
                    i++;
                }
                sink.endBlock();
                finished = true;
                nameAnnotations();
                sink.finish(stopReason(r), Usage.responses(r.get("usage")));
            }
            case "response.failed" -> {
                JsonNode err = e.path("response").path("error");
                finished = true;
                sink.fail(AnthropicErrors.typeOfErrorObject(err), "openai-responses: the response failed: "
                        + (Json.text(err, "message") != null ? Json.text(err, "message") : "no reason given"));
            }
            case "error" -> {
                finished = true;
                JsonNode err = e.has("error") && e.get("error").isObject() ? e.get("error") : e;
                sink.fail(AnthropicErrors.typeOfErrorObject(err), "openai-responses stream error: " + Json.text(err, "message"));
            }
            default -> {
                // content_part.added/done, output_text.done, annotations, hosted-tool progress: nothing to send
            }
        }
    }

    private void itemDone(JsonNode item, int out) {
        String type = Json.text(item, "type");
        if (type == null) {
            // an event without its item, or of an item of no type, gave nothing: counted as given, it would hide
            // the next item's text
            return;
        }
        String id = Json.text(item, "id");
        boolean call = isCall(type);
        if (!given(out, id, call)) {
            // nothing of it was streamed: it arrives whole here
            item(item, out);
            gave(out, id, call);
            toolOutput = -1;
            toolId = null;
            toolArgsSeen = false;
            reasoningPart = -1;
            return;
        }
        if ("custom_tool_call".equals(type)) {
            if (out == toolOutput) {
                endCustomCall(Json.text(item, "input"));
            }
            toolOutput = -1;
            toolId = null;
            toolArgsSeen = false;
        } else if ("function_call".equals(type)) {
            if ((out == toolOutput || toolOutput < 0 || !noId(id) && id.equals(toolId))
                    && sink.openKind() == BlockSink.Kind.TOOL_USE) {
                sink.toolArgsWhole(Json.arguments(item, "arguments"));
                sink.endBlock();
            } else if (out < 0 && noId(id) && sink.openKind() != BlockSink.Kind.TOOL_USE) {
                // an item with neither place nor id reads as one given before: its arguments are
                // named rather than dropped
                orphanArguments(Json.arguments(item, "arguments"));
            }
            toolOutput = -1;
            toolId = null;
            toolArgsSeen = false;
        } else if ("reasoning".equals(type)) {
            sink.signature(signature(item));
            if (sink.openKind() == BlockSink.Kind.THINKING) {
                sink.endBlock();
            }
            reasoningPart = -1;
        } else if ("message".equals(type)) {
            annotationsOf(item, out);
            if (sink.openKind() == BlockSink.Kind.TEXT) {
                sink.endBlock();
            }
        }
    }

    /**
     * The annotations of a message item whose text was streamed, unless they came in events of
     * their own: some servers send them only with the finished item.
     */
    private void annotationsOf(JsonNode item, int out) {
        if (!"message".equals(Json.text(item, "type")) || annotations != null && annotations.cameFrom(out)) {
            return;
        }
        for (JsonNode part : item.path("content")) {
            annotate(out, part.get("annotations"));
        }
    }

    /** The annotations of output item {@code out}, to be named when the reply ends. */
    private void annotate(int out, JsonNode list) {
        if (list != null && list.isArray() && !list.isEmpty()) {
            annotations().addAll(list, out);
        }
    }

    private Annotations annotations() {
        if (annotations == null) {
            // most replies have none: nothing is made until one has
            annotations = new Annotations();
        }
        return annotations;
    }

    private void nameAnnotations() {
        if (annotations != null) {
            annotations.name(sink, "annotations");
        }
    }

    /**
     * Ends the streamed custom tool call, if one is open, with the text streamed for it, or
     * {@code whole} (the finished item's) when none was.
     */
    private void endCustomCall(String whole) {
        if (customInput == null) {
            return;
        }
        String text = toolArgsSeen || whole == null ? customInput.toString() : whole;
        customInput = null;
        if (sink.openKind() == BlockSink.Kind.TOOL_USE) {
            sink.toolArgs(ToolInput.custom(text));
            sink.endBlock();
        }
    }

    /** Arguments when no call of theirs is open: named, as no tool_use can hold them. */
    private void orphanArguments(String args) {
        if (args != null && !args.isBlank()) {
            sink.leftOut(BlockSink.ORPHAN_ARGUMENTS);
        }
    }

    /** Content of item {@code out} went out; {@code call} when the item is a tool call. */
    private void gave(int out, String id, boolean call) {
        // the text deltas of one item come one after another, with the same id: noted once
        if (out == lastGivenAt && id == lastGivenId && call == lastGivenCall) {
            return;
        }
        lastGivenAt = out;
        lastGivenId = id;
        lastGivenCall = call;
        if (out >= 0) {
            (call ? callGivenAt : otherGivenAt).add(out);
        }
        if (!noId(id)) {
            givenIds.add(id);
        } else if (out >= 0) {
            givenWithoutIdAt.add(out);
        } else {
            if (call) {
                unplacedCall = true;
            } else {
                unplacedOther = true;
            }
        }
    }

    /** As {@link #gave(int, String, boolean)} for a delta of text or thinking, when it carries something. */
    private void gave(int out, JsonNode event, String delta) {
        if (delta != null && !delta.isEmpty()) {
            gave(out, Json.text(event, "item_id"), false);
        }
    }

    /** Whether something of item {@code out} (a tool call when {@code call}) went out already, or may have. */
    private boolean given(int out, String id, boolean call) {
        if ((call ? unplacedCall : unplacedOther) || !noId(id) && givenIds.contains(id)) {
            return true;
        }
        if (out < 0) {
            return false;
        }
        boolean sameKind = (call ? callGivenAt : otherGivenAt).contains(out);
        boolean otherKind = (call ? otherGivenAt : callGivenAt).contains(out);
        return sameKind || otherKind && (noId(id) || givenWithoutIdAt.contains(out));
    }

    /** An empty id tells no item apart, as none does. */
    private static boolean noId(String id) {
        return id == null || id.isEmpty();
    }

    private static boolean isCall(String type) {
        return "function_call".equals(type) || "custom_tool_call".equals(type);
    }

    @Override
    public void doneMarker() {
        end();
    }

    @Override
    public void end() {
        if (finished) {
            return;
        }
        finished = true;
        sink.fail("api_error", "the openai-responses stream ended before the reply was complete (no response.completed)");
    }

    /**
     * The signature a reasoning item's thinking block carries: its id and encrypted content,
     * which a later Responses request sends back; none when the reply had no encrypted content
     * (the request did not ask for it), as an id alone fails where OpenAI stores nothing.
     */
    private static String signature(JsonNode item) {
        String id = Json.text(item, "id");
        String encrypted = Json.text(item, "encrypted_content");
        return id == null || id.isEmpty() || encrypted == null || encrypted.isEmpty() ? null
                : ReasoningSignature.openAi(id, encrypted);
    }
}
