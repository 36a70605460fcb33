"""The gap report's inline style (screen, phone, print) and its table-sorting script: no network,
no external file. The script marks the page `data-ok="1"` once every table is wired, and with
`#selftest` in the URL sorts every table both ways and checks the order (`data-selftest`).
"""

CSS = """
:root{--fg:#1b1b1b;--muted:#595959;--accent:#1f4e79;--gap:#b03a2e;--amount:#1f4e79;--line:#d9d9d9;--head:#eef3f8}
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;
color:var(--fg);background:#fff;line-height:1.45;font-size:16px}
header,nav,main,footer{max-width:1240px;margin:0 auto;padding:0 16px}
h1{font-size:1.6rem;margin:1rem 0 .25rem}
h2{font-size:1.2rem;margin:2rem 0 .5rem;color:var(--accent)}
h2 small{color:var(--muted);font-weight:normal}
.meta{color:var(--muted);margin:.25rem 0 1rem}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem .75rem;list-style:none;padding:0;margin:0 0 1rem}
nav a{color:var(--accent)}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:8px}
.card{border:1px solid var(--line);border-radius:6px;padding:8px 10px}
.card span{display:block;color:var(--muted);font-size:.85rem}
.card b{display:block;font-size:1.35rem}
#charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:0 40px;align-items:start}
#charts .amounts{min-width:0}
figure{margin:1rem 0}
figcaption{font-weight:600;margin-bottom:.25rem}
svg.chart{display:block;width:100%;max-width:560px;height:auto}
svg.chart text{font-size:12px;fill:var(--fg)}
svg.chart .track{fill:#eeeeee}
svg.chart .bar{fill:var(--gap)}
svg.chart .bar.amount{fill:var(--amount)}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;max-width:100%;border:1px solid var(--line);border-radius:4px}
table{border-collapse:collapse;width:100%;font-size:.85rem}
th,td{padding:4px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
td.n,th.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
table.sortable thead th{position:sticky;top:0;background:var(--head);cursor:pointer;user-select:none}
table.sortable thead th:focus{outline:2px solid var(--accent);outline-offset:-2px}
th[aria-sort=ascending]::after{content:" \\25B2"}
th[aria-sort=descending]::after{content:" \\25BC"}
tr.total td{font-weight:600;background:#f6f6f6}
td.c-household_id,td.c-person_id{white-space:nowrap}
td.c-reason{min-width:16rem}
td.c-reference,td.c-rule_label{min-width:8rem}
table.manifest th{width:30%;word-break:break-all;font-weight:normal;color:var(--muted)}
table.manifest td{word-break:break-all}
.note,.empty{color:var(--muted);font-size:.9rem}
footer{margin-top:2rem;padding-bottom:2rem;border-top:1px solid var(--line)}
@media (max-width:640px){
body{font-size:15px}
h1{font-size:1.3rem}
.hide-sm{display:none}
table{font-size:.8rem}
th,td{padding:3px 5px}
}
@media print{
nav,.noprint{display:none}
body{font-size:9.5pt}
header,main,footer{max-width:none;padding:0}
.scroll{overflow:visible;border:none}
table.sortable thead th{position:static;background:none;border-bottom:2px solid #000}
th[aria-sort]::after{content:""}
.hide-sm{display:table-cell}
tr,figure,.card{break-inside:avoid}
thead{display:table-header-group}
a{color:inherit;text-decoration:none}
svg.chart{max-width:100%}
}
"""

SCRIPT = r"""
(function () {
  "use strict";
  var root = document.documentElement;
  window.addEventListener("error", function (e) { root.setAttribute("data-error", String(e.message || e)); });
  var collator = (window.Intl && Intl.Collator) ? new Intl.Collator(root.lang || "en", {numeric: true, sensitivity: "base"}) : null;
  function cellKey(td, num) {
    if (!td) { return null; }
    if (num) {
      var v = td.getAttribute("data-v");
      if (v === null || v === "") { return null; }
      var x = parseFloat(v);
      return isNaN(x) ? null : x;
    }
    var t = td.textContent;
    return t === "" ? null : t;
  }
  function compare(a, b, num) {
    if (num) { return a - b; }
    if (collator) { return collator.compare(a, b); }
    return a < b ? -1 : (a > b ? 1 : 0);
  }
  function sortTable(table, col, dir) {
    var body = table.tBodies[0];
    var heads = table.tHead.rows[0].cells;
    var num = heads[col].getAttribute("data-type") === "num";
    var rows = Array.prototype.slice.call(body.rows);
    var keyed = rows.map(function (r) { return {r: r, k: cellKey(r.cells[col], num), i: +r.getAttribute("data-i")}; });
    keyed.sort(function (a, b) {
      if (a.k === null && b.k === null) { return a.i - b.i; }
      if (a.k === null) { return 1; }
      if (b.k === null) { return -1; }
      return dir * compare(a.k, b.k, num) || (a.i - b.i);
    });
    var frag = document.createDocumentFragment();
    keyed.forEach(function (x) { frag.appendChild(x.r); });
    body.appendChild(frag);
    for (var h = 0; h < heads.length; h++) { heads[h].removeAttribute("aria-sort"); }
    heads[col].setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
    return keyed;
  }
  function wire(table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      function go() { sortTable(table, col, th.getAttribute("aria-sort") === "ascending" ? -1 : 1); }
      th.addEventListener("click", go);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); go(); } });
    });
  }
  function restore(table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) { return +a.getAttribute("data-i") - +b.getAttribute("data-i"); });
    rows.forEach(function (r) { body.appendChild(r); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.removeAttribute("aria-sort"); });
  }
  function selftest(tables) {
    var problems = [];
    tables.forEach(function (table) {
      var heads = table.tHead.rows[0].cells;
      for (var col = 0; col < heads.length; col++) {
        var num = heads[col].getAttribute("data-type") === "num";
        [1, -1].forEach(function (dir) {
          var keyed = sortTable(table, col, dir);
          for (var i = 1; i < keyed.length; i++) {
            var a = keyed[i - 1].k, b = keyed[i].k;
            if (a !== null && b !== null && dir * compare(a, b, num) > 0) {
              problems.push(table.getAttribute("data-view") + ":" + heads[col].getAttribute("data-col"));
              break;
            }
            if (a === null && b !== null) { problems.push(table.getAttribute("data-view") + ":nulls"); break; }
          }
        });
      }
      restore(table);
    });
    root.setAttribute("data-selftest", problems.length ? "fail " + problems.join(",") : "pass");
  }
  var tables = Array.prototype.slice.call(document.querySelectorAll("table.sortable"));
  tables.forEach(wire);
  root.setAttribute("data-tables", String(tables.length));
  root.setAttribute("data-charts", String(document.querySelectorAll("svg.chart").length));
  if (location.hash === "#selftest") { selftest(tables); }
  root.setAttribute("data-overflow", String(Math.max(0, root.scrollWidth - window.innerWidth)));
  root.setAttribute("data-ok", "1");
})();
"""
