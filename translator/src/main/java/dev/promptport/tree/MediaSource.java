package dev.promptport.tree;

import java.util.List;

/** Where the bytes of an image or document come from. */
public sealed interface MediaSource {

    /**
     * The registered name of a media type written under a common alias: image/jpg is no
     * registered type, so Claude and Gemini refuse it, yet browsers and SDKs write it for JPEG.
     */
    static String canonical(String mediaType) {
        return "image/jpg".equalsIgnoreCase(mediaType) ? "image/jpeg" : mediaType;
    }

    /** Inline bytes, base64 encoded; {@code data} is the base64 text exactly as given. */
    record Base64(String mediaType, String data) implements MediaSource {

        public Base64 {
            mediaType = canonical(mediaType);
        }
    }

    /**
     * Bytes the vendor fetches itself; {@code mediaType} when the request said what they are
     * (Gemini's {@code fileData} does), else null.
     */
    record Url(String url, String mediaType) implements MediaSource {

        public Url {
            mediaType = canonical(mediaType);
        }

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
     * {@code "anthropic"}, {@code "openai"} or {@code "google"}, as only that vendor can read it;
     * {@code mediaType} when the request said what it is (Gemini's {@code fileData} does), else null.
     */
    record FileRef(String fileId, String store, String mediaType) implements MediaSource {

        /** A file in Anthropic's store, as a Claude request names it. */
        public FileRef(String fileId) {
            this(fileId, ANTHROPIC);
        }

        public FileRef(String fileId, String store) {
            this(fileId, store, null);
        }

        public static final String ANTHROPIC = "anthropic";
        public static final String OPENAI = "openai";
        /** Gemini's Files API and Google Cloud Storage ({@code gs://}), which Gemini reads by URI. */
        public static final String GOOGLE = "google";

        /** The store's owner as a person names it: "Anthropic", "OpenAI", "Google". */
        public String storeOwner() {
            return switch (store) {
                case OPENAI -> "OpenAI";
                case ANTHROPIC -> "Anthropic";
                case GOOGLE -> "Google";
                default -> store;
            };
        }
    }

    /**
     * A document of Claude's own content blocks (a {@code content} source): text and images
     * Claude cites by block, so a Claude target gets the blocks back as they came.
     */
    record Blocks(List<Part> parts) implements MediaSource {

        public Blocks {
            parts = List.copyOf(parts);
        }

        /** The text blocks' text, a blank line between blocks. */
        public String text() {
            StringBuilder b = new StringBuilder();
            for (Part p : parts) {
                if (p instanceof Part.Text t) {
                    b.append(b.length() == 0 ? "" : "\n\n").append(t.text());
                }
            }
            return b.toString();
        }

        /** How many blocks are not text. */
        public int otherBlocks() {
            int n = 0;
            for (Part p : parts) {
                n += p instanceof Part.Text ? 0 : 1;
            }
            return n;
        }
    }

    /**
     * A source kind this version does not model, kept as written.
     *
     * @param wire the format it was written in: only a writer of that format can send it on
     */
    record Opaque(String type, RawJson raw, String wire) implements MediaSource {
    }
}
