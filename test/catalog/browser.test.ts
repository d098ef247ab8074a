import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildCatalog } from '../../src/catalog/build-catalog';
import type { Catalog, CatalogProduct } from '../../src/catalog/catalog';
import { writeCatalog } from '../../src/catalog/write-catalog';
import { loadMesh } from '../../src/contract/mesh';
import { REFERENCE_CONTRACTS } from '../helpers/fixtures';
import { HOSTILE, hostileMesh } from './hostile-mesh';

/**
 * The generated catalog page in a real browser: Debian's Chromium (installed by .ci/run), driven
 * by playwright-core, opened from disk as a user would. Screenshots go to test-artifacts/.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts');
const available = fs.existsSync(CHROMIUM);
// Straight to stderr: jest drops console output of a file whose tests are all skipped.
if (!available) process.stderr.write(`SKIPPED: the catalog browser tests need Chromium at ${CHROMIUM} (apt-get install chromium); .ci/run installs it.\n`);
const describeInBrowser = available ? describe : describe.skip;

function writeSite(contractsDir: string): { catalog: Catalog; url: string } {
  const catalog = buildCatalog(loadMesh(contractsDir).value!, { environment: 'dev' });
  const { html } = writeCatalog(catalog, fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-site-')));
  return { catalog, url: pathToFileURL(html).href };
}

/** What the search box promises to match: id, name, domain, owner, description, column names and descriptions. */
function matches(product: CatalogProduct, word: string): boolean {
  return [product.id, product.name, product.domain, product.owner.team, product.owner.email, product.description, ...product.schema.flatMap((c) => [c.name, c.description ?? ''])]
    .join(' ')
    .toLowerCase()
    .includes(word);
}

