package dev.promptport.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptport.PromptPortException;
import dev.promptport.tree.Loc;
import dev.promptport.tree.OutputFormat;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutputFormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Loc AT = Loc.pointer("/response_format");

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void chatJsonSchemaKeepsNameStrictnessAndSchema() throws Exception {
        OutputFormat f = OutputFormats.chat(json("""
                {"type":"json_schema","json_schema":{"name":"place","strict":true,"schema":{"type":"object"}}}"""), AT);
        assertThat(f.name()).isEqualTo("place");
        assertThat(f.strict()).isTrue();
        assertThat(f.schema().json()).isEqualTo("{\"type\":\"object\"}");
        assertThat(f.loc().pointer()).isEqualTo("/response_format/json_schema");
    }

    @Test
    void textIsNoFormatAndJsonObjectIsJsonMode() throws Exception {
        assertThat(OutputFormats.chat(json("{\"type\":\"text\"}"), AT)).isNull();
        assertThat(OutputFormats.chat(json("{\"type\":\"json_object\"}"), AT).jsonMode()).isTrue();
        assertThat(OutputFormats.responses(json("{\"format\":{\"type\":\"json_object\"}}"), Loc.pointer("/text"))
                .jsonMode()).isTrue();
    }

    @Test
    void anUnknownTypeOrAMissingSchemaIsAClearError() throws Exception {
        assertThatThrownBy(() -> OutputFormats.chat(json("{\"type\":\"xml\"}"), AT))
                .isInstanceOf(PromptPortException.class).hasMessageContaining("unknown response format type \"xml\"");
        assertThatThrownBy(() -> OutputFormats.chat(json("{\"type\":\"json_schema\"}"), AT))
                .isInstanceOf(PromptPortException.class).hasMessageContaining("needs a \"json_schema\" object");
    }

    @Test
    void geminiSchemaTypesBecomeJsonSchemaTypes() throws Exception {
        OutputFormat f = OutputFormats.gemini(json("""
                {"responseMimeType":"application/json","responseSchema":{"type":"OBJECT",
                 "properties":{"tags":{"type":"ARRAY","items":{"type":"STRING"}}}}}"""), Loc.pointer("/generationConfig"));
        assertThat(json(f.schema().json()).at("/properties/tags/items/type").asText()).isEqualTo("string");
        assertThat(f.loc().pointer()).isEqualTo("/generationConfig/responseSchema");
    }

    @Test
    void geminiPlainTextOrAJsonMimeTypeAloneAreReadAsSuch() throws Exception {
        assertThat(OutputFormats.gemini(json("{\"responseMimeType\":\"text/plain\"}"), Loc.NONE)).isNull();
        assertThat(OutputFormats.gemini(json("{\"responseMimeType\":\"application/json\"}"), Loc.NONE).jsonMode()).isTrue();
    }
}
