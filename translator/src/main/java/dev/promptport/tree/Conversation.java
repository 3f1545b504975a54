package dev.promptport.tree;

import java.util.List;

/**
 * The vendor-neutral form of one request or prompt. Immutable; rewrites return a new
 * conversation.
 *
 * @param model the model the input named, or {@code null}
 * @param system system content (text parts), in order
 * @param toolChoice {@code null} when unspecified
 * @param reasoning {@code null} when unspecified
 * @param extras fields the reader did not understand, in input order
 */
public record Conversation(SourceKind source, String model, List<Part> system, List<Turn> turns,
                           List<Tool> tools, ToolChoice toolChoice, Generation generation,
                           ReasoningConfig reasoning, List<Extra> extras) {

    public Conversation {
        system = List.copyOf(system);
        turns = List.copyOf(turns);
        tools = List.copyOf(tools);
        extras = List.copyOf(extras);
        generation = generation == null ? Generation.NONE : generation;
    }

    public Conversation withSystem(List<Part> newSystem) {
        return new Conversation(source, model, newSystem, turns, tools, toolChoice, generation, reasoning, extras);
    }

    public Conversation withTurns(List<Turn> newTurns) {
        return new Conversation(source, model, system, newTurns, tools, toolChoice, generation, reasoning, extras);
    }

    public Conversation withReasoning(ReasoningConfig newReasoning) {
        return new Conversation(source, model, system, turns, tools, toolChoice, generation, newReasoning, extras);
    }

    public Conversation withTools(List<Tool> newTools, ToolChoice newToolChoice) {
        return new Conversation(source, model, system, turns, newTools, newToolChoice, generation, reasoning, extras);
    }

    public Conversation withExtras(List<Extra> newExtras) {
        return new Conversation(source, model, system, turns, tools, toolChoice, generation, reasoning, newExtras);
    }

    public Conversation withGeneration(Generation newGeneration) {
        return new Conversation(source, model, system, turns, tools, toolChoice, newGeneration, reasoning, extras);
    }
}
