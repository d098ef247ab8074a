/**
 * The native `datamesh/v1` contract format -> DataProductSpec. Runs after schema validation, so
 * shapes are known; what is checked here is what a schema cannot say: Glue types, references
 * between fields, and duplicates.
 */
import { classifyColumn, mostSensitive, storesNestedTypes } from './column-rules';
import { columnLayout, lineageField } from './product-spec';
import { durationToDays, durationToMinutes, percentToNumber } from './duration';
import type { ContractError } from './errors';
import { formatGlueType, isScalarGlueType, parseGlueType } from './glue-type';
import { type Classification, type ColumnSpec, type ConsumerSpec, type DataProductSpec, type GovernanceException, type OutputFormat, type QualityRule } from './model';
import { quote } from './limits';
import { dqdlPatternProblem } from './patterns';
import { normalizeInputs, type NativeInput } from './lineage-inputs';
import { formatPath, type DocPath, type SourceDocument } from './source';

/** The contract as the schema guarantees it. */
interface NativeContract {
  id: string;
  domain: string;
  name: string;
  version: string;
  status: DataProductSpec['status'];
  description: string;
  sunset?: string;
  owner: { team: string; email: string };
  sla?: { freshness?: string; availability?: string; checkEvery?: string; checkSchedule?: string };
  output: { format: OutputFormat; partitionBy?: string[]; retention?: string; location?: string; database?: string };
  schema: NativeColumn[];
  quality?: NativeQualityRule[];
  consumers?: NativeConsumer[];
  inputs?: NativeInput[];
  governance?: { exceptions?: { rule: string; reason: string; expires: string }[] };
  tags?: Record<string, string>;
}
interface NativeColumn {
  name: string;
  type: string;
  description?: string;
  required?: boolean;
  primaryKey?: boolean;
  classification?: Classification;
  tags?: string[];
}
export type NativeQualityRule = {
  rule: QualityRule['kind'];
  description?: string;
  column?: string;
  columns?: string[];
  values?: (string | number)[];
  min?: number;
  max?: number;
  pattern?: string;
  maxAge?: string;
};
interface NativeConsumer {
  domain?: string;
  principal?: string;
  access: 'read' | 'write';
  pii?: boolean;
  reason: string;
}

export { mostSensitive };

