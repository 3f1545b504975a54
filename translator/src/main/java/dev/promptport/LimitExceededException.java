package dev.promptport;

import dev.promptport.tree.Loc;

import java.util.OptionalLong;

/**
 * An input went over one of the {@link Limits}. The message names the limit, the amount where
 * it is known, and the command-line option that raises the limit, as in
 * {@code the tags nest deeper than the tag depth limit (512); raise it with --max-tag-depth};
 * {@link #location()} says where the limit was hit when that is known.
 */
public final class LimitExceededException extends PromptPortException {

    /** The limits, with the words a message uses for each and the option that sets it. */
    public enum Limit {
        INPUT_SIZE("input size limit", "--max-input-mb"),
        JSON_DEPTH("JSON depth limit", "--max-json-depth"),
        TAG_DEPTH("tag depth limit", "--max-tag-depth"),
        TAG_COUNT("tag count limit", "--max-tags"),
        RULE_TIME("rule time limit", "--max-rule-ms");

        private final String label;
        private final String option;

        Limit(String label, String option) {
            this.label = label;
            this.option = option;
        }

        /** The limit as a message names it: {@code tag depth limit}. */
        public String label() {
            return label;
        }

        /** The command-line option that sets the limit: {@code --max-tag-depth}. */
        public String option() {
            return option;
        }

        /** A value of this limit as a person reads it: {@code 64 MB}, {@code 2000 ms}, {@code 512}. */
        String show(long value) {
            return switch (this) {
                case INPUT_SIZE -> value % (1L << 20) == 0 ? (value >> 20) + " MB" : value + " bytes";
                case RULE_TIME -> value + " ms";
                default -> Long.toString(value);
            };
        }
    }

    private final Limit limit;
    private final long value;
    private final long actual;

    /**
     * @param what what the input did, ending in a comparison the limit completes:
     *     {@code the tags nest deeper}
     * @param actual the amount the input reached, or -1 when it is not known
     */
    private LimitExceededException(Limit limit, long value, long actual, String what, Loc location) {
        super(what + " than the " + limit.label() + " (" + limit.show(value) + "); raise it with " + limit.option(),
                location);
        this.limit = limit;
        this.value = value;
        this.actual = actual;
    }

    /**
     * An input larger than {@code maxBytes}.
     *
     * @param size the input's size in {@code unit}s ({@code bytes} or {@code characters}), or -1 when
     *     reading stopped at the limit
     */
    public static LimitExceededException inputSize(long maxBytes, long size, String unit) {
        String what = size < 0 ? "the input is larger" : "the input is " + size + " " + unit + ", larger";
        return new LimitExceededException(Limit.INPUT_SIZE, maxBytes, size, what, Loc.NONE);
    }

    /** A line of a log (one request) larger than {@code maxBytes}; {@code size} is its length in bytes. */
    public static LimitExceededException lineSize(long maxBytes, long size) {
        return new LimitExceededException(Limit.INPUT_SIZE, maxBytes, size, "the line is " + size + " bytes, larger",
                Loc.NONE);
    }

    public static LimitExceededException jsonDepth(int maxDepth, Loc location) {
        return new LimitExceededException(Limit.JSON_DEPTH, maxDepth, -1, "the JSON nests deeper", location);
    }

    /** @param location the opening tag of the first section nested too deep */
    public static LimitExceededException tagDepth(int maxDepth, Loc location) {
        return new LimitExceededException(Limit.TAG_DEPTH, maxDepth, -1, "the tags nest deeper", location);
    }

    /** @param location the first tag over the limit */
    public static LimitExceededException tagCount(int maxTags, long tags, Loc location) {
        return new LimitExceededException(Limit.TAG_COUNT, maxTags, tags, "the text holds " + tags + " tags, more",
                location);
    }

    /** @param lastRule the rule that was checked when the time ran out */
    public static LimitExceededException ruleTime(long maxMillis, long tookMillis, String lastRule) {
        return new LimitExceededException(Limit.RULE_TIME, maxMillis, tookMillis,
                "the pattern rules took " + tookMillis + " ms (stopped after rule " + lastRule + "), longer", Loc.NONE);
    }

    /** Which limit was hit. */
    public Limit limit() {
        return limit;
    }

    /** The limit's value when it was hit: bytes, levels, tags or milliseconds. */
    public long value() {
        return value;
    }

    /** The amount the input reached, when known (the input's size, its tags, the time taken). */
    public OptionalLong actual() {
        return actual < 0 ? OptionalLong.empty() : OptionalLong.of(actual);
    }
}
