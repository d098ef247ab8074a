import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { App } from 'cdktf';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildMesh } from '../../src/build-mesh';
import { heldTokens } from '../../src/constructs/token-map';
import type { ResourceRule } from '../../src/governance/rule';
import { finishSynthesis, synthMesh, SynthesisFailedError, type SynthMeshOptions } from '../../src/synthesis';
import { differences } from '../../bench/same-output';
import { REFERENCE_CONTRACTS } from '../helpers/fixtures';
import { TODAY } from '../governance/fixtures';

const DOMAINS = ['customer', 'payments', 'sales'];

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-by-domain-'));
}

/** synthMesh into `outdir` (it reads CDKTF_OUTDIR, as under `cdktf synth`), the console captured. */
function synthMeshInto(outdir: string, options: SynthMeshOptions): { error?: unknown; printed: string } {
  const printed: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
  const error = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
  const previous = process.env.CDKTF_OUTDIR;
  process.env.CDKTF_OUTDIR = outdir;
  try {
    synthMesh({ contractsDir: REFERENCE_CONTRACTS, today: TODAY, ...options });
    return { printed: printed.join('\n') };
  } catch (thrown) {
    return { error: thrown, printed: printed.join('\n') };
  } finally {
    if (previous === undefined) delete process.env.CDKTF_OUTDIR;
    else process.env.CDKTF_OUTDIR = previous;
    log.mockRestore();
    error.mockRestore();
  }
}

/** Every domain's KMS key is an error: each domain's stack yields exactly one finding. */
const noKeys: ResourceRule = {
  id: 'TEST201',
  scope: 'resource',
  title: 'No KMS keys',
  rationale: 'A rule that fails in every domain.',
  defaultSeverity: 'error',
  waivable: false,
  fix: 'none',
  check: (stack) => stack.resources.filter((r) => r.type === 'aws_kms_key').map((r) => ({ message: `${r.path} is a key`, constructPath: r.path })),
};

/** A warning on hand-added scratch buckets: shows that governance saw what customize added. */
const noScratchBuckets: ResourceRule = {
  id: 'TEST202',
  scope: 'resource',
  title: 'No scratch buckets',
  rationale: 'Scratch buckets outlive the work they were made for.',
  defaultSeverity: 'warning',
  waivable: false,
  fix: 'none',
  check: (stack) =>
    stack.resources.filter((r) => r.type === 'aws_s3_bucket' && String(r.config.bucket ?? '').includes('scratch')).map((r) => ({ message: `${r.path} is a scratch bucket`, constructPath: r.path })),
};

describe('synthMesh, one domain at a time', () => {
  it('writes what a single App writes: every stack, manifest.json, the reports and the catalog, byte for byte', () => {
    const oneApp = tempDir();
    const app = new App({ outdir: oneApp });
    const built = buildMesh(app, { contractsDir: REFERENCE_CONTRACTS, today: TODAY });
    app.synth();
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    finishSynthesis(app, built);
    log.mockRestore();

    const byDomain = tempDir();
    const { error, printed } = synthMeshInto(byDomain, {});
    expect(error).toBeUndefined();
    expect(fs.readdirSync(path.join(byDomain, 'stacks')).sort()).toEqual(DOMAINS);
    expect(Object.keys(JSON.parse(fs.readFileSync(path.join(byDomain, 'manifest.json'), 'utf8')).stacks)).toEqual(DOMAINS);
    expect(differences(oneApp, byDomain)).toEqual([]);
    // The summary names the stacks although none is kept.
    expect(printed).toContain('synthesized 3 stacks (customer, payments, sales)');
  });

  it("keeps none of a domain's tokens once its stack is written, so its construct tree can be collected", () => {
    synthMeshInto(tempDir(), {}); // tokens cdktf makes once per process (module constants) are made here
    const before = heldTokens();
    const { error } = synthMeshInto(tempDir(), {});
    expect(error).toBeUndefined();
    expect(heldTokens()).toBe(before);
    // A single App's tokens, for comparison: kept for as long as the process runs.
    const app = new App({ outdir: tempDir() });
    buildMesh(app, { contractsDir: REFERENCE_CONTRACTS, today: TODAY });
    app.synth();
    expect(heldTokens()).toBeGreaterThan(before);
  });

  it('checks every domain when an earlier one fails governance, then removes every stack and the manifest', () => {
    const outdir = tempDir();
    // An earlier, valid synth: its stacks and manifest must not survive a failed one.
    expect(synthMeshInto(outdir, {}).error).toBeUndefined();
    const { error, printed } = synthMeshInto(outdir, { rules: { resource: [noKeys] } });
    expect(error).toBeInstanceOf(SynthesisFailedError);
    expect((error as SynthesisFailedError).reason).toBe('governance');
    expect(printed).toContain('synthesis failed governance (3 unwaived error(s), listed above)');
    const report = JSON.parse(fs.readFileSync(path.join(outdir, 'governance', 'report.json'), 'utf8'));
    expect(JSON.stringify(report)).toContain('customer/kms-key is a key');
    expect(JSON.stringify(report)).toContain('sales/kms-key is a key');
    expect(fs.existsSync(path.join(outdir, 'stacks'))).toBe(false);
    expect(fs.existsSync(path.join(outdir, 'manifest.json'))).toBe(false);
  });

  it('builds every stack in one App when customize is given: it sees them all, and governance checks what it adds', () => {
    const outdir = tempDir();
    let seen: string[] = [];
    const { error } = synthMeshInto(outdir, {
      rules: { resource: [noScratchBuckets] },
      customize: ({ stacks }) => {
        seen = [...stacks.keys()];
        new S3Bucket(stacks.get('sales')!, 'team-scratch', { bucket: 'acme-team-scratch' });
      },
    });
    expect(seen).toEqual(DOMAINS);
    // A bare bucket breaks the built-in rules too (encryption, tags): the synthesis fails on it.
    expect(error).toBeInstanceOf(SynthesisFailedError);
    expect(fs.readFileSync(path.join(outdir, 'governance', 'report.json'), 'utf8')).toContain('sales/team-scratch is a scratch bucket');
  });
});
