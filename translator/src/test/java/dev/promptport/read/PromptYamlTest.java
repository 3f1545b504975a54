package dev.promptport.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.promptport.Limits;
import dev.promptport.Options;
import dev.promptport.Prompt;
import dev.promptport.PromptPort;
import dev.promptport.PromptPortException;
import dev.promptport.Target;
import dev.promptport.Translation;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Extra;
import dev.promptport.tree.Part;
import dev.promptport.tree.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptYamlTest {

    private static final String FILE = """
            name: Ticket triage
            description: Sorts support tickets
            model: openai/gpt-4o-mini
            modelParameters:
              temperature: 0.2
              max_tokens: 200
            messages:
              - role: system
                content: |
                  <rules>
                  Answer with one label.
                  </rules>
              - role: user
                content: "Ticket: {{ticket}}"
              - role: assistant
                content: "Label:"
            testData:
              - ticket: My invoice is wrong
                expected: billing
            """;

    @Test
    void messagesSettingsAndOtherKeysAreRead() {
        Conversation c = PromptYaml.read(FILE, Limits.DEFAULTS);
        assertThat(((Part.Text) c.system().get(0)).text()).isEqualTo("<rules>\nAnswer with one label.\n</rules>\n");
        assertThat(c.turns()).extracting(t -> t.role()).containsExactly(Role.USER, Role.ASSISTANT);
        assertThat(c.generation().maxTokens()).isEqualTo(200);
        assertThat(c.generation().temperature()).isEqualTo(0.2);
        assertThat(c.model()).isEqualTo("openai/gpt-4o-mini");
        assertThat(c.extras()).extracting(Extra::name).containsExactly("name", "description", "testData");
    }

    @Test
    void eachMessageIsLocatedWhereItsTextStarts() {
        Conversation c = PromptYaml.read(FILE, Limits.DEFAULTS);
        // a | block's text starts on the line below the indicator; a quoted one on its own line
        assertThat(c.system().get(0).loc().line()).isEqualTo(10);
        assertThat(c.turns().get(0).loc().line()).isEqualTo(14);
        assertThat(c.turns().get(1).loc().line()).isEqualTo(16);
    }

    @Test
    void aFileWithoutSettingsLeavesThemUnset() {
        Conversation c = PromptYaml.read("messages:\n  - role: system\n    content: Sort tickets.\n", Limits.DEFAULTS);
        assertThat(c.generation().maxTokens()).isNull();
        assertThat(c.generation().temperature()).isNull();
        assertThat(c.model()).isNull();
    }

    @Test
    void brokenFilesAreClearErrorsWithALine() {
        assertThatThrownBy(() -> PromptYaml.read("messages: [\n", Limits.DEFAULTS))
                .isInstanceOf(PromptPortException.class).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> PromptYaml.read("model: x\n", Limits.DEFAULTS))
                .isInstanceOf(PromptPortException.class).hasMessageContaining("no \"messages\" list");
        assertThatThrownBy(() -> PromptYaml.read("messages:\n  - role: robot\n    content: hi\n", Limits.DEFAULTS))
                .isInstanceOf(PromptPortException.class).hasMessageContaining("role \"robot\"");
    }

    @Test
    void aYamlErrorSaysWhatIsWrongOnOneLineAndPointsAtTheLineAndColumn() {
        assertThatThrownBy(() -> PromptYaml.read("name: x\n  bad: : yaml\n", Limits.DEFAULTS))
                .isInstanceOf(PromptPortException.class)
                .hasMessage("not valid YAML: mapping values are not allowed here")
                .satisfies(e -> assertThat(((PromptPortException) e).location().display()).isEqualTo("2:6"));
        assertThatThrownBy(() -> PromptYaml.read("messages: [\n", Limits.DEFAULTS))
                .hasMessageNotContaining("\n")
                .hasMessage("not valid YAML: while parsing a flow node; expected the node content, but found '<stream end>'");
    }

    @Test
    void everyTruncationOfAFileReadsOrFailsWithAPromptPortError() {
        for (int end = 0; end <= FILE.length(); end++) {
            String cut = FILE.substring(0, end);
            try {
                PromptYaml.read(cut, Limits.DEFAULTS);
            } catch (PromptPortException expected) {
                assertThat(expected.location().hasPosition()).as("a position for %s", cut).isTrue();
            }
        }
    }

    @Test
    void translatedBackIntoTheSameFormatKeepsEverythingButTheModel() throws Exception {
        Translation t = PromptPort.translate(Prompt.ofFile("triage.prompt.yml", FILE), Target.of("openai:gpt-4o"),
                Options.DEFAULT.withPromptFile(true));
        JsonNode out = new ObjectMapper(new YAMLFactory()).readTree(t.output());
        assertThat(out.path("model").asText()).isEqualTo("openai/gpt-4o");
        assertThat(out.path("name").asText()).isEqualTo("Ticket triage");
        assertThat(out.at("/modelParameters/max_tokens").asInt()).isEqualTo(200);
        assertThat(out.at("/messages/0/content").asText()).startsWith("# Rules");
        // the closing assistant message is a prefill, which OpenAI's models take as an instruction
        assertThat(out.path("messages")).hasSize(2);
        assertThat(out.at("/messages/1/content").asText()).contains("Label:");
        assertThat(out.at("/testData/0/expected").asText()).isEqualTo("billing");
        assertThat(t.findings()).extracting(f -> f.id()).contains("PP101", "PP107", "PP139");
    }
}
