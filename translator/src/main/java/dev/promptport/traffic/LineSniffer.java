package dev.promptport.traffic;

import com.fasterxml.jackson.core.JsonToken;
import dev.promptport.InputFormat;
import dev.promptport.LimitExceededException;
import dev.promptport.Limits;
import dev.promptport.PromptPortException;
import dev.promptport.read.JsonLexer;

/**
 * Reads one log line in a single streaming pass: checks it is one JSON object, takes the
 * request out of a {@code "request"}, {@code "body"} or {@code "request_body"} wrapper (an
 * object, or a string holding the JSON), two deep at most as in {@code {"request": {"url": …,
 * "body": …}}}, and tells the request format from its shape with the rules of the command line's
 * format sniffer ({@code contents} is Gemini, {@code input} is OpenAI Responses, system,
 * developer or tool roles, {@code tool_calls}, {@code image_url}/{@code input_audio}/{@code file}
 * parts, function tools or {@code max_completion_tokens}/{@code reasoning_effort}/{@code response_format}
 * are OpenAI Chat, the rest is Anthropic). No tree is built.
 */
final class LineSniffer {

    private LineSniffer() {
    }

    /** A request taken out of a line, and its format. */
    record Request(String json, InputFormat format) {
    }

    /** The line is not JSON or not an object; the message says why. */
    static final class BadLineException extends Exception {
        BadLineException(String message) {
            super(message, null, false, false);
        }
    }

    /** How many wrappers a line may put around its request. */
    private static final int MAX_WRAPPERS = 2;

    private static final class Shape {
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

    static Request read(String line) throws BadLineException {
        return read(line, Limits.DEFAULTS);
    }

    /** @param limits the JSON depth limit, a level deeper for each wrapper, is enforced here */
    static Request read(String line, Limits limits) throws BadLineException {
        String text = line;
        String request = line;
        int wrappers = MAX_WRAPPERS;
        Shape s = new Shape();
        parse(limits, text, s, wrappers);
        while (true) {
            if (s.body != null) {
                // a string holding the JSON: read again on its own
                text = s.body;
                request = text;
                wrappers--;
                s = new Shape();
                parse(limits, text, s, wrappers);
            } else if (s.inner != null) {
                request = text.substring(s.start, s.end);
                s = s.inner;
                wrappers--;
            } else {
                return new Request(request, s.format());
            }
        }
    }

    /**
     * A wrapper puts a request one level deeper, so the text may nest a level more than the
     * limit for each wrapper still allowed; the request's own depth is checked exactly when it
     * is translated.
     */
    private static void parse(Limits limits, String text, Shape shape, int wrappers) throws BadLineException {
        String what = wrappers == MAX_WRAPPERS ? "line" : "request";
        try {
            JsonLexer p = new JsonLexer(text, limits.maxJsonDepth() + wrappers);
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
            throw new BadLineException("not JSON" + (e.location().hasPosition() ? " at column " + e.location().column() : "")
                    + ": " + e.getMessage().replaceFirst("^invalid JSON: ", ""));
        }
    }

    /** At START_OBJECT of a request (or a wrapper); consumes through its END_OBJECT. */
    private static void object(JsonLexer p, Shape s, int wrappers) throws BadLineException {
        while (p.next() == JsonToken.FIELD_NAME) {
            String name = p.name();
            JsonToken v = p.next();
            switch (name) {
                case "contents" -> s.contents = true;
                case "messages" -> {
                    s.messages = true;
                    if (v == JsonToken.START_ARRAY) {
                        messages(p, s);
                        continue;
                    }
                }
                case "input" -> s.input = true;
                case "max_completion_tokens", "reasoning_effort", "response_format" -> s.chat = true;
                case "tools" -> {
                    if (v == JsonToken.START_ARRAY) {
                        tools(p, s);
                        continue;
                    }
                }
                case "request", "body", "request_body", "requestBody" -> {
                    if (wrappers > 0 && s.start < 0 && s.body == null) {
                        if (v == JsonToken.START_OBJECT) {
                            s.start = p.tokenStart();
                            s.inner = new Shape();
                            object(p, s.inner, wrappers - 1);
                            s.end = p.tokenEnd();
                            continue;
                        }
                        if (v == JsonToken.VALUE_STRING) {
                            s.body = p.string();
                            continue;
                        }
                        throw new BadLineException("\"" + name + "\" is not a JSON object");
                    }
                }
                default -> {
                }
            }
            p.skipChildren();
        }
    }

    private static void messages(JsonLexer p, Shape s) {
        eachObject(p, () -> eachField(p, (name, v) -> {
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
        }));
    }

    private static void parts(JsonLexer p, Shape s) {
        eachObject(p, () -> eachField(p, (name, v) -> {
            if (name.equals("type") && v == JsonToken.VALUE_STRING) {
                String type = p.string();
                if (type.equals("image_url") || type.equals("input_audio") || type.equals("file")) {
                    s.chat = true;
                }
            } else {
                p.skipChildren();
            }
        }));
    }

    private static void tools(JsonLexer p, Shape s) {
        eachObject(p, () -> {
            boolean[] function = {false, false}; // a "function" field, and "type": "function"
            eachField(p, (name, v) -> {
                if (name.equals("function")) {
                    function[0] = true;
                } else if (name.equals("type") && v == JsonToken.VALUE_STRING) {
                    function[1] = p.string().equals("function");
                }
                p.skipChildren();
            });
            if (function[0] && function[1]) {
                s.chat = true;
            }
        });
    }

    private interface FieldStep {
        /** Called with the lexer on the field's value, which the step must consume. */
        void field(String name, JsonToken value);
    }

    /** At START_ARRAY: runs {@code each} at every object of the array; other items are skipped. */
    private static void eachObject(JsonLexer p, Runnable each) {
        JsonToken t;
        while ((t = p.next()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_OBJECT) {
                each.run();
            } else {
                p.skipChildren();
            }
        }
    }

    /** At START_OBJECT: hands each field's name and value to {@code step}, through END_OBJECT. */
    private static void eachField(JsonLexer p, FieldStep step) {
        while (p.next() == JsonToken.FIELD_NAME) {
            String name = p.name();
            step.field(name, p.next());
        }
    }
}
