import type { ITerraformDependable } from 'cdktf';
import type { DataProductSpec, MonitoringSettings } from '../../contract/model';
import type { DomainNames, NameParts } from '../../contract/naming';

/** One product whose ruleset is evaluated on a schedule. */
export interface EvaluatedProduct {
  readonly product: DataProductSpec;
  /** The ruleset's name; pass the ruleset resource's attribute so Terraform creates it first. */
  readonly rulesetName: string;
  /** The product's Glue table; pass the table resource's attribute. */
  readonly tableName: string;
  /** What a Lake Formation grant on the table waits for (registration, key grant, LF-tags). @default nothing */
  readonly grantPrerequisites?: readonly ITerraformDependable[];
}

export interface QualityEvaluationProps {
  readonly names: NameParts;
  readonly domainNames: DomainNames;
  readonly account: string;
  readonly region: string;
  readonly kmsKeyArn: string;
  readonly databaseName: string;
  /** Products with a compiled ruleset that are active or deprecated; at least one. */
  readonly products: readonly EvaluatedProduct[];
  readonly settings: MonitoringSettings;
  /** The domain's alert topic: the missing-evaluation alarms tell it. */
  readonly alertTopicArn: string;
  /** Grants the role Lake Formation SELECT on the tables it evaluates; false for IAM-only accounts. */
  readonly lakeFormation: boolean;
  readonly tags: Readonly<Record<string, string>>;
}
