package dev.promptport;

import dev.promptport.corpus.TextAtoms;
import dev.promptport.read.AnthropicRequestReader;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Part;
import dev.promptport.tree.Turn;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a round trip back to Claude must keep: prose, tool calls and tool results, in order. */
public final class RoundTripAssertions {

    private RoundTripAssertions() {
    }

    /** The tool calls, tool results and prose of {@code original} appear in {@code roundTrip}, in order. */
    public static void assertSameContent(String original, String roundTrip) {
        assertSameContent(original, roundTrip, java.util.Map.of());
    }

    /** As above; {@code renamed} maps tool names the target was sent back to the original names. */
    public static void assertSameContent(String original, String roundTrip, java.util.Map<String, String> renamed) {
        List<String> before = content(AnthropicRequestReader.read(original));
        List<String> after = new ArrayList<>();
        for (String item : content(AnthropicRequestReader.read(roundTrip))) {
            String restored = item;
            for (java.util.Map.Entry<String, String> e : renamed.entrySet()) {
                if (item.startsWith("call " + e.getKey() + " ")) {
                    restored = "call " + e.getValue() + item.substring(5 + e.getKey().length());
                }
            }
            after.add(restored);
        }
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
