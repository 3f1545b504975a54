package dev.promptport.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.List;

import static dev.promptport.traffic.TrafficLogFormatsTest.bedrockInput;
import static dev.promptport.traffic.TrafficLogFormatsTest.bedrockLog;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Bedrock Converse call to Claude, whatever its blocks: the line is a request that keeps every
 * text of the call, or a bad line that says why; never an exception, never a text dropped.
 */
class BedrockConverseProperties {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Property(tries = 500)
    void aConverseCallIsARequestKeepingEveryTextOrABadLine(@ForAll("calls") ObjectNode call) throws Exception {
        String line = bedrockLog("Converse", "anthropic.claude-sonnet-4-5-20250929-v1:0", bedrockInput(call.toString()));
        LineSniffer.Request r;
        try {
            r = LineSniffer.read(line);
        } catch (LineSniffer.BadLineException e) {
            assertThat(e.getMessage()).isNotBlank();
            Statistics.collect("bad line");
            return;
        }
        Statistics.collect("request");
        String out = JSON.readTree(r.json()).toString();
        for (String text : texts(call)) {
            assertThat(out).contains(JSON.writeValueAsString(text));
        }
        // and the audit takes the line, as a request or a bad line
        TrafficSummary s = TrafficAuditTest.audit(line + "\n", TrafficAuditTest.GPT4O, 1);
        assertThat(s.requests() + s.badLines()).isEqualTo(1);
    }

    @Provide
    Arbitrary<ObjectNode> calls() {
        Arbitrary<String> words = Arbitraries.strings().ofMinLength(1).ofMaxLength(12)
                .withChars("abc <>/\"\\\n\u00e9\u2013\ud83d\ude00");
        Arbitrary<ObjectNode> block = Arbitraries.oneOf(
                words.map(w -> one("text", NODES.textNode(w))),
                words.map(w -> one("guardContent", one("text", one("text", NODES.textNode(w))))),
                Arbitraries.just(one("cachePoint", NODES.objectNode().put("type", "default"))),
                words.map(w -> one("toolUse", NODES.objectNode().put("toolUseId", "t1").put("name", "look").set("input",
                        NODES.objectNode().put("q", w)))),
                words.map(w -> one("toolResult", NODES.objectNode().put("toolUseId", "t1").set("content",
                        NODES.arrayNode().add(one("text", NODES.textNode(w))).add(one("json", NODES.objectNode().put("k", w)))))),
                words.map(w -> one("reasoningContent", one("reasoningText", NODES.objectNode().put("text", w).put("signature", "s")))),
                Arbitraries.just(one("image", NODES.objectNode().put("format", "png").set("source",
                        NODES.objectNode().put("bytes", "iVBORw0KGgo=")))),
                words.map(w -> one("document", NODES.objectNode().put("format", "txt").put("name", "doc").set("source",
                        NODES.objectNode().put("text", w)))),
                // a kind not read, a malformed block, a value of the wrong type
                Arbitraries.just(one("video", NODES.objectNode().put("format", "mp4"))),
                Arbitraries.just(NODES.objectNode().put("text", "a").put("image", "b")),
                Arbitraries.just(one("text", NODES.numberNode(5))));
        Arbitrary<ObjectNode> message = Combinators.combine(Arbitraries.of("user", "assistant"), block.list().ofMaxSize(4))
                .as((role, blocks) -> {
                    ObjectNode m = NODES.objectNode().put("role", role);
                    m.set("content", NODES.arrayNode().addAll(blocks));
                    return m;
                });
        return Combinators.combine(message.list().ofMinSize(1).ofMaxSize(4), words.list().ofMaxSize(2), Arbitraries.of(true, false))
                .as((messages, system, tools) -> {
                    ObjectNode call = NODES.objectNode();
                    call.set("messages", NODES.arrayNode().addAll(messages));
                    if (!system.isEmpty()) {
                        ArrayNode s = NODES.arrayNode();
                        system.forEach(w -> s.add(one("text", NODES.textNode(w))));
                        call.set("system", s);
                    }
                    call.set("inferenceConfig", NODES.objectNode().put("maxTokens", 300));
                    if (tools) {
                        ObjectNode spec = NODES.objectNode().put("name", "look").put("description", "Looks it up.");
                        spec.set("inputSchema", one("json", NODES.objectNode().put("type", "object")));
                        call.set("toolConfig", one("tools", NODES.arrayNode().add(one("toolSpec", spec))));
                    }
                    return call;
                });
    }

    private static ObjectNode one(String key, JsonNode value) {
        ObjectNode o = NODES.objectNode();
        o.set(key, value);
        return o;
    }

    /** Every string under a text-carrying key of the call. */
    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        collect(node, null, out);
        return out;
    }

    private static void collect(JsonNode node, String key, List<String> out) {
        if (node.isTextual() && key != null && (key.equals("text") || key.equals("q"))) {
            out.add(node.asText());
        }
        node.fields().forEachRemaining(f -> collect(f.getValue(), f.getKey(), out));
        if (node.isArray()) {
            node.forEach(n -> collect(n, key, out));
        }
    }
}
