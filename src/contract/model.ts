/**
 * The normalized model every contract format turns into. Constructs and governance rules only
 * ever see these types, never raw YAML, so a new input format is a new normalizer and nothing else.
 */
import type { GlueType } from './glue-type';

/** Where something was written: 1-based line and column in a contract file (0 and 0 when the file is missing). */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export type ProductStatus = 'draft' | 'active' | 'deprecated' | 'retired';

export type OutputFormat = 'parquet' | 'orc' | 'avro' | 'json' | 'csv' | 'iceberg';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['parquet', 'orc', 'avro', 'json', 'csv', 'iceberg'];

/** Ordered from least to most sensitive: a product is as sensitive as its most sensitive column. */
export type Classification = 'public' | 'internal' | 'confidential' | 'pii' | 'restricted';
export const CLASSIFICATIONS: readonly Classification[] = ['public', 'internal', 'confidential', 'pii', 'restricted'];

export type AccessLevel = 'read' | 'write';

export interface Owner {
  readonly team: string;
  readonly email: string;
}

export interface ServiceLevel {
  /** Maximum age of the newest data, in minutes. */
  readonly freshnessMinutes?: number;
  /** Availability objective in percent, e.g. 99.9. */
  readonly availabilityPercent?: number;
  /** How often the quality checks run, in minutes, when the contract says so (`sla.checkEvery`). */
  readonly checkEveryMinutes?: number;
  /** An EventBridge Scheduler expression the contract sets (`sla.checkSchedule`); wins over every interval. */
  readonly checkSchedule?: string;
}

export interface ColumnSpec {
  readonly name: string;
  readonly type: GlueType;
  /** Canonical Glue spelling of `type`, as written to the catalog. */
  readonly glueType: string;
  readonly description?: string;
  readonly required: boolean;
  readonly primaryKey: boolean;
  readonly classification: Classification;
  /** False when the contract left the classification out and `internal` was assumed. */
  readonly classificationDeclared: boolean;
  /** True when the column holds personal data (classification pii, or tagged pii). */
  readonly pii: boolean;
  readonly tags: readonly string[];
  readonly location: SourceLocation;
  /** The column is being phased out (ODCS v3.2.0 `deprecated`); it stays in the table, marked. */
  readonly deprecated?: boolean;
  /** What the column is for analytics (ODCS v3.2.0 `semanticType`): a plain column, a measure or a dimension. */
  readonly semanticType?: 'column' | 'measure' | 'dimension';
  /** Other names of the column (ODCS v3.2.0 `synonyms`), for search in the catalog. */
  readonly synonyms?: readonly string[];
  /** The ODCS property `name`, when a `physicalName` gives the column another one; governance judges both. */
  readonly propertyName?: string;
}

/**
 * Where a contract says its data lives: an S3 location, a Glue database, an AWS account or region.
 * The platform names what it builds itself, so each declaration is checked against those names
 * when the mesh loads and refused at its line when it names something else (contract/placement.ts).
 */
export interface DeclaredPlacement {
  readonly kind: 'location' | 'database' | 'account' | 'region' | 'catalog';
  readonly value: string;
  /** The environment the declaration is for (an ODCS server's `environment`); undefined: any. */
  readonly environment?: string;
  /** The field, as errors name it, e.g. `servers[0].location`. */
  readonly path: string;
  readonly location: SourceLocation;
}

/** Guidance for people and AI tools that read the product (ODCS v3.2.0 `context`). */
export interface ProductContext {
  readonly instructions?: string;
  readonly statements: readonly { readonly question: string; readonly answer?: string }[];
  readonly constraints: readonly string[];
}

export interface OutputPort {
  readonly format: OutputFormat;
  /** Partition columns in order; they are listed in `DataProductSpec.partitionKeys`, not `columns`. */
  readonly partitionBy: readonly string[];
  /** Days objects are kept before they expire; undefined keeps them forever. */
  readonly retentionDays?: number;
  /**
   * Where the contract says the data lives (an ODCS s3 or glue server's `location`). The platform
   * names buckets itself: a declared location is accepted only when it is the platform's own for
   * one of the environments (see `declared`), and kept for export and evolution.
   */
  readonly location?: string;
  /** The Glue database the contract names (ODCS glue `database`, athena `schema`); recorded like `location`. */
  readonly database?: string;
  /** Every location, database, account and region the contract declares, with where; checked when the mesh loads. */
  readonly declared?: readonly DeclaredPlacement[];
}

