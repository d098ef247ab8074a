/**
 * Which Glue type changes keep old files readable. We follow what Parquet and ORC readers
 * (Athena, Spark) do with an old file under a new table schema: integer widening and float to
 * double work; decimal may gain precision with the same scale; anything else, including a change
 * to string, fails or silently returns nulls for old files, so it counts as breaking.
 */
import { formatGlueType, type GlueType } from '../contract/glue-type';

const INTEGER_WIDTH: Readonly<Record<string, number>> = { tinyint: 1, smallint: 2, int: 3, bigint: 4 };

export function isWidening(from: GlueType, to: GlueType): boolean {
  if (formatGlueType(from) === formatGlueType(to)) return true;
  if (from.kind === 'primitive' && to.kind === 'primitive') {
    if (INTEGER_WIDTH[from.name] && INTEGER_WIDTH[to.name]) return INTEGER_WIDTH[to.name] > INTEGER_WIDTH[from.name];
    return from.name === 'float' && to.name === 'double';
  }
  if (from.kind === 'decimal' && to.kind === 'decimal') {
    return to.scale === from.scale && to.precision >= from.precision;
  }
  if ((from.kind === 'varchar' || from.kind === 'char') && to.kind === 'varchar') return to.length >= from.length;
  if (from.kind === 'array' && to.kind === 'array') return isWidening(from.element, to.element);
  if (from.kind === 'map' && to.kind === 'map') return formatGlueType(from.key) === formatGlueType(to.key) && isWidening(from.value, to.value);
  if (from.kind === 'struct' && to.kind === 'struct') {
    // Fields may be added at the end; existing ones keep their name and position and may widen.
    return from.fields.length <= to.fields.length && from.fields.every((field, i) => to.fields[i].name === field.name && isWidening(field.type, to.fields[i].type));
  }
  return false;
}
