package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;

/** One vendor's stream events, fed into a {@link BlockSink}. */
interface StreamFeed {

    /** One SSE event whose data was JSON; {@code eventName} is the {@code event:} field or null. */
    void event(String eventName, JsonNode data);

    /** {@code data: [DONE]}. */
    void doneMarker();

    /** The upstream stream ended; ends the message normally if the vendor had finished it, else fails it. */
    void end();
}
