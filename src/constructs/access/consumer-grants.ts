/**
 * Resolves the consumers named in a contract to IAM principals. A consumer domain is resolved
 * through its domain.yaml, so a stack never reads another stack's state and every domain deploys
 * on its own.
 */
import type { AccessLevel, DataProductSpec, DomainSpec } from '../../contract/model';

export interface ConsumerGrant {
  /** The domain the grant was declared for, or undefined for an explicit role ARN. */
  readonly domain?: string;
  readonly principals: readonly string[];
  readonly access: AccessLevel;
  readonly pii: boolean;
  readonly reason?: string;
}

/** Grants in contract order; retired and draft products grant nothing. */
export function consumerGrants(product: DataProductSpec, domains: readonly DomainSpec[]): ConsumerGrant[] {
  if (product.status === 'retired' || product.status === 'draft') return [];
  const byName = new Map(domains.map((d) => [d.name, d]));
  return product.consumers.map((consumer) => {
    const common = { access: consumer.access, pii: consumer.pii, reason: consumer.reason };
    if (consumer.kind === 'principal') return { ...common, principals: [consumer.principal] };
    const roles = byName.get(consumer.domain)?.roles;
    const principals = consumer.access === 'write' ? (roles?.producer ? [roles.producer] : []) : (roles?.consumers ?? []);
    return { ...common, domain: consumer.domain, principals };
  });
}

/** Distinct principals with read access, sorted so policies are byte-identical run to run. */
export function readPrincipals(grants: readonly ConsumerGrant[]): string[] {
  return [...new Set(grants.filter((g) => g.access === 'read').flatMap((g) => g.principals))].sort();
}
