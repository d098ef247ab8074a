/**
 * The table of an ODCS contract: the first schema object that is a table becomes the Glue table,
 * its properties the columns, and `partitioned` properties the partition keys in
 * `partitionKeyPosition` order.
 */
import { classifyColumn, columnComment, storesNestedTypes } from '../column-rules';
import { formatGlueType, isScalarGlueType } from '../glue-type';
import { CLASSIFICATIONS, type Classification, type ColumnSpec, type OutputFormat } from '../model';
import type { DocPath } from '../source';
import { closestMatch } from '../suggest';
import type { OdcsDocument, OdcsProperty, OdcsSchemaObject } from './document';
import type { DocumentIssues } from './issues';
import { columnType, glueName } from './logical-type';

// An ODCS schema object without a physicalType is a table unless it says otherwise.
const TABLE_TYPES = new Set(['table', 'view']);
const MAX_COMMENT = 255;

export interface OdcsTable {
  readonly index: number;
  readonly table: OdcsSchemaObject;
}

export interface OdcsColumns {
  /** Every column in declared order, partition keys included. */
  readonly all: readonly ColumnSpec[];
  readonly partitionBy: readonly string[];
  /** ODCS property name -> column name, for checks that refer to properties by name. */
  readonly byPropertyName: ReadonlyMap<string, string>;
}

export function selectTable(contract: OdcsDocument, issues: DocumentIssues): OdcsTable | undefined {
  const objects = contract.schema ?? [];
  if (objects.length === 0) {
    issues.cannotBuild(
      contract.schema ? ['schema'] : [],
      'the contract describes no table (`schema` is empty); the platform builds one S3 bucket and Glue table per contract',
      'add a schema object with `physicalType: table` and its `properties`',
    );
    return undefined;
  }
  const tables = objects.map((table, index) => ({ table, index })).filter(({ table }) => !table.physicalType || TABLE_TYPES.has(table.physicalType.toLowerCase()));
  if (tables.length === 0) {
    const first = objects[0];
    issues.cannotBuild(
      ['schema', 0, 'physicalType'],
      `schema object "${first.name}" is a ${first.physicalType}, not a table; the platform builds tables (S3 + Glue)`,
      'describe a table (`physicalType: table`), or keep this contract out of the mesh',
    );
    return undefined;
  }
  const chosen = tables[0];
  const ignored = objects.map((object, index) => ({ name: object.name, index })).filter(({ index }) => index !== chosen.index);
  if (ignored.length > 0) {
    // One warning, not one per object: an exported database schema can hold dozens of tables.
    const names =
      ignored
        .slice(0, 5)
        .map(({ name }) => `"${name}"`)
        .join(', ') + (ignored.length > 5 ? ` and ${ignored.length - 5} more` : '');
    issues.warn(
      ['schema', ignored[0].index],
      `${ignored.length === 1 ? 'schema object' : `${ignored.length} schema objects`} ${names} ${ignored.length === 1 ? 'is' : 'are'} not built: only the first table, "${chosen.table.name}", becomes the Glue table`,
      'give each table a contract of its own',
    );
  }
  if (chosen.table.deprecated) {
    issues.warn(
      ['schema', chosen.index, 'deprecated'],
      `table "${chosen.table.name}" is deprecated, but the product's status is what the platform builds by`,
      'set `status: deprecated` to tag the product deprecated (and a sunset date in customProperties datameshSunset)',
    );
  }
  if (!chosen.table.properties?.length) {
    issues.cannotBuild(['schema', chosen.index], `table "${chosen.table.name}" has no properties; a Glue table needs columns`, 'list the columns under `properties`');
    return undefined;
  }
  return chosen;
}

/** The Glue table is named after the product: a physicalName that says otherwise is not silently replaced. */
export function checkTableName({ table, index }: OdcsTable, productName: string, issues: DocumentIssues): void {
  if (table.physicalName === undefined || glueName(table.physicalName) === productName) return;
  issues.cannotBuild(
    ['schema', index, 'physicalName'],
    `the table's physicalName is "${table.physicalName}", but the platform names the Glue table after the product: "${productName}"`,
    `set \`physicalName: ${productName}\`, or leave it out`,
  );
}

