package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Says what Claude's {@code container} setting asked for, for the finding that names its loss:
 * a container id the request reuses (a string, or an object's {@code id}), and the Agent
 * Skills an object loads into it.
 *
 * @param opening the sentence's start: "The request reuses … container "c1" …"
 * @param lost what the model goes without on the target
 */
record ContainerSetting(String opening, String lost) {

    private static final String STATE = "the files and state left in it by earlier turns are not available";

    static ContainerSetting of(String json) {
        JsonNode v = RawTrees.parse(json);
        String id = v == null ? Snippets.oneLine(json) : v.isTextual() ? v.asText()
                : v.path("id").isTextual() ? v.path("id").asText() : null;
        List<String> skills = new ArrayList<>();
        if (v != null) {
            for (JsonNode s : v.path("skills")) {
                skills.add(skill(s));
            }
        }
        String loaded = skills.isEmpty() ? "" : (skills.size() == 1 ? "the Agent Skill " : "the Agent Skills ")
                + Snippets.oneLine(NameList.of(skills));
        if (id == null) {
            return new ContainerSetting(skills.isEmpty()
                    ? "The request sets Anthropic's code-execution container (" + Snippets.oneLine(json) + ")"
                    : "The request loads " + loaded + " into Anthropic's code-execution container",
                    skills.isEmpty() ? "the setting was dropped" : "the model cannot use " + (skills.size() == 1 ? "it" : "them"));
        }
        String reuses = "The request reuses Anthropic's code-execution container \"" + Snippets.oneLine(id) + "\"";
        return skills.isEmpty() ? new ContainerSetting(reuses, STATE)
                : new ContainerSetting(reuses + " with " + loaded, STATE + ", nor " + (skills.size() == 1 ? "is the skill" : "are the skills"));
    }

    /** {@code "pptx" (anthropic, version latest)}: the id, whose skill it is, and its version when given. */
    private static String skill(JsonNode s) {
        String id = s.path("skill_id").asText(s.isTextual() ? s.asText() : "");
        String type = s.path("type").asText("");
        String version = s.path("version").isValueNode() ? s.path("version").asText() : "";
        String detail = type.isEmpty() ? "" : type;
        if (!version.isEmpty()) {
            detail += (detail.isEmpty() ? "" : ", ") + "version " + version;
        }
        return "\"" + id + "\"" + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
