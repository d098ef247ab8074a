import { GlueCatalogDatabase } from '@cdktf/provider-aws/lib/glue-catalog-database';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { Testing } from 'cdktf';
import * as fs from 'fs';
import * as path from 'path';
import { buildMesh } from '../../src/build-mesh';
import { MeshValidationError } from '../../src/contract/errors';
import { copyMesh, editFile, FIXTURES } from '../helpers/fixtures';
import { onlyResource, synthDomain } from '../helpers/synth';

const MINIMAL = path.join(FIXTURES, 'minimal');

describe('DomainStack', () => {
  const { synthesized, config } = synthDomain(MINIMAL, 'shop');

  it('configures the provider for the domain account and region, with default tags', () => {
    expect(synthesized).toHaveProviderWithProperties(AwsProvider, {
      region: 'eu-west-1',
      allowed_account_ids: ['123456789012'],
      default_tags: [{ tags: { Domain: 'shop', Owner: 'shop-data', Environment: 'dev', ManagedBy: 'datamesh' } }],
    });
    expect(config.provider.aws[0].assume_role).toBeUndefined();
  });

  it('assumes the platform deploy role in the domain account when one is configured', () => {
    const dir = copyMesh();
    editFile(dir, 'platform.yaml', (t) => `${t}deployRoleName: datamesh-deployer\n`);
    expect(synthDomain(dir, 'shop').config.provider.aws[0].assume_role).toEqual([
      { role_arn: 'arn:aws:iam::123456789012:role/datamesh-deployer', session_name: 'datamesh-shop' },
    ]);
  });

  it('keeps state locally per environment and domain by default', () => {
    expect(config.terraform.backend).toEqual({ local: { path: 'terraform.dev.shop.tfstate' } });
  });

  it('uses an encrypted S3 backend with native locking when platform.yaml asks', () => {
    const dir = copyMesh();
    editFile(dir, 'platform.yaml', (t) => t.replace('  type: local', '  type: s3\n  bucket: testco-terraform-state\n  keyPrefix: mesh/'));
    expect(synthDomain(dir, 'shop', 'prod').config.terraform.backend).toEqual({
      s3: { bucket: 'testco-terraform-state', key: 'mesh/prod/shop/terraform.tfstate', region: 'eu-west-1', encrypt: true, use_lockfile: true },
    });
  });

  it('creates a rotating customer-managed key with an alias', () => {
    expect(synthesized).toHaveResourceWithProperties(KmsKey, { enable_key_rotation: true, deletion_window_in_days: 30 });
    expect(synthesized).toHaveResourceWithProperties(KmsAlias, { name: 'alias/testco-dev-shop-data', target_key_id: '${aws_kms_key.kms-key.key_id}' });
  });

  it('lets consumer roles that read objects directly decrypt only through S3 in the region', () => {
    const dir = copyMesh();
    editFile(dir, 'shop/orders.yaml', (t) => t.replace('    access: read\n', '    access: read\n    pii: true\n'));
    const statements = JSON.parse(onlyResource(synthDomain(dir, 'shop').config, 'aws_kms_key').policy).Statement;
    expect(statements[1]).toEqual({
      Sid: 'ConsumersDecryptThroughS3',
      Effect: 'Allow',
      Principal: { AWS: ['arn:aws:iam::210987654321:role/central-bi'] },
      Action: ['kms:Decrypt', 'kms:DescribeKey'],
      Resource: '*',
      Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } },
    });
  });

  it('creates the domain Glue database', () => {
    expect(synthesized).toHaveResourceWithProperties(GlueCatalogDatabase, { name: 'testco_dev_shop', description: 'The web shop.' });
  });

  it('keeps access logs in an SSE-S3 bucket that only log delivery from the account may write', () => {
    expect(synthesized).toHaveResourceWithProperties(S3Bucket, { bucket: 'testco-dev-shop-access-logs', force_destroy: false });
    expect(synthesized).toHaveResourceWithProperties(S3BucketServerSideEncryptionConfigurationA, {
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }],
    });
    const policy = JSON.parse(onlyResource(config, 'aws_s3_bucket_policy', (r) => r.bucket.includes('access-logs')).policy);
    expect(policy.Statement[1]).toMatchObject({ Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject', Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } } });
  });

  it('exposes the outputs a consumer needs (no read policy: orders holds PII)', () => {
    expect(Object.keys(config.output ?? {}).sort()).toEqual(['orders_bucket', 'orders_glue_table']);
  });
});

describe('buildMesh', () => {
  it('returns one stack per domain, keyed by name, open to resources a team adds by hand', () => {
    const app = Testing.app();
    const { stacks } = buildMesh(app, { contractsDir: MINIMAL });
    const shop = stacks.get('shop')!;
    new SqsQueue(shop, 'team-queue', { name: 'shop-events' });
    expect(Testing.synth(shop)).toHaveResourceWithProperties(SqsQueue, { name: 'shop-events' });
  });

  it('names resources after the environment', () => {
    expect(synthDomain(MINIMAL, 'shop', 'prod').synthesized).toHaveResourceWithProperties(S3Bucket, { bucket: 'testco-prod-shop-orders' });
  });

  it('rejects an environment that platform.yaml does not declare', () => {
    expect(() => buildMesh(Testing.app(), { contractsDir: MINIMAL, environment: 'qa' })).toThrow(/environment "qa" is not declared/);
    // At the `environments` line of platform.yaml, not at 1:1.
    const line = fs.readFileSync(path.join(MINIMAL, 'platform.yaml'), 'utf8').split('\n').findIndex((l) => l.startsWith('environments:')) + 1;
    expect(line).toBeGreaterThan(1);
    expect(() => buildMesh(Testing.app(), { contractsDir: MINIMAL, environment: 'qa' })).toThrow(new RegExp(`platform\\.yaml:${line}:\\d+: environments: environment "qa"`));
  });

  it('reads the contracts folder and environment from DATAMESH_CONTRACTS and DATAMESH_ENV', () => {
    const saved = { ...process.env };
    try {
      process.env.DATAMESH_CONTRACTS = MINIMAL;
      process.env.DATAMESH_ENV = 'prod';
      const { environment, stacks } = buildMesh(Testing.app());
      expect(environment).toBe('prod');
      expect([...stacks.keys()]).toEqual(['shop']);
    } finally {
      process.env = saved;
    }
  });

  it('throws every contract error at once and creates no stack', () => {
    const dir = copyMesh();
    editFile(dir, 'shop/orders.yaml', (t) => t.replace('format: parquet', 'format: parket').replace('type: decimal(12,2)', 'type: decimal(12,2'));
    const app = Testing.app();
    let thrown: unknown;
    try {
      buildMesh(app, { contractsDir: dir });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MeshValidationError);
    expect((thrown as MeshValidationError).errors.map((e) => e.path)).toEqual(['output.format', 'schema[2].type']);
    expect(app.node.children).toHaveLength(0);
  });
});
