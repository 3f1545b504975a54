package dev.promptport.tree;

/**
 * The prompt-file formats that carry model settings: Dotprompt and Prompty, front-matter
 * files that differ in where settings live and how roles are marked, and GitHub Models'
 * all-YAML {@code .prompt.yml}. A prompt file is written back in the format it came in, so
 * the reader and the writer both need to know which.
 */
public enum PromptFileFormat { DOTPROMPT, PROMPTY, PROMPT_YAML }
