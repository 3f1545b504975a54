package dev.promptport.write;

import dev.promptport.ModelFacts;
import dev.promptport.Target;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Extra;
import dev.promptport.tree.Generation;
import dev.promptport.tree.MediaSource;
import dev.promptport.tree.Part;
import dev.promptport.tree.ReasoningConfig;
import dev.promptport.tree.ReasoningSignature;
import dev.promptport.tree.Role;
import dev.promptport.tree.TextMemo;
import dev.promptport.tree.Turn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a Google Gemini {@code generateContent} request body (v1beta, camelCase JSON). The
 * model and streaming are part of the URL ({@link #endpoint}), not of the body.
 *
 * <p>Tool input schemas are converted to Gemini's OpenAPI subset here ({@link #convert}), or
 * to plain JSON Schema where the model takes it and the subset cannot hold an object of the
 * schema; the rewrite step that reports those changes calls the same conversion.
 */
public final class GeminiWriter {

    private GeminiWriter() {
    }

    /**
     * One change the schema conversion made.
     *
     * @param path JSON pointer, relative to the input schema, of the keyword concerned; keywords
     *             inside a {@code $defs} entry are named there, once, however often it is inlined
     * @param keyword the JSON Schema keyword concerned ({@code $ref}, {@code additionalProperties}, …)
     * @param what what happened, in a sentence fragment for people
     * @param lossy whether the converted schema accepts or rejects values the original did not,
     *              or lost a constraint (false: the same schema, spelled Gemini's way)
     */
    public record SchemaChange(String path, String keyword, String what, boolean lossy) {
        @Override
        public String toString() {
            return (path.isEmpty() ? "/" : path) + ": " + what;
        }
    }

    /**
     * A tool schema in Gemini's form.
     *
     * @param json the converted schema, compact JSON
     * @param changes every change made, in the order met, without repeats
     * @param noParameters true when the schema is an object without properties: Gemini rejects
     *                     such a {@code parameters} ("should be non-empty for OBJECT type"), so the
     *                     declaration is written without one
     * @param jsonSchema true when {@code json} is plain JSON Schema, for {@code parametersJsonSchema}
     *                   and {@code responseJsonSchema}; false for Gemini's OpenAPI subset, for
     *                   {@code parameters} and {@code responseSchema}
     */
    public record Converted(String json, List<SchemaChange> changes, boolean noParameters, boolean jsonSchema) {
        public Converted {
            changes = List.copyOf(changes);
        }

        public boolean changed() {
            return !changes.isEmpty();
        }

        public boolean lossy() {
            for (SchemaChange c : changes) {
                if (c.lossy()) {
                    return true;
                }
            }
            return false;
        }

        /** The first {@code max} changes (lossy ones first) as one line: {@code /a: x; /b: y; and 3 more}. */
        public String describe(int max) {
            List<SchemaChange> sorted = new ArrayList<>(changes);
            sorted.sort((a, b) -> Boolean.compare(b.lossy(), a.lossy()));
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < sorted.size() && i < max; i++) {
                s.append(i == 0 ? "" : "; ").append(sorted.get(i));
            }
            if (sorted.size() > max) {
                s.append("; and ").append(sorted.size() - max).append(" more");
            }
            return s.toString();
        }
    }

    /** The memo keys of a schema's conversion, for models without and with plain JSON Schema. */
    private static final Object CONVERTED = new Object();
    private static final Object CONVERTED_OR_JSON = new Object();

    /** Converts a JSON Schema (a tool's input schema) to Gemini's {@code Schema}, listing every change. */
    public static Converted convert(String schemaJson) {
        return GeminiSchema.convert(schemaJson);
    }

    /**
     * As {@link #convert(String)}, or as plain JSON Schema where {@code jsonSchemaAllowed} and
     * Gemini's {@code Schema} cannot hold an object of it; remembered by {@code memo} (when not
     * null): a request's tools come back with every request, and each is converted for its
     * findings and again when written.
     */
    public static Converted convert(String schemaJson, TextMemo memo, boolean jsonSchemaAllowed) {
        return memo == null ? GeminiSchema.convert(schemaJson, jsonSchemaAllowed)
                : memo.get(schemaJson, jsonSchemaAllowed ? CONVERTED_OR_JSON : CONVERTED,
                        () -> GeminiSchema.convert(schemaJson, jsonSchemaAllowed));
    }

    /**
     * Whether {@code p}, inside a tool result, goes into the function response itself
     * ({@code functionResponse.parts}): Gemini 3's multimodal function responses take images as
     * inline data only (v1beta FunctionResponsePart has no file data), and earlier models none,
     * so anything else follows the responses in the user turn.
     */
    public static boolean inResponse(Part p, ModelFacts facts) {
        return p instanceof Part.Image i && i.source() instanceof MediaSource.Base64 && facts.takes(TOOL_RESULT_IMAGES);
    }

    /** The {@code takes} entry of a model whose function responses carry images (targets.yaml). */
    public static final String TOOL_RESULT_IMAGES = "tool_result_images";

    /**
     * Whether the model takes plain JSON Schema ({@code parametersJsonSchema},
     * {@code responseJsonSchema}); models before Gemini 2.5 take only the OpenAPI subset.
     */
    public static boolean takesJsonSchema(ModelFacts facts) {
        return !facts.rejectsParameter("json_schema");
    }

    /** The request path: {@code /v1beta/models/{model}:generateContent}, or the SSE stream endpoint. */
    public static String endpoint(Target target, boolean stream) {
        String model = target.model().startsWith("models/") ? target.model().substring("models/".length())
                : target.model();
        return "/v1beta/models/" + model + (stream ? ":streamGenerateContent?alt=sse" : ":generateContent");
    }

    public static String write(Conversation c, Target target, boolean pretty) {
        return write(c, target, pretty, null);
    }

    /** @param memo remembers tool schemas already converted, or null */
    public static String write(Conversation c, Target target, boolean pretty, TextMemo memo) {
        return JsonText.write(pretty, body(c, target, memo));
    }

    static JsonText.Body body(Conversation c, Target target, TextMemo memo) {
        return g -> new Session(g, target.facts(), c, memo).request();
    }

    private static final class Session {
        private final JsonOut g;
        private final ModelFacts facts;
        private final Conversation c;
        /**
         * Tool call id to the function name: Gemini matches a response to its call by name. An id
         * a client used again in a later turn names the call written last before the response.
         */
        private final Map<String, String> callNames = new HashMap<>();

        private final TextMemo memo;
        /** Gemini's thinking from an earlier reply, written when the part after it comes. */
        private Part.Reasoning thought;
        /** A thought signature for the part being written. */
        private String signature;
        /**
         * A text part written but not yet closed: a signature alone after it, at the end of the
         * model's content, goes inside it, where Gemini put it (see {@link #endThought}).
         */
        private boolean textOpen;

        Session(JsonOut g, ModelFacts facts, Conversation c, TextMemo memo) {
            this.g = g;
            this.facts = facts;
            this.c = c;
            this.memo = memo;
            for (Turn t : c.turns()) {
                for (Part p : t.parts()) {
                    if (p instanceof Part.ToolCall call && call.id() != null) {
                        callNames.putIfAbsent(call.id(), call.name());
                    }
                }
            }
        }

        void request() {
            g.writeStartObject();
            if ("user".equals(facts.systemRole()) && !c.system().isEmpty()) {
                // a Gemma model refuses systemInstruction; a prompt file's system text (a request's was
                // moved already, SystemAsUser) starts the first user turn instead, as Gemma's own template does
                List<Turn> turns = new ArrayList<>(c.turns().size() + 1);
                turns.add(new Turn(Role.USER, c.system(), c.system().get(0).loc()));
                turns.addAll(c.turns());
                contents(turns);
            } else {
                systemInstruction(c.system());
                contents(c.turns());
            }
            boolean functions = GeminiTools.write(g, c.tools(), facts, memo);
            GeminiTools.toolConfig(g, functions ? c.toolChoice() : null, c.extras());
            generationConfig(c.generation(), c.reasoning(), c.extras());
            for (Extra e : c.extras()) {
                if (!e.name().startsWith(Extra.GENERATION_CONFIG) && !e.name().startsWith(Extra.TOOL_CONFIG)) {
                    // Gemini's own top-level settings (safetySettings, cachedContent, labels)
                    g.writeFieldName(e.name());
                    g.writeRawValue(CompactJson.of(e.value().json()));
                }
            }
            g.writeEndObject();
        }

        // -------------------------------------------------------------- system

        private void systemInstruction(List<Part> parts) {
            JoinedText text = JoinedText.of(parts, "\n\n");
            if (text == null) {
                return;
            }
            g.writeObjectFieldStart("systemInstruction");
            g.writeArrayFieldStart("parts");
            startTextPart();
            text.write(g, memo);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }

        // -------------------------------------------------------------- contents

        /**
         * Consecutive turns of one role become one content, in order; turns with nothing to send
         * are skipped. The function responses of a user run go in a content of their own, before
         * the user's other parts: Gemini reads the content after a function call as its
         * responses, and one that mixes them with text is refused (Vertex AI: "Requests ending
         * with a model turn are not supported", Prism-Shadow/agenthub#189,
         * vellum-ai/vellum-assistant#39495).
         */
        private void contents(List<Turn> turns) {
            g.writeArrayFieldStart("contents");
            int i = 0;
            while (i < turns.size()) {
                Role role = turns.get(i).role();
                int j = i;
                boolean any = false;
                boolean results = false;
                boolean others = false;
                while (j < turns.size() && turns.get(j).role() == role) {
                    for (Part p : turns.get(j).parts()) {
                        any |= writable(p);
                        if (p instanceof Part.ToolResult) {
                            results = true;
                        } else {
                            others |= writable(p);
                        }
                    }
                    j++;
                }
                List<Part.ToolResult> ordered = results ? CallOrder.results(turns, i, j) : List.of();
                if (results && others && role == Role.USER) {
                    responsesThenRest(turns.subList(i, j), ordered);
                } else if (any) {
                    g.writeStartObject();
                    g.writeStringField("role", role == Role.USER ? "user" : "model");
                    g.writeArrayFieldStart("parts");
                    List<Part> moved = new ArrayList<>();
                    int result = 0;
                    for (int k = i; k < j; k++) {
                        for (Part p : turns.get(k).parts()) {
                            if (p instanceof Part.ToolResult) {
                                functionResponse(ordered.get(result++), moved);
                                continue;
                            }
                            flush(moved);
                            part(p);
                        }
                    }
                    flush(moved);
                    endThought();
                    g.writeEndArray();
                    g.writeEndObject();
                }
                i = j;
            }
            g.writeEndArray();
        }

        /**
         * A user run holding both function responses and other parts: the responses (with the
         * images and files they returned, as elsewhere) in one content, then the rest in its order.
         */
        private void responsesThenRest(List<Turn> run, List<Part.ToolResult> ordered) {
            g.writeStartObject();
            g.writeStringField("role", "user");
            g.writeArrayFieldStart("parts");
            List<Part> moved = new ArrayList<>();
            for (Part.ToolResult r : ordered) {
                functionResponse(r, moved);
            }
            flush(moved);
            g.writeEndArray();
            g.writeEndObject();
            g.writeStartObject();
            g.writeStringField("role", "user");
            g.writeArrayFieldStart("parts");
            for (Turn t : run) {
                for (Part p : t.parts()) {
                    if (!(p instanceof Part.ToolResult)) {
                        part(p);
                    }
                }
            }
            endThought();
            g.writeEndArray();
            g.writeEndObject();
        }

        private static boolean writable(Part p) {
            return p instanceof Part.Text || p instanceof Part.ToolCall || p instanceof Part.ToolResult
                    || p instanceof Part.Reasoning
                    || p instanceof Part.Opaque o && o.wire().equals("gemini")
                    || p instanceof Part.Image i && !(i.source() instanceof MediaSource.Opaque)
                    || p instanceof Part.Document d && !(d.source() instanceof MediaSource.Opaque);
        }

        /**
         * Images and documents a tool returned follow the run of function responses they came in.
         * A document's title is not a text part of its own there, as Vertex AI refuses a content
         * that mixes function responses with text: it went into its response ({@link #withMovedLabels}).
         */
        private void flush(List<Part> moved) {
            for (Part p : moved) {
                if (p instanceof Part.Document d && !(d.source() instanceof MediaSource.PlainText)) {
                    closeText();
                    if (!(d.source() instanceof MediaSource.Opaque)) {
                        media(d.source(), "application/pdf");
                    }
                } else {
                    part(p);
                }
            }
            moved.clear();
        }

        /** The response's text, then the titles of the documents moved out of it since {@code from}, in their order. */
        private static String withMovedLabels(String result, List<Part> moved, int from) {
            String out = result;
            for (int i = from; i < moved.size(); i++) {
                if (moved.get(i) instanceof Part.Document d && !(d.source() instanceof MediaSource.PlainText)) {
                    String label = Media.documentLabel(d);
                    if (label != null) {
                        out = out.isEmpty() ? label : out + "\n\n" + label;
                    }
                }
            }
            return out;
        }

        private void part(Part p) {
            if (p instanceof Part.Reasoning r) {
                if (textOpen && signatureOnly(r)) {
                    // a signature alone after a text may be the text's own: it waits, the text
                    // part open, for what follows (endThought). A second one after it is the next
                    // part's (a function call's), so the one before it goes inside the text
                    if (thought != null) {
                        endThought();
                    }
                } else {
                    closeText();
                    endThought();
                }
                thought = r;
                return;
            }
            closeText();
            if (thought != null) {
                if (!thought.text().isEmpty()) {
                    thoughtPart(thought.text(), null);
                }
                signature = ReasoningSignature.of(thought.signature()).token();
                thought = null;
            }
            if (p instanceof Part.Text t) {
                textPart(t);
            } else if (p instanceof Part.Image img) {
                media(img.source(), GeminiMime.IMAGE_GUESS);
            } else if (p instanceof Part.Document d) {
                document(d);
            } else if (p instanceof Part.ToolCall call) {
                functionCall(call);
            } else if (p instanceof Part.Opaque o && o.wire().equals("gemini")) {
                // a part of Gemini's own (executableCode, codeExecutionResult, …), as written
                g.writeRawValue(CompactJson.of(o.raw().json()));
            }
            // other vendors' Opaque parts are removed by the rewrite steps
            if (signature != null) {
                thoughtPart("", null);
            }
        }

        /**
         * Gemini's thinking from an earlier reply goes back as it came: its summary as a thought
         * part, its signature on the part that followed it (the function call, where Gemini
         * checks it), or, when nothing followed in the turn or another signature did, on the
         * text part just before it, or else on the thought part.
         */
        private void endThought() {
            if (thought != null && textOpen && signatureOnly(thought)) {
                // Gemini signs the last part of a reply; on a text part, a reply read back holds
                // the signature as a thinking block after the text, and it goes back on that text
                // rather than on a thought part of its own with no text
                g.writeStringField("thoughtSignature", ReasoningSignature.of(thought.signature()).token());
                thought = null;
            }
            closeText();
            if (thought != null) {
                thoughtPart(thought.text(), ReasoningSignature.of(thought.signature()).token());
                thought = null;
            }
        }

        /** Thinking that is only Gemini's signature: no summary to send. */
        private static boolean signatureOnly(Part.Reasoning r) {
            ReasoningSignature s = ReasoningSignature.of(r.signature());
            return r.text().isEmpty() && s != null && s.signer() == ReasoningSignature.Signer.GEMINI;
        }

        private void closeText() {
            if (textOpen) {
                g.writeEndObject();
                textOpen = false;
            }
        }

        private void thoughtPart(String text, String token) {
            g.writeStartObject();
            g.writeStringField("text", text);
            g.writeBooleanField("thought", true);
            if (token != null) {
                g.writeStringField("thoughtSignature", token);
            }
            signature();
            g.writeEndObject();
        }

        /** The signature of the thinking before this part, on the part (inside its object). */
        private void signature() {
            if (signature != null) {
                g.writeStringField("thoughtSignature", signature);
                signature = null;
            }
        }

        /** Left open for the signature that may follow it: {@link #closeText} ends it. */
        private void textPart(Part.Text t) {
            startTextPart();
            JsonText.text(g, t, memo);
            textOpen = true;
        }

        private void textPart(String text) {
            startTextPart();
            JsonText.string(g, text, memo);
            g.writeEndObject();
        }

        private void startTextPart() {
            g.writeStartObject();
            signature();
            g.writeFieldName("text");
        }

        private void document(Part.Document d) {
            if (d.source() instanceof MediaSource.PlainText pt) {
                textPart(Media.documentText(d, pt));
                return;
            }
            if (d.source() instanceof MediaSource.Opaque) {
                return;
            }
            // inlineData and fileData carry no name: the title and context go in a text part before
            String label = Media.documentLabel(d);
            if (label != null) {
                textPart(label);
            }
            media(d.source(), "application/pdf");
        }

        private void media(MediaSource s, String defaultType) {
            if (s instanceof MediaSource.Base64 b) {
                g.writeStartObject();
                signature();
                g.writeObjectFieldStart("inlineData");
                g.writeStringField("mimeType", b.mediaType() != null ? b.mediaType() : defaultType);
                g.writeStringField("data", b.data());
                g.writeEndObject();
                g.writeEndObject();
            } else if (s instanceof MediaSource.Url u) {
                g.writeStartObject();
                signature();
                g.writeObjectFieldStart("fileData");
                g.writeStringField("mimeType", u.mediaType() != null ? u.mediaType() : GeminiMime.fromUrl(u.url(), defaultType));
                g.writeStringField("fileUri", u.url());
                g.writeEndObject();
                g.writeEndObject();
            } else if (s instanceof MediaSource.FileRef f) {
                // a file in the vendor's own store: Gemini names those by URI
                g.writeStartObject();
                signature();
                g.writeObjectFieldStart("fileData");
                if (f.mediaType() != null) {
                    g.writeStringField("mimeType", f.mediaType());
                }
                g.writeStringField("fileUri", f.fileId());
                g.writeEndObject();
                g.writeEndObject();
            } else if (s instanceof MediaSource.PlainText pt) {
                textPart(pt.text());
            }
        }

        private void functionCall(Part.ToolCall call) {
            if (call.id() != null) {
                callNames.put(call.id(), call.name());
            }
            g.writeStartObject();
            signature();
            g.writeObjectFieldStart("functionCall");
            // an empty id says nothing, and Gemini's id is optional: a response then answers its call by name
            if (call.id() != null && !call.id().isEmpty()) {
                g.writeStringField("id", call.id());
            }
            g.writeStringField("name", call.name());
            String args = CompactJson.of(call.input().json(), memo);
            g.writeFieldName("args");
            if (args.startsWith("{")) {
                // an agent's edit or write carries a whole file here, re-sent with every request
                JsonText.raw(g, args, memo);
            } else {
                // args is a JSON object (a protobuf Struct); any other value is wrapped
                g.writeStartObject();
                g.writeFieldName("value");
                g.writeRawValue(args);
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        }

        private void functionResponse(Part.ToolResult r, List<Part> moved) {
            closeText();
            int movedBefore = moved.size();
            List<Part> inside = null;
            for (Part p : r.content()) {
                if (Texts.hasResultText(p)) {
                    continue;
                }
                if (inResponse(p, facts)) {
                    if (inside == null) {
                        inside = new ArrayList<>();
                    }
                    inside.add(p);
                } else if (p instanceof Part.Image || p instanceof Part.Document) {
                    moved.add(p);
                }
            }
            g.writeStartObject();
            g.writeObjectFieldStart("functionResponse");
            if (r.callId() != null && !r.callId().isEmpty()) {
                g.writeStringField("id", r.callId());
            }
            String name = r.callId() == null ? null : callNames.get(r.callId());
            g.writeStringField("name", name != null ? name : r.callId() != null ? r.callId() : "unknown");
            g.writeObjectFieldStart("response");
            // Gemini's documented keys: "error" keeps the failure visible to the model
            g.writeFieldName(r.error() ? "error" : "result");
            JsonText.string(g, withMovedLabels(Texts.resultTexts(r.content()), moved, movedBefore), memo);
            g.writeEndObject();
            if (inside != null) {
                g.writeArrayFieldStart("parts");
                for (Part p : inside) {
                    MediaSource.Base64 b = (MediaSource.Base64) ((Part.Image) p).source();
                    g.writeStartObject();
                    g.writeObjectFieldStart("inlineData");
                    g.writeStringField("mimeType", b.mediaType() != null ? b.mediaType() : GeminiMime.IMAGE_GUESS);
                    g.writeStringField("data", b.data());
                    g.writeEndObject();
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeEndObject();
        }

        // -------------------------------------------------------------- generation

        private void generationConfig(Generation gen, ReasoningConfig r, List<Extra> extras) {
            Integer budget = thinkingBudget(r);
            String level = r != null && facts.takesEffort() ? r.effort() : null;
            boolean stop = gen.stop() != null && !gen.stop().isEmpty();
            boolean carried = false;
            for (Extra e : extras) {
                carried |= e.name().startsWith(Extra.GENERATION_CONFIG);
            }
            if (gen.maxTokens() == null && gen.temperature() == null && gen.topP() == null && gen.topK() == null
                    && !stop && budget == null && level == null && gen.format() == null && !carried) {
                return;
            }
            g.writeObjectFieldStart("generationConfig");
            for (Extra e : extras) {
                if (e.name().startsWith(Extra.GENERATION_CONFIG)) {
                    // a setting of Gemini's own, or one OpenAI's requests share with it (seed, penalties)
                    g.writeFieldName(e.name().substring(Extra.GENERATION_CONFIG.length()));
                    g.writeRawValue(CompactJson.of(e.value().json()));
                }
            }
            if (stop) {
                g.writeArrayFieldStart("stopSequences");
                for (String s : gen.stop()) {
                    g.writeString(s);
                }
                g.writeEndArray();
            }
            if (gen.maxTokens() != null) {
                g.writeNumberField("maxOutputTokens", gen.maxTokens());
            }
            if (gen.temperature() != null) {
                g.writeNumberField("temperature", gen.temperature());
            }
            if (gen.topP() != null) {
                g.writeNumberField("topP", gen.topP());
            }
            if (gen.topK() != null) {
                g.writeNumberField("topK", gen.topK());
            }
            if (budget != null) {
                g.writeObjectFieldStart("thinkingConfig");
                g.writeNumberField("thinkingBudget", budget);
                if (r.enabled() && r.shown()) {
                    // Gemini returns its thoughts only when asked: asked where the request wanted the
                    // reasoning's text (Claude's thinking shown, OpenAI's summary, Gemini's own
                    // setting). Thinking turned off stays unseen even where the model cannot stop
                    // (2.5 Pro at its floor)
                    g.writeBooleanField("includeThoughts", true);
                }
                g.writeEndObject();
            }
            if (level != null) {
                // Gemini 3 sets its thinking by level; it always thinks, so thinking turned off is
                // its lowest level, with the thoughts left out of the reply as Claude would
                g.writeObjectFieldStart("thinkingConfig");
                g.writeStringField("thinkingLevel", level);
                if (r.enabled() && r.shown()) {
                    g.writeBooleanField("includeThoughts", true);
                }
                g.writeEndObject();
            }
            if (gen.format() != null) {
                g.writeStringField("responseMimeType", "application/json");
                Converted schema = gen.format().jsonMode() ? null
                        : convert(gen.format().schema().json(), memo, takesJsonSchema(facts));
                // an object without properties is any JSON object, which the MIME type alone asks for
                if (schema != null && !schema.noParameters()) {
                    g.writeFieldName(schema.jsonSchema() ? "responseJsonSchema" : "responseSchema");
                    g.writeRawValue(schema.json());
                }
            }
            g.writeEndObject();
        }

        /** The thinking budget to send: the budget, -1 (dynamic) without one, 0 to turn thinking off. */
        private Integer thinkingBudget(ReasoningConfig r) {
            if (r == null || !facts.takesBudget()) {
                return null;
            }
            if (r.mode() == ReasoningConfig.Mode.DISABLED) {
                // 0 turns thinking off; a model with a floor gets the floor (MapReasoning names it)
                return facts.budgetMin() == 0 ? 0 : r.budgetTokens();
            }
            return r.budgetTokens() != null ? r.budgetTokens() : -1;
        }
    }
}
