import { parseRoleArn } from '../../contract/role-arn';
import type { ContractRule, Violation } from '../rule';

export const knownConsumers: ContractRule = {
  id: 'DM108',
  scope: 'contract',
  title: 'Consumers are known domains or well-formed role ARNs of known accounts, never wildcards',
  rationale: 'A grant to an unknown or wildcard principal is a grant to anyone, and a grant to a role of an account outside the mesh hands the data to that account; access must name who gets it.',
  defaultSeverity: 'error',
  waivable: false,
  fix: 'name a domain of the mesh, or a full IAM role ARN (arn:aws:iam::<account>:role/<name>) in a domain account or an account platform.yaml lists in trustedAccounts',
  check(product, { domains, policy }) {
    if (product.consumers.length === 0) return 'not-applicable';
    const known = new Set(domains.map((d) => d.name));
    const accounts = new Set(domains.map((d) => d.account));
    const violations: Violation[] = [];
    for (const consumer of product.consumers) {
      if (consumer.kind === 'domain' && !known.has(consumer.domain)) {
        violations.push({ message: `consumer domain "${consumer.domain}" of ${product.id} is not in the mesh`, location: consumer.location });
      }
      if (consumer.kind !== 'principal') continue;
      const role = parseRoleArn(consumer.principal);
      if (consumer.principal.includes('*') || 'problem' in role) {
        const problem = 'problem' in role ? role.problem : 'holds a wildcard';
        violations.push({ message: `consumer principal "${consumer.principal}" of ${product.id} is not a specific IAM role ARN: it ${problem}`, location: consumer.location });
      } else if (!accounts.has(role.account) && !policy.trustedAccounts.has(role.account)) {
        violations.push({
          message: `consumer principal "${consumer.principal}" of ${product.id} is in account ${role.account}, which is neither a domain account of the mesh nor trusted by the platform`,
          location: consumer.location,
          fix: `grant a role of a domain account, or ask the platform team to add account ${role.account} to trustedAccounts in platform.yaml with a reason`,
        });
      }
    }
    return violations.length ? violations : 'compliant';
  },
};
