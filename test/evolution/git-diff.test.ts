import { execFileSync } from 'child_process';
import { App } from 'cdktf';
import { synthKeepingFindings } from '../helpers/synth';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildMesh } from '../../src/build-mesh';
import { MeshValidationError } from '../../src/contract/errors';
import { diffMesh } from '../../src/governance/diff-mesh';
import { formatDiff } from '../../src/governance/reports/diff';
import { isBlocking } from '../../src/governance/finding';
import { editFile, FIXTURES, writeFile } from '../helpers/fixtures';

const ORDERS = 'contracts/shop/orders.yaml';

/** A git repository whose first commit holds the minimal mesh; returns its path. */
function repository(): string {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-git-'));
  fs.cpSync(path.join(FIXTURES, 'minimal'), path.join(repo, 'contracts'), { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  commit(repo, 'base mesh');
  return repo;
}

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: repo, encoding: 'utf8' });
}

function commit(repo: string, message: string): void {
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', message);
}

function diff(repo: string, ref = 'main') {
  return diffMesh(path.join(repo, 'contracts'), ref, { today: '2026-11-21' });
}

const blockingRules = (repo: string) =>
  diff(repo)
    .findings.filter(isBlocking)
    .map((f) => f.ruleId);
const removeTotal = (t: string) => t.replace(/  - name: total\n(.*\n){2}/, '');
const addDiscount = (t: string) => t.replace('  - name: items', '  - name: discount\n    type: decimal(12,2)\n    description: Discount granted in EUR.\n  - name: items');

describe('datamesh diff against a git revision', () => {
  it('fails a column removal without a major bump, at the product', () => {
    const repo = repository();
    editFile(repo, ORDERS, removeTotal);
    const result = diff(repo);
    expect(result.evolutions.map((e) => [e.productId, e.requiredBump, e.foundBump])).toEqual([['shop.orders', 'major', 'none']]);
    expect(
      result.findings
        .filter(isBlocking)
        .map((f) => f.ruleId)
        .sort(),
    ).toEqual(['DM301', 'DM303']);
    expect(result.findings.find((f) => f.ruleId === 'DM301')!.message).toMatch(/column "total" was removed .*\[column-removed\]/);
  });

  it('passes the same removal with a major bump', () => {
    const repo = repository();
    editFile(repo, ORDERS, (t) => removeTotal(t).replace('version: "1.0.0"', 'version: "2.0.0"'));
    expect(blockingRules(repo)).toEqual([]);
  });

  it('needs only a minor bump for an optional column', () => {
    const repo = repository();
    editFile(repo, ORDERS, (t) => addDiscount(t).replace('version: "1.0.0"', 'version: "1.0.1"'));
    expect(blockingRules(repo)).toEqual(['DM302']);
    editFile(repo, ORDERS, (t) => t.replace('version: "1.0.1"', 'version: "1.1.0"'));
    expect(blockingRules(repo)).toEqual([]);
  });

  it('refuses a changed contract with the same version, and a version that went down', () => {
    const repo = repository();
    editFile(repo, ORDERS, (t) => t.replace('One row per order placed in the web shop.', 'Every order placed in the web shop.'));
    expect(blockingRules(repo)).toEqual(['DM303']);
    editFile(repo, ORDERS, (t) => t.replace('version: "1.0.0"', 'version: "0.9.0"'));
    expect(
      diff(repo)
        .findings.filter(isBlocking)
        .map((f) => f.message),
    ).toEqual(['version went down from 1.0.0 to 0.9.0']);
  });

  it('treats a renamed contract file as the same product', () => {
    const repo = repository();
    git(repo, 'mv', ORDERS, 'contracts/shop/web-orders.yaml');
    expect(diff(repo).evolutions).toEqual([]);
  });

  it('treats a product removed while active as breaking, and a retired one as cosmetic', () => {
    const repo = repository();
    fs.rmSync(path.join(repo, ORDERS));
    expect(diff(repo).findings.map((f) => [f.ruleId, f.message])).toEqual([['DM301', 'shop.orders was removed while active; retire it first']]);

    const retired = repository();
    editFile(retired, ORDERS, (t) => t.replace('status: active', 'status: retired').replace(/consumers:\n(.*\n)*$/, ''));
    commit(retired, 'retire orders');
    fs.rmSync(path.join(retired, ORDERS));
    expect(diff(retired).evolutions.map((e) => e.changes.map((c) => c.kind))).toEqual([['product-retired-removed']]);
    expect(diff(retired).findings).toEqual([]);
  });

  it('reports a new product as added, with nothing to bump', () => {
    const repo = repository();
    writeFile(repo, 'contracts/shop/returns.yaml', fs.readFileSync(path.join(repo, ORDERS), 'utf8').replace(/orders/g, 'returns'));
    expect(diff(repo).evolutions.map((e) => [e.productId, e.changes[0].kind])).toEqual([['shop.returns', 'product-added']]);
    expect(diff(repo).findings).toEqual([]);
  });

  it('waives a breaking change with a current exception in the contract', () => {
    const repo = repository();
    editFile(
      repo,
      ORDERS,
      (t) =>
        `${removeTotal(t).replace('version: "1.0.0"', 'version: "1.1.0"')}governance:\n  exceptions:\n    - rule: DM301\n      reason: The only consumer migrated in the same release window.\n      expires: "2027-01-31"\n`,
    );
    const dm301 = diff(repo).findings.find((f) => f.ruleId === 'DM301')!;
    expect(dm301.waiver).toEqual({ reason: 'The only consumer migrated in the same release window.', expires: '2027-01-31' });
  });

  it('compares ODCS contracts like native ones', () => {
    const repo = repository();
    const odcs = fs
      .readFileSync(path.join(__dirname, '..', '..', 'contracts', 'payments', 'sepa_mandates.odcs.yaml'), 'utf8')
      .replace(/domain: payments/, 'domain: shop')
      .replace('role: customer', 'role: shop')
      .replace('s3://acme-prod-payments-sepa-mandates/', 's3://testco-prod-shop-sepa-mandates/');
    writeFile(repo, 'contracts/shop/sepa_mandates.odcs.yaml', odcs);
    commit(repo, 'odcs product');
    editFile(repo, 'contracts/shop/sepa_mandates.odcs.yaml', (t) => t.replace(/\n      - name: [a-z_]+\n(?:        .*\n)*?(?=      - name:)/, '\n'));
    const [evolution] = diff(repo).evolutions;
    expect(evolution.changes.map((c) => c.kind)).toContain('column-removed');
    expect(diff(repo).findings.map((f) => f.ruleId)).toContain('DM301');
  });

  it('names the bad revision', () => {
    expect(() => diff(repository(), 'no-such-branch')).toThrow(/no-such-branch/);
  });
});

