package dev.promptport.read;

import com.fasterxml.jackson.core.JsonToken;
import dev.promptport.Limits;
import dev.promptport.PromptPortException;
import dev.promptport.tree.CacheHint;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Extra;
import dev.promptport.tree.Generation;
import dev.promptport.tree.Loc;
import dev.promptport.tree.OutputFormat;
import dev.promptport.tree.Markup;
import dev.promptport.tree.Part;
import dev.promptport.tree.RawJson;
import dev.promptport.tree.ReasoningConfig;
import dev.promptport.tree.Role;
import dev.promptport.tree.SourceKind;
import dev.promptport.tree.TextMemo;
import dev.promptport.tree.Tool;
import dev.promptport.tree.ToolChoice;
import dev.promptport.tree.Turn;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an Anthropic Messages API request straight from Jackson's streaming parser into the
 * tree. Fields it does not know are kept as {@link Extra}s with their JSON pointer; content
 * blocks it does not know are kept as {@link Part.Opaque}.
 */
public final class AnthropicRequestReader {

    private AnthropicRequestReader() {
    }

    /**
     * @throws PromptPortException when the text is not JSON or not a Messages request
     */
    public static Conversation read(String json) {
        return read(json, Limits.DEFAULTS);
    }

    /**
     * @throws PromptPortException when the text is not JSON or not a Messages request, or a
     *     {@link dev.promptport.LimitExceededException} when it goes over {@code limits}
     */
    public static Conversation read(String json, Limits limits) {
        return read(json, limits, null);
    }

    /** @param memo remembers the tags of long texts seen before (see {@link TextMemo}), or null */
    public static Conversation read(String json, Limits limits, TextMemo memo) {
        return read(json, null, limits, memo);
    }

    /** @param view {@code json} one byte per char, as {@link RequestBytes} makes it, or null */
    public static Conversation read(String json, byte[] view, Limits limits, TextMemo memo) {
        JsonCursor in = new JsonCursor(json, view, limits, memo);
        Conversation request = new Session(in).request();
        in.requireEnd();
        return request;
    }

    private static final Loc ROOT = Loc.pointer("");

    /**
     * The places of the fields every request has, made once: a location is a value, and these
     * would otherwise be made again for each request.
     */
    private static final Map<String, Loc> TOP_FIELDS = Map.of("model", ROOT.child("model"),
            "max_tokens", ROOT.child("max_tokens"), "system", ROOT.child("system"), "messages", ROOT.child("messages"),
            "tools", ROOT.child("tools"), "temperature", ROOT.child("temperature"), "stream", ROOT.child("stream"),
            "metadata", ROOT.child("metadata"), "thinking", ROOT.child("thinking"), "tool_choice", ROOT.child("tool_choice"));

    /** The state of reading one request. */
    private static final class Session {
        private final JsonCursor in;
        private final List<Extra> extras = new ArrayList<>();
        /** The instructions of each mid_conv_system block of the message being read, or null for none. */
        private Map<Part, List<Part>> midSystem;

        Session(JsonCursor in) {
            this.in = in;
        }

