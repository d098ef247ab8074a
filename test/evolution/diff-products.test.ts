import { parseGlueType, type GlueType } from '../../src/contract/glue-type';
import type { DataProductSpec } from '../../src/contract/model';
import { CHANGE_KINDS, type ChangeKind } from '../../src/evolution/change';
import { diffProducts } from '../../src/evolution/diff-products';
import { evolveProduct, satisfies, versionBump } from '../../src/evolution/evolution';
import { isWidening } from '../../src/evolution/type-compatibility';
import { COMPLIANT_PRODUCT as BASE, productWith, withColumn } from '../governance/fixtures';

const type = (text: string): GlueType => (parseGlueType(text) as { ok: true; type: GlueType }).type;
const kinds = (current: DataProductSpec | undefined, base: DataProductSpec | undefined): ChangeKind[] => diffProducts(base, current).map((c) => c.kind);
const location = BASE.location;
const consumer = BASE.consumers[0];

describe('change classification', () => {
  it.each<[ChangeKind, string, DataProductSpec | undefined, DataProductSpec | undefined]>([
    ['product-added', 'a new product', undefined, BASE],
    ['product-removed', 'an active product removed', BASE, undefined],
    ['product-retired-removed', 'a retired product removed', productWith({ status: 'retired' }), undefined],
    ['column-removed', 'a column removed', BASE, productWith({ columns: BASE.columns.filter((c) => c.name !== 'total') })],
    ['column-type-narrowed', 'bigint to int', withColumn('total', { type: type('bigint'), glueType: 'bigint' }), withColumn('total', { type: type('int'), glueType: 'int' })],
    ['column-type-narrowed', 'decimal to string', BASE, withColumn('total', { type: type('string'), glueType: 'string' })],
    ['column-type-widened', 'int to bigint', withColumn('total', { type: type('int'), glueType: 'int' }), withColumn('total', { type: type('bigint'), glueType: 'bigint' })],
    ['column-made-required', 'a nullable column made required', BASE, withColumn('total', { required: true })],
    ['column-added-optional', 'an optional column added', BASE, productWith({ columns: [...BASE.columns, { ...BASE.columns[2], name: 'discount' }] })],
    ['column-added-required', 'a required column added', BASE, productWith({ columns: [...BASE.columns, { ...BASE.columns[2], name: 'discount', required: true }] })],
    ['classification-loosened', 'pii to public', BASE, withColumn('customer_email', { classification: 'public', pii: false })],
    ['partitioning-changed', 'partition keys changed', BASE, productWith({ output: { ...BASE.output, partitionBy: [] }, partitionKeys: [], columns: [...BASE.columns, ...BASE.partitionKeys] })],
    ['format-changed', 'parquet to orc', BASE, productWith({ output: { ...BASE.output, format: 'orc' } })],
    ['retention-shortened', 'retention shortened', BASE, productWith({ output: { ...BASE.output, retentionDays: 30 } })],
    ['sla-weakened', 'freshness loosened', BASE, productWith({ sla: { ...BASE.sla, freshnessMinutes: 1440 } })],
    ['consumer-access-removed', 'a consumer removed', BASE, productWith({ consumers: [] })],
    ['consumer-added', 'a consumer added', productWith({ consumers: [] }), BASE],
    ['quality-rule-removed', 'a quality rule removed', BASE, productWith({ quality: BASE.quality.slice(1) })],
    ['quality-rule-added', 'a quality rule added', BASE, productWith({ quality: [...BASE.quality, { kind: 'row_count', min: 1, location }] })],
    ['description-changed', 'a description reworded', BASE, productWith({ description: 'Every order of the web shop.' })],
    ['tags-changed', 'a tag added', BASE, productWith({ tags: { Tier: 'gold' } })],
  ])('classifies %s: %s', (kind, _what, base, current) => {
    expect(kinds(current, base)).toEqual([kind]);
    // Every change says where it is and how to fix it.
    const [found] = diffProducts(base, current);
    expect([found.location, found.fix]).toEqual([expect.objectContaining({ line: expect.any(Number) }), CHANGE_KINDS[kind].fix]);
  });

  it('sees a changed declared location as breaking, but not a location declared for the first time', () => {
    const declared = (location?: string) => productWith({ output: { ...BASE.output, location } });
    expect(kinds(declared('s3://b/data/'), declared('s3://c/data/'))).toEqual(['location-changed']);
    expect(kinds(declared(undefined), declared('s3://b/data/'))).toEqual([]);
  });

  it('finds nothing between identical contracts', () => {
    expect(kinds(BASE, BASE)).toEqual([]);
  });

  it('sees a consumer losing PII approval as losing access', () => {
    expect(kinds(productWith({ consumers: [{ ...consumer, pii: false }] }), productWith({ consumers: [{ ...consumer, pii: true }] }))).toEqual(['consumer-access-removed']);
  });

  it('declares an impact for every kind, and breaking ones are the ones consumers feel', () => {
    const breaking = Object.entries(CHANGE_KINDS)
      .filter(([, k]) => k.impact === 'breaking')
      .map(([id]) => id);
    expect(breaking).toEqual([
      'product-removed',
      'column-removed',
      'column-type-narrowed',
      'column-made-required',
      'column-added-required',
      'classification-loosened',
      'partitioning-changed',
      'format-changed',
      'location-changed',
      'retention-shortened',
      'sla-weakened',
      'consumer-access-removed',
      'quality-rule-removed',
    ]);
  });
});

describe('type compatibility', () => {
  it.each([
    ['int', 'bigint', true],
    ['tinyint', 'int', true],
    ['float', 'double', true],
    ['decimal(10,2)', 'decimal(12,2)', true],
    ['varchar(10)', 'varchar(20)', true],
    ['struct<a:int>', 'struct<a:bigint,b:string>', true],
    ['array<int>', 'array<bigint>', true],
    ['bigint', 'int', false],
    ['double', 'float', false],
    ['int', 'string', false],
    ['decimal(10,2)', 'decimal(12,4)', false],
    ['struct<a:int,b:int>', 'struct<b:int,a:int>', false],
    ['date', 'timestamp', false],
  ])('%s -> %s widens: %s', (from, to, expected) => {
    expect(isWidening(type(from), type(to))).toBe(expected);
  });
});

describe('version bumps', () => {
  it.each([
    ['1.2.3', '2.0.0', 'major'],
    ['1.2.3', '1.3.0', 'minor'],
    ['1.2.3', '1.2.4', 'patch'],
    ['1.2.3', '1.2.3', 'none'],
    ['1.2.3', '1.2.2', 'lower'],
    ['0.3.1', '0.4.0', 'major'],
    ['0.3.1', '0.3.2', 'minor'],
    ['1.0.0', '2.0.0-rc.1', 'major'],
    ['1.0', '1.1.0', 'invalid'],
  ])('%s -> %s is a %s bump', (from, to, bump) => {
    expect(versionBump(from, to)).toBe(bump);
  });

  it('requires the highest bump any change needs', () => {
    const current = productWith({ version: '1.1.0', columns: BASE.columns.filter((c) => c.name !== 'total'), description: 'Changed.' });
    const evolution = evolveProduct(BASE, current);
    expect(evolution.requiredBump).toBe('major');
    expect(evolution.foundBump).toBe('minor');
    expect(satisfies(evolution.foundBump, evolution.requiredBump)).toBe(false);
  });
});
