/**
 * Sends an Anthropic Messages request to Claude and, when Claude's API fails, to the next
 * endpoint of an ordered chain (OpenAI Chat Completions, OpenAI Responses, Gemini, another
 * Anthropic endpoint), translating the request on the way out and the reply on the way back,
 * so the caller always sees Anthropic-shaped JSON and stream events.
 *
 * <p>{@link dev.promptport.failover.Failover} is the entry point; it retries with
 * exponential backoff and full jitter, honours {@code retry-after}, keeps a circuit breaker
 * per endpoint, bounds the whole call by a deadline, and never fails over a stream once any
 * event reached the caller. Only the JDK's {@code java.net.http.HttpClient} is used.
 */
package dev.promptport.failover;
