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
        if (contents == null || !(contents.isArray() || contents.isObject())) {
            throw new PromptPortException("not a Gemini generateContent request: it has no \"contents\" array",
                    top.child("contents"));
        }
        List<Extra> extras = new ArrayList<>();
        GeminiFields.requireOneSpelling(root, top);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!KNOWN.contains(e.getKey())) {
                extras.add(new Extra(e.getKey(), JsonTreeReader.raw(e.getValue()), top.child(e.getKey())));
            }
        }
        List<Part> system = new ArrayList<>();
        JsonNode si = field(root, "systemInstruction");
        if (si != null && !si.isNull()) {
            system(si, top.child(GeminiFields.key(root, "systemInstruction")), system, extras, limits);
        }
        UnansweredCalls calls = new UnansweredCalls();
        List<Turn> turns = new ArrayList<>();
        int[] ids = {0};
        for (GeminiLists.Item ci : GeminiLists.items(contents, top.child("contents"))) {
            JsonNode c = ci.node();
            Loc at = ci.at();
            if (!c.isObject()) {
                throw new PromptPortException("expected a content object with \"role\" and \"parts\"", at);
            }
            Role role = role(c.get("role"), at);
            if (c.size() > 2) {
                GeminiKeys.unknown(c, GeminiKeys.CONTENT, at, extras);
            }
            List<Part> parts = new ArrayList<>();
            for (GeminiLists.Item pi : parts(c, at)) {
                JsonNode p = pi.node();
                Loc pat = pi.at();
                if (!p.isObject()) {
                    throw new PromptPortException("expected a part object (with \"text\", \"inlineData\", …)", pat);
                }
                String signature = thoughtSignature(p);
                boolean thought = p.has("text") && p.path("thought").asBoolean(false);
                Part read;
                if (thought) {
                    read = new Part.Reasoning(p.get("text").asText(), signature, false, null, pat);
                } else {
                    read = part(p, pat, calls, ids, limits, extras);
                    if (signature != null && !(read instanceof Part.Opaque)) {
                        // the signature rides on the part after the thinking; it goes back on that part
                        // (a part kept as written, Gemini's own toolCall say, keeps it inside)
                        parts.add(new Part.Reasoning("", signature, false, null, pat.child("thoughtSignature")));
                    }
                }
                parts.add(read);
                // a part holds one kind of data; beside it only its own settings, so one key is the common case
                if (p.size() > 1 && !(read instanceof Part.Opaque)) {
                    GeminiKeys.unknown(p, GeminiKeys.PART, pat, extras);
                }
            }
            ToolTurns.requireInPlace(role, parts,
                    "a functionCall part belongs in a \"model\" content (the model's turn), but this one is in a \"user\" content",
                    "a functionResponse part belongs in a \"user\" content (the turn after the model's function call), but this one is in a \"model\" content");
            if (!parts.isEmpty()) {
                turns.add(new Turn(role, parts, at));
            }
        }
        JsonNode gc = field(root, "generationConfig");
        Loc gat = top.child(GeminiFields.key(root, "generationConfig"));
        GenerationLocs locs = locs(gc, gat);
        Generation gen = new Generation(null, null, null, null, null, null, null, null, null, null, locs);
        ReasoningConfig reasoning = null;
        if (gc != null) {
            GeminiFields.requireOneSpelling(gc, gat);
            Loc tcat = gat.child(GeminiFields.key(gc, "thinkingConfig"));
            List<String> stop = null;
            JsonNode s = JsonTreeReader.list(field(gc, "stopSequences"), gat.child(GeminiFields.key(gc, "stopSequences")),
                    "stopSequences");
            if (s != null && s.isArray()) {
                stop = new ArrayList<>();
                for (JsonNode x : s) {
                    stop.add(x.asText());
                }
            }
            gen = new Generation(OutputLimit.gemini(field(gc, "maxOutputTokens"), locs.maxTokens(), GeminiFields.key(gc, "maxOutputTokens")),
                    JsonTreeReader.number(gc.get("temperature"), locs.temperature()),
                    JsonTreeReader.number(field(gc, "topP"), locs.topP()),
                    protoInt(field(gc, "topK"), locs.topK()), stop, null, null, null,
                    OutputFormats.gemini(gc, gat), null, locs);
            // JSON and plain text are read; any other reply type (an enum) stays an extra to report
            boolean formatRead = gen.format() != null || "text/plain".equals(field(gc, "responseMimeType") == null
                    ? null : field(gc, "responseMimeType").asText());
            JsonNode tc = field(gc, "thinkingConfig");
            JsonNode thoughts = tc == null ? null : field(tc, "includeThoughts");
            boolean shown = thoughts != null && thoughts.asBoolean(false);
            if (tc != null && field(tc, "thinkingBudget") != null) {
                Integer given = protoInt(field(tc, "thinkingBudget"), tcat.child(GeminiFields.key(tc, "thinkingBudget")));
                int budget = given == null ? -1 : given;
                reasoning = budget == 0 ? new ReasoningConfig(ReasoningConfig.Mode.DISABLED, null, null, tcat, false)
                        // -1: the model sets the budget itself
                        : budget < 0 ? new ReasoningConfig(ReasoningConfig.Mode.ADAPTIVE, null, null,
                                tcat.child(GeminiFields.key(tc, "thinkingBudget")), shown)
                        : new ReasoningConfig(ReasoningConfig.Mode.ENABLED, budget, null, tcat, shown);
            } else if (tc != null && field(tc, "thinkingLevel") != null && field(tc, "thinkingLevel").isTextual()) {
                // Gemini 3's knob: a named level, as OpenAI's reasoning effort is
                String level = field(tc, "thinkingLevel").asText().toLowerCase(Locale.ROOT);
                reasoning = new ReasoningConfig(ReasoningConfig.Mode.ENABLED, null, level, tcat, shown);
            }
            if (shown) {
                // kept so each target takes it or names its loss (IncludeThoughts)
                extras.add(new Extra("includeThoughts", JsonTreeReader.raw(thoughts),
                        tcat.child(GeminiFields.key(tc, "includeThoughts"))));
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
        if (tc != null) {
            GeminiKeys.unknown(tc, GeminiKeys.TOOL_CONFIG, tcat, extras);
        }
        if (fcc != null) {
            Loc fccat = tcat.child(GeminiFields.key(tc, "functionCallingConfig"));
            GeminiKeys.unknown(fcc, GeminiKeys.CALLING_CONFIG, fccat, extras);
            if ("VALIDATED".equalsIgnoreCase(fcc.path("mode").asText())) {
                // read as auto, which it is but for the schema check; kept as a setting so its loss is named
                extras.add(new Extra("mode", JsonTreeReader.raw(fcc.get("mode")), fccat.child("mode")));
            }
        }
        List<Tool> tools = tools(field(root, "tools"), top.child(GeminiFields.key(root, "tools")), extras);
        return new Conversation(SourceKind.REQUEST, JsonTreeReader.text(root.get("model"), top.child("model"), "the model"),
                system, turns, tools, toolChoice(tc, tcat), gen, reasoning, extras);
    }

    /** Where each generation option is, as the request spells it; under generationConfig when it sets none. */
    private static GenerationLocs locs(JsonNode gc, Loc gat) {
        if (gc == null) {
            return new GenerationLocs(gat.child("maxOutputTokens"), gat.child("temperature"), gat.child("topP"),
                    gat.child("topK"), gat.child("stopSequences"));
        }
        return new GenerationLocs(gat.child(GeminiFields.key(gc, "maxOutputTokens")), gat.child("temperature"),
                gat.child(GeminiFields.key(gc, "topP")), gat.child(GeminiFields.key(gc, "topK")),
                gat.child(GeminiFields.key(gc, "stopSequences")));
    }

    /**
     * The system instruction's text. The REST API types it as a Content (the SDKs' plain string is
     * their own shorthand, refused by the API); a part that is not text is kept as an extra so
     * its loss is named.
     */
    private static void system(JsonNode si, Loc at, List<Part> system, List<Extra> extras, Limits limits) {
        if (!si.isObject()) {
            throw new PromptPortException("expected the system instruction as a Content object, "
                    + "{\"parts\": [{\"text\": \"…\"}]}, as the REST API takes it, but found "
                    + (si.isTextual() ? "a string" : si.getNodeType().name().toLowerCase(Locale.ROOT)), at);
        }
        if (si.size() > 1) {
            GeminiKeys.unknown(si, GeminiKeys.CONTENT, at, extras);
        }
        for (GeminiLists.Item pi : parts(si, at)) {
            JsonNode p = pi.node();
            Loc pat = pi.at();
            if (!p.isObject()) {
                throw new PromptPortException("expected a part object (with \"text\", \"inlineData\", …)", pat);
            }
            if (p.has("text")) {
                system.add(AnthropicRequestReader.text(p.get("text").asText(), null, pat, limits));
                if (p.size() > 1) {
                    GeminiKeys.unknown(p, GeminiKeys.PART, pat, extras);
                }
            } else {
                extras.add(new Extra(kind(p), JsonTreeReader.raw(p), pat));
            }
        }
    }


    /** A content's role: Gemini has two, and a third would be read as the wrong speaker. */
    private static Role role(JsonNode role, Loc at) {
        if (role == null || role.isNull()) {
            return Role.USER;
        }
        String r = role.isTextual() ? role.asText() : null;
        if ("model".equals(r)) {
            return Role.ASSISTANT;
        }
        // "function": the role Gemini's first function-calling examples gave function responses
        if ("user".equals(r) || "".equals(r) || "function".equals(r)) {
            return Role.USER;
        }
        throw new PromptPortException("expected the role \"user\" or \"model\""
                + (r == null ? "" : ", not \"" + r + "\""), at.child("role"));
    }

    /** A content's parts: a list, one part object (as Google's reader takes it), or none. */
    private static List<GeminiLists.Item> parts(JsonNode content, Loc at) {
        JsonNode ps = content.path("parts");
        if (!ps.isMissingNode() && !ps.isNull() && !ps.isArray() && !ps.isObject()) {
            throw new PromptPortException("expected \"parts\" as a list of part objects", at.child("parts"));
        }
        return GeminiLists.items(ps, at.child("parts"));
    }

    /** A part's thought signature, marked as Gemini's (only Gemini can verify it), or null. */
    private static String thoughtSignature(JsonNode p) {
        JsonNode sig = field(p, "thoughtSignature");
        return sig == null || !sig.isTextual() || sig.asText().isEmpty() ? null : ReasoningSignature.gemini(sig.asText());
    }

    private static Part part(JsonNode p, Loc at, UnansweredCalls calls, int[] ids, Limits limits, List<Extra> extras) {
        if (p.has("text")) {
            return AnthropicRequestReader.text(p.get("text").asText(), null, at, limits);
        }
        JsonNode inline = field(p, "inlineData");
        if (inline != null) {
            return withDetail(inline(inline, at, at.child(GeminiFields.key(p, "inlineData"))), p, at, extras);
        }
        JsonNode file = field(p, "fileData");
        if (file != null) {
            return withDetail(file(file, at), p, at, extras);
        }
        JsonNode call = field(p, "functionCall");
        if (call != null) {
            GeminiKeys.unknown(call, GeminiKeys.FUNCTION_CALL, at.child(GeminiFields.key(p, "functionCall")), extras);
            String name = call.path("name").asText();
            String id = call.has("id") ? call.get("id").asText() : "call_" + (++ids[0]);
            calls.called(name, id);
            JsonNode args = call.get("args");
            if (args != null && !args.isObject() && !args.isNull()) {
                // Google's Struct: a call's arguments as a JSON object, never its text
                throw new PromptPortException("a functionCall's args must be a JSON object, not " + JsonTreeReader.kind(args),
                        at.child(GeminiFields.key(p, "functionCall")).child("args"));
            }
            return new Part.ToolCall(id, name, args == null || args.isNull() ? RawJson.EMPTY_OBJECT : JsonTreeReader.raw(args),
                    null, at);
        }
        JsonNode resp = field(p, "functionResponse");
        if (resp != null) {
            Loc rat = at.child(GeminiFields.key(p, "functionResponse"));
            GeminiKeys.unknown(resp, GeminiKeys.FUNCTION_RESPONSE, rat, extras);
            String name = resp.path("name").asText();
            String id = resp.has("id") ? calls.answered(name, resp.get("id").asText()) : calls.answer(name);
            JsonNode body = resp.path("response");
            boolean error = body.has("error") && !body.has("result");
            JsonNode value = body.has("result") ? body.get("result") : body.has("error") ? body.get("error") : body;
            String text = value.isTextual() ? value.asText() : value.toString();
            List<Part> content = new ArrayList<>();
            content.add(AnthropicRequestReader.text(text, null, rat.child("response"), limits));
            // the images (or other files) the function returned beside its JSON response
            JsonNode media = resp.path("parts");
            for (int i = 0; i < media.size(); i++) {
                JsonNode m = media.get(i);
                Loc mat = rat.child("parts").child(i);
                JsonNode bytes = field(m, "inlineData");
                JsonNode linked = field(m, "fileData");
                if (bytes != null) {
                    content.add(inline(bytes, mat, mat.child(GeminiFields.key(m, "inlineData"))));
                } else if (linked != null) {
                    content.add(file(linked, mat));
                }
                GeminiKeys.unknown(m, GeminiKeys.RESPONSE_PART, mat, extras);
            }
            return new Part.ToolResult(id, content, error, null, at);
        }
        return new Part.Opaque(kind(p), JsonTreeReader.raw(p), at, "gemini");
    }

    /**
     * An image with the detail its part's own {@code mediaResolution} asks for; on a PDF, a video
     * or any other file the setting has no counterpart and is kept as an extra, to be named.
     */
    private static Part withDetail(Part read, JsonNode p, Loc at, List<Extra> extras) {
        JsonNode resolution = field(p, "mediaResolution");
        if (resolution == null) {
            return read;
        }
        if (read instanceof Part.Image img) {
            return new Part.Image(img.source(), detail(resolution), img.cache(), img.loc());
        }
        String key = GeminiFields.key(p, "mediaResolution");
        extras.add(new Extra(key, JsonTreeReader.raw(resolution), at.child(key)));
        return read;
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

    /** A file by address: Google's own storage, or a URL. */
    private static Part file(JsonNode file, Loc at) {
        String type = field(file, "mimeType") == null ? "" : field(file, "mimeType").asText();
        String uri = field(file, "fileUri") == null ? "" : field(file, "fileUri").asText();
        MediaSource src = GoogleFiles.stored(uri) ? new MediaSource.FileRef(uri, MediaSource.FileRef.GOOGLE,
                type.isEmpty() ? null : type) : new MediaSource.Url(uri, type.isEmpty() ? null : type);
        return type.startsWith("image/") ? new Part.Image(src, null, at)
                : new Part.Document(src, null, null, false, null, at, "gemini");
    }

    /**
     * Inline bytes: an image, a PDF, text read as text, or other bytes the target may not read.
     * {@code blobAt} is where the inline data object is, for an error about it.
     */
    private static Part inline(JsonNode inline, Loc at, Loc blobAt) {
        String type = field(inline, "mimeType") == null ? "application/octet-stream" : field(inline, "mimeType").asText();
        JsonNode bytes = inline.get("data");
        if (bytes == null || !bytes.isTextual()) {
            throw new PromptPortException("expected the inline data's bytes, base64-encoded, in \"data\"", blobAt.child("data"));
        }
        String data = bytes.asText();
        if (type.startsWith("image/")) {
            return new Part.Image(new MediaSource.Base64(type, data), null, at);
        }
        MediaSource.PlainText text = TextMedia.textLike(type) ? TextMedia.decode(type, data) : null;
        return new Part.Document(text != null ? text : new MediaSource.Base64(type, data), null, null, false, null, at,
                "gemini");
    }

    private static List<Tool> tools(JsonNode tools, Loc at, List<Extra> extras) {
        List<Tool> out = new ArrayList<>();
        for (GeminiLists.Item ti : GeminiLists.items(tools, at)) {
            JsonNode t = ti.node();
            Loc tat = ti.at();
            // Gemini's hosted tools promptport does not read (Maps, File Search, …) are named from here
            GeminiKeys.unknown(t, GeminiKeys.TOOL, tat, extras);
            JsonNode decls = field(t, "functionDeclarations");
            if (decls != null) {
                Loc dsat = tat.child(GeminiFields.key(t, "functionDeclarations"));
                for (GeminiLists.Item di : GeminiLists.items(decls, dsat)) {
                    JsonNode d = di.node();
                    GeminiKeys.unknown(d, GeminiKeys.DECLARATION, di.at(), extras);
                    JsonNode jsonSchema = GeminiJsonSchemaTypes.lowered(field(d, "parametersJsonSchema"));
                    JsonNode params = jsonSchema != null ? jsonSchema : d.get("parameters");
                    RawJson schema = params == null || jsonSchema != null ? JsonTreeReader.objectSchema(params)
                            : JsonTreeReader.raw(GeminiOpenApiSchema.toJsonSchema(params));
                    out.add(new Tool.Function(d.path("name").asText(), d.path("description").asText(null), schema, null,
                            di.at())
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
        ToolNameClash.requireDistinct(out);
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

    /**
     * An int32 field as Google's JSON reads it: a number, or a string holding one (protobuf's
     * JSON mapping takes both); a fraction or other text is refused, as Google refuses it.
     */
    private static Integer protoInt(JsonNode n, Loc at) {
        if (n != null && n.isTextual()) {
            try {
                return Integer.valueOf(n.textValue().trim());
            } catch (NumberFormatException e) {
                throw new PromptPortException("expected an integer, not the text " + n, at);
            }
        }
        return JsonTreeReader.integer(n, at);
    }
}
