package dev.promptport.docs;

import dev.promptport.ModelFacts;
import dev.promptport.Target;
import dev.promptport.rules.Catalogue;
import org.junit.jupiter.api.Test;

import java.io.IOException;

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
        GeneratedReadmeSection.check("target table", BEGIN, END, table());
    }
}
