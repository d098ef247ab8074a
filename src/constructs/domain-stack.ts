import { GlueCatalogDatabase } from '@cdktf/provider-aws/lib/glue-catalog-database';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Annotations, LocalBackend, S3Backend, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { preventsDestroy, type DataProductSpec, type DomainSpec, type PlatformSpec } from '../contract/model';
import { directReaders, principalAccess, writers } from './access/consumer-access';
import { DomainLfTags } from './access/lake-formation-tags';
import { policyDocument, type PolicyStatement } from './access/policy-document';
import { keyPolicyStatements } from './access/product-grants';
import { DataProduct } from './data-product';
import type { DomainStackProps } from './domain-stack-props';
import { domainNames, productBucketName, type NameParts } from '../contract/naming';
import { monitoringSettings } from '../contract/monitoring';
import { alertTopicKeyStatements } from './operate/alert-key-statements';
import { keyPolicyTooLarge, undeclaredEnvironment, unknownDomain } from './errors';
import { DomainOperations } from './operate/domain-operations';
import type { ReusesResolution, TerraformJsonStack } from '../governance/resolution';
import { PendingResolution } from './stack-resolution';
import { withoutTokenStackTraces } from './token-stack-traces';
import { SecureBucket } from './storage/secure-bucket';
import { guardStack, original, untrusted } from './terraform-text';
import { domainDefaultTags, domainResourceTags } from './tags';

/**
 * One Terraform stack per business domain: its own state, its own plan, deployable on its own
 * and in parallel with the others. Consumers in other domains are resolved from their domain.yaml,
 * so no stack references another.
 *
 * @example
 * const app = new App();
 * const { value: mesh } = loadMesh('contracts');
 * const sales = new DomainStack(app, 'sales', { mesh: mesh!, domain: 'sales', environment: 'dev' });
 * sales.products.get('orders')?.storage.bucket; // the product's aws_s3_bucket
 */
export class DomainStack extends TerraformStack implements ReusesResolution {
  readonly domain: DomainSpec;
  readonly environment: string;
  readonly region: string;
  readonly provider: AwsProvider;
  readonly kmsKey: KmsKey;
  readonly database: GlueCatalogDatabase;
  /** Receives the products' S3 access logs; none while the domain builds no product. */
  readonly accessLogs?: SecureBucket;
  /** The domain's LF-tags; undefined when the platform opts out of Lake Formation or nothing is built. */
  readonly lfTags?: DomainLfTags;
  /** The domain's data products by name; drafts are not built and not listed. */
  readonly products: ReadonlyMap<string, DataProduct>;
  /** Quality schedules, alerts and budget; undefined when monitoring is off or nothing is built. */
  readonly operations?: DomainOperations;

  constructor(scope: Construct, id: string, props: DomainStackProps) {
    super(scope, id);
    // Contract, domain and platform text reaches Terraform only through the escaping layer.
    guardStack(this);
    const mesh = untrusted(props.mesh);
    const environment = props.environment;
    const { platform } = mesh;
    const domain = mesh.domains.find((d) => d.name === props.domain);
    if (!domain)
      throw unknownDomain(
        props.domain,
        mesh.domains.map((d) => d.name),
      );
    if (!platform.environments.includes(environment)) {
      throw undeclaredEnvironment(environment, platform.environments);
    }
    this.domain = original(domain);
    this.environment = environment;
    this.region = domain.region ?? platform.region;
    const names: NameParts = { organization: platform.organization, environment, domain: domain.name };
    const physical = domainNames(names);
    const built = mesh.products.filter((p) => p.domain === domain.name && p.status !== 'draft');
    const monitoring = monitoringSettings(platform);
    const operated = monitoring.enabled && built.length > 0;

    this.provider = new AwsProvider(this, 'aws', {
      region: this.region,
      allowedAccountIds: [domain.account],
      defaultTags: [{ tags: domainDefaultTags(domain, environment, platform.tags) }],
      assumeRole: platform.deployRoleName ? [{ roleArn: `arn:aws:iam::${domain.account}:role/${platform.deployRoleName}`, sessionName: `datamesh-${domain.name}` }] : undefined,
    });
    configureBackend(this, platform, domain.name, environment);

    const sharedTags = domainResourceTags(domain);
    const bucketArnOf = (product: DataProductSpec) => `arn:aws:s3:::${productBucketName(names, product.name)}`;
    // The key shares the buckets' switch: data protected from destroy must stay decryptable.
    const preventDestroy = preventsDestroy(platform.storage, environment);
    this.kmsKey = new KmsKey(this, 'kms-key', {
      description: `Encrypts the data products of domain ${domain.name} (${environment})`,
      enableKeyRotation: true,
      deletionWindowInDays: KEY_DELETION_WINDOW_DAYS,
      policy: keyPolicy(domain, this.region, built, mesh.domains, bucketArnOf, operated ? alertTopicKeyStatements(domain.account, this.region, physical.alertTopic) : []),
      tags: sharedTags,
      lifecycle: { preventDestroy },
    });
    if (!preventDestroy) {
      Annotations.of(this.kmsKey).addWarning(
        `preventDestroy is off: terraform destroy schedules the key of domain ${domain.name} (${environment}) for deletion after ${KEY_DELETION_WINDOW_DAYS} days; then nothing it encrypted can be decrypted, copies included`,
      );
    }
    new KmsAlias(this, 'kms-alias', { name: physical.keyAlias, targetKeyId: this.kmsKey.keyId });

    this.database = new GlueCatalogDatabase(this, 'database', {
      name: physical.database,
      description: domain.description,
      tags: sharedTags,
    });

    const logBucketName = physical.accessLogBucket;
    // Only a logging target counts as an access-log bucket for governance (SSE-S3, no versioning),
    // so an empty log bucket would be judged as a data bucket: a domain of drafts gets none.
    if (built.length > 0)
      this.accessLogs = new SecureBucket(this, 'access-logs', {
        bucketName: logBucketName,
        versioned: false,
        expirationDays: platform.storage.accessLogRetentionDays,
        abortIncompleteMultipartUploadDays: platform.storage.abortIncompleteMultipartUploadDays,
        policyStatements: [logDeliveryStatement(logBucketName, domain.account, built.map(bucketArnOf))],
        preventDestroy,
        tags: sharedTags,
      });

    if (platform.lakeFormation.enabled && built.length > 0) this.lfTags = new DomainLfTags(this, 'lf-tags', { names });

    const products = new Map<string, DataProduct>();
    const accessLogs = this.accessLogs;
    // Present whenever a product is built: every product bucket logs to it.
    if (accessLogs) {
      for (const product of built) {
        products.set(
          product.name,
          new DataProduct(this, product.name, {
            product,
            names,
            account: domain.account,
            region: this.region,
            domains: mesh.domains,
            kmsKeyArn: this.kmsKey.arn,
            databaseName: this.database.name,
            accessLogs,
            storage: platform.storage,
            lakeFormation: this.lfTags?.keys,
          }),
        );
      }
    }
    this.products = products;
    if (operated) {
      this.operations = new DomainOperations(this, 'operations', {
        domain,
        names,
        region: this.region,
        kmsKeyArn: this.kmsKey.arn,
        products: [...products.values()],
        settings: monitoring,
        lakeFormation: this.lfTags !== undefined,
        tags: sharedTags,
      });
    }
  }

