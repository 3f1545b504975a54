package dev.promptport;

import dev.promptport.read.AnthropicRequestReader;
import dev.promptport.read.GeminiRequestReader;
import dev.promptport.read.OpenAiChatReader;
import dev.promptport.read.OpenAiResponsesReader;
import dev.promptport.read.FrontMatterPrompt;
import dev.promptport.read.PromptFileReader;
import dev.promptport.read.PromptYaml;
import dev.promptport.read.RequestBytes;
import dev.promptport.read.ToolFileReader;
import dev.promptport.rules.RuleEngine;
import dev.promptport.rules.Pipeline;
import dev.promptport.rules.StepContext;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Loc;
import dev.promptport.tree.Part;
import dev.promptport.tree.Role;
import dev.promptport.tree.TextMemo;
import dev.promptport.write.FrontMatterWriter;
import dev.promptport.write.Writers;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Translates Anthropic Messages requests and Claude-style prompts for other vendors' models.
 *
 * <pre>{@code
 * Translation t = PromptPort.translate(anthropicJson, Target.of("openai:gpt-4o"));
 * send(t.json());
 * }</pre>
 *
 * All methods are thread-safe; the rule and model data are loaded once. Bad input raises
 * {@link PromptPortException} and nothing else.
 */
public final class PromptPort {

    private PromptPort() {
    }

    /** Translates an Anthropic Messages request (JSON text) for {@code target}. */
    public static Translation translate(String anthropicJson, Target target) {
        return translate(anthropicJson, target, Options.DEFAULT);
    }

    public static Translation translate(String anthropicJson, Target target, Options options) {
        return translate(anthropicJson, InputFormat.ANTHROPIC, target, options);
    }

    /** Translates a request in any format promptport reads for {@code target}. */
    public static Translation translate(String requestJson, InputFormat from, Target target, Options options) {
        Objects.requireNonNull(target, "target");
        return translate(requestJson, from, List.of(target), options).get(0);
    }

    /**
     * Translates a request for each of {@code targets}, in their order. The request is read once
     * and fitted to each target in turn, which is what an audit of several targets does with
     * every request: the same result as one {@link #translate(String, InputFormat, Target,
     * Options)} a target, for less than their sum.
     */
    public static List<Translation> translate(String requestJson, InputFormat from, List<Target> targets,
            Options options) {
        Objects.requireNonNull(requestJson, "requestJson");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(options, "options");
        targets.forEach(t -> Objects.requireNonNull(t, "target"));
        return guarded(() -> {
            checkSize(requestJson, options.limits());
            return translate(requestJson, null, from, targets, options);
        });
    }

    /**
     * Translates a request given as UTF-8 bytes, as an HTTP server receives its body, for
     * {@code target}: see {@link #translate(byte[], InputFormat, List, Options)}.
     */
    public static Translation translate(byte[] requestUtf8, InputFormat from, Target target, Options options) {
        Objects.requireNonNull(target, "target");
        return translate(requestUtf8, from, List.of(target), options).get(0);
    }

    /**
     * Translates a request given as UTF-8 bytes for each of {@code targets}: the same result as
     * decoding them and calling {@link #translate(String, InputFormat, List, Options)}, for less
     * work when the request is ASCII (as most JSON encoders write it), whose bytes are scanned
     * in place. The array is only read, and must not change during the call. Bytes that are not
     * valid UTF-8 are bad input, named by their offset.
     */
    public static List<Translation> translate(byte[] requestUtf8, InputFormat from, List<Target> targets,
            Options options) {
        Objects.requireNonNull(requestUtf8, "requestUtf8");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(options, "options");
        targets.forEach(t -> Objects.requireNonNull(t, "target"));
        return guarded(() -> {
            Limits limits = options.limits();
            if (requestUtf8.length > limits.maxInputBytes()) {
                throw LimitExceededException.inputSize(limits.maxInputBytes(), requestUtf8.length, "bytes");
            }
            RequestBytes request = RequestBytes.ofPooled(requestUtf8);
            try {
                return translate(request.text(), request.view(), from, targets, options);
            } finally {
                request.giveBack(requestUtf8);
            }
        });
    }

