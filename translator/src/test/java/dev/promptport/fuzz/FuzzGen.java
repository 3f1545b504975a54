package dev.promptport.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The fuzz campaign's input generators and mutations; pure functions of their random source.
 * Public for the reply campaign (dev.promptport.reply.ReplyFuzzCampaign), which shares the byte-level ones.
 */
public final class FuzzGen {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String[] TAGS = {"instructions", "example", "examples", "document", "documents",
            "context", "thinking", "answer", "rules", "output_format", "a", "b", "data", "format", "search_results",
            "translation", "user_input", "INSTRUCTIONS", "ns:tag", "x-y", "t1"};
    private static final String[] WORDS = {"Answer", "briefly.", "Use", "the", "<", ">", "&amp;", "&lt;",
            "tags", "section", "Put", "answer", "inside", "JSON", "{", "}", "[", "]", "\"", "'", "—", "日本語",
            "مرحبا", "😀", "\\", "`", "**bold**", "_", "|", "-", "1.", "*", "http://x.y/z", "${var}", "{{var}}",
            "%s", "\u200b", "\u00a0", "\r", "\t"};
    private static final String[] KEYS = {"model", "messages", "system", "role", "content", "type", "text",
            "tools", "tool_choice", "max_tokens", "thinking", "budget_tokens", "top_k", "top_p", "temperature",
            "stop_sequences", "source", "media_type", "data", "cache_control", "name", "input_schema",
            "tool_use_id", "id", "input", "citations", "metadata", "stream", "url", "title", "context",
            "is_error", "signature", "disable_parallel_tool_use", "properties", "required", "enum", "items",
            "description", "service_tier", "user_id", "mcp_servers", "container", "file_id", "output_config", "effort",
            "format", "schema", "inference_geo", "display"};
    private static final String[] TYPES = {"text", "image", "document", "tool_use", "tool_result", "thinking",
            "redacted_thinking", "server_tool_use", "web_search_tool_result", "search_result", "base64", "url", "adaptive",
            "json_schema", "json_object",
            "file", "content", "ephemeral", "enabled", "disabled", "auto", "any", "tool", "none", "object",
            "string", "array", "integer", "number", "boolean", "null", "web_search_20250305", "bash_20250124",
            "code_execution_20250522", "computer_20250124", "text_editor_20250124"};
    private static final String[] EFFORTS = {"\"low\"", "\"medium\"", "\"high\"", "\"xhigh\"", "\"max\"", "\"\"",
            "null", "1"};
    private static final String[] ROLES = {"user", "assistant", "system", "tool", "developer", "", "USER"};
    private static final String[] NUMBERS = {"0", "-1", "1", "1.5", "-0", "1e400", "-1e400", "4096", "2147483648",
            "9223372036854775808", "123456789012345678901234567890", "1E-400", "0.0000001", "64000", "1024", "3"};
    private static final String[] MEDIA = {"image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf",
            "text/plain", "", "image/", "application/octet-stream"};

    private FuzzGen() {
    }

    public static String insert(String text, SplittableRandom r, String what) {
        int at = text.isEmpty() ? 0 : r.nextInt(text.length() + 1);
        return text.substring(0, at) + what + text.substring(at);
    }

    private static int depth(SplittableRandom r) {
        // the deepest nestings make megabyte inputs: rare, so they do not dominate the campaign's time
        int[] depths = {8, 64, 200, 1000, 5000, 20000};
        return r.nextInt(200) == 0 ? 100000 : depths[r.nextInt(depths.length)];
    }

    public static String deepBrackets(SplittableRandom r, boolean json) {
        int d = depth(r);
        StringBuilder b = new StringBuilder();
        String open = json && r.nextBoolean() ? "{\"a\":" : "[";
        String close = open.equals("[") ? "]" : "}";
        b.append(open.repeat(d));
        if (r.nextBoolean()) {
            b.append(r.nextBoolean() ? "1" : "\"x\"").append(close.repeat(r.nextBoolean() ? d : r.nextInt(d + 1)));
        }
        return b.toString();
    }

