package dev.promptport.cli;

import dev.promptport.LimitExceededException;
import dev.promptport.PromptPortException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One input as the user named it: a path, or {@code -} for standard input. Reads strictly as
 * UTF-8, so a file in another encoding is an error rather than silently altered text.
 * {@code mayHoldPrompt} is false for a JSON file that holds nothing promptport reads.
 */
record InputFile(String name, String text, Kind kind, dev.promptport.InputFormat format, boolean mayHoldPrompt) {

    enum Kind {
        REQUEST,
        PROMPT
    }

    InputFile withFormat(dev.promptport.InputFormat f) {
        return new InputFile(name, text, Kind.REQUEST, f, true);
    }

    /**
     * @param maxBytes the input size limit, in bytes as the file holds them (at most what one
     *     Java array holds: {@link LimitOptions} keeps it there)
     */
    static InputFile read(String name, InputStream stdin, Kind forced, long maxBytes) {
        byte[] bytes;
        boolean stream;
        try {
            Path p = "-".equals(name) ? null : Path.of(name);
            if (p != null && Files.isDirectory(p)) {
                throw new InputError(name, "is a folder; give a file");
            }
            // standard input, a named pipe or a shell's <(...) has no size to check first
            stream = p == null || !Files.isRegularFile(p);
            if (p == null) {
                bytes = readStream(name, stdin, maxBytes);
            } else if (stream) {
                try (InputStream in = Files.newInputStream(p)) {
                    bytes = readStream(name, in, maxBytes);
                }
            } else {
                bytes = readFile(name, p, maxBytes);
            }
        } catch (IOException e) {
            throw new InputError(name, unreadable(e));
        }
        String text = decode(name, bytes);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        Kind kind = forced != null ? forced : kindOf(name, text, stream);
        if (kind != Kind.REQUEST) {
            return new InputFile(name, text, kind, null, true);
        }
        FormatSniffer.Sniffed sniffed = FormatSniffer.sniff(text);
        return new InputFile(name, text, kind, sniffed.format(), sniffed.mayHoldPrompt());
    }

    private static byte[] readFile(String name, Path p, long maxBytes) throws IOException {
        long size = Files.size(p);
        if (size > maxBytes) {
            throw new InputError(name, LimitExceededException.inputSize(maxBytes, size, "bytes"));
        }
        byte[] bytes = Files.readAllBytes(p);
        if (bytes.length > maxBytes) {
            // the file grew between its size and its reading
            throw new InputError(name, LimitExceededException.inputSize(maxBytes, bytes.length, "bytes"));
        }
        return bytes;
    }

    private static byte[] readStream(String name, InputStream in, long maxBytes) throws IOException {
        // one byte past the limit tells "over" from "exactly at" without reading the rest
        byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
        if (bytes.length > maxBytes) {
            throw new InputError(name, LimitExceededException.inputSize(maxBytes, -1, "bytes"));
        }
        return bytes;
    }

    /** @param stream whether the name is a stream's ({@code /dev/fd/63}), which says nothing of what it holds */
    private static Kind kindOf(String name, String text, boolean stream) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return Kind.REQUEST;
        }
        if (stream) {
            String t = text.stripLeading();
            // a list of chat messages or of tools is JSON too; a text prompt may also start with "["
            return t.startsWith("{") || t.startsWith("[") && FormatSniffer.isJsonList(t) ? Kind.REQUEST : Kind.PROMPT;
        }
        return Kind.PROMPT;
    }

    /**
     * UTF-8, or UTF-16 when the bytes open with its byte-order mark: Windows tools (PowerShell's
     * {@code >}, Notepad's "Unicode") write prompts that way, and the mark leaves no doubt about
     * how to read them. Anything else that does not decode is an error naming where it fails.
     */
    private static String decode(String name, byte[] bytes) {
        Charset charset = StandardCharsets.UTF_8;
        int start = 0;
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            start = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            start = 2;
        }
        CharsetDecoder d = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = d.decode(in, out, true);
        if (!r.isError()) {
            r = d.flush(out);
        }
        if (r.isError()) {
            int bad = in.position();
            if (charset != StandardCharsets.UTF_8) {
                throw new InputError(name, "is not valid UTF-16 text, though it starts with UTF-16's byte-order mark"
                        + " (bad bytes at offset " + bad + ")");
            }
            throw new InputError(name, Utf8Position.of(bytes, bad),
                    String.format(Locale.ROOT, "is not valid UTF-8 text (byte 0x%02X at offset %d); save the file as UTF-8",
                            bytes[bad] & 0xFF, bad));
        }
        return out.flip().toString();
    }

    String displayName() {
        return "-".equals(name) ? "<stdin>" : name;
    }

    /**
     * Why a file could not be read, in the same words whichever command read it: the JDK's
     * messages for these repeat the path, or say only "Is a directory".
     */
    static String unreadable(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null
                && f.getReason().startsWith("Too many levels of symbolic links")) {
            return "is a loop of symbolic links (or a chain of more than 40)";
        }
        String why = e.getMessage();
        if (why != null && why.endsWith("Is a directory")) {
            return "is a folder; give a file";
        }
        return "cannot be read: " + why;
    }

    /** The input cannot be used; the message names the file. */
    static final class InputError extends RuntimeException {
        private final String where;
        private final String problem;

        InputError(String name, String problem) {
            this(name, "", problem);
        }

        /** @param where the line and column ({@code 3:14}) the problem is at, or empty */
        InputError(String name, String where, String problem) {
            super(("-".equals(name) ? "<stdin>" : name) + (where.isEmpty() ? "" : ":" + where) + ": " + problem);
            this.where = where;
            this.problem = problem;
        }

        InputError(String name, PromptPortException e) {
            this(name, e.location().display(), e.getMessage());
        }

        String where() {
            return where;
        }

        String problem() {
            return problem;
        }
    }
}
