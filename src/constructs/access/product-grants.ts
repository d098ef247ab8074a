/**
 * The least-privilege statements of one data product: what a reader and a writer may do with its
 * S3 prefix, its Glue table and the domain key. The managed IAM policies and the bucket policy
 * use the same action lists and the same prefix scoping, so the two can never drift apart.
 */
import { createHash } from 'crypto';
import { compareText } from '../../contract/order';
import { DATA_PREFIX } from '../../contract/naming';
import { allOf, grantedRoles, type PolicyConditions, type PolicyStatement } from './policy-document';

export interface ProductResources {
  readonly bucketArn: string;
  readonly region: string;
  readonly account: string;
  readonly database: string;
  readonly table: string;
  readonly kmsKeyArn: string;
}

const READ_OBJECT_ACTIONS = ['s3:GetObject', 's3:GetObjectVersion'];
const WRITE_OBJECT_ACTIONS = ['s3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'];
const READ_CATALOG_ACTIONS = ['glue:GetDatabase', 'glue:GetTable', 'glue:GetTableVersion', 'glue:GetTableVersions', 'glue:GetPartition', 'glue:GetPartitions', 'glue:BatchGetPartition'];
const WRITE_CATALOG_ACTIONS = [
  'glue:UpdateTable',
  'glue:CreatePartition',
  'glue:BatchCreatePartition',
  'glue:UpdatePartition',
  'glue:BatchUpdatePartition',
  'glue:DeletePartition',
  'glue:BatchDeletePartition',
];

export function glueArns(r: ProductResources): string[] {
  const base = `arn:aws:glue:${r.region}:${r.account}`;
  return [`${base}:catalog`, `${base}:database/${r.database}`, `${base}:table/${r.database}/${r.table}`];
}

const IN_DATA_PREFIX: PolicyConditions = { StringLike: { 's3:prefix': [DATA_PREFIX, `${DATA_PREFIX}*`] } };

/**
 * The key is usable only by S3 in the product's region, and only for the given buckets: with
 * S3 bucket keys the encryption context S3 passes to KMS is the bucket ARN. Decrypt grants to a
 * key shared by the domain's products would otherwise reach every product of the domain.
 */
export function keyUseForBucket(region: string, bucketArns: string | readonly string[]): PolicyConditions {
  const buckets = typeof bucketArns === 'string' || bucketArns.length !== 1 ? bucketArns : bucketArns[0];
  return { StringEquals: { 'kms:ViaService': `s3.${region}.amazonaws.com`, 'kms:EncryptionContext:aws:s3:arn': buckets } };
}

/**
 * An identity policy naming this bucket must not reach a bucket of the same name in another
 * account (names are global: a deleted bucket's name can be taken by anyone), so every S3
 * statement also requires the bucket to be owned by the domain account.
 */
function inDomainAccount(r: ProductResources): PolicyConditions {
  return { StringEquals: { 's3:ResourceAccount': r.account } };
}

/** ListBucket limited to the product prefix: a reader cannot even list what lies beside it. */
function listPrefix(sid: string, r: ProductResources, actions: string[]): PolicyStatement {
  return { Sid: sid, Effect: 'Allow', Action: actions, Resource: r.bucketArn, Condition: allOf(IN_DATA_PREFIX, inDomainAccount(r)) };
}

function objects(sid: string, r: ProductResources, actions: string[]): PolicyStatement {
  return { Sid: sid, Effect: 'Allow', Action: actions, Resource: `${r.bucketArn}/${DATA_PREFIX}*`, Condition: inDomainAccount(r) };
}

function keyThroughS3(sid: string, r: ProductResources, actions: string[]): PolicyStatement {
  return { Sid: sid, Effect: 'Allow', Action: actions, Resource: r.kmsKeyArn, Condition: keyUseForBucket(r.region, r.bucketArn) };
}

export function readStatements(r: ProductResources): PolicyStatement[] {
  return [
    listPrefix('ListProductPrefix', r, ['s3:ListBucket']),
    objects('ReadProductObjects', r, READ_OBJECT_ACTIONS),
    { Sid: 'ReadProductTable', Effect: 'Allow', Action: READ_CATALOG_ACTIONS, Resource: glueArns(r) },
    keyThroughS3('DecryptProductData', r, ['kms:Decrypt']),
  ];
}

export function writeStatements(r: ProductResources): PolicyStatement[] {
  return [
    listPrefix('ListProductPrefix', r, ['s3:ListBucket', 's3:ListBucketMultipartUploads']),
    objects('WriteProductObjects', r, [...READ_OBJECT_ACTIONS, ...WRITE_OBJECT_ACTIONS]),
    { Sid: 'WriteProductTable', Effect: 'Allow', Action: [...READ_CATALOG_ACTIONS, ...WRITE_CATALOG_ACTIONS], Resource: glueArns(r) },
    keyThroughS3('EncryptProductData', r, ['kms:Decrypt', 'kms:GenerateDataKey']),
  ];
}

