import { createHash } from 'crypto';
import * as path from 'path';
import { buildCatalog } from '../../src/catalog/build-catalog';
import { PAGE_SCRIPT, PAGE_STYLE } from '../../src/catalog/html/assets';
import { renderDependencyGraph } from '../../src/catalog/html/dependency-graph';
import { escapeHtml, html } from '../../src/catalog/html/escape';
import { renderCatalogPage } from '../../src/catalog/html/page';
import { loadMesh } from '../../src/contract/mesh';
import { FIXTURES, REFERENCE_CONTRACTS } from '../helpers/fixtures';
import { HOSTILE, hostileMesh } from './hostile-mesh';

const catalogOf = (dir: string) => buildCatalog(loadMesh(dir).value!, { environment: 'dev' });

describe('escaping', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('escapes interpolated text in markup but not nested markup', () => {
    expect(html`<p>${'<b>'}${html`<i>${'&'}</i>`}</p>`.value).toBe('<p>&lt;b&gt;<i>&amp;</i></p>');
  });
});

describe('the monitoring facts of a product page', () => {
  it('names the schedule and the alert topic', () => {
    const page = renderCatalogPage(catalogOf(path.join(FIXTURES, 'minimal')));
    expect(page).toContain('<code class="schedule">rate(1 hour)</code> (freshness): 2 rule(s) of ruleset <code>testco-dev-shop-orders-quality</code>');
    expect(page).toContain('SNS topic <code class="alert-topic">testco-dev-shop-alerts</code> to email shop-data@example.com');
  });
});

describe('the catalog page', () => {
  const page = renderCatalogPage(catalogOf(hostileMesh()));

  it('shows markup from contracts as text, in every place contract text appears', () => {
    const escaped = escapeHtml(HOSTILE);
    // Product description (list and detail), column description, quality rule description, consumer reason.
    expect(page.split(escaped).length - 1).toBeGreaterThanOrEqual(5);
    expect(page).not.toContain('<script>window.__xss');
    expect(page).not.toContain('<img');
    expect(page.match(/<script/g)).toHaveLength(1);
  });

  it('allows only its own script and style, by hash, and no network at all', () => {
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const csp = page.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)![1];
    expect(csp).toContain(`default-src 'none'`);
    expect(csp).toContain(`script-src ${hash(PAGE_SCRIPT)}`);
    expect(csp).toContain(`style-src ${hash(PAGE_STYLE)}`);
    expect(page).toContain(`<script>${PAGE_SCRIPT}</script>`);
    expect(page).toContain(`<style>${PAGE_STYLE}</style>`);
  });

  it('loads nothing from anywhere: no external script, stylesheet, image or font', () => {
    expect(page).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(page).not.toMatch(/@import|url\(/);
  });

  it('renders one list row and one detail view per product', () => {
    const catalog = catalogOf(REFERENCE_CONTRACTS);
    const reference = renderCatalogPage(catalog);
    expect(reference.match(/<tr data-product=/g)).toHaveLength(catalog.products.length);
    expect(reference.match(/<article class="detail"/g)).toHaveLength(catalog.products.length);
    expect(reference).toContain('<a href="#product-sales.orders">sales.orders</a>');
  });

  it('marks PII columns in the schema table', () => {
    const minimal = renderCatalogPage(catalogOf(path.join(FIXTURES, 'minimal')));
    expect(minimal).toMatch(/<tr data-column="customer_email" class="pii-column">/);
    expect(minimal).toMatch(/<tr data-column="order_id">/);
  });

  it('lets the search match names, owners, descriptions, column names and column descriptions', () => {
    const minimal = renderCatalogPage(catalogOf(path.join(FIXTURES, 'minimal')));
    const [searchable] = /data-search="([^"]*)"/.exec(minimal)!.slice(1);
    expect(searchable).toMatch(/^shop\.orders orders shop shop-data shop-data@example\.com one row per order placed in the web shop\. order_id /);
    const orders = catalogOf(path.join(FIXTURES, 'minimal')).products[0];
    for (const column of orders.schema) expect(searchable).toContain(`${column.name} ${(column.description ?? '').toLowerCase()}`.trim());
  });

  it('is the same for the same catalog', () => {
    const catalog = catalogOf(REFERENCE_CONTRACTS);
    expect(renderCatalogPage(catalog)).toBe(renderCatalogPage(catalog));
  });
});

describe('the domain dependency graph', () => {
  const catalog = catalogOf(REFERENCE_CONTRACTS);
  const svg = renderDependencyGraph(catalog.domains, catalog.dependencies).value;

  it('draws a node per domain and an arrow per dependency', () => {
    expect(svg.match(/<g class="node"/g)).toHaveLength(catalog.domains.length);
    expect(svg.match(/<g class="edge"/g)).toHaveLength(catalog.dependencies.length);
    expect(svg).toContain('<g class="edge" data-producer="sales" data-consumer="payments"><title>payments reads sales.daily_store_sales, sales.orders</title>');
  });

  it('says so when there are no domains', () => {
    expect(renderDependencyGraph([], []).value).toContain('No domains.');
  });

  it('draws a single domain without dependencies', () => {
    const one = renderDependencyGraph(catalog.domains.slice(0, 1), []).value;
    expect(one.match(/<g class="node"/g)).toHaveLength(1);
    expect(one).not.toContain('NaN');
  });
});
