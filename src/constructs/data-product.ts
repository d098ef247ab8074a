import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { Annotations, TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import type { DataProductSpec } from '../contract/model';
import { consumerGrants, readPrincipals, type ConsumerGrant } from './access/consumer-grants';
import { policyDocument } from './access/policy-document';
import { consumerReadStatements, readStatements, writeStatements, type ProductResources } from './access/product-grants';
import { ProductTable } from './catalog/product-table';
import type { DataProductProps } from './data-product-props';
import { DATA_PREFIX, productBucketName, resourcePrefix } from './naming';
import { SecureBucket } from './storage/secure-bucket';
import { productTags } from './tags';

/**
 * Everything one data product contract becomes: its bucket, its Glue table, its access policies
 * and its consumer grants. `draft` products are never constructed (see DomainStack); `retired`
 * ones keep their data and table but grant nothing.
 */
export class DataProduct extends Construct {
  readonly product: DataProductSpec;
  readonly storage: SecureBucket;
  readonly table: ProductTable;
  /** Managed policies a same-account role attaches to read or write the product; none when retired. */
  readonly readPolicy?: IamPolicy;
  readonly writePolicy?: IamPolicy;
  readonly grants: readonly ConsumerGrant[];
  /** `s3://bucket/data/`: where the table's files live. */
  readonly location: string;

  constructor(scope: Construct, id: string, props: DataProductProps) {
    super(scope, id);
    const { product } = props;
    this.product = product;
    const tags = productTags(product);
    const bucketName = productBucketName(props.names, product.name);
    this.location = `s3://${bucketName}/${DATA_PREFIX}`;
    this.grants = consumerGrants(product, props.domains);

    this.storage = new SecureBucket(this, 'storage', {
      bucketName,
      kmsKeyArn: props.kmsKeyArn,
      versioned: true,
      expirationDays: s3ExpirationDays(product),
      noncurrentVersionExpirationDays: props.storage.noncurrentVersionExpirationDays,
      abortIncompleteMultipartUploadDays: props.storage.abortIncompleteMultipartUploadDays,
      accessLog: { bucketName: props.accessLogBucketName, prefix: `${product.name}/` },
      policyStatements: consumerReadStatements(`arn:aws:s3:::${bucketName}`, readPrincipals(this.grants)),
      preventDestroy: props.storage.preventDestroy,
      tags,
    });

    if (product.output.format === 'iceberg' && product.output.retentionDays !== undefined) {
      Annotations.of(this).addInfo(
        `${product.id}: retention of ${product.output.retentionDays} days is recorded on the table but not enforced by S3 lifecycle; expire Iceberg snapshots and rows with table maintenance`,
      );
    }
    this.table = new ProductTable(this, 'catalog', { product, databaseName: props.databaseName, location: this.location });

    const resources: ProductResources = {
      bucketArn: this.storage.bucketArn,
      region: props.region,
      account: props.account,
      database: props.databaseName,
      table: this.table.tableName,
      kmsKeyArn: props.kmsKeyArn,
    };
    if (product.status !== 'retired') {
      const policyName = `${resourcePrefix(props.names)}-${product.name.replace(/_/g, '-')}`;
      this.readPolicy = new IamPolicy(this, 'read-policy', {
        name: `${policyName}-read`,
        description: `Read ${product.id} v${product.version}: its S3 prefix, Glue table and key`,
        policy: policyDocument(readStatements(resources)),
        tags,
      });
      this.writePolicy = new IamPolicy(this, 'write-policy', {
        name: `${policyName}-write`,
        description: `Write ${product.id} v${product.version}: its S3 prefix, Glue partitions and key`,
        policy: policyDocument(writeStatements(resources)),
        tags,
      });
      this.output('read_policy_arn', this.readPolicy.arn, `Managed read policy of ${product.id}`);
    }
    this.output('bucket', this.storage.bucket.bucket, `Bucket of ${product.id}`);
    this.output('glue_table', `${props.databaseName}.${this.table.tableName}`, `Glue table of ${product.id}`);
  }

  /** Outputs are named `<product>_<what>`, readable in `terraform output`. */
  private output(what: string, value: string, description: string): void {
    new TerraformOutput(this, what, { value, description }).overrideLogicalId(`${this.product.name}_${what}`);
  }
}

/**
 * Age-based S3 expiry fits Hive-style tables, whose files are immutable partitions. An Iceberg
 * table still references old data files from current snapshots, so expiring them by age would
 * corrupt it: its retention belongs to snapshot expiry and row deletes, not to S3.
 */
function s3ExpirationDays(product: DataProductSpec): number | undefined {
  return product.output.format === 'iceberg' ? undefined : product.output.retentionDays;
}
