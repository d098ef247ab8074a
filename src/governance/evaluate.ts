/**
 * Runs rules and turns their violations into findings: effective severity from the merged
 * policy, and waivers from the contract's exceptions (only current ones, only for waivable rules).
 */
import type { ContractError } from '../contract/errors';
import type { DataProductSpec, DomainSpec, MeshSpec } from '../contract/model';
import type { Finding } from './finding';
import { mergePolicy, type EffectivePolicy } from './policy';
import type { ProductEvolution } from '../evolution/evolution';
import { ACCESS_RULES, DOMAIN_RULES, EVOLUTION_RULES, RESOURCE_RULES } from './registry';
import type { AccessChange } from '../evolution/diff-access';
import type { RuleMetadata, RuleResult } from './rule';
import type { StackResource, StackResources } from './stack-resources';
import { traceGovernance } from './trace';
import { exceptionHorizon } from './exception-horizon';
import { meshRules, type MeshRules, type RulePack } from './custom/rule-set';

export interface GovernanceOptions {
  /** ISO date exceptions and sunsets are compared with. @default today (UTC) */
  readonly today?: string;
  /** The mesh's rules: built-in, code rule packs and `governance.customRules`. @default built-in and the mesh's declarative rules */
  readonly rules?: MeshRules;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Effective policy per domain, the mesh's rules, and the errors of policies that try to loosen
 * the global one and of custom rules that do not compile or reuse an id.
 */
export function domainPolicies(mesh: MeshSpec, pack: RulePack = {}): { policies: Map<string, EffectivePolicy>; errors: ContractError[]; rules: MeshRules } {
  const policies = new Map<string, EffectivePolicy>();
  const { rules, errors } = meshRules(mesh, pack);
  for (const domain of mesh.domains) {
    const merged = mergePolicy(mesh.platform, domain, rules.forDomain(domain.name));
    policies.set(domain.name, merged.policy);
    errors.push(...merged.errors);
  }
  // Global-policy errors are the same for every domain: report them once.
  const unique = new Map(errors.map((e) => [`${e.file}:${e.line}:${e.column}:${e.message}`, e]));
  return { policies, errors: [...unique.values()], rules };
}

/** Contract rules over every product. Drafts are checked too, but never block: they build nothing. */
export function evaluateContracts(mesh: MeshSpec, policies: ReadonlyMap<string, EffectivePolicy>, options: GovernanceOptions = {}): Finding[] {
  return traceGovernance({ phase: 'contracts' }, () => {
    const date = options.today ?? today();
    const rules = options.rules ?? meshRules(mesh).rules;
    const findings: Finding[] = [];
    for (const product of mesh.products) {
      const policy = policies.get(product.domain)!;
      const context = {
        policy,
        domains: mesh.domains,
        today: date,
        rules: rules.forDomain(product.domain),
        storage: mesh.platform.storage,
        monitoring: mesh.platform.monitoring,
        products: mesh.products,
      };
      for (const rule of rules.contractRules(product.domain)) {
        const found = toFindings(rule, rule.check(product, context), policy, product, date);
        findings.push(...(product.status === 'draft' ? found.map((f) => ({ ...f, severity: 'warning' as const, message: `${f.message} (draft)` })) : found));
      }
    }
    for (const domain of mesh.domains) {
      const policy = policies.get(domain.name)!;
      for (const rule of DOMAIN_RULES) {
        findings.push(...toFindings(rule, rule.check(domain, { policy, domains: mesh.domains }), policy, undefined, date).map((f) => ({ ...f, domain: domain.name })));
      }
    }
    return findings;
  });
}

/** Resource rules over one synthesized stack; a finding on a product's resource may be waived by that product's contract. */
export function evaluateResources(
  stack: StackResources,
  domain: DomainSpec | undefined,
  policy: EffectivePolicy,
  products: ReadonlyMap<string, DataProductSpec>,
  options: GovernanceOptions = {},
): Finding[] {
  const date = options.today ?? today();
  // First resource per path, as a scan would find it; a lookup per violation, not a scan.
  const byPath = new Map<string, StackResource>();
  for (const resource of stack.resources) if (!byPath.has(resource.path)) byPath.set(resource.path, resource);
  return (options.rules?.resourceRules ?? RESOURCE_RULES).flatMap((rule) => {
    const result = rule.check(stack, { policy });
    if (typeof result === 'string') return [];
    return result.flatMap((violation) => {
      const resource = violation.constructPath === undefined ? undefined : byPath.get(violation.constructPath);
      const product = resource?.productId ? products.get(resource.productId) : undefined;
      return toFindings(rule, [violation], policy, product, date).map((f) => ({ ...f, domain: f.domain ?? domain?.name }));
    });
  });
}

/**
 * Evolution rules over the products that changed since a base revision. Exceptions come from the
 * current contract; a removed product has none.
 */
export function evaluateEvolution(evolutions: readonly ProductEvolution[], policies: ReadonlyMap<string, EffectivePolicy>, options: GovernanceOptions = {}): Finding[] {
  const date = options.today ?? today();
  return evolutions.flatMap((evolution) => {
    const product = evolution.current ?? evolution.base!;
    const policy = policies.get(product.domain);
    return EVOLUTION_RULES.flatMap((rule) => {
      const found = toFindings(rule, rule.check(evolution), policy ?? DEFAULT_POLICY_FOR_REMOVED, evolution.current, date);
      return found.map((f) => ({ ...f, domain: product.domain, productId: product.id }));
    });
  });
}

/** Access rules over changes to domain roles and accounts; a domain's policy may raise their severity. */
export function evaluateAccess(changes: readonly AccessChange[], policies: ReadonlyMap<string, EffectivePolicy>, options: GovernanceOptions = {}): Finding[] {
  const date = options.today ?? today();
  return changes.flatMap((change) => {
    const policy = (change.domain ? policies.get(change.domain) : undefined) ?? DEFAULT_POLICY_FOR_REMOVED;
    return ACCESS_RULES.flatMap((rule) => toFindings(rule, rule.check(change), policy, undefined, date).map((f) => ({ ...f, domain: change.domain })));
  });
}

/** A removed product's domain may be gone too; its evolution findings then use rule defaults. */
const DEFAULT_POLICY_FOR_REMOVED: EffectivePolicy = { severities: {}, piiPatterns: [], maxPiiRetentionDays: 0, requiredTags: [], maxExceptionDays: 0, trustedAccounts: new Map() };

function toFindings(rule: RuleMetadata, result: RuleResult, policy: EffectivePolicy, product: DataProductSpec | undefined, date: string): Finding[] {
  if (typeof result === 'string') return [];
  // An exception past the policy's horizon waives nothing (DM118 reports it).
  const horizon = exceptionHorizon(date, policy.maxExceptionDays);
  const exception = product?.exceptions.find((e) => e.rule === rule.id && rule.waivable && e.expires >= date && e.expires <= horizon);
  return result.map((violation) => ({
    ruleId: rule.id,
    severity: policy.severities[rule.id] ?? rule.defaultSeverity,
    message: violation.message,
    fix: violation.fix ?? rule.fix,
    domain: product?.domain,
    productId: product?.id,
    location: violation.location ?? product?.location,
    constructPath: violation.constructPath,
    waiver: exception ? { reason: exception.reason, expires: exception.expires } : undefined,
  }));
}

/**
 * Everything `datamesh validate` needs, without synthesis: policy errors (a domain loosening the
 * global policy) and the contract findings.
 */
export function governContracts(mesh: MeshSpec, options: GovernanceOptions & { readonly pack?: RulePack } = {}): { errors: ContractError[]; findings: Finding[] } {
  const { policies, errors, rules } = domainPolicies(mesh, options.pack);
  return errors.length > 0 ? { errors, findings: [] } : { errors, findings: evaluateContracts(mesh, policies, { ...options, rules }) };
}
