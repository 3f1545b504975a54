package dev.promptport.rules;

import dev.promptport.tree.Conversation;

/**
 * One transformation of the tree for a target. A step reports every change it makes, and
 * everything it removes, as a finding.
 */
public interface RewriteStep {
    Conversation apply(Conversation conversation, StepContext context);
}
