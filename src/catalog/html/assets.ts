/**
 * The page's stylesheet and script, inlined so the catalog is one file that opens from disk with
 * no server and no network. The script only shows and hides what the server already rendered
 * (and escaped): it never builds markup from data, so it cannot inject any.
 */

export const PAGE_STYLE = `
:root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --soft: #f6f8fa; --accent: #0969da; --pii: #a40e26; --pii-bg: #ffebe9; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header, main, footer { max-width: 1200px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 16px; border-bottom: 1px solid var(--line); }
header h1 { margin: 0 0 4px; font-size: 24px; }
header p, footer, .note, .empty { color: var(--muted); }
a { color: var(--accent); }
code, pre { font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 12px; overflow-x: auto; }
.filters { display: flex; flex-wrap: wrap; gap: 12px 20px; align-items: center; margin: 16px 0; }
.filters input[type=search] { width: 280px; padding: 6px 8px; font: inherit; }
.filters select { padding: 5px; font: inherit; }
#match-count { color: var(--muted); margin-left: auto; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--soft); font-weight: 600; }
tr[hidden] { display: none; }
table.schema td:nth-child(2) code, table.consumers code { overflow-wrap: anywhere; }
table.schema td:first-child, #products td:nth-child(2) { white-space: nowrap; }
.badge { white-space: nowrap; display: inline-block; font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 10px; border: 1px solid var(--line); background: var(--soft); vertical-align: middle; }
.badge.pii, .pii-column .badge { color: var(--pii); background: var(--pii-bg); border-color: #ffcecb; }
tr.pii-column td:first-child { border-left: 3px solid var(--pii); }
.status-active, .governance-pass { color: #1a7f37; }
.status-deprecated, .governance-warn { color: #9a6700; }
.status-retired, .status-draft, .governance-not-evaluated { color: var(--muted); }
.governance-fail, .finding.error { color: var(--pii); }
.version { color: var(--muted); font-weight: 400; font-size: 16px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
article.detail { display: none; }
/* A deep link scrolls the browser to the product; the margin keeps the page and product header in view. */
article.detail { scroll-margin-top: 100vh; }
article.detail:target, article.detail.open { display: block; }
.dependency-graph { max-width: 100%; height: auto; }
.dependency-graph circle { fill: #ddf4ff; stroke: var(--accent); stroke-width: 2; }
.dependency-graph .node { cursor: pointer; }
.dependency-graph .node:hover circle { fill: #b6e3ff; }
.dependency-graph .label { font-size: 14px; font-weight: 600; fill: var(--fg); }
.dependency-graph .count { font-size: 16px; fill: var(--accent); }
.dependency-graph path { fill: none; stroke: var(--muted); stroke-width: 1.6; }
.dependency-graph .arrow-head { fill: var(--muted); stroke: none; }
.dependency-graph .edge-label { font-size: 12px; fill: var(--muted); }
.lineage-graph { display: block; max-width: 100%; height: auto; margin: 8px 0 16px; }
.lineage-graph rect { fill: #ddf4ff; stroke: var(--accent); stroke-width: 1.5; }
.lineage-graph .domain-1 rect { fill: #fff8c5; stroke: #9a6700; }
.lineage-graph .domain-2 rect { fill: #dafbe1; stroke: #1a7f37; }
.lineage-graph .domain-3 rect { fill: #fbefff; stroke: #8250df; }
.lineage-graph .domain-4 rect { fill: #ffefe6; stroke: #bc4c00; }
.lineage-graph .domain-5 rect { fill: #f6f8fa; stroke: var(--muted); }
.lineage-graph .focus rect { stroke-width: 3.5; }
.lineage-graph .lineage-node:hover rect { filter: brightness(0.93); }
.lineage-graph text { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; fill: var(--fg); }
.lineage-graph .focus text { font-weight: 700; }
.lineage-graph path { fill: none; stroke: var(--muted); stroke-width: 1.4; }
.lineage-graph .cross-domain path { stroke-dasharray: 5 3; }
.lineage-graph .arrow-head { fill: var(--muted); stroke: none; }
.table-scroll { overflow-x: auto; }
dl.facts dd { overflow-wrap: anywhere; min-width: 0; }
@media (max-width: 640px) {
  header, main, footer { padding: 0 10px; }
  .filters input[type=search] { width: 100%; }
  #match-count { margin-left: 0; }
  #products th:nth-child(2), #products td:nth-child(2), #products th:nth-child(3), #products td:nth-child(3), #products th:nth-child(5), #products td:nth-child(5) { display: none; }
  #products td:first-child a { overflow-wrap: anywhere; }
  dl.facts { grid-template-columns: 1fr; }
}
footer { border-top: 1px solid var(--line); padding: 12px 20px 24px; font-size: 13px; }
`;

export const PAGE_SCRIPT = `
(function () {
  'use strict';
  var search = document.getElementById('search');
  var domain = document.getElementById('domain-filter');
  var pii = document.getElementById('pii-filter');
  var count = document.getElementById('match-count');
  var none = document.getElementById('no-match');
  var listView = document.getElementById('list-view');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#products tbody tr'));
  var details = Array.prototype.slice.call(document.querySelectorAll('article.detail'));
  var title = document.title;

  // Every word must appear in the product's name, owner, description, or a column's name or description.
  function applyFilters() {
    var words = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var text = row.getAttribute('data-search');
      var match = words.every(function (word) { return text.indexOf(word) !== -1; }) &&
        (domain.value === '' || row.getAttribute('data-domain') === domain.value) &&
        (!pii.checked || row.getAttribute('data-pii') === 'true');
      row.hidden = !match;
      if (match) shown += 1;
    });
    count.textContent = shown + ' of ' + rows.length + ' products';
    none.hidden = shown > 0;
  }

  // #product-<id> opens that product; anything else shows the list.
  function route() {
    var target = decodeURIComponent(window.location.hash.slice(1));
    var open = null;
    details.forEach(function (article) {
      var isOpen = article.id === target;
      article.classList.toggle('open', isOpen);
      if (isOpen) open = article;
    });
    listView.hidden = open !== null;
    document.title = open ? open.getAttribute('data-product') + ' - ' + title : title;
    // A product opens at the top of the page, its header in view, not where the browser scrolled to the fragment.
    if (open) window.scrollTo(0, 0);
  }

  Array.prototype.slice.call(document.querySelectorAll('.dependency-graph .node')).forEach(function (node) {
    node.addEventListener('click', function () {
      domain.value = node.getAttribute('data-domain');
      applyFilters();
      // The filtered table is above the graph: bring it into view.
      document.querySelector('.filters').scrollIntoView({ block: 'start' });
    });
  });
  search.addEventListener('input', applyFilters);
  domain.addEventListener('change', applyFilters);
  pii.addEventListener('change', applyFilters);
  window.addEventListener('hashchange', route);
  applyFilters();
  route();
})();
`;
