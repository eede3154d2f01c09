/// The style sheet and script inlined in the HTML page (no external fonts or files: the page must
/// work offline). The fonts are the CJK system fonts of each platform, so that Chinese reads
/// well without shipping a font.
enum HTMLAssets {
  static let style = """
    :root {
      --ink: #1f2328; --muted: #59636e; --rule: #d1d9e0; --paper: #ffffff; --panel: #f6f8fa;
      --error: #c62828; --error-bg: #fde2e1; --warning: #9a6700; --warning-bg: #fff1c2;
      --information: #0b5cad; --information-bg: #dbeafe; --hint: #59636e; --hint-bg: #eaeef2;
      --sans: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
        "WenQuanYi Micro Hei", sans-serif;
      --mono: "Noto Sans Mono CJK SC", "Sarasa Mono SC", "Source Han Mono SC", "DejaVu Sans Mono", Menlo, Consolas,
        monospace;
    }
    * { box-sizing: border-box; }
    html { scroll-padding-top: 5rem; }
    body { margin: 0; font-family: var(--sans); color: var(--ink); background: var(--panel);
      font-size: 15px; line-height: 1.7; text-rendering: optimizeLegibility; }
    header.top { position: sticky; top: 0; z-index: 2; background: var(--paper); border-bottom: 1px solid var(--rule);
      padding: .6rem 1.5rem; display: flex; flex-wrap: wrap; align-items: baseline; gap: .4rem 1.5rem; }
    header.top h1 { font-size: 1.25rem; margin: 0; font-weight: 600; letter-spacing: .05em; }
    header.top p { margin: 0; color: var(--muted); }
    kbd { font-family: var(--mono); font-size: .85em; border: 1px solid var(--rule); border-bottom-width: 2px;
      border-radius: 4px; padding: 0 .3em; background: var(--panel); }
    main { padding: 1rem 1.5rem 4rem; max-width: 1600px; margin: 0 auto; }
    section { background: var(--paper); border: 1px solid var(--rule); border-radius: 8px; padding: 1rem 1.25rem;
      margin-bottom: 1.5rem; }
    h2 { font-size: 1.1rem; margin: 0 0 .75rem; font-weight: 600; word-break: break-all; }
    table { border-collapse: collapse; width: 100%; }
    th, td { border-bottom: 1px solid var(--rule); padding: .35rem .6rem; text-align: left; vertical-align: top; }
    th { font-weight: 600; color: var(--muted); white-space: nowrap; }
    td.n { text-align: right; font-variant-numeric: tabular-nums; }
    td.n.sev-error:not(:empty) { font-weight: 600; }
    .failed { color: var(--error); }
    .sev-error { color: var(--error); } .sev-warning { color: var(--warning); }
    .sev-information { color: var(--information); } .sev-hint { color: var(--hint); }
    .columns { display: grid; grid-template-columns: minmax(16rem, 22rem) minmax(0, 1fr); gap: 1rem; }
    nav.list { position: sticky; top: 4.5rem; align-self: start; max-height: calc(100vh - 6rem); overflow: auto;
      border-right: 1px solid var(--rule); padding-right: .75rem; font-size: 13.5px; }
    nav.list ol { margin: 0; padding-left: 1.6rem; }
    nav.list li { margin: .15rem 0; }
    nav.list a { text-decoration: none; display: block; border-radius: 4px; padding: .1rem .3rem; }
    nav.list a:hover, nav.list a.current { background: var(--panel); outline: 1px solid var(--rule); }
    nav.list .where { color: var(--muted); font-size: .9em; }
    .code { font-family: var(--mono); font-size: .85em; }
    .text { font-family: var(--mono); font-size: 13.5px; line-height: 1.65; overflow-x: auto; }
    .line { display: flex; white-space: pre; min-height: 1.65em; }
    .line .ln { flex: none; width: 3.5em; padding-right: .75em; text-align: right; color: #8c959f; user-select: none; }
    .line .t { flex: 1; }
    mark.hl { color: inherit; border-radius: 2px; padding: 1px 0; box-shadow: inset 0 -2px 0 currentColor; }
    mark.hl.sev-error { background: var(--error-bg); box-shadow: inset 0 -2px 0 var(--error); }
    mark.hl.sev-warning { background: var(--warning-bg); box-shadow: inset 0 -2px 0 var(--warning); }
    mark.hl.sev-information { background: var(--information-bg); box-shadow: inset 0 -2px 0 var(--information); }
    mark.hl.sev-hint { background: var(--hint-bg); box-shadow: inset 0 -2px 0 var(--hint); }
    mark.hl.caret { display: inline-block; width: .5em; height: 1.2em; vertical-align: text-bottom; }
    mark.hl.current { outline: 2px solid var(--ink); outline-offset: 1px; }
    .note { font-family: var(--sans); white-space: normal; margin: .3rem 0 .6rem 3.5em; padding: .45rem .8rem;
      border-left: 4px solid currentColor; background: var(--panel); border-radius: 0 6px 6px 0; color: var(--ink);
      max-width: 60rem; font-size: 14px; line-height: 1.7; }
    .note.sev-error { border-left-color: var(--error); } .note.sev-warning { border-left-color: var(--warning); }
    .note.sev-information { border-left-color: var(--information); } .note.sev-hint { border-left-color: var(--hint); }
    .note.current { box-shadow: 0 0 0 2px var(--ink); }
    .note:focus { outline: none; }
    .note .head { display: flex; gap: .6rem; align-items: baseline; flex-wrap: wrap; }
    .note .badge { font-weight: 600; font-size: .85em; padding: 0 .45em; border-radius: 3px; color: #fff; }
    .note.sev-error .badge { background: var(--error); } .note.sev-warning .badge { background: var(--warning); }
    .note.sev-information .badge { background: var(--information); } .note.sev-hint .badge { background: var(--hint); }
    .note .where { color: var(--muted); font-size: .9em; }
    .note .message { margin: .2rem 0 0; }
    .note ul { margin: .25rem 0 0; padding-left: 1.2rem; }
    .note del { background: var(--error-bg); text-decoration-color: var(--error); font-family: var(--mono); }
    .note ins { background: #dafbe1; text-decoration: none; font-family: var(--mono); }
    .page-break { font-family: var(--sans); color: var(--muted); font-size: 12px; margin: .6rem 0 .3rem 3.5em;
      border-top: 1px dashed var(--rule); padding-top: .2rem; }
    .note-line { color: var(--muted); }
    @media (max-width: 900px) { .columns { grid-template-columns: 1fr; } nav.list { position: static; max-height: 16rem;
      border-right: 0; } }
    @media print { header.top, nav.list { position: static; } .columns { display: block; } }
    """

