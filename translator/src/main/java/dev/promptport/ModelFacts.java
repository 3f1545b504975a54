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
 * @param rejects sampling parameters the model refuses ({@code temperature}, {@code top_p})
 * @param structure the prompt structure the vendor recommends ({@code markdown} or {@code xml})
 * @param maxTools most function tools one request may define (0: no known limit)
 * @param tokenizer the tokenizer that counts prompt tokens, or {@code estimate}
 */
public record ModelFacts(String wire, int contextWindow, int maxOutput, String systemRole,
                         String reasoning, List<String> efforts, String outputLimitField,
                         boolean vision, boolean pdf, boolean tools, boolean parallelToolCalls,
                         int stopLimit, Set<String> rejects, String structure, int maxTools, String tokenizer) {

    public ModelFacts {
        efforts = efforts == null ? List.of() : List.copyOf(efforts);
        rejects = rejects == null ? Set.of() : Set.copyOf(rejects);
    }

    public boolean reasons() {
        return "effort".equals(reasoning);
    }

    public boolean rejectsParameter(String name) {
        return rejects.contains(name);
    }
}
