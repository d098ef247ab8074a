import type { ContractRule, Violation } from '../rule';

export const descriptions: ContractRule = {
  id: 'DM112',
  scope: 'contract',
  title: 'The product and every column have a description',
  rationale: 'Discoverability: a catalog entry without descriptions makes every consumer ask the owner the same questions.',
  defaultSeverity: 'warning',
  waivable: true,
  fix: 'add a `description` that says what the value means, its unit and its caveats',
  check(product) {
    const violations: Violation[] = [];
    if (!product.description.trim()) violations.push({ message: `${product.id} has no description`, location: product.location });
    for (const column of [...product.columns, ...product.partitionKeys]) {
      if (!column.description?.trim()) violations.push({ message: `column "${column.name}" of ${product.id} has no description`, location: column.location });
    }
    return violations.length ? violations : 'compliant';
  },
};