        Conversation request() {
            Loc root = ROOT;
            if (in.next() != JsonToken.START_OBJECT) {
                throw new PromptPortException("not an Anthropic Messages request: the JSON is not an object",
                        root);
            }
            String model = null;
            List<Part> system = List.of();
            List<Turn> turns = null;
            List<Tool> tools = List.of();
            ToolChoice toolChoice = null;
            ReasoningConfig reasoning = null;
            Integer maxTokens = null;
            Double temperature = null;
            Double topP = null;
            Integer topK = null;
            List<String> stop = null;
            Boolean stream = null;
            String user = null;
            String serviceTier = null;
            OutputConfig output = OutputConfig.NONE;
            OutputFormat betaFormat = null;
            while (in.next() == JsonToken.FIELD_NAME) {
                String name = in.fieldName();
                Loc known = TOP_FIELDS.get(name);
                Loc at = known != null ? known : root.child(name);
                in.next();
                switch (name) {
                    case "model" -> model = in.stringOrNull(at);
                    case "max_tokens" -> maxTokens = maxTokens(at);
                    case "system" -> system = system(at);
                    case "messages" -> turns = messages(at);
                    case "tools" -> tools = in.remembered(-1, extras, () -> tools(at));
                    case "tool_choice" -> toolChoice = toolChoice(at);
                    case "thinking" -> reasoning = thinking(at);
                    case "temperature" -> temperature = in.number(at);
                    case "top_p" -> topP = in.number(at);
                    case "top_k" -> topK = topK(at);
                    case "stop_sequences" -> stop = strings(at);
                    case "stream" -> stream = in.bool(at);
                    case "metadata" -> user = metadata(at);
                    case "service_tier" -> serviceTier = in.stringOrNull(at);
                    case "output_config" -> output = outputConfig(at);
                    // the structured-outputs beta's spelling of output_config.format
                    case "output_format" -> betaFormat = format(at);
                    default -> extras.add(new Extra(name, in.raw(), at));
                }
            }
            reasoning = withEffort(reasoning, output.effort());
            OutputFormat format = output.format() != null ? output.format() : betaFormat;
            if (turns == null) {
                throw new PromptPortException("not an Anthropic Messages request: it has no \"messages\" array",
                        root.child("messages"));
            }
            if (turns.isEmpty()) {
                // Claude refuses it, and there is nothing to ask any other model
                throw new PromptPortException("\"messages\" is empty: a request needs at least one message",
                        root.child("messages"));
            }
            return new Conversation(SourceKind.REQUEST, model, system, turns, tools, toolChoice,
                    new Generation(maxTokens, temperature, topP, topK, stop, stream, user, serviceTier, format),
                    reasoning, extras);
        }

        /**
         * Claude refuses a limit below 1 (the Messages API's max_tokens has {@code minimum: 1};
         * shared/specs/anthropic/hosted_spec.yaml), so such a request never ran: a reply of at
         * most 0 tokens is no request at all, and a target's own limit would only guess at
         * what was meant (the Responses API's max_output_tokens has {@code minimum: 16}).
         */
        private Integer maxTokens(Loc at) {
            return atLeast(at, 1, "max_tokens must be at least 1", "it is the most tokens the reply may have");
        }

        /**
         * Claude refuses a negative top_k (the Messages API's {@code minimum: 0}), so such a
         * request never ran; no other vendor reads one either.
         */
        private Integer topK(Loc at) {
            return atLeast(at, 0, "top_k must be 0 or more", "it is how many of the likeliest tokens each next token is chosen from");
        }

        /** A whole number at {@code at}, refused below {@code min}, the Messages API's own minimum. */
        private Integer atLeast(Loc at, int min, String rule, String meaning) {
            Integer value = in.integer(at);
            if (value != null && value < min) {
                throw new PromptPortException(rule + " (Claude refuses " + value + "): " + meaning, at);
            }
            return value;
        }

        private List<Part> system(Loc at) {
            if (in.token() == JsonToken.VALUE_NULL) {
                return List.of();
            }
            if (in.token() == JsonToken.VALUE_STRING) {
                return List.of(text(in.text(), null, at, in));
            }
            in.expect(JsonToken.START_ARRAY, at, "a string or a list of text blocks");
            List<Part> blocks = blocks(at);
            // no target carries anything else there, and Claude's API refuses it: left to a writer it would vanish
            for (Part p : blocks) {
                if (!(p instanceof Part.Text)) {
                    throw new PromptPortException("system holds text blocks only, as Claude's API takes it; put an image or"
                            + " document in the first user message", p.loc());
                }
            }
            return blocks;
        }

        private List<Turn> messages(Loc at) {
            in.expect(JsonToken.START_ARRAY, at, "a list of messages");
            List<Turn> turns = new ArrayList<>();
            int i = 0;
            while (in.next() != JsonToken.END_ARRAY) {
                Loc message = at.child(i++);
                // a conversation re-sends its earlier turns, each at the same index; without a
                // memo there is nothing to remember, and no callback is made for each message
                Object read = in.memo() == null ? message(message) : in.remembered(i, extras, () -> message(message));
                if (read instanceof Turn turn) {
                    turns.add(turn);
                } else {
                    turns.addAll(castTurns(read));
                }
            }
            return turns;
        }

        @SuppressWarnings("unchecked")
        private static List<Turn> castTurns(Object read) {
            return (List<Turn>) read;
        }

