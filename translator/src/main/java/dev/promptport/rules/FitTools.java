package dev.promptport.rules;

import dev.promptport.ModelFacts;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Loc;
import dev.promptport.tree.Part;
import dev.promptport.tree.Tool;
import dev.promptport.tree.ToolChoice;
import dev.promptport.write.ChatDialect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the tools to the target: leaves out tools Anthropic hosts (this wire has no
 * equivalent), all tools for a model without tool calling, and renames tools whose names
 * the target rejects, in the definitions, the tool choice and the history alike.
 */
final class FitTools implements RewriteStep {

    @Override
    public Conversation apply(Conversation c, StepContext ctx) {
        if (c.toolChoice() != null && c.toolChoice().allowed() != null) {
            c = onlyAllowed(c, ctx);
        }
        ModelFacts facts = ctx.target().facts();
        if (c.tools().isEmpty() && c.toolChoice() == null) {
            return renameCalls(c, Map.of(), ctx);
        }
        String target = ctx.targetName();
        boolean cacheReported = false;
        List<Tool> kept = new ArrayList<>(c.tools().size());
        Map<String, String> renamed = new HashMap<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        // Claude's client-run built-in tools become function tools first, so their names count as taken
        List<Tool> tools = c.tools();
        Map<Tool, Tool.Hosted> builtIn = null;
        for (int i = 0; i < tools.size(); i++) {
            Tool t = tools.get(i);
            Tool.Function asFunction = t instanceof Tool.Hosted h && facts.tools()
                    && !facts.hosts(h.kind().name().toLowerCase(java.util.Locale.ROOT)) ? BuiltInTools.asFunction(h) : null;
            if (asFunction != null) {
                if (builtIn == null) {
                    builtIn = new java.util.IdentityHashMap<>();
                    tools = new ArrayList<>(tools);
                }
                builtIn.put(asFunction, (Tool.Hosted) t);
                tools.set(i, asFunction);
                t = asFunction;
            }
            if (t instanceof Tool.Function f && ToolNames.valid(f.name(), letterFirst(ctx))) {
                taken.add(f.name());
            }
        }
        // generateContent rejects Google Search and URL context next to function declarations
        boolean geminiFunctions = "gemini".equals(facts.wire()) && facts.tools() && hasFunction(tools);
        // and its toolConfig governs function declarations only: with no call allowed, its own
        // tools, which run whenever the model decides, are not sent at all
        List<String> forbidden = "gemini".equals(facts.wire()) && !geminiFunctions && c.toolChoice() != null
                && c.toolChoice().mode() == ToolChoice.Mode.NONE && takesToolChoice(ctx) ? new ArrayList<>() : null;
        ClaudeStrictLimits.Budget budget = null;
        for (Tool t : tools) {
            if (t instanceof Tool.Hosted h && forbidden != null) {
                forbidden.add(h.name());
                continue;
            }
            if (t instanceof Tool.Hosted h) {
                boolean gemini = GeminiHostedTools.isGemini(h);
                String shown = GeminiHostedTools.shown(h);
                if (geminiFunctions && h.kind() == Tool.HostedKind.WEB_SEARCH && facts.hosts("web_search")) {
                    ctx.sink().report("PP156", h.loc(), shown, target, "web search", "search the web");
                } else if (geminiFunctions && h.kind() == Tool.HostedKind.WEB_FETCH && facts.hosts("web_fetch")) {
                    ctx.sink().report("PP156", h.loc(), shown, target, "URL fetching (urlContext)", "read the pages");
                } else if (facts.hosts(h.kind().name().toLowerCase(java.util.Locale.ROOT))) {
                    if (gemini && facts.wire().equals("gemini") && !h.type().equals("googleSearchRetrieval")) {
                        // Gemini's own tool, settings and all (the older search tool becomes googleSearch)
                        kept.add(h);
                    } else if (gemini) {
                        kept.add(GeminiHostedTools.asClaudes(h, facts.wire()));
                        ctx.sink().report("PP150", h.loc(), shown, target, GeminiHostedTools.describe(h, facts.wire()));
                    } else {
                        Tool.Hosted fitted = facts.anthropicWire() ? HostedToolSettings.forClaude(h) : h;
                        kept.add(fitted);
                        if (!facts.anthropicWire() || h.type().equals("web_search_options") || fitted != h) {
                            // OpenAI's web search options are not Claude's tool either
                            ctx.sink().report("PP150", h.loc(), h.name(), target,
                                    HostedToolSettings.describe(h, facts.wire(), c.extras()));
                        }
                    }
                } else {
                    ctx.sink().report("PP119", h.loc(), shown, gemini ? GeminiHostedTools.what(h) : h.type(), target);
                }
                continue;
            }
            Tool.Function f = (Tool.Function) t;
            if (!facts.tools()) {
                continue;
            }
            if (f.isCustom() && !keepsCustomTools(facts)) {
                ctx.sink().report("PP179", f.loc(), f.name(), target);
            }
            if (f.namespace() != null) {
                ctx.recordToolName(f.name(), f.nameInNamespace());
                ctx.sink().report("PP224", f.loc(), f.nameInNamespace(), f.namespace(), target, f.name());
            }
            Tool.Hosted was = builtIn == null ? null : builtIn.get(f);
            if (was != null) {
                ctx.sink().report("PP176", was.loc(), was.name(), was.type(), target);
            }
            if (f.cache() != null && !cacheReported && !facts.anthropicWire()) {
                ctx.sink().report("PP113", cacheLoc(f), target);
                cacheReported = true;
            }
            if (!ToolNames.valid(f.name(), letterFirst(ctx))) {
                String fitted = ToolNames.fit(f.name(), letterFirst(ctx));
                if (!taken.add(fitted)) {
                    // "crm.lookup" and "crm:lookup" must not both become "crm_lookup"
                    fitted = ToolNames.distinct(f.name(), letterFirst(ctx));
                    taken.add(fitted);
                }
                renamed.put(f.name(), fitted);
                ctx.recordToolName(fitted, f.nameInNamespace());
                ctx.sink().report("PP124", f.loc().child("name"), f.name(), target, fitted, nameRule(ctx));
                f = f.withName(fitted);
            }
            if ("gemini".equals(facts.wire())) {
                // Gemini's schema conversion adds the type itself, and names it (PP155)
                schemaChanges(f, ctx);
            } else {
                f = ObjectRoot.fit(f);
                if (!facts.anthropicWire()) {
                    f = NullRequired.fit(f, ctx);
                }
                if (facts.anthropicWire()) {
                    // the object type alone does not do for Claude when a union sits beside it
                    f = ClaudeRootUnion.fit(f, ctx);
                }
            }
            if (!facts.anthropicWire() && !f.claudeOptions().isEmpty()) {
                f = ClaudeToolOptions.fit(f, ctx);
            }
            if (ctx.target().facts().wire().equals("openai-chat") && ctx.chatDialect() == ChatDialect.GROQ) {
                f = RequiredWithoutProperties.fit(f);
            }
            if (budget == null && facts.anthropicWire() && Boolean.TRUE.equals(f.strict())) {
                // Claude's limits count all strict schemas of the request, the reply schema's first
                budget = new ClaudeStrictLimits.Budget(ClaudeStrictLimits.reply(c.generation().format(), ctx));
            }
            kept.add(fitStrict(f, ctx, budget));
        }
        if (budget != null) {
            budget.report(ctx);
        }
        if (!facts.tools() && c.tools().stream().anyMatch(t -> t instanceof Tool.Function)) {
            ctx.sink().report("PP127", c.tools().get(0).loc(), target);
        }
        if (forbidden != null && !forbidden.isEmpty()) {
            ctx.sink().report("PP180", c.toolChoice().loc(), "none", forbidden.size(), NameList.of(forbidden),
                    target + ", whose tool choice applies to function tools only");
        }
        ToolChoice choice = c.toolChoice();
        if (choice != null) {
            if (kept.isEmpty()) {
                choice = null;
            } else {
                if (choice.mode() == ToolChoice.Mode.TOOL && renamed.containsKey(choice.name())) {
                    choice = choice.with(choice.mode(), renamed.get(choice.name()));
                }
                if (choice.mode() == ToolChoice.Mode.TOOL && !hasTool(kept, choice.name())) {
                    ctx.sink().report("PP146", choice.loc().child("name"), "the tool \"" + choice.name() + "\"",
                            target + " cannot use it");
                    choice = choice.with(ToolChoice.Mode.AUTO, null);
                }
                if (choice.mode() == ToolChoice.Mode.TOOL && !facts.anthropicWire() && !"openai-responses".equals(facts.wire())
                        && hosted(kept, choice.name())) {
                    // Gemini's and Chat Completions' forced calls name functions; their own search runs when the model decides
                    ctx.sink().report("PP146", choice.loc(), "the hosted tool \"" + choice.name() + "\"",
                            target + " cannot force a call to a tool it runs itself");
                    choice = choice.with(ToolChoice.Mode.AUTO, null);
                }
                if (takesToolChoice(ctx) && "gemini".equals(facts.wire()) && !hasFunction(kept)
                        && choice.mode() == ToolChoice.Mode.ANY) {
                    // functionCallingConfig governs function declarations only: Google Search and
                    // URL context run whenever the model decides, and nothing makes it use them
                    ctx.sink().report("PP146", choice.loc(), "a tool call",
                            target + " cannot force a call to a tool it runs itself");
                    choice = null;
                } else if (!takesToolChoice(ctx)) {
                    if (choice.mode() == ToolChoice.Mode.NONE) {
                        // a tool the request does not define cannot be called: the choice kept without the setting
                        List<String> names = kept.stream().map(Tool::name).toList();
                        ctx.sink().report("PP180", choice.loc(), "none", kept.size(), NameList.of(names),
                                target + ", which has no tool_choice setting");
                        kept = List.of();
                        choice = null;
                    } else if (choice.mode() == ToolChoice.Mode.ANY || choice.mode() == ToolChoice.Mode.TOOL) {
                        // the name as the caller wrote it, before any renaming for the target
                        ctx.sink().report("PP146", choice.loc(), choice.mode() == ToolChoice.Mode.TOOL
                                ? "the tool \"" + c.toolChoice().name() + "\"" : "a tool call",
                                target + " has no tool_choice setting");
                        choice = choice.with(ToolChoice.Mode.AUTO, null);
                    }
                }
                if (choice != null && Boolean.FALSE.equals(choice.parallel())) {
                    if (!facts.anthropicWire() && !takesParallelSwitch(ctx)) {
                        // generateContent, and some OpenAI-compatible endpoints, have no switch for
                        // it: DeepSeek's and Llama's servers return several calls in one turn too
                        if (choice.mode() != ToolChoice.Mode.NONE) {
                            // with no call allowed, one call at a time loses nothing
                            ctx.sink().report("PP191", choice.parallelAt(), target, choice.parallelSetByAnthropic()
                                    ? "disable_parallel_tool_use" : "parallel_tool_calls: false");
                        }
                        choice = new ToolChoice(choice.mode(), choice.name(), null, choice.loc());
                    } else if (facts.parallelToolCalls() && !facts.anthropicWire()) {
                        if (choice.parallelSetByAnthropic()) {
                            ctx.sink().report("PP123", choice.parallelAt());
                        }
                    } else if (!facts.parallelToolCalls()) {
                        choice = new ToolChoice(choice.mode(), choice.name(), null, choice.loc());
                    }
                }
            }
        }
        return renameCalls(c.withTools(kept, choice), renamed, ctx);
    }

