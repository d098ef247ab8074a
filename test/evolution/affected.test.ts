import { execFileSync } from 'child_process';
import { App } from 'cdktf';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildMesh } from '../../src/build-mesh';
import { affectedStacks, checkRef } from '../../src/evolution/affected';
import { BaselineError } from '../../src/evolution/baseline';
import { editFile, FIXTURES, REFERENCE_CONTRACTS, writeFile } from '../helpers/fixtures';

/**
 * `affected` is exact when the stacks it names are the stacks whose cdk.tf.json really differ.
 * Every case synthesizes the working tree and compares each stack with a synthesis of the base.
 */
const TODAY = '2026-11-21';

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: repo, encoding: 'utf8' });
}

/** The reference mesh plus a fourth domain nobody grants to, so a role change cannot reach every stack. */
function baseRepository(): string {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-affected-'));
  const contracts = path.join(repo, 'contracts');
  fs.cpSync(REFERENCE_CONTRACTS, contracts, { recursive: true });
  const shop = (file: string) =>
    fs
      .readFileSync(path.join(FIXTURES, 'minimal', 'shop', file), 'utf8')
      .replace(/shop/g, 'logistics')
      .replace(/123456789012/g, '666666666666');
  writeFile(contracts, 'logistics/domain.yaml', shop('domain.yaml'));
  writeFile(contracts, 'logistics/orders.yaml', shop('orders.yaml').replace(/consumers:\n(.*\n){3}/, ''));
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'base');
  return repo;
}

/** Each stack's cdk.tf.json, by domain. */
function synthesize(contractsDir: string): Map<string, string> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-affected-out-'));
  const app = new App({ outdir });
  buildMesh(app, { contractsDir, today: TODAY, domains: undefined });
  app.synth();
  const stacks = path.join(outdir, 'stacks');
  return new Map(fs.readdirSync(stacks).map((domain) => [domain, fs.readFileSync(path.join(stacks, domain, 'cdk.tf.json'), 'utf8')]));
}

function reallyDiffer(base: Map<string, string>, current: Map<string, string>): string[] {
  return [...new Set([...base.keys(), ...current.keys()])].filter((d) => base.get(d) !== current.get(d)).sort();
}