    /**
     * Translates a request that promptport's own traffic audit or failover already decoded,
     * with the one-byte copy its lexer scans ({@link RequestBytes}, which is not part of the
     * API), so that neither is made again. Applications pass text or bytes to the methods above.
     */
    public static List<Translation> translate(RequestBytes request, InputFormat from, List<Target> targets,
            Options options) {
        Objects.requireNonNull(request, "request");
        targets.forEach(t -> Objects.requireNonNull(t, "target"));
        return guarded(() -> {
            checkSize(request.text(), options.limits());
            return translate(request.text(), request.view(), from, targets, options);
        });
    }

    /** @param view {@code requestJson} one byte per char when the caller has it, or null */
    private static List<Translation> translate(String requestJson, byte[] view, InputFormat from, List<Target> targets,
            Options options) {
        Limits limits = options.limits();
        Conversation read = switch (from) {
            case ANTHROPIC -> AnthropicRequestReader.read(requestJson, view, limits, options.memo());
            case OPENAI_CHAT -> OpenAiChatReader.read(requestJson, limits);
            case OPENAI_RESPONSES -> OpenAiResponsesReader.read(requestJson, limits);
            case GEMINI -> GeminiRequestReader.read(requestJson, limits);
            case TOOLS -> ToolFileReader.read(requestJson, limits);
        };
        TextMemo memo = memoFor(read, options);
        List<Translation> out = new ArrayList<>(targets.size());
        for (Target target : targets) {
            out.add(fit(read, target, options, memo));
        }
        return out;
    }

    private static Translation fit(Conversation read, Target target, Options options, TextMemo memo) {
        StepContext ctx = new StepContext(target, options.rules(), options.style(), options.limits(), memo);
        Conversation fitted = Pipeline.run(read, ctx);
        RuleEngine.check(read, ctx);
        // as UTF-8, where an unpaired surrogate ("\ud800" is valid JSON) is written as its escape
        byte[] json = options.findingsOnly() ? null : Writers.utf8(fitted, target, options.pretty(), memo);
        return Translation.ofRequest(target, json, ctx.sink().findings(), ctx.prefill(), ctx.toolNames());
    }

    /** Rewrites a prompt written as text for {@code target}. */
    public static Translation translate(Prompt prompt, Target target) {
        return translate(prompt, target, Options.DEFAULT);
    }

    public static Translation translate(Prompt prompt, Target target, Options options) {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
        if (prompt.flavor() == dev.promptport.tree.PromptFileFormat.PROMPT_YAML) {
            return guarded(() -> {
                checkSize(prompt.text(), options.limits());
                return withSettings(new FrontMatterPrompt.Read(PromptYaml.read(prompt.text(), options.limits()), List.of()),
                        prompt, target, options);
            });
        }
        if (prompt.flavor() != null) {
            return guarded(() -> frontMatter(prompt, target, options));
        }
        return guarded(() -> {
            checkSize(prompt.text(), options.limits());
            Conversation read = PromptFileReader.read(prompt.text(), prompt.userTurn() ? Role.USER : null,
                    options.limits());
            StepContext ctx = new StepContext(target, options.rules(), options.style(), options.limits());
            Conversation fitted = Pipeline.run(read, ctx);
            RuleEngine.check(read, ctx);
            return new Translation(target, null, promptText(fitted, prompt.userTurn()), ctx.sink().findings(),
                    null, ctx.toolNames());
        });
    }

    /** A Dotprompt or Prompty file: a request template with its own model settings. */
    private static Translation frontMatter(Prompt prompt, Target target, Options options) {
        checkSize(prompt.text(), options.limits());
        return withSettings(FrontMatterPrompt.read(prompt.text(), prompt.flavor(), options.limits(), options.promptFile()),
                prompt, target, options);
    }

    /** A prompt file's findings on its settings, placed where the file sets them rather than by a request pointer. */
    private static List<Finding> placed(List<Finding> findings, Prompt prompt) {
        List<Finding> out = new java.util.ArrayList<>(findings.size());
        for (Finding f : findings) {
            Loc at = f.location() == null || f.location().pointer() == null ? null
                    : FrontMatterPrompt.settingAt(prompt.text(), prompt.flavor(), f.location().pointer());
            out.add(at == null ? f : new Finding(f.id(), f.severity(), f.feature(), f.message(), f.fix(), at, f.effort()));
        }
        return out;
    }

