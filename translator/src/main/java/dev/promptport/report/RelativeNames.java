package dev.promptport.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@link BaselineNames#relativeTo}: a run's paths named from the baseline's folder. Folders are
 * taken by their real paths, so a folder reached through a link, or a path with {@code ..} in
 * it, names the same file the same way; a file that is itself a link keeps its own name.
 */
final class RelativeNames implements BaselineNames {

    private final Path folder;
    private final Path workingDir;

    /** @param workingDir what a relative path of a run starts from */
    RelativeNames(Path folder, Path workingDir) {
        this.workingDir = workingDir;
        Path abs = workingDir.resolve(folder);
        Path real;
        try {
            real = abs.toRealPath();
        } catch (IOException e) {
            real = abs.normalize();
        }
        this.folder = real;
    }

    @Override
    public String name(String path) {
        return name(path, file(path));
    }

    @Override
    public List<String> names(String path) {
        Path file = file(path);
        String name = name(path, file);
        String old = WORKING_DIRECTORY.name(path);
        if (old.equals(name)) {
            return List.of(name);
        }
        // read from the baseline's folder, an old name may be another file's: then it stands for that file only
        try {
            Path asNew = folder.resolve(old);
            if (Files.exists(asNew) && !Files.isSameFile(asNew, file)) {
                return List.of(name);
            }
        } catch (InvalidPathException | IOException e) {
            // names no file from the baseline's folder: it can only be the old kind of name
        }
        return List.of(name, old);
    }

    private String name(String path, Path file) {
        if (file == null) {
            return WORKING_DIRECTORY.name(path);
        }
        try {
            return folder.relativize(file).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            // on another drive than the baseline: no relative path leads there
            return file.toString().replace('\\', '/');
        }
    }

    /** The file a run's path names, its folder as a real path, or null when it names none ({@code <stdin>}). */
    private Path file(String path) {
        Path abs;
        try {
            abs = workingDir.resolve(path);
        } catch (InvalidPathException e) {
            return null;
        }
        if (!Files.isRegularFile(abs) || abs.getParent() == null) {
            return null;
        }
        try {
            return abs.getParent().toRealPath().resolve(abs.getFileName());
        } catch (IOException e) {
            return abs.normalize();
        }
    }
}
