package dev.promptport.rules;

import dev.promptport.Finding;
import dev.promptport.read.TagScanner;
import dev.promptport.tree.Loc;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rewrites a prompt text as the section rewrite does, and checks that a second rewrite changes nothing. */
final class SectionRewrites {

    static final TagVocabulary VOCAB = Catalogue.builtIn().tags();

    record Result(String text, List<Finding> findings) {
        /** Findings as "id line:column". */
        List<String> where() {
            return findings.stream().map(f -> f.id() + " " + f.location().display()).toList();
        }
    }

    private SectionRewrites() {
    }

    static Result rewrite(String text) {
        return rewrite(text, Loc.NONE);
    }

    static Result rewrite(String text, Loc base) {
        FindingSink sink = new FindingSink(Catalogue.builtIn());
        String out = MarkdownSections.rewrite(text, TagScanner.scan(text), VOCAB, base, sink);
        String again = MarkdownSections.rewrite(out, TagScanner.scan(out), VOCAB, base,
                new FindingSink(Catalogue.builtIn()));
        assertThat(again).as("a second rewrite changes nothing").isEqualTo(out);
        return new Result(out, sink.findings());
    }
}
