package dev.promptport.tree;

/** Where the bytes of an image or document come from. */
public sealed interface MediaSource {

    /** Inline bytes, base64 encoded; {@code data} is the base64 text exactly as given. */
    record Base64(String mediaType, String data) implements MediaSource {
    }

    /**
     * Bytes the vendor fetches itself; {@code mediaType} when the request said what they are
     * (Gemini's {@code fileData} does), else null.
     */
    record Url(String url, String mediaType) implements MediaSource {

        public Url(String url) {
            this(url, null);
        }

        /** Whether the address is known to hold a PDF or, as Claude's document addresses do, said nothing. */
        public boolean pdfOrUntyped() {
            return mediaType == null || mediaType.isEmpty() || "application/pdf".equals(mediaType);
        }
    }

    /** A document given as plain text. */
    record PlainText(String mediaType, String text) implements MediaSource {
    }

    /**
     * A file uploaded earlier to a vendor's file store: {@code store} is whose,
     * {@code "anthropic"} or {@code "openai"}, as only that vendor can read it.
     */
    record FileRef(String fileId, String store) implements MediaSource {

        /** A file in Anthropic's store, as a Claude request names it. */
        public FileRef(String fileId) {
            this(fileId, ANTHROPIC);
        }

        public static final String ANTHROPIC = "anthropic";
        public static final String OPENAI = "openai";

        /** The store's owner as a person names it: "Anthropic", "OpenAI". */
        public String storeOwner() {
            return OPENAI.equals(store) ? "OpenAI" : ANTHROPIC.equals(store) ? "Anthropic" : store;
        }
    }

    /** A source kind this version does not model, kept as written. */
    record Opaque(String type, RawJson raw) implements MediaSource {
    }
}
