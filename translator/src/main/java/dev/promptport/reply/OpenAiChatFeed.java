package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.PromptPortException;
import dev.promptport.tree.Loc;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OpenAI Chat Completions (and OpenAI-compatible vendors: DeepSeek, OpenRouter, vLLM, Gemini's
 * compatibility endpoint) → Anthropic. Only the first choice is translated (an Anthropic reply
 * has one); the others are named as left out. Reasoning text ({@code reasoning_content}: DeepSeek, vLLM, as an object
 * from Envoy AI Gateway; {@code reasoning}, else the text of {@code reasoning_details}: OpenRouter;
 * else of {@code thinking_blocks}: LiteLLM's convention) becomes the first block, {@code thinking}
 * with an empty signature (only Anthropic can sign; signed or encrypted reasoning a proxy passes
 * on is named as left out); then the text (and the transcript of a spoken reply, whose audio is named as left
 * out); then {@code refusal} text (with stop reason {@code refusal}); then the tool calls. Images the model made
 * ({@code image_url} content parts, OpenRouter's {@code images}) are named as left out. In a stream the tool calls are collected ({@link ChatToolCalls}) and become
 * blocks when the finish reason arrives.
 */
final class OpenAiChatFeed implements StreamFeed {

    /**
     * A reply that OpenRouter, Mistral or another OpenAI-compatible server ended with
     * {@code finish_reason: "error"} and no error object: cut short, not finished.
     */
    private static final String FAILED = "the vendor ended the reply with an error (finish_reason error);"
            + " the reply is incomplete";

    private final BlockSink sink;
    private String finish;
    private boolean refusal;
    private Usage usage = Usage.ZERO;
    private boolean finished;
    private boolean logprobsNamed;
    private boolean signedReasoningNamed;
    private boolean otherReasoningNamed;
    /** Azure's {@code content_filter_results} that flagged something, or {@code null}. */
    private JsonNode filterResults;
    /** The reply's annotations (web citations), named when it ends: a stream may spread them over chunks. */
    private Annotations annotations;
    /** The spoken reply: its id, the length of its base64 audio so far, whether it had a transcript. */
    private String audioId;
    private long audioChars;
    private boolean audioTranscript;
    private final ChatToolCalls toolCalls = new ChatToolCalls();
    /** What this stream's text chunks open with ({@link ChatTextChunk.Opening}). */
    private final ChatTextChunk.Opening opening = new ChatTextChunk.Opening();
    /** Choices after the first, which a stream (with {@code n} above 1) sends among the first's chunks. */
    private final FurtherChoices further = new FurtherChoices("choice");

    OpenAiChatFeed(BlockSink sink) {
        this.sink = sink;
    }

    // ------------------------------------------------------------------ whole replies

    static void whole(JsonNode root, BlockSink sink) {
        if (!Json.isObject(root)) {
            throw new PromptPortException("not an OpenAI Chat Completions reply: expected a JSON object", Loc.pointer(""));
        }
        JsonNode err = root.get("error");
        if (Json.isObject(err)) {
            sink.fail(AnthropicErrors.typeOfErrorObject(err), String.valueOf(Json.text(err, "message")));
        }
        JsonNode choices = root.get("choices");
        if (choices == null || !choices.isArray()) {
            throw new PromptPortException("not an OpenAI Chat Completions reply: no choices array", Loc.pointer("/choices"));
        }
        ForeignReply.check(root, ReplyFormat.OPENAI_CHAT, choices.isEmpty(), sink);
        if (choices.isEmpty()) {
            throw new PromptPortException("the reply has no choices", Loc.pointer("/choices"));
        }
        JsonNode choice = choices.get(0);
        JsonNode message = choice.get("message");
        if (!Json.isObject(message)) {
            throw new PromptPortException("the first choice has no message object", Loc.pointer("/choices/0/message"));
        }
        ReplyShapes.chatMessage(message);
        sink.serviceTier(Json.text(root, "service_tier"));
        moderation(root, sink);
        sink.start(Json.text(root, "id"), Json.text(root, "model"), Usage.ZERO);
        OpenAiChatFeed f = new OpenAiChatFeed(sink);
        f.content(message);
        nameOwnFields(message, sink);
        f.nameAnnotations();
        f.logprobs(choice);
        if (choices.size() > 1) {
            sink.leftOut((choices.size() - 1) + " further choice(s): an Anthropic reply holds one");
        }
        JsonNode delta = choice.get("delta");
        if (Json.isObject(delta) && holdsAnything(delta)) {
            sink.leftOut("the delta a whole reply's choice held beside its message (the message was read)");
        }
        JsonNode calls = message.get("tool_calls");
        if (calls != null && calls.isArray()) {
            int i = 0;
            for (JsonNode c : calls) {
                JsonNode custom = c.get("custom");
                if (Json.isObject(custom)) {
                    // a custom tool's free-form text, as the function tool it was offered as takes it
                    sink.toolStartNamed(Json.text(c, "id"), Json.text(custom, "name"), "/choices/0/message/tool_calls/" + i++ + "/custom/name");
                    sink.toolArgs(ToolInput.custom(Json.text(custom, "input")));
                    sink.endBlock();
                } else {
                    JsonNode fn = c.path("function");
                    functionCall(Json.text(c, "id"), Json.text(fn, "name"), arguments(fn), i++, sink);
                }
            }
        }
        JsonNode legacy = message.get("function_call");
        if (Json.isObject(legacy)) {
            sink.toolStartNamed(null, Json.text(legacy, "name"), "/choices/0/message/function_call/name");
            sink.toolArgs(arguments(legacy));
            sink.endBlock();
        }
        sink.endBlock();
        f.nameAudio();
        f.finish = finishReason(Json.text(choice, "finish_reason"));
        f.filter(choice);
        f.usage = Usage.openAiChat(usage(root));
        f.finishWhole();
    }

    /**
     * The reply {@link ChatReply} read without a tree: what {@link #whole(JsonNode, BlockSink)}
     * does with a reply of that shape, which has no other reasoning fields, content parts,
     * annotations, audio, images, logprobs or second choice to name.
     */
    static void whole(ChatReply r, BlockSink sink) {
        sink.serviceTier(r.serviceTier());
        sink.start(r.id(), r.model(), Usage.ZERO);
        OpenAiChatFeed f = new OpenAiChatFeed(sink);
        sink.thinking(r.reasoning(), null);
        if (r.content() != null) {
            sink.text(r.content(), null);
        }
        if (r.refusal() != null && !r.refusal().isEmpty()) {
            f.refusal = true;
            sink.text(r.refusal(), null);
        }
        List<ChatReply.Call> calls = r.calls();
        for (int i = 0; i < calls.size(); i++) {
            ChatReply.Call c = calls.get(i);
            functionCall(c.id(), c.name(), c.arguments(), i, sink);
        }
        sink.endBlock();
        f.finish = finishReason(r.finish());
        f.usage = r.usage();
        f.finishWhole();
    }

    /** A whole reply's function call, the {@code i}th of its message's tool calls. */
    private static void functionCall(String id, String name, String args, int i, BlockSink sink) {
        if ((name == null || name.isEmpty()) && args.isEmpty()) {
            // as in a stream (ChatToolCalls): nothing to call, and failing would lose the calls beside it
            sink.leftOut(LeftOut.emptyToolCall(id));
            return;
        }
        sink.toolStartNamed(id, name, "/choices/0/message/tool_calls/" + i + "/function/name");
        sink.toolArgs(args);
        sink.endBlock();
    }

    /** A whole reply's end, from its finish reason: refused when the vendor cut it short, else finished. */
    private void finishWhole() {
        if ("insufficient_system_resource".equals(finish)) {
            throw new PromptPortException("the vendor stopped the reply for lack of resources (finish_reason"
                    + " insufficient_system_resource); the reply is incomplete", Loc.pointer("/choices/0/finish_reason"));
        }
        if ("error".equals(finish)) {
            throw new PromptPortException(FAILED, Loc.pointer("/choices/0/finish_reason"));
        }
        explainContentFilter();
        sink.finish(StopReasons.openAiChat(finish, sink.sawToolUse(), refusal), usage);
    }

    /** What Azure's content filter flagged in a choice ({@code content_filter_results}), kept for {@link #explainContentFilter}. */
    private void filter(JsonNode choice) {
        JsonNode results = choice.get("content_filter_results");
        if (results != null && !results.isEmpty() && RefusalReasons.filtered(results)) {
            filterResults = results;
        }
    }

    /** A reply the content filter stopped says so, and what the filter flagged, in {@code stop_details}. */
    private void explainContentFilter() {
        if ("content_filter".equals(finish)) {
            sink.refusalExplanation(RefusalReasons.chatContentFilter(filterResults));
        }
    }

    /** Reasoning, text and refusal of a message or a delta. */
    private void content(JsonNode m) {
        JsonNode given = m.get("reasoning_content");
        String reasoning = given != null && given.isTextual() ? given.textValue() : null;
        if (Json.isObject(given)) {
            reasoning = reasoningObject(given);
        }
        String other = Json.text(m, "reasoning");
        if (reasoning == null || reasoning.isEmpty()) {
            // an empty reasoning_content beside the text in reasoning (a server that sends both)
            // says nothing: the text is read where it is
            if (other != null && (reasoning == null || !other.isEmpty())) {
                reasoning = other;
            }
        } else if (other != null && !other.isEmpty() && !other.equals(reasoning) && !otherReasoningNamed) {
            // servers that send both send the same text; a different one cannot join it unnoticed
            otherReasoningNamed = true;
            sink.leftOut(LeftOut.otherReasoning());
        }
        JsonNode details = m.get("reasoning_details");
        if (details != null && details.isArray() && !details.isEmpty()) {
            reasoning = reasoningDetails(details, reasoning == null || reasoning.isEmpty() ? null : reasoning);
        }
        JsonNode blocks = m.get("thinking_blocks");
        if (blocks != null) {
            if (!signedReasoningNamed) {
                signedReasoning(blocks, "thinking_blocks");
            }
            if (reasoning == null || reasoning.isEmpty()) {
                String text = ReasoningShapes.thinkingBlocksText(blocks);
                reasoning = text != null ? text : reasoning;
            }
        }
        sink.thinking(reasoning, null);
        JsonNode content = m.get("content");
        if (content != null && content.isTextual()) {
            sink.text(content.textValue(), null);
        } else if (content != null && content.isArray()) {
            // some OpenAI-compatible servers (Mistral) send content parts
            for (JsonNode part : content) {
                String type = Json.text(part, "type");
                // a part without a type (or a blank one) but with a text is text: servers that leave
                // the type out of a lone kind
                boolean untyped = type == null || type.isBlank();
                if ("text".equals(type) || "output_text".equals(type) || untyped && part.path("text").isTextual()) {
                    sink.text(Json.text(part, "text"), null);
                } else if ("refusal".equals(type)) {
                    refusal = true;
                    sink.text(Json.text(part, "refusal"), null);
                } else if ("thinking".equals(type)) {
                    thinkingPart(part.get("thinking"));
                } else if ("image_url".equals(type)) {
                    // the text after the image is not the text before it continued
                    sink.endBlock();
                    sink.leftOut(LeftOut.madeImage(part.get("image_url"), "content"));
                } else if (!untyped) {
                    sink.leftOut(LeftOut.kind(type, "content part"));
                }
            }
        }
        JsonNode images = m.get("images");
        if (images != null && images.isArray()) {
            // OpenRouter's image models: the images beside the text
            for (JsonNode image : images) {
                sink.leftOut(LeftOut.madeImage(image.get("image_url"), "images"));
            }
        }
        JsonNode audio = m.get("audio");
        if (Json.isObject(audio)) {
            audio(audio);
        }
        JsonNode list = m.get("annotations");
        if (list != null && list.isArray() && !list.isEmpty()) {
            if (annotations == null) {
                annotations = new Annotations();
            }
            annotations.addAll(list, 0);
        }
        String refusalText = Json.text(m, "refusal");
        if (refusalText != null && !refusalText.isEmpty()) {
            refusal = true;
            sink.text(refusalText, null);
        }
    }

    /** The text of reasoning sent as an object ({@link ReasoningShapes}); its signature or redacted part named, once, as left out. */
    private String reasoningObject(JsonNode given) {
        if (!signedReasoningNamed && ReasoningShapes.objectSigned(given)) {
            signedReasoningNamed = true;
            sink.leftOut(LeftOut.signedReasoning("reasoning_content"));
        }
        return ReasoningShapes.objectText(given);
    }

    /**
     * OpenRouter's {@code reasoning_details}: the reasoning's text when {@code reasoning} has
     * none ({@code reasoning.text}, {@code reasoning.summary}), and its signatures and encrypted
     * reasoning named as left out.
     */
    private String reasoningDetails(JsonNode details, String reasoning) {
        if (!signedReasoningNamed) {
            signedReasoning(details, "reasoning_details");
        }
        if (reasoning != null) {
            return reasoning;
        }
        StringBuilder text = null;
        for (JsonNode d : details) {
            String piece = Json.text(d, "text");
            if (piece == null) {
                piece = Json.text(d, "summary");
            }
            if (piece != null && !piece.isEmpty()) {
                if (text == null) {
                    text = new StringBuilder();
                }
                text.append(piece);
            }
        }
        return text == null ? null : text.toString();
    }

    /** Names, once, reasoning entries that carry a signature or encrypted data ({@code where}: the field). */
    private void signedReasoning(JsonNode list, String where) {
        if (list == null || !list.isArray()) {
            return;
        }
        for (JsonNode d : list) {
            String sig = Json.text(d, "signature");
            String data = Json.text(d, "data");
            if (sig != null && !sig.isEmpty() || data != null && !data.isEmpty()) {
                signedReasoningNamed = true;
                sink.leftOut(LeftOut.signedReasoning(where));
                return;
            }
        }
    }

    /**
     * A spoken reply ({@code audio}, whole or a piece of it): its transcript is the reply's
     * text; the audio itself is counted, to be named when the reply ends.
     */
    private void audio(JsonNode audio) {
        String id = Json.text(audio, "id");
        if (id != null && !id.isEmpty()) {
            audioId = id;
        }
        String data = Json.text(audio, "data");
        if (data != null) {
            audioChars += data.length();
        }
        String transcript = Json.text(audio, "transcript");
        if (transcript != null && !transcript.isEmpty()) {
            audioTranscript = true;
            sink.text(transcript, null);
        }
    }

    private void nameAnnotations() {
        if (annotations != null) {
            annotations.name(sink, "annotations");
        }
    }

    private void nameAudio() {
        if (audioChars > 0 || audioId != null) {
            sink.leftOut(LeftOut.audio(audioId, audioChars * 3 / 4, audioTranscript));
        }
    }

    /** What OpenAI's moderation, when the request asked for it, flagged in the prompt or the reply. */
    private static void moderation(JsonNode replyOrChunk, BlockSink sink) {
        JsonNode m = replyOrChunk.get("moderation");
        if (Json.isObject(m)) {
            for (String[] side : new String[][] {{"input", "the prompt"}, {"output", "the reply"}}) {
                String said = LeftOut.moderation(m, side[0], side[1]);
                if (said != null) {
                    sink.leftOut(said);
                }
            }
        }
    }

    /** A choice's {@code logprobs}, named once: a stream sends them with every piece. */
    private void logprobs(JsonNode choice) {
        if (!logprobsNamed && LeftOut.holdsLogprobs(choice.get("logprobs"))) {
            logprobsNamed = true;
            sink.leftOut(LeftOut.logprobs("logprobs"));
        }
    }

    /** A thinking part's {@code thinking}: text, or (Mistral's Magistral) an array of text parts. */
    private void thinkingPart(JsonNode thinking) {
        if (thinking == null) {
            return;
        }
        if (thinking.isTextual()) {
            sink.thinking(thinking.textValue(), null);
        } else if (thinking.isArray()) {
            for (JsonNode t : thinking) {
                if (t.isTextual()) {
                    sink.thinking(t.textValue(), null);
                } else if ("text".equals(Json.text(t, "type"))) {
                    sink.thinking(Json.text(t, "text"), null);
                }
            }
        }
    }

    /**
     * A choice's {@code finish_reason}, or {@code null} while the reply goes on. Hunyuan, MiniMax
     * and OpenCode send {@code ""} on every chunk before the last, and some servers behind
     * Higress the word {@code "null"} (or blanks): read as a finish, it would cut a tool call
     * after its first argument piece.
     */
    private static String finishReason(String fr) {
        return fr == null || fr.isBlank() || fr.equalsIgnoreCase("null") ? null : fr;
    }

    /** The usage of a reply or a chunk; Groq puts it in {@code x_groq}, in the same shape. */
    private static JsonNode usage(JsonNode replyOrChunk) {
        JsonNode u = replyOrChunk.get("usage");
        return Json.isObject(u) ? u : replyOrChunk.path("x_groq").get("usage");
    }

    private static String arguments(JsonNode fn) {
        String a = Json.arguments(fn, "arguments");
        return a == null ? "" : a;
    }

    // ------------------------------------------------------------------ streams

    /** A chunk of text alone ({@link ChatTextChunk}): what {@link #event} does with it, without a tree. */
    @Override
    public boolean quick(String text) {
        ChatTextChunk c = ChatTextChunk.read(text, opening);
        if (c == null) {
            return false;
        }
        if (!finished) {
            // before message_start, which carries it, as event() does
            sink.serviceTier(c.serviceTier());
            if (!sink.started()) {
                sink.start(c.id(), c.model(), Usage.ZERO);
            }
            sink.text(c.content(), null);
        }
        return true;
    }

    @Override
    public void event(String eventName, JsonNode chunk) {
        if (finished || !Json.isObject(chunk)) {
            return;
        }
        JsonNode err = chunk.get("error");
        if (err != null && !err.isNull()) {
            finished = true;
            String message = err.isObject() ? Json.text(err, "message") : err.asText();
            sink.fail(AnthropicErrors.typeOfErrorObject(err), "openai-chat stream error: " + message);
            return;
        }
        moderation(chunk, sink);
        JsonNode choices = chunk.get("choices");
        // before message_start, which carries it; the sink takes the first and ignores the repeats
        sink.serviceTier(Json.text(chunk, "service_tier"));
        if (idle(chunk)) {
            // a keep-alive does not start the reply: the caller could then not be failed over
            return;
        }
        if (!sink.started() && opensTheMessage(chunk, choices)) {
            sink.start(Json.text(chunk, "id"), Json.text(chunk, "model"), Usage.ZERO);
        }
        if (choices != null && choices.isArray()) {
            for (JsonNode choice : choices) {
                JsonNode index = choice.get("index");
                if (index != null && index.asInt() != 0) {
                    further.add(index.asInt());
                    continue;
                }
                // a few OpenAI-compatible servers send chunks shaped as a whole reply's choice
                JsonNode delta = choice.get("delta");
                JsonNode message = choice.get("message");
                if (Json.isObject(delta) && Json.isObject(message) && holdsAnything(message)) {
                    if (holdsAnything(delta)) {
                        sink.leftOut("the message a stream chunk held beside its delta (the delta was read)");
                    } else {
                        // an empty delta beside the message that has the text: the message is the chunk
                        delta = message;
                    }
                }
                delta(Json.isObject(delta) ? delta : message);
                logprobs(choice);
                filter(choice);
                // Kimi puts the stream's usage in the choice
                JsonNode choiceUsage = choice.get("usage");
                if (Json.isObject(choiceUsage)) {
                    usage = Usage.openAiChat(choiceUsage);
                }
                String fr = finishReason(Json.text(choice, "finish_reason"));
                if (fr != null) {
                    finish = fr;
                    sink.endBlock();
                    if (!toolCalls.emit(sink)) {
                        finished = true;
                        return;
                    }
                }
            }
        }
        JsonNode u = usage(chunk);
        if (Json.isObject(u)) {
            usage = Usage.openAiChat(u);
        }
    }

    /**
     * Whether a chunk belongs to the reply: Azure sends first a chunk of its prompt filter's
     * results with an empty id, model and choices, which would give the message a made-up id
     * and the model "unknown".
     */
    /** A chunk without choices, usage or error: nothing of the reply. */
    @Override
    public boolean idle(JsonNode chunk) {
        if (!Json.isObject(chunk)) {
            return false;
        }
        JsonNode choices = chunk.get("choices");
        JsonNode err = chunk.get("error");
        return (choices == null || choices.isArray() && choices.isEmpty()) && usage(chunk) == null
                && (err == null || err.isNull());
    }

    private static boolean opensTheMessage(JsonNode chunk, JsonNode choices) {
        String id = Json.text(chunk, "id");
        return id != null && !id.isEmpty() || choices != null && choices.isArray() && !choices.isEmpty()
                || Json.isObject(chunk.get("usage"));
    }

    /** Whether a choice's delta or message holds anything of the reply: a field besides its role that is not null or empty. */
    /** The fields of a reply's message that are read, or that hold nothing a reply could carry. */
    private static final Set<String> MESSAGE_FIELDS = Set.of("role", "name", "content", "refusal", "tool_calls", "function_call",
            "reasoning_content", "reasoning", "reasoning_details", "thinking_blocks", "annotations", "audio", "images");

    /**
     * Names the fields of the vendor's or gateway's own in a whole reply's message that hold
     * something (Portkey's {@code content_blocks}, Groq's {@code executed_tools}, Azure's
     * {@code context}): none is dropped without a word. Null, false, empty text and containers of
     * nothing else hold nothing.
     */
    private static void nameOwnFields(JsonNode message, BlockSink sink) {
        for (Map.Entry<String, JsonNode> f : message.properties()) {
            if (!MESSAGE_FIELDS.contains(f.getKey()) && holds(f.getValue())) {
                sink.leftOut("the message's field \"" + f.getKey() + "\" (no Anthropic block holds it)");
            }
        }
    }

    private static boolean holds(JsonNode v) {
        if (v.isContainerNode()) {
            for (JsonNode item : v) {
                if (holds(item)) {
                    return true;
                }
            }
            return false;
        }
        return !v.isNull() && !(v.isBoolean() && !v.booleanValue()) && !(v.isTextual() && v.textValue().isEmpty());
    }

    private static boolean holdsAnything(JsonNode d) {
        for (Map.Entry<String, JsonNode> f : d.properties()) {
            JsonNode v = f.getValue();
            if (!f.getKey().equals("role") && !v.isNull() && !(v.isTextual() && v.textValue().isEmpty())
                    && !(v.isContainerNode() && v.isEmpty())) {
                return true;
            }
        }
        return false;
    }

    private void delta(JsonNode d) {
        if (!Json.isObject(d)) {
            return;
        }
        content(d);
        JsonNode calls = d.get("tool_calls");
        if (calls != null && calls.isArray()) {
            toolCalls.add(calls);
        }
        JsonNode legacy = d.get("function_call");
        if (Json.isObject(legacy)) {
            toolCalls.addLegacy(legacy);
        }
    }

    @Override
    public void doneMarker() {
        complete();
    }

    @Override
    public void end() {
        if (finished) {
            return;
        }
        if (finish != null) {
            complete();
        } else {
            finished = true;
            sink.fail("api_error", "the openai-chat stream ended before the reply was complete (no finish_reason)");
        }
    }

    private void complete() {
        if (finished) {
            return;
        }
        finished = true;
        sink.endBlock();
        if (!toolCalls.emit(sink)) {
            return;
        }
        further.name(sink);
        nameAnnotations();
        nameAudio();
        if ("insufficient_system_resource".equals(finish)) {
            sink.fail("overloaded_error", "the vendor stopped the reply for lack of resources"
                    + " (finish_reason insufficient_system_resource)");
            return;
        }
        if ("error".equals(finish)) {
            sink.fail("api_error", FAILED);
            return;
        }
        explainContentFilter();
        sink.finish(StopReasons.openAiChat(finish, sink.sawToolUse(), refusal), usage);
    }
}
