package dev.promptport.traffic;

import com.fasterxml.jackson.core.JsonToken;
import dev.promptport.InputFormat;
import dev.promptport.LimitExceededException;
import dev.promptport.Limits;
import dev.promptport.PromptPortException;
import dev.promptport.read.JsonLexer;

import java.util.Arrays;

/**
 * Reads one log line in a single streaming pass: checks it is one JSON object, takes the
 * request out of a {@code "request"}, {@code "body"}, {@code "request_body"},
 * {@code "requestBody"} or {@code "proxy_server_request"} wrapper (an object, or a string
 * holding the JSON), two deep at most as in {@code {"request": {"url": …, "body": …}}}, and
 * tells the request format from its shape with the rules of the command line's format sniffer
 * ({@code contents} is Gemini, {@code input} is OpenAI Responses, system, developer or tool
 * roles, {@code tool_calls}, {@code image_url}/{@code input_audio}/{@code file} parts, function
 * tools or {@code max_completion_tokens}/{@code reasoning_effort}/{@code response_format} are
 * OpenAI Chat, the rest is Anthropic). No tree is built, except for a Bedrock Converse body,
 * which is rewritten as the Messages request it stands for ({@link BedrockConverse}).
 *
 * <p>The envelopes of batch files and gateway logs say more than the shape, and win over it: a
 * {@code url} beside the request (OpenAI Batch input, gateway logs) or a LiteLLM
 * {@code call_type} names the wire ({@link UrlKind}); {@code custom_id} with {@code params} is
 * an Anthropic Message Batches request; Amazon Bedrock's invocation logs ({@code input.inputBodyJson}
 * beside {@code operation} and {@code modelId}, see {@link Bedrock}) and batch records
 * ({@code recordId}, {@code modelInput}) hold a Claude request; LiteLLM's StandardLoggingPayload ({@code call_type},
 * {@code messages}, {@code model_parameters}) is put back together as the chat request it
 * logged. Lines that are known records holding no prompt (batch results, embeddings requests)
 * are skipped with a {@link SkipReason}. When the envelope and the request's shape disagree the
 * line is bad, with a message saying what the envelope expected.
 */
final class LineSniffer {

    private LineSniffer() {
    }

    /**
     * A request taken out of a line, and its format.
     *
     * @param view the request one byte per char, cut from the line's copy when the line came with one, or null
     */
    record Request(String json, InputFormat format, byte[] view) {
        Request(String json, InputFormat format) {
            this(json, format, null);
        }
    }

    /** The line is not JSON or not an object; the message says why. */
    static final class BadLineException extends Exception {
        BadLineException(String message) {
            super(message, null, false, false);
        }
    }

    /** The line is a known record that holds no prompt: it is counted, not audited. */
    static final class SkippedLineException extends Exception {
        private final SkipReason reason;

        SkippedLineException(SkipReason reason) {
            super(reason.message(), null, false, false);
            this.reason = reason;
        }

        SkipReason reason() {
            return reason;
        }
    }

    /** How many wrappers a line may put around its request. */
    private static final int MAX_WRAPPERS = 2;

    /** What one object of the line holds, as far as telling its request goes. */
    static final class Shape {
        boolean contents;
        boolean messages;
        boolean input;
        boolean chat;
        // a wrapped request: either a span of the line or a string
        int start = -1;
        int end = -1;
        String body;
        /** The shape of the object wrapped at [start, end). */
        Shape inner;
        /** The wrapper is LiteLLM's proxy_server_request, empty when the proxy kept no prompt. */
        boolean proxyRequest;
        int fields;
        // what an envelope says
        String url;
        String callType;
        boolean customId;
        boolean key;
        boolean result;
        boolean response;
        /** An error object in a reply's place, as batch output files write a failed request. */
        boolean error;
        // an Anthropic Message Batches request: "params" at [paramsStart, paramsEnd)
        int paramsStart = -1;
        int paramsEnd = -1;
        Shape params;
        // a LiteLLM StandardLoggingPayload: the spans of its model, messages and model_parameters
        int modelStart = -1;
        int modelEnd = -1;
        int messagesStart = -1;
        int messagesEnd = -1;
        int modelParametersStart = -1;
        int modelParametersEnd = -1;
        // an Amazon Bedrock model invocation log: an "input" object holding the body, the call and the model
        boolean bedrock;
        boolean bodyInS3;
        String operation;
        String modelId;
        /** The request names a Claude API version in its body, as Bedrock's and Vertex AI's Claude requests do. */
        boolean anthropicVersion;
        /** A {@code prompt} string: the one prompt of a legacy text completion. */
        boolean promptString;
        // a Bedrock batch inference record: "recordId" beside "modelInput", and in output files "modelOutput"
        boolean recordId;
        boolean modelOutput;

