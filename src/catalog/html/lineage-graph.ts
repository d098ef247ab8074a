/**
 * Product lineage as an inline SVG: products in columns by depth (a product sits one column right
 * of its deepest input), left to right from sources to the products derived from them. Inputs
 * cannot form a cycle (the loader refuses one), so every product has a depth. Nodes are links to
 * the product pages (`#product-<id>`, as product-detail.ts names them); a domain's products share a colour band so crossing domains is visible.
 */
import type { LineageEdge } from '../catalog';
import { html, type SafeHtml } from './escape';

const NODE_HEIGHT = 30;
const ROW_GAP = 14;
const COLUMN_GAP = 56;
const CHAR_WIDTH = 7.4;
const PADDING = 8;
const LANE_GAP = 14;

export interface LineageGraphOptions {
  /** The product whose page shows the graph: drawn highlighted. */
  readonly focus?: string;
  /** Accessible title. */
  readonly title: string;
  /** Every domain of the catalog, so a domain keeps its colour on every page. */
  readonly domains: readonly string[];
}

export function renderLineageGraph(edges: readonly LineageEdge[], options: LineageGraphOptions): SafeHtml {
  const ids = [...new Set(edges.flatMap((e) => [e.upstream, e.downstream]))].sort();
  if (ids.length === 0) return html``;
  const depth = depths(ids, edges);
  const columns: string[][] = [];
  for (const id of ids) (columns[depth.get(id)!] ??= []).push(id);
  const width = Math.max(...ids.map((id) => id.length)) * CHAR_WIDTH + 20;
  const at = new Map<string, { x: number; y: number }>();
  columns.forEach((column, c) => column.forEach((id, r) => at.set(id, { x: PADDING + c * (width + COLUMN_GAP), y: PADDING + r * (NODE_HEIGHT + ROW_GAP) })));
  const rows = Math.max(...columns.map((c) => c.length));
  const rowsBottom = PADDING + rows * NODE_HEIGHT + (rows - 1) * ROW_GAP;
  // An edge that skips a column would run behind the products in it: it takes a lane below them.
  const long = edges.filter((e) => depth.get(e.downstream)! - depth.get(e.upstream)! > 1);
  const box = { width: PADDING * 2 + columns.length * width + (columns.length - 1) * COLUMN_GAP, height: rowsBottom + PADDING + long.length * LANE_GAP };
  const edgeMarks = edges.map((e) => {
    const from = at.get(e.upstream)!;
    const to = at.get(e.downstream)!;
    const [x1, y1, x2, y2] = [from.x + width, from.y + NODE_HEIGHT / 2, to.x - 4, to.y + NODE_HEIGHT / 2];
    const mid = (x1 + x2) / 2;
    const lane = long.indexOf(e);
    const laneY = rowsBottom + (lane + 1) * LANE_GAP - LANE_GAP / 3;
    const d =
      lane < 0
        ? `M${round(x1)},${round(y1)} C${round(mid)},${round(y1)} ${round(mid)},${round(y2)} ${round(x2)},${round(y2)}`
        : `M${round(x1)},${round(y1)} C${round(x1 + COLUMN_GAP / 2)},${round(y1)} ${round(x1)},${round(laneY)} ${round(x1 + COLUMN_GAP / 2)},${round(laneY)} L${round(x2 - COLUMN_GAP / 2)},${round(laneY)} C${round(x2)},${round(laneY)} ${round(x2 - COLUMN_GAP / 2)},${round(y2)} ${round(x2)},${round(y2)}`;
    const crossDomain = domainOf(e.upstream) !== domainOf(e.downstream);
    return html`<g class="lineage-edge${crossDomain ? ' cross-domain' : ''}" data-upstream="${e.upstream}" data-downstream="${e.downstream}"><title>${e.downstream} is derived from ${e.upstream}${e.versionRange ? ` ${e.versionRange}` : ''}</title>
<path d="${d}" marker-end="url(#lineage-arrow)"/></g>
`;
  });
  const nodes = ids.map((id) => {
    const p = at.get(id)!;
    const focus = id === options.focus;
    return html`<a href="#product-${id}" class="lineage-node domain-${domainIndex(id, options.domains)}${focus ? ' focus' : ''}" data-product="${id}"><title>${id}</title>
<rect x="${round(p.x)}" y="${round(p.y)}" width="${round(width)}" height="${NODE_HEIGHT}" rx="6"/>
<text x="${round(p.x + 10)}" y="${round(p.y + NODE_HEIGHT / 2 + 5)}">${id}</text></a>
`;
  });
  return html`<svg class="lineage-graph" role="img" aria-label="${options.title}" viewBox="0 0 ${round(box.width)} ${round(box.height)}" width="${round(box.width)}" height="${round(box.height)}" xmlns="http://www.w3.org/2000/svg">
<defs><marker id="lineage-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" class="arrow-head"/></marker></defs>
<g class="lineage-edges">${edgeMarks}</g>
<g class="lineage-nodes">${nodes}</g>
</svg>`;
}

/** The edges among a product's upstream and downstream products, transitively, for its page. */
export function neighbourhood(edges: readonly LineageEdge[], id: string, allUpstream: readonly string[], allDownstream: readonly string[]): LineageEdge[] {
  const near = new Set([id, ...allUpstream, ...allDownstream]);
  return edges.filter((e) => near.has(e.upstream) && near.has(e.downstream));
}

/** Longest path from a source: a product is drawn right of all its inputs. */
function depths(ids: readonly string[], edges: readonly LineageEdge[]): Map<string, number> {
  const depth = new Map(ids.map((id) => [id, 0]));
  // At most ids.length rounds on an acyclic graph; the bound keeps a cycle (never loaded) finite.
  for (let round = 0; round < ids.length; round++) {
    let moved = false;
    for (const e of edges) {
      const next = depth.get(e.upstream)! + 1;
      if (next > depth.get(e.downstream)!) {
        depth.set(e.downstream, next);
        moved = true;
      }
    }
    if (!moved) break;
  }
  return depth;
}

const domainOf = (id: string) => id.split('.')[0];

/** A stable colour slot per domain (0-5), by the domain's rank among the catalog's domains. */
function domainIndex(id: string, domains: readonly string[]): number {
  return Math.max(0, [...domains].sort().indexOf(domainOf(id))) % 6;
}

function round(value: number): string {
  return (Math.round(value * 10) / 10).toFixed(1).replace(/\.0$/, '');
}
