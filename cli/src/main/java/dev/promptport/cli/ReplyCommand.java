package dev.promptport.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.promptport.PromptPortException;
import dev.promptport.reply.AnthropicErrors;
import dev.promptport.reply.Replies;
import dev.promptport.reply.ReplyContext;
import dev.promptport.reply.ReplyFormat;
import dev.promptport.reply.ReplyTranslation;
import dev.promptport.reply.StreamTranslator;
import dev.promptport.report.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "reply",
        description = {
            "Translates a reply captured from OpenAI (Chat Completions or Responses) or Gemini back into the"
                + " Anthropic Messages shape: the Message JSON, or with --stream the Anthropic event stream.",
            "An error body (a top-level \"error\", or --status 400 and up, with --stream too) becomes Anthropic error JSON:"
                + " a request that fails before its stream begins gets an error body from Claude's API, not events."},
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:translated",
            "2:unusable input or usage error (also when a stream ends in an error event: cut off, malformed, or an upstream error)"})
final class ReplyCommand implements Callable<Integer> {

    private static final ObjectMapper PRETTY = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** A reply holds no prompt, so only the limits on reading apply. */
    @picocli.CommandLine.Mixin
    InputLimitOptions limits;

    @Option(names = "--from", required = true, paramLabel = "FORMAT",
            description = "The reply's format: openai-chat, openai-responses or gemini.")
    String from;

    @Option(names = "--stream", description = "The input is a server-sent-event capture; print the Anthropic event stream.")
    boolean stream;

    @Option(names = "--prefill", paramLabel = "TEXT",
            description = "The assistant prefill the request carried (Translation.prefill()); it is put back in front of the reply once.")
    String prefill;

    @Option(names = "--prefill-mode", paramLabel = "MODE", defaultValue = "prepend",
            description = "prepend (default: the reply starts with the prefill exactly once) or continue (the reply holds only"
                    + " what follows the prefill, as Claude's API returns it).")
    String prefillMode;

    @Option(names = "--model", paramLabel = "NAME", converter = ModelName.class,
            description = "The model name to report (default: the vendor's).")
    String model;

    @Option(names = "--tool-name", paramLabel = "SENT=ORIGINAL",
            description = "A tool renamed for the vendor (Translation.toolNames()), both names given, each SENT name once;"
                    + " repeat for more.")
    List<String> toolNames;

    @Option(names = "--status", paramLabel = "CODE", converter = HttpStatus.class,
            description = "The HTTP status of the captured reply (100 to 599); 400 and up translates the body as an error,"
                    + " also with --stream.")
    Integer status;

    @Option(names = "--compact", description = "Print the JSON on one line instead of indented.")
    boolean compact;

    @Parameters(index = "0", paramLabel = "FILE", description = "The captured reply, or - for standard input.")
    String file;

    private final InputStream stdin;

    ReplyCommand() {
        this(System.in);
    }

    ReplyCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> renamed;
        try {
            renamed = ToolNameMappings.parse(toolNames);
        } catch (IllegalArgumentException e) {
            err.println("promptport reply: " + TerminalText.escape(e.getMessage()));
            return Main.BAD_INPUT;
        }
        try {
            ReplyFormat format = ReplyFormat.parse(from);
            // read as plain text: a reply is not a request, so no request-format sniffing
            String text = InputFile.read(file, stdin, InputFile.Kind.PROMPT, limits.maxInputBytes()).text();
            ReplyContext ctx = new ReplyContext(model, prefill, renamed, prefillMode(prefillMode));
            String json;
            if (status != null && status >= 400) {
                json = AnthropicErrors.fromVendor(status, text, format);
            } else if (stream) {
                return printStream(text, format, ctx, out, err);
            } else {
                try {
                    ReplyTranslation t = Replies.translate(text, format, ctx, limits.limits());
                    json = t.json();
                    printLeftOut(t.leftOut(), err);
                } catch (PromptPortException e) {
                    if (!"/error".equals(e.location().pointer())) {
                        throw new InputFile.InputError(file, e);
                    }
                    json = AnthropicErrors.fromVendor(status == null ? 0 : status, text, format);
                }
            }
            out.println(compact ? json : pretty(json));
            out.flush();
            return Main.OK;
        } catch (InputFile.InputError e) {
            err.println("promptport: " + TerminalText.escape(e.getMessage()));
            return Main.BAD_INPUT;
        } catch (PromptPortException e) {
            err.println("promptport: " + TerminalText.escape(e.describe()));
            return Main.BAD_INPUT;
        }
    }

    /** What the reply held that Anthropic's shape has no place for, on standard error. */
    private void printLeftOut(List<String> leftOut, PrintWriter err) {
        String name = "-".equals(file) ? "<stdin>" : file;
        for (String line : leftOut) {
            err.println(TerminalText.escape(name + ": left out: " + line));
        }
        err.flush();
    }

    private int printStream(String text, ReplyFormat format, ReplyContext ctx, PrintWriter out, PrintWriter err) {
        StreamTranslator translator = new StreamTranslator(format, ctx, limits.limits());
        List<String> events = translator.acceptAll(text);
        for (String e : events) {
            out.print(e);
        }
        out.flush();
        printLeftOut(translator.leftOut(), err);
        String last = events.isEmpty() ? "" : events.get(events.size() - 1);
        if (last.startsWith("event: error\n")) {
            String message = last;
            try {
                JsonNode n = PRETTY.readTree(last.substring(last.indexOf("data: ") + 6));
                message = n.path("error").path("type").asText() + ": " + n.path("error").path("message").asText();
            } catch (Exception ignored) {
                // keep the raw event text
            }
            err.println("promptport: " + TerminalText.escape(("-".equals(file) ? "<stdin>" : file)
                    + ": the stream did not translate into a complete reply: " + message));
            return Main.BAD_INPUT;
        }
        return Main.OK;
    }

    private static String pretty(String json) {
        try {
            return PRETTY.writerWithDefaultPrettyPrinter().writeValueAsString(PRETTY.readTree(json));
        } catch (Exception e) {
            return json;
        }
    }

    private static ReplyContext.PrefillMode prefillMode(String s) {
        return switch (s) {
            case "prepend" -> ReplyContext.PrefillMode.PREPEND;
            case "continue" -> ReplyContext.PrefillMode.CONTINUE;
            default -> throw new PromptPortException("unknown --prefill-mode '" + s + "' (expected prepend or continue)", null);
        };
    }

    /** An HTTP status is three digits from 100 to 599; anything else is a usage error, not a status to translate. */
    static final class HttpStatus implements picocli.CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) InputLimitOptions.between(value, 100, 599, "an HTTP status");
        }
    }

    /** A model name put in the reply; an empty one would name no model. */
    static final class ModelName implements picocli.CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) {
                throw new picocli.CommandLine.TypeConversionException("the model name is empty; give one, or leave --model out"
                        + " for the name the vendor's reply gives");
            }
            return value;
        }
    }
}