        // objects under names no log format here uses that hold a request (or wrap one), and the first of them
        int candidates;
        Shape candidate;
        String candidateName;
        String secondCandidateName;
        int candidateStart = -1;
        int candidateEnd = -1;

        boolean wraps() {
            return body != null || inner != null;
        }

        /**
         * A line of a log this reader does not know by name (Vertex AI's request-response log
         * as exported, say) holds no request at its top level but one object that does: that
         * object is the request. With two such objects it is not clear which, and none is taken.
         */
        boolean unnamed() {
            return candidates == 1 && holdsNoRequest();
        }

        /** Neither a request nor any envelope this reader knows by name. */
        boolean holdsNoRequest() {
            return !messages && !contents && !input && !wraps() && params == null && !liteLlmPayload() && !bedrock;
        }

        /** A batch result or output line: it answers a request and holds none. */
        SkipReason reply() {
            if (recordId && (modelOutput || error)) {
                // Bedrock's batch output repeats each record's modelInput beside its reply
                return SkipReason.BEDROCK_BATCH_OUTPUT;
            }
            if (wraps() || params != null) {
                return null;
            }
            if (customId && result) {
                return SkipReason.ANTHROPIC_BATCH_RESULT;
            }
            if (customId && (response || error)) {
                return SkipReason.OPENAI_BATCH_OUTPUT;
            }
            return key && (response || error) ? SkipReason.GEMINI_BATCH_RESULT : null;
        }

        /** What this object's url, else its LiteLLM call type, says; null when nothing. */
        UrlKind endpoint() {
            UrlKind e = url == null ? null : UrlKind.ofUrl(url);
            if (e == null && callType != null) {
                e = UrlKind.ofCallType(callType);
            }
            return e;
        }

        String endpointSource() {
            return url != null && UrlKind.ofUrl(url) != null ? "the url " + quote(url) : "the call_type " + quote(callType);
        }

        boolean liteLlmPayload() {
            return callType != null && modelParametersStart >= 0 && !wraps();
        }

        InputFormat format() {
            if (contents && !messages) {
                return InputFormat.GEMINI;
            }
            if (input && !messages) {
                return InputFormat.OPENAI_RESPONSES;
            }
            return chat ? InputFormat.OPENAI_CHAT : InputFormat.ANTHROPIC;
        }
    }

    static Request read(String line) throws BadLineException, SkippedLineException {
        return read(line, null, Limits.DEFAULTS);
    }

    static Request read(String line, Limits limits) throws BadLineException, SkippedLineException {
        return read(line, null, limits);
    }

