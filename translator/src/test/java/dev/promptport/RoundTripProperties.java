package dev.promptport;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;



/**
 * Anthropic → another vendor → Anthropic keeps every text, tool call and tool result, in
 * order. Prose may change shape on the way (tags become headings and headings tags again),
 * so texts are compared by their atoms: the words between tags and line breaks.
 */
class RoundTripProperties {

    private static final Target CLAUDE = Target.of("anthropic:claude-sonnet-4-5");

    @Property(tries = 200)
    void viaOpenAiChatNothingIsLostOrReordered(@ForAll("requests") TranslateProperties.Generated req) {
        Translation there = PromptPort.translate(req.json(), Target.of("openai:gpt-4o"));
        Translation back = PromptPort.translate(there.json(), InputFormat.OPENAI_CHAT, CLAUDE, Options.DEFAULT);
        assertSameContent(req.json(), back.json());
    }

    @Property(tries = 200)
    void viaGeminiNothingIsLostOrReordered(@ForAll("requests") TranslateProperties.Generated req) {
        Translation there = PromptPort.translate(req.json(), Target.of("gemini:gemini-2.5-pro"));
        Translation back = PromptPort.translate(there.json(), InputFormat.GEMINI, CLAUDE, Options.DEFAULT);
        assertSameContent(req.json(), back.json());
    }

    @Property(tries = 200)
    void viaOpenAiResponsesNothingIsLostOrReordered(@ForAll("requests") TranslateProperties.Generated req) {
        Translation there = PromptPort.translate(req.json(), Target.of("openai-responses:gpt-4o"));
        Translation back = PromptPort.translate(there.json(), InputFormat.OPENAI_RESPONSES, CLAUDE, Options.DEFAULT);
        assertSameContent(req.json(), back.json());
    }

    @Provide
    Arbitrary<TranslateProperties.Generated> requests() {
        return TranslateProperties.requestArbitrary();
    }

    static void assertSameContent(String original, String roundTrip) {
        RoundTripAssertions.assertSameContent(original, roundTrip);
    }
}
