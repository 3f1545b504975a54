package dev.promptport.write;

import java.util.HashSet;
import java.util.Set;

/**
 * JSON Schema keywords (and OpenAPI's) that describe a value but do not decide which values a
 * schema accepts: a converter may drop them without a loss. Each vendor's converter adds the
 * keywords of its own case (references it inlines, OpenAPI spellings it reads).
 */
public final class SchemaAnnotations {

    /** The annotations of JSON Schema's vocabularies and OpenAPI's, which validators ignore. */
    public static final Set<String> CORE = Set.of("$schema", "$comment", "deprecated", "readOnly", "writeOnly",
            "contentEncoding", "contentMediaType", "discriminator", "externalDocs", "xml");

    private SchemaAnnotations() {
    }

    /** {@link #CORE} and {@code more}. */
    public static Set<String> with(String... more) {
        Set<String> all = new HashSet<>(CORE);
        all.addAll(Set.of(more));
        return Set.copyOf(all);
    }
}
