/**
 * MeshSpec (+ governance findings) -> Catalog. Pure and deterministic: no clock, no file system,
 * products and domains in sorted order, so synthesizing twice gives a byte-identical catalog.
 */
import type { DataProductSpec, MeshSpec, QualityRule } from '../contract/model';
import { DATA_PREFIX, domainNames, glueDatabaseName, productBucketName, productNames, type NameParts } from '../contract/naming';
import { compileDqdl } from '../contract/dqdl/dqdl';
import { alertEndpoints, evaluationCadence, monitoringSettings } from '../contract/monitoring';
import { isBlocking, type Finding } from '../governance/finding';
import { athenaQuery } from './athena';
import { formatMinutes } from './durations';
import {
  CATALOG_VERSION,
  type Catalog,
  type CatalogProduct,
  type DomainDependency,
  type GovernanceSummary,
  type LineageEdge,
  type MonitoringEntry,
  type ProductLineage,
  type QualityEntry,
} from './catalog';
import { compareText } from '../contract/order';
import { buildLineage, downstreamOf, upstreamOf, type Lineage } from '../contract/lineage';

export interface BuildCatalogOptions {
  /** The environment the names are for (bucket and database names include it). */
  readonly environment: string;
  /** Governance findings of the mesh. @default none: every product shows `not-evaluated` */
  readonly findings?: readonly Finding[];
}

export function buildCatalog(mesh: MeshSpec, options: BuildCatalogOptions): Catalog {
  const { platform } = mesh;
  const lineage = buildLineage(mesh.products);
  const products = mesh.products.map((product) => catalogProduct(product, mesh, options, lineage));
  return {
    catalogVersion: CATALOG_VERSION,
    organization: platform.organization,
    environment: options.environment,
    region: platform.region,
    domains: mesh.domains.map((domain) => ({
      name: domain.name,
      description: domain.description,
      owner: { team: domain.owner.team, email: domain.owner.email },
      region: domain.region ?? platform.region,
      products: mesh.products.filter((p) => p.domain === domain.name).map((p) => p.id),
    })),
    products,
    dependencies: domainDependencies(mesh.products),
    lineage: lineageEdges(mesh.products),
    governanceEvaluated: options.findings !== undefined,
  };
}

function catalogProduct(product: DataProductSpec, mesh: MeshSpec, options: BuildCatalogOptions, lineage: Lineage): CatalogProduct {
  const parts: NameParts = { organization: mesh.platform.organization, environment: options.environment, domain: product.domain };
  const database = glueDatabaseName(parts);
  const partitions = new Set(product.output.partitionBy);
  const columns = [...product.columns, ...product.partitionKeys];
  return {
    id: product.id,
    domain: product.domain,
    name: product.name,
    version: product.version,
    status: product.status,
    description: product.description,
    owner: { team: product.owner.team, email: product.owner.email },
    sla: { freshnessMinutes: product.sla.freshnessMinutes, availabilityPercent: product.sla.availabilityPercent },
    outputPort: {
      format: product.output.format,
      s3Uri: `s3://${productBucketName(parts, product.name)}/${DATA_PREFIX}`,
      glueDatabase: database,
      glueTable: product.name,
      table: `${database}.${product.name}`,
      partitionBy: product.output.partitionBy,
      retentionDays: product.output.retentionDays,
      deployed: product.status !== 'draft',
    },
    classification: product.classification,
    containsPii: columns.some((c) => c.pii),
    schema: columns.map((c) => ({
      name: c.name,
      type: c.glueType,
      description: c.description,
      required: c.required,
      primaryKey: c.primaryKey,
      partitionKey: partitions.has(c.name),
      classification: c.classification,
      pii: c.pii,
      tags: c.tags,
      ...(c.deprecated ? { deprecated: true } : {}),
      ...(c.semanticType ? { semanticType: c.semanticType } : {}),
      ...(c.synonyms?.length ? { synonyms: c.synonyms } : {}),
    })),
    quality: product.quality.map(qualityEntry),
    monitoring: monitoringEntry(product, mesh, parts),
    consumers: product.consumers.map((c) => ({
      ...(c.kind === 'domain' ? { domain: c.domain } : { principal: c.principal }),
      access: c.access,
      pii: c.pii,
      reason: c.reason,
    })),
    lineage: productLineage(product, lineage),
    governance: governanceSummary(product, options.findings),
    tags: product.tags,
    athenaQuery: athenaQuery(product, database),
    ...(product.synonyms?.length ? { synonyms: product.synonyms } : {}),
    ...(product.context ? { context: product.context } : {}),
    source: { file: product.source.file, format: product.source.format },
  };
}

