/**
 * Federated policy: platform.yaml sets the global policy, a domain.yaml may only tighten it
 * (raise a severity, shorten the PII retention limit, add PII patterns or required tags).
 * An attempt to loosen is reported as an error at the line that tries.
 */
import type { ContractError } from '../contract/errors';
import type { DomainSpec, GovernanceConfig, PlatformSpec } from '../contract/model';
import { compileNamePattern, type NamePattern } from '../contract/patterns';
import { closestMatch } from '../contract/suggest';
import type { Severity } from './finding';
import type { RuleMetadata } from './rule';

export interface EffectivePolicy {
  /** Severity per rule id, defaults included. */
  readonly severities: Readonly<Record<string, Severity>>;
  /**
   * Column names matching any of these hold personal data. Compiled with RE2 (linear time), so a
   * pattern from platform.yaml or domain.yaml cannot hang a run.
   */
  readonly piiPatterns: readonly NamePattern[];
  readonly maxPiiRetentionDays: number;
  /** Tags every taggable resource must carry. */
  readonly requiredTags: readonly string[];
  /** How many days ahead of today a contract exception may expire. */
  readonly maxExceptionDays: number;
  /** Accounts outside the mesh that may receive grants (platform.yaml only), with the reason. */
  readonly trustedAccounts: ReadonlyMap<string, string>;
}

/** The tags DESIGN.md §5 puts on everything. */
export const MANDATORY_TAGS: readonly string[] = ['Domain', 'DataProduct', 'Owner', 'Classification', 'ContractVersion', 'Status'];

/** Half a year: long enough to fix a finding, short enough that a waiver is revisited. */
export const DEFAULT_MAX_EXCEPTION_DAYS = 180;

/** Ten years: longer than any statutory bookkeeping period we know of. */
export const DEFAULT_MAX_PII_RETENTION_DAYS = 3650;

/**
 * Column names that look personal. Matched case-insensitively against snake_case names, so
 * `product_name` or `store_name` do not count as a person's name.
 */
export const DEFAULT_PII_PATTERNS: readonly string[] = [
  'e_?mail',
  'phone|mobile|msisdn|fax_?number',
  '^(first|last|full|given|family|middle|maiden|sur|cardholder|card_holder|account_holder|contact|customer|recipient|billing|shipping|person|user)_?name$',
  '^name$',
  'address|street|postal_?code|post_?code|zip_?code',
  'birth|^dob$|date_of_birth',
  'ssn|social_security|national_id|passport|tax_id|personal_id|id_card',
  'iban|bank_account|account_number',
  'card_number|credit_card|^pan$|card_no',
  '(^|_)ip(_|$)|ip_?address|ipv4|ipv6',
];

const RANK: Record<Severity, number> = { warning: 0, error: 1 };

export function mergePolicy(platform: PlatformSpec, domain: DomainSpec | undefined, rules: readonly RuleMetadata[]): { policy: EffectivePolicy; errors: ContractError[] } {
  const errors: ContractError[] = [];
  const byId = new Map(rules.map((r) => [r.id, r]));
  const severities: Record<string, Severity> = Object.fromEntries(rules.map((r) => [r.id, r.defaultSeverity]));

  for (const [id, setting] of Object.entries(platform.governance.rules)) {
    const rule = checkKnown(id, setting.location, byId, errors);
    if (!rule) continue;
    if (setting.enabled === false) {
      errors.push({
        ...setting.location,
        path: `governance.rules.${id}`,
        message: `${id} cannot be disabled`,
        hint: rule.waivable ? `remove \`enabled: false\`; to make ${id} advisory, set \`severity: warning\`` : `remove \`enabled: false\`; ${id} is not waivable`,
      });
      continue;
    }
    if (!rule.waivable && RANK[setting.severity] < RANK[rule.defaultSeverity]) {
      errors.push({
        ...setting.location,
        path: `governance.rules.${id}`,
        message: `${id} cannot be lowered to ${setting.severity}: it is not waivable`,
        hint: `remove the ${id} entry; ${id} stays ${rule.defaultSeverity}`,
      });
      continue;
    }
    severities[id] = setting.severity;
  }
  const globalSeverities = { ...severities };
  for (const [id, setting] of Object.entries(domain?.governance.rules ?? {})) {
    if (!checkKnown(id, setting.location, byId, errors)) continue;
    if (setting.enabled === false) {
      errors.push({
        ...setting.location,
        path: `governance.rules.${id}`,
        message: `domain policy may only tighten: ${id} cannot be disabled`,
        hint: `remove \`enabled: false\`; a domain may raise a rule's severity, never switch it off`,
      });
      continue;
    }
    if (RANK[setting.severity] < RANK[globalSeverities[id]]) {
      errors.push({
        ...setting.location,
        path: `governance.rules.${id}`,
        message: `domain policy may only tighten: ${id} is ${globalSeverities[id]} in the platform policy`,
        hint: `remove the ${id} entry, or ask the platform team to change the global policy`,
      });
      continue;
    }
    severities[id] = setting.severity;
  }

  const globalMax = platform.governance.maxPiiRetentionDays?.days ?? DEFAULT_MAX_PII_RETENTION_DAYS;
  const domainMax = domain?.governance.maxPiiRetentionDays;
  if (domainMax && domainMax.days > globalMax) {
    errors.push({
      ...domainMax.location,
      path: 'governance.pii.maxRetention',
      message: `domain policy may only tighten: ${domainMax.days} days is longer than the platform limit of ${globalMax} days`,
      hint: `use at most ${globalMax}d, or remove the setting`,
    });
  }

  const globalExceptionDays = platform.governance.maxExceptionDays?.days ?? DEFAULT_MAX_EXCEPTION_DAYS;
  const domainExceptionDays = domain?.governance.maxExceptionDays;
  if (domainExceptionDays && domainExceptionDays.days > globalExceptionDays) {
    errors.push({
      ...domainExceptionDays.location,
      path: 'governance.exceptions.maxDuration',
      message: `domain policy may only tighten: exceptions of ${domainExceptionDays.days} days last longer than the platform limit of ${globalExceptionDays} days`,
      hint: `use at most ${globalExceptionDays}d, or remove the setting`,
    });
  }

  const patterns = [...DEFAULT_PII_PATTERNS, ...platform.governance.piiPatterns.map((p) => p.pattern), ...(domain?.governance.piiPatterns ?? []).map((p) => p.pattern)];
  return {
    errors,
    policy: {
      severities,
      piiPatterns: [...new Set(patterns)].map(compileNamePattern),
      maxPiiRetentionDays: Math.min(globalMax, domainMax?.days ?? globalMax),
      requiredTags: [...new Set([...MANDATORY_TAGS, ...platform.governance.requiredTags, ...(domain?.governance.requiredTags ?? [])])],
      maxExceptionDays: Math.min(globalExceptionDays, domainExceptionDays?.days ?? globalExceptionDays),
      trustedAccounts: new Map(platform.trustedAccounts.map((t) => [t.account, t.reason])),
    },
  };
}

function checkKnown(id: string, location: GovernanceConfig['rules'][string]['location'], byId: ReadonlyMap<string, RuleMetadata>, errors: ContractError[]): RuleMetadata | undefined {
  const rule = byId.get(id);
  if (!rule) {
    const suggestion = closestMatch(id, [...byId.keys()], 1);
    errors.push({
      ...location,
      path: `governance.rules.${id}`,
      message: `unknown governance rule ${id}`,
      hint: suggestion ? `did you mean ${suggestion}?` : 'see docs/governance.md for the rule ids',
    });
  }
  return rule;
}
