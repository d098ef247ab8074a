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
  return [...columnChanges(base, current), ...storageChanges(base, current), ...promiseChanges(base, current), ...consumerChanges(base, current), ...qualityChanges(base, current), ...metadataChanges(base, current)];
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
      changes.push(change('column-removed', `column "${old.name}" was removed (or renamed)`, current.location));
      continue;
    }
    if (formatGlueType(old.type) !== formatGlueType(column.type)) {
      const widened = isWidening(old.type, column.type);
      changes.push(change(widened ? 'column-type-widened' : 'column-type-narrowed', `column "${old.name}" changed type from ${old.glueType} to ${column.glueType}`, column.location));
    }
    if (old.required !== column.required) {
      changes.push(change(column.required ? 'column-made-required' : 'column-made-optional', `column "${old.name}" is now ${column.required ? 'required' : 'nullable'}`, column.location));
    }
    const rank = CLASSIFICATIONS.indexOf(column.classification) - CLASSIFICATIONS.indexOf(old.classification);
    if (rank !== 0) {
      changes.push(change(rank < 0 ? 'classification-loosened' : 'classification-tightened', `column "${old.name}" classification changed from ${old.classification} to ${column.classification}`, column.location));
    }
    if ((old.description ?? '') !== (column.description ?? '')) changes.push(change('description-changed', `column "${old.name}" description changed`, column.location));
    if (old.tags.join(',') !== column.tags.join(',')) changes.push(change('tags-changed', `column "${old.name}" tags changed`, column.location));
  }
  for (const column of now.values()) {
    if (before.has(column.name)) continue;
    changes.push(change(column.required ? 'column-added-required' : 'column-added-optional', `${column.required ? 'required' : 'optional'} column "${column.name}" was added`, column.location));
  }
  return changes;
}

function storageChanges(base: DataProductSpec, current: DataProductSpec): Change[] {
  const changes: Change[] = [];
  const at = current.location;
  if (base.output.partitionBy.join(',') !== current.output.partitionBy.join(',')) {
    changes.push(change('partitioning-changed', `partition keys changed from [${base.output.partitionBy.join(', ')}] to [${current.output.partitionBy.join(', ')}]`, at));
  }
  if (base.output.format !== current.output.format) changes.push(change('format-changed', `output format changed from ${base.output.format} to ${current.output.format}`, at));
  // Only declarations the contract made on both sides count: the platform names buckets itself, so
  // gaining a declaration (e.g. by export to ODCS) moves nothing.
  const moved = (a?: string, b?: string) => a !== undefined && b !== undefined && a !== b;
  if (moved(base.output.location, current.output.location) || moved(base.output.database, current.output.database)) {
    changes.push(change('location-changed', 'the declared location or database changed', at));
  }
  const [was, is] = [base.output.retentionDays ?? Infinity, current.output.retentionDays ?? Infinity];
  if (is < was) changes.push(change('retention-shortened', `retention shortened from ${days(was)} to ${days(is)}`, at));
  if (is > was) changes.push(change('retention-extended', `retention extended from ${days(was)} to ${days(is)}`, at));
  return changes;
}

function promiseChanges(base: DataProductSpec, current: DataProductSpec): Change[] {
  const changes: Change[] = [];
  const at = current.location;
  const freshness = [base.sla.freshnessMinutes ?? Infinity, current.sla.freshnessMinutes ?? Infinity];
  const availability = [base.sla.availabilityPercent ?? 0, current.sla.availabilityPercent ?? 0];
  if (freshness[1] > freshness[0] || availability[1] < availability[0]) changes.push(change('sla-weakened', 'the SLA promises less freshness or availability than before', at));
  else if (freshness[1] < freshness[0] || availability[1] > availability[0]) changes.push(change('sla-strengthened', 'the SLA promises more freshness or availability than before', at));
  if (CLASSIFICATIONS.indexOf(current.classification) < CLASSIFICATIONS.indexOf(base.classification)) {
    changes.push(change('classification-loosened', `product classification loosened from ${base.classification} to ${current.classification}`, at));
  }
  if (base.status !== current.status) changes.push(change('status-changed', `status changed from ${base.status} to ${current.status}`, at));
  return changes;
}

/** A consumer is identified by who it is; its access level may go up (additive) or down (breaking). */
function consumerChanges(base: DataProductSpec, current: DataProductSpec): Change[] {
  const key = (c: ConsumerSpec) => (c.kind === 'domain' ? `domain ${c.domain}` : c.principal);
  const level = (c: ConsumerSpec) => (c.access === "write" ? 2 : 1) + (c.pii ? 0.5 : 0);
  const now = new Map(current.consumers.map((c) => [key(c), c]));
  const before = new Map(base.consumers.map((c) => [key(c), c]));
  const changes: Change[] = [];
  for (const [who, old] of before) {
    const consumer = now.get(who);
    if (!consumer || level(consumer) < level(old)) changes.push(change('consumer-access-removed', `${who} ${consumer ? 'has less access than before' : 'is no longer a consumer'}`, consumer?.location ?? current.location));
    else if (level(consumer) > level(old)) changes.push(change('consumer-added', `${who} was given more access`, consumer.location));
  }
  for (const [who, consumer] of now) if (!before.has(who)) changes.push(change('consumer-added', `${who} was added as a consumer`, consumer.location));
  return changes;
}

function qualityChanges(base: DataProductSpec, current: DataProductSpec): Change[] {
  const key = ({ location: _location, description: _description, ...rule }: QualityRule) => JSON.stringify(rule);
  const now = new Set(current.quality.map(key));
  const before = new Set(base.quality.map(key));
  return [
    ...base.quality.filter((q) => !now.has(key(q))).map((q) => change('quality-rule-removed', `quality rule ${describeRule(q)} was removed`, current.location)),
    ...current.quality.filter((q) => !before.has(key(q))).map((q) => change('quality-rule-added', `quality rule ${describeRule(q)} was added`, q.location)),
  ];
}

function metadataChanges(base: DataProductSpec, current: DataProductSpec): Change[] {
  const at = current.location;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return [
    ...(base.description !== current.description ? [change('description-changed', 'product description changed', at)] : []),
    ...(!same(base.tags, current.tags) ? [change('tags-changed', 'product tags changed', at)] : []),
    ...(!same(base.owner, current.owner) ? [change('owner-changed', `owner changed from ${base.owner.team} to ${current.owner.team}`, at)] : []),
    ...(!same(base.exceptions.map(({ location: _l, ...e }) => e), current.exceptions.map(({ location: _l, ...e }) => e)) || base.sunset !== current.sunset
      ? [change('exceptions-changed', 'governance exceptions or sunset date changed', at)]
      : []),
  ];
}

function describeRule(rule: QualityRule): string {
  const target = 'columns' in rule ? rule.columns.join(', ') : 'column' in rule ? rule.column : '';
  return `${rule.kind}${target ? ` on ${target}` : ''}`;
}

function days(value: number): string {
  return Number.isFinite(value) ? `${value} days` : 'forever';
}
