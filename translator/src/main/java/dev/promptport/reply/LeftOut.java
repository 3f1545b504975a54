package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** The lines that name what a reply held and Anthropic's shape has no place for. */
final class LeftOut {

    private static final int SHOWN = 3;

    private LeftOut() {
    }

    /**
     * The vendor's own web citations, by address: "2 web citations on the reply's text
     * (annotations): https://a, https://b". Anthropic's citations of web pages carry an index
     * only Claude issues, so these cannot become Claude citations.
     */
    static String citations(int count, List<String> urls, String where) {
        return count + (count == 1 ? " web citation" : " web citations") + " on the reply's text (" + where + ')'
                + shown(urls);
    }

    /**
     * Pages the vendor fetched for the reply, by address: "2 pages fetched for the reply
     * (urlContextMetadata): https://a, https://b". Claude's record of a fetch holds the page
     * itself, which the vendor does not return.
     */
    static String fetched(int count, List<String> urls, String where) {
        return count + (count == 1 ? " page" : " pages") + " fetched for the reply (" + where + ')' + shown(urls);
    }

    /** ": a, b, c and 2 more": the first few of a list, or nothing for an empty one. */
    static String shown(List<String> urls) {
        if (urls.isEmpty()) {
            return "";
        }
        String list = ": " + String.join(", ", urls.subList(0, Math.min(SHOWN, urls.size())));
        return urls.size() > SHOWN ? list + " and " + (urls.size() - SHOWN) + " more" : list;
    }

    /** The address one citation or source points at, or {@code null}. */
    static String url(JsonNode item) {
        for (String at : new String[]{"url", "uri", "retrievedUrl"}) {
            String url = Json.text(item, at);
            if (url != null) {
                return url;
            }
        }
        String nested = Json.text(item.path("url_citation"), "url");
        return nested != null ? nested : Json.text(item.path("web"), "uri");
    }

    /**
     * The log-probabilities the vendor gave for the reply's tokens, which the request asked for
     * ({@code logprobs}): "the log-probabilities of the reply's tokens (logprobs): an Anthropic
     * reply has no place for them". Said without a count, so that a stream, which sends them
     * a piece at a time, names them once.
     */
    static String logprobs(String where) {
        return "the log-probabilities of the reply's tokens (" + where + "): an Anthropic reply has no place for them";
    }

    /**
     * Reasoning a proxy passed on signed or encrypted ({@code where}: OpenRouter's
     * {@code reasoning_details}, LiteLLM's {@code thinking_blocks}), which only the model that
     * wrote it can read back. Said once, without a count, as a stream sends it a piece at a time.
     */
    static String signedReasoning(String where) {
        return "the model's signed or encrypted reasoning (" + where + "): the thinking block keeps only its readable"
                + " text, so the next request cannot hand it back to the model";
    }

    /**
     * A second reasoning text beside {@code reasoning_content} that says something else (servers
     * that send both send the same text twice; the thinking block holds one). Said once.
     */
    static String otherReasoning() {
        return "the reply's reasoning text (reasoning), which differs from its reasoning_content: the thinking block holds"
                + " the reasoning_content";
    }