    /**
     * A tool whose arguments must match its schema exactly: OpenAI's strict mode where the
     * endpoint has it and the schema allows it, else sent without, and named.
     */
    private static Tool.Function fitStrict(Tool.Function f, StepContext ctx, ClaudeStrictLimits.Budget budget) {
        if (!Boolean.TRUE.equals(f.strict())) {
            return f;
        }
        if (ctx.target().facts().anthropicWire()) {
            if (ctx.target().facts().rejectsParameter("structured_output")) {
                ctx.sink().report("PP165", f.loc().child("strict"), f.name(), ctx.targetName(), "it has no strict mode");
                return f.withStrict(null);
            }
            return claudeStrict(f, ctx, budget);
        }
        String wire = ctx.target().facts().wire();
        boolean takesStrict = wire.equals("openai-responses")
                || wire.equals("openai-chat") && ctx.chatDialect().strictTools();
        if (!takesStrict) {
            ctx.sink().report("PP165", f.loc().child("strict"), f.name(), ctx.targetName(), "it has no strict mode");
            return f.withStrict(null);
        }
        StrictFit fit = StrictFit.of(f.schema(), ctx.memo());
        if (!fit.strict()) {
            ctx.sink().report("PP165", f.loc().child("strict"), f.name(), ctx.targetName(),
                    "its strict mode cannot take " + String.join("; ", fit.problems()));
            return f.withStrict(false);
        }
        if (fit.rewrites().isEmpty()) {
            return f;
        }
        ctx.sink().report("PP188", f.schemaLoc(), "The tool \"" + f.name() + "\"", ctx.targetName(),
                String.join("; ", fit.rewrites()));
        return f.withSchema(fit.schema());
    }

