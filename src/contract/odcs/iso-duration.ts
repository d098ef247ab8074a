/**
 * ISO 8601 durations (`P1Y`, `PT4H`, `P1DT2H30M`, `PT0.5S`) as ODCS SLA values may write them.
 * A strict parser of our own: the widely used npm parsers accept text around the duration
 * (`xP1Dy`), a dangling `T` (`P1DT`), and one of them drops a leading minus sign, all of which a
 * contract check must refuse rather than read as something else.
 */

/** The parts of a duration, as written; months are kept apart because they have no fixed length. */
export interface IsoDuration {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

const NUMBER = '(\\d+(?:[.,]\\d+)?)';
const ISO_DURATION = new RegExp(`^P(?:${NUMBER}Y)?(?:${NUMBER}M)?(?:${NUMBER}W)?(?:${NUMBER}D)?(?:T(?:${NUMBER}H)?(?:${NUMBER}M)?(?:${NUMBER}S)?)?$`);
const PARTS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const;

/** Whether the text is meant as an ISO 8601 duration (starts with P and a digit or T), valid or not. */
export function looksLikeIsoDuration(text: string): boolean {
  return /^P(\d|T)/i.test(text.trim());
}

/** The duration, or undefined when the text is not a valid ISO 8601 duration. */
export function parseIsoDuration(text: string): IsoDuration | undefined {
  const match = ISO_DURATION.exec(text.trim());
  if (!match) return undefined;
  const values = match.slice(1);
  const present = values.map((v, i) => (v === undefined ? -1 : i)).filter((i) => i >= 0);
  // "P" or "PT" alone say nothing; "P1DT" has a time part with no time in it.
  if (present.length === 0 || /T$/.test(text.trim())) return undefined;
  // Only the smallest part written may have a fraction (ISO 8601, 4.4.3.2).
  const fractional = present.filter((i) => /[.,]/.test(values[i]));
  if (fractional.length > 1 || (fractional.length === 1 && fractional[0] !== present[present.length - 1])) return undefined;
  const parts = Object.fromEntries(PARTS.map((name, i) => [name, values[i] === undefined ? 0 : Number(values[i].replace(',', '.'))]));
  return parts as unknown as IsoDuration;
}
