/**
 * The rule pack and the model facts (data from {@code rules/}), and the checks and rewrite
 * steps that turn a conversation read for Claude into one fit for the target.
 */
package dev.promptport.rules;
