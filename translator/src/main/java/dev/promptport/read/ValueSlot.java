package dev.promptport.read;

import java.util.Arrays;

/**
 * What the memo holds under one object's or array's key ({@link JsonLexer#valueKey}): up to
 * {@link #MAX} values, each remembered as written ({@link WrittenValue}) or only noted by its
 * length, seen once. The key hashes a value's first bytes only, since its length is unknown
 * before it is read, so values that open alike share it: the tool lists of an application's
 * requests that start with the same tool, the same turn of two conversations that open with
 * the same instructions. With one value a key, two such values taking turns would each push
 * the other's note out, and neither would ever be remembered.
 *
 * <p>Immutable: a change files a new slot. Two threads filing under one key at once may lose
 * one change, which only costs reading that value in full again.
 *
 * @param entries oldest first; each a {@link WrittenValue} or an {@link Integer} length
 */
record ValueSlot(Object[] entries) {

    /**
     * Values one key holds. A new one past this pushes out the oldest note, or the oldest
     * remembered value when there is no note: values sent in turn, more of them than a key
     * holds, would otherwise push out each other's notes before any is seen again.
     */
    static final int MAX = 8;

    private static final ValueSlot EMPTY = new ValueSlot(new Object[0]);

    /** The slot the memo filed, or an empty one for anything else (nothing, a string's entry). */
    static ValueSlot of(Object filed) {
        return filed instanceof ValueSlot s ? s : EMPTY;
    }

    /** Whether a value of {@code length} was noted here, seen once. */
    boolean noted(int length) {
        return indexOf(length) >= 0;
    }

    /** Whether a value of {@code length} is remembered here. */
    boolean holds(int length) {
        for (Object e : entries) {
            if (e instanceof WrittenValue w && w.written().length() == length) {
                return true;
            }
        }
        return false;
    }

    /** This slot with {@code length} noted. */
    ValueSlot noting(int length) {
        return adding(length);
    }

    /** This slot with {@code value} remembered in place of its note, seen once before. */
    ValueSlot remembering(WrittenValue value) {
        int i = indexOf(value.written().length());
        if (i < 0) {
            return adding(value);
        }
        Object[] next = entries.clone();
        next[i] = value;
        return new ValueSlot(next);
    }

    private int indexOf(int length) {
        for (int i = 0; i < entries.length; i++) {
            if (entries[i] instanceof Integer n && n == length) {
                return i;
            }
        }
        return -1;
    }

    private ValueSlot adding(Object entry) {
        Object[] next;
        if (entries.length < MAX) {
            next = Arrays.copyOf(entries, entries.length + 1);
        } else {
            int out = 0;
            while (out < MAX && !(entries[out] instanceof Integer)) {
                out++;
            }
            out = out == MAX ? 0 : out;
            next = new Object[MAX];
            System.arraycopy(entries, 0, next, 0, out);
            System.arraycopy(entries, out + 1, next, out, MAX - 1 - out);
        }
        next[next.length - 1] = entry;
        return new ValueSlot(next);
    }
}
