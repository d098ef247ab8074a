import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import type { DataProductSpec } from '../../contract/model';
import type { PrincipalAccess } from './consumer-access';
import type { LfTagKeys } from './lake-formation-tags';

export interface ProductLakeFormationProps {
  readonly product: DataProductSpec;
  /** The product bucket's name; grants and encryption contexts name it literally. */
  readonly bucketName: string;
  /** The product bucket, so its data prefix is registered after the bucket exists. */
  readonly bucket: S3Bucket;
  /** The domain account, whose Lake Formation service-linked role reads the location. */
  readonly account: string;
  /** The domain key the bucket is encrypted with, as a reference to the key. */
  readonly kmsKeyArn: string;
  /** The table's database and name, as references to the table resource so it is created first. */
  readonly databaseName: string;
  readonly tableName: string;
  /** The domain stack's LF-tag keys, as references to the tags. */
  readonly tagKeys: LfTagKeys;
  /** Who gets table permissions, and which columns. Empty for a retired product. */
  readonly access: readonly PrincipalAccess[];
}
