package dev.promptport.rules;

import dev.promptport.tree.Markup;
import dev.promptport.tree.Markup.Element;

/**
 * Sections a prompt shows rather than uses to instruct: the reply's template after "reply in
 * this format:", an example's text after "For example:" or "Usage:", and markup the model itself
 * writes (a namespaced tool call, an example's reply). Their tags are text the reply, or code
 * reading it, depends on, so {@link SectionPlan} keeps them. Each check reads the prose before a
 * section, or a section's name, and copies nothing unless a quick look finds one of its words.
 */
final class ShownSections {

    private ShownSections() {
    }

    /**
     * Text the model itself writes, shown whole: a namespaced tool-call protocol's markup
     * ({@code <invoke>}, {@code <xai:function_call>}), never a heading of the prompt, and
     * an example's reply, whose tags are the ones a reply writes.
     */
    static boolean writtenByTheModel(String name) {
        return name.indexOf(':') >= 0 || showsReply(name) || wrapsToolCall(name);
    }

    /** The wrappers tool-call protocols written in tags put around a call: {@code <function_call>}, {@code <invoke>}. */
    private static final java.util.Set<String> TOOL_CALL_WRAPPERS = java.util.Set.of("function_call", "function_calls",
            "tool_call", "tool_calls", "invoke");

    /**
     * A call to a tool as the model writes it ({@code <function_call><ripgrep><query>…}): the
     * prompt shows it to be copied, and the code reading the reply parses these tags, so they
     * are never a heading of the prompt, whatever the prose before them says.
     */
    static boolean wrapsToolCall(String name) {
        return TOOL_CALL_WRAPPERS.contains(TagVocabulary.normal(name));
    }

    /**
     * A command the model writes, defined by its syntax: a section whose attributes the lines
     * right after it list as parameters ({@code <shell id="shellId" exec_dir="/path">…</shell>}
     * followed by "Parameters:\n- id: …\n- exec_dir (required): …", as coding agents' prompts
     * define their commands). Its tags and attributes are the syntax; a heading would lose it.
     */
    static boolean definesCommand(String text, Element e) {
        if (e.attributes().isEmpty()) {
            return false;
        }
        // the paragraph after the closing tag: up to a blank line or the next tag's line (a
        // sibling section, whose own lines say nothing of this one), and not far
        int end = Math.min(text.length(), e.end() + PARAMETER_REACH);
        int line = text.indexOf('\n', e.end());
        while (line >= 0 && line < end) {
            int start = line + 1;
            int i = start;
            while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            if (i >= end || text.charAt(i) == '\n' || text.charAt(i) == '\r' || text.charAt(i) == '<') {
                return false;
            }
            if (i + 1 < end && (text.charAt(i) == '-' || text.charAt(i) == '*') && text.charAt(i + 1) == ' '
                    && namesAttribute(text, i + 2, end, e)) {
                return true;
            }
            line = text.indexOf('\n', start);
        }
        return false;
    }

    /** How far after a section its parameters are looked for. */
    private static final int PARAMETER_REACH = 3000;

    /** Whether an attribute's name starts at {@code i}, followed by ":" or " (" ("- exec_dir (required):"). */
    private static boolean namesAttribute(String text, int i, int end, Element e) {
        for (Markup.Attribute a : e.attributes()) {
            String name = a.name();
            int after = i + name.length();
            if (after < end && text.startsWith(name, i)
                    && (text.charAt(after) == ':' || text.startsWith(" (", after))) {
                return true;
            }
        }
        return false;
    }

    /** Who speaks in a name that holds a written reply ({@code <assistant_response>}, {@code <ai_message>}). */
    private static final String[] REPLY_AUTHORS = {"assistant", "ai", "model", "bot", "chatbot", "claude",
            "agent", "ideal", "good", "bad", "example", "sample", "expected"};
    private static final String[] REPLY_WORDS = {"message", "response", "reply", "answer", "output", "turn"};

