/**
 * Column rules every contract format applies in the same way, so a column means the same thing
 * whether it was written in the native format or in ODCS.
 */
import { CLASSIFICATIONS, type Classification, type ColumnSpec, type OutputFormat } from './model';

/** Formats that store nested values; csv is flat text. */
const NESTED_FORMATS: ReadonlySet<OutputFormat> = new Set(['parquet', 'orc', 'avro', 'json', 'iceberg']);

export function storesNestedTypes(format: OutputFormat): boolean {
  return NESTED_FORMATS.has(format);
}

/**
 * A `pii` tag counts as a pii classification, raising a lower declared one: teams tag personal
 * columns more readily than they classify them, and an undeclared personal column is the costliest
 * mistake a contract can make. Tags, Lake Formation and evolution then all read one value.
 */
export function classifyColumn(declared: Classification | undefined, tags: readonly string[]): Pick<ColumnSpec, 'classification' | 'classificationDeclared' | 'pii'> {
  const taggedPii = tags.some((tag) => tag.toLowerCase() === 'pii');
  const classification = taggedPii ? mostSensitive([declared ?? 'pii', 'pii']) : (declared ?? 'internal');
  return {
    classification,
    classificationDeclared: declared !== undefined || taggedPii,
    pii: classification === 'pii' || taggedPii,
  };
}

/** A product is as sensitive as its most sensitive column. */
export function mostSensitive(classifications: readonly Classification[]): Classification {
  return classifications.reduce<Classification>((worst, c) => (CLASSIFICATIONS.indexOf(c) > CLASSIFICATIONS.indexOf(worst) ? c : worst), 'public');
}

/**
 * Columns withheld from readers without approval: personal data, and anything classified at
 * least as sensitive (`restricted`).
 */
export function isProtected(column: Pick<ColumnSpec, 'classification' | 'pii'>): boolean {
  return column.pii || CLASSIFICATIONS.indexOf(column.classification) >= CLASSIFICATIONS.indexOf('pii');
}

/** Whether any column of the product is protected (see isProtected). */
export function holdsProtectedData(product: { readonly columns: readonly ColumnSpec[]; readonly partitionKeys: readonly ColumnSpec[] }): boolean {
  return [...product.columns, ...product.partitionKeys].some(isProtected);
}

/** The Glue comment of a column: its description, marked `[deprecated]` when the contract deprecates the column. */
export function columnComment(column: Pick<ColumnSpec, 'description' | 'deprecated'>): string | undefined {
  if (!column.deprecated) return column.description;
  return column.description ? `[deprecated] ${column.description}` : '[deprecated]';
}