export function normalizeNativeContract(document: SourceDocument, value: unknown): { spec?: DataProductSpec; errors: ContractError[] } {
  const contract = value as NativeContract;
  const errors: ContractError[] = [];
  const fail = (path: DocPath, message: string, hint: string, offset?: number) =>
    errors.push({
      ...(offset === undefined ? document.locate(path) : document.locateWithin(path, offset)),
      path: formatPath(path),
      message,
      hint,
    });

  const expectedId = `${contract.domain}.${contract.name}`;
  if (contract.id !== expectedId) {
    fail(['id'], `id "${contract.id}" does not match domain and name`, `set \`id: ${expectedId}\`, or fix \`domain\`/\`name\``);
  }

  const columns = contract.schema.map((column, index) => normalizeColumn(document, column, index, contract.output.format, fail));
  // Names are collected from the document, not from the parsed columns, so a column with a bad
  // type still counts as declared and its references do not pile up follow-on errors.
  const declared = new Map<string, number>();
  contract.schema.forEach((column, index) => {
    const key = column.name.toLowerCase();
    const first = declared.get(key);
    if (first !== undefined) {
      const line = document.locate(['schema', first]).line;
      fail(['schema', index, 'name'], `duplicate column "${column.name}" (first declared at line ${line})`, 'column names must be unique; rename or remove one of them');
    } else {
      declared.set(key, index);
    }
  });
  const byName = new Map<string, ColumnSpec | undefined>([...declared].map(([name, index]) => [name, columns[index]]));

  const partitionBy = contract.output.partitionBy ?? [];
  partitionBy.forEach((name, index) => {
    const column = byName.get(name);
    if (!byName.has(name)) {
      fail(['output', 'partitionBy', index], `partition column "${name}" is not in schema`, `add a column named "${name}" to \`schema\`, or remove it from partitionBy`);
    } else if (column && !isScalarGlueType(column.type)) {
      fail(['output', 'partitionBy', index], `partition column "${name}" has nested type ${column.glueType}`, 'partition by a column of a scalar type such as date, string or int');
    }
  });

  if (contract.sla?.checkEvery !== undefined && contract.sla.checkSchedule !== undefined) {
    fail(['sla', 'checkSchedule'], 'sla states both checkEvery and checkSchedule', 'keep one: checkEvery for an interval (e.g. 1h), checkSchedule for a cron(...) or rate(...) expression');
  }
  const quality = (contract.quality ?? []).map((rule, index) => normalizeQualityRule(document, rule, ['quality', index], byName, fail));
  const consumers = (contract.consumers ?? []).map((consumer, index) => normalizeConsumer(document, consumer, index));
  const exceptions: GovernanceException[] = (contract.governance?.exceptions ?? []).map((exception, index) => ({
    ...exception,
    location: document.locate(['governance', 'exceptions', index]),
  }));

  const inputs = normalizeInputs(document, contract.inputs ?? [], ['inputs'], fail);

  if (errors.length > 0) return { errors };

  const valid = columns as ColumnSpec[];
  return {
    errors,
    spec: {
      id: contract.id,
      domain: contract.domain,
      name: contract.name,
      version: contract.version,
      status: contract.status,
      description: contract.description.trim(),
      owner: contract.owner,
      sla: {
        freshnessMinutes: contract.sla?.freshness ? durationToMinutes(contract.sla.freshness) : undefined,
        availabilityPercent: contract.sla?.availability ? percentToNumber(contract.sla.availability) : undefined,
        checkEveryMinutes: contract.sla?.checkEvery ? durationToMinutes(contract.sla.checkEvery) : undefined,
        checkSchedule: contract.sla?.checkSchedule,
      },
      output: {
        format: contract.output.format,
        partitionBy,
        retentionDays: contract.output.retention ? durationToDays(contract.output.retention) : undefined,
        ...declaredPlacement(document, contract.output),
      },
      ...columnLayout(valid, partitionBy),
      quality: quality as QualityRule[],
      consumers,
      exceptions,
      ...lineageField(inputs),
      sunset: contract.sunset,
      tags: contract.tags ?? {},
      source: { file: document.file, format: 'native' },
      location: document.locate([]),
      fieldLocations: {
        name: document.locate(['name'], 'key'),
        version: document.locate(['version'], 'key'),
        status: document.locate(['status'], 'key'),
        owner: document.locate(['owner'], 'key'),
        sla: document.locate(['sla'], 'key'),
        retention: document.locate(['output', 'retention'], 'key'),
        tags: document.locate(['tags'], 'key'),
        description: document.locate(['description'], 'key'),
        format: document.locate(['output', 'format'], 'key'),
        partitionBy: document.locate(['output', 'partitionBy'], 'key'),
        schema: document.locate(['schema'], 'key'),
        quality: document.locate(['quality'], 'key'),
        consumers: document.locate(['consumers'], 'key'),
        inputs: document.locate(['inputs'], 'key'),
        exceptions: document.locate(['governance', 'exceptions'], 'key'),
      },
    },
  };
}

/** A declared location or database: checked against the platform's names when the mesh loads (placement.ts). */
function declaredPlacement(document: SourceDocument, output: NativeContract['output']): Pick<DataProductSpec['output'], 'location' | 'database' | 'declared'> {
  const declared = (['location', 'database'] as const)
    .filter((kind) => output[kind] !== undefined)
    .map((kind) => ({ kind, value: output[kind]!, path: `output.${kind}`, location: document.locate(['output', kind]) }));
  return declared.length === 0 ? {} : { location: output.location, database: output.database, declared };
}

export type Fail = (path: DocPath, message: string, hint: string, offset?: number) => void;

/**
 * Glue type errors of a document that failed schema validation: the normalizer does not run on
 * a document of the wrong shape, but a broken type is worth reporting in the same pass.
 */
export function columnTypeErrors(document: SourceDocument, value: unknown): ContractError[] {
  const columns = (value as { schema?: unknown }).schema;
  if (!Array.isArray(columns)) return [];
  return columns.flatMap((column, index) => {
    const type = (column as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || type.length === 0) return [];
    const parsed = parseGlueType(type);
    if (parsed.ok) return [];
    const path = ['schema', index, 'type'];
    return [{ ...document.locateWithin(path, parsed.error.offset), path: formatPath(path), message: `invalid Glue type ${quote(type)}: ${parsed.error.message}`, hint: parsed.error.hint }];
  });
}