describeInBrowser('the catalog page in Chromium', () => {
  let context: BrowserContext;
  let page: Page;
  /** Every request that left the page's own folder; there must be none. */
  const outside: string[] = [];
  const problems: string[] = [];
  const site = writeSite(REFERENCE_CONTRACTS);
  const visibleRows = () => page.locator('#products tbody tr:visible');

  beforeAll(async () => {
    context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
    });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await context?.close();
  });

  it('opens from disk with every product listed, no script error and no network', async () => {
    await page.goto(site.url);
    await page.screenshot({ path: path.join(ARTIFACTS, 'catalog-list.png'), fullPage: true });
    await expect(visibleRows().count()).resolves.toBe(site.catalog.products.length);
    await expect(page.textContent('#match-count')).resolves.toBe(`${site.catalog.products.length} of ${site.catalog.products.length} products`);
    expect(problems).toEqual([]);
    expect(outside).toEqual([]);
  });

  it.each([
    ['a column name', 'email'],
    ['an owner', 'payments-data'],
    ['a product name', 'refunds'],
    ['a word only in a product description', 'settlement'],
    ['a word only in a column description', 'ecb'],
  ])('searches by %s (%s)', async (_, word) => {
    await page.goto(site.url);
    await page.fill('#search', word);
    const expected = site.catalog.products.filter((p) => matches(p, word)).map((p) => p.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(site.catalog.products.length);
    await expect(visibleRows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-product')))).resolves.toEqual(expected);
  });

  it('says so when nothing matches', async () => {
    await page.goto(site.url);
    await page.fill('#search', 'no-such-column-anywhere');
    await expect(visibleRows().count()).resolves.toBe(0);
    await expect(page.isVisible('#no-match')).resolves.toBe(true);
  });

  it('filters products that contain PII, and by domain', async () => {
    await page.goto(site.url);
    await page.check('#pii-filter');
    const pii = site.catalog.products.filter((p) => p.containsPii);
    await expect(visibleRows().count()).resolves.toBe(pii.length);
    await page.selectOption('#domain-filter', 'payments');
    await expect(visibleRows().count()).resolves.toBe(pii.filter((p) => p.domain === 'payments').length);
    await page.uncheck('#pii-filter');
    await expect(visibleRows().count()).resolves.toBe(site.catalog.products.filter((p) => p.domain === 'payments').length);
  });

  it('filters by domain when a domain of the dependency graph is clicked, and shows the filtered table', async () => {
    await page.goto(site.url);
    await page.click('.dependency-graph .node[data-domain="sales"]');
    await expect(page.inputValue('#domain-filter')).resolves.toBe('sales');
    await expect(visibleRows().count()).resolves.toBe(site.catalog.products.filter((p) => p.domain === 'sales').length);
    // The table sits above the graph: after the click its filters are in the viewport.
    const filters = await page.locator('.filters').boundingBox();
    expect(filters!.y).toBeGreaterThanOrEqual(-1);
    expect(filters!.y).toBeLessThan(900);
  });

  it('opens a deep link with the product header in view, not scrolled past it', async () => {
    // A fresh load, not a fragment change of the page already open.
    await page.goto('about:blank');
    await page.goto(`${site.url}#product-sales.orders`);
    await page.waitForLoadState('load');
    await page.waitForTimeout(100);
    await expect(page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY)).resolves.toBe(0);
    const heading = await page.locator('#product-sales\\.orders-title').boundingBox();
    expect(heading!.y).toBeGreaterThanOrEqual(0);
    expect(heading!.y).toBeLessThan(300);
  });

  it.each([
    ['the product list', ''],
    ['a product page', '#product-sales.orders'],
  ])('fits %s into a 400 px wide window without sideways scrolling', async (_, hash) => {
    await page.setViewportSize({ width: 400, height: 800 });
    try {
      await page.goto(`${site.url}${hash}`);
      await page.waitForLoadState('load');
      await expect(page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(400);
      if (!hash) await page.screenshot({ path: path.join(ARTIFACTS, 'catalog-400px.png'), fullPage: false });
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('draws product lineage across domains on the list page; a product opens from it', async () => {
    await page.goto(site.url);
    const graph = page.locator('#list-view svg.lineage-graph');
    await expect(graph.locator('.lineage-edge').count()).resolves.toBe(site.catalog.lineage.length);
    await expect(graph.locator('.lineage-edge.cross-domain').count()).resolves.toBeGreaterThanOrEqual(2);
    await graph.scrollIntoViewIfNeeded();
    await graph.screenshot({ path: path.join(ARTIFACTS, 'catalog-lineage.png') });
    await graph.locator('.lineage-node[data-product="payments.refunds"]').click();
    await expect(page.locator('article[data-product="payments.refunds"]').isVisible()).resolves.toBe(true);
  });

  it("shows a product's upstream and downstream on its page, with the downstream a breaking change reaches", async () => {
    const refunds = site.catalog.products.find((p) => p.id === 'payments.refunds')!;
    await page.goto(`${site.url}#product-payments.refunds`);
    const lineage = page.locator('article[data-product="payments.refunds"] .lineage');
    await expect(lineage.locator('.upstream a').allTextContents()).resolves.toEqual(refunds.lineage.upstream.map((u) => u.id));
    await expect(lineage.locator('.downstream a').allTextContents()).resolves.toEqual(['sales.daily_store_sales']);
    await expect(lineage.locator('.impact').textContent()).resolves.toContain('reaches 1 product downstream: sales.daily_store_sales');
    await expect(lineage.locator('.lineage-node.focus').getAttribute('data-product')).resolves.toBe('payments.refunds');
    await page.locator('article[data-product="payments.refunds"]').screenshot({ path: path.join(ARTIFACTS, 'catalog-product-lineage.png') });
    await lineage.locator('.upstream a', { hasText: 'sales.orders' }).click();
    await expect(page.locator('article[data-product="sales.orders"] .lineage .downstream a').allTextContents()).resolves.toEqual(['payments.refunds', 'sales.daily_store_sales']);
    expect(problems).toEqual([]);
  });

  it('opens a product with its schema (PII marked), consumers, SLA and an Athena query', async () => {
    const orders = site.catalog.products.find((p) => p.id === 'sales.orders')!;
    await page.goto(site.url);
    await page.fill('#search', 'orders');
    await page.click('a[href="#product-sales.orders"]');
    const detail = page.locator('article[data-product="sales.orders"]');
    await expect(detail.isVisible()).resolves.toBe(true);
    await expect(page.isVisible('#list-view')).resolves.toBe(false);
    await expect(detail.locator('table.schema tbody tr').count()).resolves.toBe(orders.schema.length);
    await expect(detail.locator('tr.pii-column').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-column')))).resolves.toEqual(orders.schema.filter((c) => c.pii).map((c) => c.name));
    await expect(detail.locator('table.consumers tbody tr').count()).resolves.toBe(orders.consumers.length);
    await expect(detail.textContent()).resolves.toContain('at most 1h old');
    await expect(detail.locator('pre.athena').textContent()).resolves.toContain(`FROM "acme_dev_sales"."orders"`);
    await expect(page.title()).resolves.toMatch(/^sales\.orders - /);
    await page.screenshot({ path: path.join(ARTIFACTS, 'catalog-product.png'), fullPage: true });

    await page.click('article[data-product="sales.orders"] a.back');
    await expect(page.isVisible('#list-view')).resolves.toBe(true);
    await expect(detail.isVisible()).resolves.toBe(false);
    expect(problems).toEqual([]);
  });

  it('shows markup written in contracts as text and never runs it', async () => {
    const hostile = writeSite(hostileMesh());
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      return dialog.dismiss();
    });
    await page.goto(`${hostile.url}#product-shop.hostile`);
    const detail = page.locator('article[data-product="shop.hostile"]');
    await expect(detail.locator('p.description').textContent()).resolves.toBe(HOSTILE);
    await expect(page.evaluate(() => (globalThis as { __xss?: number }).__xss)).resolves.toBeUndefined();
    await expect(page.locator('img').count()).resolves.toBe(0);
    expect(dialogs).toBe(0);
    expect(outside).toEqual([]);
  });
});
