package dev.promptport.write;

import dev.promptport.tree.Loc;
import dev.promptport.tree.MediaSource;
import dev.promptport.tree.Part;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {

    private static Part.Text text(String s) {
        return new Part.Text(s, null, null, Loc.NONE);
    }

    private static Part.Image image() {
        return new Part.Image(new MediaSource.Url("https://example.com/a.png", "image/png"), null, Loc.NONE);
    }

    @Test
    void aToolResultOfOneTextIsThatTextItselfNotACopy() {
        // an agent re-sends each earlier result with every request: the memo knows the reader's
        // String again by identity, and a copy it would have to compare character by character
        String output = "line\n".repeat(2000);
        List<Part> moved = new ArrayList<>();
        String written = Texts.toolResultText(new Part.ToolResult("call_1", List.of(text(output)), false, null, Loc.NONE), moved);
        assertThat(written).isSameAs(output);
        assertThat(moved).isEmpty();
    }

    @Test
    void aToolResultsTextsAreJoinedByABlankLineAndItsMediaMoved() {
        Part.Image picture = image();
        List<Part> moved = new ArrayList<>();
        String written = Texts.toolResultText(new Part.ToolResult("call_1",
                List.of(text("first"), picture, text("second")), true, null, Loc.NONE), moved);
        assertThat(written).isEqualTo("Error: first\n\nsecond");
        assertThat(moved).containsExactly(picture);
    }

    @Test
    void aToolResultWithNoTextIsEmpty() {
        assertThat(Texts.resultTexts(List.of(image()))).isEmpty();
        assertThat(Texts.resultTexts(List.of())).isEmpty();
    }
}