export type QualityCheck =
  | { readonly kind: 'not_null'; readonly column: string }
  | { readonly kind: 'unique'; readonly columns: readonly string[] }
  | { readonly kind: 'accepted_values'; readonly column: string; readonly values: readonly (string | number)[] }
  | { readonly kind: 'range'; readonly column: string; readonly min?: number; readonly max?: number }
  | { readonly kind: 'pattern'; readonly column: string; readonly pattern: string }
  | { readonly kind: 'row_count'; readonly min?: number; readonly max?: number }
  | { readonly kind: 'freshness'; readonly column: string; readonly maxAgeMinutes: number };

export type QualityRule = QualityCheck & { readonly description?: string; readonly location: SourceLocation };

export interface ConsumerBase {
  readonly access: AccessLevel;
  /** Approved to read personal data; governance requires a reason. */
  readonly pii: boolean;
  readonly reason?: string;
  readonly location: SourceLocation;
}
export type ConsumerSpec = (ConsumerBase & { readonly kind: 'domain'; readonly domain: string }) | (ConsumerBase & { readonly kind: 'principal'; readonly principal: string });

export interface GovernanceException {
  readonly rule: string;
  readonly reason: string;
  /** ISO date (YYYY-MM-DD) after which the exception stops applying. */
  readonly expires: string;
  readonly location: SourceLocation;
}

/** A product this one is derived from (lineage). */
export interface ProductInput {
  /** `<domain>.<name>` of the upstream product. */
  readonly product: string;
  /** Semver range the upstream version must satisfy, e.g. `^1.0.0`. @default any version */
  readonly versionRange?: string;
  readonly location: SourceLocation;
}

export interface DataProductSpec {
  /** `<domain>.<name>`, stable: construct ids and resource names derive from it. */
  readonly id: string;
  readonly domain: string;
  readonly name: string;
  readonly version: string;
  readonly status: ProductStatus;
  readonly description: string;
  readonly owner: Owner;
  readonly sla: ServiceLevel;
  readonly output: OutputPort;
  /** Data columns, in declared order, without partition keys. */
  readonly columns: readonly ColumnSpec[];
  /** Partition columns, in `output.partitionBy` order. */
  readonly partitionKeys: readonly ColumnSpec[];
  readonly classification: Classification;
  readonly quality: readonly QualityRule[];
  readonly consumers: readonly ConsumerSpec[];
  readonly exceptions: readonly GovernanceException[];
  /**
   * Products this one is derived from: the catalog's lineage and the downstream impact of
   * breaking changes. Optional so that code building specs by hand needs no change. @default none
   */
  readonly inputs?: readonly ProductInput[];
  /** ISO date a deprecated product stops being served. */
  readonly sunset?: string;
  readonly tags: Readonly<Record<string, string>>;
  /** Other names of the product's table (ODCS v3.2.0 `synonyms`). */
  readonly synonyms?: readonly string[];
  /** Guidance for people and AI tools (ODCS v3.2.0 `context`). */
  readonly context?: ProductContext;
  /** The contract file and the format it was written in. */
  readonly source: { readonly file: string; readonly format: 'native' | 'odcs' };
  readonly location: SourceLocation;
  /**
   * Where the fields product-level findings are about were written (or the nearest enclosing
   * field when absent), so a finding points at `sla:`, not at the top of the file.
   */
  readonly fieldLocations: Readonly<Record<ProductField, SourceLocation>> & Readonly<Partial<Record<DetailField, SourceLocation>>>;
}

export type ProductField = 'name' | 'version' | 'status' | 'owner' | 'sla' | 'retention' | 'tags';

/**
 * Fields a format may locate too, so that `datamesh diff` points at the field that changed; a
 * reader that leaves one out falls back to the nearest field it does locate.
 */
