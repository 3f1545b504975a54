package dev.promptport.traffic;

/**
 * The time some log exports write in front of each event's JSON: CloudWatch Logs' export to S3
 * writes {@code 2025-04-09T23:00:17.000Z {…}}, one event a line.
 */
final class EventTime {

    private EventTime() {
    }

    /**
     * Where the JSON starts on a line that begins with an ISO 8601 time and a space, as
     * CloudWatch Logs' export to S3 writes each event ({@code 2025-04-09T23:00:17.000Z {…}}),
     * or 0.
     */
    static int jsonStart(String line) {
        int n = Math.min(line.length(), 40);
        if (n < 12 || !digits(line, 0, 4) || line.charAt(4) != '-' || !digits(line, 5, 7) || line.charAt(7) != '-'
                || !digits(line, 8, 10) || line.charAt(10) != 'T') {
            return 0;
        }
        for (int i = 11; i < n; i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                return i + 1 < line.length() && line.charAt(i + 1) == '{' ? i + 1 : 0;
            }
            if (!(c >= '0' && c <= '9' || c == ':' || c == '.' || c == 'Z' || c == '+' || c == '-')) {
                return 0;
            }
        }
        return 0;
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
