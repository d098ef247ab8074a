import '../helpers/cdktf-matchers';
import { GlueCatalogTable } from '@cdktf/provider-aws/lib/glue-catalog-table';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLoggingA } from '@cdktf/provider-aws/lib/s3-bucket-logging';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { AnnotationMetadataEntryType } from 'cdktf';
import { copyMesh, editFile, FIXTURES } from '../helpers/fixtures';
import { onlyResource, resourcesOf, synthDomain, type TerraformJson } from '../helpers/synth';
import * as path from 'path';

const MINIMAL = path.join(FIXTURES, 'minimal');
const BUCKET = 'testco-dev-shop-orders';

/** The product bucket's logical reference, e.g. `${aws_s3_bucket.orders_storage_bucket_XXXX.id}`. */
function bucketRef(config: TerraformJson): string {
  const [name] = Object.entries(config.resource.aws_s3_bucket).find(([, r]) => r.bucket === BUCKET)!;
  return `\${aws_s3_bucket.${name}.id}`;
}

function policyOf(config: TerraformJson, bucket: string): { Statement: any[] } {
  return JSON.parse(onlyResource(config, 'aws_s3_bucket_policy', (r) => r.bucket === bucket).policy);
}

/** The fixture's one consumer, approved for the product's PII. */
const approvePii = (text: string) => text.replace('    access: read\n', '    access: read\n    pii: true\n');

function withEdit(edit: (text: string) => string, file = 'shop/orders.yaml'): TerraformJson {
  const dir = copyMesh();
  editFile(dir, file, edit);
  return synthDomain(dir, 'shop').config;
}

