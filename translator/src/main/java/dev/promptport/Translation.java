package dev.promptport;

import dev.promptport.read.Utf8Text;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of translating one request or prompt for one target: a value, equal to another
 * with the same parts.
 *
 * <p>A translated request is kept as the UTF-8 it is sent as. {@link #jsonBytes()} hands it to
 * an HTTP client; {@link #json()} makes the String the first time it is asked for. On the
 * failover path the String is never needed, and for a request with a character past U+00FF
 * (an en dash, a curly quote) it costs twice its UTF-8, and its UTF-8 again to send.
 */
public final class Translation {

    private final Target target;
    /** The request as written, or {@code null} when a caller gave it as a String. */
    private final byte[] jsonUtf8;
    private final String text;
    private final List<Finding> findings;
    private final String prefill;
    private final Map<String, String> toolNames;
    /** Made from {@link #jsonUtf8} when first asked for; a race makes two equal Strings, no harm. */
    private String json;

    /**
     * @param json the translated request, or {@code null} when a prompt file was translated
     * @param text the rewritten prompt text, or {@code null} when a request was translated
     * @param findings every change made and everything that could not be carried over
     * @param prefill the assistant prefix that became an instruction, or {@code null}; put it
     *     back in front of the reply
     * @param toolNames tool names changed for the target: the name sent to the original name
     */
    public Translation(Target target, String json, String text, List<Finding> findings,
                       String prefill, Map<String, String> toolNames) {
        this(target, null, json, text, findings, prefill, toolNames);
    }

    private Translation(Target target, byte[] jsonUtf8, String json, String text, List<Finding> findings,
                        String prefill, Map<String, String> toolNames) {
        this.target = target;
        this.jsonUtf8 = jsonUtf8;
        this.json = json;
        this.text = text;
        this.findings = List.copyOf(findings);
        this.prefill = prefill;
        this.toolNames = Map.copyOf(toolNames);
    }

    /** A translated request written as UTF-8, which this keeps and does not copy. */
    static Translation ofRequest(Target target, byte[] jsonUtf8, List<Finding> findings, String prefill,
                                 Map<String, String> toolNames) {
        return new Translation(target, jsonUtf8, null, null, findings, prefill, toolNames);
    }

    public Target target() {
        return target;
    }

    /** The translated request, or {@code null} when a prompt file was translated. */
    public String json() {
        String s = json;
        if (s == null && jsonUtf8 != null) {
            s = Utf8Text.decode(jsonUtf8);
            json = s;
        }
        return s;
    }

    /**
     * The translated request as UTF-8, ready to send: a copy of its own, or {@code null} when a
     * prompt file was translated.
     */
    public byte[] jsonBytes() {
        if (jsonUtf8 != null) {
            return jsonUtf8.clone();
        }
        return json == null ? null : utf8(json);
    }

    /**
     * The JSON as UTF-8, a lone surrogate (which has no UTF-8 form, and the JDK's encoder would
     * turn into "?") written as its {@code \\uXXXX} escape, as the writers write one: in valid
     * JSON it can stand only inside a string, where the escape means the same character.
     */
    private static byte[] utf8(String json) {
        int i = 0;
        int n = json.length();
        while (i < n && !Character.isSurrogate(json.charAt(i))) {
            i++;
        }
        if (i == n) {
            return json.getBytes(StandardCharsets.UTF_8);
        }
        StringBuilder b = new StringBuilder(n + 12).append(json, 0, i);
        for (; i < n; i++) {
            char c = json.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(json.charAt(i + 1))) {
                b.append(c).append(json.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                b.append(String.format("\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The rewritten prompt text, or {@code null} when a request was translated. */
    public String text() {
        return text;
    }

    /** Every change made and everything that could not be carried over. */
    public List<Finding> findings() {
        return findings;
    }

    /** The assistant prefix that became an instruction, or {@code null}; put it back in front of the reply. */
    public String prefill() {
        return prefill;
    }

    /** Tool names changed for the target: the name sent to the original name. */
    public Map<String, String> toolNames() {
        return toolNames;
    }

    /** The translated output: the request JSON, or the prompt text. */
    public String output() {
        String request = json();
        return request != null ? request : text;
    }

    /** The most severe finding's severity, or {@code null} when there are none. */
    public Severity worstSeverity() {
        Severity worst = null;
        for (Finding f : findings) {
            if (worst == null || f.severity().compareTo(worst) > 0) {
                worst = f.severity();
            }
        }
        return worst;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Translation t && Objects.equals(target, t.target) && Objects.equals(json(), t.json())
                && Objects.equals(text, t.text) && findings.equals(t.findings) && Objects.equals(prefill, t.prefill)
                && toolNames.equals(t.toolNames);
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, json(), text, findings, prefill, toolNames);
    }

    @Override
    public String toString() {
        return "Translation[target=" + target + ", json=" + json() + ", text=" + text + ", findings=" + findings
                + ", prefill=" + prefill + ", toolNames=" + toolNames + "]";
    }
}