  private readonly resolution = new PendingResolution(this);

  /** Keeps the JSON the governance check resolved, for the write that follows in the same run. */
  reuseResolution(json: TerraformJsonStack): void {
    this.resolution.hold(json);
  }

  /** The JSON the governance check resolved moments before, when it is still current; else a fresh resolution. */
  override toTerraform(): TerraformJsonStack {
    return this.resolution.take() ?? withoutTokenStackTraces(() => super.toTerraform() as TerraformJsonStack);
  }

  /** cdktf's preparing resolve of every element, without token traces (see token-stack-traces.ts). */
  override prepareStack(): void {
    withoutTokenStackTraces(() => super.prepareStack());
  }
}

function configureBackend(stack: TerraformStack, platform: PlatformSpec, domain: string, environment: string): void {
  const { backend } = platform;
  if (backend.type === 'local') {
    new LocalBackend(stack, { path: `terraform.${environment}.${domain}.tfstate` });
    return;
  }
  const s3 = new S3Backend(stack, {
    bucket: backend.bucket,
    region: backend.region,
    key: `${backend.keyPrefix}/${environment}/${domain}/terraform.tfstate`,
    encrypt: true,
  });
  // cdktf 0.21 predates S3 native locking (Terraform >= 1.10), so the flag is set as an override.
  if (backend.useLockfile) s3.addOverride('use_lockfile', true);
}

/** What `terraform destroy` waits before the key is gone, when preventDestroy is off. */
const KEY_DELETION_WINDOW_DAYS = 30;

/** The most a key policy may hold (KMS quota). */
const KEY_POLICY_MAX_CHARACTERS = 32_768;

/**
 * The account keeps full control of its key (without it the key becomes unmanageable). The roles
 * that read a product directly may decrypt, and the producer role its contract lets write may
 * also encrypt, only through S3 in this region and only for the buckets of those products.
 */
function keyPolicy(
  domain: DomainSpec,
  region: string,
  products: readonly DataProductSpec[],
  domains: readonly DomainSpec[],
  bucketArnOf: (p: DataProductSpec) => string,
  extra: readonly PolicyStatement[],
): string {
  const account: PolicyStatement = {
    Sid: 'AccountAdministersKey',
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${domain.account}:root` },
    Action: 'kms:*',
    Resource: '*',
  };
  const uses = products.map((product) => {
    const access = principalAccess(product, domains);
    return { bucketArn: bucketArnOf(product), readers: directReaders(access), producers: writers(access) };
  });
  const policy = policyDocument([account, ...keyPolicyStatements(region, uses), ...extra]);
  if (policy.length > KEY_POLICY_MAX_CHARACTERS) {
    throw keyPolicyTooLarge(domain.name, policy.length, KEY_POLICY_MAX_CHARACTERS);
  }
  return policy;
}

/**
 * S3 server access logging writes as the logging service; with ACLs disabled it needs this grant,
 * limited to logs of this domain's product buckets in its own account.
 */
function logDeliveryStatement(bucketName: string, account: string, sourceBuckets: readonly string[]): PolicyStatement {
  return {
    Sid: 'S3ServerAccessLogDelivery',
    Effect: 'Allow',
    Principal: { Service: 'logging.s3.amazonaws.com' },
    Action: 's3:PutObject',
    Resource: `arn:aws:s3:::${bucketName}/*`,
    Condition: { StringEquals: { 'aws:SourceAccount': account }, ArnEquals: { 'aws:SourceArn': [...sourceBuckets].sort() } },
  };
}
