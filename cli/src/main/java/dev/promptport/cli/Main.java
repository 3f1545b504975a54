package dev.promptport.cli;

import dev.promptport.report.TerminalText;
import dev.promptport.rules.Catalogue;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code promptport} command. {@link #run} returns the exit code so tests can call it;
 * only {@link #main} exits.
 */
@Command(name = "promptport",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Makes prompts and requests written for Claude portable to other model vendors.")
public final class Main implements Runnable {

    /**
     * The subcommands, by the names their {@code @Command} gives them (written out: reading the
     * annotations costs as much as a command's own start), in the order the help lists them.
     * picocli reads a command's annotations when it is added, which for all seven took a fifth
     * of a short run's start: a run that names its command gets that one alone ({@link #commandsFor}).
     */
    static final Map<String, Class<?>> COMMANDS = commands(
            "translate", TranslateCommand.class,
            "audit", AuditCommand.class,
            "lint", LintCommand.class,
            "rules", RulesCommand.class,
            "explain", ExplainCommand.class,
            "reply", ReplyCommand.class,
            "help", CommandLine.HelpCommand.class);

    static final int OK = 0;
    static final int FINDINGS = 1;
    static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // The built-in rules and models take a quarter of a short run to read (three YAML files,
        // parsed while the JVM is still cold): read on the second core while the arguments are
        // parsed and the input read, they are ready or nearly so when the first request needs them.
        Thread catalogue = new Thread(Main::readCatalogue, "promptport-catalogue");
        catalogue.setDaemon(true);
        catalogue.start();
        PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    private static void readCatalogue() {
        try {
            Catalogue.builtIn();
        } catch (RuntimeException | Error e) {
            // the command reads it again where it needs it, and reports what went wrong there
        }
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, System.in, out, err);
    }

    /** Runs the command with {@code stdin} as standard input; returns the exit code. */
    public static int run(String[] args, InputStream stdin, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main(), new Factory(stdin));
        for (Class<?> command : commandsFor(args)) {
            cli.addSubcommand(command);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> BAD_INPUT);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("promptport: " + TerminalText.escape(e.getMessage()));
            err.println("Try 'promptport " + (e.getCommandLine().getCommandName().equals("promptport") ? ""
                    : e.getCommandLine().getCommandName() + " ") + "--help' for usage.");
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, c, r) -> {
            err.println("promptport: internal error: " + TerminalText.escape(String.valueOf(e)));
            return BAD_INPUT;
        });
        return cli.execute(args);
    }

    /**
     * The one command the arguments start with; every command when they start with none of
     * them (the help, a misspelt command that picocli suggests a name for) or with "help",
     * which shows the others' help.
     */
    private static Collection<Class<?>> commandsFor(String[] args) {
        Class<?> named = args.length == 0 ? null : COMMANDS.get(args[0]);
        return named == null || named == CommandLine.HelpCommand.class ? COMMANDS.values() : List.of(named);
    }

    private static Map<String, Class<?>> commands(Object... namesAndClasses) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (int i = 0; i < namesAndClasses.length; i += 2) {
            byName.put((String) namesAndClasses[i], (Class<?>) namesAndClasses[i + 1]);
        }
        return Collections.unmodifiableMap(byName);
    }

    /** Hands standard input to the commands that read it. */
    private record Factory(InputStream stdin) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == TranslateCommand.class) {
                return cls.cast(new TranslateCommand(stdin));
            }
            if (cls == AuditCommand.class) {
                return cls.cast(new AuditCommand(stdin));
            }
            if (cls == LintCommand.class) {
                return cls.cast(new LintCommand(stdin));
            }
            if (cls == ReplyCommand.class) {
                return cls.cast(new ReplyCommand(stdin));
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
