package dev.promptport.tree;

/** A tool the model may call. */
public sealed interface Tool {

    String name();

    Loc loc();

    /**
     * A tool the caller runs, described by a JSON schema of its input.
     *
     * @param strict whether the vendor must hold the call's arguments to the schema exactly
     *        (Claude's and OpenAI's {@code strict}), or {@code null} when the request did not say
     */
    record Function(String name, String description, RawJson schema, CacheHint cache, Loc loc, Boolean strict)
            implements Tool {

        public Function(String name, String description, RawJson schema, CacheHint cache, Loc loc) {
            this(name, description, schema, cache, loc, null);
        }

        public Function withStrict(Boolean newStrict) {
            return new Function(name, description, schema, cache, loc, newStrict);
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
        OTHER
    }
}
