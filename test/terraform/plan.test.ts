import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { buildMesh } from '../../src/build-mesh';
import { loadMesh } from '../../src/contract/mesh';
import { cdktfSynth } from '../helpers/cdktf-cli';
import { addressesOf, dependenciesOf, dependencyGraph, planConfigurationGraph } from '../helpers/dependency-graph';
import { copyMesh, editFile, REFERENCE_CONTRACTS } from '../helpers/fixtures';
import { appliedKey, planJson, plannedResources, terraform, writeMockOverride, writeState, type PlanResult, type StateResource } from '../helpers/terraform';

/**
 * The reference mesh as a user builds it: `cdktf synth`, then `terraform init`, `validate` and an
 * offline `plan` of every stack. The plan, from a state holding only the domain key, must create
 * everything else the stack declares and update the key in place.
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
    /** The one plan of this stack (the domain key in the state), saved and read back as JSON by the first test. */
    let plan: PlanResult | undefined;
    let key: StateResource;

    it('initializes, validates and plans every resource it declares, without warnings', () => {
      writeMockOverride(stackDir());
      const init = terraform(stackDir(), ['init', '-input=false']);
      expect({ step: 'init', status: init.status, output: init.status === 0 ? '' : init.output }).toEqual({ step: 'init', status: 0, output: '' });

      const validate = terraform(stackDir(), ['validate']);
      expect(validate.output).toContain('Success! The configuration is valid.');

      // One plan serves every test of the stack: with the domain key in the state, a `-refresh=false`
      // plan makes the policies that name its ARN known (the least-privilege test below reads them).
      const { account, region } = stackTarget(stackDir());
      key = appliedKey(region, account);
      writeState(stackDir(), [key]);
      plan = planJson(stackDir());
      expect({ step: 'plan', status: plan.status, output: plan.status === 0 ? '' : plan.output }).toEqual({ step: 'plan', status: 0, output: '' });
      const expected = expectedActions(stackDir(), [key]);
      const actions = Object.fromEntries(plan.json.resource_changes.map((c: any) => [c.address, c.change.actions]));
      expect(actions).toEqual(expected);
      const count = (action: string) => Object.values(expected).filter((a) => a[0] === action).length;
      expect(plan.output).toContain(`Plan: ${count('create')} to add, ${count('update')} to change, 0 to destroy.`);
      expect(plan.output).not.toMatch(/Warning:/);
    });

    it('orders what the synthesized JSON orders, by the references Terraform read (issue #20, point 1)', () => {
      expect(plan?.json).toBeDefined();
      const json = dependencyGraph(JSON.parse(fs.readFileSync(path.join(stackDir(), 'cdk.tf.json'), 'utf8')));
      const terraformOrder = planConfigurationGraph(plan!.json);
      const checked = ['aws_s3_bucket_logging', 'aws_lakeformation_permissions', 'aws_kms_grant', 'aws_lakeformation_resource'].flatMap((type) => addressesOf(json, type));
      expect(checked.length).toBeGreaterThan(0);
      for (const address of checked) {
        const waitsFor = [...(json.edges.get(address) ?? [])].filter((target) => json.resources.has(target));
        expect({ address, waitsFor: [...dependenciesOf(terraformOrder, address)] }).toEqual({ address, waitsFor: expect.arrayContaining(waitsFor) });
      }
    });

    it('plans the resource policies of issue #11 (items 5-7) and #20 (point 4) as synthesized, once the key exists', () => {
      expect(plan?.json).toBeDefined();
      const { account } = stackTarget(stackDir());
      expect(leastPrivilegeFindings(plan!.json, account, String(key.attributes.arn))).toEqual([]);
      // That the key refuses destruction is planned once, for the minimal mesh, below.
    });
  });
});

/**
 * What a plan from a state holding `applied` must do to each resource the stack declares: create
 * it, or, when the state already holds it, update it in place where the stack sets an argument the
 * state lacks or holds otherwise (the key is applied with its identity only, so its description,
 * rotation and policy change), else leave it. None of those arguments forces a replacement.
 */
function expectedActions(stackDir: string, applied: readonly StateResource[]): Record<string, string[]> {
  const config = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
  const metaArguments = new Set(['//', 'lifecycle', 'depends_on', 'provider', 'count', 'for_each']);
  const expected: Record<string, string[]> = {};
  for (const [type, byName] of Object.entries<Record<string, Record<string, unknown>>>(config.resource ?? {})) {
    for (const [name, args] of Object.entries(byName)) {
      const state = applied.find((r) => r.type === type && r.name === name);
      const changed = Object.entries(args).filter(([arg, value]) => !metaArguments.has(arg) && JSON.stringify(state?.attributes[arg]) !== JSON.stringify(value));
      expected[`${type}.${name}`] = !state ? ['create'] : changed.length > 0 ? ['update'] : ['no-op'];
    }
  }
  return expected;
}

