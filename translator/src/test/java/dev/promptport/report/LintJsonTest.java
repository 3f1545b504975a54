package dev.promptport.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.promptport.report.LintFixtures.GPT_4O;
import static org.assertj.core.api.Assertions.assertThat;

class LintJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode written(AuditResult r) throws Exception {
        return JSON.readTree(LintJson.write(r));
    }

    @Test
    void oneObjectPerFindingAndTargetWithFieldsInAStableOrder() throws Exception {
        JsonNode out = written(LintFixtures.standard());
        assertThat(out.isArray()).isTrue();
        assertThat(out).hasSize(9); // PP104 ×2 targets, PP107, PP111, PP116 ×2 targets, PP207 for o3
        List<String> fields = new ArrayList<>();
        out.get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("path", "line", "column", "target", "id", "severity", "feature",
                "message", "fix", "location");
    }

    @Test
    void requestFindingCarriesTheFilePositionAndItsJsonPointer() throws Exception {
        JsonNode out = written(LintFixtures.standard());
        JsonNode topK = null;
        for (JsonNode n : out) {
            if (n.get("id").asText().equals("PP111") && n.get("target").asText().equals(GPT_4O.id())) {
                topK = n;
            }
        }
        assertThat(topK).isNotNull();
        assertThat(topK.get("path").asText()).isEqualTo("requests/prefill.json");
        assertThat(topK.get("line").asInt()).isEqualTo(4);
        assertThat(topK.get("column").asInt()).isEqualTo(12);
        assertThat(topK.get("severity").asText()).isEqualTo("low");
        assertThat(topK.get("feature").asText()).isEqualTo("top_k");
        assertThat(topK.get("location").get("pointer").asText()).isEqualTo("/top_k");
    }

    @Test
    void promptFindingLocationIsItsLineAndColumn() throws Exception {
        JsonNode first = written(LintFixtures.standard()).get(0);
        assertThat(first.get("path").asText()).isEqualTo("prompts/style.md");
        assertThat(first.get("id").asText()).isEqualTo("PP104");
        assertThat(first.get("location").toString()).isEqualTo("{\"line\":1,\"column\":1}");
    }

    @Test
    void orderFollowsTheTextOutputAndIsTheSameEveryRun() throws Exception {
        AuditResult r = LintFixtures.standard();
        List<String> places = new ArrayList<>();
        for (JsonNode n : written(r)) {
            places.add(n.get("path").asText() + ":" + n.get("line").asInt() + ":" + n.get("id").asText());
        }
        assertThat(places).isSorted();
        assertThat(LintJson.write(r)).isEqualTo(LintJson.write(LintFixtures.standard()));
    }

    @Test
    void cleanRunIsAnEmptyArray() throws Exception {
        AuditResult clean = LintFixtures.run(List.of(GPT_4O), List.of(),
                LintFixtures.prompt("a.txt", "Answer briefly.\n", GPT_4O));
        assertThat(written(clean)).isEmpty();
    }
}
