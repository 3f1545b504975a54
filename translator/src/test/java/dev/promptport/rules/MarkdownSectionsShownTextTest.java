package dev.promptport.rules;

import dev.promptport.Finding;
import dev.promptport.rules.SectionRewrites.Result;
import org.junit.jupiter.api.Test;

import static dev.promptport.rules.SectionRewrites.rewrite;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tags that are text the model writes, shown in a prompt, keep their tags. The texts are
 * shortened excerpts from published system prompts.
 */
class MarkdownSectionsShownTextTest {

    @Test
    void sectionProseLosesItsIndentThoughAKeptExampleInsideHoldsCodeAtTheMargin() {
        // Leap's system prompt: indented prose left indented under a heading reads as a code block
        String text = """
                <sqlDatabases>
                      SQL Databases are defined using the `SQLDatabase` class.

                      <file path="todo/db.ts">
                import { SQLDatabase } from 'encore.dev/storage/sqldb';
                export const todoDB = new SQLDatabase("todo", {
                  migrations: "./migrations",
                });
                      </file>
                </sqlDatabases>
                """;
        assertThat(rewrite(text).text()).isEqualTo("""
                # Sql databases

                SQL Databases are defined using the `SQLDatabase` class.

                <file path="todo/db.ts">
                import { SQLDatabase } from 'encore.dev/storage/sqldb';
                export const todoDB = new SQLDatabase("todo", {
                  migrations: "./migrations",
                });
                      </file>
                """);
    }
}