    static String deepTags(SplittableRandom r) {
        int d = depth(r);
        String tag = TAGS[r.nextInt(TAGS.length)];
        StringBuilder b = new StringBuilder();
        boolean newlines = r.nextBoolean();
        for (int k = 0; k < d; k++) {
            b.append('<').append(r.nextInt(4) == 0 ? TAGS[r.nextInt(TAGS.length)] : tag).append('>');
            if (newlines) {
                b.append('\n');
            }
        }
        b.append("deep text");
        int closes = r.nextBoolean() ? d : r.nextInt(d + 1);
        for (int k = 0; k < closes; k++) {
            b.append("</").append(tag).append('>');
            if (newlines) {
                b.append('\n');
            }
        }
        return b.toString();
    }

    public static String hugeString(String text, SplittableRandom r, boolean json) {
        int[] sizes = {10_000, 100_000, 300_000, 1_000_000};
        int roll = r.nextInt(1000);
        int size = sizes[roll < 900 ? r.nextInt(2) : roll < 995 ? 2 : 3];
        String unit = switch (r.nextInt(5)) {
            case 0 -> "a";
            case 1 -> "word ";
            case 2 -> "line of prose\n";
            case 3 -> "日本語😀";
            default -> "<x>";
        };
        String huge = unit.repeat(Math.max(1, size / unit.length()));
        if (json) {
            huge = huge.replace("\n", "\\n");
            int q = text.indexOf('"', text.isEmpty() ? 0 : r.nextInt(text.length()));
            if (q >= 0) {
                return text.substring(0, q + 1) + huge + text.substring(q + 1);
            }
        }
        return insert(text, r, huge);
    }

