/**
 * Resolves the consumers named in a contract to IAM principals. A consumer domain is resolved
 * through its domain.yaml, so a stack never reads another stack's state and every domain deploys
 * on its own.
 */
import type { AccessLevel, ConsumerSpec, DataProductSpec, DomainSpec } from '../../contract/model';

export interface ConsumerGrant {
  /** The domain the grant was declared for, or undefined for an explicit role ARN. */
  readonly domain?: string;
  /** Empty for a write grant to anyone but the owning domain's producer: DM114 refuses it. */
  readonly principals: readonly string[];
  readonly access: AccessLevel;
  /** Approved for PII: `pii: true` with a reason (DM109 judges whether the reason is one). */
  readonly pii: boolean;
  readonly reason?: string;
}

/** Grants in contract order; retired and draft products grant nothing. */
export function consumerGrants(product: DataProductSpec, domains: readonly DomainSpec[]): ConsumerGrant[] {
  if (product.status === 'retired' || product.status === 'draft') return [];
  const byName = new Map(domains.map((d) => [d.name, d]));
  const producer = byName.get(product.domain)?.roles.producer;
  return product.consumers.map((consumer) => {
    const common = {
      domain: consumer.kind === 'domain' ? consumer.domain : undefined,
      access: consumer.access,
      pii: consumer.pii && Boolean(consumer.reason?.trim()),
      reason: consumer.reason,
    };
    if (consumer.access === 'write') return { ...common, principals: producer && writesAsOwner(consumer, product.domain, producer) ? [producer] : [] };
    if (consumer.kind === 'principal') return { ...common, principals: [consumer.principal] };
    return { ...common, principals: byName.get(consumer.domain)?.roles.consumers ?? [] };
  });
}

/** Only the owning domain's producer role writes a product, named by domain or by its ARN (DM114 says the same). */
function writesAsOwner(consumer: ConsumerSpec, owner: string, producer: string | undefined): boolean {
  return consumer.kind === 'domain' ? consumer.domain === owner : consumer.principal === producer;
}
