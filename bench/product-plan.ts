/**
 * One generated data product, decided before it is written in either contract format: columns,
 * partitions, quality rules, consumers, SLA and retention, drawn from the product's own random
 * stream. Every plan passes validation and governance with no finding at all.
 */
import { EVENT_DATE, FACT_COLUMNS, INGEST_HOUR, LINE_NUMBER, PII_COLUMNS, SUBJECTS, UPDATED_AT, type ColumnTemplate } from './columns';
import type { Random } from './random';

export interface PlannedColumn {
  readonly name: string;
  readonly type: string;
  readonly description: string;
  readonly classification: string;
  readonly required?: boolean;
  readonly primaryKey?: boolean;
  readonly tags?: readonly string[];
}

/** A quality rule in the native contract's shape. */
export interface PlannedRule {
  readonly rule: 'not_null' | 'unique' | 'accepted_values' | 'range' | 'pattern' | 'row_count' | 'freshness';
  readonly column?: string;
  readonly columns?: readonly string[];
  readonly values?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly maxAge?: string;
  readonly description?: string;
}

export interface PlannedConsumer {
  readonly domain?: string;
  readonly principal?: string;
  readonly access: 'read' | 'write';
  readonly pii?: boolean;
  readonly reason: string;
}

export interface ProductPlan {
  readonly domain: string;
  readonly name: string;
  readonly version: string;
  readonly status: 'active' | 'deprecated';
  readonly sunset?: string;
  readonly description: string;
  readonly owner: { readonly team: string; readonly email: string };
  readonly sla: { readonly freshness: string; readonly availability: string };
  readonly format: 'parquet' | 'orc' | 'avro' | 'json' | 'csv' | 'iceberg';
  readonly partitionBy: readonly string[];
  readonly retention?: string;
  readonly columns: readonly PlannedColumn[];
  readonly quality: readonly PlannedRule[];
  readonly consumers: readonly PlannedConsumer[];
  readonly tags: Readonly<Record<string, string>>;
}

export interface ProductContext {
  readonly domain: string;
  /** 0-based position of the product in its domain; part of its name. */
  readonly index: number;
  readonly otherDomains: readonly string[];
  readonly team: string;
  readonly email: string;
  readonly costCenter: string;
}

const FORMATS: readonly ProductPlan['format'][] = ['parquet', 'parquet', 'parquet', 'parquet', 'iceberg', 'iceberg', 'orc', 'avro', 'json', 'csv'];
const FRESHNESS = ['15m', '1h', '6h', '24h'];
const AVAILABILITY = ['99.9%', '99.5%', '99%'];
const PII_RETENTION = ['400d', '2y', '3y', '5y', '7y'];
const OTHER_RETENTION = ['90d', '1y', '2y', '5y', '10y'];
const KEY_TYPES = ['bigint', 'varchar(36)', 'string'];
const CENTRAL_BI = 'arn:aws:iam::444444444444:role/central-bi-reader';
const READ_REASONS = [
  'Joins it with its own facts for the weekly performance report.',
  'Feeds the demand forecast models retrained every night.',
  'Reconciles its own bookings against these records at month end.',
  'Builds the operational dashboards its team reviews every morning.',
];
const PII_REASONS = [
  'Fraud checks compare the personal details with the account holder profile.',
  'Answers GDPR access and erasure requests for every record of a person.',
  'Contacts the person about open service cases, as agreed in the privacy notice.',
];

