package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The checks a models: entry of .promptport.yaml meets, kept in step with rules/targets.yaml. */
class ModelEntriesTest {

    @Test
    void everyListedModelMeetsTheChecksAUsersModelMeets() throws IOException {
        String text;
        try (InputStream in = ModelEntriesTest.class.getResourceAsStream("/dev/promptport/rules/targets.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        YamlLocations yaml = YamlLocations.read("rules/targets.yaml", text);
        JsonNode models = yaml.root().path("models");
        assertThat(models.size()).isGreaterThan(10);
        for (int i = 0; i < models.size(); i++) {
            int at = i;
            assertThatCode(() -> ModelEntries.check(yaml, "/models/" + at, models.get(at)))
                    .as(models.get(i).path("id").asText()).doesNotThrowAnyException();
        }
    }
}
