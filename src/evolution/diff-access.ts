/**
 * Who a grant reaches is decided outside the contracts: a consumer domain stands for the roles of
 * its domain.yaml, a domain's account holds its products, and platform.yaml lists the accounts
 * outside the mesh that may receive grants. A change there changes every grant to that domain
 * without any contract changing, so it is reported beside the contract changes.
 */
import type { DataProductSpec, DomainSpec, PlatformSpec, SourceLocation } from '../contract/model';
import { parseRoleArn } from '../contract/role-arn';

/** widened: more principals or accounts receive grants; narrowed: fewer; moved: the same grants reach another account. */
export type AccessImpact = 'widened' | 'narrowed' | 'moved';

export const ACCESS_CHANGE_KINDS = {
  'role-added': { impact: 'widened', title: 'a role was added to a domain: grants to the domain now reach it' },
  'role-removed': { impact: 'narrowed', title: 'a role was removed from a domain: grants to the domain no longer reach it' },
  'role-moved-account': { impact: 'moved', title: 'a role of the same name now lives in another account' },
  'domain-account-changed': { impact: 'moved', title: "a domain's products deploy to another account" },
  'trusted-account-added': { impact: 'widened', title: 'platform.yaml trusts a new account outside the mesh' },
  'trusted-account-removed': { impact: 'narrowed', title: 'platform.yaml no longer trusts an account' },
} as const satisfies Record<string, { impact: AccessImpact; title: string }>;

export type AccessChangeKind = keyof typeof ACCESS_CHANGE_KINDS;

export interface AccessChange {
  readonly kind: AccessChangeKind;
  readonly impact: AccessImpact;
  /** The domain whose domain.yaml changed; undefined for platform.yaml. */
  readonly domain?: string;
  readonly message: string;
  /** Products whose synthesized grants change with it, by id. */
  readonly affectedProducts: readonly string[];
  readonly location?: SourceLocation;
}

interface Role {
  readonly arn: string;
  readonly as: 'producer' | 'consumer';
  readonly location?: SourceLocation;
}

export function diffAccess(
  base: { readonly domains: ReadonlyMap<string, DomainSpec>; readonly platform?: PlatformSpec },
  current: { readonly domains: readonly DomainSpec[]; readonly platform: PlatformSpec; readonly products: readonly DataProductSpec[] },
): AccessChange[] {
  const changes: AccessChange[] = [];
  for (const domain of current.domains) {
    const before = base.domains.get(domain.name);
    // A new domain grants nothing yet: its products appear as product-added.
    if (!before) continue;
    const readers = current.products.filter((p) => p.domain !== domain.name && grantsTo(p, domain.name, 'read')).map((p) => p.id);
    const own = current.products.filter((p) => p.domain === domain.name).map((p) => p.id);
    const affected = (role: Role) =>
      role.as === 'consumer'
        ? readers
        : own.filter((id) =>
            grantsTo(
              current.products.find((p) => p.id === id)!,
              domain.name,
              'write',
            ),
          );
    const add = (kind: AccessChangeKind, message: string, affectedProducts: readonly string[], location?: SourceLocation) =>
      changes.push({ kind, impact: ACCESS_CHANGE_KINDS[kind].impact, domain: domain.name, message, affectedProducts: [...affectedProducts].sort(), location });

    if (before.account !== domain.account) {
      add('domain-account-changed', `domain ${domain.name} moved from account ${before.account} to ${domain.account}`, own, domain.location);
    }
    const was = roles(before);
    const now = roles(domain);
    for (const role of now) {
      if (was.some((r) => r.arn === role.arn && r.as === role.as)) continue;
      const moved = was.find((r) => r.as === role.as && sameRoleName(r.arn, role.arn));
      if (moved) {
        add('role-moved-account', `${role.as} role of domain ${domain.name} moved from ${moved.arn} to ${role.arn}`, affected(role), role.location);
      } else {
        add('role-added', `${role.as} role ${role.arn} added to domain ${domain.name}`, affected(role), role.location);
      }
    }
    for (const role of was) {
      if (now.some((r) => r.as === role.as && (r.arn === role.arn || sameRoleName(r.arn, role.arn)))) continue;
      add('role-removed', `${role.as} role ${role.arn} removed from domain ${domain.name}`, affected(role), domain.location);
    }
  }
  const trustedBefore = new Set((base.platform?.trustedAccounts ?? []).map((t) => t.account));
  const trustedNow = new Set(current.platform.trustedAccounts.map((t) => t.account));
  for (const trusted of current.platform.trustedAccounts) {
    if (base.platform && !trustedBefore.has(trusted.account)) {
      changes.push({ kind: 'trusted-account-added', impact: 'widened', message: `platform trusts account ${trusted.account}: ${trusted.reason}`, affectedProducts: [], location: trusted.location });
    }
  }
  for (const account of trustedBefore) {
    if (!trustedNow.has(account)) {
      changes.push({ kind: 'trusted-account-removed', impact: 'narrowed', message: `platform no longer trusts account ${account}`, affectedProducts: [] });
    }
  }
  return changes;
}

function roles(domain: DomainSpec): Role[] {
  return [
    ...(domain.roles.producer ? [{ arn: domain.roles.producer, as: 'producer' as const, location: domain.fieldLocations.producer }] : []),
    ...domain.roles.consumers.map((arn, index) => ({ arn, as: 'consumer' as const, location: domain.fieldLocations.consumers[index] })),
  ];
}

/** Same path and name, another account: the role was re-pointed, not replaced. */
function sameRoleName(a: string, b: string): boolean {
  const left = parseRoleArn(a);
  const right = parseRoleArn(b);
  return !('problem' in left) && !('problem' in right) && left.path === right.path && left.name === right.name && left.account !== right.account;
}

function grantsTo(product: DataProductSpec, domain: string, access: 'read' | 'write'): boolean {
  if (product.status === 'draft' || product.status === 'retired') return false;
  return product.consumers.some((c) => c.kind === 'domain' && c.domain === domain && c.access === access);
}
