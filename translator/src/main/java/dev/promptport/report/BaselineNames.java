package dev.promptport.report;

import java.nio.file.Path;
import java.util.List;

/**
 * How a {@link Baseline} names the files of a run. Named from the baseline's own folder, a
 * baseline matches the same files from whatever folder lint runs in and however its paths are
 * spelled; {@link #WORKING_DIRECTORY} is how baselines named files before.
 */
public interface BaselineNames {

    /** Paths as given, relative to the working directory when under it, with forward slashes. */
    BaselineNames WORKING_DIRECTORY = LintText::repoPath;

    /** The name a file of a run is recorded under. */
    String name(String path);

    /**
     * Every name a file of a run may have been recorded under, the one {@link #name} gives
     * first: a finding is matched by the first with an entry left.
     */
    default List<String> names(String path) {
        return List.of(name(path));
    }

    /**
     * Paths relative to {@code folder}, the folder the baseline file is in, with forward slashes.
     * A baseline written before is read too: a name that names no file from {@code folder}, or
     * names this same file, also stands for the path as {@link #WORKING_DIRECTORY} names it.
     */
    static BaselineNames relativeTo(Path folder) {
        return new RelativeNames(folder, Path.of("").toAbsolutePath());
    }
}
