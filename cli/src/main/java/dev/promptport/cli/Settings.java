package dev.promptport.cli;

import dev.promptport.Limits;
import dev.promptport.PromptPortException;
import dev.promptport.Target;
import dev.promptport.rules.RuleConfig;
import dev.promptport.rules.RuleSet;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The options every command shares for finding and reading {@code .promptport.yaml}. */
final class Settings {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file to use instead of the nearest .promptport.yaml.")
    Path config;

    @Option(names = "--no-config", description = "Ignore any .promptport.yaml.")
    boolean noConfig;

    /**
     * The settings in force: {@code --config}, else the nearest {@code .promptport.yaml} in the
     * current folder or a parent, else the one nearest the first path named.
     */
    RuleConfig resolve(List<String> paths) {
        if (noConfig) {
            return RuleConfig.NONE;
        }
        if (config != null) {
            return read(config);
        }
        Path found = RuleConfig.nearest(Path.of("").toAbsolutePath());
        if (found == null && paths != null && !paths.isEmpty() && !"-".equals(paths.get(0))) {
            found = RuleConfig.nearest(Path.of(paths.get(0)));
        }
        return found == null ? RuleConfig.NONE : read(found);
    }

    /**
     * A settings file read as every input is: UTF-8, or UTF-16 with its byte-order mark, and
     * any other encoding an error at the line and column of its first byte that is not UTF-8.
     */
    private static RuleConfig read(Path file) {
        String text = InputFile.read(file.toString(), null, InputFile.Kind.PROMPT, Limits.DEFAULTS.maxInputBytes()).text();
        return RuleConfig.of(file, text);
    }

    static RuleSet rules(RuleConfig config) {
        return RuleSet.of(config);
    }

    /** Targets from {@code --to}, else from the settings; none is a usage error. */
    static List<Target> targets(List<String> to, RuleConfig config) {
        boolean fromSettings = to == null || to.isEmpty();
        List<String> names = fromSettings ? config.targets() : to;
        if (names.isEmpty()) {
            throw new PromptPortException("no target: give --to vendor:model (for example openai:gpt-4o)"
                    + " or list targets in .promptport.yaml", null);
        }
        RuleSet rules = RuleSet.of(config);
        List<Target> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            try {
                out.add(rules.target(names.get(i)));
            } catch (PromptPortException e) {
                throw fromSettings ? config.error("/targets/" + i, e.getMessage()) : e;
            }
        }
        return out;
    }
}
