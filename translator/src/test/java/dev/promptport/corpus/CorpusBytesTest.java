package dev.promptport.corpus;

import dev.promptport.InputFormat;
import dev.promptport.Options;
import dev.promptport.PromptPort;
import dev.promptport.Target;
import dev.promptport.Translation;
import dev.promptport.tree.TextMemo;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request given as UTF-8 bytes translates exactly as its text does: every corpus request for
 * every golden target, as it is and with every char past ASCII written as a JSON escape (so the
 * bytes are read in place), fresh and through a memo that has seen it before.
 */
class CorpusBytesTest {

    @TestFactory
    List<DynamicTest> aRequestsBytesTranslateAsItsText() {
        Options plain = Options.DEFAULT.withPretty(true);
        Options remembering = plain.withMemo(new TextMemo(1024));
        List<DynamicTest> tests = new ArrayList<>();
        for (Corpus.Case c : Corpus.cases()) {
            if (!c.isRequest()) {
                continue;
            }
            for (String target : Corpus.TARGETS) {
                tests.add(DynamicTest.dynamicTest(c.name() + " -> " + target, () -> {
                    for (String json : List.of(c.inputText(), asciiEscaped(c.inputText()))) {
                        Translation text = PromptPort.translate(json, InputFormat.ANTHROPIC, Target.of(target), plain);
                        for (Options options : List.of(plain, remembering, remembering)) {
                            Translation bytes = PromptPort.translate(json.getBytes(StandardCharsets.UTF_8),
                                    InputFormat.ANTHROPIC, Target.of(target), options);
                            assertThat(bytes.json()).isEqualTo(text.json());
                            assertThat(bytes.findings()).isEqualTo(text.findings());
                        }
                    }
                }));
            }
        }
        return tests;
    }

    /** The same JSON with every char past ASCII as a \\u escape (a JSON file's chars are all in strings). */
    static String asciiEscaped(String json) {
        StringBuilder b = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char ch = json.charAt(i);
            if (ch < 0x80) {
                b.append(ch);
            } else {
                b.append(String.format("\\u%04x", (int) ch));
            }
        }
        return b.toString();
    }
}
