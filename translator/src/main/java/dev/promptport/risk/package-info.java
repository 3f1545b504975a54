/** Migration risk: a level, a score and an effort per prompt and target, from its findings. */
package dev.promptport.risk;