  /// j/n and k/p move through the findings of the whole page in order, g goes back to the
  /// summary; the current finding's note and marks are outlined and its entry in the list shown.
  static let script = """
    (function () {
      "use strict";
      var notes = Array.prototype.slice.call(document.querySelectorAll(".note"));
      var current = -1;
      function show(index) {
        if (!notes.length) { return; }
        index = Math.max(0, Math.min(notes.length - 1, index));
        document.querySelectorAll(".current").forEach(function (element) { element.classList.remove("current"); });
        var note = notes[index];
        var section = note.closest(".file");
        var finding = note.getAttribute("data-f");
        note.classList.add("current");
        section.querySelectorAll("mark.hl").forEach(function (mark) {
          if ((" " + mark.getAttribute("data-f") + " ").indexOf(" " + finding + " ") >= 0) {
            mark.classList.add("current");
          }
        });
        var link = section.querySelector('nav.list a[href="#' + note.id + '"]');
        if (link) { link.classList.add("current"); link.scrollIntoView({ block: "nearest" }); }
        note.scrollIntoView({ block: "center" });
        note.focus({ preventScroll: true });
        current = index;
        history.replaceState(null, "", "#" + note.id);
      }
      document.addEventListener("keydown", function (event) {
        if (event.ctrlKey || event.metaKey || event.altKey) { return; }
        var target = event.target;
        if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) { return; }
        if (event.key === "j" || event.key === "n") { show(current + 1); event.preventDefault(); }
        else if (event.key === "k" || event.key === "p") { show(current < 0 ? 0 : current - 1); event.preventDefault(); }
        else if (event.key === "g") { document.getElementById("summary").scrollIntoView(); current = -1; }
      });
      document.addEventListener("click", function (event) {
        var link = event.target.closest && event.target.closest('a[href^="#f-"]');
        if (!link) { return; }
        var index = notes.indexOf(document.getElementById(link.getAttribute("href").slice(1)));
        if (index >= 0) { show(index); event.preventDefault(); }
      });
      if (location.hash.indexOf("#f-") === 0) {
        var start = notes.indexOf(document.getElementById(location.hash.slice(1)));
        if (start >= 0) { show(start); }
      }
    })();
    """
}