describe('datamesh affected names exactly the stacks whose Terraform changes', () => {
  const saved = process.env.DATAMESH_DOMAINS;
  beforeAll(() => delete process.env.DATAMESH_DOMAINS);
  afterAll(() => {
    if (saved !== undefined) process.env.DATAMESH_DOMAINS = saved;
  });
  const base = baseRepository();
  let baseStacks: Map<string, string>;
  beforeAll(() => {
    baseStacks = synthesize(path.join(base, 'contracts'));
  });

  const CASES: readonly { name: string; change: (contracts: string) => void; expected: Record<string, string> }[] = [
    {
      name: 'a column added to a contract changes its own stack only',
      change: (c) =>
        editFile(c, 'sales/orders.yaml', (t) =>
          t.replace('  - name: order_number\n', '  - name: gift_note\n    type: string\n    description: Note printed on the gift receipt.\n    classification: internal\n  - name: order_number\n'),
        ),
      expected: { sales: 'changed' },
    },
    {
      name: 'a consumer added to a contract changes the granting stack only (the consumer is resolved there)',
      change: (c) =>
        editFile(c, 'customer/web_sessions.yaml', (t) =>
          t.replace('consumers:\n', 'consumers:\n  - domain: payments\n    access: read\n    pii: false\n    reason: Payments correlates sessions with fraud signals.\n'),
        ),
      expected: { customer: 'changed' },
    },
    {
      name: 'a consumer role changed in domain.yaml changes every stack granting to that domain (payments grants none to itself)',
      change: (c) => editFile(c, 'payments/domain.yaml', (t) => t.replace('role/payments-finance-reporting', 'role/payments-finance-close')),
      expected: { customer: 'changed', sales: 'changed' },
    },
    {
      name: 'an owner and a tag changed in domain.yaml change that domain only',
      change: (c) => editFile(c, 'sales/domain.yaml', (t) => t.replace('team: sales-data', 'team: commerce-data').replace('BusinessUnit: commerce', 'BusinessUnit: retail')),
      expected: { sales: 'changed' },
    },
    {
      name: 'platform.yaml changes every stack',
      change: (c) => editFile(c, 'platform.yaml', (t) => t.replace('Platform: datamesh', 'Platform: datamesh-v2')),
      expected: { customer: 'changed', logistics: 'changed', payments: 'changed', sales: 'changed' },
    },
    {
      name: 'a new domain is one added stack',
      change: (c) => {
        writeFile(
          c,
          'finance/domain.yaml',
          fs
            .readFileSync(path.join(c, 'logistics/domain.yaml'), 'utf8')
            .replace(/logistics/g, 'finance')
            .replace(/666666666666/g, '777777777777'),
        );
      },
      expected: { finance: 'added' },
    },
    {
      name: 'a deleted domain is one removed stack',
      change: (c) => fs.rmSync(path.join(c, 'logistics'), { recursive: true }),
      expected: { logistics: 'removed' },
    },
    {
      name: 'comments, blank lines and key order change nothing',
      change: (c) => {
        editFile(c, 'sales/orders.yaml', (t) => `# reviewed\n\n${t.replace('status: active\n', 'status: active   # still served\n')}`);
        editFile(c, 'payments/domain.yaml', (t) => t.replace('kind: Domain\nname: payments\n', 'name: payments\nkind: Domain\n\n'));
        editFile(c, 'platform.yaml', (t) => `${t}\n# end of file\n`);
      },
      expected: {},
    },
    {
      name: 'governance-only edits (a platform rule, a domain rule, a draft contract) change nothing',
      change: (c) => {
        editFile(c, 'customer/loyalty_events.yaml', (t) => t.replace('DRAFT, not deployed:', 'DRAFT, not deployed yet:'));
        editFile(c, 'platform.yaml', (t) => t.replace('Add sla.freshness to the contract, for example 1h.', 'Add sla.freshness, for example 1h.'));
        editFile(c, 'payments/domain.yaml', (t) => t.replace('severity: error', 'severity: error\n      waivable: false'));
      },
      expected: {},
    },
    {
      name: 'a producer role changed where no contract grants write access changes nothing',
      change: (c) => editFile(c, 'sales/domain.yaml', (t) => t.replace('role/sales-data-producer', 'role/sales-ingestion')),
      expected: {},
    },
  ];

  it.each(CASES)('$name', ({ change, expected }) => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-affected-case-'));
    fs.cpSync(base, repo, { recursive: true });
    const contracts = path.join(repo, 'contracts');
    change(contracts);
    const report = affectedStacks(contracts, 'main', 'dev');
    expect(report.errors).toEqual([]);
    const named = Object.fromEntries(report.affected.map((a) => [a.stack, a.change]));
    expect(named).toEqual(expected);
    expect(Object.keys(named).sort()).toEqual(reallyDiffer(baseStacks, synthesize(contracts)));
  });

  it('reports why a stack changes', () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-affected-case-'));
    fs.cpSync(base, repo, { recursive: true });
    editFile(path.join(repo, 'contracts'), 'payments/domain.yaml', (t) => t.replace('role/payments-finance-reporting', 'role/payments-finance-close'));
    const report = affectedStacks(path.join(repo, 'contracts'), 'main', 'dev');
    expect(report.affected.find((a) => a.stack === 'sales')!.reasons).toEqual(['consumer roles of payments']);
    expect(report.stacks).toEqual(['customer', 'sales']);
    expect(report.unchanged).toEqual(['logistics', 'payments']);
  });

  it('refuses a revision that git would read as an option', () => {
    expect(() => checkRef('--output=/tmp/x')).toThrow(BaselineError);
    expect(() => affectedStacks(path.join(base, 'contracts'), '-p', 'dev')).toThrow(/cannot be empty or start with "-"/);
  });
});
