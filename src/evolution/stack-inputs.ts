/**
 * Everything from the model that one domain stack's synthesis reads, and nothing else, so two
 * revisions of a mesh can be compared stack by stack without synthesizing either (DESIGN.md §9).
 *
 * What a DomainStack reads (src/constructs/domain-stack.ts and the constructs under it):
 * - platform.yaml: names, region, deploy role, backend, storage, Lake Formation, monitoring, tags;
 *   not the governance policy or trusted accounts, which only decide findings;
 * - its own domain.yaml, except the domain policy and the roles; the producer role only when a
 *   product grants write access (only the producer ever writes);
 * - its own products that are built (not drafts), except what only the catalog or governance read
 *   (exceptions, lineage inputs, synonyms, context) and where things were written;
 * - of every domain a built, non-retired product grants read access to: its consumer roles, and
 *   nothing else. No product synthesizes anything into another domain's stack.
 * A line or column moving (a comment, blank lines, reordered keys) changes none of this.
 */
import { preventsDestroy, type DataProductSpec, type DomainSpec, type PlatformSpec } from '../contract/model';
import { compareText } from '../contract/order';

export interface StackInputs {
  readonly platform: string;
  /** The domain's own domain.yaml, roles aside: they count only where a grant reads them. */
  readonly domain: string;
  /** The producer role, when a product grants write access (only the producer ever writes). */
  readonly producer?: string;
  /** Canonical JSON of each built product, by product id. */
  readonly products: ReadonlyMap<string, string>;
  /** Canonical JSON of each granted domain's consumer roles, by domain name. */
  readonly grantees: ReadonlyMap<string, string>;
}

export interface MeshModel {
  readonly platform: PlatformSpec;
  readonly domains: readonly DomainSpec[];
  readonly products: readonly DataProductSpec[];
}

/** Keys that say where something was written, never what it is. */
const POSITION_KEYS = new Set(['location', 'fieldLocations', 'conditionLocation']);

export function stackInputs(mesh: MeshModel, domainName: string, environment: string): StackInputs {
  const domain = mesh.domains.find((d) => d.name === domainName);
  if (!domain) throw new Error(`stackInputs: no domain ${domainName}`);
  const platform = omit(mesh.platform, ['governance', 'trustedAccounts', 'environments', 'source', 'storage']);
  const { storage } = mesh.platform;
  const ownDomain = omit(domain, ['governance', 'source', 'roles']);
  const built = mesh.products.filter((p) => p.domain === domainName && p.status !== 'draft');
  const products = new Map(built.map((product) => [product.id, canonical(productInputs(product))]));
  const byName = new Map(mesh.domains.map((d) => [d.name, d]));
  const grantees = new Map<string, string>();
  const granting = built.filter((p) => p.status !== 'retired');
  const writes = granting.some((p) => p.consumers.some((c) => c.access === 'write'));
  for (const product of granting) {
    for (const consumer of product.consumers) {
      if (consumer.kind !== 'domain' || consumer.access !== 'read') continue;
      grantees.set(consumer.domain, canonical(byName.get(consumer.domain)?.roles.consumers ?? null));
    }
  }
  return {
    platform: canonical({ ...platform, environment, storage: { ...storage, preventDestroy: preventsDestroy(storage, environment) } }),
    domain: canonical(ownDomain),
    producer: writes ? canonical(domain.roles.producer ?? null) : undefined,
    products,
    grantees,
  };
}

function productInputs(product: DataProductSpec): unknown {
  return { ...omit(product, ['exceptions', 'inputs', 'synonyms', 'context', 'source']), format: product.source.format };
}

function omit<T extends object>(value: T, keys: readonly (keyof T)[]): Partial<T> {
  const copy: Partial<T> = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}

/** JSON with sorted keys and no position keys: equal exactly when the content is. */
export function canonical(value: unknown): string {
  return JSON.stringify(withoutPositions(value));
}

function withoutPositions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPositions);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([key, v]) => !POSITION_KEYS.has(key) && v !== undefined)
    .sort(([a], [b]) => compareText(a, b));
  return Object.fromEntries(entries.map(([key, v]) => [key, withoutPositions(v)]));
}

/** Why a stack's inputs differ between two revisions, in words a reviewer recognizes; empty when they do not. */
export function inputChanges(base: StackInputs, current: StackInputs): string[] {
  const reasons: string[] = [];
  if (base.platform !== current.platform) reasons.push('platform.yaml');
  if (base.domain !== current.domain) reasons.push('domain.yaml');
  if (base.producer !== undefined && current.producer !== undefined && base.producer !== current.producer) reasons.push('producer role');
  for (const id of union(base.products, current.products)) {
    const before = base.products.get(id);
    const after = current.products.get(id);
    if (before === after) continue;
    reasons.push(before === undefined ? `product ${id} added` : after === undefined ? `product ${id} removed` : `product ${id}`);
  }
  for (const name of union(base.grantees, current.grantees)) {
    const before = base.grantees.get(name);
    const after = current.grantees.get(name);
    // A grantee appearing or leaving comes with a product change, which already says so.
    if (before !== undefined && after !== undefined && before !== after) reasons.push(`consumer roles of ${name}`);
  }
  return reasons;
}

function union(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].sort(compareText);
}
