/**
 * Speed work must not change what is synthesized. This synthesizes the reference mesh and a
 * generated 2x3 mesh with this checkout and with another one (e.g. a worktree of the commit before
 * a change), each through its own bench/synth-library.ts, and compares every file written
 * (stacks, reports, catalog) byte for byte. Both run in the mesh's parent folder: paths in
 * reports are relative to the working folder. Exit 1 on any difference.
 *
 *   node -r ts-node/register/transpile-only bench/same-output.ts <other-checkout>
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseSize, writeMesh } from './generate-mesh';
import { PROJECT_ROOT } from './measure';

function synthesize(checkout: string, contractsDir: string, outdir: string): void {
  const child = spawnSync(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only', { paths: [checkout] }), path.join(checkout, 'bench', 'synth-library.ts'), contractsDir, outdir], {
    cwd: path.dirname(contractsDir),
    encoding: 'utf8',
    env: { ...process.env, TS_NODE_PROJECT: path.join(checkout, 'tsconfig.json') },
  });
  if (child.status !== 0) throw new Error(`${checkout}: synthesis failed (exit ${child.status}):\n${child.stderr.slice(-2000)}`);
}

function files(root: string, dir = root): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(root, full) : [path.relative(root, full)];
  });
}

/** Relative paths that differ, are missing on one side, or hold other bytes. */
export function differences(a: string, b: string): string[] {
  const left = new Set(files(a));
  const right = new Set(files(b));
  const all = [...new Set([...left, ...right])].sort();
  return all.filter((file) => !left.has(file) || !right.has(file) || !fs.readFileSync(path.join(a, file)).equals(fs.readFileSync(path.join(b, file))));
}

function main(): void {
  const other = process.argv[2];
  if (!other || !fs.existsSync(path.join(other, 'bench', 'synth-library.ts'))) {
    process.stderr.write('usage: same-output.ts <other-checkout> (a checkout with bench/synth-library.ts and node_modules)\n');
    process.exit(2);
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-same-output-'));
  let failed = false;
  try {
    const generated = path.join(work, 'mesh-2x3');
    writeMesh(generated, { ...parseSize('2x3'), seed: 1 });
    for (const [label, contracts] of [
      ['reference mesh', path.join(PROJECT_ROOT, 'contracts')],
      ['bench 2x3', generated],
    ] as const) {
      const mine = path.join(work, `${label.replace(/\W/g, '-')}-this`);
      const theirs = path.join(work, `${label.replace(/\W/g, '-')}-other`);
      synthesize(PROJECT_ROOT, contracts, mine);
      synthesize(path.resolve(other), contracts, theirs);
      const differing = differences(mine, theirs);
      process.stdout.write(`${label}: ${files(mine).length} files, ${differing.length ? `DIFFERENT: ${differing.join(', ')}` : 'byte-identical'}\n`);
      failed ||= differing.length > 0;
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  process.exitCode = failed ? 1 : 0;
}

if (require.main === module) main();
