package dev.promptport.cli;

import dev.promptport.Limits;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The limits on reading one input, for every command that reads a file: its size and how
 * deeply its JSON nests. {@link LimitOptions} adds the limits on prompts.
 */
final class InputLimitOptions {

    /** A file is read into one array, so no limit can go past what an array holds. */
    static final int MAX_MB = 2047;

    @Option(names = "--max-input-mb", paramLabel = "MB", converter = Megabytes.class,
            description = "Refuse an input larger than this many MB (MiB; with audit --jsonl, each line of the log)"
                    + " (default: ${DEFAULT-VALUE}, at most " + MAX_MB + ").")
    int maxInputMb = (int) (Limits.DEFAULTS.maxInputBytes() >> 20);

    @Option(names = "--max-json-depth", paramLabel = "LEVELS", converter = Positive.class,
            description = "Refuse JSON that nests arrays and objects deeper than this (default: ${DEFAULT-VALUE}).")
    int maxJsonDepth = Limits.DEFAULTS.maxJsonDepth();

    long maxInputBytes() {
        return (long) maxInputMb << 20;
    }

    Limits limits() {
        return Limits.DEFAULTS.withMaxInputBytes(maxInputBytes()).withMaxJsonDepth(maxJsonDepth);
    }

    /** A limit is a positive whole number; picocli reports anything else as a usage error (exit 2). */
    static final class Positive implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) positive(value, Integer.MAX_VALUE);
        }
    }

    static final class PositiveLong implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return positive(value, Long.MAX_VALUE);
        }
    }

    static final class Megabytes implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) positive(value, MAX_MB);
        }
    }

    static long positive(String value, long max) {
        return between(value, 1, max, "a whole number");
    }

    /** @param what what the value must be, for the message when it is not a number ({@code a whole number}) */
    static long between(String value, long min, long max, String what) {
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not " + what);
        }
        if (n < min || n > max) {
            throw new TypeConversionException("'" + value + "' is not between " + min + " and " + max);
        }
        return n;
    }
}