/** Account and region a synthesized stack deploys to. */
function stackTarget(stackDir: string): { account: string; region: string } {
  const provider = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8')).provider.aws[0];
  return { account: provider.allowed_account_ids[0], region: provider.region };
}

interface Statement {
  Sid: string;
  Effect: string;
  Principal?: any;
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

/**
 * What the plan would create that breaks the least-privilege shapes, as readable lines: every
 * decrypt grant scoped to one product bucket, uploads held to the domain key, S3 statements of
 * IAM policies held to the domain account, log delivery only for the domain's product buckets,
 * resource policies granting to accounts narrowed to roles by aws:PrincipalArn.
 */
function leastPrivilegeFindings(plan: any, account: string, keyArn: string): string[] {
  const resources = [...plannedResources(plan)];
  const statementsOf = (type: string) => resources.filter(([, r]) => r.type === type).map(([address, r]) => ({ address, statements: JSON.parse(r.values.policy).Statement as Statement[] }));
  const buckets = resources.filter(([, r]) => r.type === 'aws_s3_bucket').map(([, r]) => `arn:aws:s3:::${r.values.bucket}`);
  const productBuckets = buckets.filter((b) => !b.endsWith('-access-logs')).sort();
  const findings: string[] = [];
  const actions = (s: Statement) => [s.Action].flat();
  const narrowedToRoles = (address: string, s: Statement) => {
    const roles = [s.Condition?.ArnEquals?.['aws:PrincipalArn'] ?? []].flat();
    const accounts = [...new Set(roles.map((r) => r.replace(/^(arn:aws:iam::\d{12}):.*$/, '$1:root')))].sort();
    if (!roles.length || JSON.stringify([s.Principal?.AWS].flat()) !== JSON.stringify(accounts))
      findings.push(`${address} ${s.Sid}: grants ${JSON.stringify(s.Principal)} without aws:PrincipalArn narrowing`);
  };

  for (const { address, statements } of statementsOf('aws_iam_policy')) {
    const bucketOfPolicy = statements.filter((s) => actions(s).some((a) => a.startsWith('s3:'))).map((s) => [s.Resource].flat()[0].replace(/\/.*$/, ''))[0];
    for (const s of statements) {
      if (actions(s).some((a) => a.startsWith('s3:')) && s.Condition?.StringEquals?.['s3:ResourceAccount'] !== account) findings.push(`${address} ${s.Sid}: S3 access not held to account ${account}`);
      if (actions(s).some((a) => a.startsWith('kms:'))) {
        if (s.Resource !== keyArn) findings.push(`${address} ${s.Sid}: key ${JSON.stringify(s.Resource)}`);
        if (s.Condition?.StringEquals?.['kms:EncryptionContext:aws:s3:arn'] !== bucketOfPolicy) findings.push(`${address} ${s.Sid}: key use not scoped to ${bucketOfPolicy}`);
      }
    }
  }
  for (const { address, statements } of statementsOf('aws_kms_key')) {
    for (const s of statements.filter((st) => st.Sid !== 'AccountAdministersKey')) {
      if (s.Principal?.Service) {
        // Alert publishers (issue #15) encrypt for the domain's alert topic only, from this account.
        const topic = s.Condition?.StringEquals?.['kms:EncryptionContext:aws:sns:topicArn'];
        if (!topic || !/^arn:aws:sns:[a-z0-9-]+:\d{12}:[\w-]+$/.test(String(topic)) || s.Condition?.StringEquals?.['aws:SourceAccount'] !== account)
          findings.push(`${address} ${s.Sid}: service key use not scoped to the alert topic of account ${account}`);
        continue;
      }
      const scope = [s.Condition?.StringEquals?.['kms:EncryptionContext:aws:s3:arn'] ?? []].flat();
      if (!scope.length || !scope.every((b) => productBuckets.includes(b))) findings.push(`${address} ${s.Sid}: key use not scoped to product buckets`);
      narrowedToRoles(address, s);
    }
  }
  for (const { address, statements } of statementsOf('aws_s3_bucket_policy')) {
    const bucket = [statements[0].Resource].flat()[0];
    if (bucket.endsWith('-access-logs')) {
      const delivery = statements.find((s) => s.Sid === 'S3ServerAccessLogDelivery');
      const sources = [delivery?.Condition?.ArnEquals?.['aws:SourceArn'] ?? []].flat();
      if (delivery?.Condition?.StringEquals?.['aws:SourceAccount'] !== account || JSON.stringify(sources) !== JSON.stringify(productBuckets))
        findings.push(`${address}: log delivery not limited to ${productBuckets.join(', ')}`);
      continue;
    }
    const denies = statements.filter((s) => s.Effect === 'Deny' && actions(s).includes('s3:PutObject')).map((s) => JSON.stringify(s.Condition));
    const expected = [
      { Null: { 's3:x-amz-server-side-encryption': 'false' }, StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' } },
      { Null: { 's3:x-amz-server-side-encryption-aws-kms-key-id': 'false' }, StringNotEquals: { 's3:x-amz-server-side-encryption-aws-kms-key-id': keyArn } },
      { Null: { 's3:x-amz-server-side-encryption': 'false', 's3:x-amz-server-side-encryption-aws-kms-key-id': 'true' } },
    ].map((c) => JSON.stringify(c));
    if (JSON.stringify(denies) !== JSON.stringify(expected)) findings.push(`${address}: uploads not held to the domain key: ${denies.join(' ')}`);
    for (const s of statements.filter((st) => st.Effect === 'Allow')) narrowedToRoles(address, s);
  }
  return findings;
}

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

describe('terraform destroy does what storage.preventDestroy says, per environment (issue #20, point 3; issue #11, item 7)', () => {
  /** The minimal mesh with dev torn down and prod kept, synthesized for one environment and initialized. */
  function stackFor(environment: string): string {
    const dir = copyMesh();
    editFile(dir, 'platform.yaml', (t) => `${t}storage:\n  preventDestroy: { dev: false, prod: true }\n`);
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `datamesh-destroy-${environment}-`));
    const app = new App({ outdir });
    buildMesh(app, { contractsDir: dir, environment });
    app.synth();
    const stackDir = path.join(outdir, 'stacks', 'shop');
    writeMockOverride(stackDir);
    expect(terraform(stackDir, ['init', '-input=false']).status).toBe(0);
    return stackDir;
  }

  /** The key and both buckets as an apply of this configuration leaves them in the state. */
  function applied(stackDir: string): StateResource[] {
    const config = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
    const { account, region } = stackTarget(stackDir);
    const buckets = Object.entries(config.resource.aws_s3_bucket).map(([name, b]: [string, any]) => ({
      type: 'aws_s3_bucket',
      name,
      attributes: { id: b.bucket, bucket: b.bucket, arn: `arn:aws:s3:::${b.bucket}`, force_destroy: b.force_destroy },
    }));
    return [appliedKey(region, account), ...buckets];
  }

  it('dev (off): destroy deletes the key and every bucket, which are force_destroy so their objects go with them', () => {
    const stackDir = stackFor('dev');
    writeState(stackDir, applied(stackDir));
    const destroy = planJson(stackDir, ['-destroy']);
    expect({ status: destroy.status, output: destroy.status === 0 ? '' : destroy.output }).toEqual({ status: 0, output: '' });
    // Terraform's own reading of the synthesized buckets: force_destroy as it would create them.
    const configured = destroy.json.configuration.root_module.resources.filter((r: any) => r.type === 'aws_s3_bucket');
    expect(configured.map((r: any) => [r.expressions.bucket.constant_value, r.expressions.force_destroy.constant_value])).toEqual([
      ['testco-dev-shop-access-logs', true],
      ['testco-dev-shop-orders', true],
    ]);
    const deleted = destroy.json.resource_changes.filter((c: any) => c.change.actions.includes('delete'));
    expect(deleted.map((c: any) => [c.type, c.change.before.bucket ?? c.change.before.key_id, c.change.before.force_destroy ?? null]).sort()).toEqual([
      ['aws_kms_key', '11111111-2222-4333-8444-555555555555', null],
      ['aws_s3_bucket', 'testco-dev-shop-access-logs', true],
      ['aws_s3_bucket', 'testco-dev-shop-orders', true],
    ]);
  });

  it('prod (on): destroy refuses to plan while the key or any bucket would go', () => {
    const stackDir = stackFor('prod');
    writeState(stackDir, applied(stackDir));
    const destroy = terraform(stackDir, ['plan', '-destroy', '-input=false', '-lock=false', '-refresh=false']);
    expect(destroy.status).not.toBe(0);
    // Terraform wraps its messages: a long address pushes the rest of the sentence to the next line.
    const refused = [...destroy.output.matchAll(/Resource (\S+) has\s+lifecycle\.prevent_destroy set/g)].map((m) => m[1].replace(/_[A-F0-9]{8}$/, '')).sort();
    expect(refused).toEqual(['aws_kms_key.kms-key', 'aws_s3_bucket.access-logs_bucket', 'aws_s3_bucket.orders_storage_bucket']);
  });
});
