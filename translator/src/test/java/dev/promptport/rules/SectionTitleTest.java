package dev.promptport.rules;

import dev.promptport.tree.Markup.Attribute;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Titles take attribute values as they are only when cleaning would change nothing. */
class SectionTitleTest {

    private static String named(String value) {
        return SectionTitle.of("Doc", List.of(new Attribute("name", value)), 0);
    }

    @Test
    void plainSectionsAreTheirWordsNumberedWhenSiblingsShareTheName() {
        assertThat(SectionTitle.of("Example", List.of(), 0)).isEqualTo("Example");
        assertThat(SectionTitle.of("Example", List.of(), 3)).isEqualTo("Example 3");
    }

    @Test
    void wordsThatAreAcronymsAreWrittenInCapitalsHoweverTheTagSpellsThem() {
        assertThat(SectionTitle.words("ui_navigation")).isEqualTo("UI navigation");
        assertThat(SectionTitle.words("api-docs")).isEqualTo("API docs");
        assertThat(SectionTitle.words("jsonSchema")).isEqualTo("JSON schema");
        assertThat(SectionTitle.words("allowed_urls")).isEqualTo("Allowed URLs");
        assertThat(SectionTitle.words("user_id")).isEqualTo("User ID");
        assertThat(SectionTitle.words("faq_é")).isEqualTo("FAQ é");
        // ordinary words that only look like one stay words
        assertThat(SectionTitle.words("about_us")).isEqualTo("About us");
        assertThat(SectionTitle.words("ideas")).isEqualTo("Ideas");
    }

    @Test
    void valuesThatNeedNoCleaningAreKept() {
        assertThat(named("Q3 report")).isEqualTo("Doc: Q3 report");
        assertThat(named("a\u00a0b")).isEqualTo("Doc: a\u00a0b");
        assertThat(named("x\u007fy")).isEqualTo("Doc: x\u007fy");
    }

    @Test
    void blanksAreTrimmedCollapsedAndMadeSpaces() {
        assertThat(named(" Q3  report ")).isEqualTo("Doc: Q3 report");
        assertThat(named("Q3\treport")).isEqualTo("Doc: Q3 report");
        assertThat(named("a\u2028b")).isEqualTo("Doc: a b");
        assertThat(named("x\u001fy")).isEqualTo("Doc: x y");
        assertThat(named("\u0001x\u0001")).isEqualTo("Doc: x");
        assertThat(named("a`<b>`")).isEqualTo("Doc: a`<b>`");
    }

    /** A value means what it says only whole: no character of it is dropped from the heading. */
    @Test
    void everyCharacterOfAValueStays() {
        assertThat(named("score>5")).isEqualTo("Doc: score>5");
        assertThat(named("x->y, 50% > 10%")).isEqualTo("Doc: x->y, 50% > 10%");
        assertThat(named("`npm test`")).isEqualTo("Doc: `npm test`");
        assertThat(named("a < b")).isEqualTo("Doc: a < b");
        assertThat(SectionTitle.of("Doc", List.of(new Attribute("name", " ")), 0)).isEqualTo("Doc (name)");
    }

    @Test
    void productNamesAreSpeltAsTheirMakersSpellThem() {
        assertThat(SectionTitle.words("ios_guidelines")).isEqualTo("iOS guidelines");
        assertThat(SectionTitle.words("github-actions")).isEqualTo("GitHub actions");
        assertThat(SectionTitle.words("aws_s3_usage")).isEqualTo("AWS S3 usage");
        assertThat(SectionTitle.words("javascriptRules")).isEqualTo("JavaScript rules");
        assertThat(SectionTitle.words("use_macos")).isEqualTo("Use macOS");
        assertThat(SectionTitle.anyWords("ios_guidelines")).isEqualTo("iOS guidelines");
    }

