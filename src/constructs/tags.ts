import type { DataProductSpec, DomainSpec } from '../contract/model';

/** The mandatory tags of every resource of a data product (DESIGN.md §5). Contract tags come first so they cannot override these. */
export function productTags(product: DataProductSpec): Record<string, string> {
  const tags: Record<string, string> = {
    ...product.tags,
    Domain: product.domain,
    DataProduct: product.name,
    Owner: product.owner.team,
    Classification: product.classification,
    ContractVersion: product.version,
    Status: product.status,
  };
  if (product.sunset) tags.Sunset = product.sunset;
  return tags;
}

/** Tags the provider puts on every resource of a domain stack, including ones a team adds by hand. */
export function domainDefaultTags(domain: DomainSpec, environment: string, platformTags: Readonly<Record<string, string>>): Record<string, string> {
  return {
    ...platformTags,
    ...domain.tags,
    Domain: domain.name,
    Owner: domain.owner.team,
    Environment: environment,
    ManagedBy: 'datamesh',
  };
}

/** Domain-level resources (key, database, log bucket) hold no product data of their own. */
export function domainResourceTags(domain: DomainSpec): Record<string, string> {
  return { Domain: domain.name, DataProduct: 'shared', Owner: domain.owner.team, Classification: 'internal', ContractVersion: 'n/a', Status: 'active' };
}
