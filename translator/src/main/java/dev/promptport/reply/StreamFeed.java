package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;

/** One vendor's stream events, fed into a {@link BlockSink}. */
interface StreamFeed {

    /** One SSE event whose data was JSON; {@code eventName} is the {@code event:} field or null. */
    void event(String eventName, JsonNode data);

    /**
     * An event read from its text alone, without a tree, when it is one the feed knows by heart
     * (the text chunk a stream sends again and again): true when it was read so, and then it was
     * not idle; false for any other event, which then goes through {@link #event}.
     */
    default boolean quick(String text) {
        return false;
    }

    /**
     * The event's JSON as {@link #idle} and {@link #event} read it: the vendor's own when it has
     * but one spelling. {@code text} is the JSON as it came, for a look at it quicker than a walk
     * of the tree.
     *
     * @throws dev.promptport.PromptPortException when the event is not one the feed can read
     */
    default JsonNode normalized(JsonNode data, String text) {
        return data;
    }

    /**
     * Whether {@code data} is a keep-alive: an event that carries nothing of the reply (a chunk
     * without choices or candidates), which a proxy or the vendor sends while the model is silent.
     * It neither starts the reply nor counts as the stream moving ({@link StreamTranslator#heard}).
     */
    default boolean idle(JsonNode data) {
        return false;
    }

    /** {@code data: [DONE]}. */
    void doneMarker();

    /** The upstream stream ended; ends the message normally if the vendor had finished it, else fails it. */
    void end();
}
