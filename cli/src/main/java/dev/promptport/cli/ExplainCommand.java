package dev.promptport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.promptport.Finding;
import dev.promptport.InputFormat;
import dev.promptport.Options;
import dev.promptport.Prompt;
import dev.promptport.PromptPort;
import dev.promptport.PromptPortException;
import dev.promptport.Target;
import dev.promptport.Translation;
import dev.promptport.report.TerminalText;
import dev.promptport.rules.RuleInfo;
import dev.promptport.rules.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "explain", description = "Explains one rule, with an example input before and after translation.",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:explained", "2:no such rule"})
final class ExplainCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    Settings settings;

    @Parameters(index = "0", paramLabel = "ID", description = "The rule's id, e.g. PP107.")
    String id;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            RuleSet rules = RuleSet.of(settings.resolve(List.of()));
            RuleInfo rule = rules.rules().stream().filter(r -> r.id().equalsIgnoreCase(id)).findFirst().orElse(null);
            if (rule == null) {
                err.println("promptport: no rule " + TerminalText.escape(id) + " (promptport rules lists them)");
                return Main.BAD_INPUT;
            }
            // a rule may come from a user's rule file: every field of it is printed escaped
            out.println(TerminalText.escape(rule.id() + ": " + rule.title()));
            out.println();
            out.println("  severity  " + rule.severity().label() + "    effort  " + rule.effort() + " min    feature  "
                    + TerminalText.escape(rule.feature()));
            out.println("  targets   " + TerminalText.escape(String.join(", ", rule.targets())));
            out.println("  matches   " + TerminalText.escape("step".equals(rule.kind()) && rule.rewrite() == null
                    ? "checked as the input is read or the output written, which also makes the change"
                    : "step".equals(rule.kind())
                    ? "checked by the built-in rewrite step " + rule.rewrite() + ", which also makes the change"
                    : rule.kind() + " " + rule.match().entrySet().stream().filter(e -> !"kind".equals(e.getKey()))
                            .map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("")));
            out.println();
            out.println("Message:  " + TerminalText.message(rule.message().replaceAll("\\{\\d}", "…")));
            out.println("Fix:      " + TerminalText.message(rule.fix().replaceAll("\\{\\d}", "…")));
            example(rule, rules, out);
            out.flush();
            return Main.OK;
        } catch (PromptPortException e) {
            err.println("promptport: " + TerminalText.escape(e.describe()));
            return Main.BAD_INPUT;
        } catch (InputFile.InputError e) {
            err.println("promptport: " + TerminalText.escape(e.getMessage()));
            return Main.BAD_INPUT;
        }
    }

    private static void example(RuleInfo rule, RuleSet rules, PrintWriter out) {
        JsonNode ex = load(rule.id());
        if (ex == null || ex.path("trigger").isNull() || ex.path("trigger").isMissingNode()) {
            if (ex != null && ex.hasNonNull("why_no_trigger")) {
                out.println();
                out.println("No example: " + TerminalText.message(ex.get("why_no_trigger").asText()));
            }
            return;
        }
        Target target = Target.of(ex.path("target").asText("openai:gpt-4o"));
        String kind = ex.path("kind").asText("prompt");
        String input = ex.get("trigger").asText();
        Options options = Options.DEFAULT.withPretty(true).withRules(rules);
        Options file = options.withPromptFile(ex.path("write_back").asBoolean(false));
        InputFormat from = ex.hasNonNull("from") ? InputFormat.parse(ex.get("from").asText()) : InputFormat.ANTHROPIC;
        Translation t = switch (kind) {
            case "request" -> PromptPort.translate(input, from, target, options);
            case "dotprompt" -> PromptPort.translate(Prompt.dotprompt(input), target, file);
            case "prompty" -> PromptPort.translate(Prompt.prompty(input), target, file);
            default -> PromptPort.translate(Prompt.system(input), target, options);
        };
        out.println();
        out.println("Example, translated for " + target.id() + ":");
        out.println();
        out.println("  Before (" + switch (kind) {
            case "request" -> from == InputFormat.ANTHROPIC ? "Anthropic request" : from.label() + " request";
            case "dotprompt" -> "Dotprompt file";
            case "prompty" -> "Prompty file";
            default -> "prompt";
        } + "):");
        indent(input, out);
        out.println("  After:");
        indent(t.output(), out);
        out.println("  Finding:");
        for (Finding f : t.findings()) {
            if (f.id().equals(rule.id())) {
                out.println("    " + TerminalText.message(f.oneLine()));
            }
        }
    }

    private static void indent(String text, PrintWriter out) {
        for (String line : text.strip().split("\n", -1)) {
            out.println("    " + TerminalText.escape(line));
        }
        out.println();
    }

    private static JsonNode load(String id) {
        String name = "/dev/promptport/rules/examples/" + id.toUpperCase(Locale.ROOT) + ".yaml";
        try (InputStream in = ExplainCommand.class.getResourceAsStream(name)) {
            return in == null ? null : new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            return null;
        }
    }
}
