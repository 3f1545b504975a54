package dev.promptport.cli;

import dev.promptport.report.InputProblem;
import dev.promptport.report.TerminalText;

import java.io.PrintWriter;
import java.util.List;

/**
 * The inputs audit and lint could not read, one line each on standard error, whatever the
 * report is and wherever it goes: the exit code 2 is explained where a person or a CI log
 * looks, not only inside a JSON or SARIF file.
 */
final class InputProblems {

    private InputProblems() {
    }

    static void print(List<InputProblem> problems, PrintWriter err) {
        problems.forEach(p -> err.println(line(p)));
    }

    /** {@code promptport: file:where: why}, one line. */
    static String line(InputProblem p) {
        String where = p.where() == null || p.where().isEmpty() ? "" : ":" + TerminalText.escape(p.where());
        return "promptport: " + TerminalText.escape(p.path()) + where + ": " + TerminalText.message(p.message());
    }
}
