package dev.promptport.tree;

/**
 * Where the request set each generation option, so a finding about one points at the field
 * as the input spelled it ({@code /generationConfig/topK}, {@code /generation_config/top_k}).
 * Requests and prompt files that use Anthropic's names take {@link #ANTHROPIC}.
 */
public record GenerationLocs(Loc maxTokens, Loc temperature, Loc topP, Loc topK, Loc stop, Loc user) {

    private static final Loc ROOT = Loc.pointer("");

    private static final Loc ANTHROPIC_USER = ROOT.child("metadata").child("user_id");

    public static final GenerationLocs ANTHROPIC = new GenerationLocs(ROOT.child("max_tokens"),
            ROOT.child("temperature"), ROOT.child("top_p"), ROOT.child("top_k"), ROOT.child("stop_sequences"));

    /** Options whose end-user id, if any, is Anthropic's {@code metadata.user_id}. */
    public GenerationLocs(Loc maxTokens, Loc temperature, Loc topP, Loc topK, Loc stop) {
        this(maxTokens, temperature, topP, topK, stop, ANTHROPIC_USER);
    }

    /** The location of the option named by its Anthropic pointer ({@code /top_k}), or null for any other. */
    public Loc of(String anthropicPointer) {
        return switch (anthropicPointer) {
            case "/max_tokens" -> maxTokens;
            case "/temperature" -> temperature;
            case "/top_p" -> topP;
            case "/top_k" -> topK;
            case "/stop_sequences" -> stop;
            default -> null;
        };
    }
}