export function readColumns({ table, index: tableIndex }: OdcsTable, format: OutputFormat, issues: DocumentIssues): OdcsColumns | undefined {
  const properties = table.properties!;
  const base: DocPath = ['schema', tableIndex, 'properties'];
  const byPropertyName = new Map<string, string>();
  const firstIndex = new Map<string, number>();
  const columns = properties.map((property, index) => {
    const path = [...base, index];
    const name = glueName(property.physicalName ?? property.name!);
    if (!name) {
      const key = property.physicalName !== undefined ? 'physicalName' : 'name';
      issues.cannotBuild(
        [...path, key],
        `column name "${property.physicalName ?? property.name}" is not a Glue identifier`,
        'use letters, digits and underscores, e.g. order_id (set `physicalName` to keep the business name in `name`)',
      );
      return undefined;
    }
    const first = firstIndex.get(name);
    if (first !== undefined) {
      issues.error(
        [...path, 'name'],
        `duplicate column "${name}" (first declared at line ${issues.document.locate([...base, first]).line})`,
        'column names must be unique, ignoring case; rename or remove one of them',
      );
      return undefined;
    }
    firstIndex.set(name, index);
    byPropertyName.set(property.name!, name);
    return readColumn(property, name, path, format, issues);
  });
  const partitionBy = partitionOrder(properties, columns, base, issues);
  if (columns.some((c) => !c) || !partitionBy) return undefined;
  return { all: columns as ColumnSpec[], partitionBy, byPropertyName };
}

function readColumn(property: OdcsProperty, name: string, path: DocPath, format: OutputFormat, issues: DocumentIssues): ColumnSpec | undefined {
  const type = columnType(property, path, issues);
  const classification = readClassification(property, path, issues);
  const description = property.description?.trim();
  const comment = columnComment({ description, deprecated: property.deprecated });
  if (description && comment && comment.length > MAX_COMMENT) {
    const marked = property.deprecated ? ' with its [deprecated] mark' : '';
    issues.cannotBuild(
      [...path, 'description'],
      `the description of "${name}" has ${comment.length} characters${marked}; Glue column comments hold at most ${MAX_COMMENT}`,
      'shorten it and move the details to the table or contract description',
    );
  }
  if (type && !storesNestedTypes(format) && !isScalarGlueType(type)) {
    issues.cannotBuild(path, `format ${format} cannot store the nested type ${formatGlueType(type)} of "${name}"`, 'use parquet, orc, avro, json or iceberg for nested data, or flatten the column');
    return undefined;
  }
  if (!type || classification === null) return undefined;
  const classified = classifyColumn(classification, property.tags ?? []);
  const hidden = moreSensitiveField(property, path, classified.classification);
  if (hidden) {
    issues.error(
      hidden.path,
      `property "${hidden.name}" of column "${name}" is classified ${hidden.classification}, but the column is ${classified.classification}: Lake Formation and S3 protect whole columns, so every reader of ${name} would see it`,
      `classify the column \`${property.name}\` as ${hidden.classification} (or move the field into a column of its own)`,
    );
    return undefined;
  }
  if (property.semanticType && property.semanticType !== 'column' && property.transformLogic) {
    // v3.2.0 measures and dimensions may be computed (SUM(...)): the table gets a column the producer fills.
    issues.warn(
      [...path, 'transformLogic'],
      `${property.semanticType} "${name}" becomes a column of the Glue table; the platform does not compute its transformLogic`,
      'the producer writes its values, or the measure is computed by the query tool and left out of the table',
    );
  }
  const tags = property.tags ?? [];
  return {
    name,
    type,
    glueType: formatGlueType(type),
    description: description || undefined,
    required: property.required ?? property.primaryKey ?? false,
    primaryKey: property.primaryKey ?? false,
    ...classified,
    tags,
    location: issues.document.locate(path),
    ...(property.deprecated ? { deprecated: true } : {}),
    ...(property.semanticType ? { semanticType: property.semanticType } : {}),
    ...(property.synonyms?.length ? { synonyms: property.synonyms.map((s) => s.synonym) } : {}),
    ...(property.physicalName !== undefined && glueName(property.name!) !== name ? { propertyName: property.name } : {}),
  };
}