describe('DataProduct storage', () => {
  const { synthesized, config } = synthDomain(MINIMAL, 'shop');
  const bucket = bucketRef(config);

  it('names the bucket from organization, environment, domain and product, and does not force-destroy it by default', () => {
    expect(synthesized).toHaveResourceWithProperties(S3Bucket, { bucket: BUCKET, force_destroy: false });
  });

  it('protects the data bucket with prevent_destroy by default', () => {
    expect(onlyResource(config, 'aws_s3_bucket', (r) => r.bucket === BUCKET).lifecycle).toEqual({ prevent_destroy: true });
  });

  it('tags the bucket with the contract: domain, product, owner, classification, version, status', () => {
    expect(synthesized).toHaveResourceWithProperties(S3Bucket, {
      bucket: BUCKET,
      tags: { Domain: 'shop', DataProduct: 'orders', Owner: 'shop-data', Classification: 'pii', ContractVersion: '1.0.0', Status: 'active' },
    });
  });

  it('blocks every kind of public access', () => {
    expect(synthesized).toHaveResourceWithProperties(S3BucketPublicAccessBlock, {
      bucket,
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
  });

  it('disables ACLs (BucketOwnerEnforced)', () => {
    expect(synthesized).toHaveResourceWithProperties(S3BucketOwnershipControls, { bucket, rule: { object_ownership: 'BucketOwnerEnforced' } });
  });

  it('versions the bucket', () => {
    expect(synthesized).toHaveResourceWithProperties(S3BucketVersioningA, { bucket, versioning_configuration: { status: 'Enabled' } });
  });

  it('encrypts with the domain KMS key and an S3 bucket key', () => {
    expect(synthesized).toHaveResourceWithProperties(S3BucketServerSideEncryptionConfigurationA, {
      bucket,
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: '${aws_kms_key.kms-key.arn}' }, bucket_key_enabled: true }],
    });
  });

  it('logs access to the domain log bucket under the product prefix, once log delivery may write there', () => {
    const [logBucket] = Object.entries(config.resource.aws_s3_bucket).find(([, r]) => r.bucket === 'testco-dev-shop-access-logs')!;
    const [logPolicy] = Object.entries(config.resource.aws_s3_bucket_policy).find(([, r]) => r.bucket === `\${aws_s3_bucket.${logBucket}.id}`)!;
    expect(synthesized).toHaveResourceWithProperties(S3BucketLoggingA, { bucket, target_bucket: `\${aws_s3_bucket.${logBucket}.bucket}`, target_prefix: 'orders/' });
    expect(onlyResource(config, 'aws_s3_bucket_logging').depends_on).toEqual([`aws_s3_bucket_policy.${logPolicy}`]);
  });

  it('expires data after the contract retention, old versions and abandoned uploads after the platform defaults', () => {
    const lifecycle = onlyResource(config, 'aws_s3_bucket_lifecycle_configuration', (r) => r.bucket === bucket);
    expect(lifecycle.rule).toEqual([
      { id: 'abort-incomplete-multipart-uploads', status: 'Enabled', filter: [{}], abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }] },
      { id: 'expire-noncurrent-versions', status: 'Enabled', filter: [{}], noncurrent_version_expiration: [{ noncurrent_days: 90 }] },
      { id: 'expire-after-retention', status: 'Enabled', filter: [{}], expiration: [{ days: 400 }] },
    ]);
  });

  it('keeps data forever when the contract declares no retention', () => {
    const edited = withEdit((t) => t.replace('  retention: 400d\n', ''));
    const ref = bucketRef(edited);
    const rules = onlyResource(edited, 'aws_s3_bucket_lifecycle_configuration', (r) => r.bucket === ref).rule;
    expect(rules.map((r: { id: string }) => r.id)).toEqual(['abort-incomplete-multipart-uploads', 'expire-noncurrent-versions']);
  });

  it('denies any request without TLS, first statement of the bucket policy', () => {
    const [deny] = policyOf(config, bucket).Statement;
    expect(deny).toEqual({
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
  });

  it('refuses uploads that would not be encrypted with the domain key (issue #11, item 6)', () => {
    const statements = policyOf(config, bucket).Statement.filter((s: { Sid: string }) => s.Sid.startsWith('DenyUploads'));
    const upload = { Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: `arn:aws:s3:::${BUCKET}/*` };
    const algorithm = 's3:x-amz-server-side-encryption';
    const keyId = 's3:x-amz-server-side-encryption-aws-kms-key-id';
    expect(statements).toEqual([
      // Another algorithm (AES256, aws:kms:dsse); no header at all means the bucket default, the domain key.
      { Sid: 'DenyUploadsNotEncryptedWithKms', ...upload, Condition: { Null: { [algorithm]: 'false' }, StringNotEquals: { [algorithm]: 'aws:kms' } } },
      { Sid: 'DenyUploadsWithAnotherKey', ...upload, Condition: { Null: { [keyId]: 'false' }, StringNotEquals: { [keyId]: '${aws_kms_key.kms-key.arn}' } } },
      // aws:kms without a key id: S3 would use the AWS managed key aws/s3.
      { Sid: 'DenyUploadsWithTheAwsManagedKey', ...upload, Condition: { Null: { [algorithm]: 'false', [keyId]: 'true' } } },
    ]);
  });

  it('lets consumer principals approved for its PII read only the data prefix', () => {
    const edited = withEdit(approvePii);
    const statements = policyOf(edited, bucketRef(edited)).Statement;
    const sid = (name: string) => statements.find((s: { Sid: string }) => s.Sid === name);
    const onlyCentralBi = { ArnEquals: { 'aws:PrincipalArn': ['arn:aws:iam::210987654321:role/central-bi'] } };
    expect(sid('ConsumersListProductPrefix')).toEqual({
      Sid: 'ConsumersListProductPrefix',
      Effect: 'Allow',
      Principal: { AWS: ['arn:aws:iam::210987654321:root'] },
      Action: 's3:ListBucket',
      Resource: `arn:aws:s3:::${BUCKET}`,
      Condition: { StringLike: { 's3:prefix': ['data/', 'data/*'] }, ...onlyCentralBi },
    });
    expect(sid('ConsumersReadProductObjects')).toEqual({
      Sid: 'ConsumersReadProductObjects',
      Effect: 'Allow',
      Principal: { AWS: ['arn:aws:iam::210987654321:root'] },
      Action: ['s3:GetObject', 's3:GetObjectVersion'],
      Resource: `arn:aws:s3:::${BUCKET}/data/*`,
      Condition: onlyCentralBi,
    });
  });

  it('gives a consumer not approved for its PII no direct read: an object holds every column', () => {
    expect(policyOf(config, bucket).Statement.filter((s: { Effect: string }) => s.Effect === 'Allow')).toEqual([]);
  });

  it('resolves a consumer domain to the consumer roles of its domain.yaml', () => {
    const edited = withEdit((t) => approvePii(t).replace('  - principal: arn:aws:iam::210987654321:role/central-bi', '  - domain: shop'));
    const list = policyOf(edited, bucketRef(edited)).Statement.find((s: { Sid: string }) => s.Sid === 'ConsumersListProductPrefix');
    expect(list.Principal).toEqual({ AWS: ['arn:aws:iam::123456789012:root'] });
    expect(list.Condition.ArnEquals).toEqual({ 'aws:PrincipalArn': ['arn:aws:iam::123456789012:role/shop-analyst'] });
  });

  it('can turn preventDestroy off: destroy then deletes the bucket with its objects, and synthesis says so', () => {
    const dir = copyMesh();
    editFile(dir, 'platform.yaml', (t) => `${t}storage:\n  preventDestroy: false\n`);
    const { built, config: edited } = synthDomain(dir, 'shop');
    expect(onlyResource(edited, 'aws_s3_bucket', (r) => r.bucket === BUCKET)).toMatchObject({ force_destroy: true, lifecycle: { prevent_destroy: false } });
    const storage = built.stacks.get('shop')!.products.get('orders')!.storage;
    expect(storage.node.metadata.filter((m) => m.type === String(AnnotationMetadataEntryType.WARN)).map((m) => m.data)).toEqual([
      `preventDestroy is off: terraform destroy deletes bucket ${BUCKET} with every object and object version in it`,
    ]);
  });
});

