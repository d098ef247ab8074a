import type { DataProductSpec, DomainSpec, MonitoringSettings, SourceLocation, StorageDefaults } from '../contract/model';
import type { Severity } from './finding';
import type { EffectivePolicy } from './policy';
import type { StackResources } from './stack-resources';
import type { ProductEvolution } from '../evolution/evolution';
import type { AccessChange } from '../evolution/diff-access';

/** One thing a rule found wrong. The rule's own fix hint applies unless the violation gives a sharper one. */
export interface Violation {
  readonly message: string;
  readonly location?: SourceLocation;
  /** Construct path of the offending resource (resource rules). */
  readonly constructPath?: string;
  readonly fix?: string;
}

/** cdk-nag style: a rule is compliant, does not apply, or lists what it found. */
export type RuleResult = 'compliant' | 'not-applicable' | readonly Violation[];

/** Where a rule comes from: the library, platform.yaml, a domain.yaml, or a rule pack passed in code. */
export type RuleSource = 'built-in' | 'platform' | 'domain' | 'code';

export interface RuleMetadata {
  /**
   * Stable id: DM1xx contract, DM2xx resource, DM3xx evolution. Never reused for another meaning.
   * Custom rules (declarative or code) use an uppercase prefix of their own and three digits, e.g. ACME001.
   */
  readonly id: string;
  readonly title: string;
  /** Why the rule exists, for the docs and SARIF help text. */
  readonly rationale: string;
  readonly defaultSeverity: Severity;
  /** Whether a contract exception (reason + expiry) may waive it. */
  readonly waivable: boolean;
  readonly fix: string;
  /** Where the rule comes from. @default 'built-in' */
  readonly source?: RuleSource;
  /** The domain a `domain.yaml` rule belongs to. @default none (applies to every domain) */
  readonly domain?: string;
}

export interface ContractRuleContext {
  readonly policy: EffectivePolicy;
  /** The rule inventory, for rules about exceptions. */
  readonly rules: readonly RuleMetadata[];
  readonly domains: readonly DomainSpec[];
  /** ISO date (YYYY-MM-DD) rules compare expiry and sunset dates with. */
  readonly today: string;
  /** The platform's storage defaults: how long deleted data really stays (noncurrent versions). */
  readonly storage: StorageDefaults;
  /** The platform's monitoring settings; the defaults when absent. */
  readonly monitoring?: MonitoringSettings;
  /** Every product of the mesh, for rules about inputs (lineage). @default none: such rules do not apply */
  readonly products?: readonly DataProductSpec[];
}

export interface ContractRule extends RuleMetadata {
  readonly scope: 'contract';
  readonly check: (product: DataProductSpec, context: ContractRuleContext) => RuleResult;
}

export interface ResourceRuleContext {
  readonly policy: EffectivePolicy;
}

export interface DomainRuleContext {
  readonly policy: EffectivePolicy;
  readonly domains: readonly DomainSpec[];
}

/** Domain rules check a domain.yaml once, whatever its products: roles and accounts. */
export interface DomainRule extends RuleMetadata {
  readonly scope: 'domain';
  readonly check: (domain: DomainSpec, context: DomainRuleContext) => RuleResult;
}

/** Resource rules see a whole stack at once: most checks correlate a bucket with its settings. */
export interface ResourceRule extends RuleMetadata {
  readonly scope: 'resource';
  readonly check: (stack: StackResources, context: ResourceRuleContext) => RuleResult;
}

/** Evolution rules compare a product with its version at a base revision (DM3xx). */
export interface EvolutionRule extends RuleMetadata {
  readonly scope: 'evolution';
  readonly check: (evolution: ProductEvolution) => RuleResult;
}

/** Access rules judge a change to who grants reach (domain roles, accounts, trusted accounts). */
export interface AccessRule extends RuleMetadata {
  readonly scope: 'access';
  readonly check: (change: AccessChange) => RuleResult;
}

export type Rule = ContractRule | DomainRule | ResourceRule | EvolutionRule | AccessRule;
