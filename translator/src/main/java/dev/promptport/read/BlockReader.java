package dev.promptport.read;

import com.fasterxml.jackson.core.JsonToken;
import dev.promptport.PromptPortException;
import dev.promptport.tree.CacheHint;
import dev.promptport.tree.Extra;
import dev.promptport.tree.Loc;
import dev.promptport.tree.MediaSource;
import dev.promptport.tree.Part;
import dev.promptport.tree.RawJson;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one Anthropic content block. Fields are read in whatever order they come; the block's
 * {@code type} decides at the end what they mean.
 */
final class BlockReader {

    private final JsonCursor in;
    private final List<Extra> extras;

    private String type;
    private String text;
    private CacheHint cache;
    private MediaSource source;
    private String title;
    private String context;
    private boolean citations;
    private RawJson replyCitations;
    private String id;
    private String name;
    private RawJson input;
    private PromptPortException badInput;
    private String toolUseId;
    private List<Part> content;
    private Loc objectContent;
    private boolean error;
    private String thinking;
    private String signature;
    private String data;
    private final List<Extra> unknown = new ArrayList<>(2);

    BlockReader(JsonCursor in, List<Extra> extras) {
        this.in = in;
        this.extras = extras;
    }

    Part block(Loc at) {
        in.expect(JsonToken.START_OBJECT, at, "a content block object");
        long start = in.tokenStart();
        while (in.next() == JsonToken.FIELD_NAME) {
            String field = in.fieldName();
            Loc fat = at.child(field);
            in.next();
            field(field, fat);
        }
        if (type == null) {
            throw new PromptPortException("the content block has no \"type\"", at);
        }
        Part part = switch (type) {
            case "text" -> text == null ? missing(at, "text") : replyCitations == null
                    ? AnthropicRequestReader.text(text, cache, at, in)
                    : AnthropicRequestReader.text(text, cache, at, in).withCitations(replyCitations);
            case "image" -> source == null ? missing(at, "source") : new Part.Image(source, cache, at);
            case "document" -> source == null ? missing(at, "source")
                    : new Part.Document(source, title, context, citations, cache, at, "anthropic");
            case "tool_use" -> name == null ? missing(at, "name") : badInput != null ? thrown(badInput)
                    : new Part.ToolCall(id, name, input == null ? RawJson.EMPTY_OBJECT : input, cache, at);
            case "tool_result" -> toolUseId == null ? missing(at, "tool_use_id")
                    : objectContent != null ? notContent(objectContent)
                    : new Part.ToolResult(toolUseId, content == null ? List.of() : content, error, cache, at);
            case "thinking" -> new Part.Reasoning(thinking == null ? "" : thinking, signature, false, null, at);
            case "redacted_thinking" -> new Part.Reasoning("", null, true, data, at);
            // the message reader makes it a system turn of its own (see systemText)
            case "mid_conv_system" -> content == null ? missing(at, "content")
                    : new Part.Opaque(type, in.rawFrom(start), at, "anthropic");
            default -> null;
        };
        if (part == null) {
            // An unknown block is kept whole; its fields are not reported one by one.
            return new Part.Opaque(type, in.rawFrom(start), at, "anthropic");
        }
        extras.addAll(unknown);
        return part;
    }

    /**
     * The instructions of a {@code mid_conv_system} block just read, its cache mark on the last
     * one; {@code null} for any other block.
     */
    List<Part> systemText() {
        if (!"mid_conv_system".equals(type)) {
            return null;
        }
        List<Part> texts = new ArrayList<>(content.size());
        for (int i = 0; i < content.size(); i++) {
            if (!(content.get(i) instanceof Part.Text t)) {
                throw new PromptPortException("a mid_conv_system block holds text blocks only", content.get(i).loc());
            }
            texts.add(cache != null && i == content.size() - 1 && t.cache() == null
                    ? new Part.Text(t.text(), t.markup(), cache, t.loc(), t.citations()) : t);
        }
        return texts;
    }

    private static Part thrown(PromptPortException e) {
        throw e;
    }

    private static Part notContent(Loc at) {
        throw new PromptPortException("expected a string or a list of content blocks but found an object", at);
    }

    private static Part missing(Loc at, String field) {
        throw new PromptPortException("the content block has no \"" + field + "\"", at);
    }

    private void field(String field, Loc at) {
        switch (field) {
            case "type" -> type = in.string(at);
            case "text" -> {
                if (in.token() == JsonToken.VALUE_STRING) {
                    text = in.text();
                } else {
                    unknown.add(new Extra(field, in.raw(), at));
                }
            }
            case "cache_control" -> cache = cacheHint(in, at, unknown);
            case "source" -> {
                // some block kinds this version does not model carry a string source
                if (in.token() == JsonToken.START_OBJECT) {
                    source = source(at);
                } else {
                    unknown.add(new Extra(field, in.raw(), at));
                }
            }
            case "title" -> title = in.stringOrNull(at);
            case "context" -> context = in.stringOrNull(at);
            case "citations" -> citationsField(at);
            case "id" -> id = in.stringOrNull(at);
            case "name" -> name = in.string(at);
            case "input" -> {
                if (in.token() != JsonToken.START_OBJECT) {
                    // only a tool_use block refuses it, and its type may come after
                    badInput = in.wrongType(at, "an object of the tool's arguments");
                }
                input = in.raw();
            }
            case "tool_use_id" -> toolUseId = in.string(at);
            case "content" -> {
                if (in.token() == JsonToken.START_OBJECT) {
                    // the result of a tool Claude ran itself (code_execution_tool_result, …) is one object
                    objectContent = at;
                    in.skip();
                } else {
                    content = toolResultContent(at);
                }
            }
            case "is_error" -> error = Boolean.TRUE.equals(in.bool(at));
            case "thinking" -> thinking = in.stringOrNull(at);
            case "signature" -> signature = in.stringOrNull(at);
            case "data" -> data = in.stringOrNull(at);
            default -> unknown.add(new Extra(field, in.raw(), at));
        }
    }

