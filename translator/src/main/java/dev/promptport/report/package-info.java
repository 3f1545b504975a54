/**
 * Reports of an audit or a lint run: the result model and one writer per format (text,
 * JSON, SARIF, GitHub annotations, HTML). Text from the inputs may be hostile; each format
 * escapes it where it is written: {@link dev.promptport.report.TerminalText} for text people
 * read, {@link dev.promptport.report.JsonEscapes} after Jackson, {@code HtmlText} and jsoup for
 * HTML.
 */
package dev.promptport.report;
