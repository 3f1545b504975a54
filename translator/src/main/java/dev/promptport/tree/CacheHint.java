package dev.promptport.tree;

/**
 * A prompt-caching breakpoint the author placed on a block.
 *
 * @param type the hint's kind as written (for example {@code ephemeral})
 * @param ttl the lifetime asked for, or {@code null}
 */
public record CacheHint(String type, String ttl) {
}
