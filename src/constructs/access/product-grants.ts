/**
 * The least-privilege statements of one data product: what a reader and a writer may do with its
 * S3 prefix, its Glue table and the domain key. The managed IAM policies and the bucket policy
 * use the same action lists and the same prefix scoping, so the two can never drift apart.
 */
import { DATA_PREFIX } from '../naming';
import type { PolicyStatement } from './policy-document';

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
const WRITE_CATALOG_ACTIONS = ['glue:UpdateTable', 'glue:CreatePartition', 'glue:BatchCreatePartition', 'glue:UpdatePartition', 'glue:BatchUpdatePartition', 'glue:DeletePartition', 'glue:BatchDeletePartition'];

export function glueArns(r: ProductResources): string[] {
  const base = `arn:aws:glue:${r.region}:${r.account}`;
  return [`${base}:catalog`, `${base}:database/${r.database}`, `${base}:table/${r.database}/${r.table}`];
}

/** ListBucket limited to the product prefix: a reader cannot even list what lies beside it. */
function listPrefix(sid: string, r: ProductResources, actions: string[]): PolicyStatement {
  return {
    Sid: sid,
    Effect: 'Allow',
    Action: actions,
    Resource: r.bucketArn,
    Condition: { StringLike: { 's3:prefix': [DATA_PREFIX, `${DATA_PREFIX}*`] } },
  };
}

/** The key is only usable through S3 in the product's region, not for direct decryption calls. */
function keyThroughS3(sid: string, r: ProductResources, actions: string[]): PolicyStatement {
  return {
    Sid: sid,
    Effect: 'Allow',
    Action: actions,
    Resource: r.kmsKeyArn,
    Condition: { StringEquals: { 'kms:ViaService': `s3.${r.region}.amazonaws.com` } },
  };
}

export function readStatements(r: ProductResources): PolicyStatement[] {
  return [
    listPrefix('ListProductPrefix', r, ['s3:ListBucket']),
    { Sid: 'ReadProductObjects', Effect: 'Allow', Action: READ_OBJECT_ACTIONS, Resource: `${r.bucketArn}/${DATA_PREFIX}*` },
    { Sid: 'ReadProductTable', Effect: 'Allow', Action: READ_CATALOG_ACTIONS, Resource: glueArns(r) },
    keyThroughS3('DecryptProductData', r, ['kms:Decrypt']),
  ];
}

export function writeStatements(r: ProductResources): PolicyStatement[] {
  return [
    listPrefix('ListProductPrefix', r, ['s3:ListBucket', 's3:ListBucketMultipartUploads']),
    { Sid: 'WriteProductObjects', Effect: 'Allow', Action: [...READ_OBJECT_ACTIONS, ...WRITE_OBJECT_ACTIONS], Resource: `${r.bucketArn}/${DATA_PREFIX}*` },
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
  return principalPrefixStatements(['ProducerListsProductPrefix', 'ProducerWritesProductObjects'], bucketArn, principals, ['s3:ListBucket', 's3:ListBucketMultipartUploads'], [...READ_OBJECT_ACTIONS, ...WRITE_OBJECT_ACTIONS]);
}

function principalPrefixStatements(sids: readonly [string, string], bucketArn: string, principals: readonly string[], listActions: readonly string[], objectActions: readonly string[]): PolicyStatement[] {
  if (principals.length === 0) return [];
  return [
    {
      Sid: sids[0],
      Effect: 'Allow',
      Principal: { AWS: principals },
      Action: listActions.length === 1 ? listActions[0] : listActions,
      Resource: bucketArn,
      Condition: { StringLike: { 's3:prefix': [DATA_PREFIX, `${DATA_PREFIX}*`] } },
    },
    { Sid: sids[1], Effect: 'Allow', Principal: { AWS: principals }, Action: objectActions, Resource: `${bucketArn}/${DATA_PREFIX}*` },
  ];
}
