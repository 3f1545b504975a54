package dev.promptport.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.Limits;
import dev.promptport.PromptPortException;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Extra;
import dev.promptport.tree.Generation;
import dev.promptport.tree.GenerationLocs;
import dev.promptport.tree.Loc;
import dev.promptport.tree.MediaSource;
import dev.promptport.tree.Part;
import dev.promptport.tree.RawJson;
import dev.promptport.tree.ReasoningConfig;
import dev.promptport.tree.ReasoningSignature;
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
 * Reads an OpenAI Responses request ({@code POST /v1/responses}): {@code instructions} and
 * system or developer messages become system content; {@code function_call} items join the
 * assistant turn before them and {@code function_call_output} items the next user turn.
 */
public final class OpenAiResponsesReader {

    private static final Set<String> ROLES = Set.of("user", "assistant", "system", "developer");

    private static final Set<String> KNOWN = Set.of("model", "text", "instructions", "input", "tools", "tool_choice",
            "parallel_tool_calls", "max_output_tokens", "temperature", "top_p", "reasoning", "stream",
            "safety_identifier", "user");

    /** An item that points at one stored at OpenAI; the only kind whose {@code type} may be left out. */
    private static final String ITEM_REFERENCE = "item_reference";

    private OpenAiResponsesReader() {
    }

    public static Conversation read(String json) {
        return read(json, Limits.DEFAULTS);
    }

