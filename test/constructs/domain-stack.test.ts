import '../helpers/cdktf-matchers';
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
import { copyMesh, editFile, FIXTURES, writeFile } from '../helpers/fixtures';
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
    expect(synthDomain(dir, 'shop').config.provider.aws[0].assume_role).toEqual([{ role_arn: 'arn:aws:iam::123456789012:role/datamesh-deployer', session_name: 'datamesh-shop' }]);
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

  it("lets consumer roles that read a product directly decrypt only through S3 in the region, and only that product's bucket", () => {
    const dir = copyMesh();
    editFile(dir, 'shop/orders.yaml', (t) => t.replace('    access: read\n', '    access: read\n    pii: true\n'));
    const statements = JSON.parse(onlyResource(synthDomain(dir, 'shop').config, 'aws_kms_key').policy).Statement;
    expect(statements.slice(1).filter((s: { Principal: { Service?: unknown } }) => !s.Principal.Service)).toEqual([
      {
        Sid: expect.stringMatching(/^ConsumersDecrypt[0-9a-f]{8}$/),
        Effect: 'Allow',
        Principal: { AWS: ['arn:aws:iam::210987654321:root'] },
        Action: ['kms:Decrypt'],
        Resource: '*',
        Condition: {
          StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com', 'kms:EncryptionContext:aws:s3:arn': 'arn:aws:s3:::testco-dev-shop-orders' },
          ArnEquals: { 'aws:PrincipalArn': ['arn:aws:iam::210987654321:role/central-bi'] },
        },
      },
    ]);
  });

  it("scopes each reader's key use to the buckets of the products it reads; readers of the same buckets share a statement (issue #11, item 5)", () => {
    const dir = copyMesh();
    const auditor = 'arn:aws:iam::999999999999:role/auditor';
    const centralBi = 'arn:aws:iam::210987654321:role/central-bi';
    editFile(dir, 'shop/orders.yaml', (t) => t.replace('    access: read\n', '    access: read\n    pii: true\n'));
    const returns = fs.readFileSync(path.join(dir, 'shop/orders.yaml'), 'utf8').replace('id: shop.orders', 'id: shop.returns').replace('name: orders', 'name: returns');
    const reader = (arn: string) => `  - principal: ${arn}\n    access: read\n    pii: true\n    reason: Yearly audit of returns.\n`;
    writeFile(dir, 'shop/returns.yaml', returns.replace(/consumers:\n[\s\S]*$/, `consumers:\n${reader(auditor)}${reader(centralBi)}`));
    writeFile(
      dir,
      'shop/refunds.yaml',
      returns
        .replace('id: shop.returns', 'id: shop.refunds')
        .replace('name: returns', 'name: refunds')
        .replace(/consumers:\n[\s\S]*$/, `consumers:\n${reader(auditor)}`),
    );
    const statements = JSON.parse(onlyResource(synthDomain(dir, 'shop').config, 'aws_kms_key').policy)
      .Statement.slice(1)
      .filter((s: any) => !s.Principal.Service);
    expect(statements.map((s: any) => ({ readers: s.Condition.ArnEquals['aws:PrincipalArn'], buckets: s.Condition.StringEquals['kms:EncryptionContext:aws:s3:arn'] }))).toEqual([
      { readers: [centralBi], buckets: ['arn:aws:s3:::testco-dev-shop-orders', 'arn:aws:s3:::testco-dev-shop-returns'] },
      { readers: [auditor], buckets: ['arn:aws:s3:::testco-dev-shop-refunds', 'arn:aws:s3:::testco-dev-shop-returns'] },
    ]);
    // Two roles with the same buckets: one statement, each role still reaching only those buckets.
    writeFile(
      dir,
      'shop/refunds.yaml',
      returns
        .replace('id: shop.returns', 'id: shop.refunds')
        .replace('name: returns', 'name: refunds')
        .replace(/consumers:\n[\s\S]*$/, `consumers:\n${reader(auditor)}${reader(centralBi)}`),
    );
    writeFile(dir, 'shop/orders.yaml', fs.readFileSync(path.join(dir, 'shop/orders.yaml'), 'utf8').replace(/consumers:\n[\s\S]*$/, `consumers:\n${reader(auditor)}${reader(centralBi)}`));
    const shared = JSON.parse(onlyResource(synthDomain(dir, 'shop').config, 'aws_kms_key').policy)
      .Statement.slice(1)
      .filter((s: any) => !s.Principal.Service);
    expect(shared.map((s: any) => [s.Condition.ArnEquals['aws:PrincipalArn'], s.Condition.StringEquals['kms:EncryptionContext:aws:s3:arn'].length])).toEqual([[[centralBi, auditor], 3]]);
  });

  it('refuses to build a key policy larger than KMS accepts, and says what to change', () => {
    const dir = copyMesh();
    const orders = fs.readFileSync(path.join(dir, 'shop/orders.yaml'), 'utf8').replace('    access: read\n', '    access: read\n    pii: true\n');
    // Every product read by its own role: nothing to share, one statement each.
    for (let i = 0; i < 100; i++) {
      const role = `  - principal: arn:aws:iam::${String(100000000000 + i)}:role/reader-with-a-rather-long-name-${i}\n    access: read\n    pii: true\n    reason: Reads one product.\n`;
      writeFile(
        dir,
        `shop/orders_${i}.yaml`,
        orders
          .replace('id: shop.orders', `id: shop.orders_${i}`)
          .replace('name: orders', `name: orders_${i}`)
          .replace(/consumers:\n[\s\S]*$/, `consumers:\n${role}`),
      );
    }
    expect(() => synthDomain(dir, 'shop')).toThrow(/key policy of domain shop would be \d+ characters, more than the 32768 KMS accepts/);
  });

  it('protects the key from destroy like the data it encrypts (issue #11, item 7)', () => {
    expect(onlyResource(config, 'aws_kms_key').lifecycle).toEqual({ prevent_destroy: true });
  });

  it('creates the domain Glue database', () => {
    expect(synthesized).toHaveResourceWithProperties(GlueCatalogDatabase, { name: 'testco_dev_shop', description: 'The web shop.' });
  });

  it("keeps access logs in an SSE-S3 bucket that only log delivery for the domain's product buckets may write (issue #11, item 7)", () => {
    expect(synthesized).toHaveResourceWithProperties(S3Bucket, { bucket: 'testco-dev-shop-access-logs', force_destroy: false });
    expect(synthesized).toHaveResourceWithProperties(S3BucketServerSideEncryptionConfigurationA, {
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }],
    });
    const policy = JSON.parse(onlyResource(config, 'aws_s3_bucket_policy', (r) => r.bucket.includes('access-logs')).policy);
    expect(policy.Statement[1]).toEqual({
      Sid: 'S3ServerAccessLogDelivery',
      Effect: 'Allow',
      Principal: { Service: 'logging.s3.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: 'arn:aws:s3:::testco-dev-shop-access-logs/*',
      Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' }, ArnEquals: { 'aws:SourceArn': ['arn:aws:s3:::testco-dev-shop-orders'] } },
    });
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
    const line =
      fs
        .readFileSync(path.join(MINIMAL, 'platform.yaml'), 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith('environments:')) + 1;
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
