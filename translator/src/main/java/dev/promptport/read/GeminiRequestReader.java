package dev.promptport.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.Limits;
import dev.promptport.PromptPortException;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Extra;
import dev.promptport.tree.Generation;
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
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Google Gemini {@code generateContent} request into the tree. Gemini spells fields
 * in camelCase or proto snake_case; both are read. Function responses find their call by
 * id, else as {@link UnansweredCalls} pairs them by name.
 */
public final class GeminiRequestReader {

    private static final Set<String> RESPONSE_FORMAT = Set.of("responseMimeType", "response_mime_type",
            "responseJsonSchema", "response_json_schema", "responseSchema", "response_schema");
    private static final Set<String> KNOWN = Set.of("contents", "systemInstruction", "system_instruction", "tools",
            "toolConfig", "tool_config", "generationConfig", "generation_config", "model");

    private GeminiRequestReader() {
    }

    public static Conversation read(String json) {
        return read(json, Limits.DEFAULTS);
    }

    /**
     * @throws PromptPortException when the text is not such a request, or a
     *     {@link dev.promptport.LimitExceededException} when it goes over {@code limits}
     */
    public static Conversation read(String json, Limits limits) {
        JsonNode root = JsonTreeReader.parse(json, "a Gemini generateContent request", limits);
        Loc top = Loc.pointer("");
        JsonNode contents = field(root, "contents");
        if (contents == null || !contents.isArray()) {
            throw new PromptPortException("not a Gemini generateContent request: it has no \"contents\" array",
                    top.child("contents"));
        }
        List<Extra> extras = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!KNOWN.contains(e.getKey())) {
                extras.add(new Extra(e.getKey(), JsonTreeReader.raw(e.getValue()), top.child(e.getKey())));
            }
        }
        List<Part> system = new ArrayList<>();
        JsonNode si = field(root, "systemInstruction");
        if (si != null) {
            Loc at = top.child(GeminiFields.key(root, "systemInstruction"));
            JsonNode parts = si.path("parts");
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i).has("text")) {
                    system.add(AnthropicRequestReader.text(parts.get(i).get("text").asText(), null,
                            at.child("parts").child(i), limits));
                }
            }
        }
        UnansweredCalls calls = new UnansweredCalls();
        List<Turn> turns = new ArrayList<>();
        int[] ids = {0};
        for (int i = 0; i < contents.size(); i++) {
            JsonNode c = contents.get(i);
            Loc at = top.child("contents").child(i);
            Role role = "model".equals(c.path("role").asText("user")) ? Role.ASSISTANT : Role.USER;
            List<Part> parts = new ArrayList<>();
            JsonNode ps = c.path("parts");
            for (int j = 0; j < ps.size(); j++) {
                JsonNode p = ps.get(j);
                Loc pat = at.child("parts").child(j);
                String signature = thoughtSignature(p);
                boolean thought = p.has("text") && p.path("thought").asBoolean(false);
                if (thought) {
                    parts.add(new Part.Reasoning(p.get("text").asText(), signature, false, null, pat));
                    continue;
                }
                if (signature != null) {
                    // the signature rides on the part after the thinking; it goes back on that part
                    parts.add(new Part.Reasoning("", signature, false, null, pat.child("thoughtSignature")));
                }
                parts.add(part(p, pat, calls, ids, limits));
            }
            if (!parts.isEmpty()) {
                turns.add(new Turn(role, parts, at));
            }
        }
        JsonNode gc = field(root, "generationConfig");
        Loc gat = top.child(GeminiFields.key(root, "generationConfig"));
        Generation gen = Generation.NONE;
        ReasoningConfig reasoning = null;
        if (gc != null) {
            List<String> stop = null;
            JsonNode s = field(gc, "stopSequences");
            if (s != null && s.isArray()) {
                stop = new ArrayList<>();
                for (JsonNode x : s) {
                    stop.add(x.asText());
                }
            }
            gen = new Generation(JsonTreeReader.integer(field(gc, "maxOutputTokens"), gat.child("maxOutputTokens")),
                    JsonTreeReader.number(gc.get("temperature"), gat.child("temperature")),
                    JsonTreeReader.number(field(gc, "topP"), gat.child("topP")),
                    JsonTreeReader.integer(field(gc, "topK"), gat.child("topK")), stop, null, null, null,
                    OutputFormats.gemini(gc, gat));
            // JSON and plain text are read; any other reply type (an enum) stays an extra to report
            boolean formatRead = gen.format() != null || "text/plain".equals(field(gc, "responseMimeType") == null
                    ? null : field(gc, "responseMimeType").asText());
            JsonNode tc = field(gc, "thinkingConfig");
            if (tc != null && field(tc, "thinkingBudget") != null) {
                int budget = field(tc, "thinkingBudget").asInt();
                reasoning = budget == 0 ? new ReasoningConfig(ReasoningConfig.Mode.DISABLED, null, null, gat.child("thinkingConfig"))
                        // -1: the model sets the budget itself
                        : budget < 0 ? new ReasoningConfig(ReasoningConfig.Mode.ADAPTIVE, null, null,
                                gat.child(GeminiFields.key(gc, "thinkingConfig")).child(GeminiFields.key(tc, "thinkingBudget")))
                        : new ReasoningConfig(ReasoningConfig.Mode.ENABLED, budget, null, gat.child("thinkingConfig"));
            } else if (tc != null && field(tc, "thinkingLevel") != null && field(tc, "thinkingLevel").isTextual()) {
                // Gemini 3's knob: a named level, as OpenAI's reasoning effort is
                String level = field(tc, "thinkingLevel").asText().toLowerCase(Locale.ROOT);
                reasoning = new ReasoningConfig(ReasoningConfig.Mode.ENABLED, null, level, gat.child("thinkingConfig"));
            }
            JsonNode thoughts = tc == null ? null : field(tc, "includeThoughts");
            if (thoughts != null && thoughts.asBoolean(false)) {
                // kept so each target takes it or names its loss (IncludeThoughts)
                extras.add(new Extra("includeThoughts", JsonTreeReader.raw(thoughts),
                        gat.child(GeminiFields.key(gc, "thinkingConfig")).child(GeminiFields.key(tc, "includeThoughts"))));
            }
            for (Iterator<String> it = gc.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!Set.of("maxOutputTokens", "max_output_tokens", "temperature", "topP", "top_p", "topK", "top_k",
                        "stopSequences", "stop_sequences", "thinkingConfig", "thinking_config").contains(k)
                        && !(formatRead && RESPONSE_FORMAT.contains(k))) {
                    extras.add(new Extra(k, JsonTreeReader.raw(gc.get(k)), gat.child(k)));
                }
            }
        }
        JsonNode tc = field(root, "toolConfig");
        Loc tcat = top.child(GeminiFields.key(root, "toolConfig"));
        JsonNode fcc = tc == null ? null : field(tc, "functionCallingConfig");
        JsonNode retrieval = tc == null ? null : field(tc, "retrievalConfig");
        if (retrieval != null) {
            // the user's location and language for Google Search and Maps: carried or named per target
            extras.add(new Extra("retrievalConfig", JsonTreeReader.raw(retrieval),
                    tcat.child(GeminiFields.key(tc, "retrievalConfig"))));
        }
        if (fcc != null && "VALIDATED".equalsIgnoreCase(fcc.path("mode").asText())) {
            // read as auto, which it is but for the schema check; kept as a setting so its loss is named
            extras.add(new Extra("mode", JsonTreeReader.raw(fcc.get("mode")),
                    tcat.child(GeminiFields.key(tc, "functionCallingConfig")).child("mode")));
        }
        return new Conversation(SourceKind.REQUEST, JsonTreeReader.text(root.get("model"), top.child("model"), "the model"),
                system, turns, tools(field(root, "tools"), top.child("tools")), toolChoice(tc, tcat), gen, reasoning, extras);
    }

    /** A part's thought signature, marked as Gemini's (only Gemini can verify it), or null. */
    private static String thoughtSignature(JsonNode p) {
        JsonNode sig = field(p, "thoughtSignature");
        return sig == null || !sig.isTextual() || sig.asText().isEmpty() ? null : ReasoningSignature.gemini(sig.asText());
    }

    private static Part part(JsonNode p, Loc at, UnansweredCalls calls, int[] ids, Limits limits) {
        if (p.has("text")) {
            return AnthropicRequestReader.text(p.get("text").asText(), null, at, limits);
        }
        JsonNode inline = field(p, "inlineData");
        if (inline != null) {
            Part read = inline(inline, at);
            return read instanceof Part.Image img && field(p, "mediaResolution") != null
                    ? new Part.Image(img.source(), detail(field(p, "mediaResolution")), null, at) : read;
        }
        JsonNode file = field(p, "fileData");
        if (file != null) {
            String type = field(file, "mimeType") == null ? "" : field(file, "mimeType").asText();
            String uri = field(file, "fileUri") == null ? "" : field(file, "fileUri").asText();
            MediaSource src = GoogleFiles.stored(uri) ? new MediaSource.FileRef(uri, MediaSource.FileRef.GOOGLE,
                    type.isEmpty() ? null : type) : new MediaSource.Url(uri, type.isEmpty() ? null : type);
            return type.startsWith("image/") ? new Part.Image(src, detail(field(p, "mediaResolution")), null, at)
                    : new Part.Document(src, null, null, false, null, at, "gemini");
        }
        JsonNode call = field(p, "functionCall");
        if (call != null) {
            String name = call.path("name").asText();
            String id = call.has("id") ? call.get("id").asText() : "call_" + (++ids[0]);
            calls.called(name, id);
            JsonNode args = call.get("args");
            return new Part.ToolCall(id, name, args == null ? RawJson.EMPTY_OBJECT : JsonTreeReader.raw(args), null, at);
        }
        JsonNode resp = field(p, "functionResponse");
        if (resp != null) {
            String name = resp.path("name").asText();
            String id = resp.has("id") ? calls.answered(name, resp.get("id").asText()) : calls.answer(name);
            JsonNode body = resp.path("response");
            boolean error = body.has("error") && !body.has("result");
            JsonNode value = body.has("result") ? body.get("result") : body.has("error") ? body.get("error") : body;
            String text = value.isTextual() ? value.asText() : value.toString();
            List<Part> content = new ArrayList<>();
            content.add(AnthropicRequestReader.text(text, null, at.child("response"), limits));
            // the images (or other files) the function returned beside its JSON response
            JsonNode media = resp.path("parts");
            for (int i = 0; i < media.size(); i++) {
                JsonNode bytes = field(media.get(i), "inlineData");
                if (bytes != null) {
                    content.add(inline(bytes, at.child("parts").child(i)));
                }
            }
            return new Part.ToolResult(id, content, error, null, at);
        }
        return new Part.Opaque(kind(p), JsonTreeReader.raw(p), at, "gemini");
    }

    /**
     * A part's own {@code mediaResolution} as an image detail: {@code low}, {@code medium} or
     * {@code high} (Gemini's ultra-high is above OpenAI's highest, {@code high}); {@code null} when unset.
     */
    private static String detail(JsonNode resolution) {
        JsonNode level = resolution == null ? null : resolution.isObject() ? resolution.get("level") : resolution;
        if (level == null || !level.isTextual()) {
            return null;
        }
        String name = level.asText().toLowerCase(Locale.ROOT);
        name = name.startsWith("media_resolution_") ? name.substring("media_resolution_".length()) : name;
        return switch (name) {
            case "low", "medium", "high" -> name;
            case "ultra_high" -> "high";
            default -> null;
        };
    }

    /** What a part holds, by its data field's camelCase name: not the thought signature that may come first. */
    private static String kind(JsonNode p) {
        for (Iterator<String> it = p.fieldNames(); it.hasNext(); ) {
            String k = GeminiFields.camel(it.next());
            if (!k.equals("thoughtSignature") && !k.equals("thought")) {
                return k;
            }
        }
        return "unknown";
    }

    /** Inline bytes: an image, a PDF, text read as text, or other bytes the target may not read. */
    private static Part inline(JsonNode inline, Loc at) {
        String type = field(inline, "mimeType") == null ? "application/octet-stream" : field(inline, "mimeType").asText();
        String data = inline.path("data").asText("");
        if (type.startsWith("image/")) {
            return new Part.Image(new MediaSource.Base64(type, data), null, at);
        }
        MediaSource.PlainText text = TextMedia.textLike(type) ? TextMedia.decode(type, data) : null;
        return new Part.Document(text != null ? text : new MediaSource.Base64(type, data), null, null, false, null, at,
                "gemini");
    }

    private static List<Tool> tools(JsonNode tools, Loc at) {
        List<Tool> out = new ArrayList<>();
        if (tools == null || !tools.isArray()) {
            return out;
        }
        for (int i = 0; i < tools.size(); i++) {
            JsonNode t = tools.get(i);
            Loc tat = at.child(i);
            JsonNode decls = field(t, "functionDeclarations");
            if (decls != null) {
                for (int j = 0; j < decls.size(); j++) {
                    JsonNode d = decls.get(j);
                    JsonNode jsonSchema = field(d, "parametersJsonSchema");
                    JsonNode params = jsonSchema != null ? jsonSchema : d.get("parameters");
                    RawJson schema = params == null || jsonSchema != null ? JsonTreeReader.objectSchema(params)
                            : JsonTreeReader.raw(GeminiOpenApiSchema.toJsonSchema(params));
                    out.add(new Tool.Function(d.path("name").asText(), d.path("description").asText(null), schema, null,
                            tat.child(GeminiFields.key(t, "functionDeclarations")).child(j))
                            .withSchemaField(jsonSchema != null ? GeminiFields.key(d, "parametersJsonSchema") : "parameters"));
                }
            }
            // the type is Gemini's name for the tool, so findings name it as the request did; the
            // search's settings stay as written for the rewrite steps to carry or name (Tool.Hosted)
            JsonNode search = field(t, "googleSearch") != null ? field(t, "googleSearch") : field(t, "googleSearchRetrieval");
            if (search != null) {
                out.add(new Tool.Hosted(Tool.HostedKind.WEB_SEARCH, field(t, "googleSearch") != null ? "googleSearch"
                        : "googleSearchRetrieval", "web_search", search.isObject() ? JsonTreeReader.raw(search)
                        : RawJson.EMPTY_OBJECT, tat));
            }
            if (field(t, "urlContext") != null) {
                out.add(new Tool.Hosted(Tool.HostedKind.WEB_FETCH, "urlContext", "web_fetch",
                        new RawJson("{\"type\":\"web_fetch_20250910\",\"name\":\"web_fetch\"}"), tat));
            }
            if (field(t, "codeExecution") != null) {
                out.add(new Tool.Hosted(Tool.HostedKind.CODE_EXECUTION, "codeExecution", "code_execution",
                        new RawJson("{\"type\":\"code_execution_20250522\",\"name\":\"code_execution\"}"), tat));
            }
        }
        return out;
    }

    private static ToolChoice toolChoice(JsonNode tc, Loc at) {
        if (tc == null) {
            return null;
        }
        JsonNode fcc = field(tc, "functionCallingConfig");
        if (fcc == null) {
            return null;
        }
        String mode = fcc.path("mode").asText("AUTO").toUpperCase(Locale.ROOT);
        JsonNode allowed = field(fcc, "allowedFunctionNames");
        if ("ANY".equals(mode) && allowed != null && allowed.size() == 1) {
            return new ToolChoice(ToolChoice.Mode.TOOL, allowed.get(0).asText(), null, at);
        }
        List<String> names = null;
        if (allowed != null && allowed.isArray() && !allowed.isEmpty() && !"NONE".equals(mode)) {
            names = new ArrayList<>();
            for (JsonNode n : allowed) {
                names.add(n.asText());
            }
        }
        return new ToolChoice(switch (mode) {
            // VALIDATED lets the model answer in text or call a function (held to its schema)
            case "ANY" -> ToolChoice.Mode.ANY;
            case "NONE" -> ToolChoice.Mode.NONE;
            default -> ToolChoice.Mode.AUTO;
        }, null, null, at, names);
    }

    private static JsonNode field(JsonNode n, String camel) {
        return GeminiFields.get(n, camel);
    }
}
