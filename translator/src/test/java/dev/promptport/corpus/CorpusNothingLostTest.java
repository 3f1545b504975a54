package dev.promptport.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptport.Finding;
import dev.promptport.Translation;
import dev.promptport.read.AnthropicRequestReader;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.MediaSource;
import dev.promptport.tree.Part;
import dev.promptport.tree.Turn;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing is lost: every piece of prose in every corpus input reaches the translation, or the
 * part that held it is named by a finding.
 */
class CorpusNothingLostTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    List<DynamicTest> everyTextReachesTheOutputOrIsNamedInAFinding() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Corpus.Case c : Corpus.cases()) {
            for (String target : Corpus.TARGETS) {
                tests.add(DynamicTest.dynamicTest(c.name() + " -> " + target, () -> check(c, target)));
            }
        }
        return tests;
    }

    private static void check(Corpus.Case c, String target) throws Exception {
        Translation t = CorpusGoldenTest.translate(c, target);
        if (c.isTemplate()) {
            String text = c.inputText();
            String body = text.substring(text.indexOf("\n---", 3) + 4)
                    .replaceAll("\\{\\{\\s*role\\s+\"\\w+\"\\s*}}", "")
                    .replaceAll("(?m)^\\s*(system|user|assistant):\\s*$", "");
            String strings = allStrings(JSON.readTree(t.json()));
            assertThat(TextAtoms.firstMissing(body, strings)).as("text lost from %s for %s", c.name(), target).isNull();
            return;
        }
        if (!c.isRequest()) {
            String input = c.inputText();
            if (t.findings().stream().anyMatch(f -> f.id().equals("PP153"))) {
                // headings became tags for Claude; their words live on in the tag names
                input = input.replaceAll("(?m)^ {0,3}#{1,6}[ \\t].*$", "");
            }
            assertThat(TextAtoms.firstMissing(input, t.text())).as("text lost from %s", c.name()).isNull();
            return;
        }
        String strings = allStrings(JSON.readTree(t.json()));
        Conversation in = AnthropicRequestReader.read(c.inputText());
        List<Part> parts = new ArrayList<>(in.system());
        for (Turn turn : in.turns()) {
            parts.addAll(turn.parts());
        }
        for (Part p : flatten(parts)) {
            String text = textOf(p);
            if (text == null || namedByFinding(p, t.findings())) {
                continue;
            }
            assertThat(TextAtoms.firstMissing(text, strings))
                    .as("text of %s at %s lost for %s", c.name(), p.loc().display(), target)
                    .isNull();
        }
    }

    private static List<Part> flatten(List<Part> parts) {
        List<Part> out = new ArrayList<>();
        for (Part p : parts) {
            out.add(p);
            if (p instanceof Part.ToolResult r) {
                out.addAll(flatten(r.content()));
            }
        }
        return out;
    }

    private static String textOf(Part p) {
        if (p instanceof Part.Text t) {
            return t.text();
        }
        if (p instanceof Part.Document d && d.source() instanceof MediaSource.PlainText pt) {
            return pt.text();
        }
        if (p instanceof Part.Document d && d.source() instanceof MediaSource.Blocks b) {
            return b.text();
        }
        return null;
    }

    /** Rules whose findings say that content was left out of the translation. */
    private static final java.util.Set<String> LEFT_OUT = java.util.Set.of(
            "PP110", "PP115", "PP119", "PP121", "PP126", "PP127", "PP129", "PP133");

    private static boolean namedByFinding(Part p, List<Finding> findings) {
        String pointer = p.loc().pointer();
        for (Finding f : findings) {
            if (!LEFT_OUT.contains(f.id())) {
                continue;
            }
            String at = f.location() == null ? null : f.location().pointer();
            if (at != null && !at.isEmpty() && (pointer.equals(at) || pointer.startsWith(at + "/"))) {
                return true;
            }
        }
        return false;
    }

    private static String allStrings(JsonNode node) {
        StringBuilder b = new StringBuilder();
        collect(node, b);
        return b.toString();
    }

    private static void collect(JsonNode node, StringBuilder b) {
        if (node.isTextual()) {
            b.append(node.asText()).append('\n');
        } else {
            node.forEach(child -> collect(child, b));
        }
    }
}
