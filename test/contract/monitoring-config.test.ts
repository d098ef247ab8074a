import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_MONITORING } from '../../src/contract/config';
import { loadMesh } from '../../src/contract/mesh';
import type { DataProductSpec } from '../../src/contract/model';
import { evaluationCadence, rateExpression } from '../../src/contract/monitoring';
import { copyMesh, editFile } from '../helpers/fixtures';

const lineOf = (file: string, text: string) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(text)) + 1;
const where = (dir: string) => loadMesh(dir).errors.map((e) => ({ file: path.basename(e.file), line: e.line, path: e.path, message: e.message }));

describe('monitoring settings in contracts, domain.yaml and platform.yaml', () => {
  it('reads a contract interval, a contract schedule, alert endpoints, a budget and platform defaults', () => {
    const dir = copyMesh();
    editFile(dir, 'shop/orders.yaml', (t) => t.replace('  availability: "99.9%"\n', '  availability: "99.9%"\n  checkEvery: 2h\n'));
    editFile(dir, 'shop/domain.yaml', (t) => `${t}monitoring:\n  alerts:\n    - protocol: sms\n      endpoint: "+4915112345678"\n  budget:\n    monthlyUsd: 250\n`);
    editFile(dir, 'platform.yaml', (t) => `${t}monitoring:\n  defaultInterval: 12h\n  minInterval: 30m\n  budget:\n    monthlyUsd: 50\n    thresholds: [90]\n`);
    const mesh = loadMesh(dir).value!;
    expect(mesh.products[0].sla.checkEveryMinutes).toBe(120);
    expect(mesh.domains[0].monitoring).toEqual({ alerts: [expect.objectContaining({ protocol: 'sms', endpoint: '+4915112345678' })], monthlyBudgetUsd: 250 });
    expect(mesh.platform.monitoring).toEqual({ enabled: true, defaultIntervalMinutes: 720, minIntervalMinutes: 30, monthlyBudgetUsd: 50, budgetThresholds: [90] });
  });

  it('rejects an interval and a schedule together, at the schedule line', () => {
    const dir = copyMesh();
    const file = editFile(dir, 'shop/orders.yaml', (t) => t.replace('  availability: "99.9%"\n', '  availability: "99.9%"\n  checkEvery: 2h\n  checkSchedule: "rate(2 hours)"\n'));
    expect(where(dir)).toEqual([
      expect.objectContaining({ file: 'orders.yaml', line: lineOf(file, 'checkSchedule:'), path: 'sla.checkSchedule', message: 'sla states both checkEvery and checkSchedule' }),
    ]);
  });

  it('rejects a schedule that is not an EventBridge Scheduler expression, at its line', () => {
    const dir = copyMesh();
    const file = editFile(dir, 'shop/orders.yaml', (t) => t.replace('  availability: "99.9%"\n', '  availability: "99.9%"\n  checkSchedule: "every morning"\n'));
    expect(where(dir)).toEqual([expect.objectContaining({ file: 'orders.yaml', line: lineOf(file, 'checkSchedule:'), path: 'sla.checkSchedule' })]);
  });

  it('rejects an alert endpoint that does not fit its protocol, at the endpoint line', () => {
    const dir = copyMesh();
    const file = editFile(dir, 'shop/domain.yaml', (t) => `${t}monitoring:\n  alerts:\n    - protocol: https\n      endpoint: http://alerts.example.com/hook\n`);
    expect(where(dir)).toEqual([expect.objectContaining({ file: 'domain.yaml', line: lineOf(file, 'endpoint: http://'), path: 'monitoring.alerts[0].endpoint' })]);
  });

  it('rejects a platform interval without a unit and a negative budget, each at its line', () => {
    const dir = copyMesh();
    const file = editFile(dir, 'platform.yaml', (t) => `${t}monitoring:\n  minInterval: 60\n  budget:\n    monthlyUsd: -5\n`);
    expect(where(dir)).toEqual([
      expect.objectContaining({ file: 'platform.yaml', line: lineOf(file, 'minInterval:'), path: 'monitoring.minInterval' }),
      expect.objectContaining({ file: 'platform.yaml', line: lineOf(file, 'monthlyUsd:'), path: 'monitoring.budget.monthlyUsd' }),
    ]);
  });
});

describe('evaluation cadence', () => {
  const mesh = loadMesh(copyMesh()).value!;
  const orders = mesh.products[0];
  const withSla = (sla: Partial<DataProductSpec['sla']>, status: DataProductSpec['status'] = 'active'): DataProductSpec => ({ ...orders, status, sla: { ...orders.sla, ...sla } });

  it('follows the freshness SLA, bounded by the platform minimum and default', () => {
    expect(evaluationCadence(withSla({ freshnessMinutes: 180 }), DEFAULT_MONITORING)).toEqual({ expression: 'rate(3 hours)', intervalMinutes: 180, source: 'freshness' });
    expect(evaluationCadence(withSla({ freshnessMinutes: 15 }), DEFAULT_MONITORING)).toEqual({ expression: 'rate(1 hour)', intervalMinutes: 60, source: 'freshness' });
    expect(evaluationCadence(withSla({ freshnessMinutes: 10080 }), DEFAULT_MONITORING)).toEqual({ expression: 'rate(1 day)', intervalMinutes: 1440, source: 'platform default' });
  });

  it('prefers what the contract states', () => {
    expect(evaluationCadence(withSla({ checkSchedule: 'cron(0 6 * * ? *)' }), DEFAULT_MONITORING)).toEqual({ expression: 'cron(0 6 * * ? *)', source: 'contract schedule' });
    expect(evaluationCadence(withSla({ checkEveryMinutes: 4320 }), DEFAULT_MONITORING)).toEqual({ expression: 'rate(3 days)', intervalMinutes: 4320, source: 'contract interval' });
  });

  it('gives drafts, retired products and a platform without monitoring no cadence', () => {
    expect(evaluationCadence(withSla({}, 'draft'), DEFAULT_MONITORING)).toBeUndefined();
    expect(evaluationCadence(withSla({}, 'retired'), DEFAULT_MONITORING)).toBeUndefined();
    expect(evaluationCadence(withSla({}, 'deprecated'), DEFAULT_MONITORING)).toBeDefined();
    expect(evaluationCadence(orders, { ...DEFAULT_MONITORING, enabled: false })).toBeUndefined();
  });

  it('writes rates in the largest whole unit', () => {
    expect([1, 90, 120, 1440, 2880].map(rateExpression)).toEqual(['rate(1 minute)', 'rate(90 minutes)', 'rate(2 hours)', 'rate(1 day)', 'rate(2 days)']);
  });
});
