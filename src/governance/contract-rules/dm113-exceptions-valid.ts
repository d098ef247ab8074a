import type { ContractRule, Violation } from '../rule';

/**
 * Exceptions that do nothing (expired, unknown rule, rule not waivable) are reported, so they are
 * cleaned up rather than trusted.
 */
export const exceptionsValid: ContractRule = {
  id: 'DM113',
  scope: 'contract',
  title: 'Governance exceptions are current and name a waivable rule',
  rationale: 'An exception is a dated promise to fix something; an expired or meaningless one is debt nobody sees.',
  defaultSeverity: 'warning',
  waivable: false,
  fix: 'fix the finding and remove the exception, or renew it with a new expiry date and reason',
  check(product, { today, rules }) {
    if (product.exceptions.length === 0) return 'not-applicable';
    const violations: Violation[] = [];
    for (const exception of product.exceptions) {
      const rule = rules.find((r) => r.id === exception.rule);
      const problem = !rule
        ? `names unknown rule ${exception.rule}`
        : !rule.waivable
          ? `cannot apply: ${rule.id} is not waivable`
          : exception.expires < today
            ? `expired on ${exception.expires} and no longer applies`
            : undefined;
      if (problem) violations.push({ message: `exception for ${exception.rule} in ${product.id} ${problem}`, location: exception.location });
    }
    return violations.length ? violations : 'compliant';
  },
};
