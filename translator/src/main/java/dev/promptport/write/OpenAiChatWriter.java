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
import dev.promptport.tree.Role;
import dev.promptport.tree.TextMemo;
import dev.promptport.tree.Tool;
import dev.promptport.tree.ToolChoice;
import dev.promptport.tree.Turn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an OpenAI Chat Completions request ({@code POST /v1/chat/completions}), in the dialect
 * of the target's vendor ({@link ChatDialect}): OpenAI-compatible vendors differ only where the
 * dialect says so.
 */
public final class OpenAiChatWriter {

    private OpenAiChatWriter() {
    }

    public static String write(Conversation c, Target target, boolean pretty) {
        return write(c, target, pretty, null);
    }

    /** @param memo keeps the JSON form of long texts that traffic repeats, or null */
    public static String write(Conversation c, Target target, boolean pretty, TextMemo memo) {
        return JsonText.write(pretty, body(c, target, memo));
    }

    static JsonText.Body body(Conversation c, Target target, TextMemo memo) {
        return g -> new Session(g, target.facts(), ChatDialect.of(target.vendor()), memo).request(c, target);
    }

    private static final class Session {
        private final JsonOut g;
        private final ModelFacts facts;
        private final ChatDialect dialect;
        /** Call id to function name, for dialects whose tool messages name the function. */
        private final Map<String, String> callNames = new HashMap<>();
        private int generatedIds;
        private final TextMemo memo;

        Session(JsonOut g, ModelFacts facts, ChatDialect dialect, TextMemo memo) {
            this.g = g;
            this.facts = facts;
            this.dialect = dialect;
            this.memo = memo;
        }

        void request(Conversation c, Target target) {
            g.writeStartObject();
            g.writeStringField("model", target.model());
            g.writeArrayFieldStart("messages");
            system(c.system());
            List<Turn> turns = c.turns();
            for (int i = 0, j; i < turns.size(); i = j) {
                j = i + 1;
                while (j < turns.size() && turns.get(j).role() == turns.get(i).role()) {
                    j++;
                }
                // Claude's API joins consecutive turns of one role; Chat Completions refuses an
                // assistant message whose tool calls are not answered by the very next messages,
                // and DeepSeek's reasoner any two messages of one role in a row
                Turn t = j == i + 1 ? turns.get(i) : joined(turns.subList(i, j));
                if (t.role() == Role.SYSTEM) {
                    system(t.parts());
                } else if (t.role() == Role.USER) {
                    user(t);
                } else {
                    assistant(t);
                }
            }
            g.writeEndArray();
            options(c.generation(), c.extras());
            reasoning(c.reasoning());
            tools(c.tools(), c.toolChoice());
            responseFormat(c.generation().format());
            Texts.carriedSettings(g, c.extras());
            g.writeEndObject();
        }

        private static Turn joined(List<Turn> run) {
            List<Part> parts = new ArrayList<>();
            for (Turn t : run) {
                parts.addAll(t.parts());
            }
            return new Turn(run.get(0).role(), parts, run.get(0).loc());
        }

        private void responseFormat(OutputFormat f) {
            if (f == null) {
                return;
            }
            g.writeObjectFieldStart("response_format");
            if (f.jsonMode()) {
                g.writeStringField("type", "json_object");
            } else {
                g.writeStringField("type", "json_schema");
                g.writeObjectFieldStart("json_schema");
                SchemaFormat.fields(g, f);
                g.writeEndObject();
            }
            g.writeEndObject();
        }

        private void system(List<Part> parts) {
            JoinedText text = JoinedText.of(parts, "\n\n");
            if (text == null) {
                return;
            }
            g.writeStartObject();
            g.writeStringField("role", dialect.systemRole(facts.systemRole()));
            g.writeFieldName("content");
            text.write(g, memo);
            g.writeEndObject();
        }

