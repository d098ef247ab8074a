import type { DataProductSpec } from '../../contract/model';

export interface ProductTableProps {
  readonly product: DataProductSpec;
  readonly databaseName: string;
  /** `s3://bucket/prefix/` the table reads from. */
  readonly location: string;
}
