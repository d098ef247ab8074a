/**
 * One catalog for the organization: the catalog.json files that domain repositories write, merged
 * into one, with the graph across them (which domain reads which, and product lineage) computed
 * again over every product, since no single repository sees it all.
 *
 * Each file is untrusted: it is checked against catalog.schema.json before anything is read from
 * it, a product id may come from one file only, and every file must describe the same mesh and
 * environment. The result depends on the files' contents only, never on their order.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import type { ContractError } from '../contract/errors';
import { downstreamOf, upstreamOf, type Lineage } from '../contract/lineage';
import { compareText } from '../contract/order';
import { explainSchemaErrors } from '../contract/schema';
import { SourceDocument, type DocPath } from '../contract/source';
import { CATALOG_VERSION, type Catalog, type CatalogDomain, type CatalogProduct, type DomainDependency, type LineageEdge } from './catalog';
import catalogSchema from './catalog.schema.json';

export interface CatalogFile {
  /** How errors name the file. */
  readonly file: string;
  readonly text: string;
}

export interface MergeResult {
  readonly catalog?: Catalog;
  readonly errors: readonly ContractError[];
}

let validator: ValidateFunction | undefined;

export function mergeCatalogs(files: readonly CatalogFile[]): MergeResult {
  const errors: ContractError[] = [];
  const loaded: { readonly input: CatalogFile; readonly catalog: Catalog }[] = [];
  // Sorted by content first, so which file an error is reported against never depends on argument order.
  for (const input of [...files].sort((a, b) => compareText(a.text, b.text) || compareText(a.file, b.file))) {
    const read = readCatalog(input);
    errors.push(...read.errors);
    if (read.catalog) loaded.push({ input, catalog: read.catalog });
  }
  if (errors.length > 0 || loaded.length === 0) return { errors };

  const reference = loaded[0];
  const meshOf = (c: Catalog) => `organization ${c.organization}, environment ${c.environment}, region ${c.region}`;
  for (const { input, catalog } of loaded.slice(1)) {
    if (meshOf(catalog) !== meshOf(reference.catalog)) {
      errors.push(
        at(
          input,
          ['organization'],
          `describes ${meshOf(catalog)}, but ${reference.input.file} describes ${meshOf(reference.catalog)}`,
          'merge catalogs of one mesh, written for the same environment (datamesh catalog --env)',
        ),
      );
    }
  }
  const owners = new Map<string, string>();
  for (const { input, catalog } of loaded) {
    catalog.products.forEach((product, index) => {
      if (product.id !== `${product.domain}.${product.name}`)
        errors.push(
          at(input, ['products', index, 'id'], `product id "${product.id}" is not its domain and name ("${product.domain}.${product.name}")`, 'write the catalog again with datamesh catalog'),
        );
      const first = owners.get(product.id);
      if (first !== undefined)
        errors.push(
          at(input, ['products', index, 'id'], `product id "${product.id}" is also in ${first}`, 'each product belongs to one repository: remove it from one of them, or leave one catalog out'),
        );
      else owners.set(product.id, input.file);
    });
  }
  if (errors.length > 0) return { errors };

  const products = loaded.flatMap(({ catalog }) => catalog.products).sort((a, b) => compareText(a.id, b.id));
  const domains = mergeDomains(
    loaded.map(({ catalog }) => catalog),
    products,
  );
  for (const product of products) {
    if (!domains.some((d) => d.name === product.domain)) {
      const { input, catalog } = loaded.find(({ catalog }) => catalog.products.includes(product))!;
      errors.push(
        at(
          input,
          ['products', catalog.products.indexOf(product), 'domain'],
          `product "${product.id}" names domain "${product.domain}", which no catalog lists`,
          'write the catalog again with datamesh catalog',
        ),
      );
    }
  }
  if (errors.length > 0) return { errors };
  const lineage = lineageOf(products);
  return {
    errors: [],
    catalog: {
      catalogVersion: CATALOG_VERSION,
      organization: reference.catalog.organization,
      environment: reference.catalog.environment,
      region: reference.catalog.region,
      domains,
      products: products.map((p) => ({
        ...p,
        lineage: { upstream: p.lineage.upstream, downstream: [...(lineage.downstream.get(p.id) ?? [])], allUpstream: upstreamOf(lineage, p.id), allDownstream: downstreamOf(lineage, p.id) },
      })),
      dependencies: dependenciesOf(products),
      lineage: lineageEdges(products),
      governanceEvaluated: loaded.every(({ catalog }) => catalog.governanceEvaluated),
    },
  };
}

