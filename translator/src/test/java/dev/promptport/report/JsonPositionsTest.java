package dev.promptport.report;

import dev.promptport.Finding;
import dev.promptport.PromptPort;
import dev.promptport.Translation;
import dev.promptport.tree.Loc;
import org.junit.jupiter.api.Test;

import static dev.promptport.report.LintFixtures.GPT_4O;
import static dev.promptport.report.LintFixtures.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

class JsonPositionsTest {

    private static JsonPositions.Position at(int line, int column) {
        return new JsonPositions.Position(line, column);
    }

    /** The finding {@code id} of the real translation of {@code json}, placed in {@code json}. */
    private static JsonPositions.Position placed(String json, String id) {
        Translation t = PromptPort.translate(json, GPT_4O);
        Finding f = t.findings().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        return JsonPositions.of(json).locate(f.location());
    }

    @Test
    void findingsOnRequestMembersSitWhereTheirValueStarts() {
        assertThat(placed(REQUEST, "PP111")).isEqualTo(at(4, 12)); // "top_k": 5
        assertThat(placed(REQUEST, "PP107")).isEqualTo(at(7, 5)); // the assistant turn's '{'
        JsonPositions p = JsonPositions.of(REQUEST);
        assertThat(p.locate(Loc.pointer(""))).isEqualTo(at(1, 1));
        assertThat(p.locate(Loc.pointer("/messages/0/content"))).isEqualTo(at(6, 33));
    }

    @Test
    void pointerNotInTheFileFallsBackToItsClosestAncestor() {
        JsonPositions p = JsonPositions.of(REQUEST);
        assertThat(p.locate(Loc.pointer("/messages/1/cache_control/type"))).isEqualTo(at(7, 5));
        assertThat(p.locate(Loc.pointer("/messages/9"))).isEqualTo(at(5, 15));
        assertThat(p.locate(Loc.pointer("/nothing/here"))).isEqualTo(at(1, 1));
    }

    @Test
    void pointerTokensAreEscapedAsRfc6901Says() {
        JsonPositions p = JsonPositions.of("{\"a/b\": 1,\n \"c~d\": [true, null]}");
        assertThat(p.locate(Loc.pointer("/a~1b"))).isEqualTo(at(1, 9));
        assertThat(p.locate(Loc.pointer("/c~0d/1"))).isEqualTo(at(2, 16));
    }

    @Test
    void placeInsideAStringIsMappedToTheFileColumnPastEscapedQuotes() {
        String json = """
                {
                  "max_tokens": 9, "system": "Say \\"ok\\". Put only the translation inside <translation></translation> tags.",
                  "messages": [{"role": "user", "content": "Hi"}]
                }""";
        // /system:1:43 is the '<' of <translation>; the two \" each take two file characters
        assertThat(placed(json, "PP102")).isEqualTo(at(2, 75));
        assertThat(json.split("\n")[1].charAt(74)).isEqualTo('<');
    }

    @Test
    void firstCharacterOfAStringIsJustAfterItsOpeningQuote() {
        String json = "{\n  \"max_tokens\": 9, \"system\": \"<style>\\nBe brief.\",\n"
                + "  \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]\n}";
        assertThat(placed(json, "PP104")).isEqualTo(at(2, 31));
    }

    @Test
    void placeAfterAnEscapedNewlineIsMappedThroughTheEscapes() {
        String json = "{\n  \"max_tokens\": 9, \"system\": \"Say ok.\\nPut only the translation inside"
                + " <translation></translation> tags.\",\n  \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]\n}";
        // the string's second line starts after "\n" at file column 40; "<translation>" is its 33rd character
        assertThat(placed(json, "PP102")).isEqualTo(at(2, 40 + 33 - 1));
        // a unicode-escaped newline is a newline too
        JsonPositions p = JsonPositions.of("{\"s\": \"ab\\u000Acd\"}");
        assertThat(p.locate(Loc.pointer("/s").at(2, 2))).isEqualTo(at(1, 17));
        // a place past the end of its line falls back to the string's start
        assertThat(p.locate(Loc.pointer("/s").at(1, 4))).isEqualTo(at(1, 7));
    }

