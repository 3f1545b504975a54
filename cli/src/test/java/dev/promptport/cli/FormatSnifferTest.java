package dev.promptport.cli;

import dev.promptport.InputFormat;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatSnifferTest {

    @Test
    void eachVendorsRequestIsToldFromItsShape() {
        assertThat(FormatSniffer.detect("{\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .isEqualTo(InputFormat.ANTHROPIC);
        assertThat(FormatSniffer.detect("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]}"))
                .isEqualTo(InputFormat.GEMINI);
        assertThat(FormatSniffer.detect("{\"model\":\"gpt-5\",\"input\":\"hi\"}")).isEqualTo(InputFormat.OPENAI_RESPONSES);
        assertThat(FormatSniffer.detect("[{\"role\":\"user\",\"content\":\"hi\"}]")).isEqualTo(InputFormat.OPENAI_CHAT);
        assertThat(FormatSniffer.detect("[{\"name\":\"f\",\"input_schema\":{\"type\":\"object\"}}]")).isEqualTo(InputFormat.TOOLS);
    }

    @Test
    void openAiChatIsToldByItsDeprecatedFunctionsAndItsCustomToolsToo() {
        assertThat(FormatSniffer.detect("{\"functions\":[{\"name\":\"f\",\"parameters\":{}}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")).isEqualTo(InputFormat.OPENAI_CHAT);
        assertThat(FormatSniffer.detect("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},"
                + "{\"role\":\"assistant\",\"function_call\":{\"name\":\"f\",\"arguments\":\"{}\"}},"
                + "{\"role\":\"function\",\"name\":\"f\",\"content\":\"1\"}]}")).isEqualTo(InputFormat.OPENAI_CHAT);
        assertThat(FormatSniffer.detect("{\"tools\":[{\"type\":\"custom\",\"custom\":{\"name\":\"sql\"}}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")).isEqualTo(InputFormat.OPENAI_CHAT);
    }

    @Test
    void aSystemMessageInAClaudeRequestDoesNotMakeItOpenAi() {
        String sys = "{\"role\":\"system\",\"content\":\"French from now on.\"}";
        assertThat(FormatSniffer.detect("{\"system\":\"Be brief.\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},"
                + sys + "]}")).isEqualTo(InputFormat.ANTHROPIC);
        assertThat(FormatSniffer.detect("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10,\"messages\":[" + sys
                + ",{\"role\":\"user\",\"content\":\"hi\"}]}")).isEqualTo(InputFormat.ANTHROPIC);
        assertThat(FormatSniffer.detect("{\"messages\":[" + sys + ",{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\","
                + "\"tool_use_id\":\"t\",\"content\":\"1\"}]}]}")).isEqualTo(InputFormat.ANTHROPIC);
        assertThat(FormatSniffer.detect("{\"tools\":[{\"name\":\"f\",\"input_schema\":{\"type\":\"object\"}}],\"messages\":["
                + sys + ",{\"role\":\"user\",\"content\":\"hi\"}]}")).isEqualTo(InputFormat.ANTHROPIC);
        // without Claude's marks a system message is OpenAI's
        assertThat(FormatSniffer.detect("{\"model\":\"gpt-4o\",\"max_tokens\":10,\"messages\":[" + sys
                + ",{\"role\":\"user\",\"content\":\"hi\"}]}")).isEqualTo(InputFormat.OPENAI_CHAT);
    }
}
