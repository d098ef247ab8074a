import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { formatContractError } from '../../src/contract/errors';
import { loadMesh, loadProductFile } from '../../src/contract/mesh';
import type { DataProductSpec } from '../../src/contract/model';
import { exportOdcs, odcsExportErrors, odcsExportLosses, ODCS_EXPORT_VERSIONS, type OdcsExportOptions } from '../../src/contract/odcs';
import { copyMesh, editFile, FIXTURES, REFERENCE_CONTRACTS } from '../helpers/fixtures';
import { comparableSpec, loadOdcs } from '../helpers/odcs';

/** Exports a spec, reads the export back as a contract of the same domain, and returns both. */
function roundTrip(spec: DataProductSpec, options?: OdcsExportOptions): { text: string; back: DataProductSpec } {
  const text = exportOdcs(spec, options);
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-export-')), spec.domain);
  fs.mkdirSync(dir);
  const file = path.join(dir, `${spec.name}.odcs.yaml`);
  fs.writeFileSync(file, text);
  const { value, errors, warnings } = loadProductFile(file);
  expect(errors.map(formatContractError)).toEqual([]);
  expect((warnings ?? []).map(formatContractError)).toEqual([]);
  return { text, back: value! };
}

function loadMinimalEdited(edit: (text: string) => string): DataProductSpec {
  const dir = copyMesh();
  const { value, errors } = loadProductFile(editFile(dir, 'shop/orders.yaml', edit));
  expect(errors.map(formatContractError)).toEqual([]);
  return value!;
}

// Compared: every field of the model except `source` (file and format) and every `location`
// (file:line:col), which differ between two files by nature; quality rules as a set, because
// ODCS nests each check under its column (see comparableSpec).
describe('native -> ODCS -> model gives the same model', () => {
  const { value: mesh } = loadMesh(REFERENCE_CONTRACTS);

  // The account comes from domain.yaml, as `datamesh export odcs` has it: a glue server needs one.
  it.each(mesh!.products.map((p) => [p.id, p] as const))('for the reference contract %s (native and ODCS alike)', (_id, spec) => {
    const account = mesh!.domains.find((d) => d.name === spec.domain)!.account;
    expect(comparableSpec(roundTrip(spec, { account }).back)).toEqual(comparableSpec(spec));
  });

  it('for the minimal fixture, with a principal consumer and no SLA on one side', () => {
    const spec = loadProductFile(path.join(FIXTURES, 'minimal', 'shop', 'orders.yaml')).value!;
    expect(comparableSpec(roundTrip(spec).back)).toEqual(comparableSpec(spec));
  });

  it('for a deprecated product with a sunset, governance exceptions and PII approval', () => {
    const spec = loadMinimalEdited((t) =>
      t
        .replace('status: active', 'status: deprecated\nsunset: 2027-06-30')
        .replace('    reason: Company-wide revenue dashboards.', '    pii: true\n    reason: Company-wide revenue dashboards.')
        .concat('governance:\n  exceptions:\n    - { rule: DM112, reason: Column descriptions are being written., expires: 2027-03-31 }\ntags: { CostCenter: "SA-2100" }\n'),
    );
    expect(comparableSpec(roundTrip(spec).back)).toEqual(comparableSpec(spec));
  });

  it('for a nullable primary key, a freshness in minutes and every quality rule kind', () => {
    const spec = loadMinimalEdited((t) =>
      t
        .replace('    primaryKey: true', '    primaryKey: true\n    required: false')
        .replace('  freshness: 1h', '  freshness: 90m')
        .replace('type: decimal(12,2)', 'type: decimal(12,2)\n    classification: confidential')
        .replace(
          'consumers:\n',
          [
            '  - { rule: unique, columns: [order_id, order_date] }',
            '  - { rule: accepted_values, column: customer_email, values: [a, 1] }',
            '  - { rule: range, column: total, max: 10 }',
            '  - { rule: pattern, column: customer_email, pattern: "^.+@.+$" }',
            '  - { rule: row_count, min: 5, max: 5 }',
            '  - { rule: row_count, max: 9 }',
            '  - { rule: freshness, column: order_date, maxAge: 2d, description: Loaded daily. }',
            'consumers:',
            '',
          ].join('\n'),
        ),
    );
    expect(spec.quality).toHaveLength(9);
    expect(comparableSpec(roundTrip(spec).back)).toEqual(comparableSpec(spec));
  });
});

