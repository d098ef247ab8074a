/**
 * The rules one mesh is governed by: the built-in ones, rule packs passed in code, the platform's
 * `governance.customRules` (every domain) and each domain's own (that domain only). Ids are one
 * namespace: a custom rule never reuses a built-in id, another custom rule's id, or a `DM` id.
 */
import type { ContractError } from '../../contract/errors';
import type { DomainSpec, MeshSpec } from '../../contract/model';
import { ALL_RULES, CONTRACT_RULES, RESOURCE_RULES } from '../registry';
import type { ContractRule, ResourceRule, RuleMetadata } from '../rule';
import type * as Declarative from './declarative-rule';

/**
 * Custom rules need the CEL engine, a few hundred modules that cost `validate` a tenth of a
 * second to load: it loads with the first custom rule, and a mesh without any never pays for it.
 */
let declarative: typeof Declarative | undefined;
const declarativeRule: typeof Declarative.declarativeRule = (...args) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  declarative ??= require('./declarative-rule') as typeof Declarative;
  return declarative.declarativeRule(...args);
};

/** Rules a platform team passes in code (`buildMesh(app, { rules })`), e.g. from its own npm package. */
export interface RulePack {
  /** Run on every product of every domain, like DM1xx. @default none */
  readonly contract?: readonly ContractRule[];
  /** Run on every stack, hand-added resources included, like DM2xx. @default none */
  readonly resource?: readonly ResourceRule[];
}

/** Ids of custom rules: an uppercase prefix and three digits, never starting with DM. */
export const CUSTOM_RULE_ID = /^(?!DM)[A-Z][A-Z0-9]{1,9}[0-9]{3}$/;

export interface MeshRules {
  /** Contract rules for a domain's products: built-in, code, platform.yaml, then that domain's own. */
  contractRules(domain: string): readonly ContractRule[];
  readonly resourceRules: readonly ResourceRule[];
  /** Every rule a domain is governed by, in id order: what its policy and its contracts' exceptions may name. */
  forDomain(domain: string | undefined): readonly RuleMetadata[];
  /** Every rule of the mesh, in id order, for the reports. */
  readonly all: readonly RuleMetadata[];
}

/** A rule pack that reuses an id or breaks the id pattern: a programming error, thrown at once. */
export class RulePackError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid governance rule pack:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'RulePackError';
  }
}

export function meshRules(mesh: Pick<MeshSpec, 'platform' | 'domains'>, pack: RulePack = {}): { rules: MeshRules; errors: ContractError[] } {
  const code = codeRules(pack);
  const errors: ContractError[] = [];
  const taken = new Map<string, string>([
    ...ALL_RULES.map((r) => [r.id, 'a built-in rule'] as const),
    ...[...code.contract, ...code.resource].map((r) => [r.id, 'a rule pack passed in code'] as const),
  ]);

  const claim = (id: string, owner: string, location: ContractError): boolean => {
    const other = taken.get(id);
    if (other) {
      errors.push({ ...location, message: `custom rule id ${id} is already used by ${other}`, hint: 'give every custom rule an id of its own; ids are never reused' });
      return false;
    }
    taken.set(id, owner);
    return true;
  };

  const platformRules: ContractRule[] = [];
  for (const spec of mesh.platform.governance.customRules) {
    const where = { ...spec.location, path: `governance.customRules.${spec.id}`, message: '', hint: '' };
    if (!claim(spec.id, `${mesh.platform.source.file}`, where)) continue;
    const built = declarativeRule(spec, 'platform', mesh);
    errors.push(...built.errors);
    if (built.rule) platformRules.push(built.rule);
  }
  const domainRules = new Map<string, ContractRule[]>();
  for (const domain of mesh.domains) domainRules.set(domain.name, ownRules(domain, mesh, claim, errors));

  const builtIn: readonly ContractRule[] = [...CONTRACT_RULES, ...code.contract, ...platformRules];
  const resourceRules = [...RESOURCE_RULES, ...code.resource];
  const byId = (a: RuleMetadata, b: RuleMetadata) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const global = [...ALL_RULES, ...code.contract, ...code.resource, ...platformRules];
  const rules: MeshRules = {
    contractRules: (domain) => [...builtIn, ...(domainRules.get(domain) ?? [])],
    resourceRules,
    forDomain: (domain) => [...global, ...((domain && domainRules.get(domain)) || [])].sort(byId),
    all: [...global, ...[...domainRules.values()].flat()].sort(byId),
  };
  return { rules, errors };
}

function ownRules(domain: DomainSpec, mesh: Pick<MeshSpec, 'platform' | 'domains'>, claim: (id: string, owner: string, where: ContractError) => boolean, errors: ContractError[]): ContractRule[] {
  const own: ContractRule[] = [];
  for (const spec of domain.governance.customRules) {
    const where = { ...spec.location, path: `governance.customRules.${spec.id}`, message: '', hint: '' };
    if (!claim(spec.id, domain.source.file, where)) continue;
    const built = declarativeRule(spec, 'domain', mesh, domain.name);
    errors.push(...built.errors);
    if (built.rule) own.push(built.rule);
  }
  return own;
}

function codeRules(pack: RulePack): { contract: ContractRule[]; resource: ResourceRule[] } {
  const problems: string[] = [];
  const seen = new Set<string>(ALL_RULES.map((r) => r.id));
  const accept = <T extends ContractRule | ResourceRule>(rules: readonly T[] | undefined, scope: T['scope']): T[] =>
    (rules ?? []).filter((rule) => {
      if (!CUSTOM_RULE_ID.test(rule.id)) problems.push(`${rule.id}: a custom rule id is an uppercase prefix and three digits, not starting with DM (e.g. ACME201)`);
      else if (seen.has(rule.id)) problems.push(`${rule.id}: the id is already used by another rule`);
      else if (rule.scope !== scope) problems.push(`${rule.id}: passed as a ${scope} rule but its scope is ${rule.scope}`);
      else if (typeof rule.check !== 'function') problems.push(`${rule.id}: has no check function`);
      else {
        seen.add(rule.id);
        return true;
      }
      return false;
    });
  // A rule may be a class instance: mark it through a prototype link rather than a copy that would drop its methods.
  const mark = <T extends object>(rule: T): T => Object.create(rule, { source: { value: 'code', enumerable: true } }) as T;
  const contract = accept(pack.contract, 'contract').map(mark);
  const resource = accept(pack.resource, 'resource').map(mark);
  if (problems.length > 0) throw new RulePackError(problems);
  return { contract, resource };
}
