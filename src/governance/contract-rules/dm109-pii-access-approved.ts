import { holdsProtectedData } from '../../contract/column-rules';
import type { ContractRule, Violation } from '../rule';

/** Reasons that are not reasons. */
const PLACEHOLDERS = /^(n\/?a|none|tbd|todo|test|x+|-+|\.+|needed|required|access)$/i;
const MIN_REASON = 10;

export const piiAccessApproved: ContractRule = {
  id: 'DM109',
  scope: 'contract',
  title: 'Cross-domain access to PII columns is approved with a reason',
  rationale: 'Personal data stays inside its domain unless someone accountable approved the purpose (GDPR purpose limitation).',
  defaultSeverity: 'error',
  waivable: false,
  fix: 'give the consumer `pii: true` only with a `reason` that states the purpose in a sentence, or drop `pii: true` so PII columns are withheld',
  check(product) {
    const hasPii = holdsProtectedData(product);
    const crossDomain = product.consumers.filter((c) => c.pii && !(c.kind === 'domain' && c.domain === product.domain));
    if (!hasPii || crossDomain.length === 0) return 'not-applicable';
    const violations: Violation[] = crossDomain
      .filter((c) => !c.reason || c.reason.trim().length < MIN_REASON || PLACEHOLDERS.test(c.reason.trim()))
      .map((c) => ({ message: `PII access of ${c.kind === 'domain' ? `domain ${c.domain}` : c.principal} to ${product.id} has no meaningful reason`, location: c.location }));
    return violations.length ? violations : 'compliant';
  },
};
