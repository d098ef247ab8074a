/**
 * DataProductSpec -> ODCS YAML of v3.2.0, v3.1.0 or v3.0.2 that the project's (and the official)
 * schema of that version accepts, so any contract of the mesh, native or ODCS, can be handed to
 * ODCS tools. What ODCS has no field for travels in `customProperties` named datamesh*, which the
 * ODCS reader understands again; what an older version cannot say is listed by
 * `odcsExportLosses`, so that no caller drops it silently.
 */
import { Document } from 'yaml';
import type { ContractError } from '../errors';
import { formatGlueType, type GlueType } from '../glue-type';
import type { ColumnSpec, DataProductSpec } from '../model';
import { validateAgainstSchema } from '../schema';
import { SourceDocument } from '../source';
import { EXTRA } from './custom-properties';
import { exportInputs } from './inputs';
import { durationParts, placeQualityRules, type PlacedChecks } from './export-quality';
import { ODCS_EXPORT_VERSIONS, schemaNameOf, schemaVersionOf, type OdcsExportVersion } from './header';

export interface OdcsExportOptions {
  /**
   * Where the product's data lives, e.g. `s3://<productBucketName(...)>/data/`; the contract layer
   * does not know the bucket (it depends on organization and environment). Written as the server
   * location. @default the location the contract itself declared, if any
   */
  readonly location?: string;
  /** The domain's AWS account: with a database, the server is written as a glue server. @default none: an s3 server */
  readonly account?: string;
  /** The Glue database. @default the database the contract itself declared, if any */
  readonly database?: string;
  /** The server's environment, e.g. prod. @default none */
  readonly environment?: string;
  /** The ODCS version to write. @default the newest of v3.2.0, v3.1.0, v3.0.2 whose schema accepts the output */
  readonly odcsVersion?: OdcsExportVersion;
}

type Yaml = Record<string, unknown>;

export function exportOdcs(spec: DataProductSpec, options: OdcsExportOptions = {}): string {
  if (options.odcsVersion) return writeOdcs(spec, options, options.odcsVersion);
  for (const version of ODCS_EXPORT_VERSIONS) {
    const text = writeOdcs(spec, options, version);
    if (odcsExportErrors(text, version).length === 0) return text;
  }
  // Every version's writer is made for its schema: reaching this is a bug, not a contract problem.
  throw new Error(
    `no ODCS version's schema accepts the export of ${spec.id}: ${odcsExportErrors(writeOdcs(spec, options, ODCS_EXPORT_VERSIONS[0]), ODCS_EXPORT_VERSIONS[0])
      .map((e) => `${e.path}: ${e.message}`)
      .join('; ')}`,
  );
}

/** What the project's schema of `version` finds wrong with an exported text; empty when it accepts it. */
export function odcsExportErrors(text: string, version: OdcsExportVersion): ContractError[] {
  const { document, errors } = SourceDocument.parse('export.odcs.yaml', text);
  if (!document) return errors;
  return validateAgainstSchema(schemaNameOf(schemaVersionOf(version)), document, document.toJS());
}

/** What the model says that ODCS `version` has no field for, in words: export leaves it out. */
export function odcsExportLosses(spec: DataProductSpec, version: OdcsExportVersion): string[] {
  if (version === 'v3.2.0') return [];
  const columns = [...spec.columns, ...spec.partitionKeys];
  const named = (what: string, list: readonly string[]) => (list.length > 0 ? [`${what} (${list.join(', ')})`] : []);
  return [
    ...named(
      'deprecated columns',
      columns.filter((c) => c.deprecated).map((c) => c.name),
    ),
    ...named(
      'semantic types',
      columns.filter((c) => c.semanticType).map((c) => `${c.name}: ${c.semanticType}`),
    ),
    ...named('synonyms', [...(spec.synonyms ?? []), ...columns.flatMap((c) => c.synonyms ?? [])]),
    ...(spec.context ? ['the context block'] : []),
  ].map((what) => `ODCS ${version} has no field for ${what}: left out; export --odcs-version v3.2.0 keeps it`);
}

