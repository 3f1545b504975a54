/**
 * Audits of logged traffic: one request a line (JSONL), streamed, translated on every core
 * for each target and folded into one {@link dev.promptport.traffic.TrafficSummary} whose size
 * does not grow with the log.
 */
package dev.promptport.traffic;
