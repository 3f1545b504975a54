package dev.promptport.write;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How one OpenAI-compatible vendor's Chat Completions endpoint differs from OpenAI's own: a row
 * of a small table, not a copy of the writer. The Chat writer reads the dialect of the target's
 * vendor ({@link #of}) at each point where vendors disagree; everything else is written the
 * OpenAI way.
 *
 * <p>The dialect describes the <em>endpoint</em>; {@code rules/targets.yaml} describes the
 * <em>model</em>. Where both speak (the output-limit field, the system role), the model's fact is
 * used when the endpoint takes it ({@link #outputLimitField}, {@link #systemRole}). The content
 * flags ({@link #imageParts}, {@link #imageUrls}, {@link #pdfPart}) bound what the rewrite steps
 * may leave in the tree; a writer writes whatever the tree holds.
 *
 * <p>Every row cites where its facts come from, next to the constant. Keys: <b>OAS</b> =
 * {@code shared/specs/openai/openapi.yaml}; <b>PI</b> = badlogic/pi-mono
 * {@code packages/ai/src/providers/openai-completions.ts} ({@code detectCompat}, per-vendor
 * compat flags, @d70e25c); <b>VAI</b> = vercel/ai provider packages (named per row).
 *
 * @param vendor the vendor half of a target id ({@code deepseek} in {@code deepseek:deepseek-chat})
 * @param outputLimitFields the fields the endpoint takes for the reply's length cap, the one it
 *        documents as current first
 * @param developerRole whether the endpoint takes {@code role: "developer"} messages
 * @param endUserField the field that carries an end-user id ({@code safety_identifier} or
 *        {@code user}), or {@code null} when the endpoint has none (or ignores it)
 * @param streamUsage whether to send {@code stream_options: {include_usage: true}}: false where
 *        the endpoint rejects it or reports usage without being asked
 * @param parallelToolCalls whether the endpoint takes {@code parallel_tool_calls}
 * @param toolChoice whether the endpoint honours {@code tool_choice}
 * @param imageParts whether the endpoint takes {@code image_url} content parts
 * @param imageUrls whether an image may be an http(s) URL (else only {@code data:} URLs)
 * @param pdfPart how a PDF is sent, if at all
 * @param reasoningEffort whether the endpoint takes {@code reasoning_effort}
 * @param toolResultName whether {@code role: "tool"} messages must name the function
 * @param toolIds which tool-call ids the endpoint accepts
 * @param reasoningContent whether assistant messages must carry {@code reasoning_content}
 *        (DeepSeek thinking mode); see {@link #REASONING_PLACEHOLDER}
 * @param settings which of OpenAI's own request settings that promptport carries as they came
 *        (seed, penalties, log-probabilities, {@code n}, {@code logit_bias}, {@code store},
 *        {@code metadata}, {@code prediction}, {@code service_tier}, the prompt-cache and
 *        moderation settings, {@code modalities}/{@code audio}) the endpoint documents; any other
 *        is left out and named, since several of these endpoints refuse a field they do not know
 * @param settingNames those of {@code settings} the endpoint spells its own way, OpenAI's name to
 *        the endpoint's (Mistral's {@code seed} is {@code random_seed})
 */
public record ChatDialect(String vendor, List<String> outputLimitFields, boolean developerRole,
                          String endUserField, boolean streamUsage, boolean parallelToolCalls,
                          boolean toolChoice, boolean imageParts, boolean imageUrls, PdfPart pdfPart,
                          boolean reasoningEffort, boolean toolResultName, ToolIds toolIds,
                          boolean reasoningContent, Set<String> settings,
                          Map<String, String> settingNames) {

    /** How a PDF document is spelled as a content part. */
    public enum PdfPart {
        /** OpenAI's {@code {type: "file", file: {filename, file_data}}} (OAS ChatCompletionRequestMessageContentPartFile). */
        FILE,
        /** Mistral's {@code {type: "document_url", document_url: "<url or data: URL>"}}. */
        DOCUMENT_URL,
        /** The endpoint takes no PDF parts. */
        NONE
    }

    /** Which tool-call ids an endpoint accepts. */
    public enum ToolIds {
        /** Any id, as written ({@code toolu_…} ids from Claude pass unchanged). */
        ANY,
        /** Exactly nine characters a-z, A-Z, 0-9 (Mistral). */
        ALPHANUMERIC_9
    }

    /**
     * Whether the endpoint holds a reply to a JSON schema ({@code response_format: {type:
     * "json_schema"}}). DeepSeek's JSON Output takes only {@code json_object} (api-docs.deepseek.com,
     * "JSON Output"); the other OpenAI-compatible endpoints here document {@code json_schema}.
     */
    public boolean jsonSchema() {
        return !vendor.equals("deepseek");
    }

    /**
     * Whether a function may say {@code strict: true} (OAS FunctionObject.strict). Only OpenAI's
     * own endpoints are sent it: the compatible ones document it unevenly, and one that rejects
     * an unknown field would fail the whole request.
     */
    public boolean strictTools() {
        return vendor.equals("openai") || vendor.equals("azure");
    }

    public static final String MAX_COMPLETION_TOKENS = "max_completion_tokens";
    public static final String MAX_TOKENS = "max_tokens";
    public static final String SAFETY_IDENTIFIER = "safety_identifier";
    public static final String USER = "user";

    /**
     * What an assistant message carries as {@code reasoning_content} when the endpoint needs the
     * field and the reasoning itself is gone. promptport drops thinking history (PP110: it is
     * Claude's signed reasoning, another vendor can neither verify nor use it), so there is no
     * text to echo. DeepSeek answers a tool-call turn without the field with 400 "Missing
     * `reasoning_content` field in the assistant message" (musistudio/claude-code-router#1050,
     * continuedev/continue#9606, deepseek-ai/DeepSeek-V3#1053); its guide says the field must be
     * passed back on tool-call turns and is ignored elsewhere (api-docs.deepseek.com/guides/
     * thinking_mode#tool-calls). musistudio/llms {@code deepseek-thinking.transformer.ts} fills in
     * {@code ""}, but an empty string is rejected by the V4 models (HKUDS/nanobot#946;
     * NousResearch/hermes-agent PR #17341, merged as #18263, switched to a single space after a
     * four-round tool chain passed against deepseek-v4-pro). A single space satisfies both the
     * old and the new check and says nothing to the model.
     */
    public static final String REASONING_PLACEHOLDER = " ";

    private static final List<String> COMPLETION_FIRST = List.of(MAX_COMPLETION_TOKENS, MAX_TOKENS);
    private static final List<String> MAX_TOKENS_ONLY = List.of(MAX_TOKENS);

    // OpenAI's own request settings that each endpoint documents (the settings component). Where
    // a source is silent the setting is not sent: Mistral answers an undeclared field with 422,
    // and Groq answers logit_bias, logprobs, top_logprobs and n > 1 with 400.

    /** OAS CreateChatCompletionRequest: all of them. */
    private static final Set<String> OPENAI_SETTINGS = Set.of("seed", "presence_penalty", "frequency_penalty",
            "logit_bias", "logprobs", "top_logprobs", "n", "prediction", "modalities", "audio", "store", "metadata",
            "prompt_cache_key", "service_tier", "prompt_cache_retention", "prompt_cache_options", "moderation");
    /**
     * Azure OpenAI's Chat Completions reference (learn.microsoft.com/azure/ai-foundry/openai/reference):
     * sampling, log-probabilities and {@code n}, and stored completions ({@code store}, {@code metadata}),
     * predicted outputs and audio; OpenAI's service tiers, prompt-cache and moderation settings are
     * not documented for Azure.
     */
    private static final Set<String> AZURE_SETTINGS = Set.of("seed", "presence_penalty", "frequency_penalty",
            "logit_bias", "logprobs", "top_logprobs", "n", "prediction", "modalities", "audio", "store", "metadata");
    /**
     * api-docs.deepseek.com/api/create-chat-completion (as mirrored by the ds-api crate,
     * raw/request/chat_completion.rs, and tidyllm {@code deepseek_chat}): penalties and
     * log-probabilities; no seed, {@code n}, logit_bias or stored-completion fields.
     */
    private static final Set<String> DEEPSEEK_SETTINGS = Set.of("presence_penalty", "frequency_penalty", "logprobs",
            "top_logprobs");
    /**
     * Mistral's ChatCompletionRequest (mistralai/client-python docs/models/chatcompletionrequest.md,
     * docs.mistral.ai predicted outputs): penalties, {@code n} and {@code prediction}, and the seed,
     * which it spells {@code random_seed} ({@link #MISTRAL_NAMES}).
     */
    private static final Set<String> MISTRAL_SETTINGS = Set.of("seed", "presence_penalty", "frequency_penalty", "n",
            "prediction");
    /**
     * ChatCompletionRequest {@code random_seed} (mistralai/client-python
     * docs/models/chatcompletionrequest.md; langchain4j MistralAiChatCompletionRequest.randomSeed):
     * an OpenAI {@code seed} would be an extra field (422).
     */
    private static final Map<String, String> MISTRAL_NAMES = Map.of("seed", "random_seed");
    /**
     * groq/groq-python {@code types/chat/completion_create_params.py}: seed and penalties; logit_bias,
     * logprobs and top_logprobs "not yet supported by any of our models", n: "only n=1 is
     * supported. Other values will result in a 400 response".
     */
    private static final Set<String> GROQ_SETTINGS = Set.of("seed", "presence_penalty", "frequency_penalty");
    /**
     * togethercomputer/together-py {@code types/chat/completion_create_params.py}: penalties,
     * logit_bias and {@code n}; its {@code logprobs} is a count, not OpenAI's switch.
     */
    private static final Set<String> TOGETHER_SETTINGS = Set.of("presence_penalty", "frequency_penalty", "logit_bias", "n");
    /**
     * docs.fireworks.ai: {@code n} and predicted outputs ({@code prediction}); LangChain's Fireworks
     * wrappers list penalties and logit_bias as unsupported (FireworksUnsupportedArgs).
     */
    private static final Set<String> FIREWORKS_SETTINGS = Set.of("n", "prediction");
    /**
     * ollama/ollama {@code docs/api/openai-compatibility.mdx}, supported request fields: seed and
     * penalties; not logit_bias, n or logprobs.
     */
    private static final Set<String> OLLAMA_SETTINGS = Set.of("seed", "presence_penalty", "frequency_penalty");
    /**
     * vllm-project/vllm {@code entrypoints/openai/chat_completion/protocol.py}: seed, penalties,
     * logit_bias, log-probabilities and {@code n}.
     */
    private static final Set<String> VLLM_SETTINGS = Set.of("seed", "presence_penalty", "frequency_penalty",
            "logit_bias", "logprobs", "top_logprobs", "n");
    /** An endpoint not in the table: the sampling settings nearly every compatible server takes. */
    private static final Set<String> COMMON_SETTINGS = Set.of("seed", "presence_penalty", "frequency_penalty");

    /**
     * OpenAI itself. OAS CreateChatCompletionRequest: {@code max_tokens} is deprecated and "not
     * compatible with o-series models", so only {@code max_completion_tokens}; {@code developer}
     * messages (ChatCompletionRequestDeveloperMessage); {@code user} deprecated in favour of
     * {@code safety_identifier}; {@code stream_options.include_usage}; {@code parallel_tool_calls};
     * image and file parts (ChatCompletionRequestMessageContentPartImage/-File); ReasoningEffort.
     */
    public static final ChatDialect OPENAI = new ChatDialect("openai", List.of(MAX_COMPLETION_TOKENS), true,
            SAFETY_IDENTIFIER, true, true, true, true, true, PdfPart.FILE, true, false, ToolIds.ANY, false, OPENAI_SETTINGS, Map.of());

    /**
     * Azure OpenAI. learn.microsoft.com/azure/foundry/openai/how-to/chatgpt: reasoning models "use
     * max_completion_tokens instead of max_tokens" (older deployments still take max_tokens);
     * learn.microsoft.com/azure/foundry/openai/how-to/reasoning and Microsoft Q&amp;A 2277624:
     * developer messages for o-series models. {@code user} is in every Azure api-version;
     * {@code safety_identifier} is not documented for Azure in the sources found, so {@code user}.
     * Usage in streams: stream_options (LangChain AzureOpenAIChatInput.streamUsage sends it).
     * PDF file parts are not documented for Azure Chat Completions in the sources found: none.
     * reasoning_effort: tidyllm {@code azure_openai_chat(.reasoning_effort)}, the reasoning guide.
     */
    public static final ChatDialect AZURE = new ChatDialect("azure", COMPLETION_FIRST, true, USER, true, true,
            true, true, true, PdfPart.NONE, true, false, ToolIds.ANY, false, AZURE_SETTINGS, Map.of());

    /**
     * DeepSeek. api-docs.deepseek.com/api/create-chat-completion: {@code max_tokens}; roles
     * system/user/assistant/tool, text content; {@code stream_options.include_usage} (also the
     * ds-api crate, raw/request/stream_options.rs); no {@code user}, no
     * {@code parallel_tool_calls}. PI treats deepseek.com as non-standard (no developer role, no
     * store). No images (ellmer {@code chat_deepseek}: "Images are not supported"). Thinking mode:
     * {@code reasoning_effort} and {@code reasoning_content} on assistant messages
     * (api-docs.deepseek.com/guides/thinking_mode; PI compat
     * {@code requiresReasoningContentOnAssistantMessages} for DeepSeek), see
     * {@link #REASONING_PLACEHOLDER}.
     */
    public static final ChatDialect DEEPSEEK = new ChatDialect("deepseek", MAX_TOKENS_ONLY, false, null, true,
            false, true, false, false, PdfPart.NONE, true, false, ToolIds.ANY, true, DEEPSEEK_SETTINGS, Map.of());

    /**
     * Mistral. mistralai/client-python @05629d2 {@code docs/models/chatcompletionrequest.md}:
     * {@code max_tokens}, {@code parallel_tool_calls}, {@code reasoning_effort}, no {@code user},
     * no {@code stream_options}; SystemMessage role is {@code "system"} only; content chunks
     * image_url and document_url. The API rejects undeclared fields with 422 "Extra inputs are not
     * permitted" (mistralai/platform-docs-public#7; dnakov/anon-kode#53 for
     * {@code stream_options}), so nothing optional is sent. VAI {@code packages/mistral}
     * convert-to-mistral-chat-messages.ts: PDFs as {@code document_url}, tool messages with
     * {@code name}. PI: tool-call ids "exactly 9 alphanumeric characters", tool results need a
     * name.
     */
    public static final ChatDialect MISTRAL = new ChatDialect("mistral", MAX_TOKENS_ONLY, false, null, false, true,
            true, true, true, PdfPart.DOCUMENT_URL, true, true, ToolIds.ALPHANUMERIC_9, false, MISTRAL_SETTINGS, MISTRAL_NAMES);

    /**
     * Groq. groq/groq-python @9620fde {@code types/chat/completion_create_params.py}:
     * {@code max_tokens} "Deprecated in favor of max_completion_tokens"; {@code user};
     * {@code parallel_tool_calls}; {@code reasoning_effort}; no {@code stream_options} in the
     * request (usage comes in {@code x_groq.usage} of the last chunk unasked, VAI
     * {@code packages/groq} groq-chat-language-model.ts); system message role "system" or
     * "developer"; content parts text, image_url and Groq's own document (no PDF file part).
     */
    public static final ChatDialect GROQ = new ChatDialect("groq", COMPLETION_FIRST, true, USER, false, true, true,
            true, true, PdfPart.NONE, true, false, ToolIds.ANY, false, GROQ_SETTINGS, Map.of());

    /**
     * Together AI. togethercomputer/together-py @60558ba
     * {@code types/chat/completion_create_params.py}: {@code max_tokens}; system role "system"
     * only; no {@code user}, {@code stream_options} or {@code parallel_tool_calls}; image_url,
     * video_url and audio parts; {@code reasoning_effort} low/medium/high.
     */
    public static final ChatDialect TOGETHER = new ChatDialect("together", MAX_TOKENS_ONLY, false, null, false,
            false, true, true, true, PdfPart.NONE, true, false, ToolIds.ANY, false, TOGETHER_SETTINGS, Map.of());

    /**
     * Fireworks. docs.fireworks.ai/tools-sdks/openai-compatibility: {@code max_tokens}; usage is
     * returned in the last stream chunk without asking. docs.fireworks.ai/guides/
     * querying-vision-language-models: image_url parts "identical to OpenAI's vision API", URL or
     * base64. {@code reasoning_effort}: docs.fireworks.ai/guides/reasoning (as cited by LangChain
     * deepagents FIREWORKS_REASONING_EFFORTS). Developer role, end-user id and
     * parallel_tool_calls are not documented in the sources found: not sent.
     */
    public static final ChatDialect FIREWORKS = new ChatDialect("fireworks", MAX_TOKENS_ONLY, false, null, false,
            false, true, true, true, PdfPart.NONE, true, false, ToolIds.ANY, false, FIREWORKS_SETTINGS, Map.of());

    /**
     * Ollama. ollama/ollama @fb30760 {@code docs/api/openai-compatibility.mdx}, supported request
     * fields: {@code max_tokens}, {@code stream_options.include_usage}, {@code reasoning_effort};
     * not {@code tool_choice}, not {@code user}; images "Base64 encoded image" yes, "Image URL"
     * no. {@code openai/openai.go} ChatCompletionRequest has no {@code parallel_tool_calls} and
     * passes roles to the model's template unchanged (templates know "system").
     */
    public static final ChatDialect OLLAMA = new ChatDialect("ollama", MAX_TOKENS_ONLY, false, null, true, false,
            false, true, false, PdfPart.NONE, true, false, ToolIds.ANY, false, OLLAMA_SETTINGS, Map.of());

    /**
     * vLLM. vllm-project/vllm @d5dba2d {@code entrypoints/openai/chat_completion/protocol.py}:
     * {@code max_tokens} "deprecated in favor of the max_completion_tokens field";
     * {@code stream_options}; {@code parallel_tool_calls}; {@code reasoning_effort};
     * {@code user} "will be ignored by vLLM" (not sent). Roles go to the model's chat template,
     * which usually knows only "system". Vision via image_url (docs.vllm.ai
     * openai_compatible_server); no file parts.
     */
    public static final ChatDialect VLLM = new ChatDialect("vllm", COMPLETION_FIRST, false, null, true, true, true,
            true, true, PdfPart.NONE, true, false, ToolIds.ANY, false, VLLM_SETTINGS, Map.of());

    /**
     * Any other OpenAI-compatible server: only what nearly every one takes (PI's defaults for
     * unknown endpoints are the same minus developer role and store). The model's own
     * output-limit field is used; {@code max_tokens} when it names neither.
     */
    public static final ChatDialect COMPATIBLE = new ChatDialect("openai-compatible",
            List.of(MAX_TOKENS, MAX_COMPLETION_TOKENS), false, null, false, false, true, true, true, PdfPart.NONE,
            true, false, ToolIds.ANY, false, COMMON_SETTINGS, Map.of());

    private static final Map<String, ChatDialect> BY_VENDOR = table(OPENAI, AZURE, DEEPSEEK, MISTRAL, GROQ,
            TOGETHER, FIREWORKS, OLLAMA, VLLM);

    private static final char[] ALPHANUMERIC =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    public ChatDialect {
        if (outputLimitFields == null || outputLimitFields.isEmpty()) {
            throw new IllegalArgumentException("a dialect needs at least one output-limit field");
        }
        outputLimitFields = List.copyOf(outputLimitFields);
        settings = Set.copyOf(settings);
        settingNames = Map.copyOf(settingNames);
    }

    /** Whether the endpoint takes OpenAI's request setting {@code field} (see {@code settings}). */
    public boolean takesSetting(String field) {
        return settings.contains(field);
    }

    /** The field the endpoint takes OpenAI's request setting {@code field} as, or {@code null} when it has none. */
    public String settingField(String field) {
        return !settings.contains(field) ? null : settingNames.getOrDefault(field, field);
    }

    /** The dialect of {@code vendor} (case-insensitive), or {@link #COMPATIBLE} for a vendor not in the table. */
    public static ChatDialect of(String vendor) {
        if (vendor == null) {
            return COMPATIBLE;
        }
        ChatDialect d = BY_VENDOR.get(vendor.toLowerCase(Locale.ROOT));
        return d != null ? d : COMPATIBLE;
    }

    /** The vendors with a row of their own. */
    public static Set<String> vendors() {
        return BY_VENDOR.keySet();
    }

    /** The model's output-limit field when this endpoint takes it, else the endpoint's current one. */
    public String outputLimitField(String modelField) {
        return modelField != null && outputLimitFields.contains(modelField) ? modelField : outputLimitFields.get(0);
    }

    /**
     * {@code developer} when the model wants it and the endpoint takes it; {@code user} for a
     * model that takes no system text at all (o1-mini), whose request from a prompt file still
     * holds some; else {@code system}.
     */
    public String systemRole(String modelRole) {
        if ("user".equals(modelRole)) {
            return "user";
        }
        return developerRole && "developer".equals(modelRole) ? "developer" : "system";
    }

    /**
     * The id to send for a tool call (and for the result that answers it). Ids the endpoint
     * accepts pass unchanged; a longer one keeps its first 27 characters and ends in a hash of
     * the whole id; for Mistral each id becomes nine characters derived from a hash of
     * the whole id, so distinct ids stay distinct (cutting Claude's {@code toolu_01…} ids to nine
     * characters would give them all the same prefix) and a call and its result still match.
     */
    public String toolCallId(String id) {
        if (id == null) {
            return null;
        }
        if (toolIds == ToolIds.ANY) {
            // OpenAI refuses an id longer than 40 characters (string_above_max_length); other
            // vendors' ids can be longer (the Responses API's fc_… ids have 53)
            return fitId(id, MAX_ID);
        }
        if (id.length() == 9 && id.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
            return id;
        }
        byte[] hash = sha256(id);
        char[] out = new char[9];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHANUMERIC[(hash[i] & 0xff) % ALPHANUMERIC.length];
        }
        return new String(out);
    }

    /**
     * Whether an image part may say how closely to look at it ({@code detail}): OpenAI's own
     * setting, which servers that copy the format document differently or not at all.
     */
    public boolean imageDetail() {
        return this == OPENAI || this == AZURE;
    }

    /**
     * Whether the endpoint takes {@code top_k}, which is no OpenAI setting (OAS
     * CreateChatCompletionRequest has none). Together (together-py
     * {@code types/chat/completion_create_params.py} {@code top_k}), Fireworks
     * (docs.fireworks.ai/api-reference/post-chatcompletions {@code top_k}) and vLLM
     * ({@code entrypoints/openai/chat_completion/protocol.py}, {@code top_k} among its extra
     * sampling parameters) document it. Ollama's {@code openai/openai.go} ChatCompletionRequest
     * has no such field and drops it unread, like any other field it does not know.
     */
    public boolean topK() {
        return this == TOGETHER || this == FIREWORKS || this == VLLM;
    }

    /** Whether the endpoint can take a PDF at all (for the rewrite step that fits content). */
    public boolean takesPdf() {
        return pdfPart != PdfPart.NONE;
    }

    private static final int MAX_ID = 40;

    /**
     * {@code id} when it has at most {@code max} characters, else its first {@code max - 13}
     * characters and a hash of the whole id, the same for a call and its result. An empty id
     * (some OpenAI-compatible servers send one) becomes {@link #EMPTY_ID}: the Responses API's
     * call_id has {@code minLength: 1} (OpenAI's spec, FunctionCallOutputItemParam), and Chat's
     * tool_call_id is the same id.
     */
    static String fitId(String id, int max) {
        if (id.isEmpty()) {
            return EMPTY_ID;
        }
        return id.length() <= max ? id : id.substring(0, max - 13) + '_' + hex(sha256(id), 6);
    }

    /** What an empty tool-call id is sent as, for the call and its result alike. */
    static final String EMPTY_ID = "call_none";

    private static String hex(byte[] bytes, int count) {
        StringBuilder b = new StringBuilder(count * 2);
        for (int i = 0; i < count; i++) {
            b.append(Character.forDigit((bytes[i] >> 4) & 0xf, 16)).append(Character.forDigit(bytes[i] & 0xf, 16));
        }
        return b.toString();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static Map<String, ChatDialect> table(ChatDialect... rows) {
        Map<String, ChatDialect> m = new LinkedHashMap<>();
        for (ChatDialect d : rows) {
            m.put(d.vendor(), d);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
