package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.ModelFacts;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Extra;
import dev.promptport.tree.Generation;
import dev.promptport.tree.GenerationLocs;
import dev.promptport.tree.Loc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Fits the generation options to what the target accepts: drops sampling parameters it
 * rejects, cuts stop sequences to its limit, caps the output length, and reports every
 * field no writer can send.
 */
final class FitOptions implements RewriteStep {

    private static final Loc ROOT = Loc.pointer("");

    /** The Responses API refuses a smaller max_output_tokens (OpenAI's OpenAPI spec, CreateResponse: minimum 16). */
    private static final int RESPONSES_MIN_OUTPUT = 16;

    /** Claude's own settings promptport knows, by JSON pointer. */
    private static final Set<String> CLAUDE_SETTINGS = Set.of("/cache_control", "/inference_geo", "/container",
            "/thinking/display", "/context_management", "/mcp_servers");

    @Override
    public Conversation apply(Conversation c, StepContext ctx) {
        ModelFacts facts = ctx.target().facts();
        Generation g = c.generation();
        GenerationLocs at = g.at();
        String target = ctx.targetName();

        Integer topK = g.topK();
        if (topK != null && (facts.rejectsParameter("top_k") || !carriesTopK(facts, ctx))) {
            ctx.sink().report("PP111", at.topK(), topK, TopKAbsence.why(facts, ctx.chatDialect(), target),
                    given(at.topK(), "top_k"));
            topK = null;
        }
        Double temperature = g.temperature();
        if (temperature != null && facts.rejectsParameter("temperature")) {
            ctx.sink().report("PP117", at.temperature(), given(at.temperature(), "temperature"), temperature,
                    ReasoningRefusal.why("temperature", facts, ctx.chatDialect(), target));
            temperature = null;
        }
        Double topP = g.topP();
        if (topP != null && facts.rejectsParameter("top_p")) {
            ctx.sink().report("PP117", at.topP(), given(at.topP(), "top_p"), topP,
                    ReasoningRefusal.why("top_p", facts, ctx.chatDialect(), target));
            topP = null;
        }
        // a value no API takes would fail the whole request: the nearest one the target takes is sent
        topP = inRange(topP, "top_p", 1.0, "0 to 1", at.topP(), ctx);
        if (!facts.anthropicWire()) {
            temperature = inRange(temperature, "temperature", 2.0, "0 to 2", at.temperature(), ctx);
        }
        if (facts.anthropicWire()) {
            Sampling kept = claudeSampling(c, new Sampling(temperature, topP, topK), ctx);
            temperature = kept.temperature();
            topP = kept.topP();
            topK = kept.topK();
        }
        List<String> stop = fitStop(g.stop(), at.stop(), facts, ctx);
        Integer maxTokens = g.maxTokens();
        if (maxTokens != null) {
            if (facts.maxOutput() > 0 && maxTokens > facts.maxOutput()) {
                ctx.sink().report("PP125", at.maxTokens(), maxTokens, target, facts.maxOutput(), given(at.maxTokens(), "max_tokens"));
                maxTokens = facts.maxOutput();
            }
            if (maxTokens < RESPONSES_MIN_OUTPUT && "openai-responses".equals(facts.wire())) {
                ctx.sink().report("PP206", at.maxTokens(), given(at.maxTokens(), "max_tokens"), maxTokens, target);
                maxTokens = RESPONSES_MIN_OUTPUT;
            }
            if (renamed(at.maxTokens(), facts.outputLimitField()) && c.source() == dev.promptport.tree.SourceKind.REQUEST) {
                ctx.sink().report("PP116", at.maxTokens(), facts.outputLimitField(), target, given(at.maxTokens(), "max_tokens"));
            }
        }
        boolean anthropic = facts.anthropicWire();
        if (maxTokens == null && "max_tokens".equals(facts.outputLimitField()) && anthropic && c.source() == dev.promptport.tree.SourceKind.REQUEST) {
            maxTokens = Math.min(4096, facts.maxOutput());
            ctx.sink().report("PP151", at.maxTokens(), maxTokens, target);
        }
        if (anthropic && c.reasoning() != null && c.reasoning().budgetTokens() != null && maxTokens != null
                && c.reasoning().budgetTokens() >= maxTokens) {
            // Claude needs the thinking budget below max_tokens; the reply keeps the room it had
            int raised = Math.min(facts.maxOutput(), c.reasoning().budgetTokens() + maxTokens);
            ctx.sink().report("PP152", at.maxTokens(), maxTokens, c.reasoning().budgetTokens(), raised);
            maxTokens = raised;
        }
        String userField = userField(ctx);
        if (g.user() != null && !anthropic) {
            // the field as the request spelled it: metadata.user_id, user or safety_identifier
            String givenUser = FitOptions.dotted(at.user().pointer());
            boolean hashed = g.user().length() > 64;
            if (userField == null) {
                ctx.sink().report("PP114", at.user(), givenUser + " was dropped: " + target
                        + " has no field for the end user's id.");
            } else if (!givenUser.equals(userField) || hashed) {
                ctx.sink().report("PP114", at.user(), givenUser + " became " + userField + ", the field " + target
                        + " uses to tell end users apart" + (hashed ? " (hashed, because it is longer than 64 characters)." : "."));
            }
        }
        if (g.serviceTier() != null && !anthropic) {
            ctx.sink().report("PP130", ROOT.child("service_tier"), g.serviceTier());
        }
        boolean promptFile = c.source() == dev.promptport.tree.SourceKind.PROMPT_FILE;
        List<Extra> kept = promptFile ? c.extras() : new ArrayList<>();
        // Gemini's enum reply: a Gemini target takes it as it came (CarriedSettings), the others as JSON
        EnumReply.Asked enumReply = promptFile || c.extras().isEmpty() || facts.wire().equals("gemini") ? null
                : EnumReply.find(c.extras());
        dev.promptport.tree.OutputFormat format = enumReply != null && g.format() == null
                ? EnumReply.format(enumReply, ctx) : g.format();
        Integer compactAt = anthropic ? null : g.compactAt();
        for (Extra e : c.extras()) {
            if (enumReply != null && enumReply.covers(e)) {
                continue;
            }
            if (!promptFile && supersededLimit(e, at)) {
                // the limit as the request gave it: a reasoning target's may have grown since (PP207)
                Integer given = ctx.read() != null ? ctx.read().generation().maxTokens() : g.maxTokens();
                ctx.sink().report("PP199", e.loc(), Snippets.oneLine(e.value().json()), given);
                continue;
            }
            if (!promptFile && IncludeThoughts.is(e)) {
                IncludeThoughts.fit(e, c, ctx, kept);
                continue;
            }
            if (!promptFile && "/context_management".equals(e.loc().pointer()) && ContextEdits.openAi(e)) {
                ContextEdits.fitOpenAi(e, ctx, kept);
            } else if (!promptFile && !anthropic && "/context_management".equals(e.loc().pointer())) {
                compactAt = ContextEdits.fit(e, ctx);
            } else if (!promptFile && Extra.OUTPUT_EFFORT.equals(e.name())) {
                EffortBesideThinking.fit(e, c.reasoning(), ctx, kept);
            } else if (!promptFile && "/stream_options".equals(e.loc().pointer())) {
                StreamOptions.fit(e, Boolean.TRUE.equals(g.stream()), ctx, kept);
            } else if (!promptFile && CloudClaudeFields.leftOut(e, ctx)) {
                continue;
            } else if (!promptFile && !claudeSetting(e, anthropic, ctx, kept) && !carried(e, facts, kept, ctx)
                    && !MediaResolution.report(e, ctx) && !ForeignSettings.report(e, ctx)) {
                ctx.sink().report("PP115", e.loc(), e.loc().pointer() == null ? e.name() : dotted(e.loc().pointer()), target);
            }
        }
        if (!promptFile && !kept.isEmpty()) {
            CarriedSettings.complete(kept, facts.wire());
        }
        if (Boolean.TRUE.equals(g.stream()) && "gemini".equals(facts.wire()) && c.source() == dev.promptport.tree.SourceKind.REQUEST) {
            // Gemini streams from another endpoint; its request body has no such field
            ctx.sink().report("PP225", ROOT.child("stream"), target);
        }
        String user = anthropic || userField != null ? g.user() : null;
        if (user != null && user.length() > 64 && !anthropic) {
            user = ToolNames.sha256Hex(user);
        }
        Generation fitted = new Generation(maxTokens, temperature, topP, topK, stop, g.stream(), user,
                anthropic ? g.serviceTier() : null, format, compactAt, at);
        // a prompt file's front-matter keys are written back with it, not sent as request fields
        return c.withGeneration(fitted).withExtras(kept);
    }