describe('ODCS -> model -> ODCS -> model', () => {
  it('keeps the model, the declared location and, given the account, the Glue database', () => {
    const { value: spec } = loadOdcs('complete.odcs.yaml');
    const { back, text } = roundTrip(spec!, { account: '123456789012', environment: 'prod' });
    expect(comparableSpec(back)).toEqual(comparableSpec(spec!));
    expect(parse(text).servers).toEqual([
      { server: 'prod', type: 'glue', environment: 'prod', account: '123456789012', database: 'testco_prod_shop', location: 's3://testco-prod-shop-order-events/data/', format: 'parquet' },
    ]);
  });

  it('writes only the location when it does not know the account: a glue server needs one', () => {
    const { value: spec } = loadOdcs('complete.odcs.yaml');
    const { back } = roundTrip(spec!);
    expect(back.output).toMatchObject({ location: 's3://testco-prod-shop-order-events/data/', database: undefined });
  });
});

describe('the exported document', () => {
  const spec = loadProductFile(path.join(FIXTURES, 'minimal', 'shop', 'orders.yaml')).value!;
  const text = exportOdcs(spec);
  const document = parse(text);

  it('says what it is and where it came from, in the newest version whose schema accepts it', () => {
    expect(text.split('\n')[0]).toBe('# ODCS v3.2.0 export of shop.orders, written by datamesh from ' + spec.source.file + '.');
    expect(document).toMatchObject({ apiVersion: 'v3.2.0', kind: 'DataContract', id: 'shop.orders', name: 'orders', domain: 'shop', status: 'active' });
    expect(odcsExportErrors(text, 'v3.2.0')).toEqual([]);
  });

  it('puts the format in a custom property when no server location is known, and a server when it is', () => {
    expect(document.servers).toBeUndefined();
    expect(document.customProperties).toContainEqual({ property: 'datameshFormat', value: 'parquet' });
    const located = parse(exportOdcs(spec, { location: 's3://testco-dev-shop-orders/data/' }));
    expect(located.servers).toEqual([{ server: 's3', type: 's3', location: 's3://testco-dev-shop-orders/data/', format: 'parquet' }]);
    expect(located.customProperties).toBeUndefined();
  });

  it('writes library metrics ODCS tools understand for the rules ODCS has metrics for', () => {
    const orderId = document.schema[0].properties.find((p: { name: string }) => p.name === 'order_id');
    expect(orderId.quality).toEqual([
      { metric: 'nullValues', mustBe: 0, dimension: 'completeness' },
      { metric: 'duplicateValues', mustBe: 0, dimension: 'uniqueness' },
    ]);
  });

  it('writes partition keys last, numbered in order, and logical types next to the Glue types', () => {
    const properties = document.schema[0].properties;
    expect(properties.at(-1)).toMatchObject({ name: 'order_date', logicalType: 'date', physicalType: 'date', partitioned: true, partitionKeyPosition: 1 });
    expect(properties.find((p: { name: string }) => p.name === 'items')).toMatchObject({
      logicalType: 'array',
      physicalType: 'array<struct<sku:string,quantity:int>>',
      items: {
        logicalType: 'object',
        properties: [
          { name: 'sku', logicalType: 'string', physicalType: 'string' },
          { name: 'quantity', logicalType: 'integer', physicalType: 'int', logicalTypeOptions: { format: 'i32' } },
        ],
      },
    });
  });

  it('quotes strings that YAML 1.1 tools would read as dates or booleans', () => {
    const deprecated = loadMinimalEdited((t) => t.replace('status: active', 'status: deprecated\nsunset: 2027-06-30'));
    expect(exportOdcs(deprecated)).toContain('value: "2027-06-30"');
  });

  it('is the same text every time', () => {
    expect(exportOdcs(spec)).toBe(text);
  });
});

