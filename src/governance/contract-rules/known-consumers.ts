import type { ContractRule, Violation } from '../rule';

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[A-Za-z0-9+=,.@_/-]+$/;

export const knownConsumers: ContractRule = {
  id: 'DM108',
  scope: 'contract',
  title: 'Consumers are known domains or valid IAM role ARNs, never wildcards',
  rationale: 'A grant to an unknown or wildcard principal is a grant to anyone; access must name who gets it.',
  defaultSeverity: 'error',
  waivable: false,
  fix: 'name a domain of the mesh or a full IAM role ARN (arn:aws:iam::<account>:role/<name>)',
  check(product, { domains }) {
    if (product.consumers.length === 0) return 'not-applicable';
    const known = new Set(domains.map((d) => d.name));
    const violations: Violation[] = [];
    for (const consumer of product.consumers) {
      if (consumer.kind === 'domain' && !known.has(consumer.domain)) {
        violations.push({ message: `consumer domain "${consumer.domain}" of ${product.id} is not in the mesh`, location: consumer.location });
      }
      if (consumer.kind === 'principal' && (consumer.principal.includes('*') || !ROLE_ARN.test(consumer.principal))) {
        violations.push({ message: `consumer principal "${consumer.principal}" of ${product.id} is not a specific IAM role ARN`, location: consumer.location });
      }
    }
    return violations.length ? violations : 'compliant';
  },
};