    /**
     * A request setting of Claude's own that promptport knows but no other vendor has: kept in
     * {@code kept} for a Claude target, which takes it as written, reported for any other.
     * False for a field promptport does not know.
     */
    private static boolean claudeSetting(Extra e, boolean anthropic, StepContext ctx, List<Extra> kept) {
        String pointer = e.loc().pointer();
        if (pointer == null || !CLAUDE_SETTINGS.contains(pointer)) {
            return false;
        }
        if (anthropic) {
            if (pointer.lastIndexOf('/') == 0 || Extra.THINKING_DISPLAY.equals(e.name())) {
                kept.add(e);
                return true;
            }
            // a nested setting is rebuilt by its writer from what the reader understood
            return false;
        }
        String shown = Snippets.oneLine(textOf(e.value().json()));
        switch (pointer) {
            case "/cache_control" -> ctx.sink().report("PP113", e.loc(), ctx.targetName());
            case "/inference_geo" -> ctx.sink().report("PP158", e.loc(), shown, ctx.targetName());
            case "/container" -> {
                ContainerSetting container = ContainerSetting.of(e.value().json());
                ctx.sink().report("PP159", e.loc(), container.opening(), ctx.targetName(), container.lost());
            }
            case "/mcp_servers" -> ctx.sink().report("PP172", e.loc(), McpServers.describe(e.value().json()), ctx.targetName());
            default -> {
                // Gemini's includeThoughts follows it (ReasoningConfig.shown): the display is kept
                if (!"gemini".equals(ctx.target().facts().wire())) {
                    ctx.sink().report("PP160", e.loc(), shown, ctx.targetName());
                }
            }
        }
        return true;
    }

