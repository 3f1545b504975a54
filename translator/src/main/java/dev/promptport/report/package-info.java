/**
 * Reports of an audit or a lint run: the result model and one writer per format (text,
 * JSON, SARIF, GitHub annotations, HTML).
 */
package dev.promptport.report;
