package dev.promptport.read;

import dev.promptport.Limits;
import dev.promptport.tree.Loc;
import dev.promptport.tree.Part;
import dev.promptport.tree.PromptFileFormat;
import dev.promptport.tree.Role;
import dev.promptport.tree.Turn;

import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a Dotprompt or Prompty body into the system prompt and turns at its role markers, as
 * the format's own tools do. Read for a request, the template syntax that tool never sends
 * (Handlebars comments, Dotprompt's history marker, Prompty's role attributes) is left out of
 * the text and set down as a {@link TemplateMark}; read for a file written back, comments and
 * the history marker stay in the text, where the new file keeps them.
 */
final class PromptBody {

    /**
     * Dotprompt's markers, in the order Handlebars reads them: a comment first, so a role or
     * history marker inside one is not taken for a marker.
     */
    private static final Pattern DOTPROMPT = Pattern.compile(
            "(?<comment>\\{\\{!--[\\s\\S]*?--}}|\\{\\{![\\s\\S]*?}})"
                    + "|\\{\\{\\s*role\\s+(?:\"(?<role>system|user|model|assistant)\"|'(?<role1>system|user|model|assistant)')\\s*}}"
                    + "|(?<history>\\{\\{\\s*history\\s*}})");
    /**
     * Prompty's role line: any case, an optional {@code #} before it, {@code developer} as the
     * system role, and attributes in brackets ({@code user[name="Jane"]:}), written as
     * Prompty's own parser reads them (possessive, so a broken line cannot backtrack for long).
     */
    private static final Pattern PROMPTY_ROLE = Pattern.compile(
            "(?m)^[ \\t]*#?[ \\t]*((?i:system|user|assistant|developer))"
                    + "(\\[(?:\\w++[ \\t]*+=[ \\t]*+(?:\"[^\"\\n]*+\"|[^\",\\]\\n]*+)[ \\t]*+,?+[ \\t]*+)++])?"
                    + "[ \\t]*:[ \\t]*\\r?$");

    private final String body;
    private final int firstLine;
    private final Limits limits;
    private final List<Part> system;
    private final List<Turn> turns;
    private final List<TemplateMark> marks;

    private PromptBody(String body, int firstLine, Limits limits, List<Part> system, List<Turn> turns,
                       List<TemplateMark> marks) {
        this.body = body;
        this.firstLine = firstLine;
        this.limits = limits;
        this.system = system;
        this.turns = turns;
        this.marks = marks;
    }

    /**
     * Adds the body's system text to {@code system}, its turns to {@code turns}, and what was
     * left out of them to {@code marks}.
     *
     * @param firstLine the file's line the body starts on
     * @param writeBack whether the text is for a file written back in the same format
     */
    static void read(String body, int firstLine, PromptFileFormat flavor, boolean writeBack, Limits limits,
                     List<Part> system, List<Turn> turns, List<TemplateMark> marks) {
        PromptBody b = new PromptBody(body, firstLine, limits, system, turns, marks);
        if (flavor == PromptFileFormat.PROMPTY) {
            b.prompty();
        } else {
            b.dotprompt(writeBack);
        }
    }

    private void prompty() {
        Matcher m = PROMPTY_ROLE.matcher(body);
        // text before the first role line is a system prompt
        String role = "system";
        int from = 0;
        while (m.find()) {
            add(body.substring(from, m.start()), role, from);
            role = m.group(1).toLowerCase(Locale.ROOT);
            if (m.group(2) != null) {
                marks.add(new TemplateMark.RoleAttributes(m.group().strip(), m.group(2), at(m.start(1))));
            }
            from = afterLine(m.end());
        }
        add(body.substring(from), role, from);
    }

    private void dotprompt(boolean writeBack) {
        Matcher m = DOTPROMPT.matcher(body);
        // text before the first marker is the user's turn
        String role = "user";
        int from = 0;
        int kept = 0;
        // the text of the section so far, when a comment was cut out of it
        StringBuilder text = null;
        // the history marker the section follows, named once it is known whether text follows it
        MatchResult history = null;
        while (m.find()) {
            if (m.start("comment") >= 0) {
                if (writeBack) {
                    continue;
                }
                marks.add(new TemplateMark.Comment(m.group(), at(m.start())));
                int start = m.start();
                int end = m.end();
                if (standalone(start, end)) {
                    // Handlebars takes a line that holds only a comment out whole, its line break too
                    start = lineStart(start);
                    end = afterLine(lineEnd(end));
                }
                if (start == from) {
                    // a comment that opens the section: its text, and its place in the file, start after it
                    from = end;
                } else {
                    text = (text == null ? new StringBuilder() : text).append(body, kept, start);
                }
                kept = end;
                continue;
            }
            if (m.start("history") >= 0 && writeBack) {
                continue;
            }
            String section = text == null ? body.substring(kept, m.start()) : text.append(body, kept, m.start()).toString();
            add(section, role, from);
            text = null;
            if (history != null) {
                marks.add(new TemplateMark.History(history.group(), at(history.start()), !section.isBlank()));
                history = null;
            }
            if (m.start("history") >= 0) {
                history = m.toMatchResult();
                // as Dotprompt does: the conversation goes here, and what follows is the model's
                role = "assistant";
            } else {
                // Handlebars takes a string in single quotes as in double
                role = m.group("role") != null ? m.group("role") : m.group("role1");
            }
            from = afterLine(m.end());
            kept = from;
        }
        String section = text == null ? body.substring(kept) : text.append(body, kept, body.length()).toString();
        add(section, role, from);
        if (history != null) {
            marks.add(new TemplateMark.History(history.group(), at(history.start()), !section.isBlank()));
        }
    }

    /** Whether the text from {@code start} to {@code end} stands alone: only blanks before it and after it on its lines. */
    private boolean standalone(int start, int end) {
        return body.substring(lineStart(start), start).isBlank() && body.substring(end, lineEnd(end)).isBlank();
    }

    private int lineStart(int at) {
        return body.lastIndexOf('\n', at - 1) + 1;
    }

    private int lineEnd(int at) {
        int nl = body.indexOf('\n', at);
        return nl < 0 ? body.length() : nl;
    }

    /** Past the line break at {@code at}, if there is one. */
    private int afterLine(int at) {
        return at < body.length() && body.charAt(at) == '\n' ? at + 1 : at;
    }

    private Loc at(int offset) {
        int line = firstLine;
        for (int i = 0; i < offset; i++) {
            if (body.charAt(i) == '\n') {
                line++;
            }
        }
        return Loc.position(line, offset - lineStart(offset) + 1);
    }

    private void add(String text, String role, int offset) {
        if (text.isBlank()) {
            return;
        }
        Loc at = Loc.position(at(offset).line(), 1);
        Part.Text part = new Part.Text(text, TagScanner.mayContainTags(text) ? TagScanner.scan(text, limits, at) : null,
                null, at);
        switch (role) {
            case "system", "developer" -> system.add(part);
            case "user" -> turns.add(new Turn(Role.USER, List.of(part), at));
            default -> turns.add(new Turn(Role.ASSISTANT, List.of(part), at));
        }
    }
}
