/**
 * The vendor-neutral prompt tree every reader builds and every writer consumes: system
 * content, turns, parts, tools, options, and whatever the reader did not understand, each
 * node with the place in the input it came from.
 */
package dev.promptport.tree;
