package dev.promptport.reply;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptport.PromptPortException;
import dev.promptport.read.JsonLexer;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A vendor reply's tree, read with the request lexer ({@link JsonLexer}) instead of Jackson's
 * tree reader, which took two thirds of a reply's translation: its parser copies every string a
 * character at a time and canonicalises every field name. The nodes are the ones Jackson's
 * reader makes with {@link Json#MAPPER}'s settings (a whole number as an int, long or big
 * integer node by its size; a fraction as an exact decimal), so the feeds cannot tell the two
 * apart; {@code ReplyTreeProperties} checks it.
 *
 * <p>Errors stay Jackson's: a text the lexer refuses, a key twice in one object, or anything
 * past Jackson's constraints gives {@code null}, and the caller reads the text again with
 * Jackson, whose error (with its line and column, or the duplicate's pointer) is the one users
 * have always had. Only good replies take this way, and they are nearly all of them.
 */
final class ReplyTree {

    /** Jackson's limits the lexer enforces as well; with lower ones Jackson alone decides. */
    private static final int LEXER_NAME_LENGTH = 50_000;
    private static final int LEXER_NUMBER_LENGTH = 1_000;

    private ReplyTree() {
    }

    /**
     * The tree of {@code text}, or null when Jackson must read it: when the lexer refuses it,
     * an object holds a key twice, or a constraint of {@code limits} could be at stake.
     */
    static JsonNode read(String text, StreamReadConstraints limits, JsonNodeFactory nodes) {
        if (!lexerMayRead(text, limits)) {
            return null;
        }
        JsonLexer p = JsonLexer.pooled(text, limits.getMaxNestingDepth());
        try {
            JsonNode root = tree(p, text, nodes);
            if (root != null) {
                p.requireEnd();
            }
            return root;
        } catch (PromptPortException | NumberFormatException e) {
            return null;
        } finally {
            p.release();
        }
    }

    /**
     * Whether the lexer holds {@code text} to {@code limits} as Jackson would: not when a string
     * in it could pass Jackson's string limit, or a limit is lower than the lexer's own.
     */
    static boolean lexerMayRead(String text, StreamReadConstraints limits) {
        return text.length() <= limits.getMaxStringLength() && limits.getMaxNameLength() >= LEXER_NAME_LENGTH
                && limits.getMaxNumberLength() >= LEXER_NUMBER_LENGTH
                && (limits.getMaxDocumentLength() < 0 || text.length() <= limits.getMaxDocumentLength());
    }

    private static JsonNode tree(JsonLexer p, String text, JsonNodeFactory nodes) {
        JsonToken t = p.next();
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
            return t == null ? null : scalar(p, t, text, nodes);
        }
        ContainerNode<?> root = t == JsonToken.START_OBJECT ? nodes.objectNode() : nodes.arrayNode();
        ContainerNode<?>[] open = new ContainerNode<?>[8];
        open[0] = root;
        int depth = 1;
        String name = null;
        while (depth > 0) {
            t = p.next();
            ContainerNode<?> in = open[depth - 1];
            JsonNode value;
            switch (t) {
                case FIELD_NAME -> {
                    name = p.name();
                    continue;
                }
                case END_OBJECT, END_ARRAY -> {
                    depth--;
                    continue;
                }
                case START_OBJECT -> value = nodes.objectNode();
                case START_ARRAY -> value = nodes.arrayNode();
                default -> value = scalar(p, t, text, nodes);
            }
            if (in instanceof ObjectNode object) {
                if (object.replace(name, value) != null) {
                    // a key twice: Jackson's reader refuses it and says where
                    return null;
                }
            } else {
                ((ArrayNode) in).add(value);
            }
            if (value instanceof ContainerNode<?> container) {
                if (depth == open.length) {
                    open = java.util.Arrays.copyOf(open, depth * 2);
                }
                open[depth++] = container;
            }
        }
        return root;
    }

    private static JsonNode scalar(JsonLexer p, JsonToken t, String text, JsonNodeFactory nodes) {
        return switch (t) {
            case VALUE_STRING -> nodes.textNode(p.string());
            case VALUE_NUMBER_INT -> whole(text, p.tokenStart(), p.tokenEnd(), nodes);
            case VALUE_NUMBER_FLOAT -> nodes.numberNode(new BigDecimal(text.substring(p.tokenStart(), p.tokenEnd())));
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            default -> throw new IllegalStateException("not a scalar: " + t);
        };
    }

    /** As Jackson types a whole number: an int when it fits one, else a long, else a big integer. */
    private static JsonNode whole(String text, int start, int end, JsonNodeFactory nodes) {
        int digits = end - start - (text.charAt(start) == '-' ? 1 : 0);
        if (digits <= 9) {
            return nodes.numberNode(Integer.parseInt(text, start, end, 10));
        }
        if (digits <= 19) {
            try {
                long l = Long.parseLong(text, start, end, 10);
                return l == (int) l ? nodes.numberNode((int) l) : nodes.numberNode(l);
            } catch (NumberFormatException e) {
                // past a long: a big integer below
            }
        }
        return nodes.numberNode(new BigInteger(text.substring(start, end)));
    }
}
