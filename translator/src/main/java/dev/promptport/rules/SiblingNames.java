package dev.promptport.rules;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Per name, how many converted sections of one level carry it and how many of them a walk has
 * passed: what numbers a third unnumbered example "Example 3". A level holds a handful of names,
 * so they are searched in a short array; a map is built only for a level with many.
 */
final class SiblingNames {

    private static final int SEARCHED = 16;

    // made for a level's second name: a few more fit before the arrays grow
    private String[] names = new String[8];
    private int[] totals = new int[8];
    private int[] passed = new int[8];
    private int size;
    /** Index by name once there are more than {@link #SEARCHED} names. */
    private Map<String, Integer> index;

    /** Counts one more section named {@code name}. */
    void add(String name) {
        int i = find(name);
        if (i < 0) {
            i = size++;
            if (i == names.length) {
                names = Arrays.copyOf(names, i * 2);
                totals = Arrays.copyOf(totals, i * 2);
                passed = Arrays.copyOf(passed, i * 2);
            }
            names[i] = name;
            if (index != null) {
                index.put(name, i);
            } else if (size > SEARCHED) {
                index = new HashMap<>();
                for (int k = 0; k < size; k++) {
                    index.put(names[k], k);
                }
            }
        }
        totals[i]++;
    }

    /** How many sections are named {@code name}, counted by {@link #add}. */
    int total(String name) {
        return totals[find(name)];
    }

    /** Passes the next section named {@code name}; its position among them, from 1. */
    int pass(String name) {
        return ++passed[find(name)];
    }

    private int find(String name) {
        if (index != null) {
            Integer i = index.get(name);
            return i == null ? -1 : i;
        }
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
