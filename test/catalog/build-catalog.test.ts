import * as path from 'path';
import { athenaQuery } from '../../src/catalog/athena';
import { buildCatalog } from '../../src/catalog/build-catalog';
import { loadMesh } from '../../src/contract/mesh';
import type { MeshSpec } from '../../src/contract/model';
import type { Finding } from '../../src/governance/finding';
import { copyMesh, copyReversed, FIXTURES, REFERENCE_CONTRACTS, writeFile } from '../helpers/fixtures';

const load = (dir: string): MeshSpec => {
  const { value, errors } = loadMesh(dir);
  if (!value) throw new Error(errors.map((e) => e.message).join('\n'));
  return value;
};
const minimal = load(path.join(FIXTURES, 'minimal'));
const reference = load(REFERENCE_CONTRACTS);

const finding = (overrides: Partial<Finding>): Finding => ({ ruleId: 'DM101', severity: 'error', message: 'm', fix: 'f', productId: 'shop.orders', ...overrides });

describe('buildCatalog', () => {
  const catalog = buildCatalog(minimal, { environment: 'prod' });
  const orders = catalog.products[0];

  it("shows each product's quality schedule, its ruleset and the domain's alert channel", () => {
    expect(orders.monitoring).toEqual({
      evaluated: true,
      schedule: 'rate(1 hour)',
      cadenceSource: 'freshness',
      ruleset: 'testco-prod-shop-orders-quality',
      rulesEvaluated: 2,
      alertTopic: 'testco-prod-shop-alerts',
      alertEndpoints: [{ protocol: 'email', endpoint: 'shop-data@example.com' }],
    });
    const drafts = reference.products.filter((p) => p.status === 'draft').map((p) => p.id);
    const catalogued = buildCatalog(reference, { environment: 'dev' }).products.filter((p) => drafts.includes(p.id));
    expect(catalogued.map((p) => p.monitoring.evaluated)).toEqual(drafts.map(() => false));
  });

  it('gives the output port as an S3 URI and a Glue database.table, named as the stacks name them', () => {
    expect(orders.outputPort).toEqual({
      format: 'parquet',
      s3Uri: 's3://testco-prod-shop-orders/data/',
      glueDatabase: 'testco_prod_shop',
      glueTable: 'orders',
      table: 'testco_prod_shop.orders',
      partitionBy: ['order_date'],
      retentionDays: 400,
      deployed: true,
    });
  });

  it('carries id, domain, owner, version, status, description and SLA', () => {
    expect(orders).toMatchObject({
      id: 'shop.orders',
      domain: 'shop',
      version: '1.0.0',
      status: 'active',
      description: 'One row per order placed in the web shop.',
      owner: { team: 'shop-data', email: 'shop-data@example.com' },
      sla: { freshnessMinutes: 60, availabilityPercent: 99.9 },
    });
  });

  it('lists the schema with types, classification and PII flags, partition columns last', () => {
    expect(orders.schema.map((c) => [c.name, c.type, c.classification, c.pii, c.partitionKey])).toEqual([
      ['order_id', 'string', 'internal', false, false],
      ['customer_email', 'string', 'pii', true, false],
      ['total', 'decimal(12,2)', 'internal', false, false],
      ['items', 'array<struct<sku:string,quantity:int>>', 'internal', false, false],
      ['order_date', 'date', 'internal', false, true],
    ]);
    expect(orders.containsPii).toBe(true);
    expect(orders.classification).toBe('pii');
  });

  it('states each quality rule in a sentence', () => {
    expect(orders.quality.map((q) => q.summary)).toEqual(['order_id is never null', 'order_id is unique']);
  });

  it('lists consumers, domains and role ARNs alike', () => {
    expect(orders.consumers).toEqual([{ principal: 'arn:aws:iam::210987654321:role/central-bi', access: 'read', pii: false, reason: 'Company-wide revenue dashboards.' }]);
  });

  it('offers an Athena query that leaves out personal columns and prunes partitions', () => {
    expect(orders.athenaQuery).toBe(
      [
        '-- columns withheld without PII approval: customer_email',
        'SELECT "order_id", "total", "items", "order_date"',
        'FROM "testco_prod_shop"."orders"',
        `WHERE "order_date" >= current_date - INTERVAL '7' DAY`,
        'LIMIT 100;',
      ].join('\n'),
    );
  });

  it('leaves out a restricted column that is not personal, as Lake Formation withholds it too', () => {
    const spec = minimal.products.find((p) => p.name === 'orders')!;
    const product = { ...spec, columns: spec.columns.map((c) => (c.name === 'total' ? { ...c, classification: 'restricted' as const, pii: false } : c)) };
    const query = athenaQuery(product, 'db');
    expect(query.split('\n')[0]).toBe('-- columns withheld without PII approval: customer_email, total');
    expect(query).not.toContain('"total"');
  });

  it('marks governance as not evaluated when no findings are given, never as passed', () => {
    expect(catalog.governanceEvaluated).toBe(false);
    expect(orders.governance).toEqual({ status: 'not-evaluated', errors: 0, warnings: 0, waived: 0, findings: [] });
  });

  it.each([
    ['pass', 'it has no findings', []],
    ['pass', 'only another product has findings', [finding({ productId: 'shop.other' })]],
    ['warn', 'it has a warning', [finding({ severity: 'warning' })]],
    ['fail', 'it has an unwaived error', [finding({ severity: 'warning' }), finding({})]],
    ['pass', 'its only error is waived', [finding({ waiver: { reason: 'r', expires: '2099-01-01' } })]],
  ] as const)('summarizes governance as %s when %s', (status, _, findings) => {
    const summary = buildCatalog(minimal, { environment: 'dev', findings }).products[0].governance;
    expect(summary.status).toBe(status);
    expect(summary.findings).toHaveLength(findings.filter((f) => f.productId === 'shop.orders').length);
  });

  it('counts waived findings apart and keeps them visible', () => {
    const summary = buildCatalog(minimal, { environment: 'dev', findings: [finding({ waiver: { reason: 'r', expires: '2099-01-01' } })] }).products[0].governance;
    expect(summary).toMatchObject({ errors: 0, warnings: 0, waived: 1 });
    expect(summary.findings[0].waiver).toEqual({ reason: 'r', expires: '2099-01-01' });
  });
});

