import * as path from 'path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { Aspects, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { DataProduct } from '../../src/constructs/data-product';
import { SecureBucket } from '../../src/constructs/storage/secure-bucket';
import { loadMesh } from '../../src/contract/mesh';
import type { MeshSpec } from '../../src/contract/model';
import { GovernanceAspect } from '../../src/governance/aspect';
import { GovernanceLedger } from '../../src/governance/ledger';
import { mergePolicy } from '../../src/governance/policy';
import { ALL_RULES } from '../../src/governance/registry';
import { FIXTURES } from '../helpers/fixtures';

const mesh: MeshSpec = loadMesh(path.join(FIXTURES, 'minimal')).value!;
const domain = mesh.domains[0];
const spec = mesh.products[0];

/**
 * A DataProduct in a plain TerraformStack, without buildMesh, below a grouping construct, with a
 * bucket added by hand inside the product and another one outside it.
 */
function governedPlainStack(products?: ReadonlyMap<string, typeof spec>): GovernanceLedger {
  const stack = new TerraformStack(Testing.app(), 'plain');
  new AwsProvider(stack, 'aws', { region: mesh.platform.region });
  const accessLogs = new SecureBucket(stack, 'access-logs', { bucketName: 'testco-dev-shop-access-logs', versioned: false, abortIncompleteMultipartUploadDays: 7 });
  const group = new Construct(stack, 'team-products');
  const product = new DataProduct(group, spec.name, {
    product: spec,
    names: { organization: mesh.platform.organization, environment: 'dev', domain: domain.name },
    account: domain.account,
    region: mesh.platform.region,
    domains: mesh.domains,
    kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/00000000-0000-0000-0000-000000000000',
    databaseName: 'testco_dev_shop',
    accessLogs,
    storage: mesh.platform.storage,
  });
  new S3Bucket(product, 'scratch', { bucket: 'testco-dev-shop-orders-scratch' });
  new S3Bucket(stack, 'stray', { bucket: 'testco-dev-shop-stray' });
  const ledger = new GovernanceLedger();
  const policy = mergePolicy(mesh.platform, domain, ALL_RULES).policy;
  Aspects.of(stack).add(new GovernanceAspect({ ledger, policy, domain, products, options: { today: '2026-12-01' } }));
  Testing.synth(stack, true);
  return ledger;
}

const encryptionFindings = (ledger: GovernanceLedger, bucket: string) => ledger.findings().filter((f) => f.ruleId === 'DM202' && f.constructPath?.endsWith(`/${bucket}`) === true);

describe('the governance aspect on a stack buildMesh did not make', () => {
  it('traces a hand-added resource to the product that holds it, even below a grouping construct', () => {
    const ledger = governedPlainStack();
    const scratch = encryptionFindings(ledger, 'scratch');
    expect(scratch.length).toBeGreaterThan(0);
    expect(scratch.map((f) => f.productId)).toEqual(scratch.map(() => spec.id));
    expect(scratch[0].constructPath).toBe(`plain/team-products/${spec.name}/scratch`);
  });

  it('leaves a resource outside every product untraced', () => {
    const stray = encryptionFindings(governedPlainStack(), 'stray');
    expect(stray.length).toBeGreaterThan(0);
    expect(stray.map((f) => f.productId)).toEqual(stray.map(() => undefined));
  });

  it('applies the exceptions of the specs it is given to the products it finds', () => {
    const exception = { rule: 'DM202', reason: 'scratch space, emptied daily', expires: '2027-01-31', location: spec.location };
    const waived = { ...spec, exceptions: [exception] };
    const scratch = encryptionFindings(governedPlainStack(new Map([[spec.name, waived]])), 'scratch');
    expect(scratch.length).toBeGreaterThan(0);
    expect(scratch.map((f) => f.waiver?.reason)).toEqual(scratch.map(() => exception.reason));
    // Without the given spec, the product's own contract (no exception) applies.
    expect(encryptionFindings(governedPlainStack(), 'scratch').map((f) => f.waiver)).toEqual(scratch.map(() => undefined));
  });
});
