import { App } from 'cdktf';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildMesh, type BuildMeshOptions } from '../../src/build-mesh';
import { MeshValidationError } from '../../src/contract/errors';
import { failOnInvalidMesh, SynthesisFailedError } from '../../src/synthesis';
import { cdktfSynth } from '../helpers/cdktf-cli';
import { copyMesh, editFile, REFERENCE_CONTRACTS } from '../helpers/fixtures';

const DOMAINS = ['customer', 'payments', 'sales'];
/** Well before any synthesis of this run: a file still carrying it was not written again. */
const LONG_AGO = new Date('2020-01-01T00:00:00Z');

function synth(contractsDir: string, outdir: string, options: Partial<BuildMeshOptions> = {}) {
  const app = new App({ outdir });
  const built = buildMesh(app, { contractsDir, today: '2026-11-21', ...options });
  app.synth();
  return built;
}

function stackFiles(outdir: string, domain: string): Map<string, { content: string; mtimeMs: number }> {
  const dir = path.join(outdir, 'stacks', domain);
  return new Map(fs.readdirSync(dir).map((file) => [file, { content: fs.readFileSync(path.join(dir, file), 'utf8'), mtimeMs: fs.statSync(path.join(dir, file)).mtimeMs }]));
}

function ageStacks(outdir: string): void {
  for (const domain of fs.readdirSync(path.join(outdir, 'stacks'))) {
    for (const file of fs.readdirSync(path.join(outdir, 'stacks', domain))) fs.utimesSync(path.join(outdir, 'stacks', domain, file), LONG_AGO, LONG_AGO);
  }
}

const outdirOf = () => fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-selective-'));

/**
 * A fresh output folder holding what a full synthesis of `contracts` wrote to `full`: the earlier
 * run each test starts from, copied (stacks, manifest.json, reports) rather than synthesized anew.
 */
function afterFullSynthesis(full: string): string {
  const outdir = outdirOf();
  fs.cpSync(full, outdir, { recursive: true });
  return outdir;
}

describe('selective synthesis (DATAMESH_DOMAINS)', () => {
  const contracts = copyMesh(REFERENCE_CONTRACTS);
  const full = outdirOf();
  synth(contracts, full);

  it('rewrites only the selected stack, identical to a full synthesis, and leaves the others byte for byte', () => {
    const outdir = afterFullSynthesis(full);
    ageStacks(outdir);
    const before = new Map(DOMAINS.map((d) => [d, stackFiles(outdir, d)]));

    const built = synth(contracts, outdir, { domains: ['sales'] });

    expect([...built.stacks.keys()]).toEqual(['sales']);
    expect(built.selection).toEqual({ domains: ['sales'], partial: true });
    for (const other of ['customer', 'payments']) expect(stackFiles(outdir, other)).toEqual(before.get(other));
    const sales = stackFiles(outdir, 'sales');
    expect(sales.get('cdk.tf.json')!.mtimeMs).toBeGreaterThan(LONG_AGO.getTime());
    expect(sales.get('cdk.tf.json')!.content).toBe(stackFiles(full, 'sales').get('cdk.tf.json')!.content);
  });

  it('keeps the unselected stacks in manifest.json, so cdktf-cli neither forgets nor deletes them', () => {
    const outdir = afterFullSynthesis(full);
    synth(contracts, outdir, { domains: ['payments'] });
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.stacks).sort()).toEqual(DOMAINS);
    expect(manifest.stacks.sales.synthesizedStackPath).toBe(path.join('stacks', 'sales', 'cdk.tf.json'));
  });

  it('removes the stack of a domain that no longer exists, but not those merely unselected', () => {
    const outdir = afterFullSynthesis(full);
    fs.cpSync(path.join(outdir, 'stacks', 'sales'), path.join(outdir, 'stacks', 'retired_domain'), { recursive: true });
    synth(contracts, outdir, { domains: ['customer'] });
    expect(fs.readdirSync(path.join(outdir, 'stacks')).sort()).toEqual(DOMAINS);
  });

  it('reads the selection from DATAMESH_DOMAINS, comma-separated, spaces allowed', () => {
    const saved = process.env.DATAMESH_DOMAINS;
    process.env.DATAMESH_DOMAINS = ' sales , payments';
    try {
      const built = buildMesh(new App({ outdir: outdirOf() }), { contractsDir: contracts, today: '2026-11-21' });
      expect([...built.stacks.keys()].sort()).toEqual(['payments', 'sales']);
    } finally {
      if (saved === undefined) delete process.env.DATAMESH_DOMAINS;
      else process.env.DATAMESH_DOMAINS = saved;
    }
  });

  it('refuses an unknown domain and lists the known ones', () => {
    const build = () => buildMesh(new App({ outdir: outdirOf() }), { contractsDir: contracts, domains: ['sales', 'salse'] });
    expect(build).toThrow(MeshValidationError);
    expect(build).toThrow(/unknown domain "salse".*\n.*known domains: customer, payments, sales/);
  });

  it('keeps the stacks of an earlier synthesis when the selection names an unknown domain, and fails', () => {
    const outdir = afterFullSynthesis(full);
    const app = new App({ outdir });
    const quiet = [jest.spyOn(console, 'log').mockImplementation(() => {}), jest.spyOn(console, 'error').mockImplementation(() => {})];
    try {
      let error: unknown;
      try {
        buildMesh(app, { contractsDir: contracts, domains: ['salse'] });
      } catch (e) {
        error = e;
      }
      expect(() => failOnInvalidMesh(app, error)).toThrow(SynthesisFailedError);
    } finally {
      quiet.forEach((spy) => spy.mockRestore());
    }
    expect(fs.readdirSync(path.join(outdir, 'stacks')).sort()).toEqual(DOMAINS);
  });

  it('still validates the whole mesh: an error in an unselected domain stops the build', () => {
    const broken = copyMesh(REFERENCE_CONTRACTS);
    editFile(broken, 'customer/domain.yaml', (t) => t.replace(/^account: .*$/m, 'account: "not-an-account"'));
    expect(() => buildMesh(new App({ outdir: outdirOf() }), { contractsDir: broken, domains: ['sales'] })).toThrow(MeshValidationError);
  });

  it('survives the real `cdktf synth`, which deletes every stack folder its manifest does not list', () => {
    // The earlier full run need not be the CLI's: the selective run below is the one it could harm.
    const outdir = afterFullSynthesis(full);
    ageStacks(outdir);
    const before = new Map(DOMAINS.map((d) => [d, stackFiles(outdir, d)]));
    const selective = cdktfSynth(outdir, { DATAMESH_CONTRACTS: contracts, DATAMESH_DOMAINS: 'payments' });
    expect(selective.status).toBe(0);
    expect(selective.output).toMatch(/synthesized 1 stack \(payments\).*2 other domains validated, not synthesized/);
    for (const other of ['customer', 'sales']) expect(stackFiles(outdir, other)).toEqual(before.get(other));
    expect(stackFiles(outdir, 'payments').get('cdk.tf.json')!.mtimeMs).toBeGreaterThan(LONG_AGO.getTime());
  }, 300_000);
});