export function planProduct(random: Random, context: ProductContext): ProductPlan {
  const subject = SUBJECTS[(context.index + context.domain.length) % SUBJECTS.length];
  const name = `${subject.stem}_${String(context.index + 1).padStart(3, '0')}`;
  const format = random.pick(FORMATS);
  const nested = format !== 'csv';
  const columnCount = random.int(8, 30);

  const keys: PlannedColumn[] = [
    {
      name: `${subject.entity}_id`,
      type: random.pick(KEY_TYPES),
      description: `Identifier of the ${subject.entity.replace(/_/g, ' ')}, unique per row.`,
      classification: 'internal',
      primaryKey: true,
    },
  ];
  if (random.chance(0.2)) keys.push({ ...column(LINE_NUMBER), primaryKey: true });
  const partitions: ColumnTemplate[] = random.chance(0.4) ? (random.chance(0.25) ? [EVENT_DATE, INGEST_HOUR] : [EVENT_DATE]) : [];
  const pii = random.chance(0.5)
    ? random.sample(
        PII_COLUMNS.filter((c) => nested || !c.type.includes('<')),
        random.int(1, 4),
      )
    : [];
  const fixed = keys.length + 1 + partitions.length + pii.length;
  const facts = random.sample(
    FACT_COLUMNS.filter((c) => nested || !c.type.includes('<')),
    Math.max(0, columnCount - fixed),
  );
  const columns = [...keys, ...[...facts, ...pii].map(column), column(UPDATED_AT), ...partitions.map(column)];

  const quality: PlannedRule[] = [...keys.map((k) => ({ rule: 'not_null' as const, column: k.name }))];
  quality.push(keys.length === 1 ? { rule: 'unique', column: keys[0].name } : { rule: 'unique', columns: keys.map((k) => k.name) });
  const checkable = [...facts, ...pii].filter((c) => c.rule && random.chance(0.5)).slice(0, 4);
  for (const c of checkable) {
    const { rule, ...settings } = c.rule!;
    quality.push({ rule, column: c.name, ...settings });
  }
  if (random.chance(0.6)) quality.push({ rule: 'freshness', column: UPDATED_AT.name, maxAge: random.pick(['2h', '1d', '2d']) });
  if (random.chance(0.5)) quality.push({ rule: 'row_count', min: random.pick([1, 100, 1000, 50000]), description: 'Fewer rows than this means a broken feed.' });

  const holdsPii = pii.length > 0;
  const freshness = random.pick(FRESHNESS);
  const consumers: PlannedConsumer[] = random.sample(context.otherDomains, random.int(0, 3)).map((domain) => {
    const approved = holdsPii && random.chance(0.4);
    return { domain, access: 'read', ...(holdsPii ? { pii: approved } : {}), reason: approved ? random.pick(PII_REASONS) : random.pick(READ_REASONS) };
  });
  if (random.chance(0.15)) consumers.push({ principal: CENTRAL_BI, access: 'read', pii: false, reason: 'The central BI team builds the group dashboards from it.' });
  if (random.chance(0.3)) consumers.push({ domain: context.domain, access: 'write', reason: `The ${context.domain} ingestion job writes new rows every ${freshness}.` });

  const deprecated = random.chance(0.05);
  return {
    domain: context.domain,
    name,
    version: `${random.int(1, 4)}.${random.int(0, 12)}.${random.int(0, 9)}`,
    status: deprecated ? 'deprecated' : 'active',
    sunset: deprecated ? '2031-12-31' : undefined,
    description:
      `One row per ${subject.phrase}, produced by the ${context.domain.replace(/_/g, ' ')} ${subject.stem.replace(/_/g, ' ')} pipeline every ${freshness}. ` +
      (holdsPii ? 'Holds personal data: consumers not approved for PII see every other column only. ' : '') +
      (deprecated ? `Deprecated: move to ${subject.stem}_v2 before the sunset date.` : 'Rows are corrected in place when the source system changes them.'),
    owner: { team: context.team, email: context.email },
    sla: { freshness, availability: random.pick(AVAILABILITY) },
    format,
    partitionBy: partitions.map((p) => p.name),
    retention: holdsPii ? random.pick(PII_RETENTION) : random.chance(0.5) ? random.pick(OTHER_RETENTION) : undefined,
    columns,
    quality,
    consumers,
    tags: { CostCenter: context.costCenter, Tier: random.pick(['gold', 'silver', 'bronze']) },
  };
}

function column(template: ColumnTemplate): PlannedColumn {
  return {
    name: template.name,
    type: template.type,
    description: template.description,
    classification: template.classification,
    ...(template.required ? { required: true } : {}),
    ...(template.classification === 'pii' ? { tags: ['gdpr_erasable'] } : {}),
  };
}
