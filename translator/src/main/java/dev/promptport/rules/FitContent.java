package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.ModelFacts;
import dev.promptport.read.Base64Types;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Loc;
import dev.promptport.tree.MediaSource;
import dev.promptport.tree.Part;
import dev.promptport.tree.Role;
import dev.promptport.tree.Turn;
import dev.promptport.write.ChatDialect;
import dev.promptport.write.GeminiMime;
import dev.promptport.write.GeminiWriter;

import java.util.List;
import java.util.Set;

/**
 * Fits the content to what the target can take: images and documents it cannot read, blocks
 * promptport does not know, empty text, and the details (cache hints, tool error flags,
 * citations) that do not survive the trip.
 */
final class FitContent implements RewriteStep {

    /** What Claude's hosted tools leave in the history: calls run on Anthropic's side and their results. */
    private static final Set<String> HOSTED_TOOL_BLOCKS = Set.of("server_tool_use", "web_search_tool_result",
            "web_fetch_tool_result", "code_execution_tool_result", "bash_code_execution_tool_result",
            "text_editor_code_execution_tool_result", "tool_search_tool_result", "mcp_tool_use",
            "mcp_tool_result",
            // and what OpenAI's Responses API leaves of the tools it runs itself
            "web_search_call", "file_search_call", "code_interpreter_call", "image_generation_call", "mcp_call",
            "mcp_list_tools",
            // and Gemini's code execution: the code it ran and what the code printed
            "executableCode", "codeExecutionResult");

    private static final Set<String> CLAUDE_IMAGES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");
    /** The kinds of inline bytes Gemini reads besides images and PDFs. */
    private static final java.util.function.Predicate<String> GEMINI_INLINE = type -> type != null
            && (type.startsWith("audio/") || type.startsWith("video/") || type.startsWith("text/"));
    private static final Set<String> GEMINI_IMAGES = Set.of("image/jpeg", "image/png", "image/webp", "image/heic", "image/heif");


    /** An item that points at one stored at OpenAI, whose content the request does not hold. */
    private static final String ITEM_REFERENCE = "item_reference";

    @Override
    public Conversation apply(Conversation read, StepContext ctx) {
        ModelFacts facts = ctx.target().facts();
        Conversation c = facts.wire().equals("gemini") ? read : AssistantMedia.out(read, ctx);
        if (facts.anthropicWire()) {
            // Claude takes every block kind of its own; only the model's own limits apply, and it
            // refuses empty text blocks, which other gateways leave next to tool calls
            return EmptyTurns.lastUserTurnKept(c, EmptyTurns.kept(c, p -> p instanceof Part.Image img
                    ? fitImage(img, facts, ctx)
                    : p instanceof Part.Document d && (!facts.pdf() || !readsByAddress(d, facts) || foreignFile(d.source())
                            || notPdfBytes(d.source()) || offTheWeb(d.source())
                            || d.source() instanceof MediaSource.Opaque o && !o.wire().equals("anthropic"))
                    ? fitDocument(d, facts, ctx)
                    : p instanceof Part.Opaque o && !claudeTakes(o) ? foreign(o, ctx)
                    : p instanceof Part.ToolCall t && t.unparsed() != null ? unparsed(t, ctx)
                    : p instanceof Part.ToolResult r ? claudeResultImages(r, facts, ctx) : p, ctx), ctx);
        }
        Loc[] firstCache = new Loc[1];
        // Gemini's request-wide media resolution, for images that set no detail of their own
        String detail = c.extras().isEmpty() || !takesDetail(facts, ctx) ? null : MediaResolution.detail(c.extras());
        Conversation out = EmptyTurns.kept(c, p -> fit(detail != null && p instanceof Part.Image img
                && img.detail() == null ? new Part.Image(img.source(), detail, img.cache(), img.loc()) : p,
                facts, ctx, firstCache, c), ctx);
        if (firstCache[0] != null) {
            ctx.sink().report("PP113", firstCache[0], ctx.targetName());
        }
        return EmptyTurns.lastUserTurnKept(c, out, ctx);
    }

    /**
     * Where {@code part} sits, as PP177 says it: citations are usually in an earlier reply, but a
     * client may send cited text back in a user turn or a tool result. Only cited text comes here.
     */
    private static String place(Conversation c, Part part) {
        for (Part p : c.system()) {
            if (p == part) {
                return "the system prompt";
            }
        }
        for (Turn turn : c.turns()) {
            for (Part p : turn.parts()) {
                if (p == part) {
                    return turn.role() == Role.ASSISTANT ? "an earlier reply" : "a user turn";
                }
                if (p instanceof Part.ToolResult r) {
                    for (Part q : r.content()) {
                        if (q == part) {
                            return "a tool result";
                        }
                    }
                }
            }
        }
        return "the request";
    }

