package dev.promptport.write;

import dev.promptport.tree.OutputFormat;

/** The name, description, schema and strictness of an OpenAI structured output, as both OpenAI APIs spell them. */
final class SchemaFormat {

    private SchemaFormat() {
    }

    /** Writes the fields inside the object that holds them (Chat's json_schema, Responses' format). */
    static void fields(JsonOut g, OutputFormat f) {
        g.writeStringField("name", f.name() == null ? "response" : f.name());
        if (f.description() != null) {
            g.writeStringField("description", f.description());
        }
        g.writeFieldName("schema");
        g.writeRawValue(CompactJson.of(f.schema().json()));
        if (f.strict() != null) {
            g.writeBooleanField("strict", f.strict());
        }
    }
}
