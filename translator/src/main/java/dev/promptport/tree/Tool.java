package dev.promptport.tree;

import java.util.List;

/** A tool the model may call. */
public sealed interface Tool {

    String name();

    Loc loc();

    /**
     * A tool the caller runs, described by a JSON schema of its input.
     *
     * @param strict whether the vendor must hold the call's arguments to the schema exactly
     *        (Claude's and OpenAI's {@code strict}), or {@code null} when the request did not say
     * @param claudeOptions settings only Claude takes on a tool ({@code input_examples},
     *        {@code defer_loading}, {@code allowed_callers}, {@code eager_input_streaming}), as
     *        written, in input order
     * @param schemaField the field of the definition at {@code loc} that holds the schema
     *        ({@code input_schema}, OpenAI's {@code parameters}, MCP's {@code inputSchema}), so
     *        a finding about the schema points at it; {@link #CUSTOM_FORMAT} for an OpenAI
     *        custom tool, whose free-form text input became one string field
     * @param customFormat an OpenAI custom tool's input format as the Responses API spells it
     *        ({@code {"type":"grammar","syntax":"lark","definition":…}}), so an API with custom
     *        tools gets the tool back as it was; {@code null} for any other tool, and for a custom
     *        tool that takes any text
     */
    record Function(String name, String description, RawJson schema, CacheHint cache, Loc loc, Boolean strict,
                    List<Extra> claudeOptions, String schemaField, RawJson customFormat) implements Tool {

        /**
         * The {@code schemaField} of an OpenAI custom tool: its {@code format} (free text or a
         * grammar) is what constrained the input, and the schema is promptport's.
         */
        public static final String CUSTOM_FORMAT = "format";

        public Function {
            claudeOptions = List.copyOf(claudeOptions);
        }

        public Function(String name, String description, RawJson schema, CacheHint cache, Loc loc, Boolean strict,
                        List<Extra> claudeOptions, String schemaField) {
            this(name, description, schema, cache, loc, strict, claudeOptions, schemaField, null);
        }

        /** Whether this was an OpenAI custom tool, read as a function tool with one string field. */
        public boolean isCustom() {
            return CUSTOM_FORMAT.equals(schemaField);
        }

        public Function(String name, String description, RawJson schema, CacheHint cache, Loc loc, Boolean strict,
                        List<Extra> claudeOptions) {
            this(name, description, schema, cache, loc, strict, claudeOptions, "input_schema");
        }

        public Function(String name, String description, RawJson schema, CacheHint cache, Loc loc, Boolean strict) {
            this(name, description, schema, cache, loc, strict, List.of(), "input_schema");
        }

        public Function(String name, String description, RawJson schema, CacheHint cache, Loc loc) {
            this(name, description, schema, cache, loc, null, List.of(), "input_schema");
        }

        public Function withStrict(Boolean newStrict) {
            return new Function(name, description, schema, cache, loc, newStrict, claudeOptions, schemaField, customFormat);
        }

        /** With {@code newSchema}, the same schema spelled as the target takes it. */
        public Function withSchema(RawJson newSchema) {
            return new Function(name, description, newSchema, cache, loc, strict, claudeOptions, schemaField, customFormat);
        }

        public Function withName(String newName) {
            return new Function(newName, description, schema, cache, loc, strict, claudeOptions, schemaField, customFormat);
        }

        /** With {@code newDescription} and without Claude's options, for a target that takes none. */
        public Function withDescriptionOnly(String newDescription) {
            return new Function(name, newDescription, schema, cache, loc, strict, List.of(), schemaField, customFormat);
        }

        /** With its schema read from {@code field} of the definition. */
        public Function withSchemaField(String field) {
            return new Function(name, description, schema, cache, loc, strict, claudeOptions, field, customFormat);
        }

        /** Where the schema is, for findings about it. */
        public Loc schemaLoc() {
            return loc.child(schemaField);
        }
    }

    /**
     * A tool the vendor runs itself (web search, code execution, a shell, a text editor,
     * computer use). {@code type} is the versioned type as written; {@code raw} the whole
     * definition.
     */
    record Hosted(HostedKind kind, String type, String name, RawJson raw, Loc loc) implements Tool {
    }

    enum HostedKind {
        WEB_SEARCH,
        WEB_FETCH,
        CODE_EXECUTION,
        BASH,
        TEXT_EDITOR,
        COMPUTER,
        MEMORY,
        /** Another tool of Claude's own, kept as written for a Claude target. */
        OTHER,
        /**
         * A tool another vendor's API runs (OpenAI's {@code file_search}, {@code mcp},
         * {@code image_generation}, …), kept as written: no target of promptport's takes it.
         */
        FOREIGN
    }
}
