package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptport.corpus.TextAtoms;
import dev.promptport.spec.OpenAiSpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Translation over generated Anthropic requests: it never fails on a valid request, loses no
 * text without naming it, and always writes a request OpenAI's spec accepts, in either API.
 */
class TranslateProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Set<String> LEFT_OUT = Set.of("PP110", "PP115", "PP119", "PP121", "PP126", "PP127", "PP129", "PP133");

    record Generated(String json, List<String> texts) {
        @Override
        public String toString() {
            return json;
        }
    }

    @Property(tries = 300)
    void validRequestsTranslateLosslesslyIntoSpecValidRequests(@ForAll("requests") Generated req,
                                                               @ForAll("targets") String target) throws Exception {
        Translation t = PromptPort.translate(req.json(), Target.of(target));
        JsonNode out = JSON.readTree(t.json());
        StringBuilder strings = new StringBuilder();
        collect(out, strings);
        boolean dropped = t.findings().stream().anyMatch(f -> LEFT_OUT.contains(f.id()));
        if (!dropped) {
            for (String text : req.texts()) {
                assertThat(TextAtoms.firstMissing(text, strings.toString())).as("lost from %s", text).isNull();
            }
        }
        OpenAiSpec.load().ifPresent(spec -> {
            if (target.startsWith("openai-responses:")) {
                spec.assertCleanResponsesRequest(t.json());
            } else {
                spec.assertCleanChatRequest(t.json());
            }
        });
    }

    @Property(tries = 300)
    void translatingTranslatedMarkdownChangesNothingMore(@ForAll("prose") String prompt) {
        Target gpt = Target.of("openai:gpt-4o");
        String once = PromptPort.translate(Prompt.system(prompt), gpt).text();
        String twice = PromptPort.translate(Prompt.system(once), gpt).text();
        assertThat(twice).isEqualTo(once);
    }

    @Provide
    Arbitrary<String> targets() {
        return Arbitraries.of("openai:gpt-4o", "openai:o3", "openai:gpt-5", "openai:gpt-4.1",
                "openai-responses:gpt-4o", "openai-responses:gpt-5");
    }

    @Provide
    Arbitrary<String> prose() {
        return proseArbitrary();
    }

    static Arbitrary<String> proseArbitrary() {
        Arbitrary<String> words = Arbitraries.of("Answer briefly.", "Use the <documents> below.", "if x<y then a < b",
                "Ünïcödé テキスト", "{{name}}", "`<div>`", "## Heading", "Put it in <answer></answer> tags.",
                "1. First\n2. Second", "```xml\n<a>b</a>\n```", "\"quoted\"", "🙂", "Follow <rules> exactly.");
        Arbitrary<String> tags = Arbitraries.of("instructions", "context", "rules", "example", "document", "answer",
                "output_format", "email", "notes");
        Arbitrary<String> body = words.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join("\n", l));
        Arbitrary<String> section = Combinators.combine(tags, body).as((tag, b) -> "<" + tag + ">\n" + b + "\n</" + tag + ">");
        return Arbitraries.oneOf(section, body).list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("\n\n", l));
    }

    @Provide
    Arbitrary<Generated> requests() {
        return requestArbitrary();
    }

    /** Generated Anthropic requests, shared with the round-trip properties. */
    static Arbitrary<Generated> requestArbitrary() {
        Arbitrary<String> text = Arbitraries.oneOf(proseArbitrary(), Arbitraries.strings().withCharRange(' ', '~')
                .withChars('\n', 'é', '字', '"', '\\').ofMinLength(1).ofMaxLength(80).filter(s -> !s.isBlank()));
        Arbitrary<Integer> shape = Arbitraries.integers().between(0, 5);
        return Combinators.combine(text.list().ofMinSize(1).ofMaxSize(6), shape.list().ofMinSize(1).ofMaxSize(6),
                Arbitraries.integers().between(0, 7)).as(TranslateProperties::build);
    }

    /** A request of alternating turns; each turn's shape picks text, image, tool round or thinking. */
    private static Generated build(List<String> texts, List<Integer> shapes, int options) {
        ObjectNode req = F.objectNode();
        req.put("model", "claude-sonnet-4-5");
        req.put("max_tokens", 1000 + options * 3000);
        List<String> sent = new ArrayList<>();
        String system = texts.get(0);
        req.put("system", system);
        sent.add(system);
        ArrayNode messages = req.putArray("messages");
        boolean tools = false;
        for (int i = 0; i < shapes.size(); i++) {
            String t = texts.get((i + 1) % texts.size());
            switch (shapes.get(i)) {
                case 0 -> {
                    messages.add(turn("user", t));
                    messages.add(turn("assistant", "ok"));
                }
                case 1 -> {
                    ObjectNode user = F.objectNode().put("role", "user");
                    ArrayNode content = user.putArray("content");
                    content.addObject().put("type", "image").putObject("source").put("type", "base64")
                            .put("media_type", "image/png").put("data", "iVBORw0KGgo=");
                    content.addObject().put("type", "text").put("text", t);
                    messages.add(user);
                    messages.add(turn("assistant", "seen"));
                }
                case 2 -> {
                    tools = true;
                    messages.add(turn("user", t));
                    ObjectNode call = F.objectNode().put("role", "assistant");
                    call.putArray("content").addObject().put("type", "tool_use").put("id", "toolu_" + i)
                            .put("name", "lookup").putObject("input").put("q", t);
                    messages.add(call);
                    ObjectNode result = F.objectNode().put("role", "user");
                    result.putArray("content").addObject().put("type", "tool_result").put("tool_use_id", "toolu_" + i)
                            .put("content", t).put("is_error", i % 2 == 0);
                    messages.add(result);
                    messages.add(turn("assistant", "done"));
                }
                case 3 -> {
                    messages.add(turn("user", t));
                    ObjectNode a = F.objectNode().put("role", "assistant");
                    ArrayNode content = a.putArray("content");
                    content.addObject().put("type", "thinking").put("thinking", "hmm").put("signature", "sig");
                    content.addObject().put("type", "text").put("text", "answer");
                    messages.add(a);
                }
                default -> {
                    messages.add(turn("user", t));
                    messages.add(turn("assistant", "fine"));
                }
            }
            sent.add(t);
        }
        messages.add(turn("user", "last question"));
        if ((options & 1) != 0) {
            messages.add(turn("assistant", "{"));
        }
        if (tools) {
            ObjectNode tool = req.putArray("tools").addObject().put("name", "lookup").put("description", "Look up");
            tool.putObject("input_schema").put("type", "object").putObject("properties").putObject("q").put("type", "string");
        }
        if ((options & 2) != 0) {
            req.putObject("thinking").put("type", "enabled").put("budget_tokens", 1024 + options * 1000);
        }
        if ((options & 4) != 0) {
            req.put("top_k", 5).put("temperature", 0.3);
            req.putArray("stop_sequences").add("END").add("STOP").add("###").add("---").add("===");
        }
        return new Generated(req.toString(), sent);
    }

    private static ObjectNode turn(String role, String content) {
        return F.objectNode().put("role", role).put("content", content);
    }

    private static void collect(JsonNode node, StringBuilder b) {
        if (node.isTextual()) {
            b.append(node.asText()).append('\n');
        } else {
            node.forEach(child -> collect(child, b));
        }
    }
}
