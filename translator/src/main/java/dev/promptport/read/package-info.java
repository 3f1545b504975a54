/**
 * Readers: one per input format, each building the vendor-neutral tree, and the tag scanner
 * that finds tagged sections in prose.
 */
package dev.promptport.read;
