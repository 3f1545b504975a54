package dev.promptport.rules;

import dev.promptport.tree.Markup;
import dev.promptport.tree.Markup.Chunk;
import dev.promptport.tree.Markup.Element;
import dev.promptport.tree.Markup.Node;

import java.util.List;
import java.util.Set;

/**
 * Whether a tagged part of a prompt is a web page's or a component's markup pasted in (HTML,
 * JSX, Vue), which keeps its tags, rather than a section of the prompt. One per text planned.
 */
final class WebMarkup {

    /**
     * Elements of a web page that no prompt names its sections after. Names a prompt might use
     * for a section ({@code style}, {@code header}, {@code label}, {@code summary}) are left out.
     */
    private static final Set<String> HTML = Set.of("div", "span", "a", "p", "ul", "ol", "li",
            "table", "thead", "tbody", "tfoot", "tr", "td", "th", "button", "h1", "h2", "h3", "h4", "h5", "h6", "nav",
            "body", "html", "head", "script", "iframe", "svg", "em", "strong", "b", "i", "u", "small", "sup", "sub",
            "blockquote", "select", "textarea", "canvas", "video", "audio", "center", "font", "main", "section",
            "header", "footer", "aside", "figure", "figcaption", "form", "label", "dl", "dt", "dd", "pre", "kbd",
            "dialog", "caption", "colgroup", "col", "option", "optgroup", "fieldset", "legend", "picture", "track",
            "noscript", "slot", "abbr", "samp", "var", "mark", "tt", "bdi", "bdo", "datalist", "meter", "progress");
    /** Attributes that only web markup and JSX write. */
    private static final Set<String> WEB_ATTRIBUTES = Set.of("className", "class", "href", "src",
            "style", "onClick", "onChange", "onSubmit", "key", "ref");

    private final String text;

    WebMarkup(String text) {
        this.text = text;
    }

    /** An element whose name no prompt gives a section ({@code div}, {@code td}). */
    static boolean isHtmlName(String name) {
        return HTML.contains(name);
    }

    /**
     * A page's or a component's markup pasted into the prompt without a code fence (React
     * snippets in coding agents' prompts): kept as written, since headings would break the code.
     */
    boolean isMarkup(Element e, boolean webName) {
        if (webName) {
            return true;
        }
        if (e.name().equals("style") && isCss(e)) {
            // a prompt's "style" section is prose; a page's holds rules in braces
            return true;
        }
        if (e.name().equals("form")) {
            // a page's form posts somewhere; "method" alone also names a prompt's example kinds
            for (Markup.Attribute a : e.attributes()) {
                if (a.name().equals("action") || a.name().equals("method")) {
                    return true;
                }
            }
        }
        return hasWebAttribute(e) || opensWithWebMarkup(e);
    }

    private boolean hasWebAttribute(Element e) {
        boolean braced = false;
        for (Markup.Attribute a : e.attributes()) {
            String name = a.name();
            // Vue's bindings and directives (:style, @click, v-if) and Angular's ([value], (click), *ngIf, #ref)
            char first = name.isEmpty() ? ' ' : name.charAt(0);
            if (WEB_ATTRIBUTES.contains(name) || first == ':' || first == '@' || first == '[' || first == '('
                    || first == '*' || first == '#' || name.startsWith("v-")) {
                return true;
            }
            braced |= a.value() != null && a.value().startsWith("{") && !a.value().startsWith("{{");
        }
        return braced && jsxExpression(e);
    }

    /**
     * A value given unquoted in braces ({@code client={queryClient}}) is a JSX expression: a
     * component pasted into the prompt. Doubled braces may be a template's placeholder instead.
     */
    private boolean jsxExpression(Element e) {
        for (int i = text.indexOf("={", e.start()); i >= 0 && i + 2 < e.openEnd(); i = text.indexOf("={", i + 2)) {
            if (text.charAt(i + 2) != '{') {
                return true;
            }
        }
        return false;
    }

    /**
     * A wrapper whose content starts with a page's markup: a Vue component's {@code <template>}
     * around its {@code <div class="…">}, an HTML {@code <details>} around its one-line {@code <summary>}.
     */
    private boolean opensWithWebMarkup(Element e) {
        List<Node> children = e.children();
        for (int i = 0, size = children.size(); i < size; i++) {
            Node n = children.get(i);
            if (n instanceof Chunk c) {
                if (!ElementLayout.blank(text, c.start(), c.end())) {
                    return false;
                }
            } else if (n instanceof Element child) {
                // a one-line field of a prompt's item may bear an element's name: <label>Billing</label>
                return hasWebAttribute(child)
                        || HTML.contains(child.name()) && (child.selfClosing() || !ElementLayout.onOneLine(text, child))
                        || child.name().equals("summary") && e.name().equals("details") && ElementLayout.onOneLine(text, child);
            }
        }
        return false;
    }

    /**
     * A list of self-closing elements and nothing else ({@code <Actions>} around its
     * {@code <Action name="…" />} lines): markup with no prose to put under a heading.
     */
    boolean holdsOnlyEmptyElements(Element e) {
        boolean any = false;
        List<Node> children = e.children();
        for (int i = 0, size = children.size(); i < size; i++) {
            Node n = children.get(i);
            if (n instanceof Element child) {
                if (!child.selfClosing()) {
                    return false;
                }
                any = true;
            } else if (n instanceof Chunk c && !ElementLayout.blank(text, c.start(), c.end())) {
                return false;
            }
        }
        return any;
    }

    /** CSS: a rule in braces holding a property. */
    private boolean isCss(Element e) {
        int brace = text.indexOf('{', e.openEnd());
        if (brace < 0 || brace >= e.closeStart()) {
            return false;
        }
        int colon = text.indexOf(':', brace);
        int close = text.indexOf('}', brace);
        return colon >= 0 && colon < e.closeStart() && close >= 0 && close < e.closeStart();
    }
}
