/**
 * ODCS `slaProperties` -> the SLA and the retention. Property names are case-insensitive and have
 * the short synonyms of the ODCS table. A duration is a number with a `unit` (the units the
 * standard lists, d/day/days, y/yr/years, ..., and the other ISO units from milliseconds to
 * years), a number and unit in one text (`500ms`, `4 h`), or an ISO 8601 duration (`P1Y`,
 * `PT4H`). What the model cannot hold is said, never guessed: "m" could be minutes or months,
 * months have no fixed length, and freshness is kept in whole minutes.
 */
import type { ServiceLevel } from '../model';
import type { DocPath } from '../source';
import type { OdcsDocument, OdcsSlaProperty } from './document';
import { looksLikeIsoDuration, parseIsoDuration } from './iso-duration';
import type { DocumentIssues } from './issues';

type Kind = 'freshness' | 'availability' | 'retention' | 'checkEvery';

const PROPERTIES = new Map<string, Kind>([
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
  ...['ms', 'msec', 'msecs', 'millisecond', 'milliseconds'].map((u): [string, number] => [u, 1 / 60000]),
  ...['s', 'sec', 'secs', 'second', 'seconds'].map((u): [string, number] => [u, 1 / 60]),
  ...['min', 'mins', 'minute', 'minutes'].map((u): [string, number] => [u, 1]),
  ...['h', 'hr', 'hrs', 'hour', 'hours'].map((u): [string, number] => [u, 60]),
  ...['d', 'day', 'days'].map((u): [string, number] => [u, 1440]),
  ...['w', 'wk', 'wks', 'week', 'weeks'].map((u): [string, number] => [u, 10080]),
  // A year is 365 days, as S3 lifecycle rules and the native format count it.
  ...['y', 'yr', 'yrs', 'year', 'years'].map((u): [string, number] => [u, 525600]),
]);
const MONTHS = new Set(['mo', 'mon', 'mos', 'month', 'months']);
const UNIT_HINT = 'use ms, s, min, h, d, w or y (or their long forms, e.g. hours, days, years), or an ISO 8601 duration such as PT4H or P1Y';

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
      return;
    }
    const duration = readDuration(sla, path, issues);
    if (duration === undefined) return;
    if (kind === 'freshness') freshnessMinutes = wholeMinutes(sla, duration, path, issues);
    else if (kind === 'checkEvery') checkEveryMinutes = wholeMinutes(sla, duration, path, issues);
    else retentionDays = wholeDays(sla, duration, path, issues);
  });
  return { sla: { freshnessMinutes, availabilityPercent, checkEveryMinutes }, retentionDays };
}

interface Duration {
  readonly minutes: number;
  /** As the contract wrote it, for messages: `500 ms`, `P1Y`. */
  readonly text: string;
}

/** Minutes of a duration SLA; undefined after a "cannot build" was reported at the field. */
function readDuration(sla: OdcsSlaProperty, path: DocPath, issues: DocumentIssues): Duration | undefined {
  const raw = typeof sla.value === 'string' ? sla.value.trim() : sla.value;
  if (typeof raw === 'string' && looksLikeIsoDuration(raw)) return readIsoDuration(sla, raw, path, issues);
  // "500ms", "4 h": the unit inside the value.
  const inline = typeof raw === 'string' ? /^(\d+(?:\.\d+)?)\s*([A-Za-z]+)$/.exec(raw) : null;
  if (inline && sla.unit !== undefined) {
    issues.cannotBuild([...path, 'unit'], `${sla.property} gives a unit twice: "${raw}" and unit "${sla.unit}"`, 'write the unit once: `value: 4` with `unit: h`, or `value: 4h` without `unit`');
    return undefined;
  }
  const value = inline ? Number(inline[1]) : numeric(raw);
  const unit = inline ? inline[2] : sla.unit;
  const unitPath: DocPath = inline ? [...path, 'value'] : [...path, 'unit'];
  if (value === undefined) {
    issues.cannotBuild(
      [...path, 'value'],
      `${sla.property} ${JSON.stringify(sla.value)} is not a duration the platform reads`,
      'write a number and a unit, e.g. `value: 4` with `unit: h`, or an ISO 8601 duration such as PT4H',
    );
    return undefined;
  }
  if (value <= 0) {
    issues.cannotBuild([...path, 'value'], `${sla.property} must be longer than zero, got ${JSON.stringify(sla.value)}`, 'give the agreed duration, e.g. `value: 4` with `unit: h`');
    return undefined;
  }
  if (unit === undefined) {
    issues.cannotBuild(path, `${sla.property} has no unit`, `add \`unit:\`; ${UNIT_HINT}`);
    return undefined;
  }
  const name = unit.trim().toLowerCase();
  const perUnit = MINUTES_PER_UNIT.get(name);
  if (perUnit === undefined) {
    const why = name === 'm' ? ' (minutes or months?)' : MONTHS.has(name) ? ': a month has no fixed length' : '';
    issues.cannotBuild(unitPath, `unit "${unit}" of ${sla.property} is not one the platform reads${why}`, UNIT_HINT);
    return undefined;
  }
  return { minutes: value * perUnit, text: `${value} ${unit.trim()}` };
}