    /** A prompt file read with its model settings, written as a request or as the same kind of file. */
    private static Translation withSettings(FrontMatterPrompt.Read file, Prompt prompt, Target target, Options options) {
        Conversation read = file.conversation();
        StepContext ctx = new StepContext(target, options.rules(), options.style(), options.limits());
        Conversation fitted = Pipeline.run(read, ctx);
        RuleEngine.check(read, ctx);
        TemplateMarks.report(file.marks(), options.promptFile(), ctx);
        if (options.promptFile()) {
            for (FrontMatterPrompt.Unsent u : FrontMatterPrompt.unsent(prompt.text(), prompt.flavor())) {
                if (!u.keptInFile()) {
                    ctx.sink().report("PP115", u.loc(), u.name(), target);
                }
            }
            FrontMatterWriter.Written written = FrontMatterWriter.write(fitted, target, prompt.flavor());
            for (FrontMatterWriter.LeftOut l : written.leftOut()) {
                ctx.sink().report("PP203", FrontMatterPrompt.keyAt(prompt.text(), prompt.flavor(), l.name()), l.name(),
                        l.was() == null ? "connection" : l.was() + " connection", target, l.now());
            }
            // the comment lines a Dotprompt file may start with (a license header) stay on top
            String text = FrontMatterPrompt.preamble(prompt.text(), prompt.flavor()) + written.text();
            return new Translation(target, null, text,
                    placed(ctx.sink().findings(), prompt), ctx.prefill(), ctx.toolNames());
        }
        // the request leaves out the front matter: the settings in it that shape a request are named
        for (FrontMatterPrompt.Unsent u : FrontMatterPrompt.unsent(prompt.text(), prompt.flavor())) {
            ctx.sink().report("PP115", u.loc(), u.name(), target);
        }
        return Translation.ofRequest(target, Writers.utf8(fitted.withExtras(List.of()), target, options.pretty(), null),
                placed(ctx.sink().findings(), prompt), ctx.prefill(), ctx.toolNames());
    }

    /**
     * The caller's memo; without one, a memo for this call alone when the request has tools or a
     * reply schema, so a schema that must be converted (for Gemini) is converted once for its
     * findings and the request, not twice. A memo shared across calls spares that for the next
     * request too.
     */
    private static TextMemo memoFor(Conversation read, Options options) {
        boolean schemas = !read.tools().isEmpty() || read.generation().format() != null;
        return options.memo() != null || !schemas ? options.memo() : new TextMemo(CALL_MEMO_TEXTS);
    }

    private static final int CALL_MEMO_TEXTS = 64;

    /**
     * Counts characters, not bytes: a character is never more than its UTF-8 bytes, so this never
     * refuses what the command line (which counts bytes) accepts, and costs no pass over the text.
     */
    private static void checkSize(String text, Limits limits) {
        if (text.length() > limits.maxInputBytes()) {
            throw LimitExceededException.inputSize(limits.maxInputBytes(), text.length(), "characters");
        }
    }

    private static String promptText(Conversation c, boolean userTurn) {
        var parts = userTurn ? (c.turns().isEmpty() ? List.<Part>of() : c.turns().get(0).parts()) : c.system();
        StringBuilder b = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Part.Text t) {
                b.append(t.text());
            }
        }
        return b.toString();
    }

    private interface Work<T> {
        T run();
    }

    /** The one place that keeps any failure other than bad input from reaching the caller raw. */
    private static <T> T guarded(Work<T> work) {
        try {
            return work.run();
        } catch (PromptPortException e) {
            throw e;
        } catch (StackOverflowError e) {
            throw new PromptPortException("the input is nested too deeply to translate", Loc.NONE);
        } catch (RuntimeException e) {
            throw new PromptPortException("promptport could not translate this input (" + e
                    + "); please report it with the input", Loc.NONE, e);
        }
    }
}