        /** One turn, or the turns a message with mid_conv_system blocks splits into. */
        private Object message(Loc at) {
            in.expect(JsonToken.START_OBJECT, at, "a message object");
            midSystem = null;
            Role role = null;
            List<Part> parts = null;
            while (in.next() == JsonToken.FIELD_NAME) {
                String name = in.fieldName();
                in.next();
                switch (name) {
                    case "role" -> role = role(at);
                    case "content" -> parts = content(at.child(name));
                    default -> extras.add(new Extra(name, in.raw(), at.child(name)));
                }
            }
            if (role == null) {
                throw new PromptPortException("the message has no \"role\"", at);
            }
            if (parts == null) {
                throw new PromptPortException("the message has no \"content\"", at);
            }
            if (role == Role.SYSTEM) {
                textOnly(parts);
            } else {
                ToolTurns.requireInPlace(role, parts,
                        "a tool_use block belongs in an assistant message (the model's turn), but this one is in a user message",
                        "a tool_result block belongs in a user message (the turn after the model's tool call), but this one is in an assistant message");
            }
            return midSystem == null ? new Turn(role, parts, at) : split(role, parts, at);
        }

        /**
         * A mid_conv_system block is a system instruction given at its place in the message: the
         * message splits into the turns before and after it and a system turn between them, as a
         * {@code role: "system"} message there would be.
         */
        private List<Turn> split(Role role, List<Part> parts, Loc at) {
            List<Turn> turns = new ArrayList<>();
            List<Part> run = new ArrayList<>();
            for (Part p : parts) {
                List<Part> system = midSystem.get(p);
                if (system == null) {
                    run.add(p);
                    continue;
                }
                if (!run.isEmpty()) {
                    turns.add(new Turn(role, run, at));
                    run = new ArrayList<>();
                }
                if (!system.isEmpty()) {
                    turns.add(new Turn(Role.SYSTEM, system, p.loc()));
                }
            }
            if (!run.isEmpty()) {
                turns.add(new Turn(role, run, at));
            }
            return turns;
        }

        /** A system message is instructions: text, which every target can carry as its system text. */
        private static void textOnly(List<Part> parts) {
            for (Part p : parts) {
                if (!(p instanceof Part.Text)) {
                    throw new PromptPortException("a system message holds text blocks only", p.loc());
                }
            }
        }


        /** The role of the message at {@code message}, whose location is made only for an error. */
        private Role role(Loc message) {
            String r = in.token() == JsonToken.VALUE_STRING ? in.text() : in.string(message.child("role"));
            return switch (r) {
                case "user" -> Role.USER;
                case "assistant" -> Role.ASSISTANT;
                // an instruction given at this point of the conversation
                case "system" -> Role.SYSTEM;
                default -> throw new PromptPortException("role must be \"user\", \"assistant\" or \"system\", not \""
                        + r + "\"", message.child("role"));
            };
        }

        private List<Part> content(Loc at) {
            if (in.token() == JsonToken.VALUE_STRING) {
                return List.of(text(in.text(), null, at, in));
            }
            in.expect(JsonToken.START_ARRAY, at, "a string or a list of content blocks");
            List<Part> parts = blocks(at);
            // read as the empty string it says, so the steps that fit an empty message see it
            return parts.isEmpty() ? List.of(text("", null, at, in)) : parts;
        }

        private List<Part> blocks(Loc at) {
            List<Part> parts = new ArrayList<>();
            int i = 0;
            while (in.next() != JsonToken.END_ARRAY) {
                BlockReader reader = new BlockReader(in, extras);
                Part part = reader.block(at.child(i++));
                parts.add(part);
                if (part instanceof Part.Opaque) {
                    List<Part> system = reader.systemText();
                    if (system != null) {
                        if (midSystem == null) {
                            midSystem = new IdentityHashMap<>();
                        }
                        midSystem.put(part, system);
                    }
                }
            }
            return parts;
        }

        private List<Tool> tools(Loc at) {
            if (in.token() == JsonToken.VALUE_NULL) {
                return List.of();
            }
            in.expect(JsonToken.START_ARRAY, at, "a list of tools");
            List<Tool> tools = new ArrayList<>();
            int i = 0;
            while (in.next() != JsonToken.END_ARRAY) {
                tools.add(new ToolReader(in, extras).tool(at.child(i++)));
            }
            ToolNameClash.requireDistinct(tools);
            return List.copyOf(tools);
        }

