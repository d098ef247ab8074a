/**
 * ODCS `slaProperties` -> the SLA and the retention. Property names are case-insensitive and have
 * the short synonyms of the ODCS table; units are spelled in many ways, so they are read
 * generously but never guessed: "m" could be minutes or months and is refused.
 */
import type { ServiceLevel } from '../model';
import type { DocPath } from '../source';
import type { OdcsDocument, OdcsSlaProperty } from './document';
import type { DocumentIssues } from './issues';

const PROPERTIES = new Map<string, 'freshness' | 'availability' | 'retention' | 'checkEvery'>([
  ['latency', 'freshness'],
  ['ly', 'freshness'],
  ['freshness', 'freshness'],
  ['availability', 'availability'],
  ['av', 'availability'],
  ['retention', 'retention'],
  ['re', 'retention'],
  // How often the data is updated: the platform checks the quality rules that often.
  ['frequency', 'checkEvery'],
  ['fy', 'checkEvery'],
]);

const MINUTES_PER_UNIT = new Map<string, number>([
  ...['min', 'mins', 'minute', 'minutes'].map((u): [string, number] => [u, 1]),
  ...['h', 'hr', 'hrs', 'hour', 'hours'].map((u): [string, number] => [u, 60]),
  ...['d', 'day', 'days'].map((u): [string, number] => [u, 1440]),
  ...['w', 'wk', 'week', 'weeks'].map((u): [string, number] => [u, 10080]),
  ...['y', 'yr', 'yrs', 'year', 'years'].map((u): [string, number] => [u, 525600]),
]);
const UNIT_HINT = 'use min, h, d, w or y (or their long forms, e.g. hours, days, years)';

export interface OdcsServiceLevels {
  readonly sla: ServiceLevel;
  readonly retentionDays?: number;
}

export function readServiceLevels(contract: OdcsDocument, issues: DocumentIssues): OdcsServiceLevels {
  const seen = new Map<string, number>();
  let freshnessMinutes: number | undefined;
  let availabilityPercent: number | undefined;
  let retentionDays: number | undefined;
  let checkEveryMinutes: number | undefined;
  (contract.slaProperties ?? []).forEach((sla, index) => {
    const kind = PROPERTIES.get(sla.property.toLowerCase());
    if (!kind) return;
    const path: DocPath = ['slaProperties', index];
    const first = seen.get(kind);
    if (first !== undefined) {
      issues.warn(path, `only the first ${kind} SLA (slaProperties[${first}]) is used`, 'keep one entry per SLA property');
      return;
    }
    seen.set(kind, index);
    if (kind === 'availability') {
      availabilityPercent = readPercent(sla, path, issues);
    } else {
      const minutes = readDuration(sla, path, issues);
      if (minutes === undefined) return;
      if (kind === 'freshness') freshnessMinutes = Math.ceil(minutes);
      else if (kind === 'checkEvery') checkEveryMinutes = Math.ceil(minutes);
      else retentionDays = Math.ceil(minutes / 1440);
    }
  });
  return { sla: { freshnessMinutes, availabilityPercent, checkEveryMinutes }, retentionDays };
}

function readDuration(sla: OdcsSlaProperty, path: DocPath, issues: DocumentIssues): number | undefined {
  const value = numeric(sla.value);
  if (value === undefined || value <= 0) {
    issues.error([...path, 'value'], `${sla.property} must be a positive number, got ${JSON.stringify(sla.value)}`, `write the number and the unit apart, e.g. \`value: 4\` and \`unit: h\``);
    return undefined;
  }
  if (sla.unit === undefined) {
    issues.error(path, `${sla.property} has no unit`, `add \`unit:\`; ${UNIT_HINT}`);
    return undefined;
  }
  const unit = sla.unit.trim().toLowerCase();
  const perUnit = MINUTES_PER_UNIT.get(unit);
  if (perUnit === undefined) {
    const why = unit === 'm' ? ' (minutes or months?)' : unit.startsWith('mo') ? ' (months have no fixed length)' : '';
    issues.error([...path, 'unit'], `unit "${sla.unit}" of ${sla.property} is not one the platform reads${why}`, UNIT_HINT);
    return undefined;
  }
  return value * perUnit;
}

/** 99.9, "99.9" or "99.9%", with an optional `unit: percent`. */
function readPercent(sla: OdcsSlaProperty, path: DocPath, issues: DocumentIssues): number | undefined {
  const text = typeof sla.value === 'string' ? sla.value.trim().replace(/%$/, '') : sla.value;
  const value = numeric(text);
  const unit = sla.unit?.trim().toLowerCase();
  if (unit !== undefined && unit !== 'percent' && unit !== '%') {
    issues.error([...path, 'unit'], `availability is a percentage, not "${sla.unit}"`, 'write `unit: percent`, or leave the unit out');
    return undefined;
  }
  if (value === undefined || value < 0 || value > 100) {
    issues.error([...path, 'value'], `availability must be a percentage between 0 and 100, got ${JSON.stringify(sla.value)}`, 'e.g. `value: 99.9` with `unit: percent`');
    return undefined;
  }
  return value;
}

function numeric(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}
