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
const TS_NODE = ['-r', 'ts-node/register/transpile-only'];

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

/** `datamesh validate <dir> --format json` through the real bin; throws unless it ran and reported. */
export function runValidate(contractsDir: string): ValidateRun {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'datamesh.js'), 'validate', contractsDir, '--format', 'json'], {
    cwd: PROJECT_ROOT,
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

/** Runs a synthesis driver (bench/synth-library.ts or bench/minimal-program.ts) into `outdir`. */
export function runSynth(driver: string, contractsDir: string, outdir: string): SynthRun {
  fs.rmSync(outdir, { recursive: true, force: true });
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [...TS_NODE, path.join(PROJECT_ROOT, 'bench', driver), contractsDir, outdir], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const wallMs = elapsedMs(started);
  const result = parseResult(child.stdout ?? '');
  if (child.status !== 0 || !result) {
    throw new Error(`${driver} failed (exit ${child.status ?? child.signal}):\n${(child.stderr ?? '').slice(-4000)}`);
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
