package dev.promptport.read;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValueSlotTest {

    private static WrittenValue written(int length) {
        String text = "[" + " ".repeat(length - 2) + "]";
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return new WrittenValue(WrittenString.of(text, bytes, 0, length, text), 0);
    }

    @Test
    void aValueSeenTwiceIsRememberedInPlaceOfItsNote() {
        ValueSlot slot = ValueSlot.of(null).noting(300).noting(400);
        assertThat(slot.noted(300)).isTrue();
        slot = slot.remembering(written(300));
        assertThat(slot.noted(300)).isFalse();
        assertThat(slot.holds(300)).isTrue();
        assertThat(slot.noted(400)).isTrue();
        assertThat(slot.entries()).hasSize(2);
    }

    @Test
    void aFullSlotPushesOutItsOldestNoteBeforeAnyRememberedValue() {
        ValueSlot slot = ValueSlot.of(null);
        for (int k = 0; k < ValueSlot.MAX; k++) {
            slot = slot.noting(300 + k);
        }
        // the first two are remembered; the third note is then the oldest
        slot = slot.remembering(written(300)).remembering(written(301));
        slot = slot.noting(999);
        assertThat(slot.entries()).hasSize(ValueSlot.MAX);
        assertThat(slot.holds(300)).isTrue();
        assertThat(slot.holds(301)).isTrue();
        assertThat(slot.noted(302)).isFalse();
        assertThat(slot.noted(999)).isTrue();
    }

    @Test
    void aSlotOfRememberedValuesOnlyPushesOutTheOldest() {
        ValueSlot slot = ValueSlot.of(null);
        for (int k = 0; k < ValueSlot.MAX; k++) {
            slot = slot.noting(300 + k).remembering(written(300 + k));
        }
        slot = slot.noting(999);
        assertThat(slot.holds(300)).isFalse();
        assertThat(slot.holds(301)).isTrue();
        assertThat(slot.noted(999)).isTrue();
    }

    @Test
    void anythingButASlotFiledUnderTheKeyReadsAsAnEmptySlot() {
        assertThat(ValueSlot.of(null).entries()).isEmpty();
        assertThat(ValueSlot.of(300).entries()).isEmpty();
    }
}
