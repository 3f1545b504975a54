package dev.promptport.rules;

import dev.promptport.tree.Loc;
import dev.promptport.tree.RawJson;
import dev.promptport.tree.Tool;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ObjectRootTest {

    private static String fitted(String schema) {
        return ObjectRoot.fit(new Tool.Function("t", null, new RawJson(schema), null, Loc.pointer("/tools/0"))).schema().json();
    }

    @Test
    void onlyARootTypeCountsAsTheRootsType() {
        assertThat(ObjectRoot.untyped("{\"type\":\"object\"}")).isFalse();
        assertThat(ObjectRoot.untyped("{ \"properties\" : {}, \"type\" : \"object\" }")).isFalse();
        // a "type" inside a property, or "type" as a value, is not the root's
        assertThat(ObjectRoot.untyped("{\"properties\":{\"type\":{\"type\":\"string\"}}}")).isTrue();
        assertThat(ObjectRoot.untyped("{\"description\":\"type\",\"required\":[\"type\"]}")).isTrue();
        assertThat(ObjectRoot.untyped("{\"description\":\"a \\\"type\\\": quoted\"}")).isTrue();
        assertThat(ObjectRoot.untyped("{}")).isTrue();
    }

    @Test
    void aRootThatIsNoObjectIsLeftAlone() {
        assertThat(ObjectRoot.untyped("true")).isFalse();
        assertThat(ObjectRoot.untyped("[]")).isFalse();
    }

    @Test
    void theObjectTypeLeadsTheRootAndTheRestIsKeptAsWritten() {
        assertThat(fitted("{}")).isEqualTo("{\"type\":\"object\"}");
        assertThat(fitted(" { } ")).isEqualTo(" {\"type\":\"object\" } ");
        assertThat(fitted("{\"properties\":{\"a\":{\"type\":\"string\"}}}"))
                .isEqualTo("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}");
        assertThat(fitted("{\"type\":\"array\"}")).isEqualTo("{\"type\":\"array\"}");
    }
}
