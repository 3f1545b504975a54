package dev.promptport.rules;

import dev.promptport.Severity;

/**
 * One rule of the pack as written in {@code rules/pack.yaml}.
 *
 * @param effort minutes a person needs for one occurrence
 * @param message the finding's text, with {@code {0}}, {@code {1}}, … for the details
 */
public record RuleInfo(String id, String title, String feature, Severity severity, int effort,
                       String message, String fix) {

    /** The message with its placeholders filled in. */
    public String render(String template, Object... args) {
        if (args.length == 0 || template.indexOf('{') < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        int n = template.length();
        while (i < n) {
            char c = template.charAt(i);
            if (c == '{' && i + 2 < n && Character.isDigit(template.charAt(i + 1)) && template.charAt(i + 2) == '}') {
                int k = template.charAt(i + 1) - '0';
                out.append(k < args.length ? String.valueOf(args[k]) : "");
                i += 3;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
