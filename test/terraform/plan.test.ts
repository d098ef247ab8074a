import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { buildMesh } from '../../src/build-mesh';
import { loadMesh } from '../../src/contract/mesh';
import { cdktfSynth } from '../helpers/cdktf-cli';
import { copyMesh, editFile, REFERENCE_CONTRACTS } from '../helpers/fixtures';
import { resourceCount, terraform, writeMockOverride } from '../helpers/terraform';

/**
 * The reference mesh as a user builds it: `cdktf synth`, then `terraform init`, `validate` and an
 * offline `plan` of every stack. The plan must create exactly what the stack declares.
 */
describe('terraform accepts every synthesized stack of the reference mesh', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-plan-'));
  const domains = loadMesh(REFERENCE_CONTRACTS).value!.domains.map((d) => d.name);
  let synth: { status: number | null; output: string };

  beforeAll(() => {
    synth = cdktfSynth(outdir);
  });

  it('synthesizes one stack per domain', () => {
    expect({ status: synth.status, output: synth.status === 0 ? '' : synth.output }).toEqual({ status: 0, output: '' });
    expect(fs.readdirSync(path.join(outdir, 'stacks')).sort()).toEqual(domains);
  });

  describe.each(domains)('stack %s', (domain) => {
    const stackDir = () => path.join(outdir, 'stacks', domain);

    it('initializes, validates and plans', () => {
      writeMockOverride(stackDir());
      const init = terraform(stackDir(), ['init', '-input=false']);
      expect({ step: 'init', status: init.status, output: init.status === 0 ? '' : init.output }).toEqual({ step: 'init', status: 0, output: '' });

      const validate = terraform(stackDir(), ['validate']);
      expect(validate.output).toContain('Success! The configuration is valid.');

      const plan = terraform(stackDir(), ['plan', '-input=false', '-lock=false']);
      expect({ step: 'plan', status: plan.status, output: plan.status === 0 ? '' : plan.output }).toEqual({ step: 'plan', status: 0, output: '' });
      expect(plan.output).toContain(`Plan: ${resourceCount(stackDir())} to add, 0 to change, 0 to destroy.`);
      expect(plan.output).not.toMatch(/Warning:/);
    });
  });
});

describe('terraform accepts the optional platform settings', () => {
  it('validates a stack with an S3 backend, native locking and a deploy role', () => {
    const dir = copyMesh();
    editFile(dir, 'platform.yaml', (t) => `${t.replace('  type: local', '  type: s3\n  bucket: testco-terraform-state')}deployRoleName: datamesh-deployer\n`);
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-s3-'));
    const app = new App({ outdir });
    buildMesh(app, { contractsDir: dir });
    app.synth();
    const stackDir = path.join(outdir, 'stacks', 'shop');
    // No backend init: the state bucket does not exist here; validate checks the configuration itself.
    const init = terraform(stackDir, ['init', '-input=false', '-backend=false']);
    expect(init.status).toBe(0);
    const validate = terraform(stackDir, ['validate']);
    expect(validate.output).toContain('Success! The configuration is valid.');
  });
});
