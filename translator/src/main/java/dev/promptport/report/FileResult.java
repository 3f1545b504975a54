package dev.promptport.report;

import java.util.List;

/**
 * One input file and its result for every target.
 *
 * @param path the path as the user named it (relative paths stay relative)
 * @param kind {@code prompt} or {@code request}
 * @param source the file's text, for reports that show the original beside the translation
 */
public record FileResult(String path, String kind, String source, List<TargetResult> targets) {
    public FileResult {
        targets = List.copyOf(targets);
    }
}
