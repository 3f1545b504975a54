package dev.promptport.docs;

import dev.promptport.rules.Catalogue;
import dev.promptport.rules.RuleInfo;
import org.junit.jupiter.api.Test;

import java.io.IOException;

/**
 * The README's rule table is generated from {@code rules/pack.yaml}, so it cannot drift: this
 * test fails when they differ, and with {@code -Dpromptport.regenerate=true} rewrites the
 * table between its markers.
 */
class ReadmeRuleTableTest {

    private static final String BEGIN = "<!-- rules:begin (generated from rules/pack.yaml by ReadmeRuleTableTest) -->";
    private static final String END = "<!-- rules:end -->";

    static String table() {
        StringBuilder b = new StringBuilder();
        b.append("| id | title | feature | severity | effort (min) | fix |\n");
        b.append("| --- | --- | --- | --- | --- | --- |\n");
        for (RuleInfo r : Catalogue.builtIn().rules()) {
            b.append("| ").append(r.id()).append(" | ").append(cell(r.title())).append(" | `").append(r.feature())
                    .append("` | ").append(r.severity().label()).append(" | ").append(r.effort()).append(" | ")
                    .append(cell(r.fix().replaceAll("\\{\\d}", "…"))).append(" |\n");
        }
        return b.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Test
    void readmeRuleTableMatchesTheRulePack() throws IOException {
        GeneratedReadmeSection.check("rule table", BEGIN, END, table());
    }
}
