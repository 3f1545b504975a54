package dev.promptport;

/**
 * How much one input may cost before promptport refuses it with a {@link LimitExceededException}.
 * The defaults are far above any real prompt or request and low enough that a hostile or broken
 * input cannot take the process's memory, stack or a CI job's time; the command line sets each
 * with the option {@link LimitExceededException.Limit#option()} names.
 *
 * @param maxInputBytes the largest input. The command line counts the bytes of the file; the
 *     library counts the characters of the {@code String} it is given, because measuring UTF-8
 *     bytes would cost a pass over the text. A character is never more than its UTF-8 bytes, so
 *     the library never refuses an input the command line accepts, but it lets through text of
 *     non-ASCII characters up to three times the limit in bytes. Default 64 MiB.
 * @param maxJsonDepth how deeply arrays and objects may nest in a request (the top-level object
 *     is depth 1); deeper is refused before it costs stack. Default 256.
 * @param maxTagDepth how deeply tagged sections may nest in one text; code that walks the
 *     section tree recursively is safe up to here. Default 512.
 * @param maxTags the tags (opening, closing and self-closing, outside code) one text may hold.
 *     A real prompt holds hundreds; each tag costs about a hundred bytes while its sections are
 *     built, so the default of 1,000,000 keeps one text under about 100 MB of working memory
 *     while no real prompt comes near it.
 * @param maxRuleMillis the time the pattern rules (regular expressions over the prose, a team's
 *     own among them) may take on one request for one target. They run on RE2/J, which is
 *     linear, so only a very large text times many patterns gets here; the clock is read between
 *     rules, so a rule that is running finishes first. The built-in checks of other kinds are not
 *     timed. Default 2,000 ms.
 */
public record Limits(long maxInputBytes, int maxJsonDepth, int maxTagDepth, int maxTags, long maxRuleMillis) {

    public static final Limits DEFAULTS = new Limits(64L << 20, 256, 512, 1_000_000, 2_000);

    /**
     * @throws IllegalArgumentException when a limit is not positive
     */
    public Limits {
        positive("maxInputBytes", maxInputBytes);
        positive("maxJsonDepth", maxJsonDepth);
        positive("maxTagDepth", maxTagDepth);
        positive("maxTags", maxTags);
        positive("maxRuleMillis", maxRuleMillis);
    }

    public Limits withMaxInputBytes(long bytes) {
        return new Limits(bytes, maxJsonDepth, maxTagDepth, maxTags, maxRuleMillis);
    }

    public Limits withMaxJsonDepth(int depth) {
        return new Limits(maxInputBytes, depth, maxTagDepth, maxTags, maxRuleMillis);
    }

    public Limits withMaxTagDepth(int depth) {
        return new Limits(maxInputBytes, maxJsonDepth, depth, maxTags, maxRuleMillis);
    }

    public Limits withMaxTags(int tags) {
        return new Limits(maxInputBytes, maxJsonDepth, maxTagDepth, tags, maxRuleMillis);
    }

    public Limits withMaxRuleMillis(long millis) {
        return new Limits(maxInputBytes, maxJsonDepth, maxTagDepth, maxTags, millis);
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }
}
