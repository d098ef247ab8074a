/**
 * DataProductSpec -> ODCS v3.1.0 YAML that the official schema accepts, so any contract of the
 * mesh, native or ODCS, can be handed to ODCS tools. What ODCS has no field for travels in
 * `customProperties` named datamesh*, which the ODCS reader understands again.
 */
import { Document } from 'yaml';
import { formatGlueType, type GlueType } from '../glue-type';
import type { ColumnSpec, DataProductSpec } from '../model';
import { EXTRA } from './custom-properties';
import { exportInputs } from './inputs';
import { durationParts, placeQualityRules, type PlacedChecks } from './export-quality';
import { ODCS_EXPORT_VERSION } from './header';

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
}

type Yaml = Record<string, unknown>;

export function exportOdcs(spec: DataProductSpec, options: OdcsExportOptions = {}): string {
  const checks = placeQualityRules(spec.quality);
  const servers = exportServers(spec, options);
  const contract: Yaml = {
    apiVersion: ODCS_EXPORT_VERSION,
    kind: 'DataContract',
    id: spec.id,
    name: spec.name,
    version: spec.version,
    status: spec.status,
    domain: spec.domain,
    ...(spec.description ? { description: { purpose: spec.description } } : {}),
    ...(spec.owner.team ? { team: { name: spec.owner.team } } : {}),
    ...(spec.owner.email ? { support: [{ channel: spec.owner.team || spec.owner.email, tool: 'email', url: `mailto:${spec.owner.email}` }] } : {}),
    ...nonEmpty('roles', spec.consumers.map(exportConsumer)),
    ...nonEmpty('slaProperties', exportServiceLevels(spec)),
    ...nonEmpty('servers', servers),
    schema: [exportTable(spec, checks)],
    ...nonEmpty('customProperties', exportExtras(spec, servers.length > 0)),
  };
  // YAML 1.1 quoting, so that tools still on YAML 1.1 do not read "2027-06-30" as a date or "yes" as true.
  const document = new Document(contract, { version: '1.1' });
  document.commentBefore = ` ODCS ${ODCS_EXPORT_VERSION} export of ${spec.id}, written by datamesh from ${spec.source.file}.`;
  return document.toString({ lineWidth: 0 });
}

function exportTable(spec: DataProductSpec, checks: PlacedChecks): Yaml {
  const primaryKeys = [...spec.columns, ...spec.partitionKeys].filter((c) => c.primaryKey).map((c) => c.name);
  const properties = [
    ...spec.columns.map((column) => exportColumn(column, checks, primaryKeys)),
    ...spec.partitionKeys.map((column, index) => ({ ...exportColumn(column, checks, primaryKeys), partitioned: true, partitionKeyPosition: index + 1 })),
  ];
  return { name: spec.name, physicalType: 'table', properties, ...nonEmpty('quality', [...checks.table]) };
}

function exportColumn(column: ColumnSpec, checks: PlacedChecks, primaryKeys: readonly string[]): Yaml {
  return {
    name: column.name,
    ...typeOf(column.type),
    physicalType: column.glueType,
    ...(column.description ? { description: column.description } : {}),
    ...(column.primaryKey ? { primaryKey: true, primaryKeyPosition: primaryKeys.indexOf(column.name) + 1 } : {}),
    // Explicit for keys too: a primary key that may be null says `required: false`.
    ...(column.required || column.primaryKey ? { required: column.required } : {}),
    ...(column.classificationDeclared ? { classification: column.classification } : {}),
    ...nonEmpty('tags', [...column.tags]),
    ...nonEmpty('quality', checks.byColumn.get(column.name) ?? []),
  };
}

/** logicalType and options for a Glue type, so that ODCS tools that read only logical types understand it. */
function typeOf(type: GlueType): Yaml {
  switch (type.kind) {
    case 'primitive':
      switch (type.name) {
        case 'tinyint': case 'smallint': case 'int': case 'bigint':
          return { logicalType: 'integer', logicalTypeOptions: { format: { tinyint: 'i8', smallint: 'i16', int: 'i32', bigint: 'i64' }[type.name] } };
        case 'float': case 'double':
          return { logicalType: 'number', logicalTypeOptions: { format: type.name === 'float' ? 'f32' : 'f64' } };
        case 'binary':
          return {}; // ODCS has no logical type for bytes; the physical type says it.
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
      return { logicalType: 'array', items: { ...typeOf(type.element), physicalType: formatGlueType(type.element) } };
    case 'struct':
      return { logicalType: 'object', properties: type.fields.map((f) => ({ name: f.name, ...typeOf(f.type), physicalType: formatGlueType(f.type) })) };
    case 'map':
      return { logicalType: 'object' }; // ODCS has no map type; the physical type says it.
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
  if (spec.output.retentionDays !== undefined) out.push({ property: 'retention', value: spec.output.retentionDays, unit: 'd' });
  return out;
}

function durationValue(minutes: number): Yaml {
  const { value, unit } = durationParts(minutes);
  // ODCS reads "m" as ambiguous (minutes or months); "min" is not.
  return { value, unit: unit === 'm' ? 'min' : unit };
}

function exportServers(spec: DataProductSpec, options: OdcsExportOptions): Yaml[] {
  const location = options.location ?? spec.output.location;
  const database = options.database ?? spec.output.database;
  const environment = options.environment ? { environment: options.environment } : {};
  if (options.account && database) {
    return [{ server: options.environment ?? 'glue', type: 'glue', ...environment, account: options.account, database, ...(location ? { location } : {}), format: spec.output.format }];
  }
  return location ? [{ server: options.environment ?? 's3', type: 's3', ...environment, location, format: spec.output.format }] : [];
}

function exportExtras(spec: DataProductSpec, hasServer: boolean): Yaml[] {
  return [
    ...(Object.keys(spec.tags).length > 0 ? [{ property: EXTRA.tags, value: { ...spec.tags } }] : []),
    ...(spec.exceptions.length > 0 ? [{ property: EXTRA.exceptions, value: spec.exceptions.map(({ rule, reason, expires }) => ({ rule, reason, expires })) }] : []),
    ...(spec.sunset ? [{ property: EXTRA.sunset, value: spec.sunset }] : []),
    ...exportInputs(spec.inputs),
    ...(hasServer ? [] : [{ property: EXTRA.format, value: spec.output.format }]),
  ];
}

function nonEmpty(key: string, list: readonly unknown[]): Yaml {
  return list.length > 0 ? { [key]: list } : {};
}