    /**
     * A section that holds a reply as the model would write it, in an example: {@code <assistant>},
     * {@code <assistant_response>}, {@code <ai_message>}, {@code <ideal_response>}.
     */
    static boolean showsReply(String name) {
        String n = TagVocabulary.normal(name);
        if (n.equals("assistant")) {
            return true;
        }
        int cut = n.indexOf('_');
        return cut > 0 && n.indexOf('_', cut + 1) < 0 && isOneOf(n, 0, cut, REPLY_AUTHORS)
                && isOneOf(n, cut + 1, n.length(), REPLY_WORDS);
    }

    /** Whether {@code s} from {@code from} to {@code to} is one of {@code words}, compared in place: every tag name passes here. */
    private static boolean isOneOf(String s, int from, int to, String[] words) {
        for (String w : words) {
            if (w.length() == to - from && s.regionMatches(from, w, 0, w.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The name the last Markdown heading in [from, to) gives when it is a code identifier alone,
     * {@code ## attempt_completion} or {@code ### `read_file`}: a tool's entry in a catalogue of
     * tools, under which a section of that very name is the tool call's syntax, written by the
     * model as shown (Cline's and Roo Code's prompts). A heading in words ("## Search
     * instructions") titles a section instead. Null when there is no such heading.
     */
    static String identifierHeading(String text, int from, int to) {
        int end = to;
        while (end > from) {
            // within [from, to) only: a long line of many sections is not walked again for each
            int lineStart = end;
            while (lineStart > from && text.charAt(lineStart - 1) != '\n') {
                lineStart--;
            }
            if (lineStart < end && text.charAt(lineStart) == '#') {
                java.util.regex.Matcher m = IDENTIFIER_HEADING.matcher(text.substring(lineStart, end).strip());
                return m.matches() ? m.group(1) : null;
            }
            end = lineStart - 1;
        }
        return null;
    }

    /**
     * Whether the element at {@code nodes[i]} is a tool call's syntax under its tool's entry in a
     * catalogue: named as a tool is, holding parameter tags alone, right under a heading that is
     * its name ({@link #identifierHeading}). The cheap questions go first, so the prose before
     * the element is read only for a section of tags alone.
     */
    static boolean toolUnderItsHeading(String text, java.util.List<Markup.Node> nodes, int i) {
        if (i == 0 || !(nodes.get(i) instanceof Element e) || !(nodes.get(i - 1) instanceof Markup.Chunk before)) {
            return false;
        }
        String name = e.name();
        return (name.indexOf('_') > 0 || name.indexOf('-') > 0) && ElementLayout.holdsOnlyElements(text, e)
                && name.equals(identifierHeading(text, before.start(), before.end()));
    }

    private static final java.util.regex.Pattern IDENTIFIER_HEADING =
            java.util.regex.Pattern.compile("#{1,6}\\s+`?([A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)+)`?\\s*:?\\s*#*");

    /** A name that says its section is an example ({@code <example>}, {@code <sample_2>}), which converts. */
    static boolean namesExample(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.contains("example") || n.contains("sample");
    }

    /**
     * Whether the prose in [from, to) ends by introducing an example: a last line ending in a
     * colon whose sentence says "example", "usage", "structure", "syntax" or "like this"
     * ("For example:", "Usage:", "Here's the structure:", "writing a block like the following:"),
     * a Markdown heading "Example", "Usage" or "Example 1: Requesting a command", or a line
     * "Example: Requesting a command". The section shown next is then the example's text
     * itself. So it is after a speaker's label alone on its line in an example conversation
     * ("User:", "Assistant:"): the section is that turn's message, the markup it arrives or is
     * written in.
     */
    static boolean introducesExample(String text, int from, int to) {
        int end = to;
        while (end > from && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end == from) {
            return false;
        }
        int lineStart = end;
        while (lineStart > from && text.charAt(lineStart - 1) != '\n') {
            lineStart--;
        }
        boolean colon = text.charAt(end - 1) == ':';
        if (colon && isSpeaker(text, lineStart, end - 1) && text.indexOf('\n', end) >= 0 && text.indexOf('\n', end) < to) {
            // alone on its line: "assistant: <thinking>" starts the turn's text on the label's line
            return true;
        }
        if (opensWithSpeaker(text, from, lineStart)) {
            // "ASSISTANT:\nSure!\n<ask_followup_question>": the section is part of that turn's text
            return true;
        }
        char first = text.charAt(lineStart);
        if (first == '#' && end - lineStart < MAX_REPLY_HEADING
                && REPLY_HEADING.matcher(text.substring(lineStart, end)).matches()) {
            // "## CORRECT COMPLETION" over "<COMPLETION>…": the example's reply, as the model writes it
            return true;
        }
        if (!colon && first != '#' && titlesExample(text, lineStart, end)) {
            // "Minimal example" or "XML-style invocation template" alone on its line, as a caption
            return true;
        }
        if (!colon && first != '#' && first != 'E' && first != 'e' || !hasExampleWordStart(text, lineStart, end)) {
            return false;
        }
        if (!colon) {
            // a heading, or a line that titles what follows: "Example: Requesting a file"
            String line = text.substring(lineStart, end).strip().toLowerCase(java.util.Locale.ROOT);
            return (line.startsWith("#") ? EXAMPLE_HEADING : EXAMPLE_TITLE).matcher(line).matches();
        }
        String line = text.substring(lineStart, end - 1).strip().toLowerCase(java.util.Locale.ROOT);
        int sentence = Math.max(line.lastIndexOf(". "), Math.max(line.lastIndexOf("! "), line.lastIndexOf("? ")));
        return EXAMPLE_WORD.matcher(sentence < 0 ? line : line.substring(sentence + 2)).find();
    }

    /**
     * Where the prose in [from, to) would end if the lines right before the section were the
     * start of an example that a line ending in a colon introduces: "… EXACTLY as in the
     * following example:\nDISCUSSION\nFirst I'll list the files.\n" then {@code <command>}. The
     * result is the end of that colon's line, for the checks on the prose before a section to
     * read it as they read a colon right above the section; -1 when the paragraph has no such
     * line within {@link #MAX_LEAD_LINES} lines above the section, or a blank line, a heading or
     * a tag comes first. Only the last {@link #LEAD_REACH} characters are read.
     */
    static int exampleLeadIn(String text, int from, int to) {
        int end = to;
        while (end > from && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        if (end == from || text.charAt(end - 1) != '\n') {
            // the section starts a line of its own, or nothing above it is an example's text
            return -1;
        }
        int low = Math.max(from, end - LEAD_REACH);
        int lineEnd = end - 1;
        for (int lines = 0; lines <= MAX_LEAD_LINES; lines++) {
            int lineStart = lineEnd;
            while (lineStart > low && text.charAt(lineStart - 1) != '\n') {
                lineStart--;
            }
            if (lineStart == low && low > from) {
                return -1;
            }
            int last = lineEnd;
            while (last > lineStart && Character.isWhitespace(text.charAt(last - 1))) {
                last--;
            }
            if (last == lineStart || text.charAt(firstNonBlank(text, lineStart, last)) == '#'
                    || holdsAngle(text, lineStart, last)) {
                // a paragraph, a heading or a tag ends the example's first lines
                return -1;
            }
            if (text.charAt(last - 1) == ':') {
                // the colon right above the section is read where it stands
                return lines == 0 ? -1 : lineEnd + 1;
            }
            if (lineStart == from) {
                return -1;
            }
            lineEnd = lineStart - 1;
        }
        return -1;
    }

    /** How many lines of an example's own text may stand between its introduction and the section. */
    private static final int MAX_LEAD_LINES = 3;
    /** How far back an example's introduction is looked for. */
    private static final int LEAD_REACH = 800;

    private static boolean holdsAngle(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '<') {
                return true;
            }
        }
        return false;
    }

    private static int firstNonBlank(String text, int from, int to) {
        int i = from;
        while (i < to - 1 && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** No caption is longer; a longer line is a sentence, and is not read. */
    private static final int MAX_CAPTION = 60;
    private static final String[] CAPTION_WORDS = {"example", "examples", "usage", "syntax", "template"};

    /**
     * Whether the line [from, to) is a short caption, no sentence, that ends in one of
     * {@link #CAPTION_WORDS}: "Minimal example", "XML-style invocation template".
     */
    private static boolean titlesExample(String text, int from, int to) {
        if (to - from > MAX_CAPTION || !Character.isLetter(text.charAt(to - 1))) {
            return false;
        }
        for (String w : CAPTION_WORDS) {
            int at = to - w.length();
            if (at >= from && text.regionMatches(true, at, w, 0, w.length())
                    && (at == from || !Character.isLetterOrDigit(text.charAt(at - 1)) && text.charAt(at - 1) != '_')) {
                return true;
            }
        }
        return false;
    }

    /** How far back the start of a paragraph is looked for: a turn's text before a section is short. */
    private static final int TURN_REACH = 1000;

    /**
     * Whether the paragraph holding the line at {@code lineStart} opens with a speaker's label
     * alone on its line ("ASSISTANT:"), the label a line or more above: the prose between is the
     * start of that turn's text.
     */
    private static boolean opensWithSpeaker(String text, int from, int lineStart) {
        if (lineStart == from) {
            return false;
        }
        int low = Math.max(from, lineStart - TURN_REACH);
        int line = lineStart;
        while (line > low) {
            int previous = line - 1;
            while (previous > low && text.charAt(previous - 1) != '\n') {
                previous--;
            }
            int end = line - 1;
            if (end > previous && text.charAt(end - 1) == '\r') {
                end--;
            }
            if (blankBetween(text, previous, end)) {
                return false;
            }
            if (text.charAt(end - 1) == ':' && isSpeaker(text, previous, end - 1)) {
                return previous == from || text.charAt(previous - 1) == '\n';
            }
            line = previous;
        }
        return false;
    }

    private static boolean blankBetween(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Who speaks in an example conversation, as its turns are labelled. */
    private static final String[] SPEAKERS = {"user", "human", "assistant", "ai", "model", "claude", "you", "h", "a"};

    /** Whether [from, to), past its indent, is one of {@link #SPEAKERS}, in any case: compared in place. */
    private static boolean isSpeaker(String text, int from, int to) {
        int start = from;
        while (start < to && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        for (String w : SPEAKERS) {
            if (w.length() == to - start && text.regionMatches(true, start, w, 0, w.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether one of the words an example is introduced by may start in [from, to): most lines
     * that end in a colon ("reply with:") have none, and are answered without a copy.
     */
    static boolean hasExampleWordStart(String text, int from, int to) {
        boolean inWord = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean wordStart = !inWord;
            inWord = asciiWordChar(c);
            // a case-blind comparison costs a dozen steps a character: most characters are
            // turned away as not the first letter of a word the patterns look for (each starts
            // at a word boundary), the rest are compared with the words of that letter only
            String[] words = wordStart ? exampleWordStarts(c) : null;
            if (words == null) {
                continue;
            }
            for (String w : words) {
                if (i + w.length() <= to && text.regionMatches(true, i, w, 0, w.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final String[] E_STARTS = {"exampl", "e.g"};
    private static final String[] U_STARTS = {"usage"};
    private static final String[] S_STARTS = {"structure", "syntax"};
    private static final String[] I_STARTS = {"instance", "invocation"};
    private static final String[] C_STARTS = {"call"};
    private static final String[] H_STARTS = {"how to"};
    private static final String[] T_STARTS = {"to use", "to call", "to invoke"};
    private static final String[] L_STARTS = {"like"};

    /**
     * The starts of the words {@link #EXAMPLE_WORD} and {@link #EXAMPLE_HEADING} look for whose
     * first letter is {@code c}, in either case, or null when none starts so.
     */
    private static String[] exampleWordStarts(char c) {
        return switch ((char) (c | 0x20)) {
            case 'e' -> E_STARTS;
            case 'u' -> U_STARTS;
            case 's' -> S_STARTS;
            case 'i' -> I_STARTS;
            case 'l' -> L_STARTS;
            case 'c' -> C_STARTS;
            case 'h' -> H_STARTS;
            case 't' -> T_STARTS;
            default -> null;
        };
    }

    /** A letter, digit or underscore of ASCII: a word goes on through it. Wider letters are not judged. */
    private static boolean asciiWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    static final java.util.regex.Pattern EXAMPLE_WORD =
            java.util.regex.Pattern.compile("\\b(examples?|usage|structure|syntax|e\\.g\\.?|for instance|like (this|so|the following)|like$"
                    // how a tool is called: "Invocation:", "Call format:", "How to call:", "To use it, output:"
                    + "|invocation|call(ing)? (format|syntax)|how to (call|invoke)( (it|this( tool)?|the tool))?|how to use (it|this tool|the tool)"
                    + "|to (use|call|invoke) (it|this( tool)?|the tool),? (output|write|send|reply with|respond with))(?![\\w-])");
    /** A heading over an example's reply: "## Correct completion", "### Expected output:", "# Ideal response". */
    static final java.util.regex.Pattern REPLY_HEADING = java.util.regex.Pattern.compile(
            "(?i)#{1,6}\\s+(correct|expected|ideal|good|sample|example)\\s+(output|response|reply|answer|completion)s?\\s*:?\\s*#*");
    /** No such heading is longer; a longer line is not read. */
    private static final int MAX_REPLY_HEADING = 60;
    static final java.util.regex.Pattern EXAMPLE_TITLE =
            java.util.regex.Pattern.compile("examples?(\\s*#?\\d+)?\\s*:\\s*\\S.*");
    static final java.util.regex.Pattern EXAMPLE_HEADING =
            java.util.regex.Pattern.compile("#{1,6}\\s+(examples?|usage|example usage)(\\s*#?\\d+)?(\\s*[:.\\-\u2013\u2014]\\s*[^#]*)?\\s*#*");

    /** Where the prose in [from, to) ends: before its trailing blanks and one ':' or '.'. */
    private static int lastSentenceEnd(String text, int from, int to) {
        int end = to;
        while (end > from && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > from && (text.charAt(end - 1) == ':' || text.charAt(end - 1) == '.')) {
            end--;
        }
        return end;
    }

    /** Where the sentence ending at {@code end} starts, looking back no further than {@code from} and a mention's reach. */
    private static int sentenceStart(String text, int from, int end) {
        int start = end;
        int low = Math.max(from, end - TagMentions.REACH);
        while (start > low && !endsSentence(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    /**
     * Whether the last sentence of the prose in [from, to) asks for the reply in a format shown
     * next ("provide your selection in this XML format:", "Output your evaluation in the
     * following format."): the sections that follow are the reply's template, whose tags the
     * code reading the reply looks for.
     */
    static boolean asksForFormat(String text, int from, int to) {
        if (asksInLastSentence(text, from, to)) {
            return true;
        }
        int end = lastSentenceEnd(text, from, to);
        int label = lineStart(text, from, end);
        // "follow the following format:\n\n# Plan:\n<plan>" (or "1. Plan:", "**1. Plan:**"): the
        // heading is the template's own label
        return label > from && isLabel(text, label, to) && asksInLastSentence(text, from, label);
    }

    private static boolean asksInLastSentence(String text, int from, int to) {
        int end = lastSentenceEnd(text, from, to);
        int start = sentenceStart(text, from, end);
        if (parenthetical(text, start, end) && start > from && text.charAt(start - 1) == '.') {
            // "Respond in the following format. (1 paragraph)": the note qualifies the request before it
            end = start - 1;
            start = sentenceStart(text, from, end);
        }
        if (!hasFormatWord(text, start, end)) {
            // most sentences before a section ask for nothing: answered without a copy
            return false;
        }
        String sentence = text.substring(start, end);
        if (!FORMAT_WORD.matcher(sentence).find() || TagMentions.quoted(text, end)) {
            return false;
        }
        // "format" itself is a noun here: "the functions available in JSONSchema format:" asks nothing
        // "Use the following format for each block:" asks for the format shown next as "reply
        // in" does; "Always use the proper <function_calls> format." names one shown elsewhere
        boolean colon = end < to && text.charAt(end) == ':';
        int words = 0;
        for (String word : sentence.toLowerCase(java.util.Locale.ROOT).split("[^a-z]+")) {
            if (word.isEmpty()) {
                continue;
            }
            words++;
            if (!word.equals("format") && (TagMentions.isWriteVerb(word) || colon && SHOWN_FORMAT_WORDS.contains(word))) {
                return true;
            }
        }
        // a label of its own, "Format:", over the reply's template
        return colon && words == 1;
    }

    /**
     * Words that, before a colon, say the format shown next is the one to write in: "call the
     * tools using this exact XML format:", "Follow this format:", "The response format is:".
     */
    private static final java.util.Set<String> SHOWN_FORMAT_WORDS = java.util.Set.of("use", "using", "follow",
            "response", "responses");

    /**
     * Whether every line of [from, to) that is not blank is a label of a reply's template, a
     * Markdown heading or a numbered line ending in a colon ("# Plan:", "2. Score:",
     * "**3. Answer:**"): the sections between such labels go on showing the template that the
     * prose before them asked for.
     */
    static boolean onlyLabels(String text, int from, int to) {
        boolean any = false;
        int line = from;
        while (line < to) {
            int lineEnd = text.indexOf('\n', line);
            lineEnd = lineEnd < 0 || lineEnd > to ? to : lineEnd;
            if (!blankLine(text, line, lineEnd)) {
                if (!isLabel(text, line, lineEnd)) {
                    return false;
                }
                any = true;
            }
            line = lineEnd + 1;
        }
        return any;
    }

    /**
     * Whether [from, to) is one line that labels a part of a reply's template: past its blanks and
     * any bold marks around it, a Markdown heading ending in ':' ("# Plan:"), or a numbered title
     * under a heading's marks or none ("2. Score:", "### 2. Score", "**2. Score**", "2. **Score**").
     * A numbered line without a colon is a title only when short and not a sentence ("2. Be
     * strict." is an instruction of the prompt's own).
     */
    private static boolean isLabel(String text, int from, int to) {
        int i = from;
        int end = to;
        while (i < end && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        while (end > i && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end - i > 4 && text.startsWith("**", i) && text.startsWith("**", end - 2)) {
            i += 2;
            end -= 2;
        }
        if (end - i <= 2) {
            return false;
        }
        boolean colon = text.charAt(end - 1) == ':';
        int title = i;
        while (title < end && text.charAt(title) == '#') {
            title++;
        }
        while (title > i && title < end && text.charAt(title) == ' ') {
            title++;
        }
        int number = numberEnd(text, title, end);
        if (number < 0) {
            return title > i && colon;
        }
        if (colon) {
            return true;
        }
        int words = number;
        if (end - words > 4 && text.startsWith("**", words) && text.startsWith("**", end - 2)) {
            words += 2;
            end -= 2;
        }
        char last = text.charAt(end - 1);
        return end - words > 0 && end - words <= SHORT_TITLE && last != '.' && last != '!' && last != '?';
    }

    /** The longest numbered title without a colon that is read as a label: "2. Score", not a sentence. */
    private static final int SHORT_TITLE = 40;

    /**
     * Past a number of one or two digits at {@code i}, its '.' or ')' and the space after them
     * ("2. "), or past a step's word, its number, a ':' or '.' and a space ("Step 2: "); -1 when
     * neither is there.
     */
    private static int numberEnd(String text, int i, int end) {
        int digits = i;
        boolean step = false;
        for (String word : STEP_WORDS) {
            if (text.regionMatches(true, i, word, 0, word.length())) {
                digits = i + word.length();
                step = true;
                break;
            }
        }
        int j = digits;
        while (j < end && j - digits < 3 && Character.isDigit(text.charAt(j))) {
            j++;
        }
        if (j == digits || j - digits > 2 || j + 1 >= end || text.charAt(j + 1) != ' ') {
            return -1;
        }
        char mark = text.charAt(j);
        return mark == '.' || mark == ')' && !step || mark == ':' && step ? j + 2 : -1;
    }

    /** Words a numbered part of a reply's template may be titled with: "Step 2: Score", "Part 2. Score". */
    private static final String[] STEP_WORDS = {"step ", "part ", "section "};

    private static boolean blankLine(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Where the line holding {@code end - 1} starts, no earlier than {@code from}. */
    private static int lineStart(String text, int from, int end) {
        int i = end;
        while (i > from && text.charAt(i - 1) != '\n') {
            i--;
        }
        return i;
    }

    /** Whether [start, end), past its blanks, is a note in parentheses: "(1 paragraph)". */
    private static boolean parenthetical(String text, int start, int end) {
        int i = start;
        while (i < end && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i < end && text.charAt(i) == '(' && text.charAt(end - 1) == ')';
    }

    /**
     * Whether the last sentence of the prose in [from, to) says how the reply is laid out, the
     * example shown next being it ("Here's an example of how your output should be
     * structured:", "Your answer should look like:"): the tags of that example are the ones the
     * reply is written in, and the code reading it looks for them.
     */
    static boolean showsReplyShape(String text, int from, int to) {
        int end = lastSentenceEnd(text, from, to);
        int start = sentenceStart(text, from, end);
        if (!hasShapeWordStart(text, start, end)) {
            // most sentences before a section say nothing of the reply's shape: answered without a copy
            return false;
        }
        return REPLY_SHAPE.matcher(text.substring(start, end)).find() && !TagMentions.quoted(text, end);
    }

    private static boolean hasShapeWordStart(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = (char) (text.charAt(i) | 0x20);
            if (c == 's' && text.regionMatches(true, i, "structured", 0, 10)
                    || c == 'l' && text.regionMatches(true, i, "look", 0, 4)
                    || c == 'f' && text.regionMatches(true, i, "formatted", 0, 9)
                    || c == 'e' && text.regionMatches(true, i, "example", 0, 7)) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern REPLY_SHAPE = java.util.regex.Pattern.compile(
            "(?i)\\b(output|response|reply|answer)\\b[^.]*\\b(be\\s+(structured|formatted)|looks?\\s+like"
                    // "Your output should always include one discussion and one command field
                    // EXACTLY as in the following example:"
                    + "|(as\\s+in|like)\\s+(the|this)\\s+(following\\s+)?example)\\b");

    private static boolean endsSentence(char c) {
        return c == '\n' || c == '.' || c == '!' || c == '?';
    }

    /**
     * Whether "format" or "template" occurs in [from, to) as a word of its own, in any case, as
     * {@link #FORMAT_WORD} finds it: a pass over the characters, the words compared only where
     * one of them could start.
     */
    private static boolean hasFormatWord(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = (char) (text.charAt(i) | 0x20);
            String word = c == 'f' ? "format" : c == 't' ? "template" : null;
            if (word != null && i + word.length() <= to && text.regionMatches(true, i, word, 0, word.length())
                    && (i == from || !regexWordChar(text.charAt(i - 1)))
                    && (i + word.length() == to || !regexWordChar(text.charAt(i + word.length())))) {
                return true;
            }
        }
        return false;
    }

    /** A character {@code \b} counts as part of a word: ASCII letters, digits and {@code _}. */
    private static boolean regexWordChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }

    private static final java.util.regex.Pattern FORMAT_WORD =
            java.util.regex.Pattern.compile("(?i)\\b(format|template)\\b");
}
