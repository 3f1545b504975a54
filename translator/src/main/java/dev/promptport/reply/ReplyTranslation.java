package dev.promptport.reply;

import java.util.List;

/**
 * A vendor reply in Anthropic's shape.
 *
 * @param json the Anthropic {@code Message}
 * @param leftOut what the vendor sent that Anthropic's shape has no place for, one line each
 *     (an image the model made, the vendor's own web citations, a second choice), so that the
 *     caller can log it; empty when nothing was left out
 */
public record ReplyTranslation(String json, List<String> leftOut) {

    public ReplyTranslation {
        leftOut = List.copyOf(leftOut);
    }
}
