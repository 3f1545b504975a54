package dev.promptport.write;

import dev.promptport.ModelFacts;
import dev.promptport.Target;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Extra;
import dev.promptport.tree.Generation;
import dev.promptport.tree.MediaSource;
import dev.promptport.tree.OutputFormat;
import dev.promptport.tree.Part;
import dev.promptport.tree.ReasoningConfig;
import dev.promptport.tree.ReasoningSignature;
import dev.promptport.tree.Role;
import dev.promptport.tree.TextMemo;
import dev.promptport.tree.Tool;
import dev.promptport.tree.ToolChoice;
import dev.promptport.tree.Turn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes an OpenAI Responses API request ({@code POST /v1/responses}, schema
 * {@code CreateResponse}).
 *
 * <p>System text becomes {@code instructions}; the turns become {@code input} items in
 * conversation order: {@code message} items for prose and media, and top-level
 * {@code function_call} / {@code function_call_output} items for tool calls and their results.
 * An assistant turn keeps its own order: text before a call is a message item before that
 * {@code function_call}. Assistant text is written as a string ({@code EasyInputMessage}): the
 * spec accepts {@code output_text} parts only inside a full {@code OutputMessage}, which needs a
 * server-issued id and status. A tool result with images or documents is written as a list of
 * text, image and file outputs, which {@code function_call_output} takes.
 *
 * <p>The request is stateless, like the Messages request most come from, so it says
 * {@code "store": false} (Responses otherwise keeps every request and reply on OpenAI's side),
 * unless the request it came from set {@code store} itself.
 *
 * <p>Like every writer it makes no decisions: the rewrite steps already dropped what this API
 * cannot take (stop sequences, {@code top_k}, hosted tools it has no equivalent for).
 */
public final class OpenAiResponsesWriter {

    /** The longest call_id OpenAI takes (OpenAI's OpenAPI spec, FunctionCallOutputItemParam: maxLength 64). */
    private static final int MAX_CALL_ID = 64;

    private OpenAiResponsesWriter() {
    }

    public static String write(Conversation c, Target target, boolean pretty) {
        return write(c, target, pretty, null);
    }

    /** @param memo keeps the JSON form of long texts that traffic repeats, or null */
    public static String write(Conversation c, Target target, boolean pretty, TextMemo memo) {
        return JsonText.write(pretty, body(c, target, memo));
    }

    static JsonText.Body body(Conversation c, Target target, TextMemo memo) {
        return g -> new Session(g, target.facts(), memo).request(c, target);
    }

    private static final class Session {
        private final JsonOut g;
        private final ModelFacts facts;
        private final TextMemo memo;
        private int generatedIds;
        /** The custom tools sent as such, by name, or {@code null} when there are none. */
        private Set<String> customTools;
        /** The ids of calls written as custom tool calls, whose outputs are custom too; {@code null} when none. */
        private Set<String> customCalls;

        Session(JsonOut g, ModelFacts facts, TextMemo memo) {
            this.g = g;
            this.facts = facts;
            this.memo = memo;
        }

        void request(Conversation c, Target target) {
            g.writeStartObject();
            g.writeStringField("model", target.model());
            JoinedText instructions = JoinedText.of(c.system(), "\n\n");
            List<Turn> turns = c.turns();
            // input is "a list of one or many input items" (OpenAI's spec, InputParam): with no
            // turn left, the system text is that one item, as it is the one message Chat gets
            boolean systemAsInput = turns.isEmpty() && instructions != null;
            if (instructions != null && !systemAsInput) {
                g.writeFieldName("instructions");
                instructions.write(g, memo);
            }
            customTools = facts.takes("custom_tools") ? customTools(c.tools()) : null;
            g.writeArrayFieldStart("input");
            if (systemAsInput) {
                systemMessage(instructions);
            }
            for (int i = 0, j; i < turns.size(); i = j) {
                j = i + 1;
                if (turns.get(i).role() == Role.SYSTEM) {
                    system(turns.get(i));
                    continue;
                }
                if (turns.get(i).role() != Role.USER) {
                    assistant(turns.get(i));
                    continue;
                }
                while (j < turns.size() && turns.get(j).role() == Role.USER) {
                    j++;
                }
                if (j == i + 1) {
                    user(turns.get(i));
                } else {
                    users(turns.subList(i, j));
                }
            }
            g.writeEndArray();
            tools(c.tools(), c.toolChoice());
            List<Extra> extras = c.extras();
            options(c.generation(), extras);
            reasoning(c.reasoning(), extras.isEmpty() ? null : Texts.carried(extras, Extra.REASONING_SUMMARY));
            text(c.generation().format(), extras.isEmpty() ? null : Texts.carried(extras, "text/verbosity"));
            Extra store = null;
            Extra include = null;
            for (Extra e : extras) {
                switch (e.name()) {
                    case "store" -> store = e;
                    case "include" -> include = e;
                    default -> {
                        if (e.name().indexOf('/') < 0) {
                            g.writeFieldName(e.name());
                            g.writeRawValue(CompactJson.of(e.value().json()));
                        }
                    }
                }
            }
            maxToolCalls(c);
            if (store == null) {
                // stateless unless the request said otherwise, like the Messages request most come from
                g.writeBooleanField("store", false);
            } else {
                g.writeFieldName("store");
                g.writeRawValue(store.value().json());
            }
            include(runsCode(c.tools()), include);
            g.writeEndObject();
        }

        /** The extra output to return: what the request asked for, and what the reply's translation needs. */
        private void include(boolean code, Extra asked) {
            List<String> entries = asked == null ? List.of() : ResponsesInclude.entries(asked.value().json());
            if (!facts.reasons() && entries.contains("reasoning.encrypted_content")) {
                // a model that does not reason refuses it ("Encrypted content is not supported with
                // this model"); the reasoning it would return is not there to ask for
                entries = entries.stream().filter(e -> !e.equals("reasoning.encrypted_content")).toList();
            }
            if (!code && !facts.reasons() && entries.isEmpty()) {
                return;
            }
            g.writeArrayFieldStart("include");
            for (String entry : entries) {
                g.writeString(entry);
            }
            if (code && !entries.contains("code_interpreter_call.outputs")) {
                // without it the interpreter's output stays at OpenAI, and Claude's code
                // execution result would come back empty
                g.writeString("code_interpreter_call.outputs");
            }
            if (facts.reasons() && !entries.contains("reasoning.encrypted_content")) {
                // when nothing is stored the reasoning can go back to the model in the next
                // request (a tool loop) only as the encrypted content the reply carries
                g.writeString("reasoning.encrypted_content");
            }
            g.writeEndArray();
        }

        /** A web search's {@code max_uses} as the request's cap on built-in tool calls, unless the request sets its own. */
        private void maxToolCalls(Conversation c) {
            Integer maxUses = ResponsesHostedTools.maxUses(c.tools());
            if (maxUses == null) {
                return;
            }
            for (Extra e : c.extras()) {
                if (e.name().equals("max_tool_calls")) {
                    return;
                }
            }
            g.writeNumberField("max_tool_calls", maxUses);
        }

        /** A loop, not a stream: this runs on every request, and allocates only when a custom tool is there. */
        private static Set<String> customTools(List<Tool> tools) {
            Set<String> names = null;
            for (Tool t : tools) {
                if (t instanceof Tool.Function f && f.isCustom()) {
                    if (names == null) {
                        names = new HashSet<>();
                    }
                    names.add(f.name());
                }
            }
            return names;
        }

        /** A loop, not a stream: this runs on every request. */
        private static boolean runsCode(List<Tool> tools) {
            for (Tool t : tools) {
                if (t instanceof Tool.Hosted h && h.kind() == Tool.HostedKind.CODE_EXECUTION) {
                    return true;
                }
            }
            return false;
        }

        private void text(OutputFormat f, Extra verbosity) {
            if (f == null && verbosity == null) {
                return;
            }
            g.writeObjectFieldStart("text");
            if (f != null) {
                g.writeObjectFieldStart("format");
                if (f.jsonMode()) {
                    g.writeStringField("type", "json_object");
                } else {
                    g.writeStringField("type", "json_schema");
                    SchemaFormat.fields(g, f);
                }
                g.writeEndObject();
            }
            if (verbosity != null) {
                g.writeFieldName("verbosity");
                g.writeRawValue(verbosity.value().json());
            }
            g.writeEndObject();
        }

        // ------------------------------------------------------------------ user turns

        /**
         * An instruction given at its place in the conversation: {@code instructions} hold only
         * the top, so it is a message of the role the model takes system text in.
         */
        private void system(Turn t) {
            JoinedText text = JoinedText.of(t.parts(), "\n\n");
            if (text != null) {
                systemMessage(text);
            }
        }

        private void systemMessage(JoinedText text) {
            g.writeStartObject();
            g.writeStringField("type", "message");
            g.writeStringField("role", facts.systemRole());
            g.writeFieldName("content");
            text.write(g, memo);
            g.writeEndObject();
        }

        private void user(Turn t) {
            message(Texts.afterToolResults(t, this::functionCallOutput));
        }

        private void message(List<Part> rest) {
            if (rest.isEmpty()) {
                return;
            }
            g.writeStartObject();
            g.writeStringField("type", "message");
            g.writeStringField("role", "user");
            g.writeArrayFieldStart("content");
            for (Part p : rest) {
                userPart(p);
            }
            g.writeEndArray();
            g.writeEndObject();
        }

        /**
         * Consecutive user turns (the user's text in a turn of its own between a call and its
         * result, as a Gemini request may have it): every function output first, right after the
         * calls, where OpenAI's own clients put them and where stricter Responses endpoints
         * (DeepSeek's) require them; then each turn's message.
         */
        private void users(List<Turn> run) {
            List<List<Part>> rests = new ArrayList<>(run.size());
            for (Turn t : run) {
                rests.add(Texts.afterToolResults(t, this::functionCallOutput));
            }
            for (List<Part> rest : rests) {
                message(rest);
            }
        }

        private void functionCallOutput(Part.ToolResult r, List<Part> moved) {
            g.writeStartObject();
            g.writeStringField("type", customCalls != null && customCalls.contains(r.callId())
                    ? "custom_tool_call_output" : "function_call_output");
            g.writeStringField("call_id", callId(r.callId()));
            if (holdsMedia(r)) {
                // an output may be a list of text, images and files, so the media stay in the result
                g.writeArrayFieldStart("output");
                boolean errorToSay = r.error();
                for (Part p : r.content()) {
                    if (p instanceof Part.Text t) {
                        inputText(errorToSay ? Texts.errorSaid(t.text()) : t.text());
                    } else {
                        if (errorToSay) {
                            inputText("Error:");
                        }
                        userPart(p);
                    }
                    errorToSay = false;
                }
                g.writeEndArray();
            } else {
                g.writeFieldName("output");
                JsonText.string(g, Texts.toolResultText(r, moved), memo);
            }
            g.writeEndObject();
        }

        /** A loop, not a stream: this runs for every tool result of every request. */
        private static boolean holdsMedia(Part.ToolResult r) {
            for (Part p : r.content()) {
                if (p instanceof Part.Image || p instanceof Part.Document && Texts.resultText(p) == null) {
                    return true;
                }
            }
            return false;
        }

        private void userPart(Part p) {
            if (p instanceof Part.Text t) {
                inputText(t);
            } else if (p instanceof Part.Image img) {
                g.writeStartObject();
                g.writeStringField("type", "input_image");
                if (img.source() instanceof MediaSource.FileRef f) {
                    // a file in OpenAI's store: the rewrite steps leave no other here
                    g.writeStringField("file_id", f.fileId());
                } else {
                    g.writeStringField("image_url", Media.url(img.source()));
                }
                // InputImageContent requires detail; "auto" is the API's own default
                g.writeStringField("detail", img.detail() == null ? "auto" : img.detail());
                g.writeEndObject();
            } else if (p instanceof Part.Document d) {
                document(d);
            }
        }

        private void inputText(Part.Text t) {
            startInputText();
            JsonText.text(g, t, memo);
            g.writeEndObject();
        }

        private void inputText(String text) {
            startInputText();
            JsonText.string(g, text, memo);
            g.writeEndObject();
        }

        private void startInputText() {
            g.writeStartObject();
            g.writeStringField("type", "input_text");
            g.writeFieldName("text");
        }

        private void document(Part.Document d) {
            if (d.source() instanceof MediaSource.PlainText pt) {
                inputText(Media.documentText(d, pt));
                return;
            }
            // a file given by address carries no name here: its title goes in the text before it
            String label = d.source() instanceof MediaSource.Url ? Media.documentLabel(d)
                    : d.context() != null ? Media.documentContext(d) : null;
            if (label != null) {
                inputText(label);
            }
            g.writeStartObject();
            g.writeStringField("type", "input_file");
            if (d.source() instanceof MediaSource.Url u) {
                g.writeStringField("file_url", u.url());
            } else if (d.source() instanceof MediaSource.FileRef f) {
                g.writeStringField("file_id", f.fileId());
                if (d.title() != null) {
                    g.writeStringField("filename", d.title());
                }
            } else {
                g.writeStringField("filename", Media.filename(d));
                g.writeStringField("file_data", Media.url(d.source()));
            }
            g.writeEndObject();
        }

        // ------------------------------------------------------------------ assistant turns

        private void assistant(Turn t) {
            StringBuilder text = null;
            boolean wroteItem = false;
            for (Part p : t.parts()) {
                if (p instanceof Part.Text x) {
                    if (text == null) {
                        text = new StringBuilder(x.text());
                    } else {
                        text.append(Texts.replySeparator(text, x.text())).append(x.text());
                    }
                } else if (p instanceof Part.ToolCall call) {
                    if (text != null) {
                        assistantMessage(text.toString());
                        text = null;
                    }
                    functionCall(call);
                    wroteItem = true;
                } else if (p instanceof Part.Reasoning r) {
                    if (text != null) {
                        assistantMessage(text.toString());
                        text = null;
                    }
                    reasoning(r);
                    wroteItem = true;
                }
            }
            if (text != null || !wroteItem) {
                assistantMessage(text == null ? "" : text.toString());
            }
        }

        /**
         * OpenAI's reasoning from an earlier reply goes back as the item it came as, so that a
         * reasoning model keeps its thinking across tool calls: the id, the summary, the
         * encrypted content.
         */
        private void reasoning(Part.Reasoning r) {
            ReasoningSignature sig = ReasoningSignature.of(r.signature());
            g.writeStartObject();
            g.writeStringField("type", "reasoning");
            g.writeStringField("id", sig.itemId());
            g.writeArrayFieldStart("summary");
            if (!r.text().isEmpty()) {
                g.writeStartObject();
                g.writeStringField("type", "summary_text");
                g.writeStringField("text", r.text());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("encrypted_content", sig.token());
            g.writeEndObject();
        }

        private void assistantMessage(String text) {
            g.writeStartObject();
            g.writeStringField("type", "message");
            g.writeStringField("role", "assistant");
            g.writeFieldName("content");
            JsonText.string(g, text, memo);
            g.writeEndObject();
        }

        /**
         * OpenAI refuses a call_id longer than 64 characters (string_above_max_length): a longer
         * one, from another vendor's history, is shortened the same way in the call and its output.
         */
        private static String callId(String id) {
            return id == null ? null : ChatDialect.fitId(id, MAX_CALL_ID);
        }

        private void functionCall(Part.ToolCall call) {
            String id = call.id() != null ? call.id() : "call_" + (++generatedIds);
            boolean custom = customTools != null && customTools.contains(call.name());
            g.writeStartObject();
            g.writeStringField("type", custom ? "custom_tool_call" : "function_call");
            g.writeStringField("call_id", callId(id));
            g.writeStringField("name", call.name());
            if (custom) {
                // the free-form text the custom tool takes, not the function arguments it was read as
                g.writeStringField("input", CustomToolInput.text(call.input().json()));
                if (customCalls == null) {
                    customCalls = new HashSet<>();
                }
                customCalls.add(id);
            } else {
                g.writeFieldName("arguments");
                JsonText.string(g, CompactJson.of(call.input().json(), memo), memo);
            }
            g.writeEndObject();
        }

        // ------------------------------------------------------------------ tools

        private void tools(List<Tool> tools, ToolChoice choice) {
            if (tools.isEmpty()) {
                return;
            }
            g.writeArrayFieldStart("tools");
            for (Tool t : tools) {
                if (t instanceof Tool.Function f && customTools != null && customTools.contains(f.name())) {
                    customTool(f);
                } else if (t instanceof Tool.Function f) {
                    g.writeStartObject();
                    g.writeStringField("type", "function");
                    g.writeStringField("name", f.name());
                    if (f.description() != null) {
                        g.writeFieldName("description");
                        JsonText.string(g, f.description(), memo);
                    }
                    g.writeFieldName("parameters");
                    JsonText.raw(g, CompactJson.of(f.schema().json(), memo), memo);
                    // Responses makes function tools strict unless told otherwise, and strict mode
                    // rejects the schemas Claude tools usually have (optional properties): strict
                    // only when the request asked for it and the schema allows it (FitTools)
                    g.writeBooleanField("strict", Boolean.TRUE.equals(f.strict()));
                    g.writeEndObject();
                } else if (t instanceof Tool.Hosted h) {
                    ResponsesHostedTools.write(g, h);
                }
            }
            g.writeEndArray();
            if (choice == null) {
                return;
            }
            switch (choice.mode()) {
                case AUTO -> g.writeStringField("tool_choice", "auto");
                case ANY -> g.writeStringField("tool_choice", "required");
                case NONE -> g.writeStringField("tool_choice", "none");
                case TOOL -> {
                    g.writeFieldName("tool_choice");
                    Tool.Hosted hosted = hosted(tools, choice.name());
                    if (hosted == null) {
                        g.writeStartObject();
                        g.writeStringField("type", customTools != null && customTools.contains(choice.name())
                                ? "custom" : "function");
                        g.writeStringField("name", choice.name());
                        g.writeEndObject();
                    } else {
                        ResponsesHostedTools.writeChoice(g, hosted);
                    }
                }
                case UNSPECIFIED -> {
                }
            }
            if (choice.parallel() != null) {
                g.writeBooleanField("parallel_tool_calls", choice.parallel());
            }
        }

        /** An OpenAI custom tool as it came: free-form text input, held to its grammar if it had one. */
        private void customTool(Tool.Function f) {
            g.writeStartObject();
            g.writeStringField("type", "custom");
            g.writeStringField("name", f.name());
            if (f.description() != null) {
                g.writeFieldName("description");
                JsonText.string(g, f.description(), memo);
            }
            if (f.customFormat() != null) {
                g.writeFieldName("format");
                g.writeRawValue(f.customFormat().json());
            }
            g.writeEndObject();
        }

        private static Tool.Hosted hosted(List<Tool> tools, String name) {
            for (Tool t : tools) {
                if (t instanceof Tool.Hosted h && h.name().equals(name)) {
                    return h;
                }
            }
            return null;
        }

        // ------------------------------------------------------------------ options

        private void options(Generation gen, List<Extra> extras) {
            if (gen.maxTokens() != null) {
                g.writeNumberField("max_output_tokens", gen.maxTokens());
            }
            if (gen.temperature() != null) {
                g.writeNumberField("temperature", gen.temperature());
            }
            if (gen.topP() != null) {
                g.writeNumberField("top_p", gen.topP());
            }
            if (gen.stream() != null) {
                // usage arrives in the response.completed event; no stream_options needed
                g.writeBooleanField("stream", gen.stream());
                Extra obfuscation = extras.isEmpty() || !gen.stream() ? null
                        : Texts.carried(extras, "stream_options/include_obfuscation");
                if (obfuscation != null) {
                    g.writeObjectFieldStart("stream_options");
                    g.writeFieldName("include_obfuscation");
                    g.writeRawValue(obfuscation.value().json());
                    g.writeEndObject();
                }
            }
            if (gen.user() != null) {
                g.writeStringField("safety_identifier", gen.user());
            }
            if (gen.compactAt() != null) {
                g.writeArrayFieldStart("context_management");
                g.writeStartObject();
                g.writeStringField("type", "compaction");
                g.writeNumberField("compact_threshold", gen.compactAt());
                g.writeEndObject();
                g.writeEndArray();
            }
        }

        /** The effort, and the summary only where the request came asking OpenAI for one (IncludeThoughts). */
        private void reasoning(ReasoningConfig r, Extra summary) {
            String effort = r != null && facts.reasons() ? r.effort() : null;
            if (effort == null && summary == null) {
                return;
            }
            g.writeObjectFieldStart("reasoning");
            if (effort != null) {
                g.writeStringField("effort", effort);
            }
            if (summary != null) {
                g.writeFieldName("summary");
                g.writeRawValue(CompactJson.of(summary.value().json()));
            }
            g.writeEndObject();
        }
    }
}