function writeOdcs(spec: DataProductSpec, options: OdcsExportOptions, version: OdcsExportVersion): string {
  const v30 = version.startsWith('v3.0.');
  const propertyNames = new Map([...spec.columns, ...spec.partitionKeys].map((c) => [c.name, c.propertyName ?? c.name]));
  const checks = placeQualityRules(spec.quality, version, (column) => propertyNames.get(column) ?? column);
  const servers = exportServers(spec, options, version);
  const v32 = version === 'v3.2.0';
  const contract: Yaml = {
    apiVersion: version,
    kind: 'DataContract',
    id: spec.id,
    name: spec.name,
    version: spec.version,
    status: spec.status,
    domain: spec.domain,
    ...(spec.description ? { description: { purpose: spec.description } } : {}),
    ...(v32 && spec.context ? { context: exportContext(spec.context) } : {}),
    ...exportTeam(spec, v30),
    ...(spec.owner.email ? { support: [{ channel: spec.owner.team || spec.owner.email, tool: 'email', url: `mailto:${spec.owner.email}` }] } : {}),
    ...nonEmpty('roles', spec.consumers.map(exportConsumer)),
    ...nonEmpty('slaProperties', exportServiceLevels(spec)),
    ...nonEmpty('servers', servers),
    schema: [exportTable(spec, checks, version)],
    ...nonEmpty(
      'customProperties',
      exportExtras(
        spec,
        servers.some((s) => s.format !== undefined),
      ),
    ),
  };
  // YAML 1.1 quoting, so that tools still on YAML 1.1 do not read "2027-06-30" as a date or "yes" as true.
  const document = new Document(contract, { version: '1.1' });
  document.commentBefore = ` ODCS ${version} export of ${spec.id}, written by datamesh from ${spec.source.file}.`;
  return document.toString({ lineWidth: 0 });
}

/** v3.1.0 on: a team with a name. v3.0.x: a list of members, the owner named by the team and reached at the mailbox. */
function exportTeam(spec: DataProductSpec, v30: boolean): Yaml {
  if (!spec.owner.team) return {};
  if (!v30) return { team: { name: spec.owner.team } };
  return { team: [{ username: spec.owner.email || spec.owner.team, name: spec.owner.team, role: 'owner' }] };
}

function exportContext(context: NonNullable<DataProductSpec['context']>): Yaml {
  return {
    ...(context.instructions ? { instructions: context.instructions } : {}),
    ...nonEmpty(
      'verifiedStatements',
      context.statements.map((s) => ({ question: s.question, ...(s.answer !== undefined ? { answer: s.answer } : {}) })),
    ),
    ...nonEmpty(
      'constraints',
      context.constraints.map((constraint) => ({ constraint })),
    ),
  };
}

function exportTable(spec: DataProductSpec, checks: PlacedChecks, version: OdcsExportVersion): Yaml {
  const primaryKeys = [...spec.columns, ...spec.partitionKeys].filter((c) => c.primaryKey).map((c) => c.name);
  const properties = [
    ...spec.columns.map((column) => exportColumn(column, checks, primaryKeys, version)),
    ...spec.partitionKeys.map((column, index) => ({ ...exportColumn(column, checks, primaryKeys, version), partitioned: true, partitionKeyPosition: index + 1 })),
  ];
  const synonyms =
    version === 'v3.2.0'
      ? nonEmpty(
          'synonyms',
          (spec.synonyms ?? []).map((synonym) => ({ synonym })),
        )
      : {};
  return { name: spec.name, physicalType: 'table', ...synonyms, properties, ...nonEmpty('quality', [...checks.table]) };
}

function exportColumn(column: ColumnSpec, checks: PlacedChecks, primaryKeys: readonly string[], version: OdcsExportVersion): Yaml {
  const v32 = version === 'v3.2.0';
  return {
    // A property named otherwise than its column keeps both names, so governance judges both again.
    ...(column.propertyName !== undefined ? { name: column.propertyName, physicalName: column.name } : { name: column.name }),
    ...typeOf(column.type, version),
    physicalType: column.glueType,
    ...(column.description ? { description: column.description } : {}),
    ...(column.primaryKey ? { primaryKey: true, primaryKeyPosition: primaryKeys.indexOf(column.name) + 1 } : {}),
    // Explicit for keys too: a primary key that may be null says `required: false`.
    ...(column.required || column.primaryKey ? { required: column.required } : {}),
    ...(column.classificationDeclared ? { classification: column.classification } : {}),
    ...nonEmpty('tags', [...column.tags]),
    ...(v32 && column.semanticType ? { semanticType: column.semanticType } : {}),
    ...(v32
      ? nonEmpty(
          'synonyms',
          (column.synonyms ?? []).map((synonym) => ({ synonym })),
        )
      : {}),
    ...(v32 && column.deprecated ? { deprecated: true } : {}),
    ...nonEmpty('quality', checks.byColumn.get(column.name) ?? []),
  };
}

