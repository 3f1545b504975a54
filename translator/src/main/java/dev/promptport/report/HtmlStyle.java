package dev.promptport.report;

/** The inline style sheet of the HTML report: readable on screen, printable, no external resources. */
final class HtmlStyle {

    private HtmlStyle() {
    }

    static final String CSS = """

            :root {
              --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg-soft: #f6f8fa;
              --a: #1a7f37; --a-bg: #dafbe1; --b: #7d4e00; --b-bg: #fff1b8; --c: #b3261e; --c-bg: #ffe1de;
              --info: #59636e; --info-bg: #eef1f4; --low: #0a5fb8; --low-bg: #ddf0ff;
              --medium: #7d4e00; --medium-bg: #fff1b8; --high: #a1430a; --high-bg: #ffe4cc;
              --blocker: #ffffff; --blocker-bg: #a40e26;
              --mono: ui-monospace, SFMono-Regular, "DejaVu Sans Mono", Menlo, Consolas, monospace;
            }
            * { box-sizing: border-box; }
            html { -webkit-text-size-adjust: 100%; }
            body { margin: 0 auto; max-width: 1600px; padding: 1.5rem 2rem 3rem; color: var(--fg); background: #fff;
                   font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Roboto, sans-serif; }
            h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
            h2 { font-size: 1.3rem; margin: 2.2rem 0 .8rem; padding-bottom: .3rem; border-bottom: 2px solid var(--line); }
            h3 { font-size: 1.1rem; margin: 0 0 .6rem; }
            h4 { font-size: .95rem; margin: 1rem 0 .4rem; }
            a { color: #0a5fb8; }
            code, pre, .path { font-family: var(--mono); font-size: .9em; }
            .path { overflow-wrap: anywhere; }
            .meta { margin: 0 0 .4rem; color: var(--muted); }
            .toc { font-size: .9rem; }
            .none, .note { color: var(--muted); }
            .note { font-size: .85rem; }
            table { border-collapse: collapse; width: 100%; }
            th, td { padding: .3rem .55rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
            th { background: var(--bg-soft); font-weight: 600; font-size: .85rem; }
            .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .share { color: var(--muted); font-size: .85em; }
            .scroll { overflow-x: auto; }

            .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(24rem, 1fr)); gap: 1rem; }
            .card { border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.1rem; break-inside: avoid; }
            .stats { display: grid; grid-template-columns: auto 1fr; gap: .2rem 1rem; margin: .8rem 0 0; }
            .stats dt { color: var(--muted); }
            .stats dd { margin: 0; font-weight: 600; }

            .badge { display: inline-block; min-width: 1.7em; padding: 0 .35em; border-radius: 4px; font-weight: 700;
                     text-align: center; font-family: var(--mono); border: 1px solid currentColor; }
            .badge.level-A { color: var(--a); background: var(--a-bg); }
            .badge.level-B { color: var(--b); background: var(--b-bg); }
            .badge.level-C { color: var(--c); background: var(--c-bg); }
            .matrix td.cell a { text-decoration: none; color: var(--fg); white-space: nowrap; }
            .matrix td.cell .score { display: inline-block; min-width: 2.2em; text-align: right; margin-left: .3em;
                                     font-variant-numeric: tabular-nums; }
            .matrix td.path a { color: var(--fg); }
            .kind { margin-left: .6em; padding: 0 .4em; border-radius: 3px; background: var(--info-bg); color: var(--muted);
                    font: .75rem/1.6 system-ui, sans-serif; }

            section.input { margin: 1.6rem 0 2rem; }
            .input-title { padding: .4rem .6rem; background: var(--bg-soft); border-left: 4px solid var(--fg);
                           border-radius: 4px; overflow-wrap: anywhere; }
            .input-title .index { color: var(--muted); }
            details.target-result { margin: .8rem 0 1.2rem; border: 1px solid var(--line); border-radius: 8px;
                                    padding: 0 1rem .8rem; border-left-width: 5px; }
            details.target-result.level-A { border-left-color: var(--a); }
            details.target-result.level-B { border-left-color: #d4a72c; }
            details.target-result.level-C { border-left-color: var(--c); }
            details.target-result > summary { cursor: pointer; padding: .6rem 0; font-weight: 600; }
            summary .facts { margin-left: .8em; font-weight: 400; color: var(--muted); }
            summary .facts b { color: var(--fg); }

            ol.findings { margin: .2rem 0 1rem; padding-left: 1.8rem; }
            li.finding { margin: .35rem 0; padding: .35rem .6rem; border-radius: 6px; background: var(--bg-soft);
                         border-left: 4px solid var(--info); break-inside: avoid; }
            .finding-head { display: flex; flex-wrap: wrap; gap: .3rem .7rem; align-items: baseline; }
            .finding .msg, .finding .fix { margin: .2rem 0 0; overflow-wrap: anywhere; }
            .finding .fix { color: var(--muted); }
            .finding .fix .label { font-weight: 600; color: var(--fg); }
            .finding .loc { font-family: var(--mono); font-size: .85em; overflow-wrap: anywhere; }
            .finding .f-effort { margin-left: auto; color: var(--muted); font-size: .85em; white-space: nowrap; }
            .sev { display: inline-block; padding: 0 .45em; border-radius: 4px; font-size: .78rem; font-weight: 700;
                   text-transform: uppercase; letter-spacing: .03em; }
            .sev-info .sev { color: var(--info); background: var(--info-bg); }
            .sev-low .sev { color: var(--low); background: var(--low-bg); }
            .sev-medium .sev { color: var(--medium); background: var(--medium-bg); }
            .sev-high .sev { color: var(--high); background: var(--high-bg); }
            .sev-blocker .sev { color: var(--blocker); background: var(--blocker-bg); }
            li.finding.sev-low { border-left-color: var(--low); }
            li.finding.sev-medium { border-left-color: #d4a72c; }
            li.finding.sev-high { border-left-color: #e16f24; }
            li.finding.sev-blocker { border-left-color: var(--blocker-bg); }

            .compare { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem; }
            .col { min-width: 0; }
            .col-head { font-size: .85rem; font-weight: 600; color: var(--muted); margin-bottom: .25rem; }
            .col-head code { color: var(--fg); }
            pre.code { margin: 0; padding: .5rem 0; background: var(--bg-soft); border: 1px solid var(--line);
                       border-radius: 6px; font-size: 12.5px; line-height: 1.45; white-space: pre-wrap;
                       overflow-wrap: anywhere; tab-size: 4; max-height: 48rem; overflow: auto; }
            pre.code .ln { display: block; position: relative; padding: 0 .6rem 0 4.2em; min-height: 1.45em;
                           unicode-bidi: plaintext; }
            pre.code .ln::before { content: attr(data-n); position: absolute; left: 0; width: 3.2em; text-align: right;
                                   color: #8c959f; user-select: none; direction: ltr; }
            pre.code .ln.hit { background: var(--info-bg); box-shadow: inset 4px 0 0 var(--info); }
            pre.code .ln.hit.sev-low { background: var(--low-bg); box-shadow: inset 4px 0 0 var(--low); }
            pre.code .ln.hit.sev-medium { background: var(--medium-bg); box-shadow: inset 4px 0 0 #d4a72c; }
            pre.code .ln.hit.sev-high { background: var(--high-bg); box-shadow: inset 4px 0 0 #e16f24; }
            pre.code .ln.hit.sev-blocker { background: #ffd7dc; box-shadow: inset 4px 0 0 var(--blocker-bg); }
            pre.code .ln.hit { padding-right: 6.2em; }
            pre.code .ln.hit::after { content: attr(data-ids); position: absolute; top: 0; right: .3em; max-width: 5.8em;
                                      padding: 0 .3em; border-radius: 3px; background: rgba(255, 255, 255, .85);
                                      color: var(--fg); text-align: right; white-space: normal; direction: ltr;
                                      font: 600 10.5px/18px system-ui, sans-serif; }
            pre.code .ln:target { outline: 2px solid #0a5fb8; outline-offset: -2px; }

            table.problems td { overflow-wrap: anywhere; }

            @media (max-width: 900px) {
              body { padding: 1rem; }
              .compare { grid-template-columns: minmax(0, 1fr); }
              .cards { grid-template-columns: minmax(0, 1fr); }
            }
            @media print {
              body { max-width: none; padding: 0; font-size: 10pt; }
              a { color: inherit; text-decoration: none; }
              .toc { display: none; }
              pre.code { max-height: none; overflow: visible; font-size: 7.5pt; }
              details.target-result { break-inside: auto; }
              details.target-result > summary { list-style: none; }
              * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            }
            """;
}