function readIsoDuration(sla: OdcsSlaProperty, text: string, path: DocPath, issues: DocumentIssues): Duration | undefined {
  const at: DocPath = [...path, 'value'];
  if (sla.unit !== undefined) {
    issues.cannotBuild([...path, 'unit'], `${sla.property} is an ISO 8601 duration ("${text}") and also has unit "${sla.unit}"`, 'leave `unit` out: the duration names its own units');
    return undefined;
  }
  const duration = parseIsoDuration(text);
  if (!duration) {
    issues.cannotBuild(at, `"${text}" of ${sla.property} is not a valid ISO 8601 duration`, 'write e.g. PT30M, PT4H, P1D, P2W or P1Y (P, then Y/M/W/D parts, then T and H/M/S parts)');
    return undefined;
  }
  if (duration.months > 0) {
    issues.cannotBuild(at, `"${text}" of ${sla.property} counts months, and a month has no fixed length`, 'write the duration in days or years, e.g. P180D or P1Y');
    return undefined;
  }
  const minutes = duration.years * 525600 + duration.weeks * 10080 + duration.days * 1440 + duration.hours * 60 + duration.minutes + duration.seconds / 60;
  if (minutes <= 0) {
    issues.cannotBuild(at, `${sla.property} must be longer than zero, got "${text}"`, 'give the agreed duration, e.g. PT4H');
    return undefined;
  }
  return { minutes, text };
}

/** Freshness is promised in whole minutes: less than one cannot be kept, a fraction is rounded up and said. */
function wholeMinutes(sla: OdcsSlaProperty, duration: Duration, path: DocPath, issues: DocumentIssues): number | undefined {
  if (duration.minutes < 1) {
    issues.cannotBuild(
      [...path, 'value'],
      `${sla.property} of ${duration.text} is shorter than a minute; the platform records and checks freshness in whole minutes`,
      'promise a freshness of at least 1 min, or leave the latency out',
    );
    return undefined;
  }
  const minutes = Math.ceil(duration.minutes - 1e-9);
  if (Math.abs(minutes - duration.minutes) > 1e-9) {
    issues.warn([...path, 'value'], `${sla.property} of ${duration.text} is recorded as ${minutes} min: freshness is kept in whole minutes`, `write ${minutes} min to say what is recorded`);
  }
  return minutes;
}

/** Retention is kept in whole days (S3 lifecycle rules count days): a fraction is rounded up and said. */
function wholeDays(sla: OdcsSlaProperty, duration: Duration, path: DocPath, issues: DocumentIssues): number {
  const exact = duration.minutes / 1440;
  const days = Math.ceil(exact - 1e-9);
  if (Math.abs(days - exact) > 1e-9) {
    issues.warn([...path, 'value'], `${sla.property} of ${duration.text} is kept for ${days} day${days === 1 ? '' : 's'}: S3 expires objects in whole days`, `write ${days} d to say what is kept`);
  }
  return days;
}

/** 99.9, "99.9" or "99.9%", with an optional `unit: percent`. */
function readPercent(sla: OdcsSlaProperty, path: DocPath, issues: DocumentIssues): number | undefined {
  const text = typeof sla.value === 'string' ? sla.value.trim().replace(/%$/, '') : sla.value;
  const value = numeric(text);
  const unit = sla.unit?.trim().toLowerCase();
  if (unit !== undefined && unit !== 'percent' && unit !== '%') {
    issues.cannotBuild([...path, 'unit'], `availability is a percentage, not "${sla.unit}"`, 'write `unit: percent`, or leave the unit out');
    return undefined;
  }
  if (value === undefined || value < 0 || value > 100) {
    issues.cannotBuild([...path, 'value'], `availability must be a percentage between 0 and 100, got ${JSON.stringify(sla.value)}`, 'e.g. `value: 99.9` with `unit: percent`');
    return undefined;
  }
  return value;
}

function numeric(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}
