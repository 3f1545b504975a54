package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.promptport.Finding;
import dev.promptport.InputFormat;
import dev.promptport.Options;
import dev.promptport.Prompt;
import dev.promptport.PromptPort;
import dev.promptport.Target;
import dev.promptport.Translation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every rule in the pack has an example, {@code rules/examples/<ID>.yaml}: a {@code trigger}
 * input that makes the rule report a finding, and a {@code clean} input, the same with the
 * problem fixed, for which it must not. Two tests per rule, one per side.
 *
 * <pre>
 * # PP111: top_k cannot be sent to the target
 * target: openai:gpt-4o
 * kind: request              # or prompt: the whole text is the system prompt; or dotprompt, prompty: such a file
 * from: openai-chat           # optional: the request's format, when it is not Anthropic's
 * write_back: true            # optional: a dotprompt or prompty file is written back as such a file
 * clean_target: openai:o3     # optional: the clean side's target, for a rule the target itself triggers
 * trigger: |
 *   { ... }
 * clean: |
 *   { ... }
 * </pre>
 *
 * A rule that no built-in target can trigger has {@code trigger: null} and a
 * {@code why_no_trigger} sentence instead; its clean side is still checked.
 */
class RuleExamplesTest {

    private static final Set<String> KEYS = Set.of("target", "clean_target", "kind", "from", "write_back", "trigger",
            "clean", "why_no_trigger");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static Path examples() {
        return Path.of(System.getProperty("promptport.root", ".."), "rules", "examples");
    }

    @TestFactory
    Stream<DynamicTest> everyRuleHasAnExampleThatTriggersItAndACleanOneThatDoesNot() {
        List<DynamicTest> tests = new ArrayList<>();
        for (RuleInfo rule : Catalogue.builtIn().rules()) {
            tests.add(DynamicTest.dynamicTest(rule.id() + " trigger", () -> checkTrigger(rule)));
            tests.add(DynamicTest.dynamicTest(rule.id() + " clean", () -> checkClean(rule)));
        }
        tests.add(DynamicTest.dynamicTest("no example for a rule that is not in the pack", RuleExamplesTest::noStrayExamples));
        return tests.stream();
    }

    private static void checkTrigger(RuleInfo rule) {
        Example ex = Example.load(rule);
        if (ex.trigger == null) {
            assertThat(ex.whyNoTrigger)
                    .as("%s: trigger: null needs why_no_trigger, one sentence saying why no built-in target can trigger it", ex.file)
                    .isNotBlank();
            return;
        }
        assertThat(ex.whyNoTrigger)
                .as("%s: why_no_trigger is only for an example whose trigger is null", ex.file)
                .isNull();
        assertThat(rule.appliesTo(ex.target))
                .as("%s: %s does not apply to %s (targets %s)", ex.file, rule.id(), ex.target.id(), rule.targets())
                .isTrue();
        List<String> ids = ids(ex.translate(ex.trigger, "trigger"));
        assertThat(ids)
                .as("%s: the trigger side must make %s report a finding for %s", ex.file, rule.id(), ex.target.id())
                .contains(rule.id());
    }

    private static void checkClean(RuleInfo rule) {
        Example ex = Example.load(rule);
        assertThat(ex.clean).as("%s: every example needs a clean side", ex.file).isNotNull();
        List<String> ids = ids(ex.translate(ex.clean, "clean"));
        assertThat(ids)
                .as("%s: the clean side must not make %s report a finding for %s", ex.file, rule.id(), ex.cleanTarget.id())
                .doesNotContain(rule.id());
    }

    private static void noStrayExamples() throws IOException {
        Set<String> known = Catalogue.builtIn().rules().stream().map(RuleInfo::id).collect(Collectors.toSet());
        if (!Files.isDirectory(examples())) {
            return;
        }
        try (Stream<Path> files = Files.list(examples())) {
            List<String> stray = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !known.contains(n.substring(0, n.length() - ".yaml".length())))
                    .sorted()
                    .toList();
            assertThat(stray).as("examples in %s for rules that rules/pack.yaml does not define", examples()).isEmpty();
        }
    }

    private static List<String> ids(Translation t) {
        return t.findings().stream().map(Finding::id).toList();
    }

    /** One example file, read and checked for its shape. */
    private static final class Example {
        final String file;
        final Target target;
        final Target cleanTarget;
        final String kind;
        final boolean writeBack;
        final String trigger;
        final String clean;
        final String whyNoTrigger;
        final InputFormat from;

        private Example(String file, Target target, Target cleanTarget, String kind, boolean writeBack, InputFormat from,
                        String trigger, String clean, String whyNoTrigger) {
            this.from = from;
            this.file = file;
            this.target = target;
            this.cleanTarget = cleanTarget;
            this.kind = kind;
            this.writeBack = writeBack;
            this.trigger = trigger;
            this.clean = clean;
            this.whyNoTrigger = whyNoTrigger;
        }

        static Example load(RuleInfo rule) {
            Path path = examples().resolve(rule.id() + ".yaml");
            String file = "rules/examples/" + rule.id() + ".yaml";
            if (!Files.isRegularFile(path)) {
                fail("every rule needs rules/examples/" + rule.id() + ".yaml (looked for " + path.toAbsolutePath().normalize() + ")");
            }
            String text;
            JsonNode root;
            try {
                text = Files.readString(path, StandardCharsets.UTF_8);
                root = YAML.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot be read as YAML", e);
            }
            String header = "# " + rule.id() + ": " + rule.title();
            assertThat(text.lines().findFirst().orElse(""))
                    .as("%s: the first line names the rule and its title from rules/pack.yaml", file)
                    .isEqualTo(header);
            assertThat(root != null && root.isObject()).as("%s: a YAML mapping", file).isTrue();
            for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                assertThat(KEYS).as("%s: unknown key %s", file, key).contains(key);
            }
            String kind = string(root, "kind");
            assertThat(kind).as("%s: kind is prompt, request, dotprompt or prompty", file)
                    .isIn("prompt", "request", "dotprompt", "prompty");
            boolean writeBack = root.path("write_back").asBoolean(false);
            assertThat(!writeBack || kind.equals("dotprompt") || kind.equals("prompty"))
                    .as("%s: write_back is for a dotprompt or prompty file", file).isTrue();
            String targetSpec = string(root, "target");
            assertThat(targetSpec).as("%s: target", file).isNotBlank();
            String from = string(root, "from");
            String cleanSpec = string(root, "clean_target");
            return new Example(file, Target.of(targetSpec), Target.of(cleanSpec == null ? targetSpec : cleanSpec), kind,
                    writeBack,
                    from == null ? InputFormat.ANTHROPIC : InputFormat.parse(from),
                    string(root, "trigger"), string(root, "clean"), string(root, "why_no_trigger"));
        }

        Translation translate(String input, String side) {
            Target target = "clean".equals(side) ? cleanTarget : this.target;
            try {
                Options file = Options.DEFAULT.withPromptFile(writeBack);
                return switch (kind) {
                    case "request" -> PromptPort.translate(input, from, target, Options.DEFAULT);
                    case "dotprompt" -> PromptPort.translate(Prompt.dotprompt(input), target, file);
                    case "prompty" -> PromptPort.translate(Prompt.prompty(input), target, file);
                    default -> PromptPort.translate(Prompt.system(input), target);
                };
            } catch (RuntimeException e) {
                throw new AssertionError(file + ": the " + side + " side cannot be translated: " + e.getMessage(), e);
            }
        }

        private static String string(JsonNode root, String key) {
            JsonNode n = root.get(key);
            return n == null || n.isNull() ? null : n.asText();
        }
    }
}
