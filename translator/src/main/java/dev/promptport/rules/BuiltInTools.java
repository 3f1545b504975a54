package dev.promptport.rules;

import dev.promptport.tree.RawJson;
import dev.promptport.tree.Tool;

/**
 * Claude's built-in tools that the caller's own code runs (bash, the text editor, memory):
 * Claude knows their input by heart, so a request names them by type alone. Another vendor's
 * model needs the input spelled out, so each becomes a function tool of the same name with
 * the same input fields; the calls it makes have the shape the caller's code already handles.
 * Computer use stays out: it needs a model trained on screenshots and screen coordinates.
 */
final class BuiltInTools {

    private static final String BASH = """
            {"type":"object","properties":{\
            "command":{"type":"string","description":"The shell command to run."},\
            "restart":{"type":"boolean","description":"true to restart the shell session instead of running a command."}}}""";

    private static final String EDITOR = """
            {"type":"object","properties":{\
            "command":{"type":"string","enum":[%s],"description":"What to do with the file or folder at path."},\
            "path":{"type":"string","description":"Absolute path of the file or folder."},\
            "file_text":{"type":"string","description":"create: the content of the new file."},\
            "old_str":{"type":"string","description":"str_replace: the exact text to replace; it must occur once in the file."},\
            "new_str":{"type":"string","description":"str_replace: the text that replaces old_str; insert: the text to insert."},\
            "insert_line":{"type":"integer","description":"insert: the line after which the text goes (0 for the top of the file)."},\
            "view_range":{"type":"array","items":{"type":"integer"},\
            "description":"view: the first and last line to show, counted from 1; -1 as the last means to the end."}},\
            "required":["command","path"]}""";

    private static final String MEMORY = """
            {"type":"object","properties":{\
            "command":{"type":"string","enum":["view","create","str_replace","insert","delete","rename"],\
            "description":"What to do in the memory folder."},\
            "path":{"type":"string","description":"Path of the file or folder, under /memories."},\
            "view_range":{"type":"array","items":{"type":"integer"},"description":"view: the first and last line to show."},\
            "file_text":{"type":"string","description":"create: the content of the new file."},\
            "old_str":{"type":"string","description":"str_replace: the exact text to replace."},\
            "new_str":{"type":"string","description":"str_replace: the text that replaces old_str."},\
            "insert_line":{"type":"integer","description":"insert: the line after which the text goes."},\
            "insert_text":{"type":"string","description":"insert: the text to insert."},\
            "old_path":{"type":"string","description":"rename: the current path."},\
            "new_path":{"type":"string","description":"rename: the new path."}},\
            "required":["command"]}""";

    private BuiltInTools() {
    }

    /** The function tool {@code h} becomes on a vendor without it, or {@code null} when it has no such form. */
    static Tool.Function asFunction(Tool.Hosted h) {
        return switch (h.kind()) {
            case BASH -> function(h, "Runs a command in a bash shell session that keeps its state (working folder,"
                    + " environment) from call to call, and returns what the command printed.", BASH);
            case TEXT_EDITOR -> function(h, "Views, creates and edits text files: view shows a file with line numbers"
                    + " or lists a folder; create writes a new file; str_replace replaces one exact occurrence of old_str;"
                    + " insert adds text after a line" + (undoes(h)
                    ? "; undo_edit reverts the last edit of the file." : "."),
                    EDITOR.formatted(undoes(h)
                            ? "\"view\",\"create\",\"str_replace\",\"insert\",\"undo_edit\""
                            : "\"view\",\"create\",\"str_replace\",\"insert\""));
            case MEMORY -> function(h, "Reads and writes files in the /memories folder, which keeps what is worth"
                    + " remembering from one conversation to the next. Check it before starting a task.", MEMORY);
            default -> null;
        };
    }

    /** Only the editors of the Claude 3.5 and 3.7 models can undo; Claude 4's have no undo_edit. */
    private static boolean undoes(Tool.Hosted h) {
        return h.type().compareTo("text_editor_20250429") < 0;
    }

    private static Tool.Function function(Tool.Hosted h, String description, String schema) {
        return new Tool.Function(h.name(), description, new RawJson(schema), null, h.loc());
    }
}
