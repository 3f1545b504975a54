package dev.promptport.spec;

import com.anthropic.core.ObjectMappers;

import java.util.List;

import static org.assertj.core.api.Assertions.fail;

/**
 * Anthropic publishes no current OpenAPI description, so its official Java SDK is the oracle for
 * requests written for Claude: a request must parse into the SDK's {@code MessageCreateParams}
 * body and pass its {@code validate()} (required fields, block and tool variants, value types).
 * Hosted tools still in beta, such as computer use, exist only in the SDK's beta types, which a
 * request the GA types reject is checked against instead.
 */
public final class ClaudeSdk {

    private ClaudeSdk() {
    }

    /** Fails the test with the SDK's reason when it rejects {@code json}. */
    public static void assertValidRequest(String json) {
        String problem = problem(json);
        if (problem != null) {
            fail("Anthropic's SDK rejects the request: " + problem + "\n" + json);
        }
    }

    /**
     * Fails the test unless {@code json} parses into the SDK's {@code Message} and validates, as
     * a client of Claude reads a reply. As for requests, a reply the GA types refuse is checked
     * against the beta types: the GA {@code server_tool_use} block still validates only web
     * search, while code execution's is in the beta types.
     */
    public static void assertValidMessage(String json) {
        try {
            ObjectMappers.jsonMapper().readValue(json, com.anthropic.models.messages.Message.class).validate();
        } catch (Exception ga) {
            try {
                ObjectMappers.jsonMapper().readValue(json, com.anthropic.models.beta.messages.BetaMessage.class).validate();
            } catch (Exception beta) {
                fail("Anthropic's SDK rejects the reply: " + ga.getMessage() + "\n" + json);
            }
        }
    }

    /**
     * The {@code Message} the SDK's own stream accumulator builds from Anthropic events (each
     * {@code data:} line of {@code events}), validated, as JSON; GA types first, then beta.
     */
    public static String accumulate(java.util.List<String> events) {
        List<String> data = new java.util.ArrayList<>();
        for (String e : events) {
            if (!e.startsWith("event: ping") && !e.startsWith("event: error")) {
                data.add(e.substring(e.indexOf("\ndata: ") + 7).strip());
            }
        }
        try {
            com.anthropic.helpers.MessageAccumulator acc = com.anthropic.helpers.MessageAccumulator.create();
            for (String d : data) {
                acc.accumulate(ObjectMappers.jsonMapper().readValue(d, com.anthropic.models.messages.RawMessageStreamEvent.class));
            }
            return ObjectMappers.jsonMapper().writeValueAsString(acc.message().validate());
        } catch (Exception ga) {
            try {
                com.anthropic.helpers.BetaMessageAccumulator acc = com.anthropic.helpers.BetaMessageAccumulator.create();
                for (String d : data) {
                    acc.accumulate(ObjectMappers.jsonMapper().readValue(d,
                            com.anthropic.models.beta.messages.BetaRawMessageStreamEvent.class));
                }
                return ObjectMappers.jsonMapper().writeValueAsString(acc.message().validate());
            } catch (Exception beta) {
                fail("Anthropic's SDK cannot build a reply from the stream: " + ga + "\n" + events);
                return null;
            }
        }
    }

    /** Why the SDK rejects {@code json} (its GA types' reason), or {@code null} when it accepts it. */
    public static String problem(String json) {
        try {
            ObjectMappers.jsonMapper().readValue(json, com.anthropic.models.messages.MessageCreateParams.Body.class)
                    .validate();
            return null;
        } catch (Exception ga) {
            try {
                ObjectMappers.jsonMapper().readValue(json, com.anthropic.models.beta.messages.MessageCreateParams.Body.class)
                        .validate();
                return null;
            } catch (Exception beta) {
                return String.valueOf(ga.getMessage());
            }
        }
    }
}
