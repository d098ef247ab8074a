import { DEFAULT_MONITORING } from '../../contract/config';
import { isEvaluated } from '../../contract/monitoring';
import { shortestGapMinutes } from '../../contract/schedule-gap';
import type { ContractRule } from '../rule';

/**
 * `sla.checkEvery` is held at the platform's `monitoring.minInterval`, but a contract's own
 * `checkSchedule` is used as written: without this rule, `cron(* * * * ? *)` would run a Glue
 * evaluation every minute, the cost minInterval exists to bound.
 */
export const scheduleWithinMinimum: ContractRule = {
  id: 'DM122',
  scope: 'contract',
  title: "A contract's check schedule runs no more often than the platform's minimum interval",
  rationale:
    'Each scheduled evaluation costs Glue DPU minutes; monitoring.minInterval in platform.yaml is the most often the platform pays for, and a schedule written in the contract must not get around it.',
  defaultSeverity: 'error',
  waivable: true,
  fix: 'write a schedule with runs at least monitoring.minInterval apart (or use sla.checkEvery, which is held at it), or waive DM122 with a reason the platform team accepts',
  check(product, context) {
    const schedule = product.sla.checkSchedule;
    const monitoring = context.monitoring ?? DEFAULT_MONITORING;
    if (!schedule || !isEvaluated(product, monitoring)) return 'not-applicable';
    const gap = shortestGapMinutes(schedule);
    if (gap === undefined || gap >= monitoring.minIntervalMinutes) return 'compliant';
    return [
      {
        message: `the check schedule "${schedule}" of ${product.id} runs as often as every ${minutesText(gap)}, more often than the platform's minimum interval of ${minutesText(monitoring.minIntervalMinutes)}`,
        location: product.fieldLocations.sla,
      },
    ];
  },
};

function minutesText(minutes: number): string {
  if (minutes % 1440 === 0) return plural(minutes / 1440, 'day');
  if (minutes % 60 === 0) return plural(minutes / 60, 'hour');
  return plural(minutes, 'minute');
}

function plural(count: number, unit: string): string {
  return count === 1 ? unit : `${count} ${unit}s`;
}
