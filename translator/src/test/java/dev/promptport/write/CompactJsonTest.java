package dev.promptport.write;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CompactJsonTest {

    @Test
    void blanksBetweenTokensGoAndStringsStayExact() {
        assertThat(CompactJson.of("{ \"a b\" : [ 1,\n 2 ],\t\"q\\\" x\": \" y \" }"))
                .isEqualTo("{\"a b\":[1,2],\"q\\\" x\":\" y \"}");
    }

    @Test
    void compactTextIsReturnedWithoutCopying() {
        String s = "{\"a\":[1,2]}";
        assertThat(CompactJson.of(s)).isSameAs(s);
    }

    @Test
    void escapedBackslashBeforeQuoteEndsTheString() {
        assertThat(CompactJson.of("[\"a\\\\\", 1]")).isEqualTo("[\"a\\\\\",1]");
    }
}