    /**
     * Keeps {@code e} for the writer when the target has the same setting ({@link CarriedSettings}),
     * unless the model refuses it (reasoning models refuse penalties and log-probabilities that
     * their API has): then it is named instead, as temperature is. The Responses API's
     * {@code include} is kept in part, with the rest named.
     */
    private static boolean carried(Extra e, ModelFacts facts, List<Extra> kept, StepContext ctx) {
        if ("/include".equals(e.loc().pointer())) {
            Extra rest = CarriedSettings.carryInclude(e, facts.wire(), ctx.chatDialect(), kept);
            return rest == null || ForeignSettings.report(rest, ctx);
        }
        Extra carried = CarriedSettings.carry(e, facts, ctx.chatDialect());
        if (carried == null) {
            return false;
        }
        if (facts.rejectsParameter(carried.name())) {
            String value = e.value().json().strip();
            // logprobs: false asks for nothing: left out without a word
            if (!value.equals("null") && !value.equals("false")) {
                ctx.sink().report("PP117", e.loc(), dotted(e.loc().pointer()), Snippets.oneLine(textOf(value)),
                        ReasoningRefusal.why(carried.name(), facts, ctx.chatDialect(), ctx.targetName()));
            }
        } else {
            kept.add(carried);
        }
        return true;
    }

    /** A JSON string's text ({@code "eu"} → {@code eu}); any other value as written. */
    static String textOf(String json) {
        if (!json.startsWith("\"")) {
            return json;
        }
        JsonNode text = RawTrees.parse(json);
        return text == null ? json : text.asText();
    }

    /** The request field that carries the end user's id on the target's API, or {@code null}. */
    private static String userField(StepContext ctx) {
        return switch (ctx.target().facts().wire()) {
            case "openai-chat" -> ctx.chatDialect().endUserField();
            case "openai-responses" -> "safety_identifier";
            case "anthropic" -> "metadata.user_id";
            default -> null;
        };
    }

    /** {@code /messages/0/content/1/citations} → {@code messages[0].content[1].citations}, as people write it. */
    static String dotted(String pointer) {
        // the empty tokens after the last name are left out, as a regular expression's split left
        // them; that split and a stream were 1 % of a small log's audit under the quick compiler
        int end = pointer.length();
        while (end > 1 && pointer.charAt(end - 1) == '/') {
            end--;
        }
        StringBuilder b = new StringBuilder(end);
        for (int from = 1; from < end; ) {
            int slash = pointer.indexOf('/', from);
            int to = slash < 0 || slash > end ? end : slash;
            String t = pointer.substring(from, to);
            if (t.indexOf('~') >= 0) {
                t = t.replace("~1", "/").replace("~0", "~");
            }
            if (allDigits(t)) {
                b.append('[').append(t).append(']');
            } else {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(t);
            }
            from = to + 1;
        }
        return b.toString();
    }