    /**
     * Claude's strict mode takes a subset of JSON Schema: the schema rewritten as Anthropic's SDKs
     * rewrite it, or, where it cannot be, sent without strict mode (a tool without it takes any schema).
     */
    private static Tool.Function claudeStrict(Tool.Function f, StepContext ctx, ClaudeStrictLimits.Budget budget) {
        ClaudeSchemaFit fit = ClaudeSchemaFit.of(f.schema(), ctx.memo());
        if (!fit.fits()) {
            ctx.sink().report("PP165", f.loc().child("strict"), f.name(), ctx.targetName(),
                    "its strict mode cannot take " + fit.problem());
            return f.withStrict(null);
        }
        if (!budget.admit(f.name(), f.loc().child("strict"), ClaudeStrictLimits.weight(fit.schema(), ctx.memo()))) {
            // over the request's limits: sent as written and without strict mode, named once for all (PP205)
            return f.withStrict(null);
        }
        if (fit.rewrites().isEmpty()) {
            return f;
        }
        ctx.sink().report("PP197", f.schemaLoc(), "The tool \"" + f.name() + "\"", ctx.targetName(),
                String.join("; ", fit.rewrites()));
        return f.withSchema(fit.schema());
    }

    /** Gemini takes a subset of JSON Schema; every keyword changed on the way is named. */
    private static void schemaChanges(Tool.Function f, StepContext ctx) {
        dev.promptport.write.GeminiWriter.Converted cv = dev.promptport.write.GeminiWriter.convert(f.schema().json(),
                ctx.memo(), dev.promptport.write.GeminiWriter.takesJsonSchema(ctx.target().facts()));
        if (cv.changed()) {
            ctx.sink().report(cv.lossy() ? "PP154" : "PP155", f.schemaLoc(), f.name(), ctx.targetName(),
                    cv.describe(3));
        }
    }

