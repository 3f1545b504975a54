package dev.promptport.tree;

/** What kind of input a conversation was read from; decides the shape of the output. */
public enum SourceKind {
    /** A JSON API request. */
    REQUEST,
    /** A prompt written as a text file. */
    PROMPT_FILE,
    /** A file of tool definitions (an agent's tool list, an MCP server's tools), with no conversation. */
    TOOL_FILE
}
