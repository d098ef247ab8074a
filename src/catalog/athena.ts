/**
 * A first query for a product, as a consumer would paste it into Athena. Protected columns
 * (personal, or classified pii or restricted) are left out: Lake Formation withholds exactly
 * those from consumers not approved for PII (isProtected), so selecting them would fail for most
 * readers.
 */
import { isProtected } from '../contract/column-rules';
import type { ColumnSpec, DataProductSpec } from '../contract/model';

const LINE_WIDTH = 80;

export function athenaQuery(product: DataProductSpec, database: string): string {
  const columns = [...product.columns, ...product.partitionKeys];
  const readable = columns.filter((c) => !isProtected(c));
  const hidden = columns.filter(isProtected);
  const lines: string[] = [];
  if (hidden.length > 0) lines.push(`-- columns withheld without PII approval: ${hidden.map((c) => c.name).join(', ')}`);
  lines.push(...selectList(readable.map((c) => quote(c.name))));
  lines.push(`FROM ${quote(database)}.${quote(product.name)}`);
  const partition = product.partitionKeys[0];
  const filter = partition ? recentFilter(partition) : undefined;
  if (filter) lines.push(filter);
  else if (partition) lines.push(`-- filter on ${product.partitionKeys.map((c) => c.name).join(', ')} to scan less data`);
  lines.push('LIMIT 100;');
  return lines.join('\n');
}

/** `SELECT a, b, c,` wrapped at about 80 characters, so the snippet reads without scrolling. */
function selectList(names: readonly string[]): string[] {
  if (names.length === 0) return ['SELECT count(*)'];
  const lines: string[] = [];
  let line = 'SELECT';
  names.forEach((name, i) => {
    const item = `${name}${i < names.length - 1 ? ',' : ''}`;
    if (line.length + 1 + item.length > LINE_WIDTH && line !== 'SELECT') {
      lines.push(line);
      line = `  ${item}`;
    } else {
      line = line === 'SELECT' ? `SELECT ${item}` : `${line} ${item}`;
    }
  });
  lines.push(line);
  return lines;
}

/** Partition pruning for the common case of a date partition: the last seven days. */
function recentFilter(column: ColumnSpec): string | undefined {
  if (column.type.kind !== 'primitive') return undefined;
  if (column.type.name === 'date') return `WHERE ${quote(column.name)} >= current_date - INTERVAL '7' DAY`;
  if (column.type.name === 'timestamp') return `WHERE ${quote(column.name)} >= current_timestamp - INTERVAL '7' DAY`;
  return undefined;
}

/** Athena identifiers in double quotes; names are snake_case, so nothing needs escaping but quotes. */
function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