/**
 * The first field inside a column (object properties, array items, map keys and values) whose own
 * classification or pii tag is more sensitive than the column's. Only whole columns can be
 * withheld, so such a field would reach every reader unless the column carries its class.
 */
function moreSensitiveField(column: OdcsProperty, path: DocPath, columnClass: Classification): { name: string; classification: Classification; path: DocPath } | undefined {
  const nested: { property: OdcsProperty; path: DocPath }[] = [
    ...(column.properties ?? []).map((property, index) => ({ property, path: [...path, 'properties', index] })),
    ...(column.items ? [{ property: column.items, path: [...path, 'items'] }] : []),
    ...(column.map
      ? [
          { property: column.map.key, path: [...path, 'map', 'key'] },
          { property: column.map.value, path: [...path, 'map', 'value'] },
        ]
      : []),
  ];
  for (const { property, path: at } of nested) {
    const declared = property.classification?.toLowerCase() as Classification | undefined;
    const known = declared !== undefined && CLASSIFICATIONS.includes(declared) ? declared : undefined;
    const own = classifyColumn(known, property.tags ?? []);
    if (own.classificationDeclared && CLASSIFICATIONS.indexOf(own.classification) > CLASSIFICATIONS.indexOf(columnClass)) {
      const key = known !== undefined && known === own.classification ? 'classification' : 'tags';
      return { name: property.name ?? column.name ?? '', classification: own.classification, path: [...at, key] };
    }
    const deeper = moreSensitiveField(property, at, columnClass);
    if (deeper) return deeper;
  }
  return undefined;
}

/** Our classifications, case-insensitively; null when the value is unknown (an error was reported). */
function readClassification(property: OdcsProperty, path: DocPath, issues: DocumentIssues): Classification | undefined | null {
  if (property.classification === undefined) return undefined;
  const value = property.classification.toLowerCase() as Classification;
  if (CLASSIFICATIONS.includes(value)) return value;
  const suggestion = closestMatch(property.classification, CLASSIFICATIONS);
  issues.error(
    [...path, 'classification'],
    `classification "${property.classification}" is not one the platform knows`,
    suggestion ? `did you mean "${suggestion}"?` : `use one of: ${CLASSIFICATIONS.join(', ')}`,
  );
  return null;
}

/** Partition columns ordered by `partitionKeyPosition`; a single one needs no position. */
function partitionOrder(properties: readonly OdcsProperty[], columns: readonly (ColumnSpec | undefined)[], base: DocPath, issues: DocumentIssues): string[] | undefined {
  const partitioned = properties.map((property, index) => ({ property, index })).filter(({ property }) => property.partitioned);
  let ok = true;
  const byPosition = new Map<number, number>();
  for (const { property, index } of partitioned) {
    const position = property.partitionKeyPosition ?? -1;
    const column = columns[index];
    if (column && !isScalarGlueType(column.type)) {
      issues.cannotBuild([...base, index], `partition column "${column.name}" has the nested type ${column.glueType}`, 'partition by a column of a scalar type such as date, string or int');
      ok = false;
    }
    if (partitioned.length > 1 && position < 1) {
      issues.error(
        [...base, index, 'partitioned'],
        `partition column "${property.name}" has no partitionKeyPosition, so the partition order is unknown`,
        'number the partition columns 1, 2, ... in `partitionKeyPosition`, coarsest first',
      );
      ok = false;
    } else if (byPosition.has(position)) {
      issues.error(
        [...base, index, 'partitionKeyPosition'],
        `partitionKeyPosition ${position} is also used by "${properties[byPosition.get(position)!].name}"`,
        'give each partition column its own position',
      );
      ok = false;
    }
    byPosition.set(position, index);
  }
  if (!ok) return undefined;
  return partitioned.sort((a, b) => (a.property.partitionKeyPosition ?? -1) - (b.property.partitionKeyPosition ?? -1)).map(({ index }) => columns[index]?.name ?? '');
}
