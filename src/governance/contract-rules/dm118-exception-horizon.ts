import { exceptionHorizon } from '../exception-horizon';
import type { ContractRule, Violation } from '../rule';

/** `expires: 9999-12-31` would make a waiver permanent; the policy sets how far ahead one may reach. */
export const exceptionsWithinHorizon: ContractRule = {
  id: 'DM118',
  scope: 'contract',
  title: 'Governance exceptions expire within the policy horizon',
  rationale: 'An exception is a dated promise to fix something; one that expires in decades is a permanent waiver nobody reviews.',
  defaultSeverity: 'error',
  waivable: false,
  fix: 'set `expires` within the policy horizon (governance.exceptions.maxDuration, default 180d) and renew it when it runs out',
  check(product, { today, policy }) {
    if (product.exceptions.length === 0) return 'not-applicable';
    const horizon = exceptionHorizon(today, policy.maxExceptionDays);
    const violations: Violation[] = product.exceptions
      .filter((exception) => exception.expires > horizon)
      .map((exception) => ({
        message: `exception for ${exception.rule} in ${product.id} expires on ${exception.expires}, after ${horizon} (${policy.maxExceptionDays} days from ${today}); it waives nothing`,
        location: exception.location,
        fix: `set expires to ${horizon} or earlier`,
      }));
    return violations.length ? violations : 'compliant';
  },
};
