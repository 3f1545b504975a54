package dev.promptport.read;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lexer looks for a fence only behind a backtick or tilde. It must find the same tags as a
 * lexer that asks at every line start whether a fence opens there, which is how CommonMark
 * states the rule and how this one read text before.
 */
class TagLexerFenceProperties {

    @Provide
    Arbitrary<String> fenceSoup() {
        return Arbitraries.of("<a>", "</a>", "<b\n```>", "<c/>", "text", " ", "  ", "   ", "    ", "\n", "\n\n",
                        "`", "``", "```", "````", "```py", "```a`b", "~", "~~~", "~~~~", "<!--", "-->", "x<y", "\r")
                .list().ofMaxSize(50).map(parts -> String.join("", parts));
    }

    @Property(tries = 2000)
    void findsTheTagsThatAskingAtEveryLineStartFinds(@ForAll("fenceSoup") String text) {
        assertThat(tags(TagLexer.tokens(text))).isEqualTo(tags(LineByLine.tokens(text)));
    }

    private static List<String> tags(TagTokens t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(t.kind(i) + " " + t.name(i) + " " + t.start(i) + "-" + t.end(i));
        }
        return out;
    }

    /** The reference: every line break is an event, and each line start is asked whether a fence opens. */
    private static final class LineByLine {
        private final String s;
        private final int n;
        private final TagFences fences;
        private final TagSyntax syntax;
        private final TagCodeSpans codeSpans;
        private final TagTokens tokens;

        private LineByLine(String s) {
            this.s = s;
            this.n = s.length();
            this.fences = new TagFences(s);
            this.syntax = new TagSyntax(s, fences);
            this.tokens = new TagTokens(s);
            this.codeSpans = new TagCodeSpans(s, fences, syntax);
        }

        static TagTokens tokens(String text) {
            return new LineByLine(text).run();
        }

        private TagTokens run() {
            int i = afterLineStart(0);
            while (i < n) {
                int line = next('\n', i);
                int tick = next('`', i);
                int angle = next('<', i);
                int at = Math.min(line, Math.min(tick, angle));
                if (at >= n) {
                    break;
                }
                if (at == line) {
                    i = afterLineStart(at + 1);
                } else if (at == tick) {
                    i = codeSpans.skip(at);
                } else if (s.startsWith("<!--", at)) {
                    int close = s.indexOf("-->", at + 4);
                    i = close < 0 ? at + 1 : close + 3;
                } else {
                    int end = syntax.read(at, tokens);
                    i = end < 0 ? at + 1 : end;
                }
            }
            return tokens;
        }

        private int next(char c, int from) {
            int at = s.indexOf(c, from);
            return at < 0 ? n : at;
        }

        private int afterLineStart(int lineStart) {
            int fenceEnd = fences.blockEnd(lineStart);
            return fenceEnd < 0 ? lineStart : fenceEnd;
        }
    }
}