    /**
     * Whether a {@code logprobs} field holds any: a non-empty array (Responses), or an object
     * with one (Chat's {@code content} and {@code refusal}, Gemini's {@code chosenCandidates}).
     * Servers send {@code null} or empty lists when the request did not ask for them.
     */
    static boolean holdsLogprobs(JsonNode n) {
        if (n == null || n.isNull()) {
            return false;
        }
        if (n.isArray()) {
            return !n.isEmpty();
        }
        if (n.isObject()) {
            for (JsonNode v : n) {
                if (v.isArray() && !v.isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The audio of a spoken reply (Chat's {@code message.audio}): "the audio of the spoken reply
     * (message.audio audio_1, 6 bytes): an Anthropic reply holds no audio; its transcript is the
     * reply's text". The id is what a later OpenAI request would cite it by.
     */
    static String audio(String id, long bytes, boolean transcript) {
        return "the audio of the spoken reply (message.audio" + (id == null ? "" : " " + id) + ", " + bytes
                + (bytes == 1 ? " byte" : " bytes") + "): an Anthropic reply holds no audio"
                + (transcript ? "; its transcript is the reply's text" : "");
    }

    /**
     * Images OpenAI's code interpreter made (a {@code code_interpreter_call}'s image outputs):
     * "1 image the code interpreter made, which an Anthropic reply cannot hold
     * (code_interpreter_call outputs, container cntr_1): https://…". Claude's code execution result holds files by Anthropic's file ids, which
     * these are not; the addresses need OpenAI's key and last as long as the container.
     */
    static String codeImages(List<String> urls, String containerId) {
        List<String> shown = new ArrayList<>(urls.size());
        for (String u : urls) {
            if (!u.isEmpty() && !shown.contains(u)) {
                shown.add(u);
            }
        }
        return urls.size() + (urls.size() == 1 ? " image" : " images") + " the code interpreter made, which an Anthropic reply"
                + " cannot hold (code_interpreter_call outputs" + (containerId == null ? "" : ", container " + containerId) + ')'
                + shown(shown);
    }

    /**
     * What OpenAI's moderation flagged ({@code moderation.input} / {@code moderation.output},
     * which a request can ask for): "OpenAI's moderation flagged the reply (moderation.output):
     * violence". Nothing when it flagged nothing: the results of every reply would otherwise be
     * a line.
     */
    static String moderation(JsonNode moderation, String side, String what) {
        JsonNode m = moderation.path(side);
        List<String> categories = new ArrayList<>();
        boolean flagged = false;
        for (JsonNode r : m.path("results")) {
            if (r.path("flagged").asBoolean(false)) {
                flagged = true;
                r.path("categories").fields().forEachRemaining(c -> {
                    if (c.getValue().asBoolean(false) && !categories.contains(c.getKey())) {
                        categories.add(c.getKey());
                    }
                });
            }
        }
        return flagged ? "OpenAI's moderation flagged " + what + " (moderation." + side + ')'
                + (categories.isEmpty() ? "" : ": " + String.join(", ", categories)) : null;
    }

    /**
     * A tool call the vendor sent with neither a function name nor arguments, perhaps only an
     * id after the reply's finish reason: "an empty tool call (call_1): the vendor gave it no
     * function name and no arguments, so there was nothing to call".
     */
    static String emptyToolCall(String id) {
        return "an empty tool call" + (id == null ? "" : " (" + id + ")")
                + ": the vendor gave it no function name and no arguments, so there was nothing to call";
    }

    /**
     * An image the model made, which a Chat reply carries as an {@code image_url} content part
     * or (OpenRouter) in the message's {@code images} ({@code where}): "an image the model made
     * (images, image/png, 1024 bytes): an Anthropic reply holds no images". The address is given
     * when it is not the image itself (a data URL), so that the caller can still fetch it.
     */
    static String madeImage(JsonNode imageUrl, String where) {
        String url = imageUrl == null ? null : imageUrl.isTextual() ? imageUrl.textValue() : Json.text(imageUrl, "url");
        String what;
        if (url != null && url.startsWith("data:")) {
            int semi = url.indexOf(';');
            int comma = url.indexOf(',');
            String mime = semi > 5 && (comma < 0 || semi < comma) ? url.substring(5, semi) : "image";
            long bytes = comma < 0 ? 0 : (url.length() - comma - 1) * 3L / 4 - (url.endsWith("==") ? 2 : url.endsWith("=") ? 1 : 0);
            what = where + ", " + mime + ", " + bytes + (bytes == 1 ? " byte" : " bytes");
        } else {
            what = url == null || url.isEmpty() ? where : where + ", " + url;
        }
        return "an image the model made (" + what + "): an Anthropic reply holds no images";
    }

    /** A part or item of the vendor's own kind, by its name: "a web_search_call item". */
    static String kind(String name, String what) {
        return withArticle(name) + " " + what + " (no Anthropic block holds it)";
    }

    /** "an image/png", "a web_search_call". */
    static String withArticle(String name) {
        return (startsWithVowel(name) ? "an " : "a ") + name;
    }

    private static boolean startsWithVowel(String s) {
        return !s.isEmpty() && "aeiouAEIOU".indexOf(s.charAt(0)) >= 0;
    }
}