    private static Part fit(Part p, ModelFacts facts, StepContext ctx, Loc[] firstCache, Conversation in) {
        String target = ctx.targetName();
        if (firstCache[0] == null) {
            Loc cache = cacheLoc(p);
            if (cache != null) {
                firstCache[0] = cache.child("cache_control");
            }
        }
        if (p instanceof Part.Text t && t.citations() != null) {
            ctx.sink().report("PP177", t.loc().child("citations"), target, place(in, t));
            return t.withCitations(null);
        }
        if (p instanceof Part.Image img) {
            return fitImage(img, facts, ctx);
        }
        if (p instanceof Part.Document doc) {
            return fitDocument(doc, facts, ctx);
        }
        if (p instanceof Part.ToolResult r) {
            List<Part> content = Parts.mapList(r.content(), q -> fit(q, facts, ctx, firstCache, in));
            if (r.error()) {
                ctx.sink().report("PP118", r.loc(), r.callId(), target, facts.wire().equals("gemini")
                        // GeminiWriter sends the text under the key Gemini's function-calling guide names for errors
                        ? "the text is sent under the response's \"error\" key, the one Gemini documents for a failed call"
                        : "the text now begins with \"Error: \"");
            }
            // a plain-text document (a search result among them) stays in the result as text
            int media = 0;
            for (Part q : content) {
                if ((q instanceof Part.Image || q instanceof Part.Document d && !(d.source() instanceof MediaSource.PlainText))
                        && !GeminiWriter.inResponse(q, facts)) {
                    media++;
                }
            }
            // the Responses API's function output takes images and files, Gemini 3's function response
            // images as data; Chat's tool message and earlier Gemini models' function responses only text
            if (media > 0 && !facts.wire().equals("openai-responses")) {
                ctx.sink().report("PP128", r.loc(), r.callId(), media, target, movedWhy(facts));
            }
            return content == r.content() ? r : new Part.ToolResult(r.callId(), content, r.error(), r.cache(), r.loc());
        }
        if (p instanceof Part.ToolCall t && t.unparsed() != null) {
            return unparsed(t, ctx);
        }
        if (p instanceof Part.Opaque o) {
            if (o.wire().equals(facts.wire()) && o.wire().equals("gemini")) {
                // Gemini's own parts go back to Gemini as they came
                return o;
            }
            if (facts.wire().equals("gemini") && facts.hosts("code_execution")) {
                Part.Opaque run = GeminiCodeRuns.of(o);
                if (run != null) {
                    return run;
                }
            }
            if (o.wire().equals("anthropic")) {
                Part carried = ClaudeBlocks.fit(o, ctx);
                if (carried != ClaudeBlocks.NOT_MINE) {
                    return carried;
                }
            }
            if (o.type().equals(SearchResults.TYPE)) {
                Part.Document doc = SearchResults.asDocument(o);
                if (doc != null) {
                    return fitDocument(doc, facts, ctx);
                }
            }
            return foreign(o, ctx);
        }
        return p;
    }

    /** Why a tool result's images and documents leave it for the target (PP128). */
    private static String movedWhy(ModelFacts facts) {
        if (!facts.wire().equals("gemini")) {
            return "its tool messages carry only text";
        }
        return facts.takes(GeminiWriter.TOOL_RESULT_IMAGES)
                ? "its function responses take only images sent as data, not documents or images by address"
                : "its function responses carry only text; Gemini 3 models take images sent as data there";
    }

    /** How much of a call's unparsed arguments a finding quotes. */
    private static final int QUOTED_ARGUMENTS = 60;

    /**
     * A call whose arguments are not one JSON object goes on with them under {@code "_raw"}: every
     * target takes an object (OpenAI-compatible servers parse the arguments of earlier calls too),
     * and the model still sees what it wrote.
     */
    private static Part unparsed(Part.ToolCall t, StepContext ctx) {
        JsonNode input = RawTrees.parse(t.input().json());
        String text = input == null ? "" : input.path("_raw").asText("");
        ctx.sink().report("PP223", t.unparsed(), t.name(), t.id() == null ? "" : " (" + t.id() + ")",
                Snippets.abbreviate(text, QUOTED_ARGUMENTS), ctx.targetName());
        return t;
    }