export type DetailField = 'description' | 'format' | 'partitionBy' | 'schema' | 'quality' | 'consumers' | 'inputs' | 'exceptions';

export interface DomainRoles {
  /** The role that writes the domain's data products. */
  readonly producer?: string;
  /** Roles of this domain that read other domains' products when granted. */
  readonly consumers: readonly string[];
}

export interface DomainSpec {
  readonly name: string;
  readonly description: string;
  readonly owner: Owner;
  /** AWS account the domain's stack deploys into. */
  readonly account: string;
  readonly region?: string;
  readonly roles: DomainRoles;
  readonly tags: Readonly<Record<string, string>>;
  /** Domain policy: may only tighten the platform's. */
  readonly governance: GovernanceConfig;
  readonly source: { readonly file: string };
  readonly location: SourceLocation;
  /** Who hears about failed or missing quality evaluations and what the domain may spend; absent in hand-built specs. */
  readonly monitoring?: DomainMonitoring;
  /** Where `name` and each role are written: physical-name clashes and role findings point at them. */
  readonly fieldLocations: { readonly name: SourceLocation; readonly producer?: SourceLocation; readonly consumers: readonly SourceLocation[] };
}

export type AlertProtocol = 'email' | 'https' | 'sqs' | 'lambda' | 'sms';

/** One subscriber of a domain's alert topic. */
export interface AlertEndpoint {
  readonly protocol: AlertProtocol;
  readonly endpoint: string;
  readonly location: SourceLocation;
}

export interface DomainMonitoring {
  /** Subscribers of the domain's alert topic; the owner's email when domain.yaml names none. */
  readonly alerts: readonly AlertEndpoint[];
  /** Monthly cost budget in USD; the platform default when undefined. */
  readonly monthlyBudgetUsd?: number;
}

/**
 * Governance settings as written in platform.yaml (global policy) or domain.yaml (domain policy).
 * The governance layer merges them; a domain may only tighten the global policy.
 */
export interface GovernanceConfig {
  /** Severity per rule id (built-in or custom), e.g. `{ DM112: 'error' }`; `enabled: false` is refused by policy. */
  readonly rules: Readonly<Record<string, { readonly severity: 'error' | 'warning'; readonly enabled?: boolean; readonly location: SourceLocation }>>;
  /** Rules of the platform team (platform.yaml) or of the domain (domain.yaml), with CEL conditions. */
  readonly customRules: readonly CustomRuleSpec[];
  /** Extra regular expressions (case-insensitive) for column names that hold personal data. */
  readonly piiPatterns: readonly { readonly pattern: string; readonly location: SourceLocation }[];
  /** Longest retention allowed for a product holding PII, in days. */
  readonly maxPiiRetentionDays?: { readonly days: number; readonly location: SourceLocation };
  /** Tag keys every taggable resource must carry, in addition to the platform's mandatory tags. */
  readonly requiredTags: readonly string[];
  /** How many days ahead of today a contract exception may expire. */
  readonly maxExceptionDays?: { readonly days: number; readonly location: SourceLocation };
}

/** What a custom rule's condition is evaluated for: each product, column, consumer or quality rule. */
export type CustomRuleTarget = 'product' | 'column' | 'consumer' | 'quality';
export const CUSTOM_RULE_TARGETS: readonly CustomRuleTarget[] = ['product', 'column', 'consumer', 'quality'];

/** A declarative rule from `governance.customRules`: a CEL condition that is true when compliant. */
export interface CustomRuleSpec {
  readonly id: string;
  readonly description: string;
  readonly rationale?: string;
  readonly applies: CustomRuleTarget;
  /** CEL expression over the documented variables (README, Writing rules). */
  readonly condition: string;
  readonly severity: 'error' | 'warning';
  /** Whether a contract exception may waive it. @default false */
  readonly waivable: boolean;
  readonly fix: string;
  /** Where the rule's `id` is written. */
  readonly location: SourceLocation;
  /** Where the condition's text starts (errors in the expression point here). */
  readonly conditionLocation: SourceLocation;
}

/** An account outside the mesh whose roles contracts and domains may grant to. */
export interface TrustedAccount {
  readonly account: string;
  readonly reason: string;
  readonly location: SourceLocation;
}

