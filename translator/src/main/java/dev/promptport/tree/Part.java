package dev.promptport.tree;

import java.util.List;
import java.util.Objects;

/** One piece of a turn's content, or of the system content. */
public sealed interface Part {

    Loc loc();

    /**
     * Prose. {@code markup} is the tagged-section structure found in {@code text}, or
     * {@code null} when the text has no tag-like markup worth scanning; {@code citations} the
     * citations of a piece of an earlier reply, or {@code null}. {@code deferred}, when not
     * {@code null}, is the text itself, written only when read (a rewrite, which a writer copies
     * straight into its output); {@code text} is then {@code null} and {@link #text()} reads it.
     * Two texts are equal when their text, markup, cache hint, location and citations are.
     */
    record Text(String text, Markup markup, CacheHint cache, Loc loc, RawJson citations, DeferredText deferred)
            implements Part {

        public Text(String text, Markup markup, CacheHint cache, Loc loc, RawJson citations) {
            this(text, markup, cache, loc, citations, null);
        }

        /** Prose without citations. */
        public Text(String text, Markup markup, CacheHint cache, Loc loc) {
            this(text, markup, cache, loc, null, null);
        }

        @Override
        public String text() {
            return deferred == null ? text : deferred.text();
        }

        /** Whether the text is empty, without making a deferred text. */
        public boolean isEmpty() {
            return deferred == null ? text.isEmpty() : deferred.isBlank() && deferred.text().isEmpty();
        }

        /** Whether the text is empty or whitespace alone, without making a deferred text. */
        public boolean isBlank() {
            return deferred == null ? text.isBlank() : deferred.isBlank();
        }

        public Text withText(String newText, Markup newMarkup) {
            return new Text(newText, newMarkup, cache, loc, citations, null);
        }

        /** With {@code newText} as its text, written when read; it has no markup of its own. */
        public Text withDeferredText(DeferredText newText) {
            return new Text(null, null, cache, loc, citations, newText);
        }

        /**
         * With the citations Claude attached to this piece of an earlier reply (its
         * {@code citations} list, as written), or {@code null} for none.
         */
        public Text withCitations(RawJson newCitations) {
            return new Text(text, markup, cache, loc, newCitations, deferred);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Text t && Objects.equals(text(), t.text()) && Objects.equals(markup, t.markup)
                    && Objects.equals(cache, t.cache) && Objects.equals(loc, t.loc) && Objects.equals(citations, t.citations);
        }

        @Override
        public int hashCode() {
            return Objects.hash(text(), markup, cache, loc, citations);
        }

        @Override
        public String toString() {
            return "Text[text=" + text() + ", markup=" + markup + ", cache=" + cache + ", loc=" + loc
                    + ", citations=" + citations + "]";
        }
    }

    /**
     * An image. {@code detail} is how closely the model is asked to look at it: OpenAI's "low",
     * "high", "auto", or "medium", a level of Gemini's per-part media resolution that OpenAI lacks;
     * or {@code null}.
     */
    record Image(MediaSource source, String detail, CacheHint cache, Loc loc) implements Part {

        public Image(MediaSource source, CacheHint cache, Loc loc) {
            this(source, null, cache, loc);
        }
    }

    /**
     * A whole document (a PDF, a text file) handed to the model.
     *
     * @param wire the wire format whose own document part held it ({@code openai-chat} for a
     *        {@code file} part, {@code gemini} for {@code inlineData} or {@code fileData}), or
     *        {@code null} when it came in another kind of part (an image part holding a PDF) or
     *        promptport made it: a target of that wire reads it as the input's vendor did
     */
    record Document(MediaSource source, String title, String context, boolean citations,
                    CacheHint cache, Loc loc, String wire) implements Part {

        /** A document of no wire's own document part. */
        public Document(MediaSource source, String title, String context, boolean citations, CacheHint cache, Loc loc) {
            this(source, title, context, citations, cache, loc, null);
        }
    }

    /**
     * The model asked for a tool to run. {@code input} is the arguments object as written.
     *
     * @param unparsed where the arguments were written, when they were text that is not one JSON
     *        object (a reply cut off at its length limit leaves such text): {@code input} then
     *        holds the text under {@code "_raw"}, and a finding names it; else {@code null}
     */
    record ToolCall(String id, String name, RawJson input, CacheHint cache, Loc loc, Loc unparsed) implements Part {

        public ToolCall(String id, String name, RawJson input, CacheHint cache, Loc loc) {
            this(id, name, input, cache, loc, null);
        }
    }

    /** What a tool returned. */
    record ToolResult(String callId, List<Part> content, boolean error, CacheHint cache, Loc loc)
            implements Part {
        public ToolResult {
            content = List.copyOf(content);
        }
    }

    /**
     * Reasoning the model produced in an earlier turn. {@code redacted} reasoning has no
     * readable text, only {@code data} the vendor can decrypt.
     */
    record Reasoning(String text, String signature, boolean redacted, String data, Loc loc)
            implements Part {
    }

    /**
     * A content block this version does not model, kept as written.
     *
     * @param wire the wire format it was written in ({@code anthropic}, {@code openai-chat}, …):
     *        only a writer of that format can send it on as it is
     */
    record Opaque(String type, RawJson raw, Loc loc, String wire) implements Part {
    }
}
