import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { datamesh } from '../cli/run-cli';
import { copyMesh, editFile, REFERENCE_CONTRACTS } from '../helpers/fixtures';
import { synthDomain } from '../helpers/synth';

/** Runs real terraform offline: the provider comes from /opt/tf-plugins where present, else the registry. */

/** Runs `body` with os.tmpdir() pointing at a private folder, so other runs' scratch folders never mix in. */
async function inPrivateTmpdir<T>(body: (tmpdir: string) => Promise<T>): Promise<T> {
  const tmpdir = fs.mkdtempSync(path.join(os.tmpdir(), 'offline-plan-test-'));
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = tmpdir;
  try {
    return await body(tmpdir);
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}

describe('datamesh plan <domain> --offline', () => {
  it('plans every resource of the domain stack with mock credentials and leaves nothing behind', async () => {
    const contracts = copyMesh(REFERENCE_CONTRACTS);
    const { run, leftBehind } = await inPrivateTmpdir(async (tmpdir) => {
      const result = await datamesh(['plan', 'sales', '--offline', '--contracts', contracts], { env: { DATAMESH_ENV: 'dev' } });
      return { run: result, leftBehind: fs.readdirSync(tmpdir) };
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const resources = Object.values(synthDomain(contracts, 'sales').config.resource).reduce((n, byName) => n + Object.keys(byName).length, 0);
    expect(run.stdout).toContain(`Plan: ${resources} to add, 0 to change, 0 to destroy.`);
    expect(leftBehind).toEqual([]);
    expect(fs.existsSync(path.join(contracts, 'cdktf.out'))).toBe(false);
  });

  it('plans a stack that deploys through an assumed role into S3 state, still offline', async () => {
    const contracts = copyMesh(REFERENCE_CONTRACTS);
    editFile(contracts, 'platform.yaml', (t) =>
      t.replace('  type: local', '  type: s3\n  bucket: acme-terraform-state').replace('region: eu-west-1\n', 'region: eu-west-1\ndeployRoleName: datamesh-deploy\n'),
    );
    const run = await datamesh(['plan', 'payments', '--offline', '--contracts', contracts]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/Plan: \d+ to add, 0 to change, 0 to destroy\./);
  });

  it('is a usage error naming the known domains when the domain does not exist, as in rules and new', async () => {
    const run = await datamesh(['plan', 'salse', '--offline', '--contracts', REFERENCE_CONTRACTS]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: unknown domain "salse" in ${path.relative(process.cwd(), REFERENCE_CONTRACTS)}\n    hint: did you mean "sales"? domains: customer, payments, sales\n`);
    // The argument is one domain: nothing speaks of a "domains option" the command does not have.
    const far = await datamesh(['plan', 'billing', '--offline', '--contracts', REFERENCE_CONTRACTS]);
    expect(far.code).toBe(2);
    expect(far.stderr).toMatch(/^error: unknown domain "billing" in .*\n {4}hint: domains: customer, payments, sales\n$/);
  });

  it('is a usage error without --offline', async () => {
    const run = await datamesh(['plan', 'sales', '--contracts', REFERENCE_CONTRACTS]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/add --offline/);
  });
});
