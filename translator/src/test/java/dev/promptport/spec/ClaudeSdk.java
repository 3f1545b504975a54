package dev.promptport.spec;

import com.anthropic.core.ObjectMappers;

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
