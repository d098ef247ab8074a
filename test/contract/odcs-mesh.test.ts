import * as fs from 'fs';
import * as path from 'path';
import { formatContractError } from '../../src/contract/errors';
import { loadMesh } from '../../src/contract/mesh';
import { copyMesh, REFERENCE_CONTRACTS, writeFile } from '../helpers/fixtures';
import { messages, ODCS_FIXTURES } from '../helpers/odcs';

/** The minimal mesh (domain shop, native shop.orders) with ODCS fixtures dropped into its shop/ folder. */
function mixedMesh(files: Record<string, (text: string) => string> = {}): string {
  const dir = copyMesh();
  for (const [fixture, edit] of Object.entries(files)) {
    writeFile(dir, `shop/${fixture}`, edit(fs.readFileSync(path.join(ODCS_FIXTURES, fixture), 'utf8')));
  }
  return dir;
}
const asIs = (text: string) => text;

describe('a domain folder holds native and ODCS contracts side by side', () => {
  it('loads both into one mesh, sorted by id', () => {
    const { value, errors } = loadMesh(mixedMesh({ 'complete.odcs.yaml': asIs, 'minimal.odcs.yaml': asIs }));
    expect(errors.map(formatContractError)).toEqual([]);
    expect(value!.products.map((p) => `${p.id} (${p.source.format})`)).toEqual(['shop.order_events (odcs)', 'shop.orders (native)', 'shop.page_views (odcs)']);
  });

  it('puts an ODCS contract without `domain` in the domain of its folder', () => {
    const { value } = loadMesh(mixedMesh({ 'minimal.odcs.yaml': asIs }));
    expect(value!.products.find((p) => p.name === 'page_views')!.domain).toBe('shop');
  });

  it('requires `domain` to name a domain of the mesh', () => {
    const { errors } = loadMesh(mixedMesh({ 'complete.odcs.yaml': (t) => t.replace('domain: shop', 'domain: shops') }));
    expect(errors).toContainEqual(expect.objectContaining({ path: 'domain', message: '"shops" is not a domain of the mesh', hint: 'did you mean "shop"?' }));
    expect(messages(errors)).toContain('domain: contract declares domain "shops" but lives in folder "shop"');
  });

  it('resolves ODCS roles like native consumer domains, and points at the role when the domain is unknown', () => {
    const { errors } = loadMesh(mixedMesh({ 'complete.odcs.yaml': (t) => t.replace('  - role: shop\n', '  - role: shopp\n') }));
    expect(errors).toEqual([expect.objectContaining({ path: 'roles[0].role', message: 'unknown consumer domain "shopp"', hint: 'did you mean "shop"?' })]);
  });

  it('rejects a product id used by a native and an ODCS contract alike', () => {
    const { errors } = loadMesh(mixedMesh({ 'minimal.odcs.yaml': (t) => t.replace('name: page_views', 'name: orders') }));
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/^product id "shop.orders" is already used by /)]);
  });

  it('returns the warnings of every file next to a valid mesh', () => {
    const { value, warnings } = loadMesh(mixedMesh({ 'two-tables.odcs.yaml': asIs }));
    expect(value).toBeDefined();
    expect(messages(warnings)).toEqual(['schema[1]: schema object "cart_items" is not built: only the first table, "carts", becomes the Glue table']);
  });

  it('reports the errors of ODCS and native files in one run', () => {
    const dir = mixedMesh({ 'kafka-topic.odcs.yaml': asIs });
    fs.writeFileSync(path.join(dir, 'shop/orders.yaml'), fs.readFileSync(path.join(dir, 'shop/orders.yaml'), 'utf8').replace('format: parquet', 'format: parket'));
    expect(loadMesh(dir).errors.map((e) => `${path.basename(e.file)} ${e.path}`)).toEqual([
      'kafka-topic.odcs.yaml schema[0].physicalType',
      'kafka-topic.odcs.yaml servers[0].type',
      'orders.yaml output.format',
    ]);
  });
});

describe('the reference mesh', () => {
  const { value: mesh, warnings } = loadMesh(REFERENCE_CONTRACTS);

  it('mixes formats in the customer and payments domains', () => {
    const odcs = mesh!.products.filter((p) => p.source.format === 'odcs');
    expect(odcs.map((p) => p.id)).toEqual(['customer.marketing_consents', 'payments.sepa_mandates']);
    for (const domain of ['customer', 'payments']) {
      expect(new Set(mesh!.products.filter((p) => p.domain === domain).map((p) => p.source.format))).toEqual(new Set(['native', 'odcs']));
    }
  });

  it('has ODCS contracts that build and enforce everything they say', () => {
    expect(messages(warnings)).toEqual([]);
  });

  it('has ODCS contracts with an owner, an SLA, retention for PII, and key checks', () => {
    for (const product of mesh!.products.filter((p) => p.source.format === 'odcs')) {
      expect(product.owner.email).toMatch(/@/);
      expect(product.sla.freshnessMinutes).toBeDefined();
      expect(product.output.retentionDays).toBeDefined();
      expect(product.columns.some((c) => c.pii)).toBe(true);
      for (const key of product.columns.filter((c) => c.primaryKey)) {
        expect(product.quality).toContainEqual(expect.objectContaining({ kind: 'not_null', column: key.name }));
        expect(product.quality).toContainEqual(expect.objectContaining({ kind: 'unique', columns: [key.name] }));
      }
      expect([...product.columns, ...product.partitionKeys].every((c) => c.description && c.classificationDeclared)).toBe(true);
    }
  });
});
