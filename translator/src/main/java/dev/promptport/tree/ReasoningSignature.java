package dev.promptport.tree;

/**
 * Which vendor can verify a piece of earlier reasoning, read from the signature of its
 * thinking block.
 *
 * <p>During a failover the reply of another vendor comes back in Anthropic's shape, and that
 * vendor's own token for its reasoning (Gemini's {@code thoughtSignature}; the id and encrypted
 * content of an OpenAI Responses reasoning item) rides in the thinking block's signature, the
 * one field of a thinking block that clients keep as it is. A prefix names the vendor. Claude's
 * own signatures are base64, which has no colon, so a prefixed token never passes for one of
 * Claude's: Claude refuses the whole request when a thinking block carries a signature it did
 * not write, and the vendor that did write it wants it back.
 *
 * @param signer who wrote the signature
 * @param token  the vendor's token: the whole signature for Claude, the thought signature for
 *               Gemini, the encrypted content for OpenAI (empty when the reply had none)
 * @param itemId the OpenAI reasoning item's id; {@code null} for the others
 */
public record ReasoningSignature(Signer signer, String token, String itemId) {

    public enum Signer { CLAUDE, GEMINI, OPENAI }

    private static final String PREFIX = "promptport:";
    private static final String GEMINI = PREFIX + "gemini:";
    private static final String OPENAI = PREFIX + "openai:";

    /** The signature that carries Gemini's {@code thoughtSignature}. */
    public static String gemini(String thoughtSignature) {
        return GEMINI + thoughtSignature;
    }

    /** The signature that carries an OpenAI reasoning item: its id and encrypted content (may be null). */
    public static String openAi(String itemId, String encryptedContent) {
        return OPENAI + itemId + ":" + (encryptedContent == null ? "" : encryptedContent);
    }

    /**
     * Who signed, or {@code null} for no signature: none at all, an empty one (as reasoning from
     * OpenAI-compatible servers comes back), or a prefix of a vendor this version does not know.
     */
    public static ReasoningSignature of(String signature) {
        if (signature == null || signature.isEmpty()) {
            return null;
        }
        if (!signature.startsWith(PREFIX)) {
            return new ReasoningSignature(Signer.CLAUDE, signature, null);
        }
        if (signature.startsWith(GEMINI) && signature.length() > GEMINI.length()) {
            return new ReasoningSignature(Signer.GEMINI, signature.substring(GEMINI.length()), null);
        }
        if (signature.startsWith(OPENAI)) {
            int colon = signature.indexOf(':', OPENAI.length());
            if (colon > OPENAI.length()) {
                return new ReasoningSignature(Signer.OPENAI, signature.substring(colon + 1),
                        signature.substring(OPENAI.length(), colon));
            }
        }
        return null;
    }
}
