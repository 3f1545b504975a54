package dev.promptport.failover;

import dev.promptport.Target;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What the failover tests share: stand-in servers started by a test and stopped after it, a
 * sleeper that records the waits instead of sleeping, the events a stream delivered, and the
 * exception a call ends in.
 */
abstract class FailoverFixture {

    static final Target GPT_4O = Target.of("openai:gpt-4o");

    private final List<StandIn> servers = new ArrayList<>();
    final RecordingSleeper sleeper = new RecordingSleeper();
    /** The events a stream call passed to its sink. */
    final List<String> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(StandIn::close);
    }

    /** A chain builder with the stream tests' settings: short timeouts and backoff, two tries, a fixed seed, no real waits. */
    Failover.Builder streamChain() {
        return Failover.builder()
                .attemptTimeout(Duration.ofSeconds(2))
                .deadline(Duration.ofSeconds(6))
                .backoff(Duration.ofMillis(100), Duration.ofSeconds(1))
                .maxAttemptsPerEndpoint(2)
                .seed(7)
                .sleeper(sleeper);
    }

    StandIn server(StandIn.Reply... replies) throws IOException {
        StandIn s = StandIn.start(replies);
        servers.add(s);
        return s;
    }

    static FailoverException failure(ThrowingCallable call) {
        FailoverException e = catchThrowableOfType(FailoverException.class, call);
        assertThat(e).as("a FailoverException").isNotNull();
        return e;
    }
}
