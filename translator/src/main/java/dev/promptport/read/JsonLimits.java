package dev.promptport.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.promptport.LimitExceededException;
import dev.promptport.Limits;
import dev.promptport.PromptPortException;
import dev.promptport.tree.Loc;

/**
 * The Jackson factories the request readers parse with, and what their constraint errors mean.
 * Jackson keeps its nesting limit in the factory, not the parser, so other limits need another
 * factory: the defaults' factory is built once, any other is built for the call that asks (a
 * few small tables, nothing next to the parse) rather than kept in a cache that would be
 * shared mutable state.
 */
public final class JsonLimits {

    /** Jackson's own default is 20 MB; strings up to the input limit must pass. */
    private static final int MIN_STRING_LENGTH = 200_000_000;

    private static final JsonFactory DEFAULT = build(Limits.DEFAULTS);

    private JsonLimits() {
    }

    /** A parser factory that holds JSON to {@code limits}' depth and size; shared by the defaults. */
    public static JsonFactory factory(Limits limits) {
        boolean defaultStrings = limits.maxInputBytes() <= MIN_STRING_LENGTH;
        return limits.maxJsonDepth() == Limits.DEFAULTS.maxJsonDepth() && defaultStrings ? DEFAULT : build(limits);
    }

    private static JsonFactory build(Limits limits) {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxJsonDepth())
                        .maxStringLength((int) Math.min(Integer.MAX_VALUE, Math.max(MIN_STRING_LENGTH, limits.maxInputBytes())))
                        .build())
                .build();
    }

    /**
     * The depth limit named for what it is; any other constraint as Jackson says it. Jackson
     * gives no location with these, so it is the parser's, which has just read the offending token.
     */
    static PromptPortException error(StreamConstraintsException e, int maxDepth, JsonParser parser) {
        JsonLocation where = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        Loc at = where == null || where.getLineNr() < 1 ? Loc.NONE : Loc.position(where.getLineNr(), where.getColumnNr());
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("nesting depth")) {
            return LimitExceededException.jsonDepth(maxDepth, at);
        }
        return new PromptPortException("the JSON exceeds a safety limit: " + message, at);
    }

    /** Jackson's message without its own source description, which names no file a user has. */
    static String plain(String msg) {
        if (msg == null) {
            return "unreadable input";
        }
        int nl = msg.indexOf('\n');
        String m = nl > 0 ? msg.substring(0, nl) : msg;
        return m.replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\][^)]*\\)", "");
    }
}