function monitoringEntry(product: DataProductSpec, mesh: MeshSpec, parts: NameParts): MonitoringEntry {
  const settings = monitoringSettings(mesh.platform);
  const cadence = evaluationCadence(product, settings);
  const domain = mesh.domains.find((d) => d.name === product.domain);
  const alerting = settings.enabled && product.status !== 'draft' && domain !== undefined;
  return {
    evaluated: cadence !== undefined,
    schedule: cadence?.expression,
    cadenceSource: cadence?.source,
    ruleset: cadence ? productNames(parts, product.name).qualityRuleset : undefined,
    rulesEvaluated: cadence ? compileDqdl(product).rules.length : 0,
    alertTopic: alerting ? domainNames(parts).alertTopic : undefined,
    alertEndpoints: alerting ? alertEndpoints(domain).map(({ protocol, endpoint }) => ({ protocol, endpoint })) : [],
  };
}

function qualityEntry(rule: QualityRule): QualityEntry {
  const base = { rule: rule.kind, description: rule.description };
  switch (rule.kind) {
    case 'not_null':
      return { ...base, columns: [rule.column], summary: `${rule.column} is never null` };
    case 'unique':
      return { ...base, columns: rule.columns, summary: `${rule.columns.join(' + ')} ${rule.columns.length > 1 ? 'are' : 'is'} unique` };
    case 'accepted_values':
      return { ...base, columns: [rule.column], summary: `${rule.column} is one of ${rule.values.join(', ')}` };
    case 'range':
      return { ...base, columns: [rule.column], summary: `${rule.column} ${bounds(rule.min, rule.max)}` };
    case 'pattern':
      return { ...base, columns: [rule.column], summary: `${rule.column} matches ${rule.pattern}` };
    case 'row_count':
      return { ...base, columns: [], summary: `row count ${bounds(rule.min, rule.max)}` };
    case 'freshness':
      return { ...base, columns: [rule.column], summary: `${rule.column} is at most ${formatMinutes(rule.maxAgeMinutes)} old` };
  }
}

function bounds(min?: number, max?: number): string {
  if (min !== undefined && max !== undefined) return `between ${min} and ${max}`;
  return min !== undefined ? `at least ${min}` : `at most ${max}`;
}

function governanceSummary(product: DataProductSpec, findings: readonly Finding[] | undefined): GovernanceSummary {
  if (!findings) return { status: 'not-evaluated', errors: 0, warnings: 0, waived: 0, findings: [] };
  const own = findings.filter((f) => f.productId === product.id);
  const errors = own.filter(isBlocking).length;
  const warnings = own.filter((f) => f.severity === 'warning' && !f.waiver).length;
  return {
    status: errors > 0 ? 'fail' : warnings > 0 ? 'warn' : 'pass',
    errors,
    warnings,
    waived: own.filter((f) => f.waiver).length,
    findings: own.map(({ ruleId, severity, message, fix, location, waiver }) => ({ ruleId, severity, message, fix, location, waiver })),
  };
}

/** Edges producer -> consumer between domains; a domain reading its own products is no dependency. */
function domainDependencies(products: readonly DataProductSpec[]): DomainDependency[] {
  const edges = new Map<string, { producer: string; consumer: string; products: Set<string> }>();
  for (const product of products) {
    if (product.status === 'draft' || product.status === 'retired') continue;
    for (const consumer of product.consumers) {
      if (consumer.kind !== 'domain' || consumer.domain === product.domain) continue;
      const key = `${product.domain}\u0000${consumer.domain}`;
      const edge = edges.get(key) ?? { producer: product.domain, consumer: consumer.domain, products: new Set<string>() };
      edge.products.add(product.id);
      edges.set(key, edge);
    }
  }
  return [...edges.values()]
    .map((e) => ({ producer: e.producer, consumer: e.consumer, products: [...e.products].sort() }))
    .sort((a, b) => compareText(a.producer, b.producer) || compareText(a.consumer, b.consumer));
}

function productLineage(product: DataProductSpec, lineage: Lineage): ProductLineage {
  return {
    upstream: (product.inputs ?? []).map((i) => ({ id: i.product, ...(i.versionRange ? { versionRange: i.versionRange } : {}) })),
    downstream: [...(lineage.downstream.get(product.id) ?? [])],
    allUpstream: upstreamOf(lineage, product.id),
    allDownstream: downstreamOf(lineage, product.id),
  };
}

function lineageEdges(products: readonly DataProductSpec[]): LineageEdge[] {
  return products
    .flatMap((p) => (p.inputs ?? []).map((i) => ({ upstream: i.product, downstream: p.id, ...(i.versionRange ? { versionRange: i.versionRange } : {}) })))
    .sort((a, b) => compareText(a.upstream, b.upstream) || compareText(a.downstream, b.downstream));
}