    private static boolean allDigits(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (!Character.isDigit(t.charAt(i))) {
                return false;
            }
        }
        return !t.isEmpty();
    }

    /**
     * What Claude refuses outright: with thinking on, any temperature but 1, any top_k and a
     * top_p below 0.95; and on newer models, temperature together with top_p (the temperature
     * stays, as the setting people tune first).
     */
    private static Sampling claudeSampling(Conversation c, Sampling asked, StepContext ctx) {
        Double temperature = asked.temperature();
        Double topP = asked.topP();
        Integer topK = asked.topK();
        String target = ctx.targetName();
        GenerationLocs at = c.generation().at();
        boolean thinking = c.reasoning() != null && c.reasoning().thinks();
        String withThinking = "while extended thinking is on";
        if (thinking && temperature != null && temperature != 1.0) {
            ctx.sink().report("PP181", at.temperature(), "temperature", temperature, target, withThinking);
            temperature = null;
        }
        if (thinking && topK != null) {
            ctx.sink().report("PP181", at.topK(), "top_k", topK, target, withThinking);
            topK = null;
        }
        if (thinking && topP != null && topP < 0.95) {
            ctx.sink().report("PP181", at.topP(), "top_p", topP, target, withThinking + " (it takes 0.95 to 1)");
            topP = null;
        }
        // after the thinking checks, which leave out any temperature but 1 instead
        temperature = inRange(temperature, "temperature", 1.0, "0 to 1 (OpenAI's and Gemini's scale runs to 2)",
                at.temperature(), ctx);
        if (temperature != null && topP != null && ctx.target().facts().rejectsParameter("temperature+top_p")) {
            ctx.sink().report("PP181", at.topP(), "top_p", topP, target,
                    "together with temperature, which was kept (it takes only one of the two)");
            topP = null;
        }
        return new Sampling(temperature, topP, topK);
    }

    /** {@code value} within 0 and {@code max}, named with PP198 when it was not. */
    private static Double inRange(Double value, String field, double max, String range, Loc at, StepContext ctx) {
        if (value == null || (value >= 0 && value <= max)) {
            return value;
        }
        double sent = value < 0 ? 0.0 : max;
        ctx.sink().report("PP198", at, field, plain(value), ctx.targetName(), range, plain(sent));
        return sent;
    }

    /** 2 rather than 2.0, as a person writes it; a number too large for a double (1e400) reads as Infinity. */
    private static String plain(double value) {
        return Double.isFinite(value) ? java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : String.valueOf(value);
    }

    /**
     * Whether the target's wire has a field for top_k at all: Claude's and Gemini's do, the
     * Responses API has none, and a Chat Completions endpoint only where its dialect documents one
     * (it is not OpenAI's setting, and a server that does not know it drops it unread).
     */
    private static boolean carriesTopK(ModelFacts facts, StepContext ctx) {
        return switch (facts.wire()) {
            case "openai-chat" -> ctx.chatDialect().topK();
            case "openai-responses" -> false;
            default -> true;
        };
    }

    private record Sampling(Double temperature, Double topP, Integer topK) {
    }

    private static boolean anyBlank(List<String> stop) {
        for (String s : stop) {
            if (s.isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static List<String> fitStop(List<String> stop, Loc at, ModelFacts facts, StepContext ctx) {
        if (stop == null || stop.isEmpty()) {
            return stop;
        }
        if (facts.anthropicWire() && anyBlank(stop)) {
            // "\n" is a common stop for other vendors; Claude refuses a stop of whitespace alone
            List<String> blank = stop.stream().filter(String::isBlank).toList();
            ctx.sink().report("PP183", at, String.join(", ", blank.stream().map(b -> "\"" + Snippets.oneLine(b) + "\"").toList()),
                    ctx.targetName());
            stop = stop.stream().filter(x -> !x.isBlank()).toList();
            if (stop.isEmpty()) {
                return null;
            }
        }
        if (facts.stopLimit() == 0) {
            ctx.sink().report("PP132", at, ctx.targetName(), stop.size());
            return null;
        }
        if (stop.size() > facts.stopLimit()) {
            List<String> dropped = stop.subList(facts.stopLimit(), stop.size());
            ctx.sink().report("PP112", at, stop.size(), ctx.targetName(), facts.stopLimit(),
                    String.join(", ", dropped.stream().map(s -> "\"" + Snippets.oneLine(s) + "\"").toList()));
            return stop.subList(0, facts.stopLimit());
        }
        return stop;
    }

    /** Whether the output limit goes under another name than the request gave it. */
    private static boolean renamed(dev.promptport.tree.Loc given, String field) {
        String pointer = given.pointer();
        int at = pointer == null ? -1 : pointer.length() - field.length() - 1;
        return at < 0 || pointer.charAt(at) != '/' || !pointer.endsWith(field);
    }

    /** An option's field as the request named it ({@code topK}); Anthropic's name for a prompt file's settings. */
    /**
     * OpenAI Chat's deprecated {@code max_tokens} beside a different {@code max_completion_tokens},
     * which replaced it and which the reader kept (OpenAI refuses the pair; servers that take it follow
     * the newer field).
     */
    private static boolean supersededLimit(Extra e, GenerationLocs at) {
        return "/max_tokens".equals(e.loc().pointer()) && "/max_completion_tokens".equals(at.maxTokens().pointer());
    }

    static String given(dev.promptport.tree.Loc at, String anthropicName) {
        String pointer = at.pointer();
        return pointer == null || pointer.isEmpty() ? anthropicName : pointer.substring(pointer.lastIndexOf('/') + 1);
    }
}
