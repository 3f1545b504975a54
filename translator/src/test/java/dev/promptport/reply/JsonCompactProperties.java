package dev.promptport.reply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptport.read.GeneratedJson;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Json#compact} writes a tree as Jackson's mapper writes it, character for character: the
 * replies' tool arguments and left-out values are compared and shown as that text.
 */
class JsonCompactProperties {

    private static final GeneratedJson JSON = new GeneratedJson(8, false);

    @Provide
    Arbitrary<String> json() {
        return JSON.texts();
    }

    @Property(tries = 3000)
    void writesEveryTreeTheRepliesReadAsJacksonWritesIt(@ForAll("json") String text) throws JsonProcessingException {
        JsonNode tree = Json.MAPPER.readTree(text);
        assertThat(Json.compact(tree)).isEqualTo(Json.MAPPER.writeValueAsString(tree));
    }

    @Example
    void writesNumbersControlCharactersAndOtherNodeKindsAsJacksonDoes() throws JsonProcessingException {
        JsonNode read = Json.MAPPER.readTree("{\"n\":[0,-0,2147483648,-9223372036854775809,123456789012345678901234567890,"
                + "1.50,1E+2,-0.0,0e0,1e400,2.0e-7],\"s\":\"\\u0000\\u001f\\b\\f\\n\\r\\t\\\"\\\\/\\u2028\\ud83d\\ude00é\","
                + "\"\\n key\":{},\"e\":[],\"b\":[true,false,null]}");
        assertThat(Json.compact(read)).isEqualTo(Json.MAPPER.writeValueAsString(read))
                .contains("1E+2", "1.50", "\\u0000", "\\u001F", "\\b");
        // kinds the readers do not make go to Jackson, whole
        ObjectNode built = JsonNodeFactory.instance.objectNode();
        built.put("d", 0.1).put("f", 1.5f).put("bytes", new byte[] {1, 2}).putPOJO("pojo", java.util.List.of(1));
        built.putArray("a").add(3).add(1e300);
        assertThat(Json.compact(built)).isEqualTo(Json.MAPPER.writeValueAsString(built));
        assertThat(Json.compact(com.fasterxml.jackson.databind.node.MissingNode.getInstance()))
                .isEqualTo(Json.MAPPER.writeValueAsString(com.fasterxml.jackson.databind.node.MissingNode.getInstance()));
    }
}