        private ToolChoice toolChoice(Loc at) {
            if (in.token() == JsonToken.VALUE_NULL) {
                return null;
            }
            in.expect(JsonToken.START_OBJECT, at, "a tool_choice object");
            String type = null;
            String name = null;
            Boolean disableParallel = null;
            while (in.next() == JsonToken.FIELD_NAME) {
                String field = in.fieldName();
                Loc fat = at.child(field);
                in.next();
                switch (field) {
                    case "type" -> type = in.string(fat);
                    case "name" -> name = in.string(fat);
                    case "disable_parallel_tool_use" -> disableParallel = in.bool(fat);
                    default -> extras.add(new Extra(field, in.raw(), fat));
                }
            }
            ToolChoice.Mode mode;
            if (type == null) {
                mode = ToolChoice.Mode.UNSPECIFIED;
            } else {
                mode = switch (type) {
                    case "auto" -> ToolChoice.Mode.AUTO;
                    case "any" -> ToolChoice.Mode.ANY;
                    case "tool" -> ToolChoice.Mode.TOOL;
                    case "none" -> ToolChoice.Mode.NONE;
                    default -> throw new PromptPortException("tool_choice type must be auto, any, tool or none, not \""
                            + type + "\"", at.child("type"));
                };
            }
            if (mode == ToolChoice.Mode.TOOL && name == null) {
                throw new PromptPortException("tool_choice of type \"tool\" needs the tool's \"name\"", at);
            }
            Boolean parallel = disableParallel == null ? null : !disableParallel;
            return new ToolChoice(mode, name, parallel, at);
        }

        private ReasoningConfig thinking(Loc at) {
            if (in.token() == JsonToken.VALUE_NULL) {
                return null;
            }
            in.expect(JsonToken.START_OBJECT, at, "a thinking object");
            String type = null;
            Integer budget = null;
            String effort = null;
            boolean omitted = false;
            while (in.next() == JsonToken.FIELD_NAME) {
                String field = in.fieldName();
                Loc fat = at.child(field);
                in.next();
                switch (field) {
                    case "type" -> type = in.string(fat);
                    case "budget_tokens" -> budget = in.integer(fat);
                    case "effort" -> effort = in.stringOrNull(fat);
                    default -> {
                        RawJson raw = in.raw();
                        // the thinking comes back by default ("summarized"); "omitted" leaves it empty
                        boolean display = field.equals("display");
                        omitted |= display && raw.json().equals("\"omitted\"");
                        extras.add(new Extra(display ? Extra.THINKING_DISPLAY : field, raw, fat));
                    }
                }
            }
            ReasoningConfig.Mode mode;
            if ("enabled".equals(type)) {
                if (budget == null) {
                    // Claude refuses it; a target would otherwise get a thinking budget nobody chose
                    throw new PromptPortException("thinking of type \"enabled\" needs \"budget_tokens\"", at);
                }
                mode = ReasoningConfig.Mode.ENABLED;
            } else if ("disabled".equals(type)) {
                mode = ReasoningConfig.Mode.DISABLED;
            } else if ("adaptive".equals(type)) {
                mode = ReasoningConfig.Mode.ADAPTIVE;
            } else {
                throw new PromptPortException("thinking type must be \"enabled\", \"disabled\" or \"adaptive\"",
                        at.child("type"));
            }
            return new ReasoningConfig(mode, budget, effort, at, mode != ReasoningConfig.Mode.DISABLED && !omitted);
        }

        /** A string setting and where it was written. */
        private record Setting(String value, Loc loc) {
        }

        /** What {@code output_config} holds: an effort level and a structured output, each or neither. */
        private record OutputConfig(Setting effort, OutputFormat format) {
            static final OutputConfig NONE = new OutputConfig(null, null);
        }

        /** Reads {@code output_config}; what else it holds stays an extra. */
        private OutputConfig outputConfig(Loc at) {
            if (in.token() == JsonToken.VALUE_NULL) {
                return OutputConfig.NONE;
            }
            in.expect(JsonToken.START_OBJECT, at, "an output_config object");
            Setting effort = null;
            OutputFormat format = null;
            while (in.next() == JsonToken.FIELD_NAME) {
                String field = in.fieldName();
                Loc fat = at.child(field);
                in.next();
                if (field.equals("effort")) {
                    String value = in.stringOrNull(fat);
                    effort = value == null ? null : new Setting(value, fat);
                } else if (field.equals("format")) {
                    format = format(fat);
                } else {
                    extras.add(new Extra(field, in.raw(), fat));
                }
            }
            return new OutputConfig(effort, format);
        }

