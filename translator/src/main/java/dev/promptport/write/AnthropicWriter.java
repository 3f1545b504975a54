package dev.promptport.write;

import dev.promptport.Target;
import dev.promptport.tree.CacheHint;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Extra;
import dev.promptport.tree.Generation;
import dev.promptport.tree.MediaSource;
import dev.promptport.tree.OutputFormat;
import dev.promptport.tree.Part;
import dev.promptport.tree.ReasoningConfig;
import dev.promptport.tree.Role;
import dev.promptport.tree.Tool;
import dev.promptport.tree.ToolChoice;
import dev.promptport.tree.Turn;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes an Anthropic Messages request ({@code POST /v1/messages}): the way back to Claude
 * from any format promptport reads. Consecutive turns of one role are merged, as the API
 * expects alternating roles.
 */
public final class AnthropicWriter {

    private AnthropicWriter() {
    }

    public static String write(Conversation c, Target target, boolean pretty) {
        return JsonText.write(pretty, body(c, target));
    }

    static JsonText.Body body(Conversation c, Target target) {
        return g -> new Session(g).request(c, target);
    }

    private static final class Session {
        private final JsonOut g;
        private int generatedIds;

        Session(JsonOut g) {
            this.g = g;
        }

        void request(Conversation c, Target target) {
            g.writeStartObject();
            g.writeStringField("model", target.model());
            Generation gen = c.generation();
            if (gen.maxTokens() != null) {
                g.writeNumberField("max_tokens", gen.maxTokens());
            }
            system(c.system());
            g.writeArrayFieldStart("messages");
            for (Turn t : merged(c.turns())) {
                g.writeStartObject();
                g.writeStringField("role", switch (t.role()) {
                    case USER -> "user";
                    case ASSISTANT -> "assistant";
                    case SYSTEM -> "system";
                });
                g.writeArrayFieldStart("content");
                for (Part p : t.parts()) {
                    block(p);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            tools(c.tools(), c.toolChoice());
            thinking(c.reasoning(), c.extras());
            outputConfig(c.reasoning(), gen.format(), c.extras());
            options(gen);
            // Claude's own settings that no other vendor has, kept as they came
            for (Extra e : c.extras()) {
                if (e.name().indexOf('/') >= 0) {
                    continue;
                }
                g.writeFieldName(e.name());
                g.writeRawValue(CompactJson.of(e.value().json()));
            }
            g.writeEndObject();
        }

        private void system(List<Part> parts) {
            List<Part.Text> texts = new ArrayList<>();
            for (Part p : parts) {
                if (p instanceof Part.Text t) {
                    texts.add(t);
                }
            }
            if (texts.isEmpty()) {
                return;
            }
            if (texts.size() == 1 && texts.get(0).cache() == null) {
                g.writeStringField("system", texts.get(0).text());
                return;
            }
            g.writeArrayFieldStart("system");
            for (Part.Text t : texts) {
                text(t);
            }
            g.writeEndArray();
        }

        /**
         * Anthropic wants user and assistant turns to alternate; same-role neighbours become one.
         * Claude also wants a user message's tool results before anything else in it, and the
         * message is only whole here: another vendor's request may put the user's text first in
         * a turn (Gemini's parts come in any order) or in a turn of its own between the call and
         * its result (a Gemini content, or a Chat user message before the {@code tool} message).
         */
        private static List<Turn> merged(List<Turn> turns) {
            List<Turn> out = new ArrayList<>(turns.size());
            for (Turn t : turns) {
                Turn last = out.isEmpty() ? null : out.get(out.size() - 1);
                if (last != null && last.role() == t.role()) {
                    List<Part> parts = new ArrayList<>(last.parts());
                    parts.addAll(t.parts());
                    out.set(out.size() - 1, last.withParts(parts));
                } else {
                    out.add(t);
                }
            }
            for (int i = 0; i < out.size(); i++) {
                Turn t = out.get(i);
                if (t.role() == Role.USER && resultAfterOther(t.parts())) {
                    out.set(i, t.withParts(resultsFirst(t.parts())));
                }
            }
            return out;
        }

        /** A loop, not a stream: this runs for every user message. */
        private static boolean resultAfterOther(List<Part> parts) {
            boolean other = false;
            for (Part p : parts) {
                if (!(p instanceof Part.ToolResult)) {
                    other = true;
                } else if (other) {
                    return true;
                }
            }
            return false;
        }

        /** The tool results, then everything else, each in its order. */
        private static List<Part> resultsFirst(List<Part> parts) {
            List<Part> ordered = new ArrayList<>(parts.size());
            for (Part p : parts) {
                if (p instanceof Part.ToolResult) {
                    ordered.add(p);
                }
            }
            for (Part p : parts) {
                if (!(p instanceof Part.ToolResult)) {
                    ordered.add(p);
                }
            }
            return ordered;
        }

        private void block(Part p) {
            if (p instanceof Part.Text t) {
                text(t);
            } else if (p instanceof Part.Image img) {
                g.writeStartObject();
                g.writeStringField("type", "image");
                source(img.source());
                cache(img.cache());
                g.writeEndObject();
            } else if (p instanceof Part.Document d) {
                g.writeStartObject();
                g.writeStringField("type", "document");
                source(d.source());
                if (d.title() != null) {
                    g.writeStringField("title", d.title());
                }
                if (d.context() != null) {
                    g.writeStringField("context", d.context());
                }
                if (d.citations()) {
                    g.writeObjectFieldStart("citations");
                    g.writeBooleanField("enabled", true);
                    g.writeEndObject();
                }
                cache(d.cache());
                g.writeEndObject();
            } else if (p instanceof Part.ToolCall call) {
                g.writeStartObject();
                g.writeStringField("type", "tool_use");
                g.writeStringField("id", call.id() != null ? ClaudeIds.of(call.id()) : "toolu_" + (++generatedIds));
                g.writeStringField("name", call.name());
                g.writeFieldName("input");
                g.writeRawValue(CompactJson.of(call.input().json()));
                cache(call.cache());
                g.writeEndObject();
            } else if (p instanceof Part.ToolResult r) {
                g.writeStartObject();
                g.writeStringField("type", "tool_result");
                g.writeStringField("tool_use_id", ClaudeIds.of(r.callId()));
                if (r.error()) {
                    g.writeBooleanField("is_error", true);
                }
                // a result with nothing in it goes without content, which Claude takes
                if (!r.content().isEmpty()) {
                    g.writeArrayFieldStart("content");
                    for (Part inner : r.content()) {
                        block(inner);
                    }
                    g.writeEndArray();
                }
                cache(r.cache());
                g.writeEndObject();
            } else if (p instanceof Part.Reasoning r) {
                g.writeStartObject();
                if (r.redacted()) {
                    g.writeStringField("type", "redacted_thinking");
                    g.writeStringField("data", r.data());
                } else {
                    g.writeStringField("type", "thinking");
                    g.writeStringField("thinking", r.text());
                    g.writeStringField("signature", r.signature() == null ? "" : r.signature());
                }
                g.writeEndObject();
            } else if (p instanceof Part.Opaque o) {
                g.writeRawValue(o.raw().json());
            }
        }

        private void text(Part.Text t) {
            g.writeStartObject();
            g.writeStringField("type", "text");
            g.writeStringField("text", t.text());
            if (t.citations() != null) {
                g.writeFieldName("citations");
                g.writeRawValue(CompactJson.of(t.citations().json()));
            }
            cache(t.cache());
            g.writeEndObject();
        }

        private void source(MediaSource s) {
            if (s instanceof MediaSource.Opaque o && o.wire().equals("anthropic")) {
                // a source kind of Claude's own that this version does not model, as it came
                g.writeFieldName("source");
                g.writeRawValue(CompactJson.of(o.raw().json()));
                return;
            }
            g.writeObjectFieldStart("source");
            if (s instanceof MediaSource.Base64 b) {
                g.writeStringField("type", "base64");
                g.writeStringField("media_type", b.mediaType());
                g.writeStringField("data", b.data());
            } else if (s instanceof MediaSource.Url u) {
                g.writeStringField("type", "url");
                g.writeStringField("url", u.url());
            } else if (s instanceof MediaSource.PlainText t) {
                g.writeStringField("type", "text");
                // Claude's text source is text/plain whatever the text is (CSV, Markdown, …)
                g.writeStringField("media_type", "text/plain");
                g.writeStringField("data", t.text());
            } else if (s instanceof MediaSource.FileRef f) {
                g.writeStringField("type", "file");
                g.writeStringField("file_id", f.fileId());
            } else if (s instanceof MediaSource.Blocks b) {
                g.writeStringField("type", "content");
                g.writeArrayFieldStart("content");
                for (Part p : b.parts()) {
                    block(p);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }

        private void cache(CacheHint h) {
            if (h == null) {
                return;
            }
            g.writeObjectFieldStart("cache_control");
            g.writeStringField("type", h.type());
            if (h.ttl() != null) {
                g.writeStringField("ttl", h.ttl());
            }
            g.writeEndObject();
        }

        private void tools(List<Tool> tools, ToolChoice choice) {
            if (!tools.isEmpty()) {
                g.writeArrayFieldStart("tools");
                for (Tool t : tools) {
                    if (t instanceof Tool.Function f) {
                        g.writeStartObject();
                        g.writeStringField("name", f.name());
                        if (f.description() != null) {
                            g.writeStringField("description", f.description());
                        }
                        g.writeFieldName("input_schema");
                        g.writeRawValue(CompactJson.of(f.schema().json()));
                        if (f.strict() != null) {
                            g.writeBooleanField("strict", f.strict());
                        }
                        for (Extra o : f.claudeOptions()) {
                            g.writeFieldName(o.name());
                            g.writeRawValue(CompactJson.of(o.value().json()));
                        }
                        cache(f.cache());
                        g.writeEndObject();
                    } else if (t instanceof Tool.Hosted h) {
                        g.writeRawValue(h.raw().json());
                    }
                }
                g.writeEndArray();
            }
            if (choice == null || tools.isEmpty()) {
                return;
            }
            g.writeObjectFieldStart("tool_choice");
            switch (choice.mode()) {
                case AUTO, UNSPECIFIED -> g.writeStringField("type", "auto");
                case ANY -> g.writeStringField("type", "any");
                case NONE -> g.writeStringField("type", "none");
                case TOOL -> {
                    g.writeStringField("type", "tool");
                    g.writeStringField("name", choice.name());
                }
            }
            // Claude's "none" choice has no such flag, and no call is made to run one at a time
            if (Boolean.FALSE.equals(choice.parallel()) && choice.mode() != ToolChoice.Mode.NONE) {
                g.writeBooleanField("disable_parallel_tool_use", true);
            }
            g.writeEndObject();
        }

        /**
         * Claude's effort level (when asked for without thinking, or kept as written beside it) and
         * structured output share one object.
         */
        private void outputConfig(ReasoningConfig r, OutputFormat format, List<Extra> extras) {
            // beside thinking only when the model takes it: the rewrite steps leave it out otherwise
            String effort = r != null && r.mode() != ReasoningConfig.Mode.DISABLED ? r.effort() : null;
            Extra kept = effort != null || extras.isEmpty() ? null : Texts.carried(extras, Extra.OUTPUT_EFFORT);
            if (effort == null && kept == null && format == null) {
                return;
            }
            g.writeObjectFieldStart("output_config");
            if (effort != null) {
                g.writeStringField("effort", effort);
            } else if (kept != null) {
                g.writeFieldName("effort");
                g.writeRawValue(kept.value().json());
            }
            if (format != null) {
                g.writeObjectFieldStart("format");
                g.writeStringField("type", "json_schema");
                g.writeFieldName("schema");
                g.writeRawValue(CompactJson.of(format.schema().json()));
                g.writeEndObject();
            }
            g.writeEndObject();
        }

        private void thinking(ReasoningConfig r, List<Extra> extras) {
            if (r == null) {
                return;
            }
            if (r.mode() == ReasoningConfig.Mode.EFFORT) {
                return;
            }
            g.writeObjectFieldStart("thinking");
            if (r.mode() == ReasoningConfig.Mode.DISABLED) {
                g.writeStringField("type", "disabled");
            } else {
                g.writeStringField("type", "enabled");
                g.writeNumberField("budget_tokens", r.budgetTokens() == null ? 1024 : r.budgetTokens());
                Extra display = extras.isEmpty() ? null : Texts.carried(extras, Extra.THINKING_DISPLAY);
                if (display != null) {
                    g.writeFieldName("display");
                    g.writeRawValue(CompactJson.of(display.value().json()));
                }
            }
            g.writeEndObject();
        }

        private void options(Generation gen) {
            if (gen.temperature() != null) {
                g.writeNumberField("temperature", gen.temperature());
            }
            if (gen.topP() != null) {
                g.writeNumberField("top_p", gen.topP());
            }
            if (gen.topK() != null) {
                g.writeNumberField("top_k", gen.topK());
            }
            if (gen.stop() != null && !gen.stop().isEmpty()) {
                g.writeArrayFieldStart("stop_sequences");
                for (String s : gen.stop()) {
                    g.writeString(s);
                }
                g.writeEndArray();
            }
            if (gen.stream() != null) {
                g.writeBooleanField("stream", gen.stream());
            }
            if (gen.user() != null) {
                g.writeObjectFieldStart("metadata");
                g.writeStringField("user_id", gen.user());
                g.writeEndObject();
            }
            if (gen.serviceTier() != null) {
                g.writeStringField("service_tier", gen.serviceTier());
            }
        }
    }
}
