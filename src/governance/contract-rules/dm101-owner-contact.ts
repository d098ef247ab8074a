import type { ContractRule } from '../rule';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const ownerContact: ContractRule = {
  id: 'DM101',
  scope: 'contract',
  title: 'A product names its owning team and a contact email',
  rationale: 'Consumers need someone accountable to ask about the data, and incidents need someone to page.',
  defaultSeverity: 'error',
  waivable: true,
  fix: 'set owner.team to the team slug and owner.email to a team mailbox',
  check(product) {
    const problems = [];
    if (!product.owner.team?.trim()) problems.push({ message: `${product.id} has no owner team`, location: product.fieldLocations.owner });
    if (!EMAIL.test(product.owner.email ?? '')) problems.push({ message: `${product.id} has no valid owner email ("${product.owner.email ?? ''}")`, location: product.fieldLocations.owner });
    return problems.length ? problems : 'compliant';
  },
};