    /**
     * @param view the line one byte per char (the copy the lexer scans; its bytes when all ASCII), or null
     * @param limits the JSON depth limit, a level deeper for each wrapper, is enforced here
     * @throws SkippedLineException for a known record that holds no prompt
     */
    static Request read(String line, byte[] view, Limits limits) throws BadLineException, SkippedLineException {
        int stamp = EventTime.jsonStart(line);
        String text = stamp == 0 ? line : line.substring(stamp);
        String request = text;
        // the one-byte copies of text while it is the line, and of request while it is text or a span of it
        byte[] textView = stamp == 0 ? view : span(view, stamp, line.length());
        byte[] requestView = textView;
        int wrappers = MAX_WRAPPERS;
        Shape s = new Shape();
        parse(limits, text, textView, s, wrappers, stamp);
        // the nearest envelope that names the wire, and where it said so
        UrlKind wire = null;
        String source = null;
        boolean converse = false;
        while (true) {
            UrlKind here = s.endpoint();
            if (here != null) {
                wire = here;
                source = s.endpointSource();
            }
            if (wire != null && wire.skip() != null) {
                throw new SkippedLineException(wire.skip());
            }
            SkipReason reply = s.reply();
            if (reply != null) {
                throw new SkippedLineException(reply);
            }
            if (s.customId && s.params != null && !s.wraps()) {
                // the Message Batches API takes Messages requests only
                request = text.substring(s.paramsStart, s.paramsEnd);
                requestView = span(textView, s.paramsStart, s.paramsEnd);
                s = s.params;
                wire = UrlKind.ANTHROPIC;
                source = "a Message Batches line (custom_id and params)";
            } else if (s.body != null) {
                // a string holding the JSON: read again on its own
                Shape outer = s;
                text = s.body;
                request = text;
                textView = null;
                requestView = null;
                wrappers--;
                s = new Shape();
                parse(limits, text, null, s, wrappers, 0);
                noPrompt(outer.proxyRequest, s);
                if (outer.bedrock) {
                    wire = Bedrock.wire(outer, s);
                    source = Bedrock.source(outer);
                    converse = Bedrock.converse(outer);
                }
            } else if (s.inner != null) {
                request = text.substring(s.start, s.end);
                requestView = span(textView, s.start, s.end);
                noPrompt(s.proxyRequest, s.inner);
                if (s.bedrock) {
                    wire = Bedrock.wire(s, s.inner);
                    source = Bedrock.source(s);
                    converse = Bedrock.converse(s);
                }
                s = s.inner;
                wrappers--;
            } else if (s.candidates > 1 && s.holdsNoRequest()) {
                throw new BadLineException("no request at the top level of the line, and both " + quote(s.candidateName)
                        + " and " + quote(s.secondCandidateName) + " hold one: which to audit is not clear");
            } else if (s.unnamed()) {
                request = text.substring(s.candidateStart, s.candidateEnd);
                requestView = span(textView, s.candidateStart, s.candidateEnd);
                s = s.candidate;
                wrappers--;
            } else if (s.bedrock) {
                if (s.bodyInS3) {
                    throw new SkippedLineException(SkipReason.BEDROCK_BODY_IN_S3);
                }
                throw new BadLineException("a Bedrock invocation log line whose \"input\" holds no \"inputBodyJson\"");
            } else if (s.liteLlmPayload()) {
                return LiteLlm.request(text, s, wire);
            } else {
                if (wire == null) {
                    return new Request(request, s.format(), requestView);
                }
                agree(wire, source, s);
                if (converse) {
                    return new Request(BedrockConverse.toAnthropic(request), InputFormat.ANTHROPIC);
                }
                return new Request(request, wire.format(), requestView);
            }
        }
    }

    /** LiteLLM writes {} for the request when it keeps no prompts. */
    private static void noPrompt(boolean proxyRequest, Shape request) throws SkippedLineException {
        if (proxyRequest && request.fields == 0) {
            throw new SkippedLineException(SkipReason.LITELLM_NO_REQUEST);
        }
    }

    /**
     * The envelope names the wire; a request whose shape is plainly another one's (its prompt
     * under another vendor's field) is bad rather than read in a format it is not in.
     */
    private static void agree(UrlKind wire, String source, Shape s) throws BadLineException {
        String expected;
        String found;
        switch (wire.format()) {
            case GEMINI -> {
                expected = "\"contents\"";
                found = s.contents ? null : s.messages ? "\"messages\"" : s.input ? "\"input\"" : null;
            }
            case OPENAI_RESPONSES -> {
                expected = "\"input\"";
                found = s.input ? null : s.messages ? "\"messages\"" : s.contents ? "\"contents\"" : null;
            }
            default -> {
                expected = "\"messages\"";
                found = s.messages ? null : s.contents ? "\"contents\"" : s.input ? "\"input\"" : null;
            }
        }
        if (found != null) {
            throw new BadLineException(source + " says " + wire.format().label() + ", whose prompt is under "
                    + expected + ", but the request has " + found + " instead");
        }
    }

    /** The one-byte copy of {@code [from, to)} of a text whose copy is {@code view}, or null without one. */
    private static byte[] span(byte[] view, int from, int to) {
        return view == null ? null : Arrays.copyOfRange(view, from, to);
    }

    /** A value from the line for a message: quoted, and cut short when long. */
    static String quote(String value) {
        return "\"" + (value.length() > 80 ? value.substring(0, 80) + "…" : value) + "\"";
    }

    /**
     * A wrapper puts a request one level deeper, so the text may nest a level more than the
     * limit for each wrapper still allowed; the request's own depth is checked exactly when it
     * is translated.
     *
     * @param columns where {@code text} starts on its line (after a time stamp), for the columns errors name
     */
    private static void parse(Limits limits, String text, byte[] view, Shape shape, int wrappers, int columns)
            throws BadLineException {
        String what = wrappers == MAX_WRAPPERS ? "line" : "request";
        int depth = limits.maxJsonDepth() + wrappers;
        try {
            JsonLexer p = view != null ? new JsonLexer(text, view, depth, null) : new JsonLexer(text, depth);
            JsonToken t;
            try {
                t = p.next();
            } catch (PromptPortException e) {
                t = null;
                if (!text.isBlank()) {
                    throw e;
                }
            }
            if (t != JsonToken.START_OBJECT) {
                throw new BadLineException(t == null ? "empty " + what : "the " + what + " is not a JSON object");
            }
            object(p, shape, wrappers);
            try {
                p.requireEnd();
            } catch (PromptPortException e) {
                throw new BadLineException("text after the JSON object on the " + what);
            }
        } catch (LimitExceededException e) {
            throw new BadLineException(LimitExceededException.jsonDepth(limits.maxJsonDepth(), e.location()).describe());
        } catch (PromptPortException e) {
            throw new BadLineException("not JSON" + (e.location().hasPosition() ? " at column " + (e.location().column() + columns) : "")
                    + ": " + e.getMessage().replaceFirst("^invalid JSON: ", ""));
        }
    }

