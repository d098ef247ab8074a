import { spawnSync } from 'child_process';
import * as path from 'path';
import { terraformEnv } from './terraform';

export const PROJECT_ROOT = path.join(__dirname, '..', '..');

/** Runs the real `cdktf synth` of this project, as a user would, into `outdir`. */
export function cdktfSynth(outdir: string, env: NodeJS.ProcessEnv = {}): { status: number | null; output: string } {
  const cli = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'cdktf');
  const run = spawnSync(cli, ['synth', '--output', outdir], {
    cwd: PROJECT_ROOT,
    // cdktf asks terraform for its version, so it gets the same CLI configuration as the tests.
    env: { ...terraformEnv(), CI: '1', FORCE_COLOR: '0', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}