/**
 * Quality patterns in the dialect Glue runs them in. Like Glue types, they are checked whatever
 * the rest of the document looks like, so a bad pattern is reported in the same pass.
 */
export function qualityPatternErrors(document: SourceDocument, value: unknown): ContractError[] {
  const rules = (value as { quality?: unknown }).quality;
  if (!Array.isArray(rules)) return [];
  return rules.flatMap((rule, index) => {
    const { rule: kind, pattern } = (rule ?? {}) as { rule?: unknown; pattern?: unknown };
    if (kind !== 'pattern' || typeof pattern !== 'string') return [];
    const problem = dqdlPatternProblem(pattern);
    if (!problem) return [];
    const path = ['quality', index, 'pattern'];
    return [{ ...document.locate(path), path: formatPath(path), message: `pattern ${quote(pattern)}: ${problem.message}`, hint: problem.hint }];
  });
}

function normalizeColumn(document: SourceDocument, column: NativeColumn, index: number, format: OutputFormat, fail: Fail): ColumnSpec | undefined {
  const typePath = ['schema', index, 'type'];
  const parsed = parseGlueType(column.type);
  if (!parsed.ok) {
    fail(typePath, `invalid Glue type ${quote(column.type)}: ${parsed.error.message}`, parsed.error.hint, parsed.error.offset);
    return undefined;
  }
  if (!storesNestedTypes(format) && !isScalarGlueType(parsed.type)) {
    fail(typePath, `format ${format} cannot store the nested type ${formatGlueType(parsed.type)}`, 'use parquet, orc, avro, json or iceberg for nested data, or flatten the column');
    return undefined;
  }
  const tags = column.tags ?? [];
  return {
    name: column.name,
    type: parsed.type,
    glueType: formatGlueType(parsed.type),
    description: column.description?.trim(),
    required: column.required ?? column.primaryKey ?? false,
    primaryKey: column.primaryKey ?? false,
    ...classifyColumn(column.classification, tags),
    tags,
    location: document.locate(['schema', index]),
  };
}

/** Also used for ODCS checks of the `datamesh` engine, whose implementation is a native rule. */
export function normalizeQualityRule(document: SourceDocument, rule: NativeQualityRule, path: DocPath, columns: ReadonlyMap<string, unknown>, fail: Fail): QualityRule | undefined {
  const referenced = rule.columns ?? (rule.column ? [rule.column] : []);
  const unknown = referenced.filter((name) => !columns.has(name));
  if (unknown.length > 0) {
    fail([...path, rule.columns ? 'columns' : 'column'], `quality rule refers to unknown column "${unknown[0]}"`, `use a column declared in \`schema\`: ${[...columns.keys()].join(', ')}`);
    return undefined;
  }
  if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max) {
    fail([...path, 'min'], `min ${rule.min} is greater than max ${rule.max}`, 'swap min and max');
    return undefined;
  }
  const base = { description: rule.description, location: document.locate(path) };
  switch (rule.rule) {
    case 'not_null':
      return { ...base, kind: 'not_null', column: rule.column! };
    case 'unique':
      return { ...base, kind: 'unique', columns: referenced };
    case 'accepted_values':
      return { ...base, kind: 'accepted_values', column: rule.column!, values: rule.values! };
    case 'range':
      return { ...base, kind: 'range', column: rule.column!, min: rule.min, max: rule.max };
    case 'pattern':
      return { ...base, kind: 'pattern', column: rule.column!, pattern: rule.pattern! };
    case 'row_count':
      return { ...base, kind: 'row_count', min: rule.min, max: rule.max };
    case 'freshness':
      return { ...base, kind: 'freshness', column: rule.column!, maxAgeMinutes: durationToMinutes(rule.maxAge!) };
  }
}

function normalizeConsumer(document: SourceDocument, consumer: NativeConsumer, index: number): ConsumerSpec {
  const base = { access: consumer.access, pii: consumer.pii ?? false, reason: consumer.reason, location: document.locate(['consumers', index]) };
  return consumer.domain !== undefined ? { ...base, kind: 'domain', domain: consumer.domain } : { ...base, kind: 'principal', principal: consumer.principal! };
}
