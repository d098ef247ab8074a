/**
 * How often an EventBridge Scheduler expression can run: the shortest time between two of its
 * runs, in minutes. Enough of the cron grammar to judge a schedule against the platform's
 * `monitoring.minInterval`; where it cannot be sure, it answers undefined and nothing is judged.
 *
 * rate(N unit): N units. cron(minutes hours day-of-month month day-of-week year): the runs of a
 * day come from the minutes and hours fields (numbers, ranges, lists, `*` and `/` steps); the
 * shortest gap between them holds on every day the schedule runs. The gap from a day's last run
 * to the next day's first counts too, since two days in a row may both run: the answer may be
 * shorter than the true gap (a finding to waive), never longer (a schedule that gets through).
 * Once a day on chosen days (`cron(0 6 ? * MON *)`) is not judged: at most daily either way.
 * https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html
 */
const MINUTES_PER_UNIT: Record<string, number> = { minute: 1, minutes: 1, hour: 60, hours: 60, day: 1440, days: 1440 };
const RATE = /^rate\((\d+) (minutes?|hours?|days?)\)$/;
const CRON = /^cron\((.*)\)$/;
const DAY = 24 * 60;

export function shortestGapMinutes(expression: string): number | undefined {
  const rate = RATE.exec(expression);
  if (rate) return Number(rate[1]) * MINUTES_PER_UNIT[rate[2]];
  const cron = CRON.exec(expression);
  if (!cron) return undefined;
  const fields = cron[1].trim().split(/\s+/);
  if (fields.length !== 6) return undefined;
  const [minuteField, hourField, dayOfMonth, , dayOfWeek] = fields;
  const minutes = expand(minuteField, 59);
  const hours = expand(hourField, 23);
  if (!minutes || !hours || minutes.length === 0 || hours.length === 0) return undefined;
  const runs = hours.flatMap((h) => minutes.map((m) => h * 60 + m)).sort((a, b) => a - b);
  if (runs.length === 1 && !(isAny(dayOfMonth) && isAny(dayOfWeek))) return undefined;
  let shortest = runs[0] + DAY - runs[runs.length - 1];
  for (let i = 1; i < runs.length; i++) shortest = Math.min(shortest, runs[i] - runs[i - 1]);
  return shortest;
}

function isAny(field: string): boolean {
  return field === '*' || field === '?';
}

/** The values a minutes or hours field names, sorted without repeats; undefined for what this reader does not take. */
function expand(field: string, max: number): number[] | undefined {
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) return undefined;
    const start = match[1] === '*' ? 0 : Number(match[2]);
    // `5/15` runs from 5 to the end of the range; `5` alone is only 5.
    const end = match[1] === '*' || (match[3] === undefined && match[4] !== undefined) ? max : Number(match[3] ?? match[2]);
    const step = match[4] === undefined ? 1 : Number(match[4]);
    if (start > max || end > max || start > end || step < 1) return undefined;
    for (let value = start; value <= end; value += step) values.add(value);
  }
  return [...values].sort((a, b) => a - b);
}
