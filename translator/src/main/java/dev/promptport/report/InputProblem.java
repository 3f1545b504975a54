package dev.promptport.report;

/**
 * An input that could not be used: the file, and where and why.
 *
 * @param where {@code line:column} or a JSON pointer, or empty
 */
public record InputProblem(String path, String where, String message) {
}
