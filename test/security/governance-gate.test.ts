import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { App } from 'cdktf';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildMesh } from '../../src/build-mesh';
import { copyMesh } from '../helpers/fixtures';

/** The README's own example: buildMesh, a resource added by hand, app.synth(). */
function handAddedBucket(): { outdir: string; synth: () => void } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-gate-'));
  // A stack left by an earlier synth must not survive a failed one either.
  fs.mkdirSync(path.join(outdir, 'stacks', 'old'), { recursive: true });
  const app = new App({ outdir });
  const { stacks } = buildMesh(app, { contractsDir: copyMesh(), environment: 'dev' });
  new S3Bucket(stacks.get('shop')!, 'scratch', { bucket: 'testco-dev-shop-scratch' });
  return { outdir, synth: () => app.synth() };
}

describe('governance cannot be bypassed by calling app.synth() directly', () => {
  it('fails app.synth() on an unencrypted, unblocked bucket added by hand, naming each finding', () => {
    const { synth } = handAddedBucket();
    let message = '';
    try {
      synth();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/governance: \d+ unwaived error\(s\); no stack was kept/);
    expect(message).toMatch(/DM201 shop .*scratch/);
    expect(message).toMatch(/DM202 shop .*scratch/);
  });

  it('keeps no stack, old or new, and writes the reports', () => {
    const { outdir, synth } = handAddedBucket();
    expect(synth).toThrow();
    expect(fs.existsSync(path.join(outdir, 'stacks'))).toBe(false);
    expect(fs.existsSync(path.join(outdir, 'manifest.json'))).toBe(false);
    const report = JSON.parse(fs.readFileSync(path.join(outdir, 'governance', 'report.json'), 'utf8'));
    expect(JSON.stringify(report)).toContain('DM201');
    expect(fs.existsSync(path.join(outdir, 'governance', 'report.sarif'))).toBe(true);
    expect(fs.existsSync(path.join(outdir, 'catalog', 'catalog.json'))).toBe(true);
  });

  it('writes stacks, reports and catalog when governance passes', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-gate-ok-'));
    const app = new App({ outdir });
    buildMesh(app, { contractsDir: copyMesh(), environment: 'dev' });
    app.synth();
    expect(fs.existsSync(path.join(outdir, 'stacks', 'shop', 'cdk.tf.json'))).toBe(true);
    expect(fs.existsSync(path.join(outdir, 'governance', 'report.md'))).toBe(true);
    expect(fs.existsSync(path.join(outdir, 'catalog', 'index.html'))).toBe(true);
  });
});
