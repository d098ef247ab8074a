import { execFileSync } from 'child_process';
import { App } from 'cdktf';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildMesh } from '../../src/build-mesh';
import { diffMesh } from '../../src/governance/diff-mesh';
import { formatDiff } from '../../src/governance/reports/diff';
import { editFile, FIXTURES, lineOf, writeFile } from '../helpers/fixtures';
import { synthKeepingFindings } from '../helpers/synth';

const FINANCE = 'contracts/finance/domain.yaml';
const FINANCE_YAML = `apiVersion: datamesh/v1
kind: Domain
name: finance
description: Finance reporting.
owner:
  team: finance-data
  email: finance-data@example.com
account: "333333333333"
roles:
  consumers:
    - arn:aws:iam::333333333333:role/finance-reporting
    - arn:aws:iam::333333333333:role/finance-audit
`;

/** The minimal mesh plus a finance domain that reads shop.orders, committed as `main`. */
function repository(): string {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-access-'));
  fs.cpSync(path.join(FIXTURES, 'minimal'), path.join(repo, 'contracts'), { recursive: true });
  writeFile(repo, FINANCE, FINANCE_YAML);
  editFile(repo, 'contracts/shop/orders.yaml', (t) => `${t}  - domain: finance\n    access: read\n    reason: Monthly revenue reconciliation.\n`);
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'base');
  return repo;
}

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: repo, encoding: 'utf8' });
}

/** finance gains a role, loses one, and re-points one at another account. */
function changeRoles(repo: string): string {
  return editFile(repo, FINANCE, (t) =>
    t
      .replace('    - arn:aws:iam::333333333333:role/finance-audit\n', '    - arn:aws:iam::333333333333:role/finance-forecasting\n')
      .replace('arn:aws:iam::333333333333:role/finance-reporting', 'arn:aws:iam::999999999999:role/finance-reporting'),
  );
}

const diff = (repo: string) => diffMesh(path.join(repo, 'contracts'), 'main', { today: '2026-11-21' });

describe('datamesh diff covers domain.yaml and platform.yaml: access changes', () => {
  it('sees a role change although no contract changed', () => {
    const repo = repository();
    const file = changeRoles(repo);
    const result = diff(repo);
    expect(result.evolutions).toEqual([]);
    const text = fs.readFileSync(file, 'utf8');
    expect(result.accessChanges.map((c) => [c.kind, c.impact, c.message, c.affectedProducts, c.location?.line])).toEqual([
      [
        'role-moved-account',
        'moved',
        'consumer role of domain finance moved from arn:aws:iam::333333333333:role/finance-reporting to arn:aws:iam::999999999999:role/finance-reporting',
        ['shop.orders'],
        lineOf(text, 'finance-reporting'),
      ],
      ['role-added', 'widened', 'consumer role arn:aws:iam::333333333333:role/finance-forecasting added to domain finance', ['shop.orders'], lineOf(text, 'finance-forecasting')],
      ['role-removed', 'narrowed', 'consumer role arn:aws:iam::333333333333:role/finance-audit removed from domain finance', ['shop.orders'], 1],
    ]);
    expect(result.findings.map((f) => [f.ruleId, f.severity, f.domain])).toEqual([
      ['DM304', 'warning', 'finance'],
      ['DM304', 'warning', 'finance'],
      ['DM304', 'warning', 'finance'],
    ]);
  });

  it('reports a trusted account added to platform.yaml', () => {
    const repo = repository();
    editFile(repo, 'contracts/platform.yaml', (t) => `${t}  - account: "777777777777"\n    reason: Group auditors review the consolidated figures.\n`);
    expect(diff(repo).accessChanges.map((c) => [c.kind, c.message])).toEqual([['trusted-account-added', 'platform trusts account 777777777777: Group auditors review the consolidated figures.']]);
  });

  it('shows access changes in every output format', () => {
    const repo = repository();
    changeRoles(repo);
    const result = diff(repo);
    const text = formatDiff(result, 'text');
    expect(text).toContain('access (domain.yaml, platform.yaml): 3 change(s) to who grants reach');
    expect(text).toMatch(/moved\s+role-moved-account\s+consumer role of domain finance moved .*\(.*contracts\/finance\/domain\.yaml:\d+\)\n\s+affects: shop\.orders/);
    const json = JSON.parse(formatDiff(result, 'json'));
    expect(json.access.map((c: { kind: string }) => c.kind)).toEqual(['role-moved-account', 'role-added', 'role-removed']);
    const junit = formatDiff(result, 'junit');
    expect(junit).toContain('<testcase classname="datamesh.access" name="access role-added finance">');
    expect(junit).toContain('tests="3" failures="0"');
    const github = formatDiff(result, 'github');
    expect(github.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^::warning file=.*contracts\/finance\/domain\.yaml,line=\d+,col=\d+,title=DM304::access moved: consumer role of domain finance moved/),
      expect.stringMatching(/^::warning file=.*title=DM304::access widened: consumer role .*finance-forecasting added/),
      expect.stringMatching(/^::warning file=.*title=DM304::access narrowed: consumer role .*finance-audit removed/),
    ]);
  });

  it('reports access changes at synthesis with DATAMESH_BASELINE', () => {
    const repo = repository();
    changeRoles(repo);
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-access-synth-')) });
    const built = buildMesh(app, { contractsDir: path.join(repo, 'contracts'), baseline: 'main', today: '2026-11-21' });
    synthKeepingFindings(app, built);
    const findings = built.governance.findings();
    expect(findings.filter((f) => f.ruleId === 'DM304').map((f) => f.message)).toEqual([
      // The ledger sorts by location: the removed role points at the top of domain.yaml.
      expect.stringMatching(/^access narrowed: consumer role .*finance-audit removed/),
      expect.stringMatching(/^access moved: consumer role of domain finance moved/),
      expect.stringMatching(/^access widened: consumer role .*finance-forecasting added/),
    ]);
    // The moved role is in an account the platform does not trust: DM116 stops the synthesis.
    expect(findings.filter((f) => f.ruleId === 'DM116').map((f) => f.severity)).toEqual(['error']);
  });
});
