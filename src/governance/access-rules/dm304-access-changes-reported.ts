import type { AccessRule } from '../rule';

/**
 * A role added to a domain, removed, or re-pointed at another account changes every grant to that
 * domain, yet no contract changes: the finding puts it in front of the reviewer of the change.
 */
export const accessChangesReported: AccessRule = {
  id: 'DM304',
  scope: 'access',
  title: "Changes to who a domain's grants reach are reported for review",
  rationale:
    'Grants name a domain; its domain.yaml decides which roles and accounts that means. Changing it widens, narrows or moves access to every product that grants to the domain without any contract changing.',
  defaultSeverity: 'warning',
  waivable: false,
  fix: 'review the change with the owners of the affected products; a role of another account also needs DM116 to pass',
  check(change) {
    const products = change.affectedProducts.length ? `grants of ${change.affectedProducts.join(', ')} change with it` : 'no product grants to it yet';
    return [{ message: `access ${change.impact}: ${change.message}; ${products}`, location: change.location }];
  },
};