    @Test
    void asciiNamesGiveTheWordsOfTheSplitForAnyName() {
        List<String> names = List.of("role", "red_flags", "output_format", "userProfile", "XMLParser", "v2Api",
                "API_KEY", "a", "A", "AB", "aB", "V2", "22", "x-y.z:w", "__a", "a__", "_", ":", "", "HTTPServer2Config",
                "toolUse_ID", "my.DocXML", "A_b-C", "abcDEF", "ABCdef", "a1B2c3", "example1", "doc_12b", "userStory2x",
                "base64", "XML2Json", "ab12cd34");
        for (String name : names) {
            assertThat(SectionTitle.words(name)).as(name).isEqualTo(SectionTitle.anyWords(name));
        }
        assertThat(SectionTitle.words("output_format")).isEqualTo("Output format");
        assertThat(SectionTitle.words("XMLParser")).isEqualTo("XML parser");
        assertThat(SectionTitle.words("__")).isEqualTo("__");
    }

    @Test
    void aNameInSeveralWordsKeepsItsWordsAndItsAcronyms() {
        // open_deep_research's and Emergent's sections: <Hard Limits>, <UI Patterns>
        assertThat(SectionTitle.words("Hard Limits")).isEqualTo("Hard limits");
        assertThat(SectionTitle.words("UI Patterns")).isEqualTo("UI patterns");
        assertThat(SectionTitle.words("PREVIOUS MESSAGES")).isEqualTo("PREVIOUS MESSAGES");
        assertThat(SectionTitle.anyWords("Résumé Notes")).isEqualTo("Résumé notes");
    }

    @Test
    void aCapitalLetterThatIsAWordOfItsOwnStaysACapital() {
        // Microsoft Copilot's prompt: <situations_where_I_never_use_graphic_art>
        assertThat(SectionTitle.words("situations_where_I_never_use_graphic_art"))
                .isEqualTo("Situations where I never use graphic art");
        assertThat(SectionTitle.words("plan_B")).isEqualTo("Plan B");
        assertThat(SectionTitle.anyWords("plan_B")).isEqualTo("Plan B");
        assertThat(SectionTitle.words("getUserName")).isEqualTo("Get user name");
    }

    @Test
    void aNumberEndingAWordIsAWordOfItsOwn() {
        // the cookbook's summarization guide numbers its few-shot sections <example1>, <original1>, <summary1>
        assertThat(SectionTitle.words("example1")).isEqualTo("Example 1");
        assertThat(SectionTitle.words("example_2")).isEqualTo("Example 2");
        assertThat(SectionTitle.words("doc3")).isEqualTo("Doc 3");
        assertThat(SectionTitle.words("summary12")).isEqualTo("Summary 12");
        assertThat(SectionTitle.words("example-3")).isEqualTo("Example 3");
        assertThat(SectionTitle.words("userStory2")).isEqualTo("User story 2");
        assertThat(SectionTitle.words("parameter1_name")).isEqualTo("Parameter 1 name");
        assertThat(SectionTitle.words("Step10Notes")).isEqualTo("Step 10 notes");
        assertThat(SectionTitle.words("résumé2")).isEqualTo("Résumé 2");
    }

    @Test
    void aLetterWithANumberAndTechnicalWordsWithDigitsStayWhole() {
        assertThat(SectionTitle.words("h1")).isEqualTo("H1");
        assertThat(SectionTitle.words("v2Api")).isEqualTo("V2 API");
        assertThat(SectionTitle.words("TAB_ID_1")).isEqualTo("TAB ID 1");
        assertThat(SectionTitle.words("base64_image")).isEqualTo("Base64 image");
        assertThat(SectionTitle.words("sha256")).isEqualTo("Sha256");
        assertThat(SectionTitle.words("k8s_config")).isEqualTo("K8s config");
        assertThat(SectionTitle.words("a1B2c3")).isEqualTo("A1 b2c3");
    }

    @Test
    void namesBeyondAsciiAreSplitAsBefore() {
        assertThat(SectionTitle.words("résumé_data")).isEqualTo("Résumé data");
        assertThat(SectionTitle.words("straßeName")).isEqualTo(SectionTitle.anyWords("straßeName"));
    }
}
