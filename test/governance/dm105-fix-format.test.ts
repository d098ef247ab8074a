import type { DataProductSpec } from '../../src/contract/model';
import { CONTRACT_RULES } from '../../src/governance/registry';
import type { Violation } from '../../src/governance/rule';
import { COMPLIANT_PRODUCT, productWith, ruleContext } from './fixtures';

const dm105 = CONTRACT_RULES.find((r) => r.id === 'DM105')!;
const fixes = (product: DataProductSpec): string[] => (dm105.check(product, ruleContext()) as Violation[]).map((v) => v.fix!);
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
