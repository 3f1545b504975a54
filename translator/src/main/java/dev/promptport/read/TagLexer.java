package dev.promptport.read;

/**
 * One pass over the text that lists the tags outside code: fenced blocks, inline code spans
 * and HTML comments are skipped, and a {@code <} that starts no well-formed tag is text.
 */
final class TagLexer {

    private final String s;
    private final int n;
    private final TagFences fences;
    /** Made at the first backtick: most prompts have none. */
    private TagCodeSpans codeSpans;
    private final TagSyntax syntax;
    private final TagTokens tokens;

    // the last search for "-->": remembered so a text full of "<!--" is still read once
    private int commentSearchFrom = -1;
    private int commentClose = -1;

    private TagLexer(String s) {
        this.s = s;
        this.n = s.length();
        this.fences = new TagFences(s);
        this.syntax = new TagSyntax(s, fences);
        this.tokens = new TagTokens(s);
    }

    private TagCodeSpans codeSpans() {
        if (codeSpans == null) {
            codeSpans = new TagCodeSpans(s, fences, syntax);
        }
        return codeSpans;
    }

    static TagTokens tokens(String text) {
        return new TagLexer(text).run();
    }

    private TagTokens run() {
        // Only three characters matter: '<', and the backtick and tilde that open code. Between
        // them the text is jumped over with indexOf, which the JVM vectorizes: most of a prompt
        // is prose that holds none of them. Line breaks matter only where a fence opens, and a
        // fence line starts with its backticks or tildes, so a line start is looked at only from
        // there, never line by line.
        int i = afterLineStart(0);
        int nextTick = -1;
        int nextTilde = -1;
        int nextAngle = -1;
        while (i < n) {
            if (nextTick < i) {
                nextTick = next('`', i);
            }
            if (nextTilde < i) {
                nextTilde = next('~', i);
            }
            if (nextAngle < i) {
                nextAngle = next('<', i);
            }
            int at = Math.min(nextAngle, Math.min(nextTick, nextTilde));
            if (at >= n) {
                break;
            }
            if (at == nextAngle) {
                i = afterAngle(at);
                continue;
            }
            int fenceEnd = fences.blockEndFrom(at, i);
            if (fenceEnd >= 0) {
                i = fenceEnd;
            } else {
                i = at == nextTick ? codeSpans().skip(at) : at + 1;
            }
        }
        return tokens;
    }

    private int next(char c, int from) {
        int at = s.indexOf(c, from);
        return at < 0 ? n : at;
    }

    /** Past the fenced block opening at {@code lineStart}, if one does; else {@code lineStart}. */
    private int afterLineStart(int lineStart) {
        int fenceEnd = fences.blockEnd(lineStart);
        return fenceEnd < 0 ? lineStart : fenceEnd;
    }

    private int afterAngle(int i) {
        if (s.startsWith("<!--", i)) {
            int close = commentClose(i + 4);
            return close < 0 ? i + 1 : close + 3;
        }
        int end = syntax.read(i, tokens);
        return end < 0 ? i + 1 : end;
    }

    private int commentClose(int from) {
        boolean known = commentSearchFrom >= 0 && from >= commentSearchFrom
                && (commentClose < 0 || commentClose >= from);
        if (!known) {
            commentSearchFrom = from;
            commentClose = s.indexOf("-->", from);
        }
        return commentClose;
    }
}
