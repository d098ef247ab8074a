/**
 * The shape of catalog.json: what a data consumer needs to find, trust and query a product, in
 * one file that other tools (portals, search indexes) can read. Versioned: a change that removes
 * or renames a field bumps CATALOG_VERSION.
 */
import type { AccessLevel, Classification, OutputFormat, ProductStatus } from '../contract/model';
import type { Finding } from '../governance/finding';

export const CATALOG_VERSION = 1;

export interface Catalog {
  readonly catalogVersion: typeof CATALOG_VERSION;
  readonly organization: string;
  readonly environment: string;
  readonly region: string;
  /** Sorted by name. */
  readonly domains: readonly CatalogDomain[];
  /** Sorted by id. */
  readonly products: readonly CatalogProduct[];
  /** Which domain reads which domain's products, sorted by producer then consumer. */
  readonly dependencies: readonly DomainDependency[];
  /** Which product is derived from which (contract `inputs`), sorted by upstream then downstream. */
  readonly lineage: readonly LineageEdge[];
  /** Whether governance findings were supplied; without them every product's status is `not-evaluated`. */
  readonly governanceEvaluated: boolean;
}

export interface CatalogDomain {
  readonly name: string;
  readonly description: string;
  readonly owner: { readonly team: string; readonly email: string };
  readonly region: string;
  readonly products: readonly string[];
}

export interface CatalogProduct {
  readonly id: string;
  readonly domain: string;
  readonly name: string;
  readonly version: string;
  readonly status: ProductStatus;
  readonly description: string;
  readonly owner: { readonly team: string; readonly email: string };
  readonly sla: { readonly freshnessMinutes?: number; readonly availabilityPercent?: number };
  readonly outputPort: OutputPortEntry;
  /** The most sensitive column classification. */
  readonly classification: Classification;
  readonly containsPii: boolean;
  /** Data columns, then partition columns. */
  readonly schema: readonly CatalogColumn[];
  readonly quality: readonly QualityEntry[];
  /** How the quality rules are checked and who hears about failures. */
  readonly monitoring: MonitoringEntry;
  readonly consumers: readonly ConsumerEntry[];
  /** Products this one is derived from and products derived from it, across domains. */
  readonly lineage: ProductLineage;
  readonly governance: GovernanceSummary;
  readonly tags: Readonly<Record<string, string>>;
  /** A query to start from in Athena. */
  readonly athenaQuery: string;
  /** Other names of the product's table (ODCS v3.2.0 `synonyms`), for search. */
  readonly synonyms?: readonly string[];
  /** Guidance for people and AI tools (ODCS v3.2.0 `context`). */
  readonly context?: {
    readonly instructions?: string;
    readonly statements: readonly { readonly question: string; readonly answer?: string }[];
    readonly constraints: readonly string[];
  };
  readonly source: { readonly file: string; readonly format: 'native' | 'odcs' };
}

export interface MonitoringEntry {
  /** False for drafts, retired products, products with no rule Glue can run, or monitoring off. */
  readonly evaluated: boolean;
  /** EventBridge Scheduler expression, e.g. `rate(1 hour)`. */
  readonly schedule?: string;
  /** Where the cadence came from: `contract schedule`, `contract interval`, `freshness` or `platform default`. */
  readonly cadenceSource?: string;
  /** The Glue Data Quality ruleset evaluated, and how many of the contract's rules it holds. */
  readonly ruleset?: string;
  readonly rulesEvaluated: number;
  /** The domain's SNS topic and its subscribers; undefined when platform monitoring is off. */
  readonly alertTopic?: string;
  readonly alertEndpoints: readonly { readonly protocol: string; readonly endpoint: string }[];
}

export interface OutputPortEntry {
  readonly format: OutputFormat;
  /** Where the data lives, e.g. `s3://acme-dev-sales-orders/data/`. */
  readonly s3Uri: string;
  readonly glueDatabase: string;
  readonly glueTable: string;
  /** `database.table`, as Athena and Spark name it. */
  readonly table: string;
  readonly partitionBy: readonly string[];
  readonly retentionDays?: number;
  /** False for drafts: they are catalogued but nothing is deployed yet. */
  readonly deployed: boolean;
}

export interface CatalogColumn {
  readonly name: string;
  readonly type: string;
  readonly description?: string;
  readonly required: boolean;
  readonly primaryKey: boolean;
  readonly partitionKey: boolean;
  readonly classification: Classification;
  readonly pii: boolean;
  readonly tags: readonly string[];
  /** Being phased out (ODCS v3.2.0 `deprecated`); the Glue comment says so too. */
  readonly deprecated?: boolean;
  /** column, measure or dimension (ODCS v3.2.0 `semanticType`). */
  readonly semanticType?: 'column' | 'measure' | 'dimension';
  /** Other names of the column (ODCS v3.2.0 `synonyms`). */
  readonly synonyms?: readonly string[];
}

export interface QualityEntry {
  readonly rule: string;
  readonly columns: readonly string[];
  /** The rule in a sentence, e.g. `order_id is unique`. */
  readonly summary: string;
  readonly description?: string;
}

export interface ConsumerEntry {
  /** A domain name, or a role ARN for consumers outside the mesh. */
  readonly domain?: string;
  readonly principal?: string;
  readonly access: AccessLevel;
  readonly pii: boolean;
  readonly reason?: string;
}

export type GovernanceStatus = 'pass' | 'warn' | 'fail' | 'not-evaluated';

export interface GovernanceSummary {
  readonly status: GovernanceStatus;
  readonly errors: number;
  readonly warnings: number;
  readonly waived: number;
  readonly findings: readonly Pick<Finding, 'ruleId' | 'severity' | 'message' | 'fix' | 'location' | 'waiver'>[];
}

export interface DomainDependency {
  /** The domain that owns the products. */
  readonly producer: string;
  /** The domain granted access. */
  readonly consumer: string;
  /** Product ids consumed, sorted. */
  readonly products: readonly string[];
}

export interface LineageEdge {
  /** The product read. */
  readonly upstream: string;
  /** The product derived from it. */
  readonly downstream: string;
  /** The version range the downstream contract accepts, when it names one. */
  readonly versionRange?: string;
}

export interface ProductLineage {
  /** Direct inputs, in declared order. */
  readonly upstream: readonly { readonly id: string; readonly versionRange?: string }[];
  /** Products derived directly from this one, sorted. */
  readonly downstream: readonly string[];
  /** Every product this one depends on, directly or not, nearest first. */
  readonly allUpstream: readonly string[];
  /** Every product that depends on this one, directly or not: what a breaking change reaches. */
  readonly allDownstream: readonly string[];
}