    /**
     * A choice that lets the model call only some of the tools (OpenAI's {@code allowed_tools},
     * Gemini's {@code allowedFunctionNames}) becomes a request with only those tools: the model
     * can call what it could before, on every target, at the cost of a different tool list.
     */
    private static Conversation onlyAllowed(Conversation c, StepContext ctx) {
        ToolChoice choice = c.toolChoice();
        java.util.Set<String> allowed = new java.util.HashSet<>(choice.allowed());
        List<Tool> kept = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (Tool t : c.tools()) {
            if (allowed.contains(t.name())) {
                kept.add(t);
            } else {
                left.add(t.name());
            }
        }
        if (!left.isEmpty()) {
            ctx.sink().report("PP180", choice.loc(), "only " + kept.size(), c.tools().size(), NameList.of(left),
                    ctx.targetName());
        }
        ToolChoice.Mode mode = choice.mode();
        String name = null;
        if (mode == ToolChoice.Mode.ANY && kept.size() == 1) {
            mode = ToolChoice.Mode.TOOL;
            name = kept.get(0).name();
        }
        return c.withTools(kept, choice.with(mode, name));
    }

    private static boolean hasFunction(List<Tool> tools) {
        for (Tool t : tools) {
            if (t instanceof Tool.Function) {
                return true;
            }
        }
        return false;
    }