describe('diff output formats', () => {
  const repo = repository();
  editFile(repo, ORDERS, removeTotal);
  const result = diff(repo);

  it('groups human text by product: what changed, kind, required and found bump', () => {
    const text = formatDiff(result, 'text');
    expect(text).toContain('shop.orders  1.0.0 -> 1.0.0  required: major, found: none');
    expect(text).toMatch(/breaking\s+column-removed\s+column "total" was removed/);
    expect(text).toContain('semver violation(s) since main.');
  });

  it('writes JUnit with a failing test case per product', () => {
    const junit = formatDiff(result, 'junit');
    expect(junit).toContain('<testsuites name="datamesh diff" tests="1" failures="1">');
    expect(junit).toMatch(/<failure type="DM301" message="breaking change without a major version bump/);
  });

  it('writes GitHub annotations on the contract lines', () => {
    const lines = formatDiff(result, 'github').trim().split('\n');
    expect(lines[0]).toMatch(/^::error file=.*contracts\/shop\/orders\.yaml,line=\d+,col=\d+,title=DM301 shop\.orders::breaking change/);
  });

  it('writes JSON a machine can read', () => {
    const json = JSON.parse(formatDiff(result, 'json'));
    expect(json.products[0]).toMatchObject({ id: 'shop.orders', requiredBump: 'major', foundBump: 'none' });
  });
});

describe('synthesis with DATAMESH_BASELINE', () => {
  function synth(repo: string) {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-baseline-')) });
    const built = buildMesh(app, { contractsDir: path.join(repo, 'contracts'), baseline: 'main', today: '2026-11-21' });
    synthKeepingFindings(app, built);
    return built.governance.blocking().map((f) => f.ruleId);
  }

  it('reports DM3xx findings with the rest of governance', () => {
    const repo = repository();
    editFile(repo, ORDERS, removeTotal);
    expect(synth(repo).sort()).toEqual(['DM301', 'DM303']);
    editFile(repo, ORDERS, (t) => t.replace('version: "1.0.0"', 'version: "2.0.0"'));
    expect(synth(repo)).toEqual([]);
  });

  it('stops with a clear error when the baseline cannot be read', () => {
    const repo = repository();
    expect(() => buildMesh(new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-baseline-')) }), { contractsDir: path.join(repo, 'contracts'), baseline: 'nope' })).toThrow(
      MeshValidationError,
    );
  });
});
