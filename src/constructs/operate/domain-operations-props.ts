import type { DomainSpec, MonitoringSettings } from '../../contract/model';
import type { DataProduct } from '../data-product';
import type { NameParts } from '../../contract/naming';

export interface DomainOperationsProps {
  readonly domain: DomainSpec;
  readonly names: NameParts;
  readonly region: string;
  readonly kmsKeyArn: string;
  /** The domain's built products; those with a ruleset that are active or deprecated are evaluated. */
  readonly products: readonly DataProduct[];
  readonly settings: MonitoringSettings;
  /** Grants the evaluation role Lake Formation permissions; false for IAM-only accounts. */
  readonly lakeFormation: boolean;
  readonly tags: Readonly<Record<string, string>>;
}