    /** Whether the target's request has {@code parallel_tool_calls}. */
    private static boolean takesParallelSwitch(StepContext ctx) {
        return switch (ctx.target().facts().wire()) {
            case "openai-responses" -> true;
            case "openai-chat" -> {
                ChatDialect d = ctx.chatDialect();
                yield d.parallelToolCalls() && d.toolChoice();
            }
            default -> false;
        };
    }

    /**
     * Where a tool's cache_control is: in Claude's and the Responses API's tool object, and
     * beside, not inside, the "function" object of a Chat Completions tool.
     */
    private static Loc cacheLoc(Tool.Function f) {
        String at = f.loc().pointer();
        return at != null && at.endsWith("/function") && "parameters".equals(f.schemaField())
                ? Loc.pointer(at.substring(0, at.length() - "/function".length()) + "/cache_control")
                : f.loc().child("cache_control");
    }

    /** Whether the target's request has {@code tool_choice} (Ollama's OpenAI-compatible endpoint has not). */
    private static boolean takesToolChoice(StepContext ctx) {
        return !"openai-chat".equals(ctx.target().facts().wire()) || ctx.chatDialect().toolChoice();
    }

    /** The rule for function names the target holds a name to, as PP124 states it. */
    private static String nameRule(StepContext ctx) {
        return "letters, digits, _ and -, at most " + ToolNames.MAX + " characters"
                + (letterFirst(ctx) ? ", starting with a letter or _" : "");
    }

    /** Gemini wants a function name to start with a letter or an underscore. */
    private static boolean letterFirst(StepContext ctx) {
        return "gemini".equals(ctx.target().facts().wire());
    }

    /** Whether the target's API takes OpenAI's custom tools as they are: the Responses API, for the models that have them. */
    static boolean keepsCustomTools(ModelFacts facts) {
        return "openai-responses".equals(facts.wire()) && facts.takes("custom_tools");
    }

    private static boolean hosted(List<Tool> tools, String name) {
        for (Tool t : tools) {
            if (t instanceof Tool.Hosted && t.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasTool(List<Tool> tools, String name) {
        for (Tool t : tools) {
            if (t.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Calls in the history must use the same names as the definitions sent. A call whose tool
     * the request does not define gets the same fitted name, is mapped back in replies, and is
     * named once.
     */
    private static Conversation renameCalls(Conversation c, Map<String, String> renamed, StepContext ctx) {
        java.util.Set<String> reported = new java.util.HashSet<>();
        return Parts.map(c, p -> {
            if (p instanceof Part.ToolCall call) {
                String name = renamed.get(call.name());
                if (name == null && !ToolNames.valid(call.name(), letterFirst(ctx))) {
                    name = ToolNames.fit(call.name(), letterFirst(ctx));
                    if (reported.add(call.name())) {
                        ctx.recordToolName(name, call.name());
                        ctx.sink().report("PP124", call.loc().child("name"), call.name(), ctx.targetName(), name,
                                nameRule(ctx));
                    }
                }
                if (name != null) {
                    return new Part.ToolCall(call.id(), name, call.input(), call.cache(), call.loc(), call.unparsed());
                }
            }
            return p;
        });
    }
}
