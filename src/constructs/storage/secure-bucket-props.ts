import type { PolicyStatement } from '../access/policy-document';
import type { SecureBucket } from './secure-bucket';

export interface SecureBucketProps {
  /** Physical bucket name; see `naming.ts`. */
  readonly bucketName: string;
  /**
   * Customer-managed KMS key for default encryption (SSE-KMS with an S3 bucket key). The bucket
   * policy then refuses uploads that ask for another algorithm or another key.
   * @default SSE-S3, which only access-log buckets should use: log delivery cannot write with KMS.
   */
  readonly kmsKeyArn?: string;
  /** @default true */
  readonly versioned?: boolean;
  /** Days before current objects expire. @default never */
  readonly expirationDays?: number;
  /** Days before noncurrent versions expire (versioned buckets only). @default kept forever */
  readonly noncurrentVersionExpirationDays?: number;
  readonly abortIncompleteMultipartUploadDays: number;
  /**
   * Where S3 server access logs go. The logging configuration refers to the target bucket and
   * waits for its policy: S3 checks on PutBucketLogging that log delivery may write there.
   * @default no access logging
   */
  readonly accessLog?: { readonly target: SecureBucket; readonly prefix: string };
  /** Statements added after the TLS-only deny. @default none */
  readonly policyStatements?: readonly PolicyStatement[];
  /**
   * True: Terraform `prevent_destroy` on the bucket. False: `force_destroy`, so `terraform destroy`
   * deletes the bucket with every object and version in it; reported as a warning.
   * @default true
   */
  readonly preventDestroy?: boolean;
  /** @default none beyond the provider's default tags */
  readonly tags?: Readonly<Record<string, string>>;
}
