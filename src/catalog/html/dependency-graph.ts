/**
 * Which domain consumes which, as an inline SVG drawn here (no library, no network). Domains sit
 * on a circle in name order, so the picture is the same on every run; an arrow points from the
 * producing domain to the consuming one, bent so that A -> B and B -> A stay apart.
 */
import type { CatalogDomain, DomainDependency } from '../catalog';
import { html, type SafeHtml } from './escape';

const NODE_RADIUS = 30;
/** Rough width of one character of a 14px bold label: enough to keep names inside the picture. */
const CHAR_WIDTH = 8.5;
const PADDING = 12;

interface Point {
  readonly x: number;
  readonly y: number;
}

export function renderDependencyGraph(domains: readonly CatalogDomain[], dependencies: readonly DomainDependency[]): SafeHtml {
  if (domains.length === 0) return html`<p class="empty">No domains.</p>`;
  const ring = domains.length === 1 ? 0 : Math.max(130, (domains.length * (2 * NODE_RADIUS + 50)) / (2 * Math.PI));
  const centre: Point = { x: 0, y: 0 };
  const positions = new Map(
    domains.map((domain, i) => {
      // Start at the top and go clockwise.
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / domains.length;
      return [domain.name, { x: ring * Math.cos(angle), y: ring * Math.sin(angle) }];
    }),
  );
  // The picture is cropped to its nodes and their names.
  const extents = domains.flatMap((domain) => {
    const at = positions.get(domain.name)!;
    const label = labelPlacement(at, centre);
    const width = domain.name.length * CHAR_WIDTH;
    const left = label.anchor === 'start' ? label.x : label.anchor === 'end' ? label.x - width : label.x - width / 2;
    return [
      { x: at.x - NODE_RADIUS, y: at.y - NODE_RADIUS },
      { x: at.x + NODE_RADIUS, y: at.y + NODE_RADIUS },
      { x: left, y: label.y - 14 },
      { x: left + width, y: label.y + 4 },
    ];
  });
  const box = { x: Math.min(...extents.map((p) => p.x)) - PADDING, y: Math.min(...extents.map((p) => p.y)) - PADDING, width: 0, height: 0 };
  box.width = Math.max(...extents.map((p) => p.x)) + PADDING - box.x;
  box.height = Math.max(...extents.map((p) => p.y)) + PADDING - box.y;
  const edges = dependencies.filter((d) => positions.has(d.producer) && positions.has(d.consumer)).map((d) => edge(d, positions.get(d.producer)!, positions.get(d.consumer)!));
  const nodes = domains.map((domain) => node(domain, positions.get(domain.name)!, centre));
  return html`<svg class="dependency-graph" role="img" aria-labelledby="graph-title" viewBox="${round(box.x)} ${round(box.y)} ${round(box.width)} ${round(box.height)}" width="${round(box.width)}" height="${round(box.height)}" xmlns="http://www.w3.org/2000/svg">
<title id="graph-title">Domain dependencies: an arrow points from the domain that owns products to the domain that reads them</title>
<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrow-head"/></marker></defs>
<g class="edges">${edges}</g>
<g class="nodes">${nodes}</g>
</svg>`;
}

/** A node with its product count inside and its name outside the ring, where no arrow runs. */
function node(domain: CatalogDomain, at: Point, centre: Point): SafeHtml {
  const label = labelPlacement(at, centre);
  return html`<g class="node" data-domain="${domain.name}"><title>${domain.name}: ${domain.products.length} product${domain.products.length === 1 ? '' : 's'}, owner ${domain.owner.team}</title>
<circle cx="${round(at.x)}" cy="${round(at.y)}" r="${NODE_RADIUS}"/>
<text x="${round(at.x)}" y="${round(at.y + 6)}" text-anchor="middle" class="count">${domain.products.length}</text>
<text x="${round(label.x)}" y="${round(label.y)}" text-anchor="${label.anchor}" class="label">${domain.name}</text></g>
`;
}

/** Where a node's name goes: on the side facing away from the centre of the ring. */
function labelPlacement(at: Point, centre: Point): Point & { readonly anchor: 'start' | 'middle' | 'end' } {
  const away = at.x === centre.x && at.y === centre.y ? { x: 0, y: 1 } : unit({ x: at.x - centre.x, y: at.y - centre.y });
  return {
    x: at.x + away.x * (NODE_RADIUS + 10),
    // Text hangs from its baseline: names below a node move down by a line.
    y: at.y + away.y * (NODE_RADIUS + 10) + 5 + (away.y > 0.5 ? 10 : 0),
    anchor: away.x > 0.3 ? 'start' : away.x < -0.3 ? 'end' : 'middle',
  };
}

function unit(v: Point): Point {
  const length = Math.hypot(v.x, v.y) || 1;
  return { x: v.x / length, y: v.y / length };
}

/** A quadratic curve from producer to consumer, bent to its left, ending at the node's rim. */
function edge(dependency: DomainDependency, from: Point, to: Point): SafeHtml {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  const normal = { x: -dy / length, y: dx / length };
  const bend = Math.min(40, length / 4);
  const control = { x: (from.x + to.x) / 2 + normal.x * bend, y: (from.y + to.y) / 2 + normal.y * bend };
  const start = towards(from, control, NODE_RADIUS + 2);
  const end = towards(to, control, NODE_RADIUS + 6);
  const label = { x: (start.x + 2 * control.x + end.x) / 4, y: (start.y + 2 * control.y + end.y) / 4 };
  const count = dependency.products.length;
  return html`<g class="edge" data-producer="${dependency.producer}" data-consumer="${dependency.consumer}"><title>${dependency.consumer} reads ${dependency.products.join(', ')}</title>
<path d="M${round(start.x)},${round(start.y)} Q${round(control.x)},${round(control.y)} ${round(end.x)},${round(end.y)}" marker-end="url(#arrow)"/>
<text x="${round(label.x)}" y="${round(label.y)}" text-anchor="middle" class="edge-label">${count}</text></g>
`;
}

/** The point `distance` away from `centre` in the direction of `target`. */
function towards(centre: Point, target: Point, distance: number): Point {
  const dx = target.x - centre.x;
  const dy = target.y - centre.y;
  const length = Math.hypot(dx, dy) || 1;
  return { x: centre.x + (dx / length) * distance, y: centre.y + (dy / length) * distance };
}

/** One decimal is plenty for a picture and keeps the output stable across platforms. */
function round(value: number): string {
  return (Math.round(value * 10) / 10).toFixed(1).replace(/\.0$/, '');
}