/** logicalType and options for a Glue type, so that ODCS tools that read only logical types understand it. */
function typeOf(type: GlueType, version: OdcsExportVersion): Yaml {
  const nested = (inner: GlueType): Yaml => ({ ...typeOf(inner, version), physicalType: formatGlueType(inner) });
  switch (type.kind) {
    case 'primitive':
      switch (type.name) {
        case 'tinyint':
        case 'smallint':
        case 'int':
        case 'bigint':
          return { logicalType: 'integer', logicalTypeOptions: { format: { tinyint: 'i8', smallint: 'i16', int: 'i32', bigint: 'i64' }[type.name] } };
        case 'float':
        case 'double':
          return { logicalType: 'number', logicalTypeOptions: { format: type.name === 'float' ? 'f32' : 'f64' } };
        case 'binary':
          return {}; // ODCS has no logical type for bytes; the physical type says it.
        case 'timestamp':
          // v3.0.x has no timestamp logical type: a date, with the physical type saying which.
          return { logicalType: version.startsWith('v3.0.') ? 'date' : 'timestamp' };
        default:
          return { logicalType: type.name };
      }
    case 'decimal':
      return { logicalType: 'number' };
    case 'varchar':
      return { logicalType: 'string', logicalTypeOptions: { maxLength: type.length } };
    case 'char':
      return { logicalType: 'string', logicalTypeOptions: { minLength: type.length, maxLength: type.length } };
    case 'array':
      return { logicalType: 'array', items: nested(type.element) };
    case 'struct':
      return { logicalType: 'object', properties: type.fields.map((f) => ({ name: f.name, ...nested(f.type) })) };
    case 'map':
      // Before v3.2.0 ODCS has no map type; the physical type says it.
      return version === 'v3.2.0' ? { logicalType: 'map', map: { key: nested(type.key), value: nested(type.value) } } : { logicalType: 'object' };
  }
}

function exportConsumer(consumer: DataProductSpec['consumers'][number]): Yaml {
  return {
    role: consumer.kind === 'domain' ? consumer.domain : consumer.principal,
    access: consumer.access,
    ...(consumer.reason ? { description: consumer.reason } : {}),
    ...(consumer.pii ? { customProperties: [{ property: EXTRA.pii, value: true }] } : {}),
  };
}

function exportServiceLevels(spec: DataProductSpec): Yaml[] {
  const out: Yaml[] = [];
  if (spec.sla.freshnessMinutes !== undefined) out.push({ property: 'latency', ...durationValue(spec.sla.freshnessMinutes) });
  if (spec.sla.availabilityPercent !== undefined) out.push({ property: 'availability', value: spec.sla.availabilityPercent, unit: 'percent' });
  if (spec.sla.checkEveryMinutes !== undefined) out.push({ property: 'frequency', ...durationValue(spec.sla.checkEveryMinutes) });
  if (spec.output.retentionDays !== undefined) out.push({ property: 'retention', value: spec.output.retentionDays, unit: 'd' });
  return out;
}

function durationValue(minutes: number): Yaml {
  const { value, unit } = durationParts(minutes);
  // ODCS reads "m" as ambiguous (minutes or months); "min" is not.
  return { value, unit: unit === 'm' ? 'min' : unit };
}

// ODCS v3.0.x lists the formats of an s3 server; other formats travel in datameshFormat.
const V30_S3_FORMATS = new Set(['parquet', 'json', 'csv']);

function exportServers(spec: DataProductSpec, options: OdcsExportOptions, version: OdcsExportVersion): Yaml[] {
  const location = options.location ?? spec.output.location;
  const database = options.database ?? spec.output.database;
  const environment = options.environment ? { environment: options.environment } : {};
  const format = { format: spec.output.format };
  if (options.account && database) {
    return [{ server: options.environment ?? 'glue', type: 'glue', ...environment, account: options.account, database, ...(location ? { location } : {}), ...format }];
  }
  const s3Format = version.startsWith('v3.0.') && !V30_S3_FORMATS.has(spec.output.format) ? {} : format;
  return location ? [{ server: options.environment ?? 's3', type: 's3', ...environment, location, ...s3Format }] : [];
}

function exportExtras(spec: DataProductSpec, serverSaysFormat: boolean): Yaml[] {
  return [
    ...(Object.keys(spec.tags).length > 0 ? [{ property: EXTRA.tags, value: { ...spec.tags } }] : []),
    ...(spec.exceptions.length > 0 ? [{ property: EXTRA.exceptions, value: spec.exceptions.map(({ rule, reason, expires }) => ({ rule, reason, expires })) }] : []),
    ...(spec.sunset ? [{ property: EXTRA.sunset, value: spec.sunset }] : []),
    ...(spec.sla.checkSchedule ? [{ property: EXTRA.checkSchedule, value: spec.sla.checkSchedule }] : []),
    ...exportInputs(spec.inputs),
    ...(serverSaysFormat ? [] : [{ property: EXTRA.format, value: spec.output.format }]),
  ];
}

function nonEmpty(key: string, list: readonly unknown[]): Yaml {
  return list.length > 0 ? { [key]: list } : {};
}
