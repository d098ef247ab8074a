import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration, type S3BucketLifecycleConfigurationRule } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketLoggingA } from '@cdktf/provider-aws/lib/s3-bucket-logging';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { denyInsecureTransport, denyUploadsWithoutKey, policyDocument } from '../access/policy-document';
import type { SecureBucketProps } from './secure-bucket-props';

/**
 * An S3 bucket whose safety settings are not options: public access blocked (all four
 * settings), ACLs disabled, default encryption (enforced on uploads when it is a KMS key),
 * TLS-only policy. It refuses destruction unless `preventDestroy` is false, and then it is
 * destroyed with its objects: a bucket that destroy cannot delete would make the switch a lie.
 *
 * @example
 * const logs = new SecureBucket(stack, 'access-logs', { bucketName: 'acme-dev-sales-access-logs', versioned: false });
 * const data = new SecureBucket(stack, 'data', {
 *   bucketName: 'acme-dev-sales-orders',
 *   kmsKeyArn: key.arn,
 *   accessLog: { target: logs, prefix: 'orders/' },
 *   expirationDays: 400,
 * });
 */
export class SecureBucket extends Construct {
  readonly bucket: S3Bucket;
  readonly publicAccessBlock: S3BucketPublicAccessBlock;
  readonly policy: S3BucketPolicy;
  /** Access logging to the target of `accessLog`; none for a bucket that does not log. */
  readonly accessLogging?: S3BucketLoggingA;
  readonly bucketName: string;
  readonly bucketArn: string;

  constructor(scope: Construct, id: string, props: SecureBucketProps) {
    super(scope, id);
    const preventDestroy = props.preventDestroy ?? true;
    this.bucketName = props.bucketName;
    // Names are deterministic, so the ARN is known without a reference; policies stay readable.
    this.bucketArn = `arn:aws:s3:::${props.bucketName}`;

    this.bucket = new S3Bucket(this, 'bucket', {
      bucket: props.bucketName,
      forceDestroy: !preventDestroy,
      tags: props.tags ? { ...props.tags } : undefined,
      lifecycle: { preventDestroy },
    });
    if (!preventDestroy) {
      Annotations.of(this).addWarning(`preventDestroy is off: terraform destroy deletes bucket ${props.bucketName} with every object and object version in it`);
    }
    const bucket = this.bucket.id;

    this.publicAccessBlock = new S3BucketPublicAccessBlock(this, 'public-access-block', {
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, 'ownership', { bucket, rule: { objectOwnership: 'BucketOwnerEnforced' } });

    if (props.versioned ?? true) {
      new S3BucketVersioningA(this, 'versioning', { bucket, versioningConfiguration: { status: 'Enabled' } });
    }
    new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      bucket,
      rule: [
        props.kmsKeyArn
          ? { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: props.kmsKeyArn }, bucketKeyEnabled: true }
          : { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } },
      ],
    });
    new S3BucketLifecycleConfiguration(this, 'lifecycle', { bucket, rule: lifecycleRules(props) });

    this.policy = new S3BucketPolicy(this, 'policy', {
      bucket,
      policy: policyDocument([denyInsecureTransport(this.bucketArn), ...(props.kmsKeyArn ? denyUploadsWithoutKey(this.bucketArn, props.kmsKeyArn) : []), ...(props.policyStatements ?? [])]),
      // S3 rejects a policy naming other principals while the public access block is being created.
      dependsOn: [this.publicAccessBlock],
    });
    if (props.accessLog) {
      const { target, prefix } = props.accessLog;
      this.accessLogging = new S3BucketLoggingA(this, 'access-logging', {
        bucket,
        targetBucket: target.bucket.bucket,
        targetPrefix: prefix,
        // S3 validates the target on PutBucketLogging: log delivery must already be allowed to write.
        dependsOn: [target.policy],
      });
    }
  }
}

function lifecycleRules(props: SecureBucketProps): S3BucketLifecycleConfigurationRule[] {
  const rules: S3BucketLifecycleConfigurationRule[] = [
    { id: 'abort-incomplete-multipart-uploads', status: 'Enabled', filter: [{}], abortIncompleteMultipartUpload: [{ daysAfterInitiation: props.abortIncompleteMultipartUploadDays }] },
  ];
  if ((props.versioned ?? true) && props.noncurrentVersionExpirationDays) {
    rules.push({ id: 'expire-noncurrent-versions', status: 'Enabled', filter: [{}], noncurrentVersionExpiration: [{ noncurrentDays: props.noncurrentVersionExpirationDays }] });
  }
  if (props.expirationDays) {
    rules.push({ id: 'expire-after-retention', status: 'Enabled', filter: [{}], expiration: [{ days: props.expirationDays }] });
  }
  return rules;
}
