package dev.promptport.failover;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.PromptPort;
import dev.promptport.Target;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.promptport.failover.Payloads.ANTHROPIC_KEY;
import static dev.promptport.failover.Payloads.ANTHROPIC_MESSAGE;
import static dev.promptport.failover.Payloads.ANTHROPIC_OVERLOADED;
import static dev.promptport.failover.Payloads.ANTHROPIC_RATE_LIMITED;
import static dev.promptport.failover.Payloads.OPENAI_COMPLETION;
import static dev.promptport.failover.Payloads.OPENAI_KEY;
import static dev.promptport.failover.Payloads.OPENAI_SERVER_ERROR;
import static dev.promptport.failover.Payloads.REQUEST;
import static dev.promptport.failover.Payloads.tree;
import static dev.promptport.failover.StandIn.hang;
import static dev.promptport.failover.StandIn.json;
import static dev.promptport.failover.StandIn.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailoverSendTest extends FailoverFixture {

    private Failover.Builder chain(StandIn anthropic, StandIn openai) {
        Failover.Builder b = Failover.builder()
                .attemptTimeout(Duration.ofSeconds(3))
                .deadline(Duration.ofSeconds(8))
                .backoff(Duration.ofMillis(200), Duration.ofSeconds(2))
                .seed(42)
                .sleeper(sleeper)
                .endpoint(Endpoint.anthropic(anthropic.uri(), ANTHROPIC_KEY));
        if (openai != null) {
            b.endpoint(Endpoint.of(GPT_4O, openai.uri(), OPENAI_KEY));
        }
        return b;
    }

    @Test
    void anthropicGetsTheRequestUnchangedAndItsReplyComesBackAsIs() throws Exception {
        StandIn anthropic = server(json(200, ANTHROPIC_MESSAGE));
        StandIn openai = server();

        FailoverResult r = chain(anthropic, openai).build().send(REQUEST);

        assertThat(r.json()).isEqualTo(ANTHROPIC_MESSAGE);
        assertThat(r.endpoint()).isEqualTo("anthropic");
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.findings()).isEmpty();
        assertThat(r.complete()).isTrue();
        assertThat(r.failedOver()).isFalse();
        StandIn.Seen seen = anthropic.last();
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.path()).isEqualTo("/v1/messages");
        assertThat(seen.body()).isEqualTo(REQUEST);
        assertThat(seen.header("x-api-key")).isEqualTo(ANTHROPIC_KEY);
        assertThat(seen.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(seen.header("content-type")).isEqualTo("application/json");
        assertThat(openai.count()).isZero();
    }

    @Test
    void aRequestGivenAsBytesReachesAnthropicAsTheseBytes() throws Exception {
        StandIn anthropic = server(json(200, ANTHROPIC_MESSAGE));
        String request = REQUEST.replace("France?", "France? Réponds en français.");

        FailoverResult r = chain(anthropic, server()).build().send(request.getBytes(StandardCharsets.UTF_8));

        assertThat(r.json()).isEqualTo(ANTHROPIC_MESSAGE);
        assertThat(anthropic.last().body()).isEqualTo(request);
    }

    @Test
    void aRequestGivenAsBytesFailsOverWithTheTranslationItsTextGets() throws Exception {
        for (String request : List.of(REQUEST, REQUEST.replace("France?", "France? Réponds en français."))) {
            StandIn openaiForText = server(json(200, OPENAI_COMPLETION));
            chain(server(json(529, ANTHROPIC_OVERLOADED)), openaiForText).maxAttemptsPerEndpoint(1).build().send(request);
            StandIn openaiForBytes = server(json(200, OPENAI_COMPLETION));

            FailoverResult r = chain(server(json(529, ANTHROPIC_OVERLOADED)), openaiForBytes).maxAttemptsPerEndpoint(1)
                    .build().send(request.getBytes(StandardCharsets.UTF_8));

            assertThat(r.endpoint()).isEqualTo("openai:gpt-4o");
            assertThat(openaiForBytes.last().body()).isEqualTo(openaiForText.last().body());
        }
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedBeforeAnyEndpointIsTried() throws Exception {
        StandIn anthropic = server();
        byte[] latin1 = REQUEST.replace("France?", "la France, café?").getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> chain(anthropic, null).build().send(latin1))
                .isInstanceOf(dev.promptport.PromptPortException.class).hasMessageContaining("not valid UTF-8");
        assertThat(anthropic.count()).isZero();
    }

    @Test
    void overloadedAnthropicFailsOverToOpenAiAndTheReplyIsInAnthropicShape() throws Exception {
        StandIn anthropic = server(json(529, ANTHROPIC_OVERLOADED), json(529, ANTHROPIC_OVERLOADED));
        StandIn openai = server(json(200, OPENAI_COMPLETION));

        FailoverResult r = chain(anthropic, openai).maxAttemptsPerEndpoint(2).build().send(REQUEST);

        JsonNode reply = tree(r.json());
        assertThat(reply.path("type").asText()).isEqualTo("message");
        assertThat(reply.path("role").asText()).isEqualTo("assistant");
        assertThat(reply.at("/content/0/type").asText()).isEqualTo("text");
        assertThat(reply.at("/content/0/text").asText()).isEqualTo("Paris is the capital of France.");
        assertThat(reply.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(r.endpoint()).isEqualTo("openai:gpt-4o");
        assertThat(r.failedOver()).isTrue();
        assertThat(r.attempts()).isEqualTo(3);
        assertThat(r.history()).extracting(Attempt::summary).containsExactly(
                "anthropic #1: HTTP 529 (overloaded_error: Overloaded)",
                "anthropic #2: HTTP 529 (overloaded_error: Overloaded)",
                "openai:gpt-4o #1: OK 200");
        assertThat(r.findings()).isEqualTo(PromptPort.translate(REQUEST, GPT_4O).findings());
        assertThat(r.leftOut()).isEmpty();

        StandIn.Seen seen = openai.last();
        assertThat(seen.path()).isEqualTo("/v1/chat/completions");
        assertThat(seen.header("authorization")).isEqualTo("Bearer " + OPENAI_KEY);
        assertThat(seen.header("x-api-key")).isNull();
        assertThat(tree(seen.body()).path("model").asText()).isEqualTo("gpt-4o");
        assertThat(seen.body()).isEqualTo(PromptPort.translate(REQUEST, GPT_4O).json());
        // one backoff between the two 529s, full jitter within [0, base]
        assertThat(sleeper.waits).hasSize(1);
        assertThat(sleeper.waits.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(200));
    }

    @Test
    void whatTheFallbacksReplyHeldThatAnthropicHasNoPlaceForComesWithTheResult() throws Exception {
        StandIn anthropic = server(json(529, ANTHROPIC_OVERLOADED));
        String cited = OPENAI_COMPLETION.replace("\"annotations\":[]", "\"annotations\":[{\"type\":\"url_citation\","
                + "\"url_citation\":{\"url\":\"https://en.wikipedia.org/wiki/Paris\",\"start_index\":0,\"end_index\":5}}]");
        assertThat(cited).contains("url_citation");
        StandIn openai = server(json(200, cited));

        FailoverResult r = chain(anthropic, openai).maxAttemptsPerEndpoint(1).build().send(REQUEST);

        assertThat(r.endpoint()).isEqualTo("openai:gpt-4o");
        assertThat(tree(r.json()).at("/content/0/text").asText()).isEqualTo("Paris is the capital of France.");
        assertThat(r.leftOut()).containsExactly(
                "1 web citation on the reply's text (annotations): https://en.wikipedia.org/wiki/Paris");
    }

    @Test
    void retryAfterOfOneSecondIsWaitedBeforeTheRetry() throws Exception {
        StandIn anthropic = server(json(429, ANTHROPIC_RATE_LIMITED, "retry-after", "1"), json(200, ANTHROPIC_MESSAGE));

        FailoverResult r = chain(anthropic, null).build().send(REQUEST);

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1));
        assertThat(r.endpoint()).isEqualTo("anthropic");
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(r.json()).isEqualTo(ANTHROPIC_MESSAGE);
    }

    @Test
    void anEndpointForAModelTheListDoesNotNameSendsItsIdAsGivenAndNamesTheBorrowedFacts() throws Exception {
        StandIn anthropic = server(json(529, ANTHROPIC_OVERLOADED));
        StandIn azure = server(json(200, OPENAI_COMPLETION));
        Target deployment = Target.of("azure:my-gpt4o-deployment");

        FailoverResult r = Failover.builder().maxAttemptsPerEndpoint(1).sleeper(sleeper)
                .endpoint(Endpoint.anthropic(anthropic.uri(), ANTHROPIC_KEY))
                .endpoint(Endpoint.of(deployment, azure.uri(), OPENAI_KEY))
                .build().send(REQUEST);

        assertThat(r.endpoint()).isEqualTo("azure:my-gpt4o-deployment");
        assertThat(tree(r.json()).at("/content/0/text").asText()).isEqualTo("Paris is the capital of France.");
        assertThat(tree(azure.last().body()).path("model").asText()).isEqualTo("my-gpt4o-deployment");
        assertThat(r.findings()).extracting(dev.promptport.Finding::id).contains("PP208");
    }

    @Test
    void retryAfterPastTheDeadlineIsNotWaitedTheNextEndpointIsTriedAtOnce() throws Exception {
        StandIn anthropic = server(json(429, ANTHROPIC_RATE_LIMITED, "retry-after", "30"));
        StandIn openai = server(json(200, OPENAI_COMPLETION));

        FailoverResult r = chain(anthropic, openai).build().send(REQUEST);

        assertThat(sleeper.waits).isEmpty();
        assertThat(anthropic.count()).isEqualTo(1);
        assertThat(r.endpoint()).isEqualTo("openai:gpt-4o");
    }

    @Test
    void retryAfterAboveTheConfiguredMaximumMovesOn() throws Exception {
        StandIn anthropic = server(json(503, ANTHROPIC_OVERLOADED, "retry-after", "5"));
        StandIn openai = server(json(200, OPENAI_COMPLETION));

        FailoverResult r = chain(anthropic, openai).deadline(Duration.ofSeconds(60))
                .maxRetryAfter(Duration.ofSeconds(2)).build().send(REQUEST);

        assertThat(sleeper.waits).isEmpty();
        assertThat(r.endpoint()).isEqualTo("openai:gpt-4o");
    }

    @Test
    void xShouldRetryFalseIsObeyedAndTheNextEndpointIsTriedAtOnce() throws Exception {
        StandIn anthropic = server(json(529, ANTHROPIC_OVERLOADED, "x-should-retry", "false"));
        StandIn openai = server(json(200, OPENAI_COMPLETION));

        FailoverResult r = chain(anthropic, openai).build().send(REQUEST);

        assertThat(anthropic.count()).isEqualTo(1);
        assertThat(sleeper.waits).isEmpty();
        assertThat(r.endpoint()).isEqualTo("openai:gpt-4o");
    }

    @Test
    void xShouldRetryTrueRetriesAStatusThatIsOtherwiseFinal() throws Exception {
        String conflict = "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"try again\"}}";
        StandIn anthropic = server(json(400, conflict, "x-should-retry", "true"), json(200, ANTHROPIC_MESSAGE));

        FailoverResult r = chain(anthropic, null).build().send(REQUEST);

        assertThat(anthropic.count()).isEqualTo(2);
        assertThat(r.endpoint()).isEqualTo("anthropic");
        assertThat(r.json()).isEqualTo(ANTHROPIC_MESSAGE);
    }

    @Test
    void requestTimeoutsLockTimeoutsAndEveryServerErrorAreRetriedAsTheSdksDo() throws Exception {
        // 408 and 409 as Anthropic's and OpenAI's SDKs retry them; 520 as a CDN in front of the API sends it
        StandIn anthropic = server(json(408, ""), json(409, ""), json(520, ""), json(200, ANTHROPIC_MESSAGE));

        FailoverResult r = chain(anthropic, null).maxAttemptsPerEndpoint(4).build().send(REQUEST);

        assertThat(anthropic.count()).isEqualTo(4);
        assertThat(sleeper.waits).hasSize(3);
        assertThat(r.endpoint()).isEqualTo("anthropic");
    }

    @Test
    void aBadRequestOrATooLargeRequestIsNeverRetriedOnTheSameEndpoint() throws Exception {
        String invalid = "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"max_tokens: too big\"}}";
        String tooLarge = "{\"type\":\"error\",\"error\":{\"type\":\"request_too_large\",\"message\":\"Request exceeds the maximum size\"}}";
        StandIn anthropic = server(json(400, invalid), json(413, tooLarge));
        StandIn openai = server(json(200, OPENAI_COMPLETION), json(200, OPENAI_COMPLETION));
        Failover f = chain(anthropic, openai).build();

        f.send(REQUEST);
        f.send(REQUEST);

        assertThat(anthropic.count()).isEqualTo(2);
        assertThat(openai.count()).isEqualTo(2);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void aHangingServerTimesOutPerAttemptAndTheNextEndpointAnswersWithinTheDeadline() throws Exception {
        StandIn anthropic = server(hang(), hang());
        StandIn openai = server(json(200, OPENAI_COMPLETION));
        long start = System.nanoTime();

        FailoverResult r = chain(anthropic, openai)
                .attemptTimeout(Duration.ofMillis(300))
                .deadline(Duration.ofSeconds(4))
                .maxAttemptsPerEndpoint(2)
                .build().send(REQUEST);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(r.endpoint()).isEqualTo("openai:gpt-4o");
        assertThat(r.history()).extracting(Attempt::kind).containsExactly(
                Attempt.Kind.TIMEOUT, Attempt.Kind.TIMEOUT, Attempt.Kind.OK);
        assertThat(r.history().get(0).elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        assertThat(took).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void theDeadlineBoundsTheWholeCall() throws Exception {
        StandIn anthropic = server(hang());
        StandIn openai = server(json(200, OPENAI_COMPLETION));
        long start = System.nanoTime();

        FailoverException e = failure(
                () -> chain(anthropic, openai).attemptTimeout(Duration.ofSeconds(5)).deadline(Duration.ofMillis(400))
                        .build().send(REQUEST));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
        assertThat(e.attempts().get(0).kind()).isEqualTo(Attempt.Kind.TIMEOUT);
        assertThat(e.attempts().get(e.attempts().size() - 1))
                .extracting(Attempt::endpoint, Attempt::kind)
                .containsExactly("openai:gpt-4o", Attempt.Kind.DEADLINE);
        assertThat(tree(e.error()).at("/error/type").asText()).isEqualTo("timeout_error");
        assertThat(e.status()).isEqualTo(504);
        assertThat(openai.count()).isZero();
    }

    @Test
    void malformedJsonFromTheLastEndpointIsAFailoverExceptionWithoutRetry() throws Exception {
        StandIn anthropic = server(json(503, ANTHROPIC_OVERLOADED));
        StandIn openai = server(json(200, "{\"id\":\"chatcmpl-B9MHDbslfkBeAs8l4beb\",\"object\":\"chat.compl"));

        FailoverException e = failure(
                () -> chain(anthropic, openai).maxAttemptsPerEndpoint(1).build().send(REQUEST));

        assertThat(e.attempts()).extracting(Attempt::endpoint, Attempt::kind, Attempt::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("anthropic", Attempt.Kind.HTTP_ERROR, 503),
                org.assertj.core.groups.Tuple.tuple("openai:gpt-4o", Attempt.Kind.BAD_REPLY, 200));
        assertThat(openai.count()).isEqualTo(1);
        // the call ends with Claude's error; the fallback's bad reply is named in its attempt
        JsonNode error = tree(e.error());
        assertThat(error.path("type").asText()).isEqualTo("error");
        assertThat(error.at("/error/type").asText()).isEqualTo("overloaded_error");
        assertThat(e.attempts().get(1).detail()).contains("could not be read");
        assertThat(e.getMessage()).contains("anthropic #1: HTTP 503", "openai:gpt-4o #1: bad reply");
    }

    @Test
    void malformedJsonFromAFallbackMovesOnToTheNextEndpoint() throws Exception {
        StandIn anthropic = server(json(529, ANTHROPIC_OVERLOADED));
        StandIn broken = server(json(200, "<html><body>502 Bad Gateway</body></html>"));
        StandIn backup = server(json(200, OPENAI_COMPLETION));

        FailoverResult r = chain(anthropic, null).maxAttemptsPerEndpoint(1)
                .endpoint(Endpoint.of(GPT_4O, broken.uri(), OPENAI_KEY).named("openai-proxy"))
                .endpoint(Endpoint.of(GPT_4O, backup.uri(), OPENAI_KEY).named("openai-direct"))
                .build().send(REQUEST);

        assertThat(r.endpoint()).isEqualTo("openai-direct");
        assertThat(r.history()).extracting(Attempt::kind).containsExactly(
                Attempt.Kind.HTTP_ERROR, Attempt.Kind.BAD_REPLY, Attempt.Kind.OK);
        assertThat(tree(r.json()).at("/content/0/text").asText()).isEqualTo("Paris is the capital of France.");
    }

    @Test
    void aWebPageWithStatus200IsABadReplyThatFailsOverWithoutRetry() throws Exception {
        StandIn anthropic = server(StandIn.page(200, "<!doctype html><title>Down for maintenance</title>"));
        StandIn openai = server(json(200, OPENAI_COMPLETION));

        FailoverResult r = chain(anthropic, openai).maxAttemptsPerEndpoint(2).build().send(REQUEST);

        assertThat(r.endpoint()).isEqualTo("openai:gpt-4o");
        assertThat(r.history()).extracting(Attempt::kind).containsExactly(Attempt.Kind.BAD_REPLY, Attempt.Kind.OK);
        assertThat(r.history().get(0).detail()).contains("text/html");
        assertThat(anthropic.count()).isEqualTo(1);
    }

    @Test
    void clientErrorsAreNotRetriedTheNextEndpointIsTried() throws Exception {
        StandIn anthropic = server(json(401,
                "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}"));
        StandIn openai = server(json(200, OPENAI_COMPLETION));

        FailoverResult r = chain(anthropic, openai).build().send(REQUEST);

        assertThat(anthropic.count()).isEqualTo(1);
        assertThat(sleeper.waits).isEmpty();
        assertThat(r.endpoint()).isEqualTo("openai:gpt-4o");
        assertThat(r.history().get(0).summary()).isEqualTo("anthropic #1: HTTP 401 (authentication_error: invalid x-api-key)");
    }

    @Test
    void whenEveryEndpointFailsTheFirstEndpointsErrorComesBackInAnthropicShape() throws Exception {
        StandIn anthropic = server(json(529, ANTHROPIC_OVERLOADED), json(529, ANTHROPIC_OVERLOADED));
        StandIn openai = server(json(500, OPENAI_SERVER_ERROR), json(500, OPENAI_SERVER_ERROR));

        FailoverException e = failure(
                () -> chain(anthropic, openai).maxAttemptsPerEndpoint(2).build().send(REQUEST));

        assertThat(e.status()).isEqualTo(529);
        JsonNode error = tree(e.error());
        assertThat(error.path("type").asText()).isEqualTo("error");
        assertThat(error.at("/error/type").asText()).isEqualTo("overloaded_error");
        assertThat(e.attempts().get(3).detail()).contains("The server had an error while processing your request");
        assertThat(e.attempts()).hasSize(4);
        assertThat(e.getMessage()).startsWith("no endpoint answered (4 request(s) sent): anthropic #1: HTTP 529");
        assertThat(sleeper.waits).hasSize(2);
    }

    @Test
    void theOriginalErrorIsNotLostWhenAFallbackFailsDifferently() throws Exception {
        // Claude is overloaded and the fallback's key is wrong: the caller must hear "overloaded,
        // try later" (529), not "your key is wrong" (401), and the fallback's words stay in the attempts
        StandIn anthropic = server(json(529, ANTHROPIC_OVERLOADED));
        StandIn openai = server(json(401, "{\"error\":{\"message\":\"Incorrect API key provided\","
                + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}"));

        FailoverException e = failure(() -> chain(anthropic, openai).maxAttemptsPerEndpoint(1).build().send(REQUEST));

        assertThat(e.status()).isEqualTo(529);
        assertThat(e.error()).isEqualTo(ANTHROPIC_OVERLOADED);
        assertThat(e.attempts()).extracting(Attempt::summary).containsExactly(
                "anthropic #1: HTTP 529 (overloaded_error: Overloaded)",
                "openai:gpt-4o #1: HTTP 401 (authentication_error: openai-chat 401: Incorrect API key provided)");
        assertThat(e.getMessage()).contains("Incorrect API key provided");
    }

    @Test
    void aRequestClaudeRefusesComesBackWithClaudesOwnWordsWhenTheFallbacksFailToo() throws Exception {
        String invalid = "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                + "\"message\":\"messages: roles must alternate between \\\"user\\\" and \\\"assistant\\\"\"}}";
        StandIn anthropic = server(json(400, invalid));
        StandIn openai = server(json(503, OPENAI_SERVER_ERROR), json(503, OPENAI_SERVER_ERROR));

        FailoverException e = failure(() -> chain(anthropic, openai).maxAttemptsPerEndpoint(2).build().send(REQUEST));

        assertThat(e.status()).isEqualTo(400);
        assertThat(tree(e.error()).at("/error/message").asText()).startsWith("messages: roles must alternate");
        assertThat(anthropic.count()).isEqualTo(1);
    }

    @Test
    void aLoadBalancersPageAndAnEmptyBodyAreRetriedAndEndAsAnthropicErrors() throws Exception {
        StandIn anthropic = server(page(502, "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"),
                json(529, ""));

        FailoverException e = failure(() -> chain(anthropic, null).maxAttemptsPerEndpoint(2).build().send(REQUEST));

        assertThat(anthropic.count()).isEqualTo(2);
        assertThat(e.attempts()).extracting(Attempt::status).containsExactly(502, 529);
        assertThat(e.attempts().get(0).detail()).contains("api_error", "502 Bad Gateway");
        JsonNode error = tree(e.error());
        assertThat(error.path("type").asText()).isEqualTo("error");
        assertThat(error.at("/error/type").asText()).isEqualTo("overloaded_error");
        assertThat(e.status()).isEqualTo(529);
    }

    @Test
    void aTargetTheRequestCannotBeTranslatedForIsSkippedWithTheReason() throws Exception {
        String odd = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":50,"
                + "\"messages\":[{\"role\":\"robot\",\"content\":\"beep\"}]}";
        StandIn anthropic = server(json(529, ANTHROPIC_OVERLOADED));
        StandIn openai = server();

        FailoverException e = failure(
                () -> chain(anthropic, openai).maxAttemptsPerEndpoint(1).build().send(odd));

        assertThat(openai.count()).isZero();
        Attempt skipped = e.attempts().get(1);
        assertThat(skipped.kind()).isEqualTo(Attempt.Kind.TRANSLATION_FAILED);
        assertThat(skipped.sent()).isFalse();
        assertThat(skipped.detail()).contains("robot");
        // the last real error is Anthropic's, kept as Anthropic wrote it
        assertThat(tree(e.error()).at("/error/type").asText()).isEqualTo("overloaded_error");
        assertThat(e.status()).isEqualTo(529);
    }

    @Test
    void aConnectionRefusedIsRetriedThenFailedOver() throws Exception {
        StandIn gone = server();
        java.net.URI dead = gone.uri();
        gone.close();
        StandIn openai = server(json(200, OPENAI_COMPLETION));

        FailoverResult r = Failover.builder().sleeper(sleeper).seed(1).maxAttemptsPerEndpoint(2)
                .attemptTimeout(Duration.ofSeconds(2)).deadline(Duration.ofSeconds(5))
                .endpoint(Endpoint.anthropic(dead, ANTHROPIC_KEY))
                .endpoint(Endpoint.of(GPT_4O, openai.uri(), OPENAI_KEY))
                .build().send(REQUEST);

        assertThat(r.history()).extracting(Attempt::kind).containsExactly(
                Attempt.Kind.CONNECTION_ERROR, Attempt.Kind.CONNECTION_ERROR, Attempt.Kind.OK);
        assertThat(sleeper.waits).hasSize(1);
    }

    @Test
    void openAiResponsesTargetsPostToTheResponsesPathAndTheirRepliesComeBackInAnthropicShape() throws Exception {
        Target responses = Target.of("openai-responses:gpt-4o");
        StandIn anthropic = server(json(529, ANTHROPIC_OVERLOADED));
        StandIn openai = server(json(200, Payloads.RESPONSES_RESPONSE));

        FailoverResult r = chain(anthropic, null).maxAttemptsPerEndpoint(1)
                .endpoint(Endpoint.of(responses, openai.uri(), OPENAI_KEY)).build().send(REQUEST);

        assertThat(r.endpoint()).isEqualTo("openai-responses:gpt-4o");
        assertThat(openai.last().path()).isEqualTo("/v1/responses");
        assertThat(openai.last().header("authorization")).isEqualTo("Bearer " + OPENAI_KEY);
        assertThat(tree(openai.last().body()).has("input")).isTrue();
        JsonNode reply = tree(r.json());
        assertThat(reply.path("type").asText()).isEqualTo("message");
        assertThat(reply.at("/content/0/text").asText()).isEqualTo("Paris is the capital of France.");
        assertThat(reply.path("stop_reason").asText()).isEqualTo("end_turn");
    }

    @Test
    void anAnthropicWireTargetGetsTheTranslatedRequestAndItsReplyAsIs() throws Exception {
        Target sonnet = Target.of("anthropic:claude-sonnet-4-5");
        StandIn primary = server(json(529, ANTHROPIC_OVERLOADED));
        StandIn secondary = server(json(200, ANTHROPIC_MESSAGE));

        FailoverResult r = chain(primary, null).maxAttemptsPerEndpoint(1)
                .endpoint(Endpoint.of(sonnet, secondary.uri(), "sk-ant-second-account-key")).build().send(REQUEST);

        assertThat(r.json()).isEqualTo(ANTHROPIC_MESSAGE);
        assertThat(r.endpoint()).isEqualTo("anthropic:claude-sonnet-4-5");
        assertThat(secondary.last().path()).isEqualTo("/v1/messages");
        assertThat(secondary.last().header("x-api-key")).isEqualTo("sk-ant-second-account-key");
        assertThat(secondary.last().header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(secondary.last().body()).isEqualTo(PromptPort.translate(REQUEST, sonnet).json());
    }

    @Test
    void geminisRetryDelayIsWaitedAsARetryAfter() throws Exception {
        // Gemini sends no retry-after header: the wait is in the body's google.rpc.RetryInfo
        String exhausted = """
                {"error":{"code":429,"message":"You exceeded your current quota. Please retry in 2.5s.",\
                "status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure",\
                "violations":[{"quotaMetric":"generativelanguage.googleapis.com/generate_content_free_tier_requests"}]},\
                {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"2.500s"}]}}""";
        StandIn gemini = server(json(429, exhausted), json(200, Payloads.GEMINI_RESPONSE));

        FailoverResult r = Failover.builder().sleeper(sleeper).seed(1)
                .endpoint(Endpoint.of(Target.of("gemini:gemini-2.5-flash"), gemini.uri(), Payloads.GEMINI_KEY))
                .build().send(REQUEST);

        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(2500));
        assertThat(gemini.count()).isEqualTo(2);
        assertThat(tree(r.json()).at("/content/0/text").asText()).isEqualTo("Paris is the capital of France.");
    }

    @Test
    void aGeminiRetryDelayAboveTheMaximumMovesOnAtOnce() throws Exception {
        String exhausted = "{\"error\":{\"code\":429,\"message\":\"Quota exceeded\",\"status\":\"RESOURCE_EXHAUSTED\","
                + "\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"3600s\"}]}}";
        StandIn gemini = server(json(429, exhausted));
        StandIn openai = server(json(200, OPENAI_COMPLETION));

        FailoverResult r = Failover.builder().sleeper(sleeper)
                .endpoint(Endpoint.of(Target.of("gemini:gemini-2.5-flash"), gemini.uri(), Payloads.GEMINI_KEY))
                .endpoint(Endpoint.of(GPT_4O, openai.uri(), OPENAI_KEY))
                .build().send(REQUEST);

        assertThat(sleeper.waits).isEmpty();
        assertThat(gemini.count()).isEqualTo(1);
        assertThat(r.endpoint()).isEqualTo("openai:gpt-4o");
    }

    @Test
    void geminiTargetsPostToGenerateContentWithTheGoogleKeyHeader() throws Exception {
        Target flash = Target.of("gemini:gemini-2.5-flash");
        StandIn anthropic = server(json(529, ANTHROPIC_OVERLOADED));
        StandIn gemini = server(json(200, Payloads.GEMINI_RESPONSE));

        FailoverResult r;
        try {
            r = chain(anthropic, null).maxAttemptsPerEndpoint(1)
                    .endpoint(Endpoint.of(flash, gemini.uri(), Payloads.GEMINI_KEY)).build().send(REQUEST);
        } catch (FailoverException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(
                    e.attempts().get(1).kind() != Attempt.Kind.TRANSLATION_FAILED, "no Gemini writer yet");
            throw e;
        }
        StandIn.Seen seen = gemini.last();
        assertThat(seen.path()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
        assertThat(seen.query()).isNull();
        assertThat(seen.header("x-goog-api-key")).isEqualTo(Payloads.GEMINI_KEY);
        assertThat(seen.header("authorization")).isNull();
        assertThat(tree(r.json()).at("/content/0/text").asText()).isEqualTo("Paris is the capital of France.");
    }

    @Test
    void aPrefilledReplyFromAFallbackHoldsOnlyTheContinuationAsClaudesWould() throws Exception {
        StandIn anthropic = server(json(529, ANTHROPIC_OVERLOADED));
        StandIn openai = server(json(200, Payloads.openAiCompletion("{\"category\":\"billing\"}")),
                json(200, Payloads.openAiCompletion("{\"category\":\"billing\"}")));

        FailoverResult r = chain(anthropic, openai).maxAttemptsPerEndpoint(1).build().send(Payloads.PREFILL_REQUEST);

        assertThat(r.findings()).extracting(dev.promptport.Finding::id).contains("PP107");
        assertThat(tree(r.json()).at("/content/0/text").asText()).isEqualTo("\"category\":\"billing\"}");

        FailoverResult prepended = chain(server(json(529, ANTHROPIC_OVERLOADED)), openai).maxAttemptsPerEndpoint(1)
                .prefillMode(dev.promptport.reply.ReplyContext.PrefillMode.PREPEND).build().send(Payloads.PREFILL_REQUEST);
        assertThat(tree(prepended.json()).at("/content/0/text").asText()).isEqualTo("{\"category\":\"billing\"}");
    }

    /** A reply of Claude's own wire whose text is {@code text}. */
    private static String claudeMessage(String text) {
        return ANTHROPIC_MESSAGE.replace("\"The capital of France is Paris.\"", Payloads.quote(text));
    }

    @Test
    void aPrefillSentToAnotherClaudeDeploymentStaysAPrefillAndItsReplyPassesUnchanged() throws Exception {
        StandIn anthropic = server(json(529, ANTHROPIC_OVERLOADED));
        String reply = claudeMessage("\"category\":\"billing\"}");
        StandIn haiku = server(json(200, reply), json(200, reply));
        for (dev.promptport.reply.ReplyContext.PrefillMode mode : dev.promptport.reply.ReplyContext.PrefillMode.values()) {
            FailoverResult r = Failover.builder().sleeper(sleeper).maxAttemptsPerEndpoint(1).prefillMode(mode)
                    .endpoint(Endpoint.anthropic(anthropic.uri(), ANTHROPIC_KEY))
                    .endpoint(Endpoint.of(Target.of("anthropic:claude-haiku-4-5"), haiku.uri(), ANTHROPIC_KEY))
                    .build().send(Payloads.PREFILL_REQUEST);
            // Claude continues the prefill itself, so its reply already holds only what follows it
            assertThat(tree(haiku.last().body()).at("/messages/1/content").toString()).contains("{");
            assertThat(r.findings()).extracting(dev.promptport.Finding::id).doesNotContain("PP107");
            assertThat(r.json()).as(mode.name()).isEqualTo(reply);
        }
    }

    @Test
    void aPrefillThatBecameAnInstructionForClaudeIsRestoredInItsReply() throws Exception {
        // Claude refuses a prefill beside a reply schema, so the prefill becomes an instruction
        String schemaPrefill = Payloads.PREFILL_REQUEST.replace("\"max_tokens\":100,", "\"max_tokens\":100,"
                + "\"output_config\":{\"format\":{\"type\":\"json_schema\",\"schema\":{\"type\":\"object\"}}},");
        String reply = claudeMessage("{\"category\":\"billing\"}");
        StandIn sonnet = server(json(200, reply), json(200, reply));
        java.util.function.Function<dev.promptport.reply.ReplyContext.PrefillMode, FailoverResult> send = mode ->
                Failover.builder().sleeper(sleeper).maxAttemptsPerEndpoint(1).prefillMode(mode)
                        .endpoint(Endpoint.of(Target.of("anthropic:claude-sonnet-4-5"), sonnet.uri(), ANTHROPIC_KEY))
                        .build().send(schemaPrefill);
        FailoverResult continued = send.apply(dev.promptport.reply.ReplyContext.PrefillMode.CONTINUE);
        assertThat(continued.findings()).extracting(dev.promptport.Finding::id).contains("PP107");
        assertThat(tree(sonnet.last().body()).at("/messages/0/content").toString()).contains("Begin your reply with");
        assertThat(tree(continued.json()).at("/content/0/text").asText()).isEqualTo("\"category\":\"billing\"}");
        assertThat(tree(continued.json()).path("usage")).isEqualTo(tree(reply).path("usage"));
        FailoverResult prepended = send.apply(dev.promptport.reply.ReplyContext.PrefillMode.PREPEND);
        assertThat(tree(prepended.json()).at("/content/0/text").asText()).isEqualTo("{\"category\":\"billing\"}");
    }

    @Test
    void concurrentCallsShareOneFailover() throws Exception {
        StandIn anthropic = server().always(json(529, ANTHROPIC_OVERLOADED));
        StandIn openai = server().always(json(200, OPENAI_COMPLETION));
        Failover f = chain(anthropic, openai).maxAttemptsPerEndpoint(1).circuitBreaker(1000, Duration.ofSeconds(30))
                .build();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<FailoverResult>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> f.send(REQUEST)));
            }
            for (java.util.concurrent.Future<FailoverResult> fu : futures) {
                assertThat(fu.get(10, java.util.concurrent.TimeUnit.SECONDS).endpoint()).isEqualTo("openai:gpt-4o");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(anthropic.count()).isEqualTo(16);
        assertThat(openai.count()).isEqualTo(16);
    }

    @Test
    void wireUrls() {
        java.net.URI base = java.net.URI.create("https://llm.example.com/proxy/");
        assertThat(Wire.ANTHROPIC.uri(base, null, false)).hasToString("https://llm.example.com/proxy/v1/messages");
        assertThat(Wire.OPENAI_CHAT.uri(base, "gpt-4o", true))
                .hasToString("https://llm.example.com/proxy/v1/chat/completions");
        assertThat(Wire.OPENAI_RESPONSES.uri(base, "gpt-4o", false))
                .hasToString("https://llm.example.com/proxy/v1/responses");
        assertThat(Wire.GEMINI.uri(base, "gemini-2.5-pro", false))
                .hasToString("https://llm.example.com/proxy/v1beta/models/gemini-2.5-pro:generateContent");
        assertThat(Wire.GEMINI.uri(base, "gemini-2.5-pro", true))
                .hasToString("https://llm.example.com/proxy/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse");
    }

    /** A model id is one segment of Gemini's path: it cannot leave the path, end it or name another method. */
    @Test
    void aGeminiModelIdIsOneSegmentOfThePathWhateverItHolds() {
        java.net.URI base = java.net.URI.create("https://llm.example.com/");
        assertThat(Wire.GEMINI.uri(base, "../../evil", false))
                .hasToString("https://llm.example.com/v1beta/models/..%2F..%2Fevil:generateContent");
        assertThat(Wire.GEMINI.uri(base, "m#frag", false)).hasToString("https://llm.example.com/v1beta/models/m%23frag:generateContent");
        assertThat(Wire.GEMINI.uri(base, "m:countTokens", false))
                .hasToString("https://llm.example.com/v1beta/models/m%3AcountTokens:generateContent");
        assertThat(Wire.GEMINI.uri(base, "..", false)).hasToString("https://llm.example.com/v1beta/models/%2E%2E:generateContent");
        assertThatThrownBy(() -> dev.promptport.Target.of("gemini:gemini 2.5 flash"))
                .isInstanceOf(dev.promptport.PromptPortException.class).hasMessageContaining("one word");
        assertThatThrownBy(() -> dev.promptport.Target.of("openai:gpt-4o\n")).isInstanceOf(dev.promptport.PromptPortException.class);
    }

    @Test
    void misuseIsRejectedBeforeAnythingIsSent() throws Exception {
        StandIn anthropic = server();
        Failover f = chain(anthropic, null).build();
        assertThatThrownBy(() -> f.send(Payloads.STREAM_REQUEST)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stream(");
        assertThatThrownBy(() -> f.stream(REQUEST, e -> { })).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.send("{\"model\": ")).isInstanceOf(dev.promptport.PromptPortException.class);
        assertThatThrownBy(() -> f.send("[1,2]")).isInstanceOf(dev.promptport.PromptPortException.class);
        assertThatThrownBy(() -> Failover.builder().build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chain(anthropic, null).endpoint(Endpoint.anthropic(anthropic.uri(), "other-key"))
                .build()).hasMessageContaining("named anthropic");
        assertThat(anthropic.count()).isZero();
    }
}
