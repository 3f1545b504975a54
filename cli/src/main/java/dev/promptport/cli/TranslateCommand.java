package dev.promptport.cli;

import dev.promptport.Options;
import dev.promptport.Prompt;
import dev.promptport.PromptPort;
import dev.promptport.PromptPortException;
import dev.promptport.Target;
import dev.promptport.Translation;
import dev.promptport.report.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "translate",
        description = {
            "Translates one request (.json: Anthropic, OpenAI or Gemini) or Claude-style prompt file (.txt, .md, .xml,"
                + " .prompt, .prompty, .prompt.yml) for another vendor's model.",
            "The translation goes to standard output, the findings (what changed and why) to standard error."},
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:translated", "2:unusable input or usage error"})
final class TranslateCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    Settings settings;

    @picocli.CommandLine.Mixin
    LimitOptions limits;

    @Option(names = "--to", required = true, paramLabel = "TARGET",
            description = "Target model as vendor:model, e.g. openai:gpt-4o, openai:o3.")
    String to;

    @Option(names = "--style", paramLabel = "STYLE", defaultValue = "auto",
            description = "auto (the structure the target's vendor recommends: Markdown headings for OpenAI and Gemini,"
                    + " XML tags for Claude) or keep (leave tags and headings as they are; xml is the same).")
    StyleChoice style;

    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "system",
            description = "For prompt files: system (default) or user.")
    RoleChoice role;

    @Option(names = "--from", paramLabel = "FORMAT",
            description = "Input format: anthropic, openai-chat, openai-responses, gemini (requests), tools (a file of tool definitions) or prompt (a prompt file)."
                    + " By default .json files are requests whose format is told from their shape.")
    String from;

    @Option(names = "--findings", paramLabel = "FORMAT", defaultValue = "text",
            description = "How findings are printed on standard error: text (one per line), json, or none.")
    FindingsFormat findings;

    @Option(names = "--output-format", paramLabel = "FORMAT", defaultValue = "request",
            description = "For Dotprompt (.prompt), Prompty (.prompty) and GitHub Models (.prompt.yml) files: request"
                    + " (the target's request JSON, default) or prompt-file (the same file format, rewritten for the target).")
    String outputFormat;

    @Option(names = "--compact", description = "Print the request JSON on one line instead of indented.")
    boolean compact;

    @Parameters(index = "0", paramLabel = "FILE", description = "The input file, or - for standard input.")
    String file;

    private final InputStream stdin;

    TranslateCommand() {
        this(System.in);
    }

    TranslateCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (to.contains(",")) {
            err.println("promptport translate: --to takes one target, not a list ('" + TerminalText.escape(to)
                    + "'); run translate once for each target (audit and lint take a list)");
            return Main.BAD_INPUT;
        }
        if (from != null && !"prompt".equals(from)) {
            try {
                dev.promptport.InputFormat.parse(from);
            } catch (dev.promptport.PromptPortException e) {
                err.println("promptport translate: unknown input format '" + TerminalText.escape(from)
                        + "' (anthropic, openai-chat, openai-responses, gemini, tools or prompt)");
                return Main.BAD_INPUT;
            }
        }
        try {
            Target target = Settings.rules(settings.resolve(java.util.List.of(file))).target(to);
            InputFile input = InputFile.read(file, stdin, from == null ? null
                    : "prompt".equals(from) ? InputFile.Kind.PROMPT : InputFile.Kind.REQUEST, limits.maxInputBytes());
            if (from != null && !"prompt".equals(from)) {
                input = input.withFormat(dev.promptport.InputFormat.parse(from));
            }
            if (!outputFormat.equals("request") && !outputFormat.equals("prompt-file")) {
                throw new InputFile.InputError(file, "--output-format must be request or prompt-file");
            }
            Options options = new Options(style.style, !compact,
                    Settings.rules(settings.resolve(java.util.List.of(file))), outputFormat.equals("prompt-file"))
                    .withLimits(limits.limits());
            Translation t;
            try {
                t = input.kind() == InputFile.Kind.REQUEST
                        ? PromptPort.translate(input.text(), input.format(), target, options)
                        : PromptPort.translate(role == RoleChoice.user ? Prompt.user(input.text())
                                : Prompt.ofFile(file, input.text()), target, options);
            } catch (PromptPortException e) {
                throw new InputFile.InputError(file, e);
            }
            out.print(t.output());
            if (!t.output().endsWith("\n")) {
                out.println();
            }
            out.flush();
            FindingPrinter.print(findings, file, t.findings(), err);
            return Main.OK;
        } catch (InputFile.InputError e) {
            err.println("promptport: " + TerminalText.escape(e.getMessage()));
            return Main.BAD_INPUT;
        } catch (PromptPortException e) {
            err.println("promptport: " + TerminalText.escape(e.describe()));
            return Main.BAD_INPUT;
        }
    }

    enum StyleChoice {
        auto(dev.promptport.rules.Style.AUTO), markdown(dev.promptport.rules.Style.AUTO), xml(dev.promptport.rules.Style.XML),
        keep(dev.promptport.rules.Style.XML);

        final dev.promptport.rules.Style style;

        StyleChoice(dev.promptport.rules.Style style) {
            this.style = style;
        }
    }

    enum RoleChoice { system, user }


    enum FindingsFormat { text, json, none }
}
