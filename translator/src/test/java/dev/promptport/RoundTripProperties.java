package dev.promptport;

import dev.promptport.corpus.TextAtoms;
import dev.promptport.read.AnthropicRequestReader;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Part;
import dev.promptport.tree.Turn;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anthropic → another vendor → Anthropic keeps every text, tool call and tool result, in
 * order. Prose may change shape on the way (tags become headings and headings tags again),
 * so texts are compared by their atoms: the words between tags and line breaks.
 */
class RoundTripProperties {

    private static final Target CLAUDE = Target.of("anthropic:claude-sonnet-4-5");

    @Property(tries = 200)
    void viaOpenAiChatNothingIsLostOrReordered(@ForAll("requests") TranslateProperties.Generated req) {
        Translation there = PromptPort.translate(req.json(), Target.of("openai:gpt-4o"));
        Translation back = PromptPort.translate(there.json(), InputFormat.OPENAI_CHAT, CLAUDE, Options.DEFAULT);
        assertSameContent(req.json(), back.json());
    }

    @Provide
    Arbitrary<TranslateProperties.Generated> requests() {
        return TranslateProperties.requestArbitrary();
    }

    /** The tool calls, tool results and prose of {@code original} appear in {@code roundTrip}, in order. */
    static void assertSameContent(String original, String roundTrip) {
        List<String> before = content(AnthropicRequestReader.read(original));
        List<String> after = content(AnthropicRequestReader.read(roundTrip));
        String joined = String.join("\n", after);
        int from = 0;
        for (String item : before) {
            int at = joined.indexOf(item, from);
            assertThat(at).as("missing or out of order after the round trip: %s", item).isGreaterThanOrEqualTo(0);
            from = at + item.length();
        }
    }

    /** Items to compare: prose atoms, "call name(args)", "result id: atoms". Thinking is not carried over. */
    private static List<String> content(Conversation c) {
        List<String> out = new ArrayList<>();
        for (Part p : c.system()) {
            add(p, out);
        }
        for (Turn t : c.turns()) {
            for (Part p : t.parts()) {
                add(p, out);
            }
        }
        return out;
    }

    private static void add(Part p, List<String> out) {
        if (p instanceof Part.Text t) {
            // a Markdown heading becomes a tag on the way to Claude: its words live on in the tag name
            TextAtoms.of(t.text()).stream().filter(a -> !a.matches("#{1,6}\\s.*")).forEach(out::add);
        } else if (p instanceof Part.ToolCall call) {
            out.add("call " + call.name() + " " + call.input().json().replaceAll("\\s", ""));
        } else if (p instanceof Part.ToolResult r) {
            out.add("result " + r.callId());
            r.content().forEach(q -> add(q, out));
        }
    }
}
