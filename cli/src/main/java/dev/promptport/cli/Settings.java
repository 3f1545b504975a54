package dev.promptport.cli;

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
            return RuleConfig.load(config);
        }
        RuleConfig found = RuleConfig.find(Path.of("").toAbsolutePath());
        if (found == RuleConfig.NONE && paths != null && !paths.isEmpty() && !"-".equals(paths.get(0))) {
            found = RuleConfig.find(Path.of(paths.get(0)));
        }
        return found;
    }

    static RuleSet rules(RuleConfig config) {
        return RuleSet.of(config);
    }

    /** Targets from {@code --to}, else from the settings; none is a usage error. */
    static List<Target> targets(List<String> to, RuleConfig config) {
        List<String> names = to == null || to.isEmpty() ? config.targets() : to;
        if (names.isEmpty()) {
            throw new PromptPortException("no target: give --to vendor:model (for example openai:gpt-4o)"
                    + " or list targets in .promptport.yaml", null);
        }
        RuleSet rules = RuleSet.of(config);
        List<Target> out = new ArrayList<>();
        for (String n : names) {
            out.add(rules.target(n));
        }
        return out;
    }
}
