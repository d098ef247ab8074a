import { DEFAULT_MONITORING } from '../../contract/config';
import { compileDqdl } from '../../contract/dqdl/dqdl';
import type { ContractRule } from '../rule';

/**
 * A promise nobody checks is not kept: an active product that states an SLA must be evaluated on
 * a schedule, which needs monitoring on and at least one rule Glue Data Quality can run.
 */
export const slaMonitored: ContractRule = {
  id: 'DM119',
  scope: 'contract',
  title: 'An active product with an SLA is monitored',
  rationale: 'The SLA is what consumers build on; without a scheduled evaluation nobody learns that data is late or wrong until a consumer does.',
  defaultSeverity: 'warning',
  waivable: true,
  fix: 'add a quality rule Glue Data Quality can run (a freshness rule matches the SLA), or keep platform monitoring enabled',
  check(product, context) {
    if (product.status !== 'active') return 'not-applicable';
    if (product.sla.freshnessMinutes === undefined && product.sla.availabilityPercent === undefined) return 'not-applicable';
    const monitoring = context.monitoring ?? DEFAULT_MONITORING;
    if (!monitoring.enabled) {
      return [
        {
          message: `${product.id} states an SLA but platform monitoring is off: nothing evaluates it`,
          location: product.fieldLocations.sla,
          fix: 'set monitoring.enabled: true in platform.yaml, or waive DM119 with a reason',
        },
      ];
    }
    if (compileDqdl(product).rules.length === 0) {
      return [{ message: `${product.id} states an SLA but has no quality rule Glue Data Quality can evaluate, so no schedule checks it`, location: product.fieldLocations.sla }];
    }
    return 'compliant';
  },
};
