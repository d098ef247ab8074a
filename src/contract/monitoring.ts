/**
 * When a product's quality rules are evaluated. Pure, so the constructs, the catalog and
 * governance all state the same cadence for the same contract.
 */
import { compileDqdl } from './dqdl/dqdl';
import type { DataProductSpec, DomainSpec, MonitoringSettings, PlatformSpec } from './model';
import { DEFAULT_MONITORING } from './config';

export interface EvaluationCadence {
  /** EventBridge Scheduler expression: `rate(...)` or `cron(...)`. */
  readonly expression: string;
  /** Minutes between two evaluations; undefined for a contract's cron expression. */
  readonly intervalMinutes?: number;
  /** What the cadence came from, in words for the catalog and the README. */
  readonly source: 'contract schedule' | 'contract interval' | 'freshness' | 'platform default';
}

/** The platform's monitoring settings, the defaults for specs built by hand. */
export function monitoringSettings(platform: PlatformSpec): MonitoringSettings {
  return platform.monitoring ?? DEFAULT_MONITORING;
}

/**
 * Only products that are served and have rules Glue Data Quality can run are evaluated: a draft
 * is not built and a retired product is no longer produced, so its checks could only fail.
 */
export function isEvaluated(product: DataProductSpec, settings: MonitoringSettings): boolean {
  if (!settings.enabled) return false;
  if (product.status !== 'active' && product.status !== 'deprecated') return false;
  return compileDqdl(product).rules.length > 0;
}

/**
 * The contract's own schedule wins; an interval it states is kept at or above the platform's
 * minimum. Otherwise the product is checked once per freshness period (the tightest of its SLA and
 * freshness rules), never rarer than the platform default nor more often than its minimum.
 */
export function evaluationCadence(product: DataProductSpec, settings: MonitoringSettings): EvaluationCadence | undefined {
  if (!isEvaluated(product, settings)) return undefined;
  if (product.sla.checkSchedule) return { expression: product.sla.checkSchedule, source: 'contract schedule' };
  if (product.sla.checkEveryMinutes !== undefined) {
    const minutes = Math.max(product.sla.checkEveryMinutes, settings.minIntervalMinutes);
    return { expression: rateExpression(minutes), intervalMinutes: minutes, source: 'contract interval' };
  }
  const freshness = freshnessMinutes(product);
  if (freshness === undefined || freshness >= settings.defaultIntervalMinutes) {
    return { expression: rateExpression(settings.defaultIntervalMinutes), intervalMinutes: settings.defaultIntervalMinutes, source: 'platform default' };
  }
  const minutes = Math.max(freshness, settings.minIntervalMinutes);
  return { expression: rateExpression(minutes), intervalMinutes: minutes, source: 'freshness' };
}

/** The tightest freshness the contract promises, from its SLA or its freshness rules. */
export function freshnessMinutes(product: DataProductSpec): number | undefined {
  const ages = [product.sla.freshnessMinutes, ...product.quality.map((rule) => (rule.kind === 'freshness' ? rule.maxAgeMinutes : undefined))].filter((age): age is number => age !== undefined);
  return ages.length > 0 ? Math.min(...ages) : undefined;
}

/** `rate(90 minutes)`, `rate(1 hour)`, `rate(2 days)`: the largest whole unit. */
export function rateExpression(minutes: number): string {
  const [value, unit] = minutes % 1440 === 0 ? [minutes / 1440, 'day'] : minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
  return `rate(${value} ${unit}${value === 1 ? '' : 's'})`;
}

/** Who a domain's alerts reach: its configured endpoints, else its owner by email. */
export function alertEndpoints(domain: DomainSpec): readonly { readonly protocol: string; readonly endpoint: string }[] {
  const configured = domain.monitoring?.alerts ?? [];
  return configured.length > 0 ? configured : [{ protocol: 'email', endpoint: domain.owner.email }];
}

/** A domain's monthly budget in USD: its own, else the platform's default. */
export function monthlyBudgetUsd(domain: DomainSpec, settings: MonitoringSettings): number {
  return domain.monitoring?.monthlyBudgetUsd ?? settings.monthlyBudgetUsd;
}
