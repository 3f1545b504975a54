package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.PromptPortException;
import dev.promptport.tree.Loc;

/**
 * A whole reply read as one vendor's that holds another vendor's answer: an OpenAI Chat
 * completion's {@code choices}, a Responses reply's {@code output}, Gemini's {@code candidates}.
 * Read as it was given, that answer would be lost without a word, since each reader reads its
 * own vendor's field only. When the reply's own answer is empty it is refused, naming the format
 * that reads it; beside an answer of its own, the other is named as left out.
 */
final class ForeignReply {

    private ForeignReply() {
    }

    /**
     * @param ownEmpty whether the reply holds no answer of its own ({@code self}'s field is empty or missing)
     * @throws PromptPortException when it holds another vendor's answer instead
     */
    static void check(JsonNode root, ReplyFormat self, boolean ownEmpty, BlockSink sink) {
        for (ReplyFormat other : ReplyFormat.values()) {
            String field = field(other);
            JsonNode answer = root.get(field);
            if (other == self || answer == null || !answer.isArray() || answer.isEmpty()) {
                continue;
            }
            if (ownEmpty) {
                throw new PromptPortException("not " + name(self) + " reply: its answer is under \"" + field + "\", as in "
                        + name(other) + " reply; read it as " + other.id(), Loc.pointer("/" + field));
            }
            sink.leftOut("\"" + field + "\" (" + name(other) + " reply's answer, beside this " + self.id() + " reply's own)");
        }
    }

    private static String field(ReplyFormat f) {
        return switch (f) {
            case OPENAI_CHAT -> "choices";
            case OPENAI_RESPONSES -> "output";
            case GEMINI -> "candidates";
        };
    }

    private static String name(ReplyFormat f) {
        return switch (f) {
            case OPENAI_CHAT -> "an OpenAI Chat Completions";
            case OPENAI_RESPONSES -> "an OpenAI Responses";
            case GEMINI -> "a Gemini generateContent";
        };
    }
}
