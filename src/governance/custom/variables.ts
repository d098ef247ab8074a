/**
 * The variables a custom rule's condition sees: plain objects built from the normalized model,
 * and the shape of each, so a condition naming a field that does not exist is refused when the
 * mesh loads. The shapes are the documentation too (README, docs/governance.md): one source.
 */
import type { ColumnSpec, ConsumerSpec, CustomRuleTarget, DataProductSpec, DomainSpec, PlatformSpec, QualityRule } from '../../contract/model';

/** What a value looks like to the condition checker. */
export type Shape =
  | { readonly kind: 'scalar'; readonly type: string; readonly doc: string; readonly optional?: boolean }
  | { readonly kind: 'object'; readonly fields: Readonly<Record<string, Shape>>; readonly doc: string; readonly optional?: boolean }
  | { readonly kind: 'list'; readonly of: Shape; readonly doc: string }
  | { readonly kind: 'map'; readonly of: Shape; readonly doc: string };

const scalar = (type: string, doc: string, optional = false): Shape => ({ kind: 'scalar', type, doc, optional });
const object = (doc: string, fields: Record<string, Shape>, optional = false): Shape => ({ kind: 'object', fields, doc, optional });

const OWNER = object('owning team', { team: scalar('string', 'team slug'), email: scalar('string', 'contact address') });
const TAG_MAP: Shape = { kind: 'map', of: scalar('string', 'tag value'), doc: 'tags, key to value' };

const COLUMN = object('a column (data columns and partition keys alike)', {
  name: scalar('string', 'column name'),
  type: scalar('string', 'Glue type, e.g. `string`, `decimal(10,2)`, `array<string>`'),
  description: scalar('string', 'description', true),
  required: scalar('bool', 'NOT NULL'),
  primaryKey: scalar('bool', 'part of the primary key'),
  partitionKey: scalar('bool', 'a partition key (`output.partitionBy`)'),
  classification: scalar('string', 'public, internal, confidential, pii or restricted'),
  pii: scalar('bool', 'holds personal data (classification pii or tagged pii)'),
  tags: { kind: 'list', of: scalar('string', 'tag'), doc: 'column tags' },
});

const CONSUMER = object('a declared consumer', {
  kind: scalar('string', '`domain` or `principal`'),
  domain: scalar('string', 'consuming domain (kind domain)', true),
  principal: scalar('string', 'IAM principal ARN (kind principal)', true),
  access: scalar('string', '`read` or `write`'),
  pii: scalar('bool', 'approved to read personal data'),
  reason: scalar('string', 'why access is granted', true),
});

const QUALITY = object('a quality rule', {
  kind: scalar('string', 'not_null, unique, accepted_values, range, pattern, row_count or freshness'),
  column: scalar('string', 'the column (every kind but unique and row_count)', true),
  columns: { kind: 'list', of: scalar('string', 'column'), doc: 'the columns it covers (unique: all of them; others: the one column)' },
  description: scalar('string', 'description', true),
  min: scalar('double', 'lower bound (range, row_count)', true),
  max: scalar('double', 'upper bound (range, row_count)', true),
  maxAgeMinutes: scalar('double', 'freshness limit', true),
  pattern: scalar('string', 'regular expression (pattern)', true),
  values: { kind: 'list', of: scalar('dyn', 'value'), doc: 'accepted values (accepted_values; else empty)' },
});

const PRODUCT = object('the data product', {
  id: scalar('string', '`<domain>.<name>`'),
  domain: scalar('string', 'owning domain'),
  name: scalar('string', 'product name'),
  version: scalar('string', 'semantic version'),
  status: scalar('string', 'draft, active, deprecated or retired'),
  description: scalar('string', 'description'),
  owner: OWNER,
  sla: object('service levels', {
    freshnessMinutes: scalar('double', 'maximum age of the newest data', true),
    availabilityPercent: scalar('double', 'availability objective', true),
  }),
  output: object('output port', {
    format: scalar('string', 'parquet, orc, avro, json, csv or iceberg'),
    partitionBy: { kind: 'list', of: scalar('string', 'column name'), doc: 'partition columns in order' },
    retentionDays: scalar('double', 'days objects are kept; absent keeps them forever', true),
  }),
  classification: scalar('string', 'most sensitive classification of its columns'),
  tags: TAG_MAP,
  columns: { kind: 'list', of: COLUMN, doc: 'data columns, then partition keys' },
  consumers: { kind: 'list', of: CONSUMER, doc: 'declared consumers' },
  quality: { kind: 'list', of: QUALITY, doc: 'quality rules' },
  sunset: scalar('string', 'ISO date a deprecated product stops being served', true),
  format: scalar('string', 'contract format: `native` or `odcs`'),
});

const DOMAIN = object("the product's domain (domain.yaml)", {
  name: scalar('string', 'domain name'),
  description: scalar('string', 'description'),
  account: scalar('string', 'AWS account id'),
  region: scalar('string', 'region, when the domain sets its own', true),
  owner: OWNER,
  tags: TAG_MAP,
});

const PLATFORM = object('the platform (platform.yaml)', {
  organization: scalar('string', 'organization prefix'),
  region: scalar('string', 'default region'),
  environments: { kind: 'list', of: scalar('string', 'environment'), doc: 'environments' },
  tags: TAG_MAP,
});

