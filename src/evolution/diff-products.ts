/**
 * Compares two versions of one data product, direction-aware: a column added is additive, the
 * same column removed is breaking. Works on the normalized model, so native and ODCS contracts
 * (and a contract that moved from one format to the other) compare alike.
 */
import { formatGlueType } from '../contract/glue-type';
import { CLASSIFICATIONS, type ColumnSpec, type ConsumerSpec, type DataProductSpec, type QualityRule } from '../contract/model';
import { change, type Change } from './change';
import { isWidening } from './type-compatibility';

export function diffProducts(base: DataProductSpec | undefined, current: DataProductSpec | undefined): Change[] {
  if (!base && current) return [change('product-added', `${current.id} is new`, current.location)];
  if (base && !current) {
    return base.status === 'retired'
      ? [change('product-retired-removed', `retired product ${base.id} was removed`, base.location)]
      : [change('product-removed', `${base.id} was removed while ${base.status}; retire it first`, base.location)];
  }
  if (!base || !current) return [];
  return [
    ...columnChanges(base, current),
    ...storageChanges(base, current),
    ...promiseChanges(base, current),
    ...consumerChanges(base, current),
    ...qualityChanges(base, current),
    ...metadataChanges(base, current),
  ];
}

function allColumns(product: DataProductSpec): ColumnSpec[] {
  return [...product.columns, ...product.partitionKeys];
}

function columnChanges(base: DataProductSpec, current: DataProductSpec): Change[] {
  const changes: Change[] = [];
  const now = new Map(allColumns(current).map((c) => [c.name, c]));
  const before = new Map(allColumns(base).map((c) => [c.name, c]));
  for (const old of before.values()) {
    const column = now.get(old.name);
    if (!column) {
      changes.push(change('column-removed', `column "${old.name}" was removed (or renamed)`, current.fieldLocations.schema ?? current.location, { before: `${old.name} ${old.glueType}` }));
      continue;
    }
    if (formatGlueType(old.type) !== formatGlueType(column.type)) {
      const widened = isWidening(old.type, column.type);
      changes.push(
        change(widened ? 'column-type-widened' : 'column-type-narrowed', `column "${old.name}" changed type from ${old.glueType} to ${column.glueType}`, column.location, {
          before: old.glueType,
          after: column.glueType,
        }),
      );
    }
    if (old.required !== column.required) {
      changes.push(
        change(column.required ? 'column-made-required' : 'column-made-optional', `column "${old.name}" is now ${column.required ? 'required' : 'nullable'}`, column.location, {
          before: nullability(old),
          after: nullability(column),
        }),
      );
    }
    const rank = CLASSIFICATIONS.indexOf(column.classification) - CLASSIFICATIONS.indexOf(old.classification);
    if (rank !== 0) {
      changes.push(
        change(
          rank < 0 ? 'classification-loosened' : 'classification-tightened',
          `column "${old.name}" classification changed from ${old.classification} to ${column.classification}`,
          column.location,
          { before: old.classification, after: column.classification },
        ),
      );
    }
    if ((old.description ?? '') !== (column.description ?? '')) changes.push(change('description-changed', `column "${old.name}" description changed`, column.location));
    if (old.tags.join(',') !== column.tags.join(',')) changes.push(change('tags-changed', `column "${old.name}" tags changed`, column.location));
  }
  for (const column of now.values()) {
    if (before.has(column.name)) continue;
    changes.push(
      change(column.required ? 'column-added-required' : 'column-added-optional', `${column.required ? 'required' : 'optional'} column "${column.name}" was added`, column.location, {
        after: `${column.name} ${column.glueType}`,
      }),
    );
  }
  return changes;
}

function storageChanges(base: DataProductSpec, current: DataProductSpec): Change[] {
  const changes: Change[] = [];
  const at = current.fieldLocations.format ?? current.location;
  const [keysBefore, keysAfter] = [`[${base.output.partitionBy.join(', ')}]`, `[${current.output.partitionBy.join(', ')}]`];
  if (keysBefore !== keysAfter) {
    changes.push(change('partitioning-changed', `partition keys changed from ${keysBefore} to ${keysAfter}`, current.fieldLocations.partitionBy ?? at, { before: keysBefore, after: keysAfter }));
  }
  if (base.output.format !== current.output.format)
    changes.push(change('format-changed', `output format changed from ${base.output.format} to ${current.output.format}`, at, { before: base.output.format, after: current.output.format }));
  // Only declarations the contract made on both sides count: the platform names buckets itself, so
  // gaining a declaration (e.g. by export to ODCS) moves nothing.
  const moved = (a?: string, b?: string) => a !== undefined && b !== undefined && a !== b;
  if (moved(base.output.location, current.output.location) || moved(base.output.database, current.output.database)) {
    const where = (p: DataProductSpec) => [p.output.location, p.output.database].filter((x) => x !== undefined).join(', ');
    changes.push(change('location-changed', `the declared location or database changed from ${where(base)} to ${where(current)}`, at, { before: where(base), after: where(current) }));
  }
  const [was, is] = [base.output.retentionDays ?? Infinity, current.output.retentionDays ?? Infinity];
  const retention = current.fieldLocations.retention;
  if (is < was) changes.push(change('retention-shortened', `retention shortened from ${days(was)} to ${days(is)}`, retention, { before: days(was), after: days(is) }));
  if (is > was) changes.push(change('retention-extended', `retention extended from ${days(was)} to ${days(is)}`, retention, { before: days(was), after: days(is) }));
  return changes;
}

