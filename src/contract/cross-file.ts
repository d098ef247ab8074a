/**
 * What the loader checks across files, on every contract that parsed (valid or not), so a second
 * round of errors never waits for the first to be fixed: the product's domain, unique ids and
 * known consumer domains, from each contract's outline.
 */
import type { ContractError } from './errors';
import type { DataProductSpec, DomainSpec, SourceLocation } from './model';
import { looksLikeOdcs } from './odcs/header';
import type { SourceDocument } from './source';
import { closestMatch } from './suggest';

/**
 * What cross-file checks need of a contract: its id and domain, and the consumer domains it names.
 * A contract that loaded gives it from the model; one that did not, from whatever of it is valid.
 */
export interface ProductOutline {
  readonly file: string;
  readonly id?: string;
  readonly domain?: string;
  readonly name?: string;
  /** Where `name` is written: physical-name clashes point at it. */
  readonly nameLocation: SourceLocation;
  readonly status?: string;
  readonly location: SourceLocation;
  readonly domainLocation: SourceLocation;
  readonly consumers: readonly { readonly domain: string; readonly access?: string; readonly location: SourceLocation; readonly path: string }[];
  /** The model, when the contract loaded. */
  readonly spec?: DataProductSpec;
}

export function outlineOf(product: DataProductSpec): ProductOutline {
  return {
    file: product.source.file,
    id: product.id,
    domain: product.domain,
    name: product.name,
    nameLocation: product.fieldLocations.name,
    status: product.status,
    location: product.location,
    domainLocation: product.location,
    // An ODCS contract names its consumers in `roles`.
    consumers: product.consumers.flatMap((consumer, index) =>
      consumer.kind === 'domain'
        ? [{ domain: consumer.domain, access: consumer.access, location: consumer.location, path: product.source.format === 'odcs' ? `roles[${index}].role` : `consumers[${index}].domain` }]
        : [],
    ),
    spec: product,
  };
}

const SNAKE = /^[a-z][a-z0-9_]*$/;
const text = (value: unknown, pattern: RegExp = SNAKE): string | undefined => (typeof value === 'string' && pattern.test(value) ? value : undefined);

/** The outline of a contract that parsed but did not load: only fields that are valid on their own count. */
export function outlineOfRaw(document: SourceDocument, raw: Record<string, unknown>, folderName: string): ProductOutline | undefined {
  const odcs = looksLikeOdcs(raw) && raw.kind !== 'DataProduct';
  const name = text(raw.name);
  const domain = text(raw.domain) ?? (odcs && raw.domain === undefined ? folderName : undefined);
  const id = odcs ? (name && domain ? `${domain}.${name}` : undefined) : text(raw.id, /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/);
  const list = odcs ? raw.roles : raw.consumers;
  const consumers = (Array.isArray(list) ? list : []).flatMap((entry: unknown, index) => {
    const item = (entry ?? {}) as Record<string, unknown>;
    const consumer = text(odcs ? item.role : item.domain);
    if (!consumer) return [];
    const access = typeof item.access === 'string' ? item.access.trim().toLowerCase() : undefined;
    const field = odcs ? 'role' : 'domain';
    return [{ domain: consumer, access, location: document.locate([odcs ? 'roles' : 'consumers', index]), path: `${odcs ? 'roles' : 'consumers'}[${index}].${field}` }];
  });
  return {
    file: document.file,
    id,
    domain: text(raw.domain),
    name,
    nameLocation: document.locate(['name']),
    status: typeof raw.status === 'string' ? raw.status : undefined,
    location: document.locate([]),
    domainLocation: document.locate(['domain']),
    consumers,
  };
}

/** Checks that need more than one file: the product's domain, unique ids, known consumer domains. */
export function crossFileErrors(domains: readonly DomainSpec[], products: readonly ProductOutline[], brokenDomains: ReadonlySet<string>): ContractError[] {
  const errors: ContractError[] = [];
  const domainNames = domains.map((d) => d.name);
  const byName = new Map(domains.map((d) => [d.name, d]));
  const seen = new Map<string, ProductOutline>();
  for (const product of products) {
    if (product.domain !== undefined && !byName.has(product.domain) && !brokenDomains.has(product.domain)) {
      const suggestion = closestMatch(product.domain, domainNames);
      errors.push({
        ...product.domainLocation,
        path: 'domain',
        message: `"${product.domain}" is not a domain of the mesh`,
        hint: suggestion ? `did you mean "${suggestion}"?` : `known domains: ${domainNames.join(', ')}`,
      });
    }
    if (product.id !== undefined) {
      const first = seen.get(product.id);
      if (first) {
        errors.push({ ...product.location, path: 'id', message: `product id "${product.id}" is already used by ${first.file}`, hint: 'give each product a unique name within its domain' });
      }
      seen.set(product.id, product);
    }
    for (const consumer of product.consumers) {
      const { path } = consumer;
      const domain = byName.get(consumer.domain);
      if (brokenDomains.has(consumer.domain)) continue;
      if (!domain) {
        const suggestion = closestMatch(consumer.domain, domainNames);
        errors.push({
          ...consumer.location,
          path,
          message: `unknown consumer domain "${consumer.domain}"`,
          hint: suggestion ? `did you mean "${suggestion}"?` : `known domains: ${domainNames.join(', ')}`,
        });
      } else if (consumer.access === 'read' && domain.roles.consumers.length === 0 && product.status !== 'retired') {
        errors.push({ ...consumer.location, path, message: `domain "${consumer.domain}" declares no consumer roles to grant`, hint: `add roles.consumers to ${domain.source.file}` });
      } else if (consumer.access === 'write' && !domain.roles.producer && product.status !== 'retired') {
        errors.push({ ...consumer.location, path, message: `domain "${consumer.domain}" declares no producer role to grant write access to`, hint: `add roles.producer to ${domain.source.file}` });
      }
    }
  }
  return errors;
}