    /**
     * @throws PromptPortException when the text is not such a request, or a
     *     {@link dev.promptport.LimitExceededException} when it goes over {@code limits}
     */
    public static Conversation read(String json, Limits limits) {
        JsonNode root = JsonTreeReader.parse(json, "an OpenAI Responses request", limits);
        Loc top = Loc.pointer("");
        JsonNode input = root.get("input");
        if (input == null || input.isNull()) {
            throw new PromptPortException("not an OpenAI Responses request: it has no \"input\"", top.child("input"));
        }
        if (!(input.isArray() || input.isTextual())) {
            throw new PromptPortException("\"input\" must be a string or an array of input items, not "
                    + JsonTreeReader.kind(input), top.child("input"));
        }
        List<Part> system = new ArrayList<>();
        String instructions = JsonTreeReader.text(root.get("instructions"), top.child("instructions"), "instructions");
        if (instructions != null) {
            system.add(AnthropicRequestReader.text(instructions, null, top.child("instructions"), limits));
        }
        List<Turn> turns = new ArrayList<>();
        if (input.isTextual()) {
            turns.add(new Turn(Role.USER, List.of(AnthropicRequestReader.text(input.asText(), null, top.child("input"), limits)),
                    top.child("input")));
        } else {
            for (int i = 0; i < input.size(); i++) {
                item(input.get(i), top.child("input").child(i), system, turns, limits);
            }
        }
        List<Extra> extras = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!KNOWN.contains(e.getKey())) {
                extras.add(new Extra(e.getKey(), JsonTreeReader.raw(e.getValue()), top.child(e.getKey())));
            }
        }
        Loc userAt = top.child(root.has("safety_identifier") ? "safety_identifier" : "user");
        String user = JsonTreeReader.text(root.has("safety_identifier") ? root.get("safety_identifier") : root.get("user"),
                userAt, "the user id");
        Generation gen = new Generation(OutputLimit.responses(root.get("max_output_tokens"), top.child("max_output_tokens")),
                JsonTreeReader.number(root.get("temperature"), top.child("temperature")),
                JsonTreeReader.number(root.get("top_p"), top.child("top_p")), null, null,
                root.has("stream") ? root.get("stream").asBoolean() : null, user, null,
                OutputFormats.responses(root.get("text"), top.child("text")), null,
                new GenerationLocs(top.child("max_output_tokens"), top.child("temperature"), top.child("top_p"),
                        top.child("top_k"), top.child("stop"), userAt));
        JsonNode text = root.get("text");
        if (text != null && text.isObject()) {
            // text.verbosity and the like have no counterpart in the tree: reported, not lost
            for (Iterator<Map.Entry<String, JsonNode>> it = text.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("format")) {
                    extras.add(new Extra(e.getKey(), JsonTreeReader.raw(e.getValue()), top.child("text").child(e.getKey())));
                }
            }
        }
        ReasoningConfig reasoning = null;
        String effort = root.path("reasoning").path("effort").asText(null);
        // reasoning.summary ("auto", "concise", "detailed") asks for the reasoning's text with the
        // reply; kept so each target takes it or names its loss (IncludeThoughts). generate_summary
        // is its older name, which the API still takes
        JsonNode reasoningObject = root.path("reasoning");
        JsonTreeReader.object(root.get("reasoning"), top.child("reasoning"), "reasoning");
        String summaryName = reasoningObject.has("summary") || !reasoningObject.has("generate_summary")
                ? "summary" : "generate_summary";
        JsonNode summary = reasoningObject.get(summaryName);
        boolean summarised = summary != null && summary.isTextual();
        if (summarised) {
            extras.add(new Extra("summary", JsonTreeReader.raw(summary), top.child("reasoning").child(summaryName)));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = reasoningObject.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (!key.equals("effort") && !key.equals(summaryName) && !e.getValue().isNull()) {
                // anything else in reasoning (a newer setting, or generate_summary beside summary) is named, not lost
                extras.add(new Extra("reasoning/" + key, JsonTreeReader.raw(e.getValue()), top.child("reasoning").child(key)));
            }
        }
        if (effort != null) {
            reasoning = new ReasoningConfig("none".equals(effort) ? ReasoningConfig.Mode.DISABLED : ReasoningConfig.Mode.ENABLED,
                    null, "none".equals(effort) ? null : effort, top.child("reasoning"), summarised && !"none".equals(effort));
        }
        return new Conversation(SourceKind.REQUEST, JsonTreeReader.text(root.get("model"), top.child("model"), "the model"),
                system, turns, tools(root.get("tools"), top.child("tools")), toolChoice(root, top), gen, reasoning, extras);
    }

    private static void item(JsonNode it, Loc at, List<Part> system, List<Turn> turns, Limits limits) {
        if (!it.isObject()) {
            throw new PromptPortException("an input item must be an object, not " + JsonTreeReader.kind(it), at);
        }
        boolean typed = it.hasNonNull("type");
        if (!typed && !it.hasNonNull("role") && !it.hasNonNull("id")) {
            // neither a message nor an item of any kind (an item reference may leave out its type)
            throw new PromptPortException("the input item has neither a \"type\" nor a \"role\", so what it holds is unknown",
                    at);
        }
        String type = typed ? it.path("type").asText("") : it.has("role") ? "message" : ITEM_REFERENCE;
        switch (type) {
            case "message" -> {
                String role = it.path("role").asText("user");
                if (!ROLES.contains(role)) {
                    throw new PromptPortException("unknown role \"" + role + "\" (a message's role is user, assistant, system or developer)",
                            at.child("role"));
                }
                List<Part> parts = content(it.get("content"), at.child("content"), limits);
                if ((role.equals("system") || role.equals("developer")) && turns.isEmpty()) {
                    system.addAll(parts);
                } else if (role.equals("system") || role.equals("developer")) {
                    // an instruction from this point of the conversation on: it keeps its place
                    add(turns, Role.SYSTEM, parts, at);
                } else {
                    add(turns, role.equals("assistant") ? Role.ASSISTANT : Role.USER, parts, at);
                }
            }
            case "reasoning" -> {
                // the model's earlier reasoning: its summary is what can be read; the encrypted
                // reasoning only OpenAI can use, so it is marked as OpenAI's
                StringBuilder summary = new StringBuilder();
                for (JsonNode part : it.path("summary")) {
                    if (summary.length() > 0) {
                        summary.append("\n\n");
                    }
                    summary.append(part.path("text").asText(""));
                }
                String id = it.path("id").asText("");
                String encrypted = it.path("encrypted_content").asText("");
                String signature = id.isEmpty() || encrypted.isEmpty() ? null : ReasoningSignature.openAi(id, encrypted);
                add(turns, Role.ASSISTANT, List.of(new Part.Reasoning(summary.toString(), signature, false, null, at)), at);
            }
            case "function_call", "custom_tool_call" -> {
                String id = it.path("call_id").asText(null);
                String name = callName(it);
                add(turns, Role.ASSISTANT, List.of(type.equals("custom_tool_call")
                        ? new Part.ToolCall(id, name, CustomTools.input(it.path("input").asText("")), null, at)
                        : OpenAiChatReader.call(id, name, OpenAiChatReader.arguments(it.get("arguments")), at, at.child("arguments"), limits)), at);
            }
            case "function_call_output", "custom_tool_call_output" -> {
                JsonNode out = it.get("output");
                if (out == null || out.isNull()) {
                    // OpenAI refuses an output item without its output; an empty result would be a guess
                    throw new PromptPortException("a " + type + " item needs its \"output\"", at.child("output"));
                }
                List<Part> content = out.isTextual()
                        ? List.of(AnthropicRequestReader.text(out.asText(), null, at.child("output"), limits))
                        : content(out, at.child("output"), limits);
                add(turns, Role.USER, List.of(new Part.ToolResult(it.path("call_id").asText(""), content, false, null, at)), at);
            }
            default -> add(turns, Role.USER, List.of(new Part.Opaque(type.isEmpty() ? "unknown" : type,
                    JsonTreeReader.raw(it), at, "openai-responses")), at);
        }
    }

    /** Items arrive one by one; consecutive items of one role form one turn. */
    private static void add(List<Turn> turns, Role role, List<Part> parts, Loc at) {
        if (parts.isEmpty()) {
            return;
        }
        Turn last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
        if (last != null && last.role() == role) {
            List<Part> merged = new ArrayList<>(last.parts());
            merged.addAll(parts);
            turns.set(turns.size() - 1, last.withParts(merged));
        } else {
            turns.add(new Turn(role, parts, at));
        }
    }

    private static List<Part> content(JsonNode c, Loc at, Limits limits) {
        if (c == null || c.isNull()) {
            return List.of();
        }
        if (c.isTextual()) {
            return List.of(AnthropicRequestReader.text(c.asText(), null, at, limits));
        }
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            JsonNode p = c.get(i);
            Loc pat = at.child(i);
            switch (p.path("type").asText("")) {
                case "input_text", "output_text", "text" -> parts.add(AnthropicRequestReader.text(p.path("text").asText(""),
                        OpenAiChatReader.cacheHint(p), pat, limits));
                // what the model said when it refused is its reply, as Claude's refusals are text
                case "refusal" -> parts.add(AnthropicRequestReader.text(p.path("refusal").asText(""), null, pat, limits));
                // a call some clients write inside the assistant message that made it, instead of as
                // an item of its own: the call it stands for, so its output still answers it
                case "function_call" -> parts.add(OpenAiChatReader.call(p.hasNonNull("call_id") ? p.get("call_id").asText()
                        : p.path("id").asText(null), callName(p), OpenAiChatReader.arguments(p.get("arguments")), pat, pat.child("arguments"), limits));
                case "input_image" -> parts.add(image(p, p.path("image_url").asText(null), p.path("detail").asText(null), pat));
                // Chat's image part, which clients that build both shapes (the OpenAI Agents SDK) write here too
                case "image_url" -> {
                    JsonNode image = p.path("image_url");
                    parts.add(image(p, image.isTextual() ? image.asText() : image.path("url").asText(null),
                            image.path("detail").asText(null), pat));
                }
                case "input_file" -> {
                    MediaSource src = p.has("file_data") ? DataUrls.document(p.get("file_data").asText())
                            : p.has("file_url") ? new MediaSource.Url(p.get("file_url").asText())
                            : p.has("file_id") ? new MediaSource.FileRef(p.get("file_id").asText(), MediaSource.FileRef.OPENAI)
                            : new MediaSource.Opaque("input_file", JsonTreeReader.raw(p), "openai-responses");
                    String name = p.path("filename").asText(null);
                    // a stored file's name goes back to OpenAI as it came
                    parts.add(new Part.Document(src, name == null || src instanceof MediaSource.FileRef ? name
                            : name.replaceFirst("(?i)\\.pdf$", ""), null, false, OpenAiChatReader.cacheHint(p), pat,
                            "openai-responses"));
                }
                default -> parts.add(new Part.Opaque(p.path("type").asText("unknown"), JsonTreeReader.raw(p), pat, "openai-responses"));
            }
        }
        return parts;
    }

    /** An image part at {@code url} (or the stored file it names), a PDF there read as a document. */
    private static Part image(JsonNode p, String url, String detail, Loc at) {
        String fileId = p.path("file_id").asText(null);
        MediaSource src = url != null ? DataUrls.source(url, "image/png")
                : fileId != null ? new MediaSource.FileRef(fileId, MediaSource.FileRef.OPENAI) : null;
        return src == null ? new Part.Opaque(p.path("type").asText(), JsonTreeReader.raw(p), at, "openai-responses")
                : DataUrls.pdf(src) ? new Part.Document(src, null, null, false, OpenAiChatReader.cacheHint(p), at)
                : new Part.Image(src, detail, OpenAiChatReader.cacheHint(p), at);
    }

    private static List<Tool> tools(JsonNode tools, Loc at) {
        List<Tool> out = new ArrayList<>();
        if (JsonTreeReader.list(tools, at, "tools") == null || !tools.isArray()) {
            return out;
        }
        for (int i = 0; i < tools.size(); i++) {
            JsonNode t = tools.get(i);
            String type = t.path("type").asText("function");
            if (type.equals("function")) {
                out.add(function(t, at.child(i)));
            } else if (type.equals("namespace")) {
                namespace(t, at.child(i), out);
            } else if (type.startsWith("web_search")) {
                out.add(new Tool.Hosted(Tool.HostedKind.WEB_SEARCH, "web_search_20250305", "web_search",
                        webSearch(t), at.child(i)));
            } else if (type.equals("code_interpreter")) {
                out.add(new Tool.Hosted(Tool.HostedKind.CODE_EXECUTION, "code_execution_20250522", "code_execution",
                        new RawJson("{\"type\":\"code_execution_20250522\",\"name\":\"code_execution\"}"), at.child(i)));
            } else if (type.equals("custom")) {
                out.add(CustomTools.tool(t, at.child(i)));
            } else {
                out.add(new Tool.Hosted(Tool.HostedKind.FOREIGN, type, t.path("name").asText(type), JsonTreeReader.raw(t),
                        at.child(i)));
            }
        }
        ToolNameClash.requireDistinct(out);
        return out;
    }

    private static Tool.Function function(JsonNode t, Loc at) {
        JsonNode strict = t.get("strict");
        return new Tool.Function(t.path("name").asText(), t.path("description").asText(null),
                JsonTreeReader.objectSchema(t.get("parameters")), OpenAiChatReader.cacheHint(t), at,
                strict == null || !strict.isBoolean() ? null : strict.asBoolean()).withSchemaField("parameters");
    }

    /**
     * A {@code namespace} tool groups function and custom tools the caller runs, as one name the
     * model calls them under: each becomes a function tool of its own, named
     * {@code namespace__name} (no other vendor groups tools), as its calls are.
     */
    private static void namespace(JsonNode ns, Loc at, List<Tool> out) {
        String name = JsonTreeReader.text(ns.get("name"), at.child("name"), "the namespace's name");
        if (name == null || name.isEmpty()) {
            throw new PromptPortException("the namespace tool has no \"name\"", at);
        }
        JsonNode tools = ns.get("tools");
        if (tools == null || !tools.isArray()) {
            throw new PromptPortException("the namespace tool \"" + name + "\" has no \"tools\" array", at.child("tools"));
        }
        String description = ns.path("description").asText(null);
        for (int j = 0; j < tools.size(); j++) {
            JsonNode t = tools.get(j);
            Loc tat = at.child("tools").child(j);
            String type = t.path("type").asText("function");
            if (!type.equals("function") && !type.equals("custom")) {
                throw new PromptPortException("a namespace holds only function and custom tools, not \"" + type + "\"",
                        tat.child("type"));
            }
            out.add((type.equals("custom") ? CustomTools.tool(t, tat) : function(t, tat)).inNamespace(name, description));
        }
    }

    /** The name a call of a tool in a namespace has once read, as the tool's ({@link #namespace}). */
    private static String callName(JsonNode item) {
        String name = item.path("name").asText("");
        String ns = item.path("namespace").asText("");
        return ns.isEmpty() ? name : ns + Tool.Function.NAMESPACE_SEPARATOR + name;
    }

    /**
     * A web search as Claude spells it, with the settings both vendors have: the allowed domains
     * ({@code filters.allowed_domains}) and the approximate user location, so no writer loses them.
     */
    private static RawJson webSearch(JsonNode t) {
        return OpenAiChatReader.claudeWebSearch(t.path("filters").path("allowed_domains"), t.path("user_location"), t);
    }

    private static ToolChoice toolChoice(JsonNode root, Loc top) {
        JsonNode choice = root.get("tool_choice");
        JsonNode par = root.get("parallel_tool_calls");
        Boolean parallel = par == null || par.isNull() ? null : par.asBoolean();
        Loc at = top.child("tool_choice");
        Loc parAt = top.child("parallel_tool_calls");
        if (choice == null || choice.isNull()) {
            return parallel == null ? null : new ToolChoice(ToolChoice.Mode.UNSPECIFIED, null, parallel, parAt, null, parAt);
        }
        if (choice.isTextual()) {
            return new ToolChoice(switch (choice.asText()) {
                case "required" -> ToolChoice.Mode.ANY;
                case "none" -> ToolChoice.Mode.NONE;
                default -> ToolChoice.Mode.AUTO;
            }, null, parallel, at, null, parAt);
        }
        if ("allowed_tools".equals(choice.path("type").asText())) {
            return allowedTools(choice.path("mode").asText("auto"), choice.path("tools"), parallel, at, parAt);
        }
        String name = choice.hasNonNull("name") ? callName(choice) : null;
        String type = choice.path("type").asText("");
        if (name == null && !type.isEmpty() && !type.equals("function") && !type.equals("custom")) {
            // a hosted tool is forced by its type alone ({"type": "web_search"})
            name = hostedName(type);
        }
        return new ToolChoice(name == null ? ToolChoice.Mode.AUTO : ToolChoice.Mode.TOOL, name, parallel, at, null, parAt);
    }

    /**
     * OpenAI's {@code allowed_tools}: the model may call only the tools listed, and must call one
     * when {@code mode} is {@code required}. A tool is listed by name, Chat's nested in
     * {@code function} or {@code custom}; one listed by type alone (a hosted tool) by its type.
     */
    static ToolChoice allowedTools(String mode, JsonNode tools, Boolean parallel, Loc at, Loc parallelAt) {
        List<String> names = new ArrayList<>();
        if (tools.isArray()) {
            for (JsonNode t : tools) {
                String name = t.path("function").path("name").asText(t.path("custom").path("name")
                        .asText(t.path("name").asText(null)));
                names.add(name != null ? name : hostedName(t.path("type").asText("")));
            }
        }
        return new ToolChoice("required".equals(mode) ? ToolChoice.Mode.ANY : ToolChoice.Mode.AUTO, null, parallel, at,
                names, parallelAt);
    }

    /** The name a hosted tool of this type has once read (see {@link #tools}). */
    private static String hostedName(String type) {
        return type.startsWith("web_search") ? "web_search" : type.equals("code_interpreter") ? "code_execution" : type;
    }
}