function promiseChanges(base: DataProductSpec, current: DataProductSpec): Change[] {
  const changes: Change[] = [];
  const freshness = [base.sla.freshnessMinutes ?? Infinity, current.sla.freshnessMinutes ?? Infinity];
  const availability = [base.sla.availabilityPercent ?? 0, current.sla.availabilityPercent ?? 0];
  const sla = { before: describeSla(base), after: describeSla(current) };
  if (freshness[1] > freshness[0] || availability[1] < availability[0])
    changes.push(change('sla-weakened', `the SLA promises less than before: ${sla.before} -> ${sla.after}`, current.fieldLocations.sla, sla));
  else if (freshness[1] < freshness[0] || availability[1] > availability[0])
    changes.push(change('sla-strengthened', `the SLA promises more than before: ${sla.before} -> ${sla.after}`, current.fieldLocations.sla, sla));
  if (CLASSIFICATIONS.indexOf(current.classification) < CLASSIFICATIONS.indexOf(base.classification)) {
    changes.push(
      change('classification-loosened', `product classification loosened from ${base.classification} to ${current.classification}`, current.fieldLocations.schema ?? current.location, {
        before: base.classification,
        after: current.classification,
      }),
    );
  }
  if (base.status !== current.status)
    changes.push(change('status-changed', `status changed from ${base.status} to ${current.status}`, current.fieldLocations.status, { before: base.status, after: current.status }));
  return changes;
}

/** A consumer is identified by who it is; its access level may go up (additive) or down (breaking). */
function consumerChanges(base: DataProductSpec, current: DataProductSpec): Change[] {
  const key = (c: ConsumerSpec) => (c.kind === 'domain' ? `domain ${c.domain}` : c.principal);
  const level = (c: ConsumerSpec) => (c.access === 'write' ? 2 : 1) + (c.pii ? 0.5 : 0);
  const now = new Map(current.consumers.map((c) => [key(c), c]));
  const before = new Map(base.consumers.map((c) => [key(c), c]));
  const changes: Change[] = [];
  for (const [who, old] of before) {
    const consumer = now.get(who);
    const values = { before: access(old), after: consumer ? access(consumer) : 'no access' };
    if (!consumer || level(consumer) < level(old))
      changes.push(
        change(
          'consumer-access-removed',
          `${who} ${consumer ? 'has less access than before' : 'is no longer a consumer'}`,
          consumer?.location ?? current.fieldLocations.consumers ?? current.location,
          values,
        ),
      );
    else if (level(consumer) > level(old)) changes.push(change('consumer-added', `${who} was given more access`, consumer.location, values));
  }
  for (const [who, consumer] of now)
    if (!before.has(who)) changes.push(change('consumer-added', `${who} was added as a consumer`, consumer.location, { before: 'no access', after: access(consumer) }));
  return changes;
}

function qualityChanges(base: DataProductSpec, current: DataProductSpec): Change[] {
  const key = ({ location: _location, description: _description, ...rule }: QualityRule) => JSON.stringify(rule);
  const now = new Set(current.quality.map(key));
  const before = new Set(base.quality.map(key));
  return [
    ...base.quality
      .filter((q) => !now.has(key(q)))
      .map((q) => change('quality-rule-removed', `quality rule ${describeRule(q)} was removed`, current.fieldLocations.quality ?? current.location, { before: describeRule(q) })),
    ...current.quality.filter((q) => !before.has(key(q))).map((q) => change('quality-rule-added', `quality rule ${describeRule(q)} was added`, q.location, { after: describeRule(q) })),
  ];
}

function metadataChanges(base: DataProductSpec, current: DataProductSpec): Change[] {
  const at = current.location;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const tags = (p: DataProductSpec) =>
    Object.entries(p.tags)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ') || 'none';
  const owner = (p: DataProductSpec) => `${p.owner.team} <${p.owner.email}>`;
  return [
    ...(base.description !== current.description ? [change('description-changed', 'product description changed', current.fieldLocations.description ?? at)] : []),
    ...(!same(base.tags, current.tags)
      ? [change('tags-changed', `product tags changed from ${tags(base)} to ${tags(current)}`, current.fieldLocations.tags, { before: tags(base), after: tags(current) })]
      : []),
    ...(!same(base.owner, current.owner)
      ? [change('owner-changed', `owner changed from ${owner(base)} to ${owner(current)}`, current.fieldLocations.owner, { before: owner(base), after: owner(current) })]
      : []),
    ...(!same(
      base.exceptions.map(({ location: _l, ...e }) => e),
      current.exceptions.map(({ location: _l, ...e }) => e),
    ) || base.sunset !== current.sunset
      ? [change('exceptions-changed', 'governance exceptions or sunset date changed', current.fieldLocations.exceptions ?? at)]
      : []),
  ];
}

function describeRule(rule: QualityRule): string {
  const target = 'columns' in rule ? rule.columns.join(', ') : 'column' in rule ? rule.column : '';
  return `${rule.kind}${target ? ` on ${target}` : ''}`;
}

const nullability = (column: ColumnSpec) => (column.required ? 'required' : 'nullable');

function access(consumer: ConsumerSpec): string {
  return `${consumer.access}${consumer.pii ? ' with PII' : ''}`;
}

/** The SLA as a contract writes it: `freshness 1h, availability 99.9%`. */
function describeSla(product: DataProductSpec): string {
  const { freshnessMinutes: minutes, availabilityPercent: percent } = product.sla;
  const freshness = minutes === undefined ? 'none' : minutes % 1440 === 0 ? `${minutes / 1440}d` : minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}m`;
  return `freshness ${freshness}, availability ${percent === undefined ? 'none' : `${percent}%`}`;
}

function days(value: number): string {
  return Number.isFinite(value) ? `${value} days` : 'forever';
}
