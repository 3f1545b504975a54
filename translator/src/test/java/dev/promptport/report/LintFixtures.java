package dev.promptport.report;

import dev.promptport.Prompt;
import dev.promptport.PromptPort;
import dev.promptport.Target;
import dev.promptport.Translation;
import dev.promptport.risk.Risk;

import java.util.ArrayList;
import java.util.List;

/** Lint runs built by the real library, so the reports are tested on the findings it really makes. */
final class LintFixtures {

    static final Target GPT_4O = Target.of("openai:gpt-4o");
    static final Target O3 = Target.of("openai:o3");

    /** An unclosed tag: PP104 at 1:1. */
    static final String UNCLOSED_PROMPT = "<style>\nBe brief.\n";

    /**
     * top_k (PP111 at /top_k) and a prefill (PP107 at /messages/1), one member per line; for o3 the
     * output limit also grows to leave room for its reasoning (PP207 at /max_tokens).
     */
    static final String REQUEST = """
            {
              "model": "claude-sonnet-4-5",
              "max_tokens": 200,
              "top_k": 5,
              "messages": [
                {"role": "user", "content": "List three colours as JSON."},
                {"role": "assistant", "content": "{"}
              ]
            }
            """;

    private LintFixtures() {
    }

    static FileResult prompt(String path, String text, Target... targets) {
        List<TargetResult> results = new ArrayList<>();
        for (Target t : targets) {
            results.add(result(PromptPort.translate(Prompt.system(text), t)));
        }
        return new FileResult(path, "prompt", text, results);
    }

    static FileResult request(String path, String json, Target... targets) {
        List<TargetResult> results = new ArrayList<>();
        for (Target t : targets) {
            results.add(result(PromptPort.translate(json, t)));
        }
        return new FileResult(path, "request", json, results);
    }

    static TargetResult result(Translation t) {
        return new TargetResult(t.target(), Risk.of(t.findings()), t.findings(), t.output());
    }

    static AuditResult run(List<Target> targets, List<InputProblem> problems, FileResult... files) {
        return new AuditResult(targets, List.of(files), problems);
    }

    /** The standard run: one prompt and one request for gpt-4o and o3, plus one clean file. */
    static AuditResult standard() {
        return run(List.of(GPT_4O, O3), List.of(),
                prompt("prompts/style.md", UNCLOSED_PROMPT, GPT_4O, O3),
                request("requests/prefill.json", REQUEST, GPT_4O, O3),
                prompt("prompts/clean.txt", "Answer in one sentence.\n", GPT_4O, O3));
    }
}