        /** {@code {"type": "json_schema", "schema": {…}}}, the only structured output Claude takes. */
        private OutputFormat format(Loc at) {
            if (in.token() == JsonToken.VALUE_NULL) {
                return null;
            }
            in.expect(JsonToken.START_OBJECT, at, "a format object");
            String type = null;
            RawJson schema = null;
            while (in.next() == JsonToken.FIELD_NAME) {
                String field = in.fieldName();
                Loc fat = at.child(field);
                in.next();
                switch (field) {
                    case "type" -> type = in.string(fat);
                    case "schema" -> {
                        in.expect(JsonToken.START_OBJECT, fat, "a JSON schema object");
                        schema = in.raw();
                    }
                    default -> extras.add(new Extra(field, in.raw(), fat));
                }
            }
            if (!"json_schema".equals(type)) {
                throw new PromptPortException("format type must be \"json_schema\"", at.child("type"));
            }
            if (schema == null) {
                throw new PromptPortException("a json_schema format needs a \"schema\" object", at);
            }
            return new OutputFormat(schema, null, null, at);
        }

        /**
         * The effort level joins the thinking setting; alone, without thinking, it still sets
         * how much effort the model spends, which a reasoning target's own effort knob carries.
         * Beside thinking that is off, or that names its own effort, it stays a setting of its
         * own ({@link Extra#OUTPUT_EFFORT}): Claude takes it as written, another target is told
         * which of the two it follows.
         */
        private ReasoningConfig withEffort(ReasoningConfig thinking, Setting effort) {
            if (effort == null) {
                return thinking;
            }
            if (thinking == null) {
                return new ReasoningConfig(ReasoningConfig.Mode.EFFORT, null, effort.value(), effort.loc(), false);
            }
            if (thinking.mode() == ReasoningConfig.Mode.DISABLED || thinking.effort() != null) {
                extras.add(new Extra(Extra.OUTPUT_EFFORT, new RawJson(RawJson.quote(effort.value())), effort.loc()));
                return thinking;
            }
            return new ReasoningConfig(thinking.mode(), thinking.budgetTokens(), effort.value(), thinking.loc(), thinking.shown());
        }

        private String metadata(Loc at) {
            if (in.token() == JsonToken.VALUE_NULL) {
                return null;
            }
            in.expect(JsonToken.START_OBJECT, at, "a metadata object");
            String user = null;
            while (in.next() == JsonToken.FIELD_NAME) {
                String field = in.fieldName();
                Loc fat = at.child(field);
                in.next();
                if ("user_id".equals(field)) {
                    user = in.stringOrNull(fat);
                } else {
                    extras.add(new Extra(field, in.raw(), fat));
                }
            }
            return user;
        }

        private List<String> strings(Loc at) {
            if (in.token() == JsonToken.VALUE_NULL) {
                return null;
            }
            in.expect(JsonToken.START_ARRAY, at, "a list of strings");
            List<String> out = new ArrayList<>();
            int i = 0;
            while (in.next() != JsonToken.END_ARRAY) {
                out.add(in.string(at.child(i++)));
            }
            return out;
        }
    }

    /** A text part read by {@code in}: scanned within its limits, or remembered by its memo. */
    static Part.Text text(String value, CacheHint cache, Loc at, JsonCursor in) {
        TextMemo memo = in.memo();
        if (memo == null || !TextMemo.worthIt(value)) {
            return text(value, cache, at, in.limits());
        }
        Limits limits = in.limits();
        // keyed by the limits: a text scanned under looser limits must be checked again under stricter ones
        Markup markup = memo.get(value, limits, () -> TagScanner.mayContainTags(value)
                ? TagScanner.scan(value, limits, at) : NO_TAGS);
        return new Part.Text(value, markup == NO_TAGS ? null : markup, cache, at);
    }

    /** A remembered "no tags", which a memo cannot hold as null. */
    private static final Markup NO_TAGS = new Markup(List.of(), List.of());

    /** A text part, its tags scanned within {@code limits}; {@code at} locates a limit hit. */
    static Part.Text text(String value, CacheHint cache, Loc at, Limits limits) {
        return new Part.Text(value, TagScanner.mayContainTags(value) ? TagScanner.scan(value, limits, at) : null,
                cache, at);
    }
}