export type BackendConfig =
  | { readonly type: 'local' }
  | {
      readonly type: 's3';
      readonly bucket: string;
      readonly region: string;
      readonly keyPrefix: string;
      readonly useLockfile: boolean;
    };

export interface StorageDefaults {
  /**
   * Whether Terraform may destroy the domain key and the buckets, per environment: every
   * environment of the platform has an entry. True: key and buckets carry `prevent_destroy`.
   * False: buckets are `force_destroy`, so `terraform destroy` deletes them with every object and
   * version in them (access logs included), and schedules the key for deletion.
   */
  readonly preventDestroy: Readonly<Record<string, boolean>>;
  readonly noncurrentVersionExpirationDays: number;
  readonly abortIncompleteMultipartUploadDays: number;
  readonly accessLogRetentionDays: number;
}

/** Whether the key and buckets of `environment` refuse destruction; an environment not listed keeps its data. */
export function preventsDestroy(storage: StorageDefaults, environment: string): boolean {
  return storage.preventDestroy[environment] ?? true;
}

/** How consumers reach data: Lake Formation on top of IAM, or IAM only. */
export interface LakeFormationSettings {
  /**
   * Registers product locations with Lake Formation, tags tables and PII columns with LF-tags and
   * grants table and column permissions per consumer. False for accounts that use IAM-only access.
   */
  readonly enabled: boolean;
}

/** How the platform operates products: scheduled quality evaluation, alerts and cost budgets. */
export interface MonitoringSettings {
  /** False builds no schedule, evaluation role, alert topic, alarm or budget. */
  readonly enabled: boolean;
  /** The longest interval between two evaluations of a product: a derived cadence is never rarer. */
  readonly defaultIntervalMinutes: number;
  /** The shortest interval between two evaluations: each run costs DPU minutes. */
  readonly minIntervalMinutes: number;
  /** Monthly budget of a domain that sets none, in USD. */
  readonly monthlyBudgetUsd: number;
  /** Percentages of the budget (actual cost) at which the domain topic is told. */
  readonly budgetThresholds: readonly number[];
}

export interface PlatformSpec {
  /** Short lowercase organization prefix used in bucket and database names. */
  readonly organization: string;
  readonly region: string;
  readonly environments: readonly string[];
  /** Role assumed in each domain account, by name; undefined uses the caller's credentials. */
  readonly deployRoleName?: string;
  readonly backend: BackendConfig;
  readonly storage: StorageDefaults;
  readonly lakeFormation: LakeFormationSettings;
  /** Scheduled quality evaluation, alerts and budgets; absent in hand-built specs, which then get the defaults. */
  readonly monitoring?: MonitoringSettings;
  readonly tags: Readonly<Record<string, string>>;
  /** Global governance policy. */
  readonly governance: GovernanceConfig;
  /** Accounts outside the mesh that may receive grants; every other principal lives in a domain account. */
  readonly trustedAccounts: readonly TrustedAccount[];
  readonly source: { readonly file: string };
  /** Where settings that findings and errors are about are written. */
  readonly fieldLocations: { readonly organization: SourceLocation; readonly environments?: SourceLocation };
}

/** Everything loaded from a contracts folder, already validated. */
export interface MeshSpec {
  readonly platform: PlatformSpec;
  /** Sorted by name so that output never depends on file-system order. */
  readonly domains: readonly DomainSpec[];
  /** Sorted by id. */
  readonly products: readonly DataProductSpec[];
  /** Where platform.yaml and the other domains came from, in a domain repository that uses a mesh registry. */
  readonly registry?: MeshRegistry;
}

/**
 * The mesh registry package a domain repository resolved (see contract/registry.ts): platform.yaml
 * and the registry entry of every domain, published by the platform team.
 */
export interface MeshRegistry {
  /** npm package name, e.g. `@acme/mesh-registry`. */
  readonly package: string;
  /** The version range platform.yaml accepts. */
  readonly range: string;
  /** The installed version, which satisfies `range`. */
  readonly version: string;
  /** Domains known only from the registry: they resolve consumers and grants but get no stack here. Sorted. */
  readonly domains: readonly string[];
}
