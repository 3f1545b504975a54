/**
 * promptport's front door: {@link dev.promptport.PromptPort} translates Anthropic requests
 * and Claude-style prompts for other vendors' models, naming every change in a
 * {@link dev.promptport.Finding}.
 */
package dev.promptport;
