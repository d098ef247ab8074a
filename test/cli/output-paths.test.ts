import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { copyMesh, editFile, FIXTURES, REFERENCE_CONTRACTS } from '../helpers/fixtures';
import { datamesh } from './run-cli';

/** A scratch folder holding `a-file`, a plain file where a command may wrongly be told to write a folder. */
function scratch(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-out-'));
  fs.writeFileSync(path.join(dir, 'a-file'), 'mine');
  return dir;
}

/** Everything under `dir`, so a test can tell that a failed run left nothing behind. */
const entries = (dir: string): string[] => (fs.readdirSync(dir, { recursive: true }) as string[]).sort();

describe('an output path that cannot be written', () => {
  const cwd = process.cwd();
  afterEach(() => process.chdir(cwd));
  const contract = path.join(FIXTURES, 'minimal', 'shop', 'orders.yaml');

  it.each([
    ['a file where its folder should be', 'a-file/orders.odcs.yaml', /part of the path is a file, not a folder \(ENOTDIR\)/],
    ['a folder that does not exist', 'missing/orders.odcs.yaml', /its folder does not exist \(ENOENT\)/],
    ['an existing folder', 'folder', /it is a folder \(EISDIR\)/],
  ])('export odcs --out %s: exit 1, what is wrong and how to fix it, no temporary file left', async (_, out, reason) => {
    const dir = scratch();
    fs.mkdirSync(path.join(dir, 'folder'));
    process.chdir(dir);
    const before = entries(dir);
    const run = await datamesh(['export', 'odcs', contract, '--out', out]);
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 1, stdout: '' });
    expect(run.stderr).toMatch(new RegExp(`^error: cannot write ${out}: `));
    expect(run.stderr).toMatch(reason);
    expect(run.stderr).toContain('hint: ');
    expect(run.stderr).toContain('nothing was written.');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(entries(dir)).toEqual(before);
  });

  it('catalog --out a file: exit 1, the file untouched, with --format json too', async () => {
    const dir = scratch();
    for (const format of ['text', 'json']) {
      const run = await datamesh(['catalog', '--contracts', path.join(FIXTURES, 'minimal'), '--out', path.join(dir, 'a-file'), '--format', format]);
      expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 1, stdout: '' });
      expect(run.stderr).toMatch(/^error: cannot write .*a-file: part of the path is a file, not a folder \(EEXIST\)\n {4}hint: /);
    }
    const nested = await datamesh(['catalog', '--contracts', path.join(FIXTURES, 'minimal'), '--out', path.join(dir, 'a-file', 'site')]);
    expect(nested.code).toBe(1);
    expect(nested.stderr).toMatch(/\(ENOTDIR\)/);
    expect(entries(dir)).toEqual(['a-file']);
    expect(fs.readFileSync(path.join(dir, 'a-file'), 'utf8')).toBe('mine');
  });

  it('ci github --out under a file, or --force onto a folder: exit 1, no temporary file left', async () => {
    const repo = scratch();
    fs.cpSync(copyMesh(REFERENCE_CONTRACTS), path.join(repo, 'contracts'), { recursive: true });
    editFile(repo, 'contracts/platform.yaml', (t) =>
      t.replace('  type: local', '  type: s3\n  bucket: acme-terraform-state').replace('region: eu-west-1\n', 'region: eu-west-1\ndeployRoleName: datamesh-deploy\n'),
    );
    fs.mkdirSync(path.join(repo, 'folder'));
    process.chdir(repo);
    const before = entries(repo);
    const under = await datamesh(['ci', 'github', 'contracts', '--out', 'a-file/datamesh.yml']);
    expect(under.code).toBe(1);
    expect(under.stderr).toMatch(/^error: cannot write a-file\/datamesh\.yml: part of the path is a file, not a folder/);
    const onto = await datamesh(['ci', 'github', 'contracts', '--out', 'folder', '--force']);
    expect(onto.code).toBe(1);
    expect(onto.stderr).toMatch(/^error: cannot write folder: it is a folder \(EISDIR\)/);
    expect(entries(repo)).toEqual(before);
  });
});

describe('a contracts folder the user may not write to', () => {
  const BIN = path.join(__dirname, '..', '..', 'bin', 'datamesh.js');

  /** Runs the executable as a user file modes apply to: tests may run as root, which they do not stop. */
  let cache: string | undefined;
  function unprivileged(args: readonly string[]) {
    if (cache === undefined) {
      cache = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-transpile-'));
      fs.chmodSync(cache, 0o777);
    }
    const asRoot = process.getuid?.() === 0;
    const [command, prefix] = asRoot ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath]] : [process.execPath, []];
    return spawnSync(command, [...prefix, BIN, ...args], { encoding: 'utf8', env: { ...process.env, DATAMESH_TRANSPILE_CACHE: cache } });
  }

  it('new: exit 1 with the reason, no stack trace, nothing written', () => {
    const dir = copyMesh();
    fs.chmodSync(path.dirname(dir), 0o755);
    fs.chmodSync(dir, 0o755);
    const shop = path.join(dir, 'shop');
    fs.chmodSync(shop, 0o555);
    const before = entries(shop);
    const run = unprivileged(['new', 'shop/refunds', '--contracts', dir]);
    expect(run.error).toBeUndefined();
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 1, stdout: '' });
    expect(run.stderr).toMatch(/^error: cannot write .*shop\/refunds\.yaml: permission denied \(EACCES\)\n {4}hint: .*\nnothing was written\.\n$/);
    expect(entries(shop)).toEqual(before);
  });

  it('validate: a domain folder it may not read is a finding (exit 1, valid JSON), not a stack trace', () => {
    const dir = copyMesh();
    fs.chmodSync(path.dirname(dir), 0o755);
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(dir, 'shop'), 0o000);
    const text = unprivileged(['validate', dir]);
    expect({ status: text.status, stderr: text.stderr }).toEqual({ status: 1, stderr: '' });
    expect(text.stdout).toContain(`${path.join(dir, 'shop')}:1:1  error  contract  cannot read folder: EACCES: permission denied`);
    expect(text.stdout).toContain('    fix: check that the folder exists and is readable');
    const json = unprivileged(['validate', dir, '--format', 'json']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout).findings).toContainEqual(expect.objectContaining({ file: path.join(dir, 'shop'), line: 1, column: 1, severity: 'error' }));
  });
});
