/**
 * Writers: one per wire format, each writing a conversation that the rewrite steps have
 * already fitted to the target. A writer makes no decisions about what to drop; it only
 * spells the tree in its format. Nothing here reads any vendor's input format.
 */
package dev.promptport.write;
