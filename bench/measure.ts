/**
 * The measuring edge of the benchmark: every step runs in a fresh child process, timed from the
 * outside (wall clock, Node start-up included) and reporting its own phases and peak RSS from
 * the inside, so nothing leaks from one step into the next.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parseResult, type SynthResult } from './synth-result';

export const PROJECT_ROOT = path.join(__dirname, '..');

/**
 * How a synthesis program is started, each the way its users start it:
 * - `compiled`: the library as an installed package runs it, as compiled JavaScript (here the
 *   transpile cache of bin/run-typescript.js, which this repository's app uses too);
 * - `cdktf-init`: what `cdktf init --template typescript` (0.21) writes into cdktf.json,
 *   `npx ts-node main.ts`: ts-node with type checking and its source-map support (started here
 *   without npx, whose package lookup would add to the minimal program's time);
 * - `ts-node-transpile`: `node -r ts-node/register/transpile-only`, how this repository's app ran
 *   before the speed work (issue #18), for the old library.
 */
export type Launch = 'compiled' | 'cdktf-init' | 'ts-node-transpile';

export interface SynthProgram {
  /** The checkout whose bench/ driver runs (this one, or an old worktree for comparison). */
  readonly checkout: string;
  readonly driver: string;
  readonly launch: Launch;
}

function launchArgs(program: SynthProgram): string[] {
  const script = path.join(program.checkout, 'bench', program.driver);
  const resolve = (id: string) => require.resolve(id, { paths: [program.checkout] });
  switch (program.launch) {
    case 'compiled':
      return [path.join(program.checkout, 'bin', 'run-typescript.js'), script];
    case 'cdktf-init':
      return [resolve('ts-node/dist/bin.js'), script];
    case 'ts-node-transpile':
      return ['-r', resolve('ts-node/register/transpile-only'), script];
  }
}

export interface ValidateRun {
  readonly wallMs: number;
  readonly errors: number;
  readonly warnings: number;
  readonly products: number;
}

export interface SynthRun extends SynthResult {
  readonly wallMs: number;
  readonly stacks: StackFiles;
}

export interface StackFiles {
  readonly stacks: number;
  readonly resources: number;
  readonly resourcesByType: Readonly<Record<string, number>>;
  readonly totalBytes: number;
  readonly maxBytes: number;
}

/**
 * `datamesh validate <dir> --format json` of `checkout`; throws unless it ran and reported.
 * `repository`: through its bin, which runs the TypeScript sources from the transpile cache, as in
 * this repository; `installed`: its compiled `dist/` (see buildDist), as an installed package runs.
 */
export function runValidate(contractsDir: string, checkout = PROJECT_ROOT, from: 'repository' | 'installed' = 'repository'): ValidateRun {
  const cli = from === 'installed' ? [path.join(PROJECT_ROOT, 'bench', 'installed-cli.js'), checkout] : [path.join(checkout, 'bin', 'datamesh.js')];
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [...cli, 'validate', contractsDir, '--format', 'json'], {
    cwd: checkout,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const wallMs = elapsedMs(started);
  let report: { summary?: { errors: number; warnings: number; products: number } };
  try {
    report = JSON.parse(child.stdout);
  } catch {
    throw new Error(`datamesh validate did not report (exit ${child.status}): ${child.stderr.slice(0, 2000)}`);
  }
  if (!report.summary) throw new Error(`datamesh validate reported no summary: ${child.stdout.slice(0, 2000)}`);
  return { wallMs, ...report.summary };
}

/** `npm run build` in `checkout`: the `dist/` an installed package runs, built fresh so it is never stale. */
export function buildDist(checkout: string): void {
  const child = spawnSync('npm', ['run', 'build'], { cwd: checkout, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`npm run build failed in ${checkout} (exit ${child.status ?? child.signal}):\n${(child.stdout + child.stderr).slice(-4000)}`);
}

/** Fills the transpile cache a compiled program loads from, so no timed run pays for it. */
export function warmUp(program: SynthProgram): void {
  if (program.launch !== 'compiled') return;
  const child = spawnSync(process.execPath, [...launchArgs(program), '--load-only'], { cwd: program.checkout, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`${program.driver} did not load (exit ${child.status ?? child.signal}):\n${(child.stderr ?? '').slice(-4000)}`);
}

/** Runs a synthesis driver (bench/synth-library.ts or bench/minimal-program.ts) into `outdir`. */
export function runSynth(program: SynthProgram, contractsDir: string, outdir: string): SynthRun {
  fs.rmSync(outdir, { recursive: true, force: true });
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [...launchArgs(program), contractsDir, outdir], {
    cwd: program.checkout,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, TS_NODE_PROJECT: path.join(program.checkout, 'tsconfig.json') },
  });
  const wallMs = elapsedMs(started);
  const result = parseResult(child.stdout ?? '');
  if (child.status !== 0 || !result) {
    throw new Error(`${program.driver} (${program.launch}) failed (exit ${child.status ?? child.signal}):\n${(child.stderr ?? '').slice(-4000)}`);
  }
  const stacks = stackFiles(outdir);
  fs.rmSync(outdir, { recursive: true, force: true });
  return { ...result, wallMs, stacks };
}

/** Resources and sizes of the `cdk.tf.json` files cdktf wrote. */
export function stackFiles(outdir: string): StackFiles {
  const root = path.join(outdir, 'stacks');
  const byType: Record<string, number> = {};
  let totalBytes = 0;
  let maxBytes = 0;
  let resources = 0;
  const names = fs.existsSync(root) ? fs.readdirSync(root) : [];
  for (const name of names) {
    const file = path.join(root, name, 'cdk.tf.json');
    const text = fs.readFileSync(file, 'utf8');
    const bytes = Buffer.byteLength(text);
    totalBytes += bytes;
    maxBytes = Math.max(maxBytes, bytes);
    for (const [type, byName] of Object.entries<Record<string, unknown>>(JSON.parse(text).resource ?? {})) {
      const count = Object.keys(byName).length;
      byType[type] = (byType[type] ?? 0) + count;
      resources += count;
    }
  }
  return { stacks: names.length, resources, resourcesByType: byType, totalBytes, maxBytes };
}

export function min(values: readonly number[]): number {
  return Math.min(...values);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function elapsedMs(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e6;
}
