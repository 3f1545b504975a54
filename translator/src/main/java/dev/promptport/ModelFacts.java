package dev.promptport;

import java.util.List;
import java.util.Set;

/**
 * What a target model can do, as listed in {@code rules/targets.yaml}.
 *
 * @param wire the request format written for the model, such as {@code openai-chat}
 * @param systemRole the role that carries system text ({@code system} or {@code developer})
 * @param reasoning {@code none}, or {@code effort} when the model takes a reasoning effort
 * @param efforts effort names the model accepts, lowest first
 * @param outputLimitField the request field that caps the reply's length
 * @param stopLimit most stop sequences accepted; 0 when the model rejects them
 * @param rejects request settings the model refuses ({@code temperature}, {@code top_p},
 *        {@code presence_penalty}, {@code logprobs}, …)
 * @param structure the prompt structure the vendor recommends ({@code markdown} or {@code xml})
 * @param maxTools most function tools one request may define (0: no known limit)
 * @param tokenizer the tokenizer that counts prompt tokens, or {@code estimate}
 * @param hostedTools tools the vendor runs itself that this API offers ({@code web_search}, …)
 * @param prefill whether the model continues a partial assistant reply
 * @param budgetMin the smallest thinking budget, for models whose knob is a budget
 * @param budgetMax the largest thinking budget, for models whose knob is a budget
 * @param takes request settings only some models of the wire take ({@code verbosity},
 *        {@code custom_tools}), so a setting the model lacks is named instead of refused
 * @param defaultEffort the effort the model reasons at when the request sets none, or
 *        {@code null} for a model that reasons only when asked
 */
public record ModelFacts(String wire, int contextWindow, int maxOutput, String systemRole,
                         String reasoning, List<String> efforts, String outputLimitField,
                         boolean vision, boolean pdf, boolean tools, boolean parallelToolCalls,
                         int stopLimit, Set<String> rejects, String structure, int maxTools, String tokenizer,
                         Set<String> hostedTools, boolean prefill, int budgetMin, int budgetMax,
                         Set<String> takes, String defaultEffort) {

    public ModelFacts {
        efforts = efforts == null ? List.of() : List.copyOf(efforts);
        rejects = rejects == null ? Set.of() : Set.copyOf(rejects);
        hostedTools = hostedTools == null ? Set.of() : Set.copyOf(hostedTools);
        takes = takes == null ? Set.of() : Set.copyOf(takes);
    }

    /** The facts of a model that reasons only when asked. */
    public ModelFacts(String wire, int contextWindow, int maxOutput, String systemRole,
                      String reasoning, List<String> efforts, String outputLimitField,
                      boolean vision, boolean pdf, boolean tools, boolean parallelToolCalls,
                      int stopLimit, Set<String> rejects, String structure, int maxTools, String tokenizer,
                      Set<String> hostedTools, boolean prefill, int budgetMin, int budgetMax, Set<String> takes) {
        this(wire, contextWindow, maxOutput, systemRole, reasoning, efforts, outputLimitField, vision, pdf, tools,
                parallelToolCalls, stopLimit, rejects, structure, maxTools, tokenizer, hostedTools, prefill, budgetMin,
                budgetMax, takes, null);
    }

    /** The facts of a model that takes none of the settings only some models take. */
    public ModelFacts(String wire, int contextWindow, int maxOutput, String systemRole,
                      String reasoning, List<String> efforts, String outputLimitField,
                      boolean vision, boolean pdf, boolean tools, boolean parallelToolCalls,
                      int stopLimit, Set<String> rejects, String structure, int maxTools, String tokenizer,
                      Set<String> hostedTools, boolean prefill, int budgetMin, int budgetMax) {
        this(wire, contextWindow, maxOutput, systemRole, reasoning, efforts, outputLimitField, vision, pdf, tools,
                parallelToolCalls, stopLimit, rejects, structure, maxTools, tokenizer, hostedTools, prefill, budgetMin,
                budgetMax, Set.of());
    }

    /** The facts of a model without hosted tools, prefill or a budget knob. */
    public ModelFacts(String wire, int contextWindow, int maxOutput, String systemRole, String reasoning,
                      List<String> efforts, String outputLimitField, boolean vision, boolean pdf, boolean tools,
                      boolean parallelToolCalls, int stopLimit, Set<String> rejects, String structure, int maxTools,
                      String tokenizer) {
        this(wire, contextWindow, maxOutput, systemRole, reasoning, efforts, outputLimitField, vision, pdf, tools,
                parallelToolCalls, stopLimit, rejects, structure, maxTools, tokenizer, Set.of(), false, 0, 0, Set.of(), null);
    }

    /** Whether the model reasons before it answers (with a knob or without). */
    public boolean reasons() {
        return reasoning != null && !"none".equals(reasoning);
    }

    /** Whether the model reasons when the request does not ask it to. */
    public boolean reasonsUnasked() {
        return defaultEffort != null && !"none".equals(defaultEffort);
    }

    /** Whether the model's reasoning knob is a named effort. */
    public boolean takesEffort() {
        return "effort".equals(reasoning);
    }

    /** Whether the model's reasoning knob is a token budget. */
    public boolean takesBudget() {
        return "budget".equals(reasoning);
    }

    /** Whether the target speaks Anthropic's own Messages format, so Claude-only details survive. */
    public boolean anthropicWire() {
        return "anthropic".equals(wire);
    }

    public boolean hosts(String tool) {
        return hostedTools.contains(tool);
    }

    /** Whether the model takes {@code setting}, one only some models of its wire take ({@code verbosity}). */
    public boolean takes(String setting) {
        return takes.contains(setting);
    }

    public boolean rejectsParameter(String name) {
        return rejects.contains(name);
    }
}
