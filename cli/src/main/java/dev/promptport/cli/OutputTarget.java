package dev.promptport.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * Writes a report to standard output or, atomically, to the file named by {@code --output}:
 * whole to a temporary file beside it, then moved over it, so no reader sees half a report.
 *
 * <p>The move puts a new file in place, so the temporary file is given what the old one had: an
 * existing file keeps its permissions (and group, where the user may set it), and a new file gets
 * what a shell's {@code >} would give, 0666 less the umask, rather than the 0600 of a temporary
 * file. A symbolic link is followed to the file it names, which is the one replaced: the link
 * stays a link.
 */
final class OutputTarget {

    /** As Linux's {@code MAXSYMLINKS}: a longer chain is taken for a loop. */
    private static final int MAX_LINKS = 40;

    private static final FileAttribute<Set<PosixFilePermission>> AS_A_SHELL_CREATES =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-"));

    private OutputTarget() {
    }

    static void write(Path file, String text, PrintWriter out) {
        if (file == null) {
            out.print(text);
            out.flush();
            return;
        }
        try {
            Path target = destination(file);
            if (Files.isDirectory(target)) {
                throw new InputFile.InputError(file.toString(), "is a folder; give a file to write the report to");
            }
            Path dir = target.getParent();
            boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
            PosixFileAttributes old = posix && Files.exists(target)
                    ? Files.readAttributes(target, PosixFileAttributes.class) : null;
            // the temporary file is created with the umask applied, as any new file is
            Path tmp = posix
                    ? Files.createTempFile(dir, "." + target.getFileName(), ".tmp", AS_A_SHELL_CREATES)
                    : Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                if (old != null) {
                    keep(old, tmp);
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new InputFile.InputError(file.toString(), "cannot be written: " + why(e));
        }
    }

    /**
     * Why the file could not be written, in words about the user's file: the JDK's messages name
     * the temporary file beside it, or only the path.
     */
    static String why(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " is a file, not a folder"; // met where a folder of the path should be
        }
        if (e instanceof NoSuchFileException) {
            return "its folder is not there";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            String reason = f.getReason();
            return reason.isEmpty() ? reason : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
        }
        return e.getMessage();
    }

    /**
     * The file a write to {@code file} lands in: symbolic links followed, a dangling one too (its
     * target is created), in a folder named by its real path (created when missing).
     */
    static Path destination(Path file) throws IOException {
        Path p = followLinks(file);
        Path dir = Files.createDirectories(p.getParent()).toRealPath();
        return dir.resolve(p.getFileName());
    }

    /** {@code file}, absolute, with the symbolic links it is followed to, the last of them dangling or not. */
    private static Path followLinks(Path file) throws IOException {
        Path p = file.toAbsolutePath();
        for (int links = 0; Files.isSymbolicLink(p); links++) {
            if (links == MAX_LINKS) {
                throw new IOException("too many levels of symbolic links");
            }
            p = p.getParent().resolve(Files.readSymbolicLink(p));
        }
        return p;
    }

    /**
     * Refuses, before anything is written, an output that is one of the {@code inputs}, under
     * whatever name or link either is given: the move would put the {@code what} (report,
     * baseline) in the input's place.
     *
     * @throws InputFile.InputError naming the output when it is an input
     */
    static void refuseInput(Path file, String what, List<Path> inputs) {
        if (file == null || inputs.isEmpty()) {
            return;
        }
        Path real;
        try {
            Path p = followLinks(file);
            if (!Files.exists(p)) {
                return; // every input is there: a file that is not cannot be one
            }
            real = p.toRealPath();
        } catch (IOException e) {
            return; // writing it will fail and say why
        }
        for (Path input : inputs) {
            try {
                if (input.toRealPath().equals(real)) {
                    throw new InputFile.InputError(file.toString(), "is also an input, which the " + what
                            + " would replace; write the " + what + " to another file");
                }
            } catch (IOException e) {
                // an input gone since it was read is not the output, which is there
            }
        }
    }

    /**
     * Gives {@code tmp} the group and permissions of the file it replaces: after its text is
     * written, as the old mode may not let its owner write, and the group first, as changing it
     * clears the set-group-ID bit.
     */
    private static void keep(PosixFileAttributes old, Path tmp) throws IOException {
        GroupPrincipal group = old.group();
        if (!group.equals(Files.readAttributes(tmp, PosixFileAttributes.class).group())) {
            try {
                Files.getFileAttributeView(tmp, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                        .setGroup(group);
            } catch (IOException e) {
                // only the group's members and root may give a file that group; the permissions still hold
            }
        }
        Files.setPosixFilePermissions(tmp, old.permissions());
    }
}