    /** At START_OBJECT of a request (or a wrapper); consumes through its END_OBJECT. */
    private static void object(JsonLexer p, Shape s, int wrappers) throws BadLineException {
        while (p.next() == JsonToken.FIELD_NAME) {
            String name = p.name();
            JsonToken v = p.next();
            s.fields++;
            switch (name) {
                case "contents" -> s.contents = true;
                case "messages" -> {
                    s.messages = true;
                    if (v == JsonToken.START_ARRAY) {
                        s.messagesStart = p.tokenStart();
                        messages(p, s);
                        s.messagesEnd = p.tokenEnd();
                        continue;
                    }
                }
                case "input" -> {
                    if (v == JsonToken.START_OBJECT && wrappers > 0 && s.start < 0 && s.body == null) {
                        // never a Responses input, which is a string or a list: Bedrock's log keeps the body here
                        bedrockInput(p, s, wrappers);
                        s.input |= !s.bedrock;
                        continue;
                    }
                    s.input = true;
                }
                case "max_completion_tokens", "reasoning_effort", "response_format" -> s.chat = true;
                case "tools" -> {
                    if (v == JsonToken.START_ARRAY) {
                        tools(p, s);
                        continue;
                    }
                }
                case "request", "body", "request_body", "requestBody", "proxy_server_request", "modelInput" -> {
                    if (wrappers > 0 && s.start < 0 && s.body == null) {
                        s.proxyRequest = name.equals("proxy_server_request");
                        wrapped(p, s, name, v, wrappers);
                        continue;
                    }
                }
                default -> {
                    if (envelope(p, s, name, v)) {
                        continue;
                    }
                    if (v == JsonToken.START_OBJECT && wrappers > 0) {
                        candidate(p, s, name, wrappers);
                        continue;
                    }
                }
            }
            p.skipChildren();
        }
    }

    /**
     * At START_OBJECT of a field no log format here names: noted as where the request may be,
     * for a line that holds none at its top level ({@link Shape#unnamed}).
     */
    private static void candidate(JsonLexer p, Shape s, String name, int wrappers) throws BadLineException {
        int start = p.tokenStart();
        Shape c = new Shape();
        object(p, c, wrappers - 1);
        if (c.messages || c.contents || c.input || c.wraps()) {
            if (++s.candidates == 1) {
                s.candidate = c;
                s.candidateName = name;
                s.candidateStart = start;
                s.candidateEnd = p.tokenEnd();
            } else if (s.candidates == 2) {
                s.secondCandidateName = name;
            }
        }
    }

    /**
     * The fields of batch files' and log records' envelopes, apart from the request's own so
     * that a bare request's fields are told as quickly as ever.
     *
     * @return whether the value was consumed
     */
    private static boolean envelope(JsonLexer p, Shape s, String name, JsonToken v) throws BadLineException {
        switch (name) {
            case "model" -> {
                if (v == JsonToken.VALUE_STRING) {
                    s.modelStart = p.tokenStart();
                    s.modelEnd = p.tokenEnd();
                    return true;
                }
            }
            case "url", "request_path", "path" -> {
                if (v == JsonToken.VALUE_STRING && s.url == null) {
                    s.url = p.string();
                    return true;
                }
            }
            case "call_type" -> {
                if (v == JsonToken.VALUE_STRING) {
                    s.callType = p.string();
                    return true;
                }
            }
            case "custom_id" -> s.customId = true;
            case "recordId" -> s.recordId = true;
            case "modelOutput" -> s.modelOutput = true;
            case "anthropic_version" -> s.anthropicVersion = true;
            case "prompt" -> s.promptString |= v == JsonToken.VALUE_STRING;
            case "operation" -> {
                if (v == JsonToken.VALUE_STRING) {
                    s.operation = p.string();
                    return true;
                }
            }
            case "modelId" -> {
                if (v == JsonToken.VALUE_STRING) {
                    s.modelId = p.string();
                    return true;
                }
            }
            case "key" -> s.key = true;
            case "result" -> s.result = v == JsonToken.START_OBJECT;
            case "response" -> s.response = v == JsonToken.START_OBJECT;
            case "error", "status" -> s.error |= v == JsonToken.START_OBJECT;
            case "params" -> {
                if (v == JsonToken.START_OBJECT && s.params == null) {
                    s.paramsStart = p.tokenStart();
                    s.params = new Shape();
                    object(p, s.params, 0);
                    s.paramsEnd = p.tokenEnd();
                    return true;
                }
            }
            case "model_parameters" -> {
                if (v == JsonToken.START_OBJECT) {
                    s.modelParametersStart = p.tokenStart();
                    p.skipChildren();
                    s.modelParametersEnd = p.tokenEnd();
                    return true;
                }
            }
            default -> {
            }
        }
        return false;
    }

