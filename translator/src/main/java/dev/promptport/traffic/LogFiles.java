package dev.promptport.traffic;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;

/**
 * A log kept as many files (Bedrock's delivery to S3 writes a gzip file every few minutes),
 * audited as one stream of lines: each file is decompressed when it is gzip (told from its first
 * bytes, whatever its name), starts on a line of its own, and loses a byte-order mark it starts
 * with. The audit numbers the stream's lines; {@link #where} names the file and the file's own
 * line number for each.
 *
 * <p>Files are opened one at a time, as the stream reaches them, so the audit's memory stays
 * flat whatever their number. Not thread-safe: one reader reads the stream.
 */
public final class LogFiles {

    private final List<Path> files;
    private final List<String> names;
    private final List<Opener> openers;
    /** Whether the lines are named by file and the file's own line; one log's lines are numbered alone. */
    private final boolean manyFiles;
    /** The stream's line number of each opened file's first line. */
    private final long[] firstLines;
    private int opened;
    private final List<Unreadable> unreadable = new ArrayList<>();
    /** Line breaks read so far, with the one added after a file that does not end in one. */
    private long breaks;

    /**
     * @param files the files, in the order to read them
     * @param names how a report names each (the path as the user gave it, say)
     */
    public LogFiles(List<Path> files, List<String> names) {
        this(files, names, files.stream().<Opener>map(f -> () -> Files.newInputStream(f)).toList(), true);
    }

    private LogFiles(List<Path> files, List<String> names, List<Opener> openers, boolean manyFiles) {
        if (openers.size() != names.size()) {
            throw new IllegalArgumentException("one name a file");
        }
        this.files = List.copyOf(files);
        this.names = List.copyOf(names);
        this.openers = List.copyOf(openers);
        this.manyFiles = manyFiles;
        this.firstLines = new long[names.size()];
    }

    /**
     * One log, a file or standard input, whose lines are numbered alone: read as a file of many
     * is, so one cut short is audited up to the cut too.
     *
     * @param file the file, or null for a stream that is none (standard input)
     */
    public static LogFiles one(Path file, String name, Opener opener) {
        return new LogFiles(file == null ? List.of() : List.of(file), List.of(name), List.of(opener), false);
    }

    /** Opens a log's raw bytes (gzip or not). */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** Whether the log is many files, whose lines a report names by file and the file's own line. */
    public boolean manyFiles() {
        return manyFiles;
    }

    /** The files, in the order they are read (none for standard input). */
    public List<Path> paths() {
        return files;
    }

