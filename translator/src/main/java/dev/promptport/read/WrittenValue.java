package dev.promptport.read;

/**
 * A long object or array as a request wrote it, for the memo (see {@link JsonLexer#valueKey}).
 *
 * @param written its bytes, with what the reader made of it as the value
 * @param nesting how much deeper than itself its brackets nest
 */
record WrittenValue(WrittenString written, int nesting) {
}
