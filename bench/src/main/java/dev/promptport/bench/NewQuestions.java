package dev.promptport.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An agent's conversation as the requests it sends step after step: its whole history again,
 * ended by a question no other request asks, so that a memo knows the history and not the
 * question.
 */
final class NewQuestions {

    /** Requests made of one conversation, sent in turn. */
    static final int COUNT = 1024;

    private NewQuestions() {
    }

    /** The corpus the benches read, {@code -Dpromptport.corpus} or {@code corpus}. */
    static Path corpus() {
        return Path.of(System.getProperty("promptport.corpus", "corpus"));
    }

    /**
     * {@code root}, whose last field is its messages, {@value #COUNT} times, each ended by a user
     * message {@code "<question> <n>."}.
     */
    static List<String> of(ObjectMapper json, ObjectNode root, String question) throws IOException {
        String whole = json.writeValueAsString(root);
        // without the messages' "]" and the request's "}"
        String open = whole.substring(0, whole.length() - 2);
        List<String> requests = new ArrayList<>(COUNT);
        for (int n = 0; n < COUNT; n++) {
            requests.add(open + ",{\"role\":\"user\",\"content\":\"" + question + " " + n + ".\"}]}");
        }
        return requests;
    }
}
