package dev.promptport;

import dev.promptport.rules.Catalogue;

/**
 * A model to translate for, written {@code vendor:model} ({@code openai:gpt-4o},
 * {@code openai:o3}).
 */
public record Target(String vendor, String model, ModelFacts facts) {

    /**
     * The target named {@code spec}, with its facts from the built-in model list.
     *
     * @throws PromptPortException when the spec is malformed or names an unknown model
     */
    public static Target of(String spec) {
        return Catalogue.builtIn().target(spec);
    }

    public String id() {
        return vendor + ":" + model;
    }

    @Override
    public String toString() {
        return id();
    }
}
