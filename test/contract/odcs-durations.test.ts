import { parseIsoDuration } from '../../src/contract/odcs/iso-duration';
import { loadOdcs, messages } from '../helpers/odcs';

/** The complete fixture with its latency (slaProperties[0]) and retention (slaProperties[2]) written otherwise. */
function withSla(latency: string, retention = '    value: 2\n    unit: years\n') {
  return loadOdcs('complete.odcs.yaml', (t) => t.replace('    value: 30\n    unit: minutes\n', latency).replace('    value: 2\n    unit: years\n', retention));
}

describe('ODCS SLA durations in the notations the standard allows', () => {
  it.each([
    ['an ISO 8601 duration', '    value: PT4H\n', 240],
    ['an ISO 8601 duration with days and hours', '    value: P1DT2H\n', 1560],
    ['a fraction of the smallest ISO part', '    value: PT1.5H\n', 90],
    ['an ISO 8601 year (365 days)', '    value: P1Y\n', 525600],
    ['the unit inside the value', '    value: 4h\n', 240],
    ['the unit inside the value, spaced', '    value: "45 min"\n', 45],
    ['a unit the standard lists (d)', '    value: 1\n    unit: d\n', 1440],
    ['a unit the standard lists (yr)', '    value: 1\n    unit: yr\n', 525600],
    ['seconds that make whole minutes', '    value: 120\n    unit: s\n', 2],
  ])('reads the latency as %s', (_what, latency, minutes) => {
    const { value, errors } = withSla(latency);
    expect(errors).toEqual([]);
    expect(value!.sla.freshnessMinutes).toBe(minutes);
  });

  it('reads retention written in ISO 8601', () => {
    expect(withSla('    value: 30\n    unit: minutes\n', '    value: P2W\n').value!.output.retentionDays).toBe(14);
  });

  it('refuses a sub-minute freshness, which the platform cannot record, at the value', () => {
    const { value, errors } = withSla('    value: 500ms\n');
    expect(value).toBeUndefined();
    expect(messages(errors)).toEqual(['slaProperties[0].value: cannot build: Latency of 500 ms is shorter than a minute; the platform records and checks freshness in whole minutes']);
  });

  it('rounds a freshness in seconds up to whole minutes, and says so at the value', () => {
    const { value, warnings } = withSla('    value: 90\n    unit: seconds\n');
    expect(value!.sla.freshnessMinutes).toBe(2);
    expect(messages(warnings)).toEqual(['slaProperties[0].value: Latency of 90 seconds is recorded as 2 min: freshness is kept in whole minutes']);
  });

  it('keeps a retention of part of a day for whole days, and says so', () => {
    const { value, warnings } = withSla('    value: 30\n    unit: minutes\n', '    value: PT36H\n');
    expect(value!.output.retentionDays).toBe(2);
    expect(messages(warnings)).toEqual(['slaProperties[2].value: retention of PT36H is kept for 2 days: S3 expires objects in whole days']);
  });

  it.each([
    ['months, which have no fixed length (ISO)', '    value: P6M\n', 'slaProperties[0].value: cannot build: "P6M" of Latency counts months, and a month has no fixed length'],
    [
      'months, which have no fixed length (unit)',
      '    value: 6\n    unit: months\n',
      'slaProperties[0].unit: cannot build: unit "months" of Latency is not one the platform reads: a month has no fixed length',
    ],
    ['a unit the platform does not read', '    value: 3\n    unit: fortnights\n', 'slaProperties[0].unit: cannot build: unit "fortnights" of Latency is not one the platform reads'],
    ['an invalid ISO 8601 duration', '    value: P1DT\n', 'slaProperties[0].value: cannot build: "P1DT" of Latency is not a valid ISO 8601 duration'],
    ['an ISO 8601 duration with a unit', '    value: PT4H\n    unit: h\n', 'slaProperties[0].unit: cannot build: Latency is an ISO 8601 duration ("PT4H") and also has unit "h"'],
    ['a unit given twice', '    value: 4h\n    unit: h\n', 'slaProperties[0].unit: cannot build: Latency gives a unit twice: "4h" and unit "h"'],
    ['text that is no duration', '    value: soon\n    unit: h\n', 'slaProperties[0].value: cannot build: Latency "soon" is not a duration the platform reads'],
    ['zero', '    value: 0\n    unit: h\n', 'slaProperties[0].value: cannot build: Latency must be longer than zero, got 0'],
  ])('refuses %s, naming the field', (_what, latency, message) => {
    const { value, errors } = withSla(latency);
    expect(value).toBeUndefined();
    expect(messages(errors)).toEqual([message]);
  });
});

describe('the ISO 8601 duration parser', () => {
  it.each([
    ['P1Y', { years: 1 }],
    ['P1Y2M3W4DT5H6M7S', { years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7 }],
    ['PT0,5S', { seconds: 0.5 }],
    ['P0D', { days: 0 }],
  ])('reads %s', (text, parts) => {
    expect(parseIsoDuration(text)).toEqual({ years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0, ...parts });
  });

  it.each(['P', 'PT', 'P1DT', 'xP1D', 'P1Dx', '-P1D', 'P1.5DT2H', 'P1H', 'p1d', '1D', 'PT1H1D'])('refuses %s', (text) => {
    expect(parseIsoDuration(text)).toBeUndefined();
  });
});
