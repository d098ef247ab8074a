import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { buildMesh } from '../../src/build-mesh';
import { copyMesh, editFile, REFERENCE_CONTRACTS } from '../helpers/fixtures';

const ROOT = path.join(__dirname, '..', '..');

/** `npm run synth` as a user or CI runs it, not on a terminal, into a folder of its own. */
function npmRunSynth(contracts: string, env: NodeJS.ProcessEnv = {}) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-quiet-'));
  const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'cdktf.js'), 'synth', '--output', outdir], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATAMESH_CONTRACTS: contracts, ...env },
    encoding: 'utf8',
    timeout: 240_000,
  });
  if (run.error) throw run.error;
  return { status: run.status, output: `${run.stdout}${run.stderr}`, outdir };
}

/** What Terraform itself says about a CLI config file of this machine; not ours to silence. */
const terraformNoise = (output: string) => output.replace(/.*(CLI configuration|terraformrc|^[│╷╵]).*\n?/gm, '');

describe('a quiet synth', () => {
  it('prints one summary for a clean mesh: stacks, products, findings by severity, reports and catalog', () => {
    const { status, output, outdir } = npmRunSynth(REFERENCE_CONTRACTS);
    expect(status).toBe(0);
    const printed = terraformNoise(output);
    expect(printed).toContain('datamesh: synthesized 3 stacks (customer, payments, sales) from 11 products (1 draft, nothing built) for dev');
    expect(printed).toMatch(/findings: 0 errors, 0 warnings, 0 waived/);
    expect(printed).toContain(`reports:  ${outdir}/governance/report.md`);
    expect(printed).toContain(`catalog:  ${outdir}/catalog/index.html`);
    // No spinner frames, no INFO notes, no checkpoint call.
    expect(printed).not.toMatch(/Synthesizing|INFO|checkpoint/i);
    expect(printed.split('\n').filter((line) => line.trim()).length).toBeLessThanOrEqual(5);
  });

  it('prints each finding of a failed governance run once', () => {
    const mesh = copyMesh(REFERENCE_CONTRACTS);
    editFile(mesh, 'payments/refunds.yaml', (t) => t.replace(/  - domain: sales\n(.*\n){3}/, ''));
    const { status, output } = npmRunSynth(mesh);
    expect(status).toBe(1);
    expect(output.match(/grants domain sales no read access/g)).toHaveLength(1);
    expect(output).toContain('datamesh: governance failed for dev; no stack was kept');
  });
});

describe('verbose notes', () => {
  const notes = (verbose: boolean) => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-verbose-')) });
    buildMesh(app, { contractsDir: REFERENCE_CONTRACTS, verbose });
    return app.node
      .findAll()
      .flatMap((c) => c.node.metadata)
      .filter((m) => String(m.data).includes('holds protected columns'));
  };

  it('adds the INFO notes about protected columns only when verbose', () => {
    expect(notes(false)).toEqual([]);
    expect(notes(true).length).toBeGreaterThan(0);
  });
});
