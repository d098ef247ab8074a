import type { DataProductSpec } from '../../src/contract/model';
import { CONTRACT_RULES } from '../../src/governance/registry';
import type { Violation } from '../../src/governance/rule';
import { COMPLIANT_PRODUCT, productWith, ruleContext } from './fixtures';

const rule = (id: string) => CONTRACT_RULES.find((r) => r.id === id)!;
const fixes = (product: DataProductSpec, id = 'DM105'): string[] => (rule(id).check(product, ruleContext()) as Violation[]).map((v) => v.fix!);
const asOdcs = (product: DataProductSpec): DataProductSpec => ({ ...product, source: { ...product.source, format: 'odcs' } });
const noKeyRules = productWith({ quality: [] });
const compositeKey = productWith({
  columns: COMPLIANT_PRODUCT.columns.map((c) => (c.name === 'total' ? { ...c, primaryKey: true, required: true } : c)),
  quality: [],
});

/** The fix must be something the contract's own format accepts: ODCS refuses native quality rules. */
describe('DM105 says how to fix it in the format the contract is written in', () => {
  it('native: quality rules of the native format', () => {
    expect(fixes(noKeyRules)).toEqual(['add {rule: not_null, column: order_id} to quality', 'add {rule: unique, column: order_id} to quality']);
    expect(fixes(compositeKey)).toContain('add {rule: unique, columns: [order_id, total]} to quality');
  });

  it('ODCS: a nullValues check on the property and unique: true (or a table duplicateValues check for a composite key)', () => {
    expect(fixes(asOdcs(noKeyRules))).toEqual(['add {metric: nullValues, mustBe: 0} to the quality of property order_id (ODCS v3.0.x: {rule: nullCheck})', 'set unique: true on property order_id']);
    expect(fixes(asOdcs(compositeKey))).toContain('add {metric: duplicateValues, arguments: {properties: [order_id, total]}, mustBe: 0} to the quality of the table');
  });
});

describe('DM104 says how to fix it in the format the contract is written in', () => {
  // COMPLIANT_PRODUCT holds PII; the default policy keeps it 3650 days, 90 of which noncurrent versions.
  const tooLong = productWith({ output: { ...COMPLIANT_PRODUCT.output, retentionDays: 4000 } });
  const none = productWith({ output: { ...COMPLIANT_PRODUCT.output, retentionDays: undefined } });

  it('native: output.retention', () => {
    expect(fixes(tooLong, 'DM104')).toEqual(["shorten output.retention to at most 3560d, or the platform's noncurrentVersionExpirationDays"]);
    expect(fixes(none, 'DM104')).toEqual(['set output.retention (at most 3560d)']);
  });

  it('ODCS: the retention of slaProperties', () => {
    expect(fixes(asOdcs(tooLong), 'DM104')).toEqual(["shorten the retention of slaProperties to at most 3560d, or the platform's noncurrentVersionExpirationDays"]);
    expect(fixes(asOdcs(none), 'DM104')).toEqual(['add {property: retention, value: 3560, unit: d} (or less) to slaProperties']);
  });
});

describe('DM102 says how to fix it in the format the contract is written in', () => {
  const noSla = productWith({ sla: {} });

  it('native: the rule fix, sla.freshness and sla.availability', () => {
    expect((rule('DM102').check(noSla, ruleContext()) as Violation[]).map((v) => v.fix ?? rule('DM102').fix)).toEqual(['add sla.freshness (e.g. 24h) and sla.availability (e.g. "99.9%")']);
  });

  it('ODCS: the slaProperties entries that are missing', () => {
    expect(fixes(asOdcs(noSla), 'DM102')).toEqual(['add {property: latency, value: 24, unit: h} and {property: availability, value: "99.9%"} to slaProperties']);
    const withAvailability = asOdcs(productWith({ sla: { availabilityPercent: 99.9 } }));
    expect(fixes(withAvailability, 'DM102')).toEqual(['add {property: latency, value: 24, unit: h} to slaProperties']);
  });
});
