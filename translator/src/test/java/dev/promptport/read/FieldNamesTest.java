package dev.promptport.read;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The names the readers look for come out of the lexer as one constant each; any other name as itself. */
class FieldNamesTest {

    @Test
    void aListedNameIsTheSameConstantWhereverItStands() {
        String source = "{\"role\":\"user\",\"content\":\"hi\",\"usageMetadata\":{}}";
        String role = FieldNames.known(source, 2, 6);
        assertThat(role).isEqualTo("role").isSameAs(FieldNames.known("xrole", 1, 5));
        assertThat(FieldNames.known(source, 16, 23)).isEqualTo("content");
        assertThat(FieldNames.known(source, 31, 44)).isEqualTo("usageMetadata");
    }

    @Test
    void anyOtherNameIsNone() {
        assertThat(FieldNames.known("roles", 0, 5)).isNull();
        assertThat(FieldNames.known("rol", 0, 3)).isNull();
        assertThat(FieldNames.known("Role", 0, 4)).isNull();
        assertThat(FieldNames.known("my_own_field", 0, 12)).isNull();
        assertThat(FieldNames.known("", 0, 0)).isNull();
        assertThat(FieldNames.known("x".repeat(40), 0, 40)).isNull();
    }

    @Test
    void theLexersOneByteCopyFindsTheSameNamesAsTheText() {
        // a char past U+00FF is '?' in the copy: no name holds one, so none matches it
        // names of every length the comparison tells apart by words: up to 8, up to 16 and longer,
        // each beside a near miss in its first, middle or last char
        String source = "role|rolé|r\u0151le|usageMetadata|usageMetadat\u0101|modality|tokenCount|user|\u0100ser|roles"
                + "|metadata|metadatA|generationConfig|generationConfih|gEnerationConfig|candidatesTokenCount"
                + "|candidatesTokenCounT|candidatesT\u00f6kenCount|max_completion_tokens|n|id";
        byte[] bytes = dev.promptport.tree.ByteWords.oneBytePerChar(source);
        for (int from = 0; from < source.length(); from++) {
            for (int to = from; to <= source.length(); to++) {
                assertThat(FieldNames.known(bytes, from, to)).as("%d..%d", from, to)
                        .isSameAs(FieldNames.known(source, from, to));
            }
        }
        assertThat(FieldNames.known(bytes, 0, 4)).isSameAs(FieldNames.known("role", 0, 4)).isNotNull();
    }

    @Test
    void theLexerNamesFieldsAsWrittenWhetherListedOrNotAndEscaped() {
        JsonLexer p = new JsonLexer("{\"content\":1,\"mine\":2,\"con\\u0074ent\":3}", 8);
        p.next();
        p.next();
        assertThat(p.name()).isSameAs(FieldNames.known("content", 0, 7));
        p.next();
        p.next();
        assertThat(p.name()).isEqualTo("mine");
        p.next();
        p.next();
        assertThat(p.name()).isEqualTo("content");
    }
}
