/** Minutes per unit of the contract duration syntax (`15m`, `24h`, `400d`, `2w`, `7y`). */
const MINUTES: Record<string, number> = { m: 1, h: 60, d: 1440, w: 10080, y: 525600 };

/** Parses a schema-validated duration such as `24h` into minutes. */
export function durationToMinutes(text: string): number {
  const unit = text.slice(-1);
  return Number(text.slice(0, -1)) * MINUTES[unit];
}

/** Whole days, rounded up: S3 lifecycle rules count in days. */
export function durationToDays(text: string): number {
  return Math.ceil(durationToMinutes(text) / MINUTES.d);
}

/** `99.9%` -> 99.9 */
export function percentToNumber(text: string): number {
  return Number(text.replace('%', ''));
}
