import { shortestGapMinutes } from '../../src/contract/schedule-gap';

describe('the shortest gap between two runs of a schedule (DM122)', () => {
  it.each([
    ['rate(5 minutes)', 5],
    ['rate(1 hour)', 60],
    ['rate(2 days)', 2880],
    ['cron(* * * * ? *)', 1],
    ['cron(0/15 * * * ? *)', 15],
    ['cron(5,10 * * * ? *)', 5],
    // 08:30, 11:30, 14:30, 17:30; from 17:30 to 08:30 the next day is longer.
    ['cron(30 8-17/3 * * ? *)', 180],
    ['cron(0 6 * * ? *)', 1440],
    // 23:00 to 00:00 the next day: an hour, though the runs of one day are 23 hours apart.
    ['cron(0 0,23 * * ? *)', 60],
    // Monday 23:00 to Tuesday 00:00 is an hour too: chosen days do not hide the gap over midnight.
    ['cron(0 0,23 ? * MON-FRI *)', 60],
  ])('%s: %i minutes', (expression, minutes) => {
    expect(shortestGapMinutes(expression)).toBe(minutes);
  });

  it.each([
    ['once a day on chosen days: at most daily, not judged', 'cron(0 6 ? * MON *)'],
    ['the last day of the month', 'cron(0 6 L * ? *)'],
    ['an hour past 23', 'cron(0 25 * * ? *)'],
    ['a minutes field it does not read', 'cron(x * * * ? *)'],
    ['five fields', 'cron(0 6 * * ?)'],
    ['not a schedule', 'every minute'],
  ])('%s: undefined', (_what, expression) => {
    expect(shortestGapMinutes(expression)).toBeUndefined();
  });
});
