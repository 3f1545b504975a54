package dev.promptport.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.promptport.PromptPortException;
import dev.promptport.report.TerminalText;
import dev.promptport.rules.RuleConfig;
import dev.promptport.rules.RuleInfo;
import dev.promptport.rules.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "rules", description = "Lists the rules in force: the built-in pack plus your own, with your severity overrides.",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class)
final class RulesCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    Settings settings;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
    Format format;

    enum Format { text, json }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            RuleConfig config = settings.resolve(List.of());
            List<RuleInfo> rules = RuleSet.of(config).rules();
            if (format == Format.json) {
                json(rules, out);
            } else {
                out.printf("%-8s %-8s %-17s %s%n", "ID", "SEVERITY", "FEATURE", "TITLE");
                for (RuleInfo r : rules) {
                    out.printf("%-8s %-8s %-17s %s%n", TerminalText.escape(r.id()), r.severity().label(),
                            TerminalText.escape(r.feature()), TerminalText.escape(r.title()));
                }
                out.println(rules.size() + " rules. 'promptport explain ID' shows one with an example.");
            }
            out.flush();
            return Main.OK;
        } catch (PromptPortException e) {
            spec.commandLine().getErr().println("promptport: " + TerminalText.escape(e.describe()));
            return Main.BAD_INPUT;
        } catch (InputFile.InputError e) {
            spec.commandLine().getErr().println("promptport: " + TerminalText.escape(e.getMessage()));
            return Main.BAD_INPUT;
        }
    }

    private static void json(List<RuleInfo> rules, PrintWriter out) {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (RuleInfo r : rules) {
                g.writeStartObject();
                g.writeStringField("id", r.id());
                g.writeStringField("title", r.title());
                g.writeStringField("feature", r.feature());
                g.writeStringField("severity", r.severity().label());
                g.writeNumberField("effort", r.effort());
                g.writeArrayFieldStart("targets");
                for (String t : r.targets()) {
                    g.writeString(t);
                }
                g.writeEndArray();
                g.writeStringField("kind", r.kind());
                g.writeStringField("message", r.message());
                g.writeStringField("fix", r.fix());
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }
}
