import * as fs from 'fs';
import * as path from 'path';
import { buildLineage, downstreamOf, upstreamOf } from '../../src/contract/lineage';
import { loadMesh, loadProductText } from '../../src/contract/mesh';
import { exportOdcs } from '../../src/contract/odcs';
import { governContracts } from '../../src/governance/evaluate';
import { copyMesh, editFile, FIXTURES, lineOf, REFERENCE_CONTRACTS, writeFile } from '../helpers/fixtures';

/** The minimal mesh plus shop.<name>, a copy of shop.orders with `extra` appended (e.g. its inputs). */
function withProduct(dir: string, name: string, extra: string): string {
  const orders = fs.readFileSync(path.join(dir, 'shop', 'orders.yaml'), 'utf8');
  return writeFile(dir, `shop/${name}.yaml`, `${orders.replace('id: shop.orders', `id: shop.${name}`).replace('name: orders', `name: ${name}`)}${extra}`);
}

describe('product inputs (lineage)', () => {
  it('reads inputs as plain ids or with a version range, at their lines', () => {
    const dir = copyMesh();
    const file = withProduct(dir, 'daily_totals', 'inputs:\n  - shop.orders\n');
    withProduct(dir, 'weekly_totals', 'inputs:\n  - product: shop.daily_totals\n    version: "^1.0.0"\n');
    const { value: mesh, errors } = loadMesh(dir);
    expect(errors).toEqual([]);
    const daily = mesh!.products.find((p) => p.id === 'shop.daily_totals')!;
    expect(daily.inputs).toEqual([
      { product: 'shop.orders', location: { file: expect.stringContaining('daily_totals.yaml'), line: lineOf(fs.readFileSync(file, 'utf8'), '- shop.orders'), column: 5 } },
    ]);
    expect(mesh!.products.find((p) => p.id === 'shop.weekly_totals')!.inputs).toEqual([expect.objectContaining({ product: 'shop.daily_totals', versionRange: '^1.0.0' })]);
    const lineage = buildLineage(mesh!.products);
    expect(downstreamOf(lineage, 'shop.orders')).toEqual(['shop.daily_totals', 'shop.weekly_totals']);
    expect(upstreamOf(lineage, 'shop.weekly_totals')).toEqual(['shop.daily_totals', 'shop.orders']);
  });

  it('reads ODCS inputs from the datameshInputs custom property', () => {
    const dir = copyMesh();
    const odcs = fs.readFileSync(path.join(FIXTURES, 'odcs', 'minimal.odcs.yaml'), 'utf8');
    writeFile(dir, 'shop/page_views.odcs.yaml', `${odcs}customProperties:\n  - property: datameshInputs\n    value:\n      - product: shop.orders\n        version: ">=1.0.0"\n`);
    const { value: mesh, errors } = loadMesh(dir);
    expect(errors).toEqual([]);
    expect(mesh!.products.find((p) => p.id === 'shop.page_views')!.inputs).toEqual([expect.objectContaining({ product: 'shop.orders', versionRange: '>=1.0.0' })]);
  });

  it('exports inputs to ODCS as datameshInputs, which read back the same', () => {
    const daily = loadMesh(REFERENCE_CONTRACTS).value!.products.find((p) => p.id === 'sales.daily_store_sales')!;
    const text = exportOdcs(daily);
    expect(text).toMatch(/- property: datameshInputs\n\s+value:\n\s+- product: sales\.orders\n\s+version: \^3\.0\.0/);
    const back = loadProductText('sales/daily_store_sales.odcs.yaml', text, 'sales');
    expect(back.errors).toEqual([]);
    expect(back.value!.inputs!.map(({ product, versionRange }) => ({ product, versionRange }))).toEqual(daily.inputs!.map(({ product, versionRange }) => ({ product, versionRange })));
  });

  it('refuses an unknown input at its line, with a suggestion', () => {
    const dir = copyMesh();
    const file = withProduct(dir, 'daily_totals', 'inputs:\n  - shop.order\n');
    const { errors } = loadMesh(dir);
    expect(errors).toEqual([
      expect.objectContaining({
        line: lineOf(fs.readFileSync(file, 'utf8'), '- shop.order'),
        path: 'inputs[0]',
        message: 'input "shop.order" is not a product of the mesh',
        hint: 'did you mean "shop.orders"?',
      }),
    ]);
  });

  it('does not call an input unknown when the contract it may name failed to load', () => {
    const dir = copyMesh();
    withProduct(dir, 'daily_totals', 'inputs:\n  - shop.orders\n');
    editFile(dir, 'shop/orders.yaml', (t) => t.replace('format: parquet', 'format: parquett'));
    expect(loadMesh(dir).errors.map((e) => `${path.basename(e.file)} ${e.path}`)).toEqual(['orders.yaml output.format']);
  });

  it('refuses a cycle once, at the input that closes it', () => {
    const dir = copyMesh();
    withProduct(dir, 'daily_totals', 'inputs:\n  - shop.orders\n');
    withProduct(dir, 'weekly_totals', 'inputs:\n  - shop.daily_totals\n');
    const orders = editFile(dir, 'shop/orders.yaml', (t) => `${t}inputs:\n  - shop.weekly_totals\n`);
    const { errors } = loadMesh(dir);
    expect(errors).toEqual([
      expect.objectContaining({
        file: expect.stringContaining('daily_totals.yaml'),
        path: 'inputs[0]',
        message: 'inputs form a cycle: shop.daily_totals -> shop.orders -> shop.weekly_totals -> shop.daily_totals (each derived from the next)',
      }),
    ]);
    expect(errors[0].line).toBe(lineOf(fs.readFileSync(orders.replace('orders.yaml', 'daily_totals.yaml'), 'utf8'), '- shop.orders'));
  });

  it('refuses a product derived from itself', () => {
    const dir = copyMesh();
    editFile(dir, 'shop/orders.yaml', (t) => `${t}inputs:\n  - shop.orders\n`);
    expect(loadMesh(dir).errors.map((e) => e.message)).toEqual(['shop.orders names itself as an input']);
  });

  it('refuses a range semver cannot read; one the input has moved past is a finding (DM120), so the mesh still loads', () => {
    const dir = copyMesh();
    withProduct(dir, 'weekly_totals', 'inputs:\n  - product: shop.orders\n    version: "one or two"\n');
    expect(loadMesh(dir).errors.map((e) => `${path.basename(e.file)} ${e.path}: ${e.message}`)).toEqual(['weekly_totals.yaml inputs[0].version: "one or two" is not a semver range']);
    const moved = copyMesh();
    const file = withProduct(moved, 'daily_totals', 'inputs:\n  - product: shop.orders\n    version: "^2.0.0"\n');
    const { value: mesh, errors } = loadMesh(moved);
    expect(errors).toEqual([]);
    const findings = governContracts(mesh!, { today: '2026-11-21' }).findings.filter((f) => f.ruleId === 'DM120');
    expect(findings.map((f) => [f.message, f.location!.line])).toEqual([
      ['input shop.orders of shop.daily_totals is at version 1.0.0, outside the range "^2.0.0"', lineOf(fs.readFileSync(file, 'utf8'), '- product: shop.orders')],
    ]);
  });

  it('refuses an input that is not <domain>.<name>, by schema, at its line', () => {
    const dir = copyMesh();
    const file = withProduct(dir, 'daily_totals', 'inputs:\n  - orders\n');
    const [error] = loadMesh(dir).errors;
    expect(error).toMatchObject({ path: 'inputs[0]', line: lineOf(fs.readFileSync(file, 'utf8'), '- orders') });
  });

  it('gives the reference mesh lineage across domains', () => {
    const { value: mesh } = loadMesh(REFERENCE_CONTRACTS);
    const lineage = buildLineage(mesh!.products);
    const crossDomain = [...lineage.upstream].flatMap(([id, inputs]) => inputs.filter((i) => i.split('.')[0] !== id.split('.')[0]).map((i) => `${i} -> ${id}`));
    expect(new Set(crossDomain.map((edge) => edge.split('.')[0])).size).toBeGreaterThanOrEqual(2);
  });
});
