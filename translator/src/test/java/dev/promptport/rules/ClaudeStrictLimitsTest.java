package dev.promptport.rules;

import dev.promptport.tree.RawJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClaudeStrictLimitsTest {

    private static ClaudeStrictLimits.Weight weight(String schema) {
        return ClaudeStrictLimits.weight(new RawJson(schema));
    }

    @Test
    void optionalParametersAreCountedAtEveryLevelAndInDefinitions() {
        ClaudeStrictLimits.Weight w = weight("""
                {"type":"object","required":["a"],"properties":{
                  "a":{"type":"string"},
                  "b":{"type":"object","properties":{"c":{"type":"string"},"d":{"type":"string"}},"required":["c"]},
                  "list":{"type":"array","items":{"type":"object","properties":{"e":{"type":"integer"}}}},
                  "ref":{"$ref":"#/$defs/x"}},
                 "$defs":{"x":{"type":"object","properties":{"f":{"type":"string"}},"required":[]}}}""");
        // b, list, ref at the top; d in b; e in the items; f in the definition
        assertThat(w.optional()).isEqualTo(6);
        assertThat(w.unions()).isZero();
    }

    @Test
    void anyOfAndListsOfTypesAreUnionsButTheRootIsNoParameter() {
        ClaudeStrictLimits.Weight w = weight("""
                {"anyOf":[{"type":"object","properties":{"a":{"type":["string","null"]}},"required":["a"]},
                          {"type":"object","properties":{"b":{"anyOf":[{"type":"string"},{"type":"integer"}]}},"required":["b"]}]}""");
        assertThat(w.unions()).isEqualTo(2);
        assertThat(w.optional()).isZero();
    }

    @Test
    void aSchemaOverALimitOnItsOwnSaysWhich() {
        assertThat(new ClaudeStrictLimits.Weight(25, 0).overAlone()).startsWith("25 optional parameters");
        assertThat(new ClaudeStrictLimits.Weight(24, 17).overAlone()).startsWith("17 parameters with union types");
        assertThat(new ClaudeStrictLimits.Weight(24, 16).overAlone()).isNull();
    }
}
