package dev.promptport;

import dev.promptport.rules.Catalogue;

/**
 * A model to translate for, written {@code vendor:model} ({@code openai:gpt-4o},
 * {@code openai:o3}).
 *
 * <p>The model is the id the user wrote, and the translated request carries it as written; the
 * facts may be another model's when the catalogue does not list this one
 * ({@link #factsFrom()}).
 *
 * @param factsFrom {@code null} when the facts are this model's own (it is listed, under this
 *        name or another: a dated snapshot, a {@code -latest} alias); otherwise the id of the
 *        listed model they were taken from, the closest of the model's family or the vendor's
 *        most cautious one
 */
public record Target(String vendor, String model, ModelFacts facts, String factsFrom) {

    /** A model with facts of its own. */
    public Target(String vendor, String model, ModelFacts facts) {
        this(vendor, model, facts, null);
    }

    /**
     * The target named {@code spec}, with its facts from the built-in model list: the model
     * itself, or for a model the list does not name, the closest listed one of its vendor.
     *
     * @throws PromptPortException when the spec is malformed or names an unknown vendor
     */
    public static Target of(String spec) {
        return Catalogue.builtIn().target(spec);
    }

    public String id() {
        return vendor + ":" + model;
    }

    /** Whether the facts were taken from another model, {@link #factsFrom()}. */
    public boolean borrowsFacts() {
        return factsFrom != null;
    }

    @Override
    public String toString() {
        return id();
    }
}
