package dev.promptport.read;

import com.fasterxml.jackson.core.JsonToken;
import dev.promptport.PromptPortException;
import dev.promptport.tree.CacheHint;
import dev.promptport.tree.Extra;
import dev.promptport.tree.Loc;
import dev.promptport.tree.RawJson;
import dev.promptport.tree.Tool;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one tool definition: a custom tool with an input schema, or a tool Anthropic hosts,
 * recognised by its versioned {@code type} ({@code web_search_20250305}, {@code bash_20250124}, …).
 */
final class ToolReader {

    private final JsonCursor in;
    private final List<Extra> extras;

    ToolReader(JsonCursor in, List<Extra> extras) {
        this.in = in;
        this.extras = extras;
    }

    Tool tool(Loc at) {
        in.expect(JsonToken.START_OBJECT, at, "a tool object");
        long start = in.tokenStart();
        String type = null;
        String name = null;
        String description = null;
        RawJson schema = null;
        CacheHint cache = null;
        Boolean strict = null;
        List<Extra> claudeOptions = List.of();
        List<Extra> unknown = new ArrayList<>(2);
        while (in.next() == JsonToken.FIELD_NAME) {
            String f = in.fieldName();
            Loc fat = at.child(f);
            in.next();
            switch (f) {
                case "type" -> type = in.stringOrNull(fat);
                case "name" -> name = in.string(fat);
                case "description" -> description = in.stringOrNull(fat);
                case "input_schema" -> {
                    in.expect(JsonToken.START_OBJECT, fat, "a JSON schema object");
                    schema = in.raw();
                }
                case "cache_control" -> cache = BlockReader.cacheHint(in, fat, unknown);
                case "strict" -> strict = in.bool(fat);
                case "input_examples", "defer_loading", "allowed_callers", "eager_input_streaming" -> {
                    if (claudeOptions.isEmpty()) {
                        claudeOptions = new ArrayList<>(2);
                    }
                    claudeOptions.add(new Extra(f, in.raw(), fat));
                }
                default -> unknown.add(new Extra(f, in.raw(), fat));
            }
        }
        if (type == null || "custom".equals(type)) {
            if (name == null) {
                throw new PromptPortException("the tool has no \"name\"", at);
            }
            if (schema == null) {
                throw new PromptPortException("the tool \"" + name + "\" has no \"input_schema\"", at);
            }
            extras.addAll(unknown);
            return new Tool.Function(name, description, schema, cache, at, strict, claudeOptions);
        }
        return new Tool.Hosted(kind(type), type, name == null ? type : name, in.rawFrom(start), at);
    }

    static Tool.HostedKind kind(String type) {
        if (type.startsWith("web_search")) {
            return Tool.HostedKind.WEB_SEARCH;
        }
        if (type.startsWith("web_fetch")) {
            return Tool.HostedKind.WEB_FETCH;
        }
        if (type.startsWith("code_execution")) {
            return Tool.HostedKind.CODE_EXECUTION;
        }
        if (type.startsWith("bash")) {
            return Tool.HostedKind.BASH;
        }
        if (type.startsWith("text_editor")) {
            return Tool.HostedKind.TEXT_EDITOR;
        }
        if (type.startsWith("computer")) {
            return Tool.HostedKind.COMPUTER;
        }
        if (type.startsWith("memory")) {
            return Tool.HostedKind.MEMORY;
        }
        return Tool.HostedKind.OTHER;
    }
}
