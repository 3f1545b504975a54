package dev.promptport.rules;

/** A finding decided while planning, reported only once the plan is known to hold. */
record SectionFinding(int offset, String id, Object... args) {
}
