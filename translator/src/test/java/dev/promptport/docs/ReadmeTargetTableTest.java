package dev.promptport.docs;

import dev.promptport.ModelFacts;
import dev.promptport.Target;
import dev.promptport.rules.Catalogue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's table of target models is generated from {@code rules/targets.yaml}; this test
 * fails when they differ and rewrites it with {@code -Dpromptport.regenerate=true}.
 */
class ReadmeTargetTableTest {

    private static final String BEGIN = "<!-- targets:begin (generated from rules/targets.yaml by ReadmeTargetTableTest) -->";
    private static final String END = "<!-- targets:end -->";

    static String table() {
        StringBuilder b = new StringBuilder();
        b.append("| target | wire | context | max output | reasoning | vision | PDF | tools | stop limit |\n");
        b.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Target t : Catalogue.builtIn().targets()) {
            ModelFacts f = t.facts();
            b.append("| `").append(t.id()).append("` | ").append(f.wire()).append(" | ").append(f.contextWindow())
                    .append(" | ").append(f.maxOutput()).append(" | ").append(reasoning(f)).append(" | ")
                    .append(yes(f.vision())).append(" | ").append(yes(f.pdf())).append(" | ").append(yes(f.tools()))
                    .append(" | ").append(f.stopLimit() == 0 ? "none" : String.valueOf(f.stopLimit())).append(" |\n");
        }
        return b.toString();
    }

    private static String reasoning(ModelFacts f) {
        return switch (f.reasoning()) {
            case "effort" -> "effort (" + String.join(", ", f.efforts()) + ")";
            case "budget" -> "budget " + f.budgetMin() + "–" + f.budgetMax();
            case "always" -> "always on";
            default -> "no";
        };
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }

    @Test
    void readmeTargetTableMatchesTargetsYaml() throws IOException {
        Path readme = Path.of(System.getProperty("promptport.root", "..")).resolve("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertThat(begin).as("README.md has the targets:begin marker").isNotNegative();
        assertThat(end).as("README.md has the targets:end marker").isGreaterThan(begin);
        String expected = table();
        if (Boolean.getBoolean("promptport.regenerate")) {
            Files.writeString(readme, text.substring(0, begin + BEGIN.length() + 1) + expected + text.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(text.substring(begin + BEGIN.length() + 1, end)).as("README target table; regenerate with"
                + " -Dpromptport.regenerate=true").isEqualTo(expected);
    }
}
