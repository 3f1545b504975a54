package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptport.tree.Part;
import dev.promptport.tree.RawJson;

/**
 * Claude's Python code execution in the history (a {@code server_tool_use} named
 * {@code code_execution} and its {@code code_execution_tool_result}) as Gemini's own
 * {@code executableCode} and {@code codeExecutionResult} parts, so Gemini, whose code execution
 * the request turns on, sees the code that ran and what it printed. The bash and file-editing
 * runs of the newer tool are not Python and stay out (PP164).
 */
final class GeminiCodeRuns {

    private GeminiCodeRuns() {
    }

    /** The Gemini part {@code o} becomes, or {@code null} when it is not such a block. */
    static Part.Opaque of(Part.Opaque o) {
        if (!o.wire().equals("anthropic")
                || !o.type().equals("server_tool_use") && !o.type().equals("code_execution_tool_result")) {
            return null;
        }
        JsonNode block = RawTrees.parse(o.raw().json());
        if (block == null) {
            return null;
        }
        ObjectNode part = RawTrees.object();
        if (o.type().equals("server_tool_use")) {
            JsonNode code = block.path("input").path("code");
            if (!block.path("name").asText().equals("code_execution") || !code.isTextual()) {
                return null;
            }
            part.putObject("executableCode").put("language", "PYTHON").put("code", code.asText());
        } else {
            JsonNode result = block.path("content");
            if (!result.path("type").asText().equals("code_execution_result")) {
                return null;
            }
            String stdout = result.path("stdout").asText("");
            String stderr = result.path("stderr").asText("");
            boolean ok = result.path("return_code").asInt(0) == 0;
            part.putObject("codeExecutionResult").put("outcome", ok ? "OUTCOME_OK" : "OUTCOME_FAILED")
                    .put("output", stderr.isEmpty() ? stdout : stdout.isEmpty() ? stderr : stdout + "\n" + stderr);
        }
        return new Part.Opaque(part.fieldNames().next(), new RawJson(part.toString()), o.loc(), "gemini");
    }
}
