import type { DataProductSpec, DomainSpec, StorageDefaults } from '../contract/model';
import type { LfTagKeys } from './access/lake-formation-tags';
import type { NameParts } from '../contract/naming';
import type { SecureBucket } from './storage/secure-bucket';

export interface DataProductProps {
  /** The validated, normalized contract. */
  readonly product: DataProductSpec;
  /** Organization, environment and domain: the inputs of every physical name. */
  readonly names: NameParts;
  /** Account and region the product is deployed to. */
  readonly account: string;
  readonly region: string;
  /** All domains of the mesh, to resolve consumer domains to their role ARNs. */
  readonly domains: readonly DomainSpec[];
  /** The domain's customer-managed key. */
  readonly kmsKeyArn: string;
  readonly databaseName: string;
  /** The domain's access-log bucket; the product bucket logs to it under `<product>/`. */
  readonly accessLogs: SecureBucket;
  /** Lifecycle settings; `preventDestroy` is read for the environment of `names`. */
  readonly storage: StorageDefaults;
  /**
   * The domain stack's LF-tag keys when the platform uses Lake Formation: the product registers its
   * location, tags its table and columns and grants table permissions.
   * @default undefined: IAM-only access, no Lake Formation resources
   */
  readonly lakeFormation?: LfTagKeys;
}