/** shop and finance read each other's products; a draft and a self-read add no dependency. */
function twoDomainMesh(): MeshSpec {
  const dir = copyMesh();
  const product = (domain: string, name: string, status: string, consumers: string[]) => `apiVersion: datamesh/v1
kind: DataProduct
id: ${domain}.${name}
domain: ${domain}
name: ${name}
version: "1.0.0"
status: ${status}
description: ${name}.
owner: { team: ${domain}-data, email: ${domain}-data@example.com }
output: { format: parquet }
schema:
  - { name: id, type: string, description: Key., primaryKey: true }
consumers:
${consumers.map((c) => `  - { domain: ${c}, access: read, reason: Reporting. }`).join('\n')}
`;
  writeFile(
    dir,
    'finance/domain.yaml',
    'apiVersion: datamesh/v1\nkind: Domain\nname: finance\ndescription: Money.\nowner: { team: finance-data, email: finance-data@example.com }\naccount: "210987654321"\nroles:\n  consumers: [arn:aws:iam::210987654321:role/finance-analyst]\n',
  );
  writeFile(dir, 'finance/ledger.yaml', product('finance', 'ledger', 'active', ['shop', 'finance']));
  writeFile(dir, 'shop/baskets.yaml', product('shop', 'baskets', 'active', ['finance']));
  writeFile(dir, 'shop/wishlists.yaml', product('shop', 'wishlists', 'draft', ['finance']));
  writeFile(dir, 'shop/carts.yaml', product('shop', 'carts', 'retired', ['finance']));
  return load(dir);
}

describe('domain dependencies', () => {
  const catalog = buildCatalog(twoDomainMesh(), { environment: 'dev' });

  it('come from the domain consumers of active and deprecated products, sorted', () => {
    expect(catalog.dependencies).toEqual([
      { producer: 'finance', consumer: 'shop', products: ['finance.ledger'] },
      { producer: 'shop', consumer: 'finance', products: ['shop.baskets'] },
    ]);
  });

  it('leave out drafts (nothing is built) and retired products (grants are dropped), but the catalog lists them', () => {
    expect(catalog.products.map((p) => [p.id, p.outputPort.deployed])).toEqual([
      ['finance.ledger', true],
      ['shop.baskets', true],
      ['shop.carts', true],
      ['shop.orders', true],
      ['shop.wishlists', false],
    ]);
  });
});

describe('buildCatalog on the reference mesh', () => {
  const catalog = buildCatalog(reference, { environment: 'dev' });

  it('lists every product and every domain with its products', () => {
    expect(catalog.products.map((p) => p.id)).toEqual(reference.products.map((p) => p.id));
    expect(catalog.domains.map((d) => [d.name, d.products])).toEqual(reference.domains.map((d) => [d.name, reference.products.filter((p) => p.domain === d.name).map((p) => p.id)]));
  });

  it('is the same, byte for byte, whatever order the files were read in', () => {
    const again = buildCatalog(load(copyReversed(REFERENCE_CONTRACTS)), { environment: 'dev' });
    // Source paths differ between the two folders; everything else must not.
    const strip = (json: string) => json.replace(/"file": "[^"]*"/g, '"file": ""');
    expect(strip(JSON.stringify(again, null, 2))).toBe(strip(JSON.stringify(catalog, null, 2)));
  });
});

describe('product lineage in catalog.json', () => {
  const catalog = buildCatalog(reference, { environment: 'dev' });
  const product = (id: string) => catalog.products.find((p) => p.id === id)!;

  it('lists every input as an edge from upstream to downstream, with its version range', () => {
    expect(catalog.lineage).toEqual([
      { upstream: 'customer.customer_profiles', downstream: 'customer.marketing_consents' },
      { upstream: 'payments.refunds', downstream: 'sales.daily_store_sales', versionRange: '^1.0.0' },
      { upstream: 'payments.transactions', downstream: 'payments.chargebacks' },
      { upstream: 'payments.transactions', downstream: 'payments.refunds' },
      { upstream: 'sales.orders', downstream: 'payments.refunds', versionRange: '^3.0.0' },
      { upstream: 'sales.orders', downstream: 'sales.daily_store_sales', versionRange: '^3.0.0' },
    ]);
  });

  it('gives each product its upstream and downstream, direct and transitive, across domains', () => {
    expect(product('sales.orders').lineage).toEqual({
      upstream: [],
      downstream: ['payments.refunds', 'sales.daily_store_sales'],
      allUpstream: [],
      allDownstream: ['payments.refunds', 'sales.daily_store_sales'],
    });
    expect(product('payments.transactions').lineage.allDownstream).toEqual(['payments.chargebacks', 'payments.refunds', 'sales.daily_store_sales']);
    expect(product('sales.daily_store_sales').lineage).toEqual({
      upstream: [
        { id: 'sales.orders', versionRange: '^3.0.0' },
        { id: 'payments.refunds', versionRange: '^1.0.0' },
      ],
      downstream: [],
      allUpstream: ['sales.orders', 'payments.refunds', 'payments.transactions'],
      allDownstream: [],
    });
  });
});
