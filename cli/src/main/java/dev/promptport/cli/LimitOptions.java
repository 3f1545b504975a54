package dev.promptport.cli;

import dev.promptport.Limits;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The limits on what one prompt or request may cost, shared by the commands that translate:
 * {@link InputLimitOptions}' size and JSON depth, and the tags and rule time of a prompt. Each
 * limit hit is an error naming the limit and the option here that raises it.
 */
final class LimitOptions {

    @Mixin
    InputLimitOptions input;

    @Option(names = "--max-tag-depth", paramLabel = "LEVELS", converter = InputLimitOptions.Positive.class,
            description = "Refuse a prompt whose tagged sections nest deeper than this (default: ${DEFAULT-VALUE}).")
    int maxTagDepth = Limits.DEFAULTS.maxTagDepth();

    @Option(names = "--max-tags", paramLabel = "COUNT", converter = InputLimitOptions.Positive.class,
            description = "Refuse a prompt text holding more tags than this (default: ${DEFAULT-VALUE}).")
    int maxTags = Limits.DEFAULTS.maxTags();

    @Option(names = "--max-rule-ms", paramLabel = "MS", converter = InputLimitOptions.PositiveLong.class,
            description = "Refuse an input whose pattern rules take longer than this many milliseconds for one target"
                    + " (default: ${DEFAULT-VALUE}).")
    long maxRuleMs = Limits.DEFAULTS.maxRuleMillis();

    long maxInputBytes() {
        return input.maxInputBytes();
    }

    Limits limits() {
        return input.limits().withMaxTagDepth(maxTagDepth).withMaxTags(maxTags).withMaxRuleMillis(maxRuleMs);
    }
}
