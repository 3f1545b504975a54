package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.tree.Extra;
import dev.promptport.tree.RawJson;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * OpenAI's {@code stream_options}, which both of its APIs take beside {@code stream: true}:
 * {@code include_obfuscation} goes on to either API as written, and the writers add it to the
 * options they send themselves; {@code include_usage} (Chat Completions) asks for what every
 * target's stream reports anyway, since promptport's Chat writer asks for usage where the
 * endpoint takes it, and the Responses API and the other vendors report it unasked.
 */
final class StreamOptions {

    /** The carried name of {@code stream_options.include_obfuscation}, merged into the options the writer sends. */
    static final String OBFUSCATION = "stream_options/include_obfuscation";

    private static final String USAGE_ONLY = "{\"include_usage\":true}";

    private StreamOptions() {
    }

    static void fit(Extra e, boolean streams, StepContext ctx, List<Extra> kept) {
        if (!streams || USAGE_ONLY.equals(e.value().json())) {
            // without a stream the options ask for nothing, and usage alone (what OpenAI's SDKs
            // send with every stream) nothing a target lacks: no tree built for either
            return;
        }
        JsonNode options = RawTrees.parse(e.value().json());
        if (options == null || !options.isObject()) {
            return;
        }
        String wire = ctx.target().facts().wire();
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> o = it.next();
            switch (o.getKey()) {
                case "include_usage" -> {
                }
                case "include_obfuscation" -> {
                    boolean openAi = wire.equals("openai-responses")
                            || wire.equals("openai-chat") && ctx.chatDialect() == dev.promptport.write.ChatDialect.OPENAI;
                    if (openAi) {
                        kept.add(new Extra(OBFUSCATION, new RawJson(o.getValue().toString()), e.loc().child(o.getKey())));
                    } else if (o.getValue().asBoolean(false)) {
                        // other endpoints send their stream events unpadded; false asks for just that
                        ctx.sink().report("PP173", e.loc().child(o.getKey()), "stream_options.include_obfuscation", "true",
                                ctx.targetName() + " does not pad its stream events to hide their sizes");
                    }
                }
                default -> ctx.sink().report("PP115", e.loc().child(o.getKey()), "stream_options." + o.getKey(),
                        ctx.targetName());
            }
        }
    }
}
