import { compileDqdl } from '../../contract/dqdl/dqdl';
import type { ContractRule } from '../rule';

export const qualityRulesEnforced: ContractRule = {
  id: 'DM115',
  scope: 'contract',
  title: 'Every quality rule compiles to Glue Data Quality (DQDL)',
  rationale: 'A quality rule that is written down but never evaluated is a promise nobody checks; consumers should know which rules are not enforced.',
  defaultSeverity: 'warning',
  waivable: true,
  fix: 'point the rule at a column of a type it can check (range: numeric, pattern: string, freshness: date or timestamp; no nested columns), or check it in the pipeline and record an exception',
  check(product) {
    // A retired product deploys no ruleset, so nothing is left unenforced.
    if (product.quality.length === 0 || product.status === 'retired') return 'not-applicable';
    const { unsupported } = compileDqdl(product);
    if (unsupported.length === 0) return 'compliant';
    return unsupported.map(({ rule, reason, location }) => ({ message: `quality rule ${rule.kind} of ${product.id} is not enforced by Glue Data Quality: ${reason}`, location }));
  },
};
