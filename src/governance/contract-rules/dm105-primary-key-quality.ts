import type { DataProductSpec } from '../../contract/model';
import type { ContractRule, Violation } from '../rule';

export const primaryKeyQuality: ContractRule = {
  id: 'DM105',
  scope: 'contract',
  title: 'Primary-key columns have not-null and unique quality rules',
  rationale: 'Consumers join on keys; a null or duplicated key silently multiplies or drops rows downstream.',
  defaultSeverity: 'error',
  waivable: true,
  fix: 'add `{rule: not_null, column: <key>}` for each key column and `{rule: unique, column(s): <key>}` for the key',
  check(product) {
    const keys = [...product.columns, ...product.partitionKeys].filter((c) => c.primaryKey);
    if (keys.length === 0) return 'not-applicable';
    const keyNames = keys.map((k) => k.name).sort();
    const violations: Violation[] = [];
    for (const key of keys) {
      if (!product.quality.some((q) => q.kind === 'not_null' && q.column === key.name)) {
        violations.push({ message: `primary-key column "${key.name}" of ${product.id} has no not_null rule`, location: key.location, fix: notNullFix(product.source.format, key.name) });
      }
    }
    const unique = product.quality.some((q) => q.kind === 'unique' && [...q.columns].sort().join(',') === keyNames.join(','));
    if (!unique) {
      violations.push({ message: `primary key (${keyNames.join(', ')}) of ${product.id} has no unique rule`, location: keys[0].location, fix: uniqueFix(product.source.format, keyNames) });
    }
    return violations.length ? violations : 'compliant';
  },
};

// The fix is written in the contract's own format: native quality rules are not ODCS, whose schema refuses them.
type SourceFormat = DataProductSpec['source']['format'];

function notNullFix(format: SourceFormat, key: string): string {
  return format === 'odcs' ? `add {metric: nullValues, mustBe: 0} to the quality of property ${key} (ODCS v3.0.x: {rule: nullCheck})` : `add {rule: not_null, column: ${key}} to quality`;
}

function uniqueFix(format: SourceFormat, keys: readonly string[]): string {
  if (format === 'odcs') {
    return keys.length === 1 ? `set unique: true on property ${keys[0]}` : `add {metric: duplicateValues, arguments: {properties: [${keys.join(', ')}]}, mustBe: 0} to the quality of the table`;
  }
  return `add {rule: unique, ${keys.length === 1 ? `column: ${keys[0]}` : `columns: [${keys.join(', ')}]`}} to quality`;
}