    /** The regular files under {@code folder}, hidden ones (a dot in front of a name) left out, in path order. */
    public static List<Path> under(Path folder) throws IOException {
        List<Path> out = new ArrayList<>();
        try (var walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).filter(p -> !hidden(folder.relativize(p))).sorted().forEach(out::add);
        }
        return out;
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The files as one stream. A file that cannot be opened, or read to its end, is named in
     * {@link #unreadable()} and the stream goes on with the next.
     */
    public InputStream open() {
        Enumeration<InputStream> each = new Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return opened < openers.size();
            }

            @Override
            public InputStream nextElement() {
                if (opened >= openers.size()) {
                    throw new NoSuchElementException();
                }
                firstLines[opened] = breaks + 1;
                Opener opener = openers.get(opened);
                String name = names.get(opened++);
                InputStream raw = null;
                try {
                    raw = opener.open();
                    return new OneFile(raw, name);
                } catch (IOException e) {
                    // one file of many: named, and the others are still read
                    unreadable.add(new Unreadable(name, 0, false, why(e)));
                    closeQuietly(raw);
                    return InputStream.nullInputStream();
                }
            }
        };
        return new java.io.SequenceInputStream(each);
    }

    /**
     * A log's bytes, decompressed when they are gzip, told from their first two bytes whatever
     * the file's name; buffered, so they can be looked at and put back.
     */
    public static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** The names of the files read so far, each with the stream's line number of its first line. */
    public List<Start> starts() {
        List<Start> out = new ArrayList<>(opened);
        for (int i = 0; i < opened; i++) {
            out.add(new Start(names.get(i), firstLines[i]));
        }
        return Collections.unmodifiableList(out);
    }

    /** Where a file begins in the stream. */
    public record Start(String file, long firstLine) {
    }

    /**
     * A file that could not be read to its end (a gzip file cut short, say): what was read of it
     * is audited.
     *
     * @param afterLine the lines of the file read whole before the cut
     * @param midLine whether the cut fell inside the next line, which is then read as far as it goes
     */
    public record Unreadable(String file, long afterLine, boolean midLine, String problem) {

        /** Where the reading stopped and why, in words: {@code cut short after line 3: Unexpected end of …}. */
        public String description() {
            if (midLine) {
                return "cut short after line " + afterLine + " (line " + (afterLine + 1) + " is incomplete): " + problem;
            }
            return afterLine == 0 ? problem : "cut short after line " + afterLine + ": " + problem;
        }
    }

    /** The files that could not be read to their end, in the order they were met. */
    public List<Unreadable> unreadable() {
        return Collections.unmodifiableList(unreadable);
    }

    /** The stream's line {@code line} as {@code file:line}, the file's own line number; the number alone before any file. */
    public String where(long line) {
        int lo = 0;
        int hi = opened - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (firstLines[mid] <= line) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? String.valueOf(line) : names.get(found) + ":" + (line - firstLines[found] + 1);
    }

    /**
     * One file's bytes, decompressed when they are gzip: a leading byte-order mark dropped, its
     * line breaks counted, a last one added where missing. A read that fails ends the file, which
     * is named with the line it got to.
     */
    private final class OneFile extends InputStream {
        private final InputStream raw;
        private final String name;
        /** The bytes to hand on, opened at the first read so that a bad gzip header is a read that fails. */
        private InputStream in;
        /** What ends a gzip file early, when it is one. */
        private CutShort gzip;
        private long ownBreaks;
        private int last = '\n';
        private boolean ended;

        OneFile(InputStream raw, String name) {
            this.raw = raw;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (ended) {
                return -1;
            }
            int n;
            try {
                if (in == null) {
                    in = open();
                }
                n = in.read(b, off, len);
            } catch (IOException e) {
                failed(e);
                n = -1;
            }
            if (n < 0) {
                if (gzip != null && gzip.failure() != null) {
                    failed(gzip.failure());
                }
                ended = true;
                close();
                if (last != '\n' && len > 0) {
                    b[off] = '\n';
                    breaks++;
                    last = '\n';
                    return 1;
                }
                return -1;
            }
            for (int i = off; i < off + n; i++) {
                if (b[i] == '\n') {
                    breaks++;
                    ownBreaks++;
                }
            }
            if (n > 0) {
                last = b[off + n - 1];
            }
            return n;
        }

        /** What was read is audited; the rest of the file is named as unread, from the line it got to. */
        private void failed(IOException e) {
            unreadable.add(new Unreadable(name, ownBreaks, last != '\n', why(e)));
        }

        private InputStream open() throws IOException {
            InputStream bytes = decompressed(raw);
            if (bytes instanceof GZIPInputStream z) {
                gzip = new CutShort(z);
                // buffered after gzip, so a byte-order mark can be looked at and put back
                bytes = new BufferedInputStream(gzip, 1 << 16);
            }
            bytes.mark(3);
            if (bytes.read() != 0xEF || bytes.read() != 0xBB || bytes.read() != 0xBF) {
                bytes.reset();
            }
            return bytes;
        }

        @Override
        public void close() {
            closeQuietly(in != null ? in : raw);
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in == null) {
            return;
        }
        try {
            in.close();
        } catch (IOException e) {
            // read to its end already, or named as unread
        }
    }

    private static String why(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
