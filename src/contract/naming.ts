/**
 * Deterministic physical names. They derive only from the organization, environment, domain and
 * product names, never from list positions or random suffixes, so a plan never renames anything
 * because files were reordered, and two environments never collide.
 *
 * The constructs name their resources with these functions and the loader checks uniqueness on
 * their results (physical-names.ts), so the check and the names can never disagree.
 */
import { createHash } from 'crypto';

const MAX_BUCKET_NAME = 63;

export interface NameParts {
  readonly organization: string;
  readonly environment: string;
  readonly domain: string;
}

/** What one product's resources are called. */
export interface ProductNames {
  readonly bucket: string;
  readonly readPolicy: string;
  readonly writePolicy: string;
  readonly qualityRuleset: string;
  /** The KMS grant that lets Lake Formation read the product's objects. */
  readonly lakeFormationKeyGrant: string;
  /** The EventBridge Scheduler schedule that evaluates the quality ruleset (at most 64 characters). */
  readonly qualitySchedule: string;
  /** The CloudWatch alarm raised when no evaluation ran. */
  readonly evaluationMissingAlarm: string;
}

/** What a domain's shared resources are called. */
export interface DomainNames {
  readonly accessLogBucket: string;
  readonly database: string;
  readonly keyAlias: string;
  readonly lfTagKeys: { readonly domain: string; readonly classification: string };
  /** The role the schedules and Glue Data Quality runs assume (at most 64 characters). */
  readonly evaluationRole: string;
  /** The SNS topic the domain's alerts go to. */
  readonly alertTopic: string;
  /** The EventBridge rule that forwards failed evaluations (at most 64 characters). */
  readonly qualityAlertRule: string;
  /** The AWS Budget on the domain's cost-allocation tag. */
  readonly budget: string;
}

export function productNames(parts: NameParts, product: string): ProductNames {
  const bucket = productBucketName(parts, product);
  const prefix = `${resourcePrefix(parts)}-${product.replace(/_/g, '-')}`;
  return {
    bucket,
    readPolicy: `${prefix}-read`,
    writePolicy: `${prefix}-write`,
    qualityRuleset: `${prefix}-quality`,
    lakeFormationKeyGrant: `${bucket}-lakeformation`,
    qualitySchedule: boundedName(`${prefix}-quality`, 64),
    evaluationMissingAlarm: `${prefix}-quality-evaluation-missing`,
  };
}

export function domainNames(parts: NameParts): DomainNames {
  const prefix = resourcePrefix(parts);
  const tagPrefix = prefix.toLowerCase();
  return {
    accessLogBucket: accessLogBucketName(parts),
    database: glueDatabaseName(parts),
    keyAlias: `alias/${prefix}-data`,
    // Lake Formation lowercases tag keys.
    lfTagKeys: { domain: `${tagPrefix}:domain`, classification: `${tagPrefix}:classification` },
    evaluationRole: boundedName(`${prefix}-quality-evaluation`, 64),
    alertTopic: `${prefix}-alerts`,
    qualityAlertRule: boundedName(`${prefix}-quality-failed`, 64),
    budget: `${prefix}-monthly`,
  };
}

/** `acme-dev-sales-order_lines` -> `acme-dev-sales-order-lines`, shortened with a hash past 63 characters. */
export function productBucketName(parts: NameParts, product: string): string {
  return bucketName([parts.organization, parts.environment, parts.domain, product]);
}

export function accessLogBucketName(parts: NameParts): string {
  return bucketName([parts.organization, parts.environment, parts.domain, 'access-logs']);
}

/** S3 bucket names: lowercase letters, digits and hyphens, 3-63 characters, globally unique. */
export function bucketName(segments: readonly string[]): string {
  const full = segments
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  if (full.length <= MAX_BUCKET_NAME) return full;
  // Keep the readable start and add a hash of the full name, so two long names stay distinct.
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 8);
  const head = full.slice(0, MAX_BUCKET_NAME - hash.length - 1).replace(/-+$/, '');
  return `${head}-${hash}`;
}

/** A name cut to `max` characters with a hash of the whole, so two long names stay distinct. */
export function boundedName(full: string, max: number): string {
  if (full.length <= max) return full;
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 8);
  return `${full.slice(0, max - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}

/** Glue database names allow lowercase letters, digits and underscores. */
export function glueDatabaseName(parts: NameParts): string {
  return [parts.organization, parts.environment, parts.domain]
    .join('_')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_');
}

/** Prefix of IAM policy and KMS alias names for one domain in one environment. */
export function resourcePrefix(parts: NameParts): string {
  return [parts.organization, parts.environment, parts.domain].join('-').replace(/_/g, '-');
}

/** The one prefix a product's data lives under; grants are scoped to it. */
export const DATA_PREFIX = 'data/';

/** Where Glue Data Quality writes a product's evaluation results, in the product's own bucket, beside `data/`. */
export const QUALITY_RESULTS_PREFIX = 'quality-results/';

/** Bucket name prefixes and suffixes S3 reserves for its own features; CreateBucket refuses them. */
export const RESERVED_BUCKET_PREFIXES: readonly string[] = ['xn--', 'sthree-', 'amzn-s3-demo-'];
export const RESERVED_BUCKET_SUFFIXES: readonly string[] = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/** The reserved prefix or suffix a bucket name uses, if any. */
export function reservedBucketAffix(name: string): string | undefined {
  return RESERVED_BUCKET_PREFIXES.find((p) => name.startsWith(p)) ?? RESERVED_BUCKET_SUFFIXES.find((s) => name.endsWith(s));
}