    /** The value of a wrapper's field: the request as an object (a span of the line) or as a string of JSON. */
    private static void wrapped(JsonLexer p, Shape s, String name, JsonToken v, int wrappers) throws BadLineException {
        if (v == JsonToken.START_OBJECT) {
            s.start = p.tokenStart();
            s.inner = new Shape();
            object(p, s.inner, wrappers - 1);
            s.end = p.tokenEnd();
        } else if (v == JsonToken.VALUE_STRING) {
            s.body = p.string();
        } else {
            throw new BadLineException("\"" + name + "\" is not a JSON object");
        }
    }

    /**
     * At START_OBJECT of an {@code "input"} object: Bedrock's log keeps the request body in
     * {@code inputBodyJson} (an object, or a string of JSON), or only its place in S3
     * ({@code inputBodyS3Path}) when it is large. Any other object leaves the shape as it was.
     */
    private static void bedrockInput(JsonLexer p, Shape s, int wrappers) throws BadLineException {
        while (p.next() == JsonToken.FIELD_NAME) {
            String name = p.name();
            JsonToken v = p.next();
            if (name.equals("inputBodyJson") && s.start < 0 && s.body == null) {
                s.bedrock = true;
                wrapped(p, s, name, v, wrappers);
                continue;
            }
            if (name.equals("inputBodyS3Path")) {
                s.bedrock = true;
                s.bodyInS3 = true;
            }
            p.skipChildren();
        }
    }

    /*
     * The walks below are loops rather than a helper taking lambdas: each would be a new
     * object for every message and part, and the quick compiler (C1), which a small log's
     * audit runs under, makes each through a call into the JVM.
     */

    /** In an array: moves to its next object, past any other items; false at the array's end. */
    private static boolean nextObject(JsonLexer p) {
        JsonToken t;
        while ((t = p.next()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_OBJECT) {
                return true;
            }
            p.skipChildren();
        }
        return false;
    }

    private static void messages(JsonLexer p, Shape s) {
        while (nextObject(p)) {
            while (p.next() == JsonToken.FIELD_NAME) {
                String name = p.name();
                JsonToken v = p.next();
                if (name.equals("role") && v == JsonToken.VALUE_STRING) {
                    String role = p.string();
                    if (role.equals("system") || role.equals("developer") || role.equals("tool")) {
                        s.chat = true;
                    }
                } else if (name.equals("tool_calls")) {
                    s.chat = true;
                    p.skipChildren();
                } else if (name.equals("content") && v == JsonToken.START_ARRAY) {
                    parts(p, s);
                } else {
                    p.skipChildren();
                }
            }
        }
    }

    private static void parts(JsonLexer p, Shape s) {
        while (nextObject(p)) {
            while (p.next() == JsonToken.FIELD_NAME) {
                String name = p.name();
                JsonToken v = p.next();
                if (name.equals("type") && v == JsonToken.VALUE_STRING) {
                    String type = p.string();
                    if (type.equals("image_url") || type.equals("input_audio") || type.equals("file")) {
                        s.chat = true;
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
    }

    private static void tools(JsonLexer p, Shape s) {
        while (nextObject(p)) {
            boolean function = false;
            boolean typeFunction = false;
            while (p.next() == JsonToken.FIELD_NAME) {
                String name = p.name();
                JsonToken v = p.next();
                if (name.equals("function")) {
                    function = true;
                } else if (name.equals("type") && v == JsonToken.VALUE_STRING) {
                    typeFunction = p.string().equals("function");
                }
                p.skipChildren();
            }
            if (function && typeFunction) {
                s.chat = true;
            }
        }
    }
}
