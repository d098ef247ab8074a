import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadProductFile, loadProductText } from '../../src/contract/mesh';
import { copyMesh, editFile, FIXTURES, REFERENCE_CONTRACTS } from '../helpers/fixtures';
import { datamesh } from './run-cli';

describe('datamesh export odcs', () => {
  it('writes ODCS v3.2.0 by default, naming the bucket and database of the environment, which loads back to the same product', async () => {
    const file = path.join(REFERENCE_CONTRACTS, 'sales', 'orders.yaml');
    const { code, stdout } = await datamesh(['export', 'odcs', file, '--env', 'prod']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^apiVersion: v3\.2\.0\nkind: DataContract$/m);
    expect(stdout).toContain('s3://acme-prod-sales-orders/data/');
    const back = loadProductText('orders.odcs.yaml', stdout, 'sales');
    expect(back.errors).toEqual([]);
    const original = loadProductFile(file).value!;
    expect(back.value!.columns.map((c) => [c.name, c.glueType, c.pii])).toEqual(original.columns.map((c) => [c.name, c.glueType, c.pii]));
  });

  it('writes the version --odcs-version names, and names on stderr what that version cannot say', async () => {
    const dir = copyMesh();
    fs.copyFileSync(path.join(FIXTURES, 'odcs', 'v3.2.0-features.odcs.yaml'), path.join(dir, 'shop', 'order_metrics.odcs.yaml'));
    const older = await datamesh(['export', 'odcs', path.join(dir, 'shop', 'order_metrics.odcs.yaml'), '--odcs-version', 'v3.0.2']);
    expect(older.code).toBe(0);
    expect(older.stdout).toMatch(/^apiVersion: v3\.0\.2$/m);
    expect(older.stderr).toContain('warning: ODCS v3.0.2 has no field for deprecated columns (customer_ref): left out');
    const back = loadProductText('order_metrics.odcs.yaml', older.stdout, 'shop');
    expect(back.errors).toEqual([]);
    expect((await datamesh(['export', 'odcs', path.join(dir, 'shop', 'order_metrics.odcs.yaml'), '--odcs-version', 'v3.3.0'])).code).toBe(2);
  });

  it('writes to --out instead of stdout', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-export-')), 'orders.odcs.yaml');
    const { code, stdout } = await datamesh(['export', 'odcs', path.join(FIXTURES, 'minimal', 'shop', 'orders.yaml'), '--out', out]);
    expect({ code, stdout }).toEqual({ code: 0, stdout: '' });
    expect(fs.readFileSync(out, 'utf8')).toContain('kind: DataContract');
  });

  it('exits 1 with the contract errors when the contract does not load', async () => {
    const dir = copyMesh();
    const file = editFile(dir, 'shop/orders.yaml', (t) => t.replace('format: parquet', 'format: parket'));
    const { code, stdout, stderr } = await datamesh(['export', 'odcs', file]);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toContain('nothing was exported.');
  });

  it.each([
    ['an empty platform.yaml', 'platform.yaml', () => '', /platform\.yaml:1:1 {2}error {2}contract {2}the file must hold a YAML mapping/],
    [
      'a registry pointer to a package that is not installed',
      'platform.yaml',
      () => 'apiVersion: datamesh/v1\nkind: Platform\nregistry: { package: "@acme/nope", version: "^1.0.0" }\n',
      /platform\.yaml:3:22 {2}error {2}contract {2}registry\.package: the mesh registry @acme\/nope is not installed/,
    ],
    ['an invalid domain.yaml', 'shop/domain.yaml', (t: string) => t.replace(/^owner:/m, 'ownr:'), /domain\.yaml:\d+:1 {2}error {2}contract {2}/],
  ])('exits 1 and exports nothing inside a mesh with %s, rather than leave out the server entry', async (_, file, edit, error) => {
    const dir = copyMesh();
    editFile(dir, file, edit);
    const { code, stdout, stderr } = await datamesh(['export', 'odcs', path.join(dir, 'shop', 'orders.yaml')]);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toMatch(error);
    expect(stderr).toContain('nothing was exported.');
  });

  it('exits 2 for a missing file, an unknown format or an undeclared environment', async () => {
    expect((await datamesh(['export', 'odcs', '/no/such.yaml'])).code).toBe(2);
    expect((await datamesh(['export', 'dcs', path.join(FIXTURES, 'minimal', 'shop', 'orders.yaml')])).code).toBe(2);
    expect((await datamesh(['export', 'odcs', path.join(FIXTURES, 'minimal', 'shop', 'orders.yaml'), '--env', 'qa'])).code).toBe(2);
  });
});

describe('datamesh diff', () => {
  /** A git repository holding a copy of the minimal mesh at its first commit. */
  function repository(): string {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-cli-diff-'));
    fs.cpSync(copyMesh(), path.join(repo, 'contracts'), { recursive: true });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { cwd: repo });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    return repo;
  }

  it('exits 1 on a column removal without a major bump, 0 once the major bump is there', async () => {
    const repo = repository();
    const contracts = path.join(repo, 'contracts');
    editFile(contracts, 'shop/orders.yaml', (t) => t.replace(/  - name: total\n(.*\n){2}/, ''));
    const failing = await datamesh(['diff', contracts, '--base', 'main']);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/breaking\s+column-removed/);
    editFile(contracts, 'shop/orders.yaml', (t) => t.replace('version: "1.0.0"', 'version: "2.0.0"'));
    const passing = await datamesh(['diff', contracts, '--base', 'main', '--format', 'junit']);
    expect(passing.code).toBe(0);
    expect(passing.stdout).toContain('failures="0"');
  });

  it('says so when nothing changed', async () => {
    const repo = repository();
    const { code, stdout } = await datamesh(['diff', path.join(repo, 'contracts'), '--base', 'main']);
    expect({ code, stdout }).toEqual({ code: 0, stdout: 'No contract or access changed since main.\n' });
  });

  it('exits 2 without --base, for an unknown revision, or a folder that is not a git repository', async () => {
    const repo = repository();
    expect((await datamesh(['diff', path.join(repo, 'contracts')])).code).toBe(2);
    const unknown = await datamesh(['diff', path.join(repo, 'contracts'), '--base', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error: unknown revision "nope": no commit, branch or tag of that name in the git repository at \//);
    expect((await datamesh(['diff', copyMesh(), '--base', 'main'])).code).toBe(2);
  });
});
