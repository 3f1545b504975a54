package dev.promptport.rules;

import dev.promptport.tree.Extra;

import java.util.List;
import java.util.Locale;

/**
 * Gemini's request-wide {@code generationConfig.mediaResolution}: how closely the model reads
 * every image. OpenAI has the same knob per image ({@code detail}, low or high), so there it
 * becomes the detail of each image that sets none of its own; elsewhere its loss is named.
 */
final class MediaResolution {

    private MediaResolution() {
    }

    /** The image detail the request-wide setting among {@code extras} asks for, or {@code null}. */
    static String detail(List<Extra> extras) {
        for (Extra e : extras) {
            if (isSetting(e)) {
                return detailOf(FitOptions.textOf(e.value().json().strip()));
            }
        }
        return null;
    }

    /**
     * Names {@code e}'s loss when it is the request-wide setting and the target cannot take it
     * as each image's detail (PP173); true when {@code e} is the setting.
     */
    static boolean report(Extra e, StepContext ctx) {
        if (!isSetting(e)) {
            return false;
        }
        String level = FitOptions.textOf(e.value().json().strip());
        boolean takesDetail = FitContent.takesDetail(ctx.target().facts(), ctx);
        if (takesDetail && detailOf(level) != null) {
            // sent as the detail of each image without its own (FitContent)
            return true;
        }
        String loss = takesDetail
                ? ctx.targetName() + " reads images at low, high or automatic detail and has no level between,"
                        + " so it reads them at automatic detail"
                : ctx.targetName() + " has no setting for the resolution it reads images at, so it reads them at its own";
        ctx.sink().report("PP173", e.loc(), Snippets.oneLine(FitOptions.dotted(e.loc().pointer())),
                Snippets.oneLine(level), loss);
        return true;
    }

    private static boolean isSetting(Extra e) {
        String p = e.loc().pointer();
        return p != null && (p.equals("/generationConfig/mediaResolution") || p.equals("/generation_config/media_resolution")
                || p.equals("/generationConfig/media_resolution") || p.equals("/generation_config/mediaResolution"));
    }

    /** {@code MEDIA_RESOLUTION_LOW} → {@code low}, {@code …_HIGH} → {@code high}; {@code null} for any other level. */
    private static String detailOf(String level) {
        return switch (level.toUpperCase(Locale.ROOT)) {
            case "MEDIA_RESOLUTION_LOW" -> "low";
            case "MEDIA_RESOLUTION_HIGH" -> "high";
            default -> null;
        };
    }
}