    /** Whether {@code o} is a block of Claude's own that Claude takes as it is. */
    private static boolean claudeTakes(Part.Opaque o) {
        return o.wire().equals("anthropic") && ClaudeBlockTypes.known(o.type());
    }

    /**
     * A part the target cannot read: another vendor's (OpenAI's input_audio), or one no vendor
     * knows (a client's own block type). Any prose it held is quoted, so no text goes unnamed.
     */
    private static Part foreign(Part.Opaque o, StepContext ctx) {
        if (!reportedAsKnown(o, ctx)) {
            String prose = ClaudeBlockTypes.prose(o);
            ctx.sink().report("PP129", o.loc(), o.type(), ctx.targetName(), inputItem(o) ? "An input item" : "A content block",
                    prose.isEmpty() ? "" : " The text it held was left out with it: \"" + Snippets.oneLine(prose) + "\"");
        }
        return null;
    }

    /** Whether {@code o} is a whole item of a Responses request's {@code input} list, not a part of one. */
    private static boolean inputItem(Part.Opaque o) {
        String pointer = o.loc().pointer();
        if (!"openai-responses".equals(o.wire()) || pointer == null || !pointer.startsWith("/input/")) {
            return false;
        }
        for (int i = "/input/".length(); i < pointer.length(); i++) {
            if (!Character.isDigit(pointer.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Names a block promptport knows but the target cannot take; false for one it does not know. */
    private static boolean reportedAsKnown(Part.Opaque o, StepContext ctx) {
        if (HOSTED_TOOL_BLOCKS.contains(o.type())) {
            ctx.sink().report("PP164", o.loc(), o.type(), ctx.targetName());
            return true;
        }
        if (o.type().equals(ITEM_REFERENCE)) {
            JsonNode item = RawTrees.parse(o.raw().json());
            ctx.sink().report("PP175", o.loc(), ITEM_REFERENCE, item == null ? "" : Snippets.oneLine(item.path("id").asText("")),
                    ctx.targetName(), "an earlier item of the conversation");
            return true;
        }
        return false;
    }


    /** A tool result's images for Claude, which checks them as it checks the message's own. */
    private static Part claudeResultImages(Part.ToolResult r, ModelFacts facts, StepContext ctx) {
        List<Part> content = Parts.mapList(r.content(), q -> q instanceof Part.Image img ? fitImage(img, facts, ctx)
                : q instanceof Part.Opaque o && !claudeTakes(o) ? foreign(o, ctx) : q);
        return content == r.content() ? r : new Part.ToolResult(r.callId(), content, r.error(), r.cache(), r.loc());
    }

    private static Part fitImage(Part.Image img, ModelFacts facts, StepContext ctx) {
        if (!facts.vision()) {
            ctx.sink().report("PP126", img.loc(), ctx.targetName());
            return null;
        }
        if (img.source() instanceof MediaSource.Base64 b && b.data().isBlank()
                || img.source() instanceof MediaSource.Url u && u.url().isBlank()) {
            // no vendor reads an image of no bytes: a data URL with nothing after "base64," is
            // refused as an invalid image, and the whole request with it
            ctx.sink().report("PP121", img.loc(), "The image holds no data (its " + (img.source() instanceof MediaSource.Base64
                    ? "base64 data" : "address") + " is empty); " + ctx.targetName()
                    + " refuses a request with an empty image, so it was left out.");
            return null;
        }
        if (img.source() instanceof MediaSource.Url u && !onTheWeb(u.url())) {
            // a file:// or other local address: no vendor can fetch it, and each refuses the whole
            // request over an image it cannot download
            ctx.sink().report("PP121", img.loc(), "The image's address " + u.url() + " is not a web address (http or https), so "
                    + ctx.targetName() + " cannot download it and would refuse the whole request; it was left out.");
            return null;
        }
        if (img.detail() != null && (!takesDetail(facts, ctx) || img.detail().equals("medium"))) {
            if (!img.detail().equals("auto")) {
                // "auto" is what every model does unasked
                ctx.sink().report("PP192", img.loc(), img.detail(), ctx.targetName());
            }
            img = new Part.Image(img.source(), null, img.cache(), img.loc());
        }
        if (img.source() instanceof MediaSource.FileRef f && !ownFile(f, ctx, true)) {
            ctx.sink().report("PP121", img.loc(), "The image refers to the uploaded file " + f.fileId()
                    + (MediaSource.FileRef.OPENAI.equals(f.store()) && openAiItself(ctx)
                    // OAS ChatCompletionRequestMessageContentPartImage: image_url.url only, no file_id
                    ? " in OpenAI's file store; Chat Completions takes an image only by its address or its bytes,"
                    + " not by a file id (the Responses API does), so it was left out."
                    : ", which exists only in " + f.storeOwner() + "'s file store; " + ctx.targetName()
                    + " cannot fetch it, so it was left out."));
            return null;
        }
        // Claude, Gemini and OpenAI itself refuse the whole request over an image type they do not
        // read (OpenAI: 400 invalid_image_format); for the other Chat endpoints it is only a risk (PP144)
        Set<String> readable = readableImages(facts, ctx);
        // Claude checks the bytes against the declared type and refuses the request when they
        // differ ("Image does not match the provided media type"); the others read the bytes, but
        // refuse a declared type they do not read, so bytes they do read go as what they are (the
        // bytes are looked at only then: most images need no look)
        if (img.source() instanceof MediaSource.Base64 b && b.mediaType() != null
                && (facts.anthropicWire() || readable != null && !readable.contains(b.mediaType()))) {
            String shown = Base64Types.of(b.data());
            if (shown != null && shown.startsWith("image/") && !shown.equals(b.mediaType())
                    && (facts.anthropicWire() || readable.contains(shown))) {
                ctx.sink().report("PP209", img.loc(), b.mediaType(), shown, ctx.targetName());
                img = new Part.Image(new MediaSource.Base64(shown, b.data()), img.detail(), img.cache(), img.loc());
            }
        }
        String type = img.source() instanceof MediaSource.Base64 b ? b.mediaType()
                : img.source() instanceof MediaSource.Url u ? (u.mediaType() != null || !facts.wire().equals("gemini")
                ? u.mediaType() : GeminiMime.fromUrl(u.url(), null)) : null;
        if (readable != null && type != null && !readable.contains(type)) {
            ctx.sink().report("PP121", img.loc(), "The image is " + type + ", which " + ctx.targetName()
                    + " does not read (it takes " + (facts.wire().equals("gemini") ? "PNG, JPEG, WEBP, HEIC and HEIF"
                    : facts.anthropicWire() ? "PNG, JPEG, WEBP and GIF" : "PNG, JPEG, WEBP and non-animated GIF")
                    + "), so it was left out.");
            return null;
        }
        if (facts.wire().equals("gemini") && img.source() instanceof MediaSource.Url u && type == null) {
            // fileData must declare a type; a wrong one can make Gemini refuse or misread the image
            ctx.sink().report("PP193", img.loc(), u.url(), ctx.targetName(), GeminiMime.IMAGE_GUESS);
        }
        if (img.source() instanceof MediaSource.PlainText) {
            ctx.sink().report("PP121", img.loc(), "The image block carries text instead of image bytes; "
                    + ctx.targetName() + " cannot take it as an image, so it was left out.");
            return null;
        }
        if (img.source() instanceof MediaSource.Opaque o) {
            ctx.sink().report("PP121", img.loc(), "The image source of type \"" + o.type()
                    + "\" is not one promptport can send to " + ctx.targetName() + ", so the image was left out.");
            return null;
        }
        return img;
    }

    /** The image types the target reads, when it refuses the request over any other; else {@code null}. */
    static Set<String> readableImages(ModelFacts facts, StepContext ctx) {
        return facts.anthropicWire() ? CLAUDE_IMAGES : facts.wire().equals("gemini") ? GEMINI_IMAGES
                // OpenAI reads the same four types Claude does
                : openAiItself(ctx) ? CLAUDE_IMAGES : null;
    }

    /** Whether the target's image parts take OpenAI's {@code detail} setting. */
    static boolean takesDetail(ModelFacts facts, StepContext ctx) {
        return facts.wire().equals("openai-responses") || facts.wire().equals("openai-chat") && ctx.chatDialect().imageDetail();
    }

    private static Part fitDocument(Part.Document doc, ModelFacts facts, StepContext ctx) {
        String target = ctx.targetName();
        String name = doc.title() == null ? "(untitled)" : doc.title();
        if (doc.citations()) {
            ctx.sink().report("PP122", doc.loc(), name, target);
        }
        MediaSource s = doc.source();
        if (s instanceof MediaSource.FileRef f && ownFile(f, ctx, false)) {
            return doc;
        }
        if (s instanceof MediaSource.Blocks b) {
            // only Claude takes a document of blocks: its text goes as a plain-text document
            if (b.otherBlocks() > 0) {
                ctx.sink().report("PP121", doc.loc(), "The document \"" + name + "\" holds " + b.otherBlocks()
                        + " block(s) other than text (images), which " + target
                        + " cannot take inside a document, so they were left out; its text is sent.");
            }
            Part.Document text = new Part.Document(new MediaSource.PlainText("text/plain", b.text()), doc.title(),
                    doc.context(), false, doc.cache(), doc.loc());
            return b.text().isEmpty() ? null : fitDocument(text, facts, ctx);
        }
        if (s instanceof MediaSource.PlainText) {
            ctx.sink().report("PP120", doc.loc(), "The plain-text document \"" + name
                    + "\" is sent as text inside <document> tags, since " + target + " has no document blocks.");
            return doc;
        }
        if (s instanceof MediaSource.Base64 b && audio(b) && !facts.wire().equals("gemini")) {
            if (chatAudio(doc, b, ctx)) {
                return doc;
            }
            ctx.sink().report("PP121", doc.loc(), "The audio clip (" + b.mediaType() + ") cannot be sent: " + target
                    + " takes no audio in a request, so it was left out.");
            return null;
        }
        if (s instanceof MediaSource.Base64 b && "application/pdf".equals(b.mediaType())) {
            if (!facts.pdf()) {
                ctx.sink().report("PP121", doc.loc(), "The PDF \"" + name + "\" cannot be sent: " + target
                        + " does not read PDF files, so it was left out.");
                return null;
            }
            if (!ownForm(doc, ctx)) {
                ctx.sink().report("PP120", doc.loc(), "The PDF \"" + name + "\" is sent as a file part; " + target
                        + " extracts its text and page images its own way, so answers about layout, tables or figures may differ.");
            }
            return doc;
        }
        if (offTheWeb(s)) {
            // as for an image: no vendor fetches a file:// address, and each refuses the whole request over it
            ctx.sink().report("PP121", doc.loc(), "The document \"" + name + "\" is at " + ((MediaSource.Url) s).url()
                    + ", which is not a web address (http or https), so " + target
                    + " cannot download it and would refuse the whole request; it was left out.");
            return null;
        }
        if (s instanceof MediaSource.Url u && facts.pdf() && readsByAddress(doc, facts)) {
            if (ownForm(doc, ctx)) {
                return doc;
            }
            ctx.sink().report("PP120", doc.loc(), "The " + fileKind(u) + " \"" + name + "\" is sent by its address ("
                    + u.url() + "); " + target + " fetches it itself, so the address must be public or signed, and it"
                    + " reads the file its own way: answers about layout, tables or figures may differ.");
            return doc;
        }
        if (s instanceof MediaSource.Base64 b && facts.wire().equals("gemini") && GEMINI_INLINE.test(b.mediaType())) {
            // Gemini reads audio, video and other files as inline bytes of their own type
            return doc;
        }
        String what = s instanceof MediaSource.Base64 b && b.mediaType() != null ? "is " + b.mediaType()
                + " data, which " + target + " cannot take as a document or attachment"
                : s instanceof MediaSource.Url u ? (u.pdfOrUntyped() ? "is given by URL (" + u.url() + "), which "
                + target + " does not fetch for documents" : "is a " + u.mediaType() + " file given by URL (" + u.url()
                + "), which " + target + " does not read")
                : s instanceof MediaSource.FileRef f ? "refers to the uploaded file " + f.fileId()
                + ", which exists only in " + f.storeOwner() + "'s file store"
                : "has a source promptport cannot send to " + target;
        ctx.sink().report("PP121", doc.loc(), "The document \"" + name + "\" " + what + ", so it was left out.");
        return null;
    }

    private static boolean audio(MediaSource.Base64 b) {
        return b.mediaType() != null && b.mediaType().startsWith("audio/");
    }

    /**
     * Whether the clip goes back to OpenAI's Chat Completions as the {@code input_audio} part it
     * came in: only OpenAI's own API takes one, in the two formats it names (wav, mp3).
     */
    private static boolean chatAudio(Part.Document doc, MediaSource.Base64 b, StepContext ctx) {
        return "openai-chat".equals(doc.wire()) && ctx.target().facts().wire().equals("openai-chat")
                && ctx.chatDialect() == ChatDialect.OPENAI
                && (b.mediaType().equals("audio/wav") || b.mediaType().equals("audio/mp3"));
    }

    /**
     * Whether the target fetches the document at its address itself: Claude and the Responses
     * API take a PDF's address (Chat Completions takes only a file's bytes or id), and Gemini
     * fetches any public or signed address, whatever the file's type.
     */
    private static boolean readsByAddress(Part.Document doc, ModelFacts facts) {
        if (!(doc.source() instanceof MediaSource.Url u)) {
            return true;
        }
        return switch (facts.wire()) {
            case "gemini" -> true;
            case "anthropic", "openai-responses" -> u.pdfOrUntyped();
            default -> false;
        };
    }

    /**
     * Whether the document came in the target vendor's own document part (a Chat {@code file} part
     * for OpenAI, {@code inlineData} for Gemini): it goes on as it came and the model reads it as
     * the input's did. OpenAI's two APIs share one reading of files, so one's part is the other's.
     */
    private static boolean ownForm(Part.Document doc, StepContext ctx) {
        String from = doc.wire();
        if (from == null) {
            return false;
        }
        String wire = ctx.target().facts().wire();
        return switch (from) {
            case "gemini" -> wire.equals("gemini");
            case "openai-chat", "openai-responses" -> wire.equals("openai-responses")
                    || wire.equals("openai-chat") && ctx.chatDialect() == ChatDialect.OPENAI;
            default -> false;
        };
    }

    /** Inline bytes other than a PDF's: Claude's base64 documents are PDFs only. */
    private static boolean notPdfBytes(MediaSource s) {
        return s instanceof MediaSource.Base64 b && !"application/pdf".equals(b.mediaType());
    }

    /**
     * A file in the target vendor's own store, the only vendor that can read it, in a part that
     * can name it there: Chat Completions takes a file id for a file part, not for an image.
     */
    private static boolean ownFile(MediaSource.FileRef f, StepContext ctx, boolean image) {
        ModelFacts facts = ctx.target().facts();
        return switch (f.store()) {
            case MediaSource.FileRef.ANTHROPIC -> facts.anthropicWire();
            case MediaSource.FileRef.GOOGLE -> facts.wire().equals("gemini");
            case MediaSource.FileRef.OPENAI -> openAiItself(ctx) && !(image && facts.wire().equals("openai-chat"));
            default -> false;
        };
    }

    /**
     * Whether the target is OpenAI's own API, whose file store holds the files an OpenAI request
     * names: the compatible vendors (Azure, DeepSeek, Groq, Mistral, …) keep stores of their own
     * or none, so an OpenAI file id means nothing to them.
     */
    static boolean openAiItself(StepContext ctx) {
        return switch (ctx.target().facts().wire()) {
            case "openai-chat" -> ctx.chatDialect() == ChatDialect.OPENAI;
            // the built-in Responses targets are OpenAI's; a user's model "like" one may be another vendor's
            case "openai-responses" -> ctx.target().vendor().equalsIgnoreCase("openai-responses")
                    || ctx.target().vendor().equalsIgnoreCase("openai");
            default -> false;
        };
    }

    /** A file in a store other than Anthropic's, which Claude cannot read. */
    private static boolean foreignFile(MediaSource s) {
        return s instanceof MediaSource.FileRef f && !MediaSource.FileRef.ANTHROPIC.equals(f.store());
    }

    private static boolean offTheWeb(MediaSource s) {
        return s instanceof MediaSource.Url u && !onTheWeb(u.url());
    }

    /** Whether a vendor can fetch the address: http or https, the only schemes their image fetchers take. */
    private static boolean onTheWeb(String url) {
        return url.regionMatches(true, 0, "https://", 0, 8) || url.regionMatches(true, 0, "http://", 0, 7);
    }

    private static String fileKind(MediaSource.Url u) {
        return u.pdfOrUntyped() ? "PDF" : u.mediaType() + " file";
    }

    private static Loc cacheLoc(Part p) {
        if (p instanceof Part.Text t && t.cache() != null) {
            return t.loc();
        }
        if (p instanceof Part.Image i && i.cache() != null) {
            return i.loc();
        }
        if (p instanceof Part.Document d && d.cache() != null) {
            return d.loc();
        }
        if (p instanceof Part.ToolCall t && t.cache() != null) {
            return t.loc();
        }
        if (p instanceof Part.ToolResult r && r.cache() != null) {
            return r.loc();
        }
        return null;
    }
}