        private void user(Turn t) {
            List<Part> rest = Texts.afterToolResults(t, this::toolMessage);
            if (rest.isEmpty()) {
                return;
            }
            g.writeStartObject();
            g.writeStringField("role", "user");
            if (rest.size() == 1 && rest.get(0) instanceof Part.Text only) {
                g.writeFieldName("content");
                JsonText.text(g, only, memo);
            } else {
                g.writeArrayFieldStart("content");
                for (Part p : rest) {
                    userPart(p);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }

        private void toolMessage(Part.ToolResult r, List<Part> moved) {
            String text = Texts.toolResultText(r, moved);
            g.writeStartObject();
            g.writeStringField("role", "tool");
            g.writeStringField("tool_call_id", dialect.toolCallId(r.callId()));
            if (dialect.toolResultName() && callNames.containsKey(r.callId())) {
                g.writeStringField("name", callNames.get(r.callId()));
            }
            g.writeFieldName("content");
            JsonText.string(g, text, memo);
            g.writeEndObject();
        }

        private void userPart(Part p) {
            if (p instanceof Part.Text t) {
                textPart(t);
            } else if (p instanceof Part.Image img) {
                g.writeStartObject();
                g.writeStringField("type", "image_url");
                g.writeObjectFieldStart("image_url");
                g.writeStringField("url", Media.url(img.source()));
                if (img.detail() != null && dialect.imageDetail()) {
                    g.writeStringField("detail", img.detail());
                }
                g.writeEndObject();
                g.writeEndObject();
            } else if (p instanceof Part.Document d) {
                document(d);
            }
        }

        private void textPart(Part.Text t) {
            startTextPart();
            JsonText.text(g, t, memo);
            g.writeEndObject();
        }

        private void textPart(String text) {
            startTextPart();
            JsonText.string(g, text, memo);
            g.writeEndObject();
        }

        private void startTextPart() {
            g.writeStartObject();
            g.writeStringField("type", "text");
            g.writeFieldName("text");
        }

        private void document(Part.Document d) {
            if (d.source() instanceof MediaSource.PlainText pt) {
                textPart(Media.documentText(d, pt));
                return;
            }
            if (d.source() instanceof MediaSource.Base64 b && b.mediaType() != null && b.mediaType().startsWith("audio/")) {
                // the rewrite steps leave here only the wav or mp3 clip an input_audio part held
                g.writeStartObject();
                g.writeStringField("type", "input_audio");
                g.writeObjectFieldStart("input_audio");
                g.writeStringField("data", b.data());
                g.writeStringField("format", b.mediaType().substring("audio/".length()));
                g.writeEndObject();
                g.writeEndObject();
                return;
            }
            if (d.context() != null) {
                textPart(Media.documentContext(d));
            }
            if (d.source() instanceof MediaSource.FileRef f) {
                // a file in OpenAI's store (the rewrite steps leave no other here), named by its id
                g.writeStartObject();
                g.writeStringField("type", "file");
                g.writeObjectFieldStart("file");
                g.writeStringField("file_id", f.fileId());
                if (d.title() != null) {
                    g.writeStringField("filename", d.title());
                }
                g.writeEndObject();
                g.writeEndObject();
                return;
            }
            if (dialect.pdfPart() == ChatDialect.PdfPart.DOCUMENT_URL) {
                g.writeStartObject();
                g.writeStringField("type", "document_url");
                g.writeStringField("document_url", Media.url(d.source()));
                g.writeEndObject();
                return;
            }
            g.writeStartObject();
            g.writeStringField("type", "file");
            g.writeObjectFieldStart("file");
            g.writeStringField("filename", Media.filename(d));
            g.writeStringField("file_data", Media.url(d.source()));
            g.writeEndObject();
            g.writeEndObject();
        }

        private void assistant(Turn t) {
            String text = Texts.joinReply(t.parts());
            List<Part.ToolCall> calls = new ArrayList<>();
            String reasoning = null;
            for (Part p : t.parts()) {
                if (p instanceof Part.ToolCall call) {
                    calls.add(call);
                } else if (p instanceof Part.Reasoning r && !r.text().isEmpty()) {
                    // only reasoning in plain text is left here, for a dialect that takes it back
                    reasoning = reasoning == null ? r.text() : reasoning + "\n\n" + r.text();
                }
            }
            g.writeStartObject();
            g.writeStringField("role", "assistant");
            if (text != null || calls.isEmpty()) {
                g.writeFieldName("content");
                JsonText.string(g, text == null ? "" : text, memo);
            }
            if (dialect.reasoningContent()) {
                // the model's own reasoning in plain text when the history has it; else the
                // endpoint still wants the field
                g.writeStringField("reasoning_content", reasoning != null ? reasoning : ChatDialect.REASONING_PLACEHOLDER);
            }
            if (!calls.isEmpty()) {
                g.writeArrayFieldStart("tool_calls");
                for (Part.ToolCall call : calls) {
                    String id = call.id() != null ? call.id() : "call_" + (++generatedIds);
                    callNames.put(id, call.name());
                    g.writeStartObject();
                    g.writeStringField("id", dialect.toolCallId(id));
                    g.writeStringField("type", "function");
                    g.writeObjectFieldStart("function");
                    g.writeStringField("name", call.name());
                    // an agent's edit or write carries a whole file here, re-sent with every request
                    g.writeFieldName("arguments");
                    JsonText.string(g, CompactJson.of(call.input().json(), memo), memo);
                    g.writeEndObject();
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }

        private void options(Generation gen, List<Extra> extras) {
            if (gen.maxTokens() != null) {
                g.writeNumberField(dialect.outputLimitField(facts.outputLimitField()), gen.maxTokens());
            }
            if (gen.temperature() != null) {
                g.writeNumberField("temperature", gen.temperature());
            }
            if (gen.topP() != null) {
                g.writeNumberField("top_p", gen.topP());
            }
            if (gen.topK() != null && dialect.topK()) {
                g.writeNumberField("top_k", gen.topK());
            }
            if (gen.stop() != null && !gen.stop().isEmpty()) {
                g.writeArrayFieldStart("stop");
                for (String s : gen.stop()) {
                    g.writeString(s);
                }
                g.writeEndArray();
            }
            if (Boolean.TRUE.equals(gen.stream())) {
                g.writeBooleanField("stream", true);
                Extra obfuscation = extras.isEmpty() ? null : Texts.carried(extras, "stream_options/include_obfuscation");
                if (dialect.streamUsage() || obfuscation != null) {
                    g.writeObjectFieldStart("stream_options");
                    if (dialect.streamUsage()) {
                        // usage comes only in the last chunk, and only when asked for
                        g.writeBooleanField("include_usage", true);
                    }
                    if (obfuscation != null) {
                        g.writeFieldName("include_obfuscation");
                        g.writeRawValue(obfuscation.value().json());
                    }
                    g.writeEndObject();
                }
            } else if (Boolean.FALSE.equals(gen.stream())) {
                g.writeBooleanField("stream", false);
            }
            if (gen.user() != null && dialect.endUserField() != null) {
                g.writeStringField(dialect.endUserField(), gen.user());
            }
        }

        private void reasoning(ReasoningConfig r) {
            if (r != null && r.effort() != null && facts.reasons() && dialect.reasoningEffort()) {
                g.writeStringField("reasoning_effort", r.effort());
            }
        }

        private static boolean functionsIn(List<Tool> tools) {
            for (Tool t : tools) {
                if (t instanceof Tool.Function) {
                    return true;
                }
            }
            return false;
        }

        /**
         * A hosted web search, kept only for a model whose Chat Completions search the web (a
         * target with {@code hosted_tools: [web_search]}), as {@code web_search_options}: the
         * approximate user location is all it takes of Claude's settings, and of OpenAI's the
         * search context size.
         */
        private void webSearchOptions(List<Tool> tools) {
            for (Tool t : tools) {
                if (t instanceof Tool.Hosted h && h.kind() == Tool.HostedKind.WEB_SEARCH) {
                    com.fasterxml.jackson.databind.JsonNode location = ResponsesHostedTools.definition(h).path("user_location");
                    g.writeObjectFieldStart("web_search_options");
                    if (location.isObject() && ResponsesHostedTools.hasAny(location)) {
                        g.writeObjectFieldStart("user_location");
                        g.writeStringField("type", "approximate");
                        g.writeObjectFieldStart("approximate");
                        for (String f : ResponsesHostedTools.LOCATION_FIELDS) {
                            com.fasterxml.jackson.databind.JsonNode v = location.get(f);
                            if (v != null && v.isTextual()) {
                                g.writeStringField(f, v.asText());
                            }
                        }
                        g.writeEndObject();
                        g.writeEndObject();
                    }
                    // OAS WebSearchOptions takes it as the Responses tool does
                    com.fasterxml.jackson.databind.JsonNode size = ResponsesHostedTools.definition(h).path("search_context_size");
                    if (size.isTextual()) {
                        g.writeStringField("search_context_size", size.asText());
                    }
                    g.writeEndObject();
                    return;
                }
            }
        }

        private void tools(List<Tool> tools, ToolChoice choice) {
            if (tools.isEmpty()) {
                return;
            }
            webSearchOptions(tools);
            if (!functionsIn(tools)) {
                // a search model's web search alone: no empty tools array, no choice among none
                return;
            }
            g.writeArrayFieldStart("tools");
            for (Tool t : tools) {
                if (t instanceof Tool.Function f) {
                    g.writeStartObject();
                    g.writeStringField("type", "function");
                    g.writeObjectFieldStart("function");
                    g.writeStringField("name", f.name());
                    if (f.description() != null) {
                        g.writeFieldName("description");
                        JsonText.string(g, f.description(), memo);
                    }
                    g.writeFieldName("parameters");
                    JsonText.raw(g, CompactJson.of(f.schema().json(), memo), memo);
                    if (f.strict() != null && dialect.strictTools()) {
                        g.writeBooleanField("strict", f.strict());
                    }
                    g.writeEndObject();
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            if (choice == null || !dialect.toolChoice()) {
                return;
            }
            switch (choice.mode()) {
                case AUTO -> g.writeStringField("tool_choice", "auto");
                case ANY -> g.writeStringField("tool_choice", "required");
                case NONE -> g.writeStringField("tool_choice", "none");
                case TOOL -> {
                    g.writeObjectFieldStart("tool_choice");
                    g.writeStringField("type", "function");
                    g.writeObjectFieldStart("function");
                    g.writeStringField("name", choice.name());
                    g.writeEndObject();
                    g.writeEndObject();
                }
                case UNSPECIFIED -> {
                }
            }
            if (choice.parallel() != null && dialect.parallelToolCalls()) {
                g.writeBooleanField("parallel_tool_calls", choice.parallel());
            }
        }
    }
}