describe('DataProduct Glue table', () => {
  const { synthesized, config } = synthDomain(MINIMAL, 'shop');

  it('lists data columns with types and comments, and partition keys apart', () => {
    expect(synthesized).toHaveResourceWithProperties(GlueCatalogTable, { name: 'orders', table_type: 'EXTERNAL_TABLE' });
    expect(onlyResource(config, 'aws_glue_catalog_table')).toMatchObject({
      name: 'orders',
      database_name: '${aws_glue_catalog_database.database.name}',
      table_type: 'EXTERNAL_TABLE',
      partition_keys: [{ name: 'order_date', type: 'date', comment: 'Day the order was placed.' }],
      storage_descriptor: {
        location: `s3://${BUCKET}/data/`,
        columns: [
          { name: 'order_id', type: 'string', comment: 'Order identifier.' },
          { name: 'customer_email', type: 'string', comment: 'Email address the order confirmation went to.' },
          { name: 'total', type: 'decimal(12,2)', comment: 'Order total in EUR.' },
          { name: 'items', type: 'array<struct<sku:string,quantity:int>>', comment: 'Ordered items.' },
        ],
      },
    });
  });

  it('carries owner, version, contract id and SLA in the table parameters', () => {
    expect(onlyResource(config, 'aws_glue_catalog_table').parameters).toMatchObject({
      EXTERNAL: 'TRUE',
      classification: 'parquet',
      'datamesh.contract_id': 'shop.orders',
      'datamesh.version': '1.0.0',
      'datamesh.owner': 'shop-data',
      'datamesh.owner_email': 'shop-data@example.com',
      'datamesh.sla.freshness_minutes': '60',
      'datamesh.sla.availability_percent': '99.9',
      'datamesh.partition_by': 'order_date',
    });
  });

  it.each([
    [
      'parquet',
      'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
      'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
      'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
    ],
    ['orc', 'org.apache.hadoop.hive.ql.io.orc.OrcSerde', 'org.apache.hadoop.hive.ql.io.orc.OrcInputFormat', 'org.apache.hadoop.hive.ql.io.orc.OrcOutputFormat'],
    ['avro', 'org.apache.hadoop.hive.serde2.avro.AvroSerDe', 'org.apache.hadoop.hive.ql.io.avro.AvroContainerInputFormat', 'org.apache.hadoop.hive.ql.io.avro.AvroContainerOutputFormat'],
    ['json', 'org.openx.data.jsonserde.JsonSerDe', 'org.apache.hadoop.mapred.TextInputFormat', 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'],
  ])('stores %s with its SerDe and input/output formats', (format, serde, input, output) => {
    const edited = format === 'parquet' ? config : withEdit((t) => t.replace('format: parquet', `format: ${format}`));
    const table = onlyResource(edited, 'aws_glue_catalog_table');
    expect(table.storage_descriptor).toMatchObject({ input_format: input, output_format: output, ser_de_info: { serialization_library: serde } });
    expect(table.parameters.classification).toBe(format);
  });

  it('reads csv with a typed SerDe, comma-delimited, skipping the header', () => {
    const edited = withEdit((t) => t.replace('format: parquet', 'format: csv').replace('    type: array<struct<sku:string,quantity:int>>', '    type: string'));
    const table = onlyResource(edited, 'aws_glue_catalog_table');
    expect(table.storage_descriptor.ser_de_info).toEqual({
      name: 'csv-serde',
      serialization_library: 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe',
      parameters: { 'field.delim': ',', 'serialization.format': ',' },
    });
    expect(table.parameters['skip.header.line.count']).toBe('1');
  });

  it('gives Avro tables the Avro schema the SerDe reads, nullable unless required', () => {
    const edited = withEdit((t) => t.replace('format: parquet', 'format: avro'));
    const literal = JSON.parse(onlyResource(edited, 'aws_glue_catalog_table').storage_descriptor.ser_de_info.parameters['avro.schema.literal']);
    expect(literal.fields.map((f: { name: string }) => f.name)).toEqual(['order_id', 'customer_email', 'total', 'items']);
    expect(literal.fields[0].type).toBe('string');
    expect(literal.fields[1].type).toEqual(['null', 'string']);
    expect(literal.fields[2].type).toEqual(['null', { type: 'bytes', logicalType: 'decimal', precision: 12, scale: 2 }]);
    expect(literal.fields[3].type[1]).toMatchObject({ type: 'array', items: ['null', { type: 'record', fields: [{ name: 'sku' }, { name: 'quantity' }] }] });
  });

  it('creates Iceberg tables through open_table_format_input, partition columns kept as columns, no S3 expiry', () => {
    const edited = withEdit((t) => t.replace('format: parquet', 'format: iceberg'));
    const table = onlyResource(edited, 'aws_glue_catalog_table');
    expect(table.open_table_format_input).toEqual({ iceberg_input: { metadata_operation: 'CREATE', version: '2' } });
    expect(table.partition_keys).toBeUndefined();
    expect(table.storage_descriptor.columns.map((c: { name: string }) => c.name)).toEqual(['order_id', 'customer_email', 'total', 'items', 'order_date']);
    expect(table.storage_descriptor.ser_de_info).toBeUndefined();
    const ref = bucketRef(edited);
    const rules = onlyResource(edited, 'aws_s3_bucket_lifecycle_configuration', (r) => r.bucket === ref).rule.map((r: { id: string }) => r.id);
    expect(rules).toEqual(['abort-incomplete-multipart-uploads', 'expire-noncurrent-versions']);
  });
});

describe('DataProduct access policies', () => {
  // The managed read policy exists only for products without protected columns.
  const config = withEdit((t) => t.replace('    classification: pii\n', ''));
  const policy = (suffix: string) => JSON.parse(onlyResource(config, 'aws_iam_policy', (r) => r.name === `testco-dev-shop-orders-${suffix}`).policy);

  const inShopAccount = { StringEquals: { 's3:ResourceAccount': '123456789012' } };

  it('reads only the product prefix in the domain account, its Glue table, and the key through S3 for this bucket only', () => {
    expect(policy('read').Statement).toEqual([
      {
        Sid: 'ListProductPrefix',
        Effect: 'Allow',
        Action: ['s3:ListBucket'],
        Resource: `arn:aws:s3:::${BUCKET}`,
        Condition: { StringLike: { 's3:prefix': ['data/', 'data/*'] }, ...inShopAccount },
      },
      { Sid: 'ReadProductObjects', Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjectVersion'], Resource: `arn:aws:s3:::${BUCKET}/data/*`, Condition: inShopAccount },
      {
        Sid: 'ReadProductTable',
        Effect: 'Allow',
        Action: ['glue:GetDatabase', 'glue:GetTable', 'glue:GetTableVersion', 'glue:GetTableVersions', 'glue:GetPartition', 'glue:GetPartitions', 'glue:BatchGetPartition'],
        Resource: [
          'arn:aws:glue:eu-west-1:123456789012:catalog',
          'arn:aws:glue:eu-west-1:123456789012:database/${aws_glue_catalog_database.database.name}',
          'arn:aws:glue:eu-west-1:123456789012:table/${aws_glue_catalog_database.database.name}/orders',
        ],
      },
      {
        Sid: 'DecryptProductData',
        Effect: 'Allow',
        Action: ['kms:Decrypt'],
        Resource: '${aws_kms_key.kms-key.arn}',
        Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com', 'kms:EncryptionContext:aws:s3:arn': `arn:aws:s3:::${BUCKET}` } },
      },
    ]);
  });

  it('scopes every S3 statement of both policies to buckets of the domain account, and key use to this bucket (issue #11, items 5 and 6)', () => {
    for (const suffix of ['read', 'write']) {
      for (const statement of policy(suffix).Statement) {
        const service = [statement.Action].flat()[0].split(':')[0];
        const expected = service === 's3' ? { 's3:ResourceAccount': '123456789012' } : service === 'kms' ? { 'kms:EncryptionContext:aws:s3:arn': `arn:aws:s3:::${BUCKET}` } : {};
        expect({ sid: `${suffix} ${statement.Sid}`, scope: statement.Condition?.StringEquals ?? {} }).toMatchObject({ sid: `${suffix} ${statement.Sid}`, scope: expected });
      }
    }
  });

  it('writes objects and partitions but cannot change the bucket or the key', () => {
    const actions = policy('write').Statement.flatMap((s: { Action: string[] }) => s.Action);
    expect(actions).toEqual(expect.arrayContaining(['s3:PutObject', 's3:DeleteObject', 'glue:BatchCreatePartition', 'kms:GenerateDataKey']));
    expect(actions.filter((a: string) => a.includes('*') || /Bucket(Policy|Acl)|PutBucket|kms:(Create|Put|Schedule)/.test(a))).toEqual([]);
  });

  it('creates no managed read policy for a product with PII: whoever attached it would read every column', () => {
    const { config: withPii } = synthDomain(MINIMAL, 'shop');
    expect(resourcesOf(withPii, 'aws_iam_policy').map((p) => p.name)).toEqual(['testco-dev-shop-orders-write']);
    expect(Object.keys(withPii.output ?? {})).not.toContain('orders_read_policy_arn');
  });

  it('never uses a wildcard action or an unscoped resource', () => {
    for (const suffix of ['read', 'write']) {
      for (const statement of policy(suffix).Statement) {
        expect([statement.Action].flat().some((a: string) => a.endsWith('*'))).toBe(false);
        expect([statement.Resource].flat()).not.toContain('*');
      }
    }
  });
});

describe('DataProduct lifecycle status', () => {
  it('builds nothing for a draft', () => {
    const { built, config } = (() => {
      const dir = copyMesh();
      editFile(dir, 'shop/orders.yaml', (t) => t.replace('status: active', 'status: draft'));
      return synthDomain(dir, 'shop');
    })();
    expect(built.stacks.get('shop')!.products.size).toBe(0);
    expect(resourcesOf(config, 'aws_glue_catalog_table')).toEqual([]);
    // Not even the access-log bucket: there is nothing to log.
    expect(resourcesOf(config, 'aws_s3_bucket')).toEqual([]);
  });

  it("keeps a retired product's data and table but grants nothing", () => {
    const config = withEdit((t) => t.replace('status: active', 'status: retired'));
    expect(onlyResource(config, 'aws_s3_bucket', (r) => r.bucket === BUCKET).tags.Status).toBe('retired');
    expect(resourcesOf(config, 'aws_glue_catalog_table')).toHaveLength(1);
    expect(policyOf(config, bucketRef(config)).Statement.filter((s) => s.Effect === 'Allow')).toEqual([]);
    expect(resourcesOf(config, 'aws_iam_policy')).toEqual([]);
    const keyPolicy = JSON.parse(onlyResource(config, 'aws_kms_key').policy);
    // The alert publishers' statement serves the domain topic (its budget still runs), not a consumer.
    expect(keyPolicy.Statement.map((s: { Sid: string }) => s.Sid)).toEqual(['AccountAdministersKey', 'AlertPublishersEncryptForAlertTopic']);
  });

  it('tags a deprecated product with its status and sunset date', () => {
    const config = withEdit((t) => t.replace('status: active', 'status: deprecated\nsunset: "2027-06-30"'));
    expect(onlyResource(config, 'aws_s3_bucket', (r) => r.bucket === BUCKET).tags).toMatchObject({ Status: 'deprecated', Sunset: '2027-06-30' });
    expect(onlyResource(config, 'aws_glue_catalog_table').parameters['datamesh.sunset']).toBe('2027-06-30');
  });
});
