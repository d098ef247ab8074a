/**
 * The Glue type of an ODCS property: its `physicalType` when that already is a Glue type
 * (decimal(12,2), varchar(36), array<string>), otherwise a mapping of `logicalType` and
 * `logicalTypeOptions`, with nested objects, arrays and (v3.2.0) maps becoming struct<>, array<>
 * and map<>.
 */
import { formatGlueType, isScalarGlueType, parseGlueType, type GlueType } from '../glue-type';
import type { DocPath } from '../source';
import type { OdcsProperty } from './document';
import type { DocumentIssues } from './issues';

// ODCS integer formats follow Rust's integer types; each maps to the smallest Glue type that holds it.
const INTEGER_FORMATS = new Map<string, GlueType>([
  ['i8', { kind: 'primitive', name: 'tinyint' }],
  ['i16', { kind: 'primitive', name: 'smallint' }],
  ['u8', { kind: 'primitive', name: 'smallint' }],
  ['i32', { kind: 'primitive', name: 'int' }],
  ['u16', { kind: 'primitive', name: 'int' }],
  ['i64', { kind: 'primitive', name: 'bigint' }],
  ['u32', { kind: 'primitive', name: 'bigint' }],
  ['u64', { kind: 'decimal', precision: 20, scale: 0 }],
  ['i128', { kind: 'decimal', precision: 38, scale: 0 }],
  ['u128', { kind: 'decimal', precision: 38, scale: 0 }],
]);
const MAX_VARCHAR = 65535;
// Nested objects deeper than this are a generated or hostile document, not a table.
const MAX_DEPTH = 32;

const primitive = (name: 'string' | 'date' | 'timestamp' | 'boolean' | 'float' | 'double' | 'int'): GlueType => ({ kind: 'primitive', name });

/** A Glue identifier as ODCS names it: Glue and Athena store names in lower case. */
export function glueName(name: string): string | undefined {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && name.length <= 255 ? name.toLowerCase() : undefined;
}

/** The physical type as Glue reads it, when it is one; Hive type names are case-insensitive. */
export function physicalGlueType(physicalType: string | undefined): GlueType | undefined {
  if (!physicalType) return undefined;
  const parsed = parseGlueType(physicalType.toLowerCase());
  return parsed.ok ? parsed.type : undefined;
}

export function columnType(property: OdcsProperty, path: DocPath, issues: DocumentIssues, depth = 0): GlueType | undefined {
  const physical = physicalGlueType(property.physicalType);
  if (physical) return physical;
  const label = property.name ?? 'items';
  const notGlue = property.physicalType ? ` (physicalType "${property.physicalType}" is not a Glue type)` : '';
  if (depth > MAX_DEPTH) {
    issues.cannotBuild(path, `"${label}" is nested more than ${MAX_DEPTH} levels deep`, 'flatten the structure');
    return undefined;
  }
  const options = property.logicalTypeOptions ?? {};
  switch (property.logicalType) {
    case 'string': {
      const maxLength = options.maxLength as number | undefined;
      return maxLength !== undefined && maxLength >= 1 && maxLength <= MAX_VARCHAR ? { kind: 'varchar', length: maxLength } : primitive('string');
    }
    case 'date':
      return primitive('date');
    case 'timestamp':
      return primitive('timestamp');
    case 'time':
      // Glue has no time-of-day type; Athena compares ISO times ("09:30:00") correctly as text.
      return primitive('string');
    case 'boolean':
      return primitive('boolean');
    case 'number':
      return primitive(options.format === 'f32' ? 'float' : 'double');
    case 'integer':
      return INTEGER_FORMATS.get((options.format as string | undefined) ?? 'i32')!;
    case 'object':
      return structType(property, path, issues, depth, notGlue);
    case 'array': {
      if (!property.items) {
        issues.cannotBuild(
          path,
          `"${label}" is an array without \`items\`${notGlue}, so its element type is unknown`,
          'describe the elements under `items`, or set `physicalType` to a Glue type such as array<string>',
        );
        return undefined;
      }
      const element = columnType(property.items, [...path, 'items'], issues, depth + 1);
      return element && { kind: 'array', element };
    }
    case 'map':
      return mapType(property, path, issues, depth);
    default:
      issues.cannotBuild(path, `"${label}" has no type the platform can map${notGlue}`, 'add a `logicalType`, or set `physicalType` to a Glue type such as string, bigint or decimal(12,2)');
      return undefined;
  }
}

/** v3.2.0 `logicalType: map` -> map<k,v>: the schema requires `map.key` and `map.value`; Glue (Hive) keys are scalar. */
function mapType(property: OdcsProperty, path: DocPath, issues: DocumentIssues, depth: number): GlueType | undefined {
  const key = columnType(property.map!.key, [...path, 'map', 'key'], issues, depth + 1);
  const value = columnType(property.map!.value, [...path, 'map', 'value'], issues, depth + 1);
  if (key && !isScalarGlueType(key)) {
    issues.cannotBuild(
      [...path, 'map', 'key'],
      `the keys of map "${property.name ?? 'items'}" are ${formatGlueType(key)}; Glue map keys are of a scalar type`,
      'key the map by a string, a number or a date',
    );
    return undefined;
  }
  return key && value ? { kind: 'map', key, value } : undefined;
}

function structType(property: OdcsProperty, path: DocPath, issues: DocumentIssues, depth: number, notGlue: string): GlueType | undefined {
  const label = property.name ?? 'items';
  const fields = property.properties ?? [];
  if (fields.length === 0) {
    issues.cannotBuild(
      path,
      `"${label}" is an object without properties${notGlue}; a Glue struct needs its fields`,
      'list the fields under `properties`, or set `physicalType` to a Glue type such as string (JSON text) or map<string,string>',
    );
    return undefined;
  }
  const resolved = fields.map((field, index) => {
    const fieldPath = [...path, 'properties', index];
    const name = glueName(field.name!);
    if (!name) {
      issues.cannotBuild([...fieldPath, 'name'], `field name "${field.name}" is not a Glue identifier`, 'use letters, digits and underscores, starting with a letter or underscore');
    }
    const type = columnType(field, fieldPath, issues, depth + 1);
    return name && type ? { name, type } : undefined;
  });
  if (resolved.some((field) => !field)) return undefined;
  const struct: GlueType = { kind: 'struct', fields: resolved as { name: string; type: GlueType }[] };
  // Re-reading the spelled-out type catches what the grammar forbids, such as duplicate field names.
  const check = parseGlueType(formatGlueType(struct));
  if (!check.ok) {
    issues.cannotBuild(path, `"${label}" does not make a valid Glue struct: ${check.error.message}`, check.error.hint);
    return undefined;
  }
  return struct;
}
