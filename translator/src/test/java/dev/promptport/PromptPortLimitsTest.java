package dev.promptport;

import dev.promptport.LimitExceededException.Limit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The limits as a library caller meets them: through {@link Options#limits()}. */
class PromptPortLimitsTest {

    private static final Target GPT_4O = Target.of("openai:gpt-4o");

    private static Options limits(Limits l) {
        return Options.DEFAULT.withLimits(l);
    }

    /** A request whose JSON nests {@code depth} levels deep, the top-level object counting as one. */
    private static final String NESTED_HEAD = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"metadata_x\":";

    private static String requestNested(int depth) {
        int arrays = depth - 1;
        return NESTED_HEAD + "[".repeat(arrays) + "]".repeat(arrays) + "}";
    }

    private static String requestSaying(String text) {
        return "{\"messages\":[{\"role\":\"user\",\"content\":\"" + text.replace("\n", "\\n") + "\"}]}";
    }

    private static LimitExceededException refused(Runnable call) {
        return catchThrowableOfType(LimitExceededException.class, call::run);
    }

    @Test
    void aRequestExactlyAtTheSizeLimitIsTranslatedAndOneCharacterMoreIsRefused() {
        String request = requestSaying("Hi");
        Options fits = limits(Limits.DEFAULTS.withMaxInputBytes(request.length()));
        assertThat(PromptPort.translate(request, GPT_4O, fits).json()).contains("gpt-4o");

        LimitExceededException e = refused(() -> PromptPort.translate(request,
                GPT_4O, limits(Limits.DEFAULTS.withMaxInputBytes(request.length() - 1))));
        assertThat(e.limit()).isEqualTo(Limit.INPUT_SIZE);
        assertThat(e.actual()).hasValue(request.length());
        assertThat(e.getMessage()).contains("is " + request.length() + " characters").contains("input size limit")
                .contains("--max-input-mb");
    }

    @Test
    void aPromptOverTheSizeLimitIsRefusedInEveryFlavour() {
        String text = "Be brief.";
        Options tight = limits(Limits.DEFAULTS.withMaxInputBytes(text.length() - 1));
        assertThat(refused(() -> PromptPort.translate(Prompt.system(text), GPT_4O, tight)).limit()).isEqualTo(Limit.INPUT_SIZE);
        String dotprompt = "---\nmodel: x\n---\n" + text;
        assertThat(refused(() -> PromptPort.translate(Prompt.dotprompt(dotprompt), GPT_4O, tight)).limit())
                .isEqualTo(Limit.INPUT_SIZE);
        assertThat(PromptPort.translate(Prompt.system(text), GPT_4O, limits(Limits.DEFAULTS.withMaxInputBytes(text.length())))
                .text()).isEqualTo(text);
    }

    @Test
    void jsonExactlyAtTheDepthLimitIsTranslatedAndOneLevelDeeperIsRefusedWithItsPosition() {
        Options ten = limits(Limits.DEFAULTS.withMaxJsonDepth(10));
        assertThat(PromptPort.translate(requestNested(10), GPT_4O, ten).json()).isNotNull();

        LimitExceededException e = refused(() -> PromptPort.translate(requestNested(11), GPT_4O, ten));
        assertThat(e.limit()).isEqualTo(Limit.JSON_DEPTH);
        assertThat(e.value()).isEqualTo(10);
        assertThat(e.getMessage()).isEqualTo("the JSON nests deeper than the JSON depth limit (10); raise it with --max-json-depth");
        assertThat(e.location().line()).isEqualTo(1);
        assertThat(e.location().column()).isGreaterThan(NESTED_HEAD.length());
    }

    @Test
    void theDefaultJsonDepthRefusesWhatARaisedOneAccepts() {
        String deep = requestNested(300);
        assertThat(refused(() -> PromptPort.translate(deep, GPT_4O)).limit()).isEqualTo(Limit.JSON_DEPTH);
        assertThat(PromptPort.translate(deep, GPT_4O, limits(Limits.DEFAULTS.withMaxJsonDepth(300))).json()).isNotNull();
    }

    @Test
    void theJsonDepthLimitHoldsForEveryRequestFormat() {
        Options ten = limits(Limits.DEFAULTS.withMaxJsonDepth(10));
        String nest = "[".repeat(10) + "]".repeat(10);
        String chat = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"x\":" + nest + "}";
        String responses = "{\"input\":\"Hi\",\"x\":" + nest + "}";
        String gemini = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hi\"}]}],\"x\":" + nest + "}";
        assertThat(refused(() -> PromptPort.translate(chat, InputFormat.OPENAI_CHAT, GPT_4O, ten)).limit()).isEqualTo(Limit.JSON_DEPTH);
        assertThat(refused(() -> PromptPort.translate(responses, InputFormat.OPENAI_RESPONSES, GPT_4O, ten)).limit())
                .isEqualTo(Limit.JSON_DEPTH);
        assertThat(refused(() -> PromptPort.translate(gemini, InputFormat.GEMINI, GPT_4O, ten)).location().line()).isEqualTo(1);
        Options eleven = limits(Limits.DEFAULTS.withMaxJsonDepth(11));
        assertThat(PromptPort.translate(chat, InputFormat.OPENAI_CHAT, GPT_4O, eleven).json()).isNotNull();
        assertThat(PromptPort.translate(gemini, InputFormat.GEMINI, GPT_4O, eleven).json()).isNotNull();
    }

    @Test
    void tagsTooDeepInARequestAreRefusedAtTheirPointerLineAndColumn() {
        String text = "Intro.\n" + "<a>".repeat(4) + "x" + "</a>".repeat(4);
        String request = requestSaying(text);
        Options three = limits(Limits.DEFAULTS.withMaxTagDepth(3));
        LimitExceededException e = refused(() -> PromptPort.translate(request, GPT_4O, three));
        assertThat(e.limit()).isEqualTo(Limit.TAG_DEPTH);
        assertThat(e.location().display()).isEqualTo("/messages/0/content:2:10");
        assertThat(e.describe()).isEqualTo("/messages/0/content:2:10: the tags nest deeper than the tag depth limit (3);"
                + " raise it with --max-tag-depth");
        assertThat(PromptPort.translate(request, GPT_4O, limits(Limits.DEFAULTS.withMaxTagDepth(4))).json()).isNotNull();
    }

    @Test
    void tooManyTagsInAPromptFileAreRefusedAtTheFirstTagOverTheLimit() {
        String text = "<a>1</a>\n<b>2</b>\n<c>3</c>\n";
        LimitExceededException e = refused(() -> PromptPort.translate(Prompt.system(text), GPT_4O,
                limits(Limits.DEFAULTS.withMaxTags(5))));
        assertThat(e.limit()).isEqualTo(Limit.TAG_COUNT);
        assertThat(e.actual()).hasValue(6);
        assertThat(e.location().display()).isEqualTo("3:5");
        assertThat(PromptPort.translate(Prompt.system(text), GPT_4O, limits(Limits.DEFAULTS.withMaxTags(6))).text())
                .isNotEmpty();
    }

    @Test
    void aRaisedTagDepthHoldsThroughTheRewriteOfTheSectionsBesideTheDeepOnes() {
        String text = "<context>\nWe sell shoes.\n</context>\n" + "<a>".repeat(600) + "x" + "</a>".repeat(600)
                + "\n<instructions>\nBe kind.\n</instructions>\n";
        assertThat(refused(() -> PromptPort.translate(Prompt.system(text), GPT_4O)).location().display()).isEqualTo("4:1537");
        Translation t = PromptPort.translate(Prompt.system(text), GPT_4O, limits(Limits.DEFAULTS.withMaxTagDepth(600)));
        assertThat(t.text()).contains("# Context").contains("# Instructions").contains("<a>".repeat(600));
    }

    @Test
    void aLimitHitInAnAuditIsAProblemOfThatInputOnly() {
        var result = Audit.run(java.util.List.of(
                        new Audit.Input("deep.txt", "<a><a>x</a></a>", false),
                        new Audit.Input("fine.txt", "<a>x</a>", false)),
                java.util.List.of(GPT_4O), limits(Limits.DEFAULTS.withMaxTagDepth(1)));
        assertThat(result.files()).extracting(f -> f.path()).containsExactly("fine.txt");
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("deep.txt");
            assertThat(p.where()).isEqualTo("1:4");
            assertThat(p.message()).contains("tag depth limit (1)").contains("--max-tag-depth");
        });
    }

    /** A schema the request's own raised limit let through, deeper than Gemini's conversion walks: an input error. */
    @Test
    void aToolSchemaTooDeepForGeminisConversionIsAnInputErrorNotAFailure() {
        String schema = "{\"type\":\"object\",\"properties\":{\"a\":".repeat(600) + "{}" + "}}".repeat(600);
        String request = "{\"model\":\"m\",\"max_tokens\":5,\"tools\":[{\"name\":\"t\",\"input_schema\":" + schema
                + "}],\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        assertThatThrownBy(() -> PromptPort.translate(request, InputFormat.ANTHROPIC, Target.of("gemini:gemini-2.5-flash"),
                limits(Limits.DEFAULTS.withMaxJsonDepth(5000))))
                .isInstanceOf(PromptPortException.class).hasMessageContaining("flatten the schema")
                .hasMessageNotContaining("please report it");
    }

    @Test
    void anAuditInputWhosePathNoFileSystemTakesIsStillAudited() {
        var result = Audit.run(java.util.List.of(new Audit.Input("prompts/a\u0000.md", "<a>x</a>", false)),
                java.util.List.of(GPT_4O), Options.DEFAULT);
        assertThat(result.files()).hasSize(1);
    }

    @Test
    void theLibraryStillThrowsOnlyPromptPortException() {
        assertThatThrownBy(() -> PromptPort.translate(requestNested(10_000), GPT_4O))
                .isInstanceOf(PromptPortException.class).isInstanceOf(LimitExceededException.class);
    }
}
