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
     * @param namespace the OpenAI tool namespace the tool was defined in, or {@code null}: no
     *        other vendor groups tools, so the tool is named {@code namespace__name} (see
     *        {@link #NAMESPACE_SEPARATOR}), and so are its calls
     * @param customFormat an OpenAI custom tool's input format as the Responses API spells it
     *        ({@code {"type":"grammar","syntax":"lark","definition":…}}), so an API with custom
     *        tools gets the tool back as it was; {@code null} for any other tool, and for a custom
     *        tool that takes any text
     */
    record Function(String name, String description, RawJson schema, CacheHint cache, Loc loc, Boolean strict,
                    List<Extra> claudeOptions, String schemaField, String namespace, RawJson customFormat)
            implements Tool {

        /** What joins a namespace and a tool's name into the one name every target takes. */
        public static final String NAMESPACE_SEPARATOR = "__";

        /**
         * The {@code schemaField} of an OpenAI custom tool: its {@code format} (free text or a
         * grammar) is what constrained the input, and the schema is promptport's.
         */
        public static final String CUSTOM_FORMAT = "format";

        public Function {
            claudeOptions = List.copyOf(claudeOptions);
        }

        /** Whether this was an OpenAI custom tool, read as a function tool with one string field. */
        public boolean isCustom() {
            return CUSTOM_FORMAT.equals(schemaField);
        }

        public Function(String name, String description, RawJson schema, CacheHint cache, Loc loc, Boolean strict,
                        List<Extra> claudeOptions, String schemaField) {
            this(name, description, schema, cache, loc, strict, claudeOptions, schemaField, null, null);
        }

        /** A tool in an OpenAI namespace. */
        public Function(String name, String description, RawJson schema, CacheHint cache, Loc loc, Boolean strict,
                        List<Extra> claudeOptions, String schemaField, String namespace) {
            this(name, description, schema, cache, loc, strict, claudeOptions, schemaField, namespace, null);
        }

        /** An OpenAI custom tool with its input format. */
        public Function(String name, String description, RawJson schema, CacheHint cache, Loc loc, Boolean strict,
                        List<Extra> claudeOptions, String schemaField, RawJson customFormat) {
            this(name, description, schema, cache, loc, strict, claudeOptions, schemaField, null, customFormat);
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
            return new Function(name, description, schema, cache, loc, newStrict, claudeOptions, schemaField, namespace,
                    customFormat);
        }

        /** With {@code newSchema}, the same schema spelled as the target takes it. */
        public Function withSchema(RawJson newSchema) {
            return new Function(name, description, newSchema, cache, loc, strict, claudeOptions, schemaField, namespace,
                    customFormat);
        }

        public Function withName(String newName) {
            return new Function(newName, description, schema, cache, loc, strict, claudeOptions, schemaField, namespace,
                    customFormat);
        }

        /** With {@code newDescription} and without Claude's options, for a target that takes none. */
        public Function withDescriptionOnly(String newDescription) {
            return new Function(name, newDescription, schema, cache, loc, strict, List.of(), schemaField, namespace, customFormat);
        }

        /** With its schema read from {@code field} of the definition. */
        public Function withSchemaField(String field) {
            return new Function(name, description, schema, cache, loc, strict, claudeOptions, field, namespace, customFormat);
        }

        /**
         * This tool as one of OpenAI's {@code namespace} tool: named {@code namespace__name}, its
         * description led by the namespace's, which OpenAI shows the model with the tool.
         */
        public Function inNamespace(String ns, String nsDescription) {
            String both = nsDescription == null || nsDescription.isBlank() ? description
                    : description == null || description.isBlank() ? nsDescription : nsDescription + "\n\n" + description;
            return new Function(ns + NAMESPACE_SEPARATOR + name, both, schema, cache, loc, strict, claudeOptions,
                    schemaField, ns, customFormat);
        }

        /** The name the tool has inside its namespace, or its name when it has none. */
        public String nameInNamespace() {
            return namespace == null ? name : name.substring(namespace.length() + NAMESPACE_SEPARATOR.length());
        }

        /** Where the schema is, for findings about it. */
        public Loc schemaLoc() {
            return loc.child(schemaField);
        }
    }

    /**
     * A tool the vendor runs itself (web search, code execution, a shell, a text editor,
     * computer use). {@code type} is the versioned type as written; {@code raw} the whole
     * definition. A tool of a Gemini request has Gemini's name as its type ({@code googleSearch},
     * {@code googleSearchRetrieval}, {@code urlContext}, {@code codeExecution}); a Google Search's
     * {@code raw} is its settings object as written ({@code excludeDomains}, …), which the rewrite
     * steps turn into the target's own definition; the others' is Claude's definition.
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