/** Bucket-policy statements that let consumer roles of other accounts read the product prefix. */
export function consumerReadStatements(bucketArn: string, principals: readonly string[]): PolicyStatement[] {
  return principalPrefixStatements(['ConsumersListProductPrefix', 'ConsumersReadProductObjects'], bucketArn, principals, ['s3:ListBucket'], READ_OBJECT_ACTIONS);
}

/**
 * Bucket-policy statements for the owning domain's producer role, when its contract grants it
 * write access: the same prefix-scoped object actions as the managed write policy.
 */
export function producerWriteStatements(bucketArn: string, principals: readonly string[]): PolicyStatement[] {
  return principalPrefixStatements(
    ['ProducerListsProductPrefix', 'ProducerWritesProductObjects'],
    bucketArn,
    principals,
    ['s3:ListBucket', 's3:ListBucketMultipartUploads'],
    [...READ_OBJECT_ACTIONS, ...WRITE_OBJECT_ACTIONS],
  );
}

function principalPrefixStatements(
  sids: readonly [string, string],
  bucketArn: string,
  principals: readonly string[],
  listActions: readonly string[],
  objectActions: readonly string[],
): PolicyStatement[] {
  if (principals.length === 0) return [];
  const grantee = grantedRoles(principals);
  return [
    {
      Sid: sids[0],
      Effect: 'Allow',
      Principal: grantee.Principal,
      Action: listActions.length === 1 ? listActions[0] : listActions,
      Resource: bucketArn,
      Condition: allOf(IN_DATA_PREFIX, grantee.Condition),
    },
    { Sid: sids[1], Effect: 'Allow', Principal: grantee.Principal, Action: objectActions, Resource: `${bucketArn}/${DATA_PREFIX}*`, Condition: grantee.Condition },
  ];
}

/** Who uses the domain key directly for one product: its bucket, its direct readers and its producer. */
export interface ProductKeyUse {
  readonly bucketArn: string;
  readonly readers: readonly string[];
  readonly producers: readonly string[];
}

/**
 * Key-policy statements for the direct readers and producers of a domain's products: each role
 * may decrypt (a producer also encrypt) through S3 and only for the buckets of the products it
 * reads or writes (see keyUseForBucket). Roles with the same buckets share one statement, as a
 * consumer domain's roles always do: a statement per product would outgrow the 32 KB a key policy
 * may hold at about a hundred products, and no role is granted a bucket it does not use.
 */
export function keyPolicyStatements(region: string, products: readonly ProductKeyUse[]): PolicyStatement[] {
  return [
    ...statementsPerBucketSet(
      'ConsumersDecrypt',
      ['kms:Decrypt'],
      region,
      products.map((p) => [p.bucketArn, p.readers]),
    ),
    ...statementsPerBucketSet(
      'ProducerEncrypts',
      ['kms:Decrypt', 'kms:GenerateDataKey'],
      region,
      products.map((p) => [p.bucketArn, p.producers]),
    ),
  ];
}

function statementsPerBucketSet(sidPrefix: string, actions: string[], region: string, uses: readonly (readonly [string, readonly string[]])[]): PolicyStatement[] {
  const bucketsOf = new Map<string, Set<string>>();
  for (const [bucketArn, roles] of uses) {
    for (const role of roles) bucketsOf.set(role, (bucketsOf.get(role) ?? new Set()).add(bucketArn));
  }
  const rolesOf = new Map<string, string[]>();
  for (const [role, buckets] of bucketsOf) {
    const key = JSON.stringify([...buckets].sort());
    rolesOf.set(key, [...(rolesOf.get(key) ?? []), role]);
  }
  return [...rolesOf]
    .map(([key, roles]) => ({ buckets: JSON.parse(key) as string[], roles: [...roles].sort() }))
    .sort((a, b) => compareText(a.roles.join(','), b.roles.join(',')))
    .map(({ buckets, roles }) => {
      const grantee = grantedRoles(roles);
      // Named after its roles, so adding a product or a consumer elsewhere renames nothing else.
      const sid = `${sidPrefix}${createHash('sha256').update(roles.join(',')).digest('hex').slice(0, 8)}`;
      return { Sid: sid, Effect: 'Allow' as const, Principal: grantee.Principal, Action: actions, Resource: '*', Condition: allOf(keyUseForBucket(region, buckets), grantee.Condition) };
    });
}
