import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { copyMesh, editFile, REFERENCE_CONTRACTS } from '../helpers/fixtures';
import { REFERENCE } from './reference';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'datamesh.js');
const PROBE = path.join(__dirname, 'module-probe.js');

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Every module file the process loaded. */
  readonly modules: readonly string[];
}

/** The real `datamesh` process, as `npx datamesh` starts it, with its own transpile cache. */
function bin(args: readonly string[], cache: string, env: NodeJS.ProcessEnv = {}): Run {
  const probe = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-probe-')), 'modules.json');
  const run = spawnSync(process.execPath, ['-r', PROBE, BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, DATAMESH_TRANSPILE_CACHE: cache, DATAMESH_MODULE_PROBE: probe, ...env },
    encoding: 'utf8',
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, modules: JSON.parse(fs.readFileSync(probe, 'utf8')) };
}

const loaded = (run: Run, pattern: RegExp) => run.modules.filter((m) => pattern.test(m.split(path.sep).join('/')));
const SYNTHESIS = /\/node_modules\/(cdktf|@cdktf\/[^/]+|constructs)\//;

/**
 * One transpile cache for the file, empty until the first run below (the cold run the first tests
 * need); the later runs find the sources it compiled, as every run after a user's first does. A
 * cold run costs about 3 CPU-seconds of transpiling, which told the tests that follow nothing.
 */
const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-transpile-'));

describe('the datamesh executable', () => {
  let cold: Run;

  beforeAll(() => {
    cold = bin(['validate', 'contracts'], cache);
  });

  it('runs from the TypeScript sources and exits with the command status', () => {
    expect({ status: cold.status, stderr: cold.stderr }).toEqual({ status: 0, stderr: '' });
    expect(cold.stdout).toContain(`${REFERENCE.products.length} products checked: 0 errors`);
  });

  it('keeps the compiled sources, so later runs do not load TypeScript at all', () => {
    expect(loaded(cold, /\/node_modules\/typescript\//).length).toBeGreaterThan(0);
    expect(fs.readdirSync(cache).filter((f) => f.endsWith('.js')).length).toBeGreaterThan(10);
    const warm = bin(['validate', 'contracts'], cache);
    expect(warm.stdout).toBe(cold.stdout);
    expect(loaded(warm, /\/node_modules\/(typescript|ts-node)\/.*\.js$/)).toEqual([]);
  });

  it('recompiles a source that changed instead of running the cached copy', () => {
    // A stand-in project: the real shim and tsconfig, a one-line main.ts.
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-shim-'));
    fs.mkdirSync(path.join(project, 'bin'));
    fs.mkdirSync(path.join(project, 'src', 'cli'), { recursive: true });
    fs.copyFileSync(BIN, path.join(project, 'bin', 'datamesh.js'));
    fs.copyFileSync(path.join(ROOT, 'bin', 'run-typescript.js'), path.join(project, 'bin', 'run-typescript.js'));
    fs.copyFileSync(path.join(ROOT, 'tsconfig.json'), path.join(project, 'tsconfig.json'));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'));
    const main = path.join(project, 'src', 'cli', 'main.ts');
    const say = (word: string) => {
      fs.writeFileSync(main, `export function main(): void {\n  const word: string = '${word}';\n  console.log(word);\n}\n`);
      const run = spawnSync(process.execPath, [path.join(project, 'bin', 'datamesh.js')], { env: { PATH: process.env.PATH, DATAMESH_TRANSPILE_CACHE: cache }, encoding: 'utf8' });
      return run.stdout.trim();
    };
    expect(say('one')).toBe('one');
    expect(say('two')).toBe('two');
    expect(say('one')).toBe('one');
  });

  it('exits 1 on findings and 2 on usage errors', () => {
    const dir = copyMesh(REFERENCE_CONTRACTS);
    editFile(dir, 'sales/orders.yaml', (t) => t.replace('format: iceberg', 'format: icebreg'));
    expect(bin(['validate', dir], cache).status).toBe(1);
    expect(bin(['validate', '--no-such-option'], cache).status).toBe(2);
    expect(bin([], cache).status).toBe(2);
  });
});

describe('the validate, new, catalog and affected paths load no synthesis code', () => {
  it.each([
    ['validate', () => ['validate', 'contracts']],
    ['catalog', () => ['catalog', '--out', fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-catalog-'))]],
    ['new', () => ['new', 'shop/refunds', '--contracts', copyMesh()]],
    // CI runs it before deciding what to synthesize: it must stay as light as validate.
    ['affected', () => ['affected', 'contracts', '--base', 'HEAD']],
  ])('datamesh %s loads neither cdktf nor @cdktf/* nor constructs', (_, args) => {
    const run = bin(args(), cache);
    expect(run.status).toBe(0);
    expect(loaded(run, SYNTHESIS)).toEqual([]);
    // Of the construct library only the naming rules (plain functions) are shared with the CLI.
    expect(loaded(run, /\/src\/constructs\//).filter((m) => path.basename(m) !== 'naming.ts')).toEqual([]);
  });
});

describe('what datamesh validate loads', () => {
  it('only its own command, the compiled schemas it needs and, without custom rules, no CEL engine', () => {
    const dir = copyMesh(REFERENCE_CONTRACTS);
    // The reference mesh has custom rules in platform.yaml and payments/domain.yaml.
    editFile(dir, 'platform.yaml', (t) => t.replace(/^governance:\n  customRules:\n(    .*\n|      .*\n)+/m, ''));
    editFile(dir, 'payments/domain.yaml', (t) => t.replace(/^governance:\n  customRules:\n(    .*\n|      .*\n)+/m, ''));
    const plain = bin(['validate', dir], cache);
    expect({ status: plain.status, stderr: plain.stderr }).toEqual({ status: 0, stderr: '' });
    expect(loaded(plain, /\/src\/cli\/commands\//).map((m) => path.basename(m))).toEqual(['validate.ts']);
    expect(loaded(plain, /\/node_modules\/@bufbuild\//)).toEqual([]);
    // The validators are compiled ahead of time: ajv's compiler never loads, only its runtime helpers.
    expect(loaded(plain, /\/node_modules\/ajv\//).every((m) => m.split(path.sep).join('/').includes('/ajv/dist/runtime/'))).toBe(true);
    // Every reference contract takes the fast YAML path: the `yaml` package never loads.
    expect(loaded(plain, /\/node_modules\/yaml\//)).toEqual([]);
    // Only the schemas of the files it read: the reference mesh's ODCS contracts are all v3.1.0.
    expect(
      loaded(plain, /\/schemas\/compiled\//)
        .map((m) => path.basename(m))
        .sort(),
    ).toEqual(['data-product.js', 'domain.js', 'odcs-v3.1.js', 'platform.js']);

    const withRules = bin(['validate', 'contracts'], cache);
    expect(withRules.status).toBe(0);
    expect(loaded(withRules, /\/node_modules\/@bufbuild\/cel\//).length).toBeGreaterThan(0);
  });

  it('registers every command for help, so help and suggestions stay complete', () => {
    const help = bin(['--help'], cache);
    for (const command of ['validate', 'new', 'catalog', 'export', 'diff', 'rules', 'registry', 'affected', 'ci', 'plan']) expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(bin(['validat'], cache).stderr).toContain('Did you mean validate?');
  });
});
