import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { diffMesh } from '../../src/governance/diff-mesh';
import { formatDiff } from '../../src/governance/reports/diff';
import { CHANGE_KINDS } from '../../src/evolution/change';
import { editFile, FIXTURES, lineOf, writeFile } from '../helpers/fixtures';

const ORDERS = 'contracts/shop/orders.yaml';

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: repo, encoding: 'utf8' });
}

/**
 * The minimal mesh plus two derived products: shop.daily_totals (from shop.orders) and
 * shop.weekly_totals (from shop.daily_totals), read by a role of the central BI account.
 */
function lineageRepository(): string {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-impact-'));
  fs.cpSync(path.join(FIXTURES, 'minimal'), path.join(repo, 'contracts'), { recursive: true });
  const orders = fs.readFileSync(path.join(repo, ORDERS), 'utf8');
  const derived = (name: string, input: string) =>
    `${orders.replace('id: shop.orders', `id: shop.${name}`).replace('name: orders', `name: ${name}`).replace('role/central-bi', `role/${name}-reader`)}inputs:\n  - ${input}\n`;
  writeFile(repo, 'contracts/shop/daily_totals.yaml', derived('daily_totals', 'shop.orders'));
  writeFile(repo, 'contracts/shop/weekly_totals.yaml', derived('weekly_totals', 'shop.daily_totals'));
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'base');
  return repo;
}

const diff = (repo: string) => diffMesh(path.join(repo, 'contracts'), 'main', { today: '2026-11-21' });
const removeTotal = (t: string) => t.replace(/  - name: total\n(.*\n){2}/, '');

describe('downstream impact of breaking changes', () => {
  const repo = lineageRepository();
  editFile(repo, ORDERS, removeTotal);
  const result = diff(repo);

  it('lists the products derived from the changed one, transitively, and every consumer they grant', () => {
    expect(result.downstream['shop.orders']).toEqual({
      products: ['shop.daily_totals', 'shop.weekly_totals'],
      consumers: [
        { consumer: 'arn:aws:iam::210987654321:role/central-bi', via: 'shop.orders' },
        { consumer: 'arn:aws:iam::210987654321:role/daily_totals-reader', via: 'shop.daily_totals' },
        { consumer: 'arn:aws:iam::210987654321:role/weekly_totals-reader', via: 'shop.weekly_totals' },
      ],
    });
  });

  it('shows the downstream list under each breaking change in text', () => {
    const text = formatDiff(result, 'text');
    expect(text).toMatch(
      /breaking +column-removed +column "total" was removed \(or renamed\) \(.*orders\.yaml:\d+\)\n +downstream: products shop\.daily_totals, shop\.weekly_totals; consumers arn:aws:iam::210987654321:role\/central-bi \(via shop\.orders\)/,
    );
  });

  it('carries the downstream list on each breaking change in JSON', () => {
    const json = JSON.parse(formatDiff(result, 'json'));
    const [change] = json.products[0].changes;
    expect(change).toMatchObject({ kind: 'column-removed', before: 'total decimal(12,2)', after: null, downstream: { products: ['shop.daily_totals', 'shop.weekly_totals'] } });
  });

  it('puts the downstream list in the JUnit failure and output', () => {
    const junit = formatDiff(result, 'junit');
    expect(junit).toMatch(/<failure type="DM301"[^>]*>[^<]*downstream: products shop\.daily_totals, shop\.weekly_totals/);
    expect(junit).toMatch(/<system-out>column-removed: [^<]*\n  downstream: products shop\.daily_totals/);
  });

  it('annotates each breaking change with its downstream list for GitHub, even when the bump is right', () => {
    const bumped = lineageRepository();
    editFile(bumped, ORDERS, (t) => removeTotal(t).replace('version: "1.0.0"', 'version: "2.0.0"'));
    const github = formatDiff(diff(bumped), 'github');
    expect(github).not.toMatch(/::error/);
    expect(github).toMatch(/^::notice file=.*orders\.yaml,line=\d+,col=\d+,title=downstream of shop\.orders::column-removed: .*Downstream: products shop\.daily_totals, shop\.weekly_totals/m);
  });

  it('says so when nothing is downstream', () => {
    const leaf = lineageRepository();
    editFile(leaf, 'contracts/shop/weekly_totals.yaml', (t) => removeTotal(t).replace(/consumers:\n(.*\n){3}/, ''));
    expect(formatDiff(diff(leaf), 'text')).toMatch(/downstream: products none; consumers arn:aws:iam::210987654321:role\/weekly_totals-reader \(via shop\.weekly_totals\)/);
  });
});

describe('diff findings point at what changed', () => {
  it('puts DM301 at the changed field and DM303 at the version line', () => {
    const repo = lineageRepository();
    const file = editFile(repo, ORDERS, (t) => t.replace('  format: parquet', '  format: orc'));
    const text = fs.readFileSync(file, 'utf8');
    const findings = diff(repo).findings;
    expect(findings.find((f) => f.ruleId === 'DM301')!.location!.line).toBe(lineOf(text, 'format: orc'));
    expect(findings.find((f) => f.ruleId === 'DM303')!.location!.line).toBe(lineOf(text, 'version:'));
  });

  it('gives a weakened SLA its old and new value, its line and a fix about the SLA', () => {
    const repo = lineageRepository();
    const file = editFile(repo, ORDERS, (t) => t.replace('freshness: 1h', 'freshness: 6h'));
    const [change] = diff(repo).evolutions.find((e) => e.productId === 'shop.orders')!.changes;
    expect(change).toMatchObject({
      kind: 'sla-weakened',
      before: 'freshness 1h, availability 99.9%',
      after: 'freshness 6h, availability 99.9%',
      location: { line: lineOf(fs.readFileSync(file, 'utf8'), 'sla:') },
    });
    expect(change.fix).toMatch(/freshness and availability promise/);
    const dm301 = diff(repo).findings.find((f) => f.ruleId === 'DM301')!;
    expect(dm301.fix).toMatch(/^restore the previous freshness and availability promise.*the next major version is 2\.0\.0/);
  });

  it('gives every kind of change a fix of its own words', () => {
    const fixes = Object.values(CHANGE_KINDS).map((k) => k.fix);
    expect(fixes.every((f) => f.length > 10)).toBe(true);
    const breaking = Object.entries(CHANGE_KINDS).filter(([, k]) => k.impact === 'breaking');
    expect(new Set(breaking.map(([, k]) => k.fix)).size).toBe(breaking.length);
    expect(breaking.filter(([kind, k]) => !kind.startsWith('column') && /column/.test(k.fix)).map(([kind]) => kind)).toEqual([]);
  });
});