    @Test
    void wordInTheTextOfAContentBlockSitsAtTheWordNotAtTheBlock() {
        String json = """
                {
                  "model": "claude-sonnet-4-5",
                  "max_tokens": 100,
                  "system": [
                    {
                      "type": "text",
                      "text": "You help customers.\\nYou are Claude."
                    }
                  ],
                  "messages": [
                    {
                      "role": "user",
                      "content": [
                        {
                          "type": "text",
                          "text": "Question:\\n<question>\\nWhat is this?"
                        }
                      ]
                    }
                  ]
                }
                """;
        // the block is the finding's pointer; the line and column count in its text
        assertThat(placed(json, "PP137")).isEqualTo(at(7, 45));
        assertThat(placed(json, "PP104")).isEqualTo(at(16, 31));
        assertThat(json.split("\n")[6].substring(44)).startsWith("Claude");
        assertThat(json.split("\n")[15].substring(30)).startsWith("<question>");
    }

    @Test
    void blockWithoutATextKeepsTheBlocksOwnPlace() {
        JsonPositions p = JsonPositions.of("{\"a\": {\"type\": \"image\"}}");
        assertThat(p.locate(Loc.pointer("/a").at(1, 3))).isEqualTo(at(1, 7));
    }

    @Test
    void aRepeatedKeyIsPlacedAtItsLastValueAsTheReaderKeepsIt() {
        String json = """
                {
                "max_tokens": 10,
                "system": [{"type": "text", "text": "Be brief."}],
                "messages": [{"role": "user", "content": "hi"}],
                "system": "You are Claude."
                }
                """;
        assertThat(placed(json, "PP137")).isEqualTo(at(5, 20)); // "Claude" in the second "system"
        JsonPositions p = JsonPositions.of(json);
        // the first value's members are gone with it: /system/0 falls back to the string
        assertThat(p.locate(Loc.pointer("/system/0"))).isEqualTo(at(5, 11));
    }

    @Test
    void aSecondRootValueIsNotRead() {
        JsonPositions p = JsonPositions.of("{\"a\": 1}\n{\"a\": 2, \"b\": 3}");
        assertThat(p.locate(Loc.pointer("/a"))).isEqualTo(at(1, 7));
        assertThat(p.locate(Loc.pointer("/b"))).isEqualTo(at(1, 1));
    }

    @Test
    void unicodeEscapeIsOneCharacterOfTheString() {
        JsonPositions p = JsonPositions.of("{\"s\": \"\\u00e9t\\u00e9 <x>\"}");
        // decoded "été <x>": '<' is character 5; in the file it follows two 6-character escapes
        assertThat(p.locate(Loc.pointer("/s").at(1, 5))).isEqualTo(at(1, 22));
    }

    @Test
    void placePastTheEndOfTheStringFallsBackToItsStart() {
        JsonPositions p = JsonPositions.of("{\"s\": \"abc\"}");
        assertThat(p.locate(Loc.pointer("/s").at(1, 9))).isEqualTo(at(1, 7));
        assertThat(p.locate(Loc.pointer("/s").at(3, 1))).isEqualTo(at(1, 7));
    }

    @Test
    void windowsLineEndingsCountAsOneLineBreak() {
        JsonPositions p = JsonPositions.of("{\r\n  \"top_k\": 5\r\n}");
        assertThat(p.locate(Loc.pointer("/top_k"))).isEqualTo(at(2, 12));
    }

    @Test
    void textThatIsNotJsonKeepsThePositionsReadBeforeTheError() {
        JsonPositions p = JsonPositions.of("{\"a\": 1,\n \"b\": [,]}");
        assertThat(p.locate(Loc.pointer("/a"))).isEqualTo(at(1, 7));
        assertThat(p.locate(Loc.pointer("/b/0"))).isEqualTo(at(2, 7));
        assertThat(JsonPositions.of("").locate(Loc.pointer("/x"))).isEqualTo(at(1, 1));
    }

    @Test
    void promptFileLocationsAndMissingLocationsPassThrough() {
        JsonPositions p = JsonPositions.of("{}");
        assertThat(p.locate(Loc.position(3, 7))).isEqualTo(at(3, 7));
        assertThat(p.locate(null)).isEqualTo(at(1, 1));
        assertThat(p.locate(Loc.NONE)).isEqualTo(at(1, 1));
    }
}
