package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.Limits;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * AxonHub's cases for its Claude endpoint's whole replies, read from its OpenAI-shaped
 * response (looplj/axonhub {@code internal/llm/transformer/anthropic/inbound_test.go}:
 * {@code TestInboundTransformer_TransformResponse} "response with image content", "multiple
 * images and text", "thinking, text, and image content", "empty tool arguments", "different
 * finish reasons", "usage details").
 */
class AxonHubReplyCasesTest {

    private static ReplyTranslation whole(String message, String finish, String usage) {
        ReplyTranslation t = Replies.translate("{\"id\":\"msg_image_123\",\"object\":\"chat.completion\",\"model\":\"claude-3-sonnet-20240229\",\"created\":1,"
                + "\"choices\":[{\"index\":0,\"message\":" + message + ",\"finish_reason\":\"" + finish + "\"}]" + usage + "}",
                ReplyFormat.OPENAI_CHAT, ReplyContext.NONE, Limits.DEFAULTS);
        assertMessage(t.json());
        return t;
    }

    /**
     * "response with multiple images and text" and "thinking, text, and image content": AxonHub
     * gives Claude image blocks, which Claude's replies do not have (a client's SDK would refuse
     * the message). promptport names each image as left out, with its type and size, and keeps
     * the texts around it as blocks of their own, in order; they had been joined into one, and
     * the images dropped without a word.
     */
    @Test
    void imagesTheModelMadeAreNamedAndTheTextsAroundThemStaySeparate() {
        ReplyTranslation t = whole("{\"role\":\"assistant\",\"reasoning_content\":\"I should show an example.\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"Here are two different images:\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,iVBORw0KGgo=\"}},"
                + "{\"type\":\"text\",\"text\":\"and\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://images.example.com/b.webp\"}},"
                + "{\"type\":\"text\",\"text\":\"Both images show different content.\"}]}", "stop", "");
        JsonNode m = parse(t.json());
        assertThat(m.path("content")).extracting(b -> b.path("type").asText()).containsExactly("thinking", "text", "text", "text");
        assertThat(m.path("content")).extracting(b -> b.path("text").asText()).containsSubsequence("Here are two different images:", "and",
                "Both images show different content.");
        assertThat(t.leftOut()).containsExactly("an image the model made (content, image/png, 8 bytes): an Anthropic reply holds no images",
                "an image the model made (content, https://images.example.com/b.webp): an Anthropic reply holds no images");
    }

    /** OpenRouter's image models put the images beside the text ({@code images}), whole or streamed: each is named. */
    @Test
    void openRoutersImagesAreNamedWholeOrStreamed() {
        String image = "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,AAAA\"}}";
        ReplyTranslation t = whole("{\"role\":\"assistant\",\"content\":\"Here is your cat.\",\"images\":[" + image + "]}", "stop", "");
        assertThat(parse(t.json()).at("/content/0/text").asText()).isEqualTo("Here is your cat.");
        assertThat(t.leftOut()).containsExactly(LeftOut.madeImage(parse(image).get("image_url"), "images"));
        StreamTranslator s = new StreamTranslator(ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        List<String> out = new java.util.ArrayList<>(s.acceptAll("data: {\"id\":\"gen-1\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
                + "\"content\":\"Here is your cat.\"}}]}\n\ndata: {\"id\":\"gen-1\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"images\":[" + image
                + "]},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n"));
        out.addAll(s.finish());
        assertCompleteStream(out);
        assertThat(parse(replay(out)).at("/content/0/text").asText()).isEqualTo("Here is your cat.");
        assertThat(s.leftOut()).containsExactly("an image the model made (images, image/png, 3 bytes): an Anthropic reply holds no images");
    }

    /** "response with empty tool arguments": an empty arguments string is an empty input object. */
    @Test
    void emptyArgumentsAreAnEmptyInput() {
        JsonNode m = parse(whole("{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"call_empty\",\"type\":\"function\",\"function\":{\"name\":\"get_time\","
                + "\"arguments\":\"\"}}]}", "tool_calls", "").json());
        assertThat(m.path("content").toString()).isEqualTo("[{\"type\":\"tool_use\",\"id\":\"call_empty\",\"name\":\"get_time\",\"input\":{}}]");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /**
     * "different finish reasons" and "usage details": length is max_tokens. AxonHub reports the
     * 100 prompt tokens as input; Claude's input_tokens leaves out the tokens read from the
     * cache, which it counts apart, so 20 cached make input 80 and a cache read of 20.
     */
    @Test
    void lengthIsMaxTokensAndCachedTokensAreACacheRead() {
        JsonNode m = parse(whole("{\"role\":\"assistant\",\"content\":\"This is a long response that was cut off...\"}", "length",
                ",\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":50,\"total_tokens\":150,\"prompt_tokens_details\":{\"cached_tokens\":20},"
                        + "\"completion_tokens_details\":{\"reasoning_tokens\":10}}").json());
        assertThat(m.path("stop_reason").asText()).isEqualTo("max_tokens");
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(80);
        assertThat(m.at("/usage/cache_read_input_tokens").asInt()).isEqualTo(20);
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(50);
    }
}