describe('export writes each ODCS version in its own form', () => {
  const { value: mesh } = loadMesh(REFERENCE_CONTRACTS);

  it.each(mesh!.products.flatMap((p) => ODCS_EXPORT_VERSIONS.map((version) => [p.id, version, p] as const)))(
    '%s as %s reads back to the same model, valid under that version',
    (_id, version, spec) => {
      const account = mesh!.domains.find((d) => d.name === spec.domain)!.account;
      const { text, back } = roundTrip(spec, { account, odcsVersion: version });
      expect(parse(text).apiVersion).toBe(version);
      expect(odcsExportErrors(text, version)).toEqual([]);
      expect(comparableSpec(back)).toEqual(comparableSpec(spec));
    },
  );

  it('writes v3.0.2 with a team list, library `rule:` names, and a format its s3 server cannot name in datameshFormat', () => {
    const spec = loadMinimalEdited((t) => t.replace('format: parquet', 'format: orc'));
    const document = parse(exportOdcs(spec, { odcsVersion: 'v3.0.2', location: 's3://testco-dev-shop-orders/data/' }));
    expect(document.team).toEqual([{ username: spec.owner.email, name: spec.owner.team, role: 'owner' }]);
    const orderId = document.schema[0].properties.find((p: { name: string }) => p.name === 'order_id');
    expect(orderId.quality).toEqual([
      { rule: 'nullCheck', mustBe: 0, dimension: 'completeness' },
      { rule: 'duplicateCount', mustBe: 0, dimension: 'uniqueness' },
    ]);
    expect(document.servers).toEqual([{ server: 's3', type: 's3', location: 's3://testco-dev-shop-orders/data/' }]);
    expect(document.customProperties).toContainEqual({ property: 'datameshFormat', value: 'orc' });
  });

  it('writes the v3.2.0 additions in v3.2.0 and reads them back', () => {
    const { value: spec } = loadOdcs('v3.2.0-features.odcs.yaml');
    const { text, back } = roundTrip(spec!, { odcsVersion: 'v3.2.0', account: '123456789012' });
    const properties = parse(text).schema[0].properties;
    expect(properties.find((p: { name: string }) => p.name === 'attributes')).toMatchObject({
      logicalType: 'map',
      map: { key: { logicalType: 'string' }, value: { logicalType: 'integer', physicalType: 'bigint' } },
    });
    expect(properties.find((p: { name: string }) => p.name === 'customer_ref')).toMatchObject({ deprecated: true });
    expect(comparableSpec(back)).toEqual(comparableSpec(spec!));
  });

  it('names what an older version cannot say, rather than dropping it silently', () => {
    const { value: spec } = loadOdcs('v3.2.0-features.odcs.yaml');
    expect(odcsExportLosses(spec!, 'v3.2.0')).toEqual([]);
    expect(odcsExportLosses(spec!, 'v3.1.0')).toEqual([
      'ODCS v3.1.0 has no field for deprecated columns (customer_ref): left out; export --odcs-version v3.2.0 keeps it',
      'ODCS v3.1.0 has no field for semantic types (amount: measure, region: dimension): left out; export --odcs-version v3.2.0 keeps it',
      "ODCS v3.1.0 has no field for synonyms (Sales, turnover, chiffre d'affaires): left out; export --odcs-version v3.2.0 keeps it",
      'ODCS v3.1.0 has no field for the context block: left out; export --odcs-version v3.2.0 keeps it',
    ]);
  });
});
