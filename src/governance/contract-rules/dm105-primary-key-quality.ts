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
        violations.push({ message: `primary-key column "${key.name}" of ${product.id} has no not_null rule`, location: key.location, fix: `add {rule: not_null, column: ${key.name}} to quality` });
      }
    }
    const unique = product.quality.some((q) => q.kind === 'unique' && [...q.columns].sort().join(',') === keyNames.join(','));
    if (!unique) {
      const spelled = keyNames.length === 1 ? `column: ${keyNames[0]}` : `columns: [${keyNames.join(', ')}]`;
      violations.push({ message: `primary key (${keyNames.join(', ')}) of ${product.id} has no unique rule`, location: keys[0].location, fix: `add {rule: unique, ${spelled}} to quality` });
    }
    return violations.length ? violations : 'compliant';
  },
};
