import type { ContractRule, Violation } from '../rule';

export const ownerWritesOnly: ContractRule = {
  id: 'DM114',
  scope: 'contract',
  title: "Only the owning domain's producer role has write access",
  rationale: 'A product has one owner accountable for its contents; a second writer can break the contract without its owner knowing, so the platform grants nothing to it.',
  defaultSeverity: 'error',
  waivable: false,
  fix: 'give other domains `access: read`; write access is for the owning domain (`domain: <owner>`, or its producer role ARN)',
  check(product, { domains }) {
    const writes = product.consumers.filter((c) => c.access === 'write');
    if (writes.length === 0) return 'not-applicable';
    const producer = domains.find((d) => d.name === product.domain)?.roles.producer;
    // Named by domain or by the producer role's ARN; the constructs grant nothing to anyone else.
    const violations: Violation[] = writes
      .filter((c) => (c.kind === 'domain' ? c.domain !== product.domain : c.principal !== producer))
      .map((c) => ({
        message: `write access of ${c.kind === 'domain' ? `domain ${c.domain}` : c.principal} to ${product.id} is refused: only the producer role of domain ${product.domain} writes it`,
        location: c.location,
      }));
    return violations.length ? violations : 'compliant';
  },
};
