import type { DataProductSpec } from '../../contract/model';

export interface ProductQualityProps {
  /** The contract whose quality rules become the ruleset. */
  readonly product: DataProductSpec;
  /** Ruleset name, unique in the account and region: derived from organization, environment, domain and product. */
  readonly name: string;
  /** The Glue table the ruleset evaluates; pass the table resource's attributes so Terraform creates the table first. */
  readonly databaseName: string;
  readonly tableName: string;
  readonly tags: Readonly<Record<string, string>>;
}
