package dev.promptport.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.Limits;
import dev.promptport.PromptPortException;
import dev.promptport.tree.CacheHint;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Extra;
import dev.promptport.tree.Generation;
import dev.promptport.tree.GenerationLocs;
import dev.promptport.tree.Loc;
import dev.promptport.tree.MediaSource;
import dev.promptport.tree.Part;
import dev.promptport.tree.ReasoningSignature;
import dev.promptport.tree.RawJson;
import dev.promptport.tree.ReasoningConfig;
import dev.promptport.tree.Role;
import dev.promptport.tree.SourceKind;
import dev.promptport.tree.Tool;
import dev.promptport.tree.ToolChoice;
import dev.promptport.tree.Turn;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an OpenAI Chat Completions request (or an OpenAI-compatible vendor's) into the tree:
 * system and developer messages become system content, {@code tool} messages become tool
 * results in a user turn, {@code reasoning_effort} a reasoning setting.
 */
public final class OpenAiChatReader {

    private static final Set<String> KNOWN = Set.of("model", "messages", "response_format", "tools", "tool_choice", "parallel_tool_calls",
            "max_tokens", "max_completion_tokens", "temperature", "top_p", "top_k", "stop", "stream",
            "user", "safety_identifier", "reasoning_effort", "web_search_options", "functions", "function_call");

    private OpenAiChatReader() {
    }

    public static Conversation read(String json) {
        return read(json, Limits.DEFAULTS);
    }

    /**
     * @throws PromptPortException when the text is not such a request, or a
     *     {@link dev.promptport.LimitExceededException} when it goes over {@code limits}
     */
    public static Conversation read(String json, Limits limits) {
        JsonNode parsed = JsonTreeReader.parseAny(json, "an OpenAI Chat Completions request", limits);
        Loc top = Loc.pointer("");
        // a prompt kept as its list of chat messages (promptfoo's JSON prompts, many SDK examples)
        boolean messageList = parsed.isArray();
        JsonNode root = messageList ? JsonTreeReader.MAPPER.createObjectNode() : parsed;
        if (!root.isObject()) {
            throw new PromptPortException("not an OpenAI Chat Completions request: the JSON is not an object", top);
        }
        JsonNode messages = messageList ? parsed : root.get("messages");
        if (messages == null || !messages.isArray()) {
            throw new PromptPortException("not an OpenAI Chat Completions request: it has no \"messages\" array",
                    top.child("messages"));
        }
        Loc messagesAt = messageList ? top : top.child("messages");
        List<Extra> extras = new ArrayList<>();
        List<Part> system = new ArrayList<>();
        List<Turn> turns = new ArrayList<>();
        Map<String, String> legacyCalls = new java.util.HashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            message(messages.get(i), messagesAt.child(i), system, turns, limits, legacyCalls);
            unknownMessageFields(messages.get(i), messagesAt.child(i), extras);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!KNOWN.contains(e.getKey())) {
                extras.add(new Extra(e.getKey(), JsonTreeReader.raw(e.getValue()), top.child(e.getKey())));
            }
        }
        Integer newer = OutputLimit.openAiChat(root.get("max_completion_tokens"), top.child("max_completion_tokens"),
                "max_completion_tokens");
        Integer older = OutputLimit.openAiChat(root.get("max_tokens"), top.child("max_tokens"), "max_tokens");
        String maxKey = newer != null || older == null && root.has("max_completion_tokens") ? "max_completion_tokens" : "max_tokens";
        Integer max = newer != null ? newer : older;
        if (newer != null && older != null && !newer.equals(older)) {
            // max_completion_tokens replaced the deprecated max_tokens, and servers that take both follow it;
            // the other limit is kept as an extra so FitOptions names it (PP199)
            extras.add(new Extra("max_tokens", JsonTreeReader.raw(root.get("max_tokens")), top.child("max_tokens")));
        }
        List<String> stop = null;
        JsonNode s = root.get("stop");
        if (s != null && !s.isNull() && !s.isTextual() && !s.isArray()) {
            throw new PromptPortException("expected stop as a string or a list of strings, not " + JsonTreeReader.kind(s),
                    top.child("stop"));
        }
        if (s != null && s.isTextual()) {
            stop = List.of(s.asText());
        } else if (s != null && s.isArray()) {
            stop = new ArrayList<>();
            for (JsonNode x : s) {
                stop.add(x.asText());
            }
        }
        Loc userAt = top.child(root.has("safety_identifier") ? "safety_identifier" : "user");
        String user = JsonTreeReader.text(root.has("safety_identifier") ? root.get("safety_identifier") : root.get("user"),
                userAt, "the user id");
        Generation gen = new Generation(max, JsonTreeReader.number(root.get("temperature"), top.child("temperature")),
                JsonTreeReader.number(root.get("top_p"), top.child("top_p")),
                JsonTreeReader.integer(root.get("top_k"), top.child("top_k")), stop,
                root.has("stream") ? root.get("stream").asBoolean() : null, user, null,
                OutputFormats.chat(root.get("response_format"), top.child("response_format")), null,
                new GenerationLocs(top.child(maxKey), top.child("temperature"), top.child("top_p"), top.child("top_k"),
                        top.child("stop"), userAt));
        ReasoningConfig reasoning = null;
        String effort = JsonTreeReader.text(root.get("reasoning_effort"), top.child("reasoning_effort"), "reasoning_effort");
        if (effort != null) {
            reasoning = new ReasoningConfig("none".equals(effort) ? ReasoningConfig.Mode.DISABLED
                    : ReasoningConfig.Mode.ENABLED, null, "none".equals(effort) ? null : effort, top.child("reasoning_effort"), false);
        }
        return new Conversation(SourceKind.REQUEST, JsonTreeReader.text(root.get("model"), top.child("model"), "the model"),
                system, turns, withWebSearch(root.has("tools") || !root.has("functions") ? tools(root.get("tools"), top.child("tools"))
                        : tools(root.get("functions"), top.child("functions")), root.get("web_search_options"),
                        top.child("web_search_options")),
                // the deprecated functions and function_call read as the tools and tool_choice they became
                root.has("tool_choice") || !root.has("function_call")
                        ? toolChoice(root.get("tool_choice"), root.get("parallel_tool_calls"), top, "tool_choice")
                        : toolChoice(root.get("function_call"), root.get("parallel_tool_calls"), top, "function_call"),
                gen, reasoning, extras);
    }

    /**
     * @param legacyCalls the id given to the last call of each function made through the
     *        deprecated {@code function_call}, which has none, so the {@code function} (or
     *        {@code tool}) message that answers it by the function's name can name it
     */
    private static void message(JsonNode m, Loc at, List<Part> system, List<Turn> turns, Limits limits,
                                Map<String, String> legacyCalls) {
        if (!m.isObject()) {
            throw new PromptPortException("expected a message object", at);
        }
        String role = JsonTreeReader.text(m.get("role"), at.child("role"), "the role");
        if (role == null) {
            throw new PromptPortException("the message has no \"role\"", at);
        }
        switch (role) {
            case "system", "developer" -> {
                List<Part> parts = cached(m, content(m.get("content"), at.child("content"), limits));
                if (turns.isEmpty()) {
                    system.addAll(parts);
                } else {
                    // an instruction from this point of the conversation on: it keeps its place
                    add(turns, Role.SYSTEM, parts, at);
                }
            }
            case "user" -> add(turns, Role.USER, cached(m, content(m.get("content"), at.child("content"), limits)), at);
            case "assistant" -> {
                List<Part> parts = reasoning(m, at);
                parts.addAll(content(m.get("content"), at.child("content"), limits));
                String refusal = JsonTreeReader.text(m.get("refusal"), at.child("refusal"), "the refusal");
                if (refusal != null && !refusal.isEmpty()) {
                    // what the model said when it refused is its reply, as Claude's refusals are text
                    parts.add(AnthropicRequestReader.text(refusal, null, at.child("refusal"), limits));
                }
                JsonNode calls = JsonTreeReader.list(m.get("tool_calls"), at.child("tool_calls"), "tool_calls");
                if (calls != null && calls.isArray()) {
                    for (int i = 0; i < calls.size(); i++) {
                        Loc callAt = at.child("tool_calls").child(i);
                        Part.Reasoning signed = geminiSignature(calls.get(i), callAt);
                        if (signed != null) {
                            parts.add(signed);
                        }
                        parts.add(toolCall(calls.get(i), callAt, limits));
                    }
                }
                JsonNode legacy = m.get("function_call");
                if (legacy != null && legacy.isObject()) {
                    String name = JsonTreeReader.text(legacy.get("name"), at.child("function_call").child("name"), "the function name");
                    if (name == null) {
                        throw new PromptPortException("the function call has no name", at.child("function_call"));
                    }
                    String id = "call_fn_" + (legacyCalls.size() + 1) + "_" + turns.size();
                    legacyCalls.put(name, id);
                    parts.add(call(id, name, arguments(legacy.get("arguments")), at.child("function_call"),
                            at.child("function_call").child("arguments"), limits));
                }
                add(turns, Role.ASSISTANT, cached(m, parts), at);
            }
            case "tool", "function" -> {
                String id = role.equals("function") && m.hasNonNull("name")
                        ? legacyCalls.getOrDefault(m.get("name").asText(), m.get("name").asText())
                        : JsonTreeReader.text(m.has("tool_call_id") ? m.get("tool_call_id") : m.get("name"),
                        at.child("tool_call_id"), "tool_call_id");
                if (id == null) {
                    throw new PromptPortException("the tool message has no \"tool_call_id\"", at);
                }
                if (role.equals("tool")) {
                    // a deprecated function_call has no id, so a tool message answering it can only
                    // name the function (LlamaIndex writes tool_call_id = the function's name)
                    id = legacyCalls.getOrDefault(id, id);
                }
                add(turns, Role.USER, List.of(new Part.ToolResult(id, content(m.get("content"), at.child("content"), limits),
                        false, cacheHint(m), at)), at);
            }
            default -> throw new PromptPortException("unknown role \"" + role + "\"", at.child("role"));
        }
    }

    /**
     * The reasoning an assistant message carries back, which opens its turn as Claude's thinking
     * does: LiteLLM's {@code thinking_blocks} (Claude's own blocks, their signatures kept, so
     * Claude can verify them and keep thinking on), and DeepSeek's and vLLM's
     * {@code reasoning_content}, reasoning no vendor signed, which DeepSeek wants back on a turn
     * of tool calls and the other targets leave out with a finding. LiteLLM sends both, the text
     * being the blocks' own: it is then read once.
     */
    private static List<Part> reasoning(JsonNode m, Loc at) {
        List<Part> parts = new ArrayList<>();
        StringBuilder blocksText = new StringBuilder();
        JsonNode blocks = JsonTreeReader.list(m.get("thinking_blocks"), at.child("thinking_blocks"), "thinking_blocks");
        if (blocks != null && blocks.isArray()) {
            for (int i = 0; i < blocks.size(); i++) {
                Loc bat = at.child("thinking_blocks").child(i);
                JsonNode b = JsonTreeReader.object(blocks.get(i), bat, "a thinking block");
                if (b == null) {
                    continue;
                }
                String type = JsonTreeReader.text(b.get("type"), bat.child("type"), "the block's type");
                if ("redacted_thinking".equals(type)) {
                    parts.add(new Part.Reasoning("", null, true, JsonTreeReader.text(b.get("data"), bat.child("data"), "the data"), bat));
                } else if ("thinking".equals(type)) {
                    String text = JsonTreeReader.text(b.get("thinking"), bat.child("thinking"), "the thinking");
                    text = text == null ? "" : text;
                    blocksText.append(text);
                    parts.add(new Part.Reasoning(text, JsonTreeReader.text(b.get("signature"), bat.child("signature"), "the signature"),
                            false, null, bat));
                } else {
                    throw new PromptPortException("expected a thinking block of type \"thinking\" or \"redacted_thinking\"", bat.child("type"));
                }
            }
        }
        String given = JsonTreeReader.text(m.get("reasoning_content"), at.child("reasoning_content"), "reasoning_content");
        if (given != null && !given.isEmpty() && !given.contentEquals(blocksText)) {
            parts.add(new Part.Reasoning(given, null, false, null, at.child("reasoning_content")));
        }
        return parts;
    }

    /**
     * A {@code cache_control} on the message itself (LiteLLM's and CLIProxyAPI's convention beside
     * the one on a part) marks the end of the cached prefix at the message's end: its last part
     * that can carry a mark takes it, unless a part's own mark is already there.
     */
    private static List<Part> cached(JsonNode m, List<Part> parts) {
        CacheHint hint = cacheHint(m);
        if (hint == null) {
            return parts;
        }
        for (int i = parts.size() - 1; i >= 0; i--) {
            Part p = parts.get(i);
            Part marked = null;
            if (p instanceof Part.Text t) {
                marked = t.cache() != null ? t : new Part.Text(t.text(), t.markup(), hint, t.loc(), t.citations(), t.deferred());
            } else if (p instanceof Part.Image im) {
                marked = im.cache() != null ? im : new Part.Image(im.source(), im.detail(), hint, im.loc());
            } else if (p instanceof Part.Document d) {
                marked = d.cache() != null ? d
                        : new Part.Document(d.source(), d.title(), d.context(), d.citations(), hint, d.loc(), d.wire());
            } else if (p instanceof Part.ToolCall c) {
                marked = c.cache() != null ? c : new Part.ToolCall(c.id(), c.name(), c.input(), hint, c.loc(), c.unparsed());
            }
            if (marked != null) {
                List<Part> out = new ArrayList<>(parts);
                out.set(i, marked);
                return out;
            }
        }
        return parts;
    }

    /**
     * A message's fields the tree has no place for ({@code name} on a user message, {@code audio}):
     * reported like unknown request fields, so none is dropped without a word. Empty ones
     * ({@code "refusal": null}) say nothing and are skipped.
     */
    private static void unknownMessageFields(JsonNode m, Loc at, List<Extra> extras) {
        if (!m.isObject()) {
            return;
        }
        String role = m.path("role").asText();
        boolean tool = "tool".equals(role) || "function".equals(role);
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            boolean known = MESSAGE_FIELDS.contains(key) || key.equals("name") && tool
                    || REASONING_FIELDS.contains(key) && "assistant".equals(role);
            if (!known && !e.getValue().isNull()) {
                extras.add(new Extra(key, JsonTreeReader.raw(e.getValue()), at.child(key)));
            }
        }
    }

    private static final Set<String> MESSAGE_FIELDS = Set.of("role", "content", "tool_calls", "tool_call_id",
            "refusal", "function_call", "cache_control");

    /** Read on an assistant message only ({@link #reasoning}); on another, named as left out. */
    private static final Set<String> REASONING_FIELDS = Set.of("reasoning_content", "thinking_blocks");

    /** Tool results arrive as separate messages; they and the user's text form one user turn. */
    private static void add(List<Turn> turns, Role role, List<Part> parts, Loc at) {
        if (parts.isEmpty()) {
            return;
        }
        Turn last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
        if (last != null && last.role() == role && role == Role.USER) {
            List<Part> merged = new ArrayList<>(last.parts());
            merged.addAll(parts);
            turns.set(turns.size() - 1, last.withParts(merged));
        } else {
            turns.add(new Turn(role, parts, at));
        }
    }

    /**
     * Claude's prompt-caching breakpoint as gateways let OpenAI-format requests carry it
     * ({@code cache_control} on a content part, LiteLLM's and OpenRouter's convention), so it
     * reaches Claude, or is named where it is dropped; and OpenAI's own explicit breakpoint
     * ({@code prompt_cache_breakpoint}), which marks the end of a reusable prefix the same way.
     */
    static CacheHint cacheHint(JsonNode part) {
        JsonNode cache = part.get("cache_control");
        if (cache == null || !cache.isObject()) {
            // its lifetime is the request's prompt_cache_options.ttl, which Claude's default stands for
            return part.path("prompt_cache_breakpoint").isObject() ? new CacheHint("ephemeral", null) : null;
        }
        JsonNode ttl = cache.get("ttl");
        return new CacheHint(cache.path("type").asText("ephemeral"), ttl != null && ttl.isTextual() ? ttl.asText() : null);
    }

    private static List<Part> content(JsonNode c, Loc at, Limits limits) {
        if (c == null || c.isNull()) {
            return List.of();
        }
        if (c.isTextual()) {
            return List.of(AnthropicRequestReader.text(c.asText(), null, at, limits));
        }
        if (!c.isArray()) {
            throw new PromptPortException("expected a string or a list of content parts", at);
        }
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            JsonNode p = c.get(i);
            Loc pat = at.child(i);
            String type = p.path("type").asText("");
            switch (type) {
                case "text" -> parts.add(AnthropicRequestReader.text(p.path("text").asText(""), cacheHint(p), pat, limits));
                case "refusal" -> parts.add(AnthropicRequestReader.text(p.path("refusal").asText(""), null, pat, limits));
                case "image_url" -> {
                    JsonNode url = p.path("image_url");
                    String u = url.isTextual() ? url.asText() : url.path("url").asText(null);
                    if (u == null) {
                        throw new PromptPortException("the image part has no url", pat);
                    }
                    String detail = url.isObject() ? url.path("detail").asText(null) : null;
                    MediaSource src = DataUrls.source(u, "image/png");
                    parts.add(DataUrls.pdf(src) ? new Part.Document(src, null, null, false, cacheHint(p), pat)
                            : new Part.Image(src, detail, cacheHint(p), pat));
                }
                case "file" -> {
                    JsonNode f = p.path("file");
                    MediaSource src = f.has("file_data") ? DataUrls.document(f.get("file_data").asText())
                            : f.has("file_id") ? new MediaSource.FileRef(f.get("file_id").asText(), MediaSource.FileRef.OPENAI)
                            : new MediaSource.Opaque("file", JsonTreeReader.raw(p), "openai-chat");
                    String name = f.path("filename").asText(null);
                    // a stored file's name goes back to OpenAI as it came
                    parts.add(new Part.Document(src, name == null || src instanceof MediaSource.FileRef ? name
                            : name.replaceFirst("(?i)\\.pdf$", ""), null, false, cacheHint(p), pat, "openai-chat"));
                }
                case "input_audio" -> parts.add(audio(p, pat));
                // a video as a data URL, as vLLM, LiteLLM and LobeChat write it beside image_url: a
                // file for the targets that read video (Gemini), named where it cannot go; a video
                // at an address stays unread, as its type is not known
                case "video_url" -> {
                    JsonNode url = p.path("video_url");
                    String u = url.isTextual() ? url.asText() : url.path("url").asText("");
                    MediaSource src = DataUrls.source(u, "video/mp4");
                    parts.add(src instanceof MediaSource.Base64 ? new Part.Document(src, null, null, false, cacheHint(p), pat)
                            : new Part.Opaque(type, JsonTreeReader.raw(p), pat, "openai-chat"));
                }
                default -> parts.add(new Part.Opaque(type.isEmpty() ? "unknown" : type, JsonTreeReader.raw(p), pat, "openai-chat"));
            }
        }
        return parts;
    }

    /**
     * A clip of audio (base64 {@code wav} or {@code mp3}) as a document of its media type, which
     * Gemini reads as inline bytes; a part without data stays a block of its own, named as such.
     */
    private static Part audio(JsonNode p, Loc at) {
        JsonNode audio = p.path("input_audio");
        JsonNode data = audio.get("data");
        if (data == null || !data.isTextual()) {
            return new Part.Opaque("input_audio", JsonTreeReader.raw(p), at, "openai-chat");
        }
        String format = audio.path("format").asText("wav");
        return new Part.Document(new MediaSource.Base64("audio/" + format, data.asText()), null, null, false, null, at,
                "openai-chat");
    }

    private static Part toolCall(JsonNode call, Loc at, Limits limits) {
        if ("custom".equals(call.path("type").asText())) {
            // a custom tool's free text is the one field of the function tool it becomes
            JsonNode custom = call.path("custom");
            String name = custom.path("name").asText(null);
            if (name == null) {
                throw new PromptPortException("the custom tool call has no name", at);
            }
            return new Part.ToolCall(call.path("id").asText(null), name, CustomTools.input(custom.path("input").asText("")),
                    null, at);
        }
        JsonNode fn = call.path("function");
        String name = fn.path("name").asText(null);
        if (name == null) {
            throw new PromptPortException("the tool call has no function name", at);
        }
        return call(call.path("id").asText(null), name, arguments(fn.get("arguments")), at,
                at.child("function").child("arguments"), limits);
    }

    /**
     * The thought signature Gemini's OpenAI-compatible endpoint gives a call, in
     * {@code extra_content.google.thought_signature} (Portkey spells it
     * {@code function.thought_signature}), as the signed thinking before the call that Gemini's
     * own reader makes of it: Gemini 3 refuses a call of the turn in progress without it.
     */
    private static Part.Reasoning geminiSignature(JsonNode call, Loc at) {
        JsonNode google = call.path("extra_content").path("google").get("thought_signature");
        Loc sigAt = at.child("extra_content").child("google").child("thought_signature");
        if (google == null) {
            google = call.path("function").get("thought_signature");
            sigAt = at.child("function").child("thought_signature");
        }
        if (google == null || !google.isTextual() || google.textValue().isEmpty()) {
            return null;
        }
        return new Part.Reasoning("", ReasoningSignature.gemini(google.textValue()), false, null, sigAt);
    }

    /**
     * A call's arguments as JSON text: OpenAI sends them as text, and some clients and gateways
     * (Agno's, Portkey's) as the object itself, which read as text would be blank.
     */
    static String arguments(JsonNode args) {
        if (args == null || args.isNull() || args.isMissingNode()) {
            return "{}";
        }
        return args.isTextual() ? args.textValue() : args.toString();
    }

    /**
     * A function call whose arguments are JSON text. Text that is not one JSON object (a reply cut
     * off at its length limit) is kept under {@code "_raw"}, so nothing is lost and every target
     * gets an object, and the call is marked so a finding names it at {@code argsAt}.
     */
    static Part.ToolCall call(String id, String name, String args, Loc at, Loc argsAt, Limits limits) {
        try {
            return new Part.ToolCall(id, name,
                    JsonTreeReader.raw(JsonTreeReader.parse(args.isBlank() ? "{}" : args, "tool arguments", limits)), null, at);
        } catch (PromptPortException e) {
            return new Part.ToolCall(id, name, new RawJson("{\"_raw\":" + RawJson.quote(args) + "}"), null, at, argsAt);
        }
    }

    private static List<Tool> tools(JsonNode tools, Loc at) {
        if (JsonTreeReader.list(tools, at, "tools") == null || !tools.isArray()) {
            return List.of();
        }
        List<Tool> out = new ArrayList<>();
        for (int i = 0; i < tools.size(); i++) {
            JsonNode t = tools.get(i);
            Loc tat = at.child(i);
            if ("custom".equals(t.path("type").asText())) {
                out.add(CustomTools.tool(t.path("custom"), tat.child("custom")));
                continue;
            }
            JsonNode fn = t.has("function") ? t.get("function") : t;
            String name = fn.path("name").asText(null);
            if (name == null) {
                throw new PromptPortException("the tool has no function name", tat);
            }
            JsonNode params = fn.get("parameters");
            JsonNode strict = fn.get("strict");
            // the function object is where its name and schema are, so findings point into it
            // gateways take Claude's cache breakpoint beside the function object (LiteLLM's convention)
            out.add(new Tool.Function(name, fn.path("description").asText(null),
                    JsonTreeReader.objectSchema(params), cacheHint(t),
                    fn == t ? tat : tat.child("function"),
                    strict == null || !strict.isBoolean() ? null : strict.asBoolean()).withSchemaField("parameters"));
        }
        ToolNameClash.requireDistinct(out);
        return out;
    }

    /**
     * {@code web_search_options} (the search models' web search) as the hosted web search tool
     * every writer knows, spelled as Claude's: an approximate user location carries over.
     * {@code type} keeps the OpenAI name, so the rewrite steps can tell the tool was not Claude's.
     */
    /** OpenAI's web search setting for how much context a search gathers (low, medium, high). */
    private static final String SEARCH_CONTEXT_SIZE = "search_context_size";
    /** The Responses API's web search setting that keeps a search to cached pages when false. */
    private static final String EXTERNAL_WEB_ACCESS = "external_web_access";

    private static List<Tool> withWebSearch(List<Tool> tools, JsonNode options, Loc at) {
        if (options == null || !options.isObject()) {
            return tools;
        }
        List<Tool> out = new ArrayList<>(tools);
        out.add(new Tool.Hosted(Tool.HostedKind.WEB_SEARCH, "web_search_options", "web_search",
                claudeWebSearch(null, options.path("user_location").path("approximate"), options), at));
        return out;
    }

    /**
     * Claude's web search definition with the settings OpenAI's searches share with it: the
     * allowed domains (none when {@code domains} is null or empty) and the approximate location
     * {@code where} gives (city, region, country, time zone). OpenAI's own settings of
     * {@code search} (how much context the search gathers, whether it may go live to the web)
     * ride along under OpenAI's names, for the writer that takes them and for PP150 to name
     * where none does ({@code rules/HostedToolSettings}).
     */
    static RawJson claudeWebSearch(JsonNode domains, JsonNode where, JsonNode search) {
        StringBuilder def = new StringBuilder("{\"type\":\"web_search_20250305\",\"name\":\"web_search\"");
        if (domains != null && domains.isArray() && !domains.isEmpty()) {
            def.append(",\"allowed_domains\":").append(domains);
        }
        StringBuilder location = new StringBuilder();
        for (String f : new String[]{"city", "region", "country", "timezone"}) {
            JsonNode v = where.get(f);
            if (v != null && v.isTextual() && !v.asText().isEmpty()) {
                location.append(",\"").append(f).append("\":").append(v);
            }
        }
        if (location.length() > 0) {
            def.append(",\"user_location\":{\"type\":\"approximate\"").append(location).append('}');
        }
        JsonNode size = search.get(SEARCH_CONTEXT_SIZE);
        if (size != null && size.isTextual()) {
            def.append(",\"" + SEARCH_CONTEXT_SIZE + "\":").append(size);
        }
        JsonNode live = search.get(EXTERNAL_WEB_ACCESS);
        if (live != null && live.isBoolean() && !live.asBoolean()) {
            // true is the default: only an offline search asks for something
            def.append(",\"" + EXTERNAL_WEB_ACCESS + "\":false");
        }
        return new RawJson(def.append('}').toString());
    }

    private static ToolChoice toolChoice(JsonNode choice, JsonNode parallel, Loc top, String field) {
        Boolean par = parallel == null || parallel.isNull() ? null : parallel.asBoolean();
        Loc parAt = top.child("parallel_tool_calls");
        if (choice == null || choice.isNull()) {
            return par == null ? null : new ToolChoice(ToolChoice.Mode.UNSPECIFIED, null, par, parAt, null, parAt);
        }
        Loc at = top.child(field);
        if (choice.isTextual()) {
            ToolChoice.Mode mode = switch (choice.asText()) {
                case "required" -> ToolChoice.Mode.ANY;
                case "none" -> ToolChoice.Mode.NONE;
                default -> ToolChoice.Mode.AUTO;
            };
            return new ToolChoice(mode, null, par, at, null, parAt);
        }
        if ("allowed_tools".equals(choice.path("type").asText())) {
            JsonNode allowed = choice.path("allowed_tools");
            return OpenAiResponsesReader.allowedTools(allowed.path("mode").asText("auto"), allowed.path("tools"), par, at, parAt);
        }
        String name = choice.path("function").path("name").asText(choice.path("custom").path("name")
                .asText(choice.path("name").asText(null)));
        return new ToolChoice(name == null ? ToolChoice.Mode.AUTO : ToolChoice.Mode.TOOL, name, par, at, null, parAt);
    }
}
