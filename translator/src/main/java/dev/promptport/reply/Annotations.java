package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * OpenAI's annotations on a reply's text, named by what they point at: web pages
 * ({@code url_citation}), files of the vendor's file search ({@code file_citation}), files its
 * code interpreter made in a container ({@code container_file_citation}), and any other kind by
 * its type. None has an Anthropic counterpart: Claude's citations carry indexes only Claude
 * issues. Collected over a whole reply (annotations of a stream arrive one at a time, or only
 * with the finished item), then named once per kind, so the count covers the whole reply.
 */
final class Annotations {

    private final List<JsonNode> web = new ArrayList<>();
    private final List<JsonNode> files = new ArrayList<>();
    private final List<JsonNode> containerFiles = new ArrayList<>();
    /** Other kinds, by type, in name order. */
    private final Map<String, Integer> others = new TreeMap<>();

    /** The output items (by index) the annotations came from. */
    private final Set<Integer> items = new HashSet<>();

    /** One annotation, of output item {@code item}. */
    void add(JsonNode a, int item) {
        if (!Json.isObject(a)) {
            return;
        }
        items.add(item);
        String type = Json.text(a, "type");
        if (type == null || type.equals("url_citation")) {
            web.add(a);
        } else if (type.equals("file_citation")) {
            files.add(a);
        } else if (type.equals("container_file_citation")) {
            containerFiles.add(a);
        } else {
            others.merge(type, 1, Integer::sum);
        }
    }

    /** Every annotation of an {@code annotations} array of output item {@code item}. */
    void addAll(JsonNode list, int item) {
        if (list != null && list.isArray()) {
            for (JsonNode a : list) {
                add(a, item);
            }
        }
    }

    /** Whether annotations of output item {@code item} were added. */
    boolean cameFrom(int item) {
        return items.contains(item);
    }

    /** The lines that name them, one per kind; none when there are none. */
    void name(BlockSink sink, String where) {
        if (!web.isEmpty()) {
            sink.leftOut(LeftOut.citations(web.size(), urls(), where));
        }
        if (!files.isEmpty()) {
            sink.leftOut(files.size() + (files.size() == 1 ? " citation" : " citations")
                    + " of files the vendor searched, on the reply's text (" + where + ')' + LeftOut.shown(fileNames(files, false)));
        }
        if (!containerFiles.isEmpty()) {
            sink.leftOut(containerFiles.size() + (containerFiles.size() == 1 ? " citation" : " citations")
                    + " of files the code interpreter made, on the reply's text (" + where + ')'
                    + LeftOut.shown(fileNames(containerFiles, true)));
        }
        others.forEach((type, n) -> sink.leftOut(n + (n == 1 ? " annotation" : " annotations") + " of type " + type
                + " on the reply's text (" + where + ')'));
    }

    private List<String> urls() {
        List<String> urls = new ArrayList<>();
        for (JsonNode a : web) {
            String url = LeftOut.url(a);
            if (url != null && !urls.contains(url)) {
                urls.add(url);
            }
        }
        return urls;
    }

    /** "a.pdf (file_1)", "p.png (container cntr_1, file cfile_1)": the name a reader knows, the ids to fetch it by. */
    private static List<String> fileNames(List<JsonNode> list, boolean inContainer) {
        List<String> names = new ArrayList<>();
        for (JsonNode a : list) {
            String file = Json.text(a, "filename");
            String id = Json.text(a, "file_id");
            String container = inContainer ? Json.text(a, "container_id") : null;
            List<String> ids = new ArrayList<>(2);
            if (container != null) {
                ids.add("container " + container);
            }
            if (id != null) {
                ids.add(container != null ? "file " + id : id);
            }
            String name = file != null ? file + (ids.isEmpty() ? "" : " (" + String.join(", ", ids) + ')') : String.join(", ", ids);
            if (!name.isEmpty() && !names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }
}
