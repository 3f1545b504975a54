/**
 * Replies back to the Anthropic shape: a failover call that went to OpenAI (Chat Completions or
 * Responses) or Gemini gets its reply, its stream, or its error translated into what Claude's
 * API would have returned, so the rest of the application does not change.
 *
 * <ul>
 *   <li>{@link dev.promptport.reply.Replies#toAnthropic} — a whole reply → a {@code Message};</li>
 *   <li>{@link dev.promptport.reply.StreamTranslator} — SSE lines → Anthropic stream events;</li>
 *   <li>{@link dev.promptport.reply.MessageEvents} — a whole {@code Message} → the stream events
 *       Claude would have sent for it (for a server that answered a stream request whole);</li>
 *   <li>{@link dev.promptport.reply.AnthropicErrors#fromVendor} — an error reply → Anthropic error JSON;</li>
 *   <li>{@link dev.promptport.reply.ReplyContext} — what the request left for the reply: the
 *       model name to report, the prefill to restore, the renamed tools.</li>
 * </ul>
 *
 * <p>Each vendor's reader is written once against {@code BlockSink} and serves whole replies
 * ({@code MessageBuilder}) and streams ({@code EventEmitter}) alike, so a whole reply and the
 * same reply streamed translate to the same content.
 */
package dev.promptport.reply;
