package dev.promptport.cli;

import dev.promptport.Limits;
import dev.promptport.PromptPortException;
import dev.promptport.Target;
import dev.promptport.rules.RuleConfig;
import dev.promptport.rules.RuleSet;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

    /**
     * Targets from {@code --to} (each value a comma-separated list), else from the settings, each
     * once; none is a usage error.
     */
    static List<Target> targets(List<String> to, RuleConfig config) {
        boolean fromSettings = to == null || to.isEmpty();
        List<String> names = fromSettings ? config.targets() : split(to);
        if (names.isEmpty()) {
            throw new PromptPortException("no target: give --to vendor:model (for example openai:gpt-4o)"
                    + " or list targets in .promptport.yaml", null);
        }
        RuleSet rules = RuleSet.of(config);
        Set<String> seen = new HashSet<>();
        List<Target> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Target t;
            try {
                t = rules.target(names.get(i));
            } catch (PromptPortException e) {
                throw fromSettings ? config.error("/targets/" + i, e.getMessage()) : e;
            }
            if (seen.add(t.id().toLowerCase(Locale.ROOT))) {
                out.add(t);
            }
        }
        return out;
    }

    /** The targets a {@code --to} list names: an empty one, at either end or between two commas, is an error. */
    private static List<String> split(List<String> to) {
        List<String> names = new ArrayList<>();
        for (String value : to) {
            for (String name : value.split(",", -1)) {
                if (name.isBlank()) {
                    throw new PromptPortException("--to '" + value + "' holds an empty target; separate targets with one"
                            + " comma and nothing at either end, as in openai:gpt-4o,openai:o3", null);
                }
                names.add(name.strip());
            }
        }
        return names;
    }
}
