package dev.promptport.rules;

import dev.promptport.Finding;
import dev.promptport.InputFormat;
import dev.promptport.Limits;
import dev.promptport.Options;
import dev.promptport.PromptPort;
import dev.promptport.Target;
import dev.promptport.read.PromptFileReader;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.TextMemo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The tag and pattern rules' hits in a long text are searched once and reported in every request that carries it. */
class RuleEngineMemoTest {

    private static final String PROMPT = "Hello {{customer_name}}, think step by step.\n"
            + "Answer the question politely and briefly.\n".repeat(12)
            + "<context>\nWe sell widgets.\n</context>\n<rules>\nNever guess.\n";

    private static String request(String system, String user) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"system\":\"" + json(system)
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + json(user) + "\"}]}";
    }

    private static String json(String text) {
        return text.replace("\n", "\\n");
    }

    @Test
    void aRememberedTextsHitsAreLocatedWhereEachRequestCarriesIt() {
        Options memo = Options.DEFAULT.withMemo(new TextMemo(16));
        Target gpt = Target.of("openai:gpt-4o");
        // the same text as the system prompt, then as the user's message: other rules, other pointers
        for (String request : List.of(request(PROMPT, "Hi"), request("Be brief.", PROMPT), request(PROMPT, "Hi"),
                request("Be brief.", PROMPT))) {
            List<Finding> remembered = PromptPort.translate(request, InputFormat.ANTHROPIC, gpt, memo).findings();
            List<Finding> fresh = PromptPort.translate(request, gpt).findings();
            assertThat(remembered).isEqualTo(fresh);
            assertThat(remembered).extracting(Finding::id).contains("PP139");
        }
    }

    @Test
    void eachTargetKeepsItsOwnRuleHitsForOneText() {
        Options memo = Options.DEFAULT.withMemo(new TextMemo(16));
        for (int round = 0; round < 2; round++) {
            for (String target : List.of("openai:gpt-4o", "openai:o3", "gemini:gemini-2.5-pro")) {
                Target t = Target.of(target);
                String request = request(PROMPT, "Hi");
                assertThat(PromptPort.translate(request, InputFormat.ANTHROPIC, t, memo).findings())
                        .as(target).isEqualTo(PromptPort.translate(request, t).findings());
            }
        }
    }

    @Test
    void aRememberedTextCostsNothingAgainstTheRuleTimeLimit() {
        String large = "Fill in {{name}}.\n" + "Plain prose without anything to find. ".repeat(3_000);
        Conversation prompt = PromptFileReader.read(large, null);
        TextMemo memo = new TextMemo(16);
        RuleEngine.check(prompt, new StepContext(Target.of("openai:gpt-4o"), RuleSet.builtIn(), Style.AUTO,
                Limits.DEFAULTS, memo));

        // a clock on which every reading is past the budget: a search would now be stopped
        AtomicInteger readings = new AtomicInteger();
        long late = TimeUnit.MILLISECONDS.toNanos(6);
        StepContext again = new StepContext(Target.of("openai:gpt-4o"), RuleSet.builtIn(), Style.AUTO,
                Limits.DEFAULTS.withMaxRuleMillis(5), memo);
        RuleEngine.check(prompt, again, () -> readings.getAndIncrement() == 0 ? 0 : late);
        assertThat(readings.get()).isEqualTo(1);
        assertThat(again.sink().findings()).anyMatch(f -> f.id().equals("PP139"));
    }
}