    private void citationsField(Loc at) {
        if (in.token() == JsonToken.START_OBJECT) {
            while (in.next() == JsonToken.FIELD_NAME) {
                String f = in.fieldName();
                Loc fat = at.child(f);
                in.next();
                if ("enabled".equals(f)) {
                    citations = Boolean.TRUE.equals(in.bool(fat));
                } else {
                    unknown.add(new Extra(f, in.raw(), fat));
                }
            }
        } else if (in.token() == JsonToken.START_ARRAY) {
            // the citations Claude attached to a piece of an earlier reply
            replyCitations = in.raw();
        } else {
            unknown.add(new Extra("citations", in.raw(), at));
        }
    }

    private List<Part> toolResultContent(Loc at) {
        if (in.token() == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (in.token() == JsonToken.VALUE_STRING) {
            return List.of(AnthropicRequestReader.text(in.text(), null, at, in));
        }
        in.expect(JsonToken.START_ARRAY, at, "a string or a list of content blocks");
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (in.next() != JsonToken.END_ARRAY) {
            Loc bat = at.child(i++);
            Part p = new BlockReader(in, extras).block(bat);
            String refused = refusedInToolResult(p);
            if (refused != null) {
                // Claude refuses them there, and no target has a place for them in a tool's output
                throw new PromptPortException("a tool_result holds text, image, document and search_result blocks, not a "
                        + refused + " block", bat);
            }
            parts.add(p);
        }
        return parts;
    }

    /** The type of a block that has no place inside a tool result, or null. */
    private static String refusedInToolResult(Part p) {
        if (p instanceof Part.Reasoning r) {
            return r.redacted() ? "redacted_thinking" : "thinking";
        }
        if (p instanceof Part.ToolCall) {
            return "tool_use";
        }
        if (p instanceof Part.ToolResult) {
            return "tool_result";
        }
        return p instanceof Part.Opaque o && o.type().equals("mid_conv_system") ? o.type() : null;
    }

    private MediaSource source(Loc at) {
        in.expect(JsonToken.START_OBJECT, at, "a source object");
        long start = in.tokenStart();
        String sourceType = null;
        String mediaType = null;
        String sourceData = null;
        String url = null;
        String fileId = null;
        List<Part> content = null;
        while (in.next() == JsonToken.FIELD_NAME) {
            String f = in.fieldName();
            Loc fat = at.child(f);
            in.next();
            switch (f) {
                case "content" -> content = contentBlocks(fat);
                case "type" -> sourceType = in.string(fat);
                case "media_type" -> mediaType = in.stringOrNull(fat);
                case "data" -> sourceData = in.string(fat);
                case "url" -> url = in.string(fat);
                case "file_id" -> fileId = in.string(fat);
                default -> in.skip();
            }
        }
        if (sourceType == null) {
            throw new PromptPortException("the source has no \"type\"", at);
        }
        return switch (sourceType) {
            case "base64" -> sourceData == null ? missingSource(at, "data")
                    : new MediaSource.Base64(mediaType != null ? mediaType : Base64Types.of(sourceData), sourceData);
            case "url" -> url == null ? missingSource(at, "url") : new MediaSource.Url(url);
            case "text" -> sourceData == null ? missingSource(at, "data") : new MediaSource.PlainText(mediaType, sourceData);
            case "file" -> fileId == null ? missingSource(at, "file_id") : new MediaSource.FileRef(fileId);
            case "content" -> content != null ? new MediaSource.Blocks(content)
                    : new MediaSource.Opaque(sourceType, in.rawFrom(start), "anthropic");
            default -> new MediaSource.Opaque(sourceType, in.rawFrom(start), "anthropic");
        };
    }

    /**
     * The blocks of a custom-content document: a string is one text block. {@code null} when
     * the content is neither, so the whole source is kept as written.
     */
    private List<Part> contentBlocks(Loc at) {
        if (in.token() == JsonToken.VALUE_STRING) {
            return List.of(AnthropicRequestReader.text(in.text(), null, at, in));
        }
        if (in.token() != JsonToken.START_ARRAY) {
            in.skip();
            return null;
        }
        List<Part> blocks = new ArrayList<>();
        int i = 0;
        while (in.next() != JsonToken.END_ARRAY) {
            blocks.add(new BlockReader(in, extras).block(at.child(i++)));
        }
        return blocks;
    }

    private static MediaSource missingSource(Loc at, String field) {
        throw new PromptPortException("the source has no \"" + field + "\"", at);
    }

    /** Reads a {@code cache_control} object; fields other than type and ttl become extras. */
    static CacheHint cacheHint(JsonCursor in, Loc at, List<Extra> unknown) {
        if (in.token() == JsonToken.VALUE_NULL) {
            return null;
        }
        in.expect(JsonToken.START_OBJECT, at, "a cache_control object");
        String type = null;
        String ttl = null;
        while (in.next() == JsonToken.FIELD_NAME) {
            String f = in.fieldName();
            Loc fat = at.child(f);
            in.next();
            switch (f) {
                case "type" -> type = in.stringOrNull(fat);
                case "ttl" -> ttl = in.stringOrNull(fat);
                default -> unknown.add(new Extra(f, in.raw(), fat));
            }
        }
        return new CacheHint(type == null ? "ephemeral" : type, ttl);
    }
}