/** Every variable, with its shape. `column`, `consumer` and `quality` exist only for rules that apply to them. */
export const VARIABLES: Readonly<Record<string, Shape>> = { product: PRODUCT, column: COLUMN, consumer: CONSUMER, quality: QUALITY, domain: DOMAIN, platform: PLATFORM };

/** The variables a rule of each target may name. */
export function variablesFor(target: CustomRuleTarget): readonly string[] {
  return target === 'product' ? ['product', 'domain', 'platform'] : [target, 'product', 'domain', 'platform'];
}

/** Optional model fields are left out, not set to null, so `has(product.sla.freshnessMinutes)` tells. */
function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function columnValue(column: ColumnSpec, partitionKey: boolean): Record<string, unknown> {
  return compact({
    name: column.name,
    type: column.glueType,
    description: column.description,
    required: column.required,
    primaryKey: column.primaryKey,
    partitionKey,
    classification: column.classification,
    pii: column.pii,
    tags: [...column.tags],
  });
}

export function consumerValue(consumer: ConsumerSpec): Record<string, unknown> {
  return compact({
    kind: consumer.kind,
    domain: consumer.kind === 'domain' ? consumer.domain : undefined,
    principal: consumer.kind === 'principal' ? consumer.principal : undefined,
    access: consumer.access,
    pii: consumer.pii,
    reason: consumer.reason,
  });
}

export function qualityValue(rule: QualityRule): Record<string, unknown> {
  const r = rule as QualityRule & { column?: string; columns?: readonly string[]; min?: number; max?: number; maxAgeMinutes?: number; pattern?: string; values?: readonly (string | number)[] };
  return compact({
    kind: rule.kind,
    column: r.column,
    columns: r.columns ? [...r.columns] : r.column ? [r.column] : [],
    description: rule.description,
    min: r.min,
    max: r.max,
    maxAgeMinutes: r.maxAgeMinutes,
    pattern: r.pattern,
    values: r.values ? [...r.values] : [],
  });
}

/** The `product` variable; built once per product and shared by every rule. */
export function productValue(product: DataProductSpec): Record<string, unknown> {
  return compact({
    id: product.id,
    domain: product.domain,
    name: product.name,
    version: product.version,
    status: product.status,
    description: product.description,
    owner: { team: product.owner.team, email: product.owner.email },
    sla: compact({ freshnessMinutes: product.sla.freshnessMinutes, availabilityPercent: product.sla.availabilityPercent }),
    output: compact({ format: product.output.format, partitionBy: [...product.output.partitionBy], retentionDays: product.output.retentionDays }),
    classification: product.classification,
    tags: { ...product.tags },
    columns: [...product.columns.map((c) => columnValue(c, false)), ...product.partitionKeys.map((c) => columnValue(c, true))],
    consumers: product.consumers.map(consumerValue),
    quality: product.quality.map(qualityValue),
    sunset: product.sunset,
    format: product.source.format,
  });
}

export function domainValue(domain: DomainSpec): Record<string, unknown> {
  return compact({
    name: domain.name,
    description: domain.description,
    account: domain.account,
    region: domain.region,
    owner: { team: domain.owner.team, email: domain.owner.email },
    tags: { ...domain.tags },
  });
}

export function platformValue(platform: PlatformSpec): Record<string, unknown> {
  return { organization: platform.organization, region: platform.region, environments: [...platform.environments], tags: { ...platform.tags } };
}

/** `product.owner.team`-style rows for the docs: every field of every variable, with its type. */
export function variableRows(): { path: string; type: string; doc: string }[] {
  const rows: { path: string; type: string; doc: string }[] = [];
  const visit = (path: string, shape: Shape) => {
    const optional = 'optional' in shape && shape.optional ? ', optional' : '';
    if (shape.kind === 'scalar') rows.push({ path, type: `${shape.type}${optional}`, doc: shape.doc });
    else if (shape.kind === 'map') rows.push({ path, type: `map(string, ${typeName(shape.of)})`, doc: shape.doc });
    else if (shape.kind === 'list') {
      rows.push({ path, type: `list(${typeName(shape.of)})`, doc: shape.doc });
    } else {
      rows.push({ path, type: `object${optional}`, doc: shape.doc });
      for (const [name, field] of Object.entries(shape.fields)) visit(`${path}.${name}`, field);
    }
  };
  for (const [name, shape] of Object.entries(VARIABLES)) {
    // product.columns items are `column`, product.consumers items `consumer`...: documented once, under their own name.
    if (name === 'product' && shape.kind === 'object') {
      rows.push({ path: name, type: 'object', doc: shape.doc });
      for (const [field, fieldShape] of Object.entries(shape.fields)) {
        if (fieldShape.kind === 'list' && fieldShape.of.kind === 'object')
          rows.push({ path: `${name}.${field}`, type: `list(${listItemName(field)})`, doc: `${fieldShape.doc}; each like \`${listItemName(field)}\`` });
        else visit(`${name}.${field}`, fieldShape);
      }
    } else visit(name, shape);
  }
  return rows;
}

function listItemName(field: string): string {
  return field === 'columns' ? 'column' : field === 'consumers' ? 'consumer' : 'quality';
}

function typeName(shape: Shape): string {
  return shape.kind === 'scalar' ? shape.type : shape.kind === 'object' ? 'object' : shape.kind === 'list' ? `list(${typeName(shape.of)})` : `map(string, ${typeName(shape.of)})`;
}
