import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { Annotations, TerraformOutput, TerraformStack } from 'cdktf';
import { isVerbose } from './verbosity';
import { Construct } from 'constructs';
import { holdsProtectedData } from '../contract/column-rules';
import { preventsDestroy, type DataProductSpec } from '../contract/model';
import { directReaders, principalAccess, writers, type PrincipalAccess } from './access/consumer-access';
import { consumerGrants, type ConsumerGrant } from './access/consumer-grants';
import { policyDocument } from './access/policy-document';
import { consumerReadStatements, producerWriteStatements, readStatements, writeStatements, type ProductResources } from './access/product-grants';
import { ProductLakeFormation } from './access/product-lake-formation';
import { ProductTable } from './catalog/product-table';
import type { DataProductProps } from './data-product-props';
import { DATA_PREFIX, productNames } from '../contract/naming';
import { ProductQuality } from './quality/product-quality';
import { SecureBucket } from './storage/secure-bucket';
import { productTags } from './tags';
import { guardStack, original, untrusted } from './terraform-text';

/**
 * Everything one data product contract becomes: its bucket, its Glue table, its access policies,
 * its consumer grants (bucket policy, and Lake Formation unless the platform opts out) and its
 * quality ruleset. `draft` products are never constructed (see DomainStack); `retired` ones keep
 * their data, table, Lake Formation registration and LF-tags but grant nothing and check nothing.
 *
 * @example
 * // Inside a stack of your own, beside the domain's key, database and access-log bucket:
 * const orders = new DataProduct(stack, 'orders', {
 *   product, // a DataProductSpec from loadMesh()
 *   names: { organization: 'acme', environment: 'dev', domain: 'sales' },
 *   account: '111111111111',
 *   region: 'eu-west-1',
 *   domains: mesh.domains,
 *   kmsKeyArn: key.arn,
 *   databaseName: database.name,
 *   accessLogs,
 *   storage: mesh.platform.storage,
 * });
 * new IamRolePolicyAttachment(stack, 'reader', { role: 'analyst', policyArn: orders.readPolicy!.arn });
 */
export class DataProduct extends Construct {
  readonly product: DataProductSpec;
  readonly storage: SecureBucket;
  readonly table: ProductTable;
  /** Managed policies a same-account role attaches to read or write the product; none when retired. */
  readonly readPolicy?: IamPolicy;
  readonly writePolicy?: IamPolicy;
  readonly grants: readonly ConsumerGrant[];
  /** What each principal may do; the bucket policy, the key policy and Lake Formation follow it. */
  readonly access: readonly PrincipalAccess[];
  readonly lakeFormation?: ProductLakeFormation;
  /** The Glue Data Quality ruleset; none when retired. */
  readonly quality?: ProductQuality;
  /** `s3://bucket/data/`: where the table's files live. */
  readonly location: string;

  constructor(scope: Construct, id: string, props: DataProductProps) {
    super(scope, id);
    guardStack(TerraformStack.of(this));
    const product = untrusted(props.product);
    const domains = untrusted(props.domains);
    this.product = original(product);
    const tags = productTags(product);
    const names = productNames(props.names, product.name);
    const bucketName = names.bucket;
    const bucketArn = `arn:aws:s3:::${bucketName}`;
    this.location = `s3://${bucketName}/${DATA_PREFIX}`;
    this.grants = consumerGrants(product, domains);
    this.access = principalAccess(product, domains);

    this.storage = new SecureBucket(this, 'storage', {
      bucketName,
      kmsKeyArn: props.kmsKeyArn,
      versioned: true,
      expirationDays: s3ExpirationDays(product),
      noncurrentVersionExpirationDays: props.storage.noncurrentVersionExpirationDays,
      abortIncompleteMultipartUploadDays: props.storage.abortIncompleteMultipartUploadDays,
      accessLog: { target: props.accessLogs, prefix: `${product.name}/` },
      policyStatements: [...consumerReadStatements(bucketArn, directReaders(this.access)), ...producerWriteStatements(bucketArn, writers(this.access))],
      preventDestroy: preventsDestroy(props.storage, props.names.environment),
      tags,
    });

    if (product.output.format === 'iceberg' && product.output.retentionDays !== undefined && isVerbose(this)) {
      Annotations.of(this).addInfo(
        `${product.id}: retention of ${product.output.retentionDays} days is recorded on the table but not enforced by S3 lifecycle; expire Iceberg snapshots and rows with table maintenance`,
      );
    }
    this.table = new ProductTable(this, 'catalog', { product, databaseName: props.databaseName, location: this.location });
    // References, not literals: Terraform then creates the table before what points at it.
    const tableName = this.table.table.name;

    if (props.lakeFormation) {
      this.lakeFormation = new ProductLakeFormation(this, 'lake-formation', {
        product,
        bucketName,
        bucket: this.storage.bucket,
        account: props.account,
        kmsKeyArn: props.kmsKeyArn,
        databaseName: props.databaseName,
        tableName,
        tagKeys: props.lakeFormation,
        access: this.access,
      });
    } else {
      for (const withheld of this.access.filter((a) => !a.direct)) {
        Annotations.of(this).addWarning(
          `${withheld.principal} is not approved for the PII of ${product.id}; without Lake Formation it cannot be given the other columns alone, so it is granted nothing`,
        );
      }
    }
    // A retired product is no longer produced: its checks could only fail.
    if (product.status !== 'retired') {
      this.quality = new ProductQuality(this, 'quality', { product, name: names.qualityRuleset, databaseName: props.databaseName, tableName, tags });
    }

    const resources: ProductResources = {
      bucketArn: this.storage.bucketArn,
      region: props.region,
      account: props.account,
      database: props.databaseName,
      table: this.table.tableName,
      kmsKeyArn: props.kmsKeyArn,
    };
    if (product.status !== 'retired') {
      // Whoever attaches a managed read policy reads every column of the objects, so a product
      // with PII or restricted columns has none: its readers get the contract's Lake Formation grants.
      if (holdsProtectedData(product)) {
        if (isVerbose(this)) Annotations.of(this).addInfo(`${product.id} holds protected columns: no managed read policy; readers get the Lake Formation grants of its contract`);
      } else {
        this.readPolicy = new IamPolicy(this, 'read-policy', {
          name: names.readPolicy,
          description: `Read ${product.id} v${product.version}: its S3 prefix, Glue table and key`,
          policy: policyDocument(readStatements(resources)),
          tags,
        });
        this.output('read_policy_arn', this.readPolicy.arn, `Managed read policy of ${product.id}`);
      }
      this.writePolicy = new IamPolicy(this, 'write-policy', {
        name: names.writePolicy,
        description: `Write ${product.id} v${product.version}: its S3 prefix, Glue partitions and key`,
        policy: policyDocument(writeStatements(resources)),
        tags,
      });
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