function readCatalog(input: CatalogFile): { catalog?: Catalog; errors: ContractError[] } {
  let value: unknown;
  try {
    value = JSON.parse(input.text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const before = input.text.slice(0, position ? Number(position[1]) : 0).split('\n');
    return {
      errors: [
        {
          file: input.file,
          line: before.length,
          column: before[before.length - 1].length + 1,
          path: '',
          message: `not JSON: ${message.split('\n')[0]}`,
          hint: 'pass the catalog.json that datamesh catalog or cdktf synth wrote',
        },
      ],
    };
  }
  validator ??= new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true }).addKeyword({ keyword: 'x-hint', schemaType: 'string' }).compile(catalogSchema);
  if (validator(value)) return { catalog: value as Catalog, errors: [] };
  const { document } = SourceDocument.parse(input.file, input.text);
  if (!document) return { errors: [{ file: input.file, line: 1, column: 1, path: '', message: 'not a catalog.json of this version of datamesh', hint: 'write it again with datamesh catalog' }] };
  return { errors: explainSchemaErrors(validator.errors ?? [], document) };
}

/** An error at a place in a catalog file; the file is parsed again only to say where. */
function at(input: CatalogFile, path: DocPath, message: string, hint: string): ContractError {
  const { document } = SourceDocument.parse(input.file, input.text);
  const location = document ? document.locate(path) : { file: input.file, line: 1, column: 1 };
  return { ...location, path: path.filter((step) => typeof step === 'string' || typeof step === 'number').join('.'), message, hint };
}

/**
 * Every domain once. A domain repository's catalog lists the domains it knows from the mesh
 * registry too, without their products: the entry of a catalog that holds the domain's products
 * describes it, and ties go to the smallest entry, so the choice does not depend on file order.
 */
function mergeDomains(catalogs: readonly Catalog[], products: readonly CatalogProduct[]): CatalogDomain[] {
  const byName = new Map<string, CatalogDomain[]>();
  for (const domain of catalogs.flatMap((c) => c.domains)) byName.set(domain.name, [...(byName.get(domain.name) ?? []), domain]);
  return [...byName.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([name, entries]) => {
      const described = entries.filter((e) => e.products.length > 0);
      const [chosen] = (described.length > 0 ? described : entries)
        .map((e) => ({ e, key: JSON.stringify([e.description, e.owner.team, e.owner.email, e.region]) }))
        .sort((a, b) => compareText(a.key, b.key));
      const { description, owner, region } = chosen.e;
      return { name, description, owner: { team: owner.team, email: owner.email }, region, products: products.filter((p) => p.domain === name).map((p) => p.id) };
    });
}

function lineageOf(products: readonly CatalogProduct[]): Lineage {
  const ids = new Set(products.map((p) => p.id));
  const upstream = new Map<string, string[]>();
  const downstream = new Map<string, string[]>();
  for (const product of products) {
    const inputs = product.lineage.upstream.map((i) => i.id).filter((id) => ids.has(id) && id !== product.id);
    upstream.set(product.id, inputs);
    for (const input of inputs) downstream.set(input, [...(downstream.get(input) ?? []), product.id]);
  }
  for (const list of downstream.values()) list.sort(compareText);
  return { upstream, downstream };
}

/** As the catalog of one mesh counts them: producer -> consumer domain, drafts and retired products left out. */
function dependenciesOf(products: readonly CatalogProduct[]): DomainDependency[] {
  const edges = new Map<string, { producer: string; consumer: string; products: Set<string> }>();
  for (const product of products) {
    if (product.status === 'draft' || product.status === 'retired') continue;
    for (const consumer of product.consumers) {
      if (consumer.domain === undefined || consumer.domain === product.domain) continue;
      const key = `${product.domain}\u0000${consumer.domain}`;
      const edge = edges.get(key) ?? { producer: product.domain, consumer: consumer.domain, products: new Set<string>() };
      edge.products.add(product.id);
      edges.set(key, edge);
    }
  }
  return [...edges.values()]
    .map((e) => ({ producer: e.producer, consumer: e.consumer, products: [...e.products].sort(compareText) }))
    .sort((a, b) => compareText(a.producer, b.producer) || compareText(a.consumer, b.consumer));
}

function lineageEdges(products: readonly CatalogProduct[]): LineageEdge[] {
  return products
    .flatMap((p) => p.lineage.upstream.map((i) => ({ upstream: i.id, downstream: p.id, ...(i.versionRange ? { versionRange: i.versionRange } : {}) })))
    .sort((a, b) => compareText(a.upstream, b.upstream) || compareText(a.downstream, b.downstream));
}
