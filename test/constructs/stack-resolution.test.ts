import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { App, TerraformStack } from 'cdktf';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildMesh } from '../../src/build-mesh';
import { PendingResolution } from '../../src/constructs/stack-resolution';
import { reusesResolution } from '../../src/governance/resolution';
import { REFERENCE_CONTRACTS } from '../helpers/fixtures';

function outdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-resolution-'));
}

describe('stack resolution hand-off', () => {
  afterEach(() => jest.restoreAllMocks());

  it('resolves each domain stack once per synthesis: the write reuses what governance checked', () => {
    const resolve = jest.spyOn(TerraformStack.prototype, 'toTerraform');
    const app = new App({ outdir: outdir() });
    const built = buildMesh(app, { contractsDir: REFERENCE_CONTRACTS });
    app.synth();
    expect(resolve).toHaveBeenCalledTimes(built.stacks.size);
  });

  it('writes exactly the JSON a fresh resolution gives', () => {
    const dir = outdir();
    const app = new App({ outdir: dir });
    const built = buildMesh(app, { contractsDir: REFERENCE_CONTRACTS });
    app.synth();
    for (const [name, stack] of built.stacks) {
      const written: unknown = JSON.parse(fs.readFileSync(path.join(dir, 'stacks', name, 'cdk.tf.json'), 'utf8'));
      expect(written).toEqual(JSON.parse(JSON.stringify(stack.toTerraform())));
    }
  });

  it('is offered to domain stacks only: a plain TerraformStack resolves for itself', () => {
    const app = new App({ outdir: outdir() });
    const built = buildMesh(app, { contractsDir: REFERENCE_CONTRACTS });
    expect([...built.stacks.values()].every((stack) => reusesResolution(stack))).toBe(true);
    expect(reusesResolution(new TerraformStack(app, 'plain'))).toBe(false);
  });

  it('is taken once', () => {
    const stack = new TerraformStack(new App({ outdir: outdir() }), 'one');
    const pending = new PendingResolution(stack);
    const json = { resource: {} };
    pending.hold(json);
    expect(pending.take()).toBe(json);
    expect(pending.take()).toBeUndefined();
  });

  it('is void once a construct was added after the resolution', () => {
    const stack = new TerraformStack(new App({ outdir: outdir() }), 'one');
    const pending = new PendingResolution(stack);
    pending.hold({ resource: {} });
    new S3Bucket(stack, 'added', { bucket: 'added-later' });
    expect(pending.take()).toBeUndefined();
  });

  it('does not outlive the synchronous run that made it', async () => {
    const stack = new TerraformStack(new App({ outdir: outdir() }), 'one');
    const pending = new PendingResolution(stack);
    pending.hold({ resource: {} });
    await Promise.resolve();
    expect(pending.take()).toBeUndefined();
  });
});
