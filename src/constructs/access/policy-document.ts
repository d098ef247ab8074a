import { conditionSetTwice, notAPrincipalArn } from '../errors';
/** IAM policy JSON, built as plain values so governance can read it back without synthesis. */
export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: '*' | { readonly AWS?: string | readonly string[]; readonly Service?: string | readonly string[] };
  readonly Action: string | readonly string[];
  readonly Resource: string | readonly string[];
  readonly Condition?: PolicyConditions;
}

/** Condition operator -> condition key -> value(s). Operators, and keys within one, are ANDed. */
export type PolicyConditions = Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;

export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly PolicyStatement[];
}

export function policyDocument(statements: readonly PolicyStatement[]): string {
  const document: PolicyDocument = { Version: '2012-10-17', Statement: statements };
  return JSON.stringify(document);
}

/**
 * Joins condition blocks into one, which AWS reads as their conjunction. Two blocks setting the
 * same key under the same operator would silently override each other, so that is refused.
 */
export function allOf(...blocks: readonly (PolicyConditions | undefined)[]): PolicyConditions {
  const merged: Record<string, Record<string, string | readonly string[]>> = {};
  for (const block of blocks) {
    for (const [operator, keys] of Object.entries(block ?? {})) {
      for (const [key, value] of Object.entries(keys)) {
        if (merged[operator]?.[key] !== undefined) throw conditionSetTwice(operator, key);
        merged[operator] = { ...merged[operator], [key]: value };
      }
    }
  }
  return merged;
}

/**
 * Who a resource policy (bucket or key policy) grants to: the accounts of the given roles as
 * principals, narrowed to exactly those roles by `aws:PrincipalArn`. AWS checks that a principal
 * named in a resource policy exists, and stores a role by its unique id: naming the roles directly
 * would fail while a consumer domain has not created them yet, and a role deleted and re-created
 * would silently lose the grant. Accounts always exist, and `aws:PrincipalArn` matches the role by
 * name whenever it is used. The account principal delegates to the account's IAM, so the role also
 * needs an identity policy that allows the access (always so across accounts).
 */
export function grantedRoles(roles: readonly string[]): Pick<PolicyStatement, 'Principal'> & { readonly Condition: PolicyConditions } {
  const sorted = [...new Set(roles)].sort();
  const accounts = [...new Set(sorted.map(accountPrincipal))].sort();
  return { Principal: { AWS: accounts }, Condition: { ArnEquals: { 'aws:PrincipalArn': sorted } } };
}

/** `arn:<partition>:iam::<account>:root` of an IAM role or user ARN. */
export function accountPrincipal(arn: string): string {
  const match = /^arn:(aws[a-z-]*):iam::(\d{12}):/.exec(arn);
  if (!match) throw notAPrincipalArn(arn);
  return `arn:${match[1]}:iam::${match[2]}:root`;
}

/** Deny every request that does not use TLS, whoever makes it. */
export function denyInsecureTransport(bucketArn: string): PolicyStatement {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [bucketArn, `${bucketArn}/*`],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}

/**
 * Uploads (PutObject, and so CopyObject and multipart uploads) that would not be encrypted with
 * the bucket's key. A request without encryption headers gets the bucket default (SSE-KMS with
 * the key) and is allowed; one that asks for another algorithm or another key is refused, and so
 * is one that asks for `aws:kms` without naming a key, which S3 would encrypt with the AWS
 * managed key `aws/s3` instead of the bucket's.
 */
export function denyUploadsWithoutKey(bucketArn: string, kmsKeyArn: string): PolicyStatement[] {
  const upload = { Effect: 'Deny' as const, Principal: '*' as const, Action: 's3:PutObject', Resource: `${bucketArn}/*` };
  const algorithm = 's3:x-amz-server-side-encryption';
  const keyId = 's3:x-amz-server-side-encryption-aws-kms-key-id';
  return [
    { Sid: 'DenyUploadsNotEncryptedWithKms', ...upload, Condition: { Null: { [algorithm]: 'false' }, StringNotEquals: { [algorithm]: 'aws:kms' } } },
    { Sid: 'DenyUploadsWithAnotherKey', ...upload, Condition: { Null: { [keyId]: 'false' }, StringNotEquals: { [keyId]: kmsKeyArn } } },
    { Sid: 'DenyUploadsWithTheAwsManagedKey', ...upload, Condition: { Null: { [algorithm]: 'false', [keyId]: 'true' } } },
  ];
}
