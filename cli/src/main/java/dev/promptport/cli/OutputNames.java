package dev.promptport.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;

/**
 * How {@code --output} and {@code --write-baseline} read the name given: {@code -} is standard
 * output for a report, as for the inputs it is standard input, rather than a file named "-";
 * an empty name is refused, as it names the working folder.
 */
final class OutputNames {

    private OutputNames() {
    }

    /** {@code --output}: a file, or {@code -} (null: standard output). */
    static final class Report implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            if ("-".equals(value)) {
                return null;
            }
            return file(value, "give a file to write the report to, or - for standard output");
        }
    }

    /** {@code --write-baseline}: a file, whose folder the baseline's paths are relative to. */
    static final class Baseline implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            if ("-".equals(value)) {
                throw new TypeConversionException("a baseline is written to a file, whose folder its paths are relative to;"
                        + " give the file's name");
            }
            return file(value, "give the baseline file's name");
        }
    }

    private static Path file(String value, String what) {
        if (value.isBlank()) {
            throw new TypeConversionException("the name is empty; " + what);
        }
        return Path.of(value);
    }
}
