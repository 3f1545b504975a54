package dev.promptport.fuzz;

import java.util.function.Predicate;

/**
 * Delta debugging over a failing input's characters: cut chunks out of it while it still fails
 * the same way, halving the chunks when no cut keeps the failure, until single characters or the
 * time budget run out. Shared by the request and the reply campaigns.
 */
public final class Shrink {

    private Shrink() {
    }

    /**
     * @param stillFails whether a smaller candidate fails as the input did (same signature)
     * @param deadlineMillis the wall-clock time ({@link System#currentTimeMillis}) to stop at
     * @return the smallest failing text found
     */
    public static String ddmin(String input, Predicate<String> stillFails, long deadlineMillis) {
        String cur = input;
        int chunks = 2;
        while (cur.length() > 1 && System.currentTimeMillis() < deadlineMillis) {
            int size = Math.max(1, cur.length() / chunks);
            boolean shrunk = false;
            for (int from = 0; from < cur.length() && System.currentTimeMillis() < deadlineMillis; from += size) {
                String candidate = cur.substring(0, from) + cur.substring(Math.min(cur.length(), from + size));
                if (stillFails.test(candidate)) {
                    cur = candidate;
                    shrunk = true;
                    chunks = Math.max(chunks - 1, 2);
                    break;
                }
            }
            if (!shrunk) {
                if (size == 1) {
                    break;
                }
                chunks = Math.min(cur.length(), chunks * 2);
            }
        }
        return cur;
    }
}