    public static String byteFlip(String text, SplittableRandom r) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        if (b.length == 0) {
            return text;
        }
        int n = 1 + r.nextInt(8);
        for (int k = 0; k < n; k++) {
            int at = r.nextInt(b.length);
            b[at] = r.nextBoolean() ? (byte) (b[at] ^ (1 << r.nextInt(8))) : (byte) r.nextInt(256);
        }
        return new String(b, StandardCharsets.UTF_8); // malformed bytes decode to U+FFFD
    }

    public static String invalidUtf8(String text, SplittableRandom r) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(b.length + 16);
        int n = 1 + r.nextInt(6);
        int[] at = new int[n];
        for (int k = 0; k < n; k++) {
            at[k] = b.length == 0 ? 0 : r.nextInt(b.length + 1);
        }
        java.util.Arrays.sort(at);
        int k = 0;
        for (int p = 0; p <= b.length; p++) {
            while (k < n && at[k] == p) {
                byte[][] bad = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                        {(byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
                out.writeBytes(bad[r.nextInt(bad.length)]);
                k++;
            }
            if (p < b.length) {
                out.write(b[p]);
            }
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    public static String loneSurrogates(String text, SplittableRandom r, boolean json) {
        String t = text;
        int n = 1 + r.nextInt(5);
        for (int k = 0; k < n; k++) {
            char c = (char) (0xD800 + r.nextInt(0x800));
            String s = json && r.nextBoolean() ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c);
            t = insertInString(t, r, s, json);
        }
        return t;
    }

    public static String nulBytes(String text, SplittableRandom r, boolean json) {
        String t = text;
        int n = 1 + r.nextInt(5);
        for (int k = 0; k < n; k++) {
            String s = json && r.nextBoolean() ? "\\u0000" : "\0";
            t = insertInString(t, r, s, json);
        }
        return t;
    }

    /** Inserts after a quote for JSON (so it lands inside a string), anywhere otherwise. */
    private static String insertInString(String text, SplittableRandom r, String what, boolean json) {
        if (json && !text.isEmpty()) {
            int q = text.indexOf('"', r.nextInt(text.length()));
            if (q >= 0) {
                return text.substring(0, q + 1) + what + text.substring(q + 1);
            }
        }
        return insert(text, r, what);
    }

    static String lines(String text, SplittableRandom r) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int n = 1 + r.nextInt(4);
        for (int k = 0; k < n && !lines.isEmpty(); k++) {
            int a = r.nextInt(lines.size());
            switch (r.nextInt(5)) {
                case 0 -> lines.remove(a);
                case 1 -> lines.add(r.nextInt(lines.size() + 1), lines.get(a));
                case 2 -> java.util.Collections.swap(lines, a, r.nextInt(lines.size()));
                case 3 -> lines.set(a, "  " + lines.get(a) + " \r");
                default -> lines.add(a, r.nextBoolean() ? "```" : "# " + WORDS[r.nextInt(WORDS.length)]);
            }
        }
        return String.join("\n", lines);
    }

    static String tagSoup(SplittableRandom r) {
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(60);
        List<String> open = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            switch (r.nextInt(16)) {
                case 0, 1, 2 -> {
                    String t = TAGS[r.nextInt(TAGS.length)];
                    open.add(t);
                    b.append('<').append(t);
                    if (r.nextInt(4) == 0) {
                        b.append(" id=\"").append(WORDS[r.nextInt(WORDS.length)]).append('"');
                    }
                    if (r.nextInt(6) == 0) {
                        b.append(" x='1' y=2 z");
                    }
                    b.append('>');
                }
                case 3, 4 -> {
                    String t = !open.isEmpty() && r.nextInt(3) > 0 ? open.remove(open.size() - 1) : TAGS[r.nextInt(TAGS.length)];
                    b.append("</").append(t).append('>');
                }
                case 5 -> b.append('<').append(TAGS[r.nextInt(TAGS.length)]).append("/>");
                case 6 -> b.append(r.nextBoolean() ? "<!-- comment -->" : "<![CDATA[ <a> ]]>");
                case 7 -> b.append(r.nextBoolean() ? "\n```xml\n" : "\n```\n");
                case 8 -> b.append("\n").append("#".repeat(1 + r.nextInt(7))).append(' ').append(WORDS[r.nextInt(WORDS.length)]).append('\n');
                case 9 -> b.append(r.nextBoolean() ? "<" : r.nextBoolean() ? ">" : "</").append(r.nextBoolean() ? " " : "");
                case 10 -> b.append('`').append(r.nextBoolean() ? "<answer>" : "code").append('`');
                case 11 -> b.append(r.nextBoolean() ? "\n" : "\n\n");
                case 12 -> b.append("<").append(TAGS[r.nextInt(TAGS.length)]).append(r.nextBoolean() ? "" : " ");
                case 13 -> b.append("- item ").append(WORDS[r.nextInt(WORDS.length)]).append('\n');
                default -> b.append(WORDS[r.nextInt(WORDS.length)]).append(' ').append(WORDS[r.nextInt(WORDS.length)]).append(' ');
            }
        }
        return b.toString();
    }

    // ---- JSON from a small grammar

    static String randomRequest(SplittableRandom r) {
        StringBuilder b = new StringBuilder("{");
        List<String> fields = new ArrayList<>();
        if (r.nextInt(10) > 0) {
            fields.add("\"model\":" + (r.nextInt(8) > 0 ? "\"claude-sonnet-4-5\"" : value(r, 2)));
        }
        if (r.nextInt(10) > 0) {
            fields.add("\"max_tokens\":" + (r.nextInt(4) > 0 ? "1024" : NUMBERS[r.nextInt(NUMBERS.length)]));
        }
        if (r.nextInt(10) > 0) {
            StringBuilder m = new StringBuilder("[");
            int n = r.nextInt(6);
            for (int k = 0; k < n; k++) {
                if (k > 0) {
                    m.append(',');
                }
                m.append(r.nextInt(10) > 0 ? message(r, k) : value(r, 3));
            }
            fields.add("\"messages\":" + m.append(']'));
        }
        if (r.nextInt(3) == 0) {
            fields.add("\"system\":" + (r.nextBoolean() ? str(r) : "[" + block(r) + "]"));
        }
        if (r.nextInt(4) == 0) {
            fields.add("\"tools\":[" + tool(r) + (r.nextBoolean() ? "," + tool(r) : "") + "]");
        }
        if (r.nextInt(5) == 0) {
            fields.add("\"tool_choice\":{\"type\":" + pick(r, TYPES) + (r.nextBoolean() ? ",\"name\":" + str(r) : "") + "}");
        }
        if (r.nextInt(5) == 0) {
            fields.add("\"thinking\":{\"type\":" + pick(r, TYPES) + ",\"budget_tokens\":" + NUMBERS[r.nextInt(NUMBERS.length)] + "}");
        }
        if (r.nextInt(6) == 0) {
            // effort and structured output: a schema that is valid, or any value where one belongs
            String schema = r.nextBoolean() ? "{\"type\":\"object\",\"properties\":{\"a\":" + value(r, 2)
                    + "},\"required\":[\"a\"],\"additionalProperties\":false}" : value(r, 3);
            fields.add("\"output_config\":{" + (r.nextBoolean() ? "\"effort\":" + pick(r, EFFORTS) + "," : "")
                    + "\"format\":{\"type\":" + (r.nextInt(4) > 0 ? "\"json_schema\"" : pick(r, TYPES))
                    + ",\"schema\":" + schema + "}}");
        }
        if (r.nextInt(10) == 0) {
            fields.add("\"context_management\":{\"edits\":[{\"type\":" + pick(r, new String[]{"\"clear_tool_uses_20250919\"",
                    "\"clear_thinking_20251015\"", "\"compact_20260112\"", "\"x\""}) + (r.nextBoolean()
                    ? ",\"trigger\":{\"type\":\"input_tokens\",\"value\":" + NUMBERS[r.nextInt(NUMBERS.length)] + "}" : "")
                    + (r.nextBoolean() ? ",\"instructions\":" + str(r) : "") + "}]}");
        }
        for (String k : new String[]{"temperature", "top_k", "top_p", "stream", "metadata", "stop_sequences", "service_tier",
                "inference_geo", "container", "cache_control", "output_format", "context_management", "mcp_servers"}) {
            if (r.nextInt(8) == 0) {
                fields.add("\"" + k + "\":" + value(r, 2));
            }
        }
        if (r.nextInt(6) == 0) {
            fields.add("\"" + KEYS[r.nextInt(KEYS.length)] + "\":" + value(r, 3));
        }
        java.util.Collections.shuffle(fields, new java.util.Random(r.nextLong()));
        b.append(String.join(",", fields)).append('}');
        return b.toString();
    }

    private static String message(SplittableRandom r, int k) {
        String role = r.nextInt(6) > 0 ? (k % 2 == 0 ? "\"user\"" : "\"assistant\"") : pick(r, ROLES);
        String content;
        if (r.nextBoolean()) {
            content = str(r);
        } else {
            StringBuilder c = new StringBuilder("[");
            int n = r.nextInt(4);
            for (int j = 0; j < n; j++) {
                if (j > 0) {
                    c.append(',');
                }
                c.append(block(r));
            }
            content = c.append(']').toString();
        }
        return "{\"role\":" + role + ",\"content\":" + content + "}";
    }

    private static String block(SplittableRandom r) {
        String type = TYPES[r.nextInt(12)];
        List<String> f = new ArrayList<>();
        f.add("\"type\":\"" + type + "\"");
        switch (type) {
            case "text" -> f.add("\"text\":" + str(r));
            case "image", "document" -> f.add("\"source\":{\"type\":" + pick(r, new String[]{"base64", "url", "text", "content", "file"})
                    + ",\"media_type\":" + pick(r, MEDIA) + ",\"data\":" + (r.nextBoolean() ? "\"iVBORw0KGgo=\"" : str(r))
                    + (r.nextBoolean() ? ",\"url\":\"https://example.com/a.png\"" : "") + "}");
            case "tool_use", "server_tool_use" -> {
                f.add("\"id\":" + str(r));
                boolean run = type.equals("server_tool_use") && r.nextBoolean();
                f.add("\"name\":" + (run ? "\"code_execution\"" : str(r)));
                f.add("\"input\":" + (run ? "{\"code\":" + str(r) + "}" : value(r, 3)));
            }
            case "web_search_tool_result" -> {
                // results of tools Claude ran itself: a list, or one object (code execution, web fetch)
                f.set(0, "\"type\":" + pick(r, new String[]{"\"web_search_tool_result\"", "\"code_execution_tool_result\"",
                        "\"web_fetch_tool_result\""}));
                f.add("\"tool_use_id\":" + str(r));
                f.add("\"content\":" + (r.nextBoolean() ? "{\"type\":\"code_execution_result\",\"stdout\":" + str(r)
                        + ",\"stderr\":" + str(r) + ",\"return_code\":" + NUMBERS[r.nextInt(NUMBERS.length)] + ",\"content\":[]}"
                        : "[" + value(r, 2) + "]"));
            }
            case "tool_result" -> {
                f.add("\"tool_use_id\":" + str(r));
                f.add("\"content\":" + (r.nextBoolean() ? str(r) : "[" + (r.nextBoolean() ? block(r) : value(r, 2)) + "]"));
            }
            case "thinking" -> {
                f.add("\"thinking\":" + str(r));
                f.add("\"signature\":" + str(r));
            }
            default -> {
            }
        }
        if (r.nextInt(5) == 0) {
            f.add("\"cache_control\":{\"type\":\"ephemeral\"}");
        }
        if (r.nextInt(5) == 0) {
            f.add("\"" + KEYS[r.nextInt(KEYS.length)] + "\":" + value(r, 2));
        }
        if (r.nextInt(8) == 0) {
            f.remove(r.nextInt(f.size()));
        }
        return "{" + String.join(",", f) + "}";
    }

    private static String tool(SplittableRandom r) {
        if (r.nextInt(4) == 0) {
            return "{\"type\":" + pick(r, TYPES) + ",\"name\":" + str(r) + "}";
        }
        StringBuilder t = new StringBuilder("{\"name\":" + str(r) + ",\"description\":" + str(r)
                + ",\"input_schema\":" + schema(r, 3));
        // Claude's own tool settings: usually the documented shape, sometimes any value
        for (String k : new String[]{"input_examples", "defer_loading", "allowed_callers", "eager_input_streaming"}) {
            if (r.nextInt(10) == 0) {
                t.append(",\"").append(k).append("\":").append(switch (r.nextInt(3) > 0 ? k : "") {
                    case "input_examples" -> "[" + value(r, 2) + "," + value(r, 2) + "]";
                    case "allowed_callers" -> "[" + pick(r, new String[]{"\"direct\"", "\"code_execution_20250825\""}) + "]";
                    case "defer_loading", "eager_input_streaming" -> String.valueOf(r.nextBoolean());
                    default -> value(r, 2);
                });
            }
        }
        return t.append('}').toString();
    }

    private static String schema(SplittableRandom r, int depth) {
        if (depth == 0 || r.nextInt(3) == 0) {
            return r.nextInt(5) == 0 ? value(r, 1) : "{\"type\":" + pick(r, TYPES) + (r.nextBoolean() ? ",\"enum\":[" + str(r) + ",1,null]" : "") + "}";
        }
        return "{\"type\":\"object\",\"properties\":{" + str(r) + ":" + schema(r, depth - 1) + ",\"p\":" + schema(r, depth - 1)
                + "},\"required\":[" + str(r) + "]" + (r.nextBoolean() ? ",\"additionalProperties\":" + value(r, 1) : "") + "}";
    }

    static String value(SplittableRandom r, int depth) {
        int roll = r.nextInt(depth <= 0 ? 5 : 7);
        return switch (roll) {
            case 0 -> str(r);
            case 1 -> NUMBERS[r.nextInt(NUMBERS.length)];
            case 2 -> r.nextBoolean() ? "true" : "false";
            case 3 -> "null";
            case 4 -> pick(r, TYPES);
            case 5 -> {
                int n = r.nextInt(4);
                StringBuilder b = new StringBuilder("[");
                for (int k = 0; k < n; k++) {
                    b.append(k > 0 ? "," : "").append(value(r, depth - 1));
                }
                yield b.append(']').toString();
            }
            default -> {
                int n = r.nextInt(4);
                StringBuilder b = new StringBuilder("{");
                for (int k = 0; k < n; k++) {
                    b.append(k > 0 ? "," : "").append('"').append(KEYS[r.nextInt(KEYS.length)]).append("\":").append(value(r, depth - 1));
                }
                yield b.append('}').toString();
            }
        };
    }

    private static String pick(SplittableRandom r, String[] from) {
        return "\"" + from[r.nextInt(from.length)] + "\"";
    }

    /** A JSON string literal: words, tags, escapes. */
    static String str(SplittableRandom r) {
        StringBuilder b = new StringBuilder("\"");
        int n = r.nextInt(8);
        for (int k = 0; k < n; k++) {
            switch (r.nextInt(10)) {
                case 0 -> b.append("\\n");
                case 1 -> b.append("\\u").append(String.format(Locale.ROOT, "%04x", r.nextInt(0x10000)));
                case 2 -> b.append('<').append(TAGS[r.nextInt(TAGS.length)]).append('>');
                case 3 -> b.append("</").append(TAGS[r.nextInt(TAGS.length)]).append('>');
                case 4 -> b.append("\\\"");
                default -> b.append(WORDS[r.nextInt(WORDS.length)].replace("\\", "\\\\").replace("\"", "\\\"")
                        .replace("\r", "\\r").replace("\t", "\\t")).append(' ');
            }
        }
        return b.append('"').toString();
    }

    /** Parses a corpus request and changes one node: replaced by another type, removed, duplicated. */
    static String jsonTree(String text, SplittableRandom r) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            return text;
        }
        List<Object[]> slots = new ArrayList<>();
        collect(root, slots);
        if (slots.isEmpty()) {
            return text;
        }
        int n = 1 + r.nextInt(3);
        for (int k = 0; k < n; k++) {
            Object[] slot = slots.get(r.nextInt(slots.size()));
            JsonNode replacement;
            try {
                replacement = JSON.readTree(r.nextInt(3) == 0 ? str(r) : value(r, 2));
            } catch (IOException e) {
                continue;
            }
            if (slot[0] instanceof ObjectNode o) {
                String key = (String) slot[1];
                switch (r.nextInt(4)) {
                    case 0 -> o.remove(key);
                    case 1 -> o.set(key + (r.nextBoolean() ? "" : "_x"), replacement);
                    default -> o.set(key, replacement);
                }
            } else if (slot[0] instanceof ArrayNode a) {
                int idx = (Integer) slot[1];
                if (idx >= a.size()) {
                    continue;
                }
                switch (r.nextInt(4)) {
                    case 0 -> a.remove(idx);
                    case 1 -> a.insert(idx, a.get(idx).deepCopy());
                    default -> a.set(idx, replacement);
                }
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            return text;
        }
    }

    private static void collect(JsonNode node, List<Object[]> slots) {
        if (node instanceof ObjectNode o) {
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                slots.add(new Object[]{o, k});
                collect(o.get(k), slots);
            }
        } else if (node instanceof ArrayNode a) {
            for (int k = 0; k < a.size(); k++) {
                slots.add(new Object[]{a, k});
                collect(a.get(k), slots);
            }
        }
    }
}
